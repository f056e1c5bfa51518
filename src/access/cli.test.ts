// The access commands end to end, as an administrator at a terminal uses them: setting a password
// (checked as on the pages, and ending the person's sessions); creating, listing and revoking API
// tokens.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { BACKENDS, serverAvailable, TEST_PG_URL } from '../testing/backends.ts'
import { missingPrerequisite } from '../testing/needs.ts'
import { openTargetDatabase, pgliteTarget, postgresTarget, runCli, type CliTarget } from '../testing/cli.ts'
import { checkPassword } from './passwords.ts'
import { findToken } from './tokens.ts'

for (const name of BACKENDS) {
  const make = name === 'pglite' ? pgliteTarget : postgresTarget
  const skip =
    name === 'postgres' && !serverAvailable ? missingPrerequisite(`the PostgreSQL server at ${TEST_PG_URL}`) : false
  describe(`threadline user and token commands [${name}]`, { skip }, () => {
    let target: CliTarget
    const cli = (args: string[], input?: string) => runCli(args, target.env, input)
    before(async () => {
      target = make()
      const added = await cli(['agencies', 'add', 'police', '--name', 'Police', '--kind', 'police'])
      assert.equal(added.code, 0, added.stderr)
      const user = await cli(
        [
          'user',
          'create',
          '--email',
          'pat@police.test',
          '--name',
          'Pat Officer',
          '--agency',
          'police',
          '--role',
          'practitioner',
          '--password-stdin',
        ],
        'a-very-long-password\n',
      )
      assert.equal(user.code, 0, user.stderr)
    })
    after(async () => target?.cleanup())

    test('user create and user password refuse weak passwords with the reason; a good one is set', async () => {
      const weak = await cli(
        [
          'user',
          'create',
          '--email',
          'sam@police.test',
          '--name',
          'Sam',
          '--agency',
          'police',
          '--role',
          'practitioner',
          '--password-stdin',
        ],
        ' '.repeat(12) + '\n',
      )
      assert.equal(weak.code, 1)
      assert.match(weak.stderr, /a password cannot be only spaces/)
      for (const [password, why] of [
        ['Password1234!', /most common/],
        ['pat@police.test', /your own name or email address/],
        ['PatOfficer2026', /your own name or email address/],
        ['short', /at least 12 characters/],
      ] as const) {
        const r = await cli(['user', 'password', '--email', 'pat@police.test', '--password-stdin'], `${password}\n`)
        assert.equal(r.code, 1, password)
        assert.match(r.stderr, why, password)
      }
      const nobody = await cli(['user', 'password', '--email', 'nobody@police.test'], 'another-long-password\n')
      assert.equal(nobody.code, 1)
      assert.match(nobody.stderr, /there is no user with email nobody@police\.test/)
      const ok = await cli(['user', 'password', '--email', 'Pat@Police.test'], 'walnut lantern orchestra\n')
      assert.equal(ok.code, 0, ok.stderr)
      assert.match(ok.stderr, /password set for pat@police\.test/)
      const database = await openTargetDatabase(target)
      try {
        const row = await database.db
          .selectFrom('users')
          .select('password_hash')
          .where('email', '=', 'pat@police.test')
          .executeTakeFirstOrThrow()
        assert.equal(await checkPassword(row.password_hash, 'walnut lantern orchestra'), true)
        const audited = await database.db
          .selectFrom('audit_log')
          .select('action')
          .where('action', '=', 'password_changed')
          .execute()
        assert.equal(audited.length, 1)
      } finally {
        await database.close()
      }
    })

    test('user create --break-glass makes an emergency account for when single sign-on is down', async () => {
      const args = [
        'user',
        'create',
        '--name',
        'Duty Admin',
        '--agency',
        'police',
        '--role',
        'admin',
        '--password-stdin',
      ]
      const made = await cli([...args, '--email', 'duty@police.test', '--break-glass'], 'walnut lantern orchestra\n')
      assert.equal(made.code, 0, made.stderr)
      const plain = await cli([...args, '--email', 'plain@police.test'], 'walnut lantern orchestra\n')
      assert.equal(plain.code, 0, plain.stderr)
      const database = await openTargetDatabase(target)
      try {
        const rows = await database.db
          .selectFrom('users')
          .select(['email', 'break_glass'])
          .where('email', 'in', ['duty@police.test', 'plain@police.test'])
          .orderBy('email')
          .execute()
        assert.deepEqual(rows, [
          { email: 'duty@police.test', break_glass: true },
          { email: 'plain@police.test', break_glass: false },
        ])
      } finally {
        await database.close()
      }
    })

    test('token create, list and revoke: the list never shows a token, a revoked token stops working', async () => {
      const made = await cli(['token', 'create', '--agency', 'police', '--name', '=Niche RMS', '--days', '30'])
      assert.equal(made.code, 0, made.stderr)
      const token = made.stdout.trim()
      const other = await cli(['token', 'create', '--agency', 'police'])
      assert.equal(other.code, 0, other.stderr)
      const badDays = await cli(['token', 'create', '--agency', 'police', '--days', 'lots'])
      assert.equal(badDays.code, 2)
      assert.match(badDays.stderr, /--days "lots" is not a whole number/)
      const tooLong = await cli(['token', 'create', '--agency', 'police', '--days', '99999'])
      assert.equal(tooLong.code, 1)
      assert.match(tooLong.stderr, /from 1 to 3660/)
      const list = await cli(['token', 'list'])
      assert.equal(list.code, 0, list.stderr)
      const lines = list.stdout.trim().split('\r\n')
      assert.equal(
        lines[0],
        'token_id,agency,name,status,created_at,created_by,expires_at,revoked_at,revoked_by,last_used_at,uses',
      )
      assert.equal(lines.length, 3)
      assert.ok(!list.stdout.includes(token.slice(10)), 'the token itself is never listed')
      assert.match(lines[1], /^1,police,'=Niche RMS,active,/, 'a name is never a formula')
      assert.match(lines[2], /^2,police,,active,/)
      const json = JSON.parse((await cli(['token', 'list', '--format', 'json'])).stdout) as {
        token_id: number
        expires_at: string
        created_at: string
      }[]
      const days = (Date.parse(json[0].expires_at) - Date.parse(json[0].created_at)) / 86_400_000
      assert.equal(Math.round(days), 30)
      assert.equal(Math.round((Date.parse(json[1].expires_at) - Date.parse(json[1].created_at)) / 86_400_000), 90)
      const revoke = await cli(['token', 'revoke', '1'])
      assert.equal(revoke.code, 0, revoke.stderr)
      assert.match(revoke.stderr, /token 1 \(police\) revoked/)
      const twice = await cli(['token', 'revoke', '1'])
      assert.equal(twice.code, 0)
      assert.match(twice.stderr, /already revoked/)
      const missing = await cli(['token', 'revoke', '42'])
      assert.equal(missing.code, 1)
      assert.match(missing.stderr, /there is no token 42/)
      assert.equal((await cli(['token', 'revoke', 'one'])).code, 2)
      const revoked = await cli(['token', 'list', '--status', 'revoked'])
      assert.match(revoked.stdout, /\r\n1,police,'=Niche RMS,revoked,/)
      assert.equal(revoked.stdout.trim().split('\r\n').length, 2)
      assert.equal((await cli(['token', 'list', '--status', 'lost'])).code, 2)
      const database = await openTargetDatabase(target)
      try {
        const owner = await findToken(database.db, token)
        assert.equal(owner, null, 'revoked')
        const actions = await database.db
          .selectFrom('audit_log')
          .select('action')
          .where('action', 'in', ['token_created', 'token_revoked'])
          .execute()
        assert.deepEqual(actions.map((a) => a.action).sort(), ['token_created', 'token_created', 'token_revoked'])
      } finally {
        await database.close()
      }
    })

    test('user two-step resets a lost phone and requires it or not, audited', async () => {
      const database = await openTargetDatabase(target)
      try {
        await database.db
          .updateTable('users')
          .set({ mfa_secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', mfa_enabled_at: new Date() })
          .where('email', '=', 'pat@police.test')
          .execute()
      } finally {
        await database.close()
      }
      const reset = await cli(['user', 'two-step', '--email', 'PAT@police.test', '--change', 'reset'])
      assert.equal(reset.code, 0, reset.stderr)
      assert.match(reset.stderr, /two-step sign-in reset for pat@police\.test/)
      assert.equal((await cli(['user', 'two-step', '--email', 'pat@police.test', '--change', 'require'])).code, 0)
      assert.equal((await cli(['user', 'two-step', '--email', 'pat@police.test', '--change', 'maybe'])).code, 2)
      const nobody = await cli(['user', 'two-step', '--email', 'nobody@police.test', '--change', 'reset'])
      assert.equal(nobody.code, 1)
      assert.match(nobody.stderr, /there is no user with email nobody@police\.test/)
      const check = await openTargetDatabase(target)
      try {
        const row = await check.db
          .selectFrom('users')
          .select(['mfa_secret', 'mfa_required'])
          .where('email', '=', 'pat@police.test')
          .executeTakeFirstOrThrow()
        assert.deepEqual(row, { mfa_secret: null, mfa_required: true })
        const actions = await check.db
          .selectFrom('audit_log')
          .select('action')
          .where('action', 'in', ['mfa_reset', 'mfa_required'])
          .execute()
        assert.deepEqual(actions.map((a) => a.action).sort(), ['mfa_required', 'mfa_reset'])
      } finally {
        await check.close()
      }
    })
  })
}
