// `threadline user create ...` and `threadline token create --agency CODE`
import type { Command } from 'commander'
import { createInterface } from 'node:readline'
import { withDatabase } from '../cli/context.ts'
import { CliError } from '../cli/errors.ts'
import { ROLES } from './roles.ts'
import { createUser, UserError } from './users.ts'
import { createToken } from './tokens.ts'
import { audit } from '../audit/audit.ts'
import { cliActor } from '../audit/actor.ts'
import { now } from '../config/clock.ts'

export function registerAccessCommands(program: Command): void {
  const user = program.command('user').description('manage users')
  user
    .command('create')
    .description('create a user; prints the user_id')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--agency <code>', 'the agency the user works for')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}; several separated by commas`)
    .option('--job-title <title>', 'e.g. Detective Constable, Social Worker')
    .option('--password-stdin', 'read the password from standard input')
    .action(
      async (opts: {
        email: string
        name: string
        agency: string
        role: string
        jobTitle?: string
        passwordStdin?: boolean
      }) => {
        const password = opts.passwordStdin
          ? await readStdin()
          : process.stdin.isTTY
            ? await promptHidden('Password: ')
            : undefined
        if (password === undefined)
          process.stderr.write('no password set: the user cannot sign in until one is set (use --password-stdin)\n')
        const id = await withDatabase('user create', async ({ db }) => {
          try {
            const id = await createUser(db, {
              email: opts.email,
              name: opts.name,
              agency: opts.agency,
              roles: opts.role.split(',').map((r) => r.trim()),
              password,
              jobTitle: opts.jobTitle,
            })
            await audit(
              db,
              cliActor(),
              {
                action: 'user_created',
                details: { user_id: id, email: opts.email, agency: opts.agency, roles: opts.role },
              },
              now(),
            )
            return id
          } catch (error) {
            if (error instanceof UserError) throw new CliError(error.message)
            throw error
          }
        })
        process.stdout.write(`user_id\n${id}\n`)
      },
    )
  const token = program.command('token').description('manage API tokens')
  token
    .command('create')
    .description('create an API token for an agency; prints it once')
    .requiredOption('--agency <code>', 'agency code')
    .action(async (opts: { agency: string }) => {
      const value = await withDatabase('token create', async ({ db }) => {
        try {
          const t = await createToken(db, opts.agency)
          await audit(db, cliActor(), { action: 'token_created', details: { agency: opts.agency } }, now())
          return t
        } catch (error) {
          throw new CliError(error instanceof Error ? error.message : String(error))
        }
      })
      process.stdout.write(`${value}\n`)
      process.stderr.write('store this token now: it is not shown again\n')
    })
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
