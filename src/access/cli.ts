// `threadline user create|password|two-step ...` and `threadline token create|list|revoke`
import { Option, type Command } from 'commander'
import { createInterface } from 'node:readline'
import { withDatabase } from '../cli/context.ts'
import { CliError } from '../cli/errors.ts'
import { ROLES } from '../vocabulary/roles.ts'
import { createUser, setPassword } from './users.ts'
import { changeTwoStep, TWO_STEP_CHANGES, type TwoStepChange } from './mfa.ts'
import { createToken, listTokens, revokeToken, type TokenStatus } from './tokens.ts'
import { audit } from '../audit/audit.ts'
import { actorLabel, cliActor } from '../audit/actor.ts'
import { formatLondon, now } from '../config/clock.ts'
import { SETTINGS } from '../config/settings.ts'
import { formatFrom, formatOption } from '../cli/options.ts'
import { formatRows } from '../cli/output.ts'

export function registerAccessCommands(program: Command): void {
  registerUserCommands(program.command('user').description('manage users'))
  registerTokenCommands(program.command('token').description('manage API tokens'))
}

/** `threadline user create|password|two-step` */
function registerUserCommands(user: Command): void {
  user
    .command('create')
    .description('create a user; prints the user_id')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--agency <code>', 'the agency the user works for')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}; several separated by commas`)
    .option('--job-title <title>', 'e.g. Detective Constable, Social Worker')
    .option('--password-stdin', 'read the password from standard input')
    .option('--break-glass', 'may sign in with the password while single sign-on is on (an emergency account)')
    .action(createUserFromCli)
  user
    .command('password')
    .description("set a user's password (read from standard input or asked for); ends their sessions")
    .requiredOption('--email <email>', 'sign-in email')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (opts: { email: string; passwordStdin?: boolean }) => {
      const password =
        opts.passwordStdin || !process.stdin.isTTY ? await readStdin() : await promptHidden('New password: ')
      await withDatabase('user password', async ({ db }) => {
        const id = await setPassword(db, opts.email, password)
        await audit(db, cliActor(), { action: 'password_changed', details: { user_id: id } }, now())
      })
      process.stderr.write(`password set for ${opts.email.trim().toLowerCase()}; their sessions have ended\n`)
    })
  user
    .command('two-step')
    .description("reset a user's two-step sign-in (a lost phone and codes), or require it of them or not")
    .requiredOption('--email <email>', 'sign-in email')
    .addOption(
      new Option('--change <change>', 'reset: set up afresh at next sign-in; require; not-required')
        .choices(TWO_STEP_CHANGES)
        .makeOptionMandatory(),
    )
    .action(async (opts: { email: string; change: TwoStepChange }) => {
      const email = opts.email.trim().toLowerCase()
      await withDatabase('user two-step', async ({ db }) => {
        const user = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()
        if (!user) throw new CliError(`there is no user with email ${email}`)
        await changeTwoStep(db, cliActor(), user.id, opts.change, now())
      })
      process.stderr.write(
        opts.change === 'reset'
          ? `two-step sign-in reset for ${email}: they set it up again at their next sign-in if their role needs it\n`
          : `two-step sign-in ${opts.change === 'require' ? 'required of' : 'no longer required of'} ${email} (their role may still need it)\n`,
      )
    })
}

/** `threadline token create|list|revoke` */
function registerTokenCommands(token: Command): void {
  token
    .command('create')
    .description('create an API token for an agency; prints it once')
    .requiredOption('--agency <code>', 'agency code')
    .option('--name <text>', 'what the token is for (the system that uses it)')
    .option(
      '--days <n>',
      `how many days it lasts (default THREADLINE_TOKEN_DAYS, ${SETTINGS.tokenDays.default} unless set)`,
    )
    .action(async (opts: { agency: string; name?: string; days?: string }) => {
      const value = await withDatabase('token create', async ({ db }, config) => {
        const days = opts.days === undefined ? config.tokenDays : wholeNumber('--days', opts.days)
        const t = await createToken(db, opts.agency, { days, name: opts.name, createdBy: actorLabel(cliActor()) })
        await audit(
          db,
          cliActor(),
          { action: 'token_created', details: { agency: opts.agency, name: opts.name ?? null, days } },
          now(),
        )
        return t
      })
      process.stdout.write(`${value}\n`)
      process.stderr.write('store this token now: it is not shown again\n')
    })
  token
    .command('list')
    .description('list API tokens (never the tokens themselves): status, expiry, last use, uses')
    .option('--agency <code>', 'only this agency')
    .addOption(new Option('--status <status>', 'only tokens in this state').choices(['active', 'expired', 'revoked']))
    .addOption(formatOption())
    .action(async (opts: { agency?: string; status?: TokenStatus; format?: string }) => {
      const rows = await withDatabase('token list', ({ db }) =>
        listTokens(db, now(), { agency: opts.agency, status: opts.status }),
      )
      const out = rows.map((r) => ({
        ...r,
        created_at: formatLondon(r.created_at),
        expires_at: formatLondon(r.expires_at),
        revoked_at: formatLondon(r.revoked_at),
        last_used_at: formatLondon(r.last_used_at),
      }))
      process.stdout.write(formatRows(TOKEN_COLUMNS, out, formatFrom(opts.format)))
    })
  token
    .command('revoke')
    .description('revoke an API token at once (its id from token list)')
    .argument('<token_id>', 'the token_id that token list shows')
    .action(async (id: string) => {
      const tokenId = wholeNumber('token_id', id)
      const result = await withDatabase('token revoke', async ({ db }) => {
        const r = await revokeToken(db, tokenId, actorLabel(cliActor()), now())
        if (!r.alreadyRevokedAt)
          await audit(
            db,
            cliActor(),
            { action: 'token_revoked', details: { token_id: tokenId, agency: r.agency } },
            now(),
          )
        return r
      })
      process.stderr.write(
        result.alreadyRevokedAt
          ? `token ${tokenId} was already revoked at ${formatLondon(result.alreadyRevokedAt)}\n`
          : `token ${tokenId} (${result.agency}) revoked: it no longer works\n`,
      )
    })
}

interface UserCreateOptions {
  email: string
  name: string
  agency: string
  role: string
  jobTitle?: string
  passwordStdin?: boolean
  breakGlass?: boolean
}

async function createUserFromCli(opts: UserCreateOptions): Promise<void> {
  const password = opts.passwordStdin
    ? await readStdin()
    : process.stdin.isTTY
      ? await promptHidden('Password: ')
      : undefined
  if (password === undefined)
    process.stderr.write('no password set: the user cannot sign in until one is set (use --password-stdin)\n')
  const id = await withDatabase('user create', async ({ db }) => {
    const id = await createUser(db, {
      email: opts.email,
      name: opts.name,
      agency: opts.agency,
      roles: opts.role.split(',').map((r) => r.trim()),
      password,
      jobTitle: opts.jobTitle,
      breakGlass: opts.breakGlass,
    })
    await audit(
      db,
      cliActor(),
      {
        action: 'user_created',
        details: {
          user_id: id,
          email: opts.email,
          agency: opts.agency,
          roles: opts.role,
          ...(opts.breakGlass ? { break_glass: true } : {}),
        },
      },
      now(),
    )
    return id
  })
  process.stdout.write(`user_id\n${id}\n`)
}

export const TOKEN_COLUMNS = [
  'token_id',
  'agency',
  'name',
  'status',
  'created_at',
  'created_by',
  'expires_at',
  'revoked_at',
  'revoked_by',
  'last_used_at',
  'uses',
] as const

function wholeNumber(what: string, value: string): number {
  if (!/^\d{1,9}$/.test(value.trim())) throw new CliError(`${what} "${value}" is not a whole number`, 2)
  return Number(value)
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
  if (!text) throw new CliError('--password-stdin read an empty password')
  return text
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true })
    const write = rl as unknown as { _writeToOutput: (s: string) => void }
    write._writeToOutput = (s: string) => {
      if (s.startsWith(question)) process.stderr.write(question)
    }
    rl.question(question, (answer) => {
      rl.close()
      process.stderr.write('\n')
      resolve(answer)
    })
  })
}
