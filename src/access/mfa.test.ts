// Two-step sign-in through the web, as people would use it: set up when required, a code on every
// sign-in after, never the same code twice, recovery codes once each, wrong codes locking the
// account, changes on "Your account", and an administrator's reset.
import { test, before, after, beforeEach } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { generate } from 'otplib'
import { forEachDatabase } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
import { PASSWORD, seedArea } from '../testing/seed.ts'
import { Browser, testApp } from '../testing/web.ts'
import { createUser } from './users.ts'
import { mfaRequired, normaliseRecoveryCode, qrCodeSvg } from './mfa.ts'

const MFA_ROLES = ['manager', 'mash', 'admin']
// the machine's time until the first tick; then each test an hour on from the last, codes made for that moment
const clock = new TestClock()
let moment = Date.parse('2026-12-07T09:00:00Z')
const tick = (seconds: number) => {
  moment += seconds * 1000
  clock.set(new Date(moment))
}
const codeFor = (secret: string) => generate({ secret, epoch: Math.floor(moment / 1000) })

test('who must use two-step sign-in: the roles set, anyone required of, demo users only if not exempt', () => {
  const policy = { mfaRoles: MFA_ROLES, mfaExemptDemo: true }
  assert.equal(mfaRequired({ roles: ['manager'], is_demo: false, mfa_required: false }, policy), true)
  assert.equal(mfaRequired({ roles: ['practitioner'], is_demo: false, mfa_required: false }, policy), false)
  assert.equal(mfaRequired({ roles: ['practitioner'], is_demo: false, mfa_required: true }, policy), true)
  assert.equal(mfaRequired({ roles: ['mash'], is_demo: true, mfa_required: false }, policy), false)
  assert.equal(
    mfaRequired({ roles: ['mash'], is_demo: true, mfa_required: false }, { ...policy, mfaExemptDemo: false }),
    true,
  )
  assert.equal(
    mfaRequired({ roles: ['admin'], is_demo: false, mfa_required: false }, { ...policy, mfaRoles: [] }),
    false,
  )
})

test('recovery codes are read as typed; the QR code is a plain SVG image', () => {
  assert.equal(normaliseRecoveryCode(' abcd-efgh ijkl-mnop '), 'ABCDEFGH1JK1MN0P')
  const svg = qrCodeSvg('otpauth://totp/Threadline:pat%40police.test?secret=ABC&issuer=Threadline')
  assert.match(svg, /^<svg role="img" aria-label="QR code for your authenticator app"/)
  assert.doesNotMatch(svg, /<script|href=|style=/)
})

forEachDatabase(
  'two-step sign-in',
  (backend) => {
    let app: FastifyInstance
    before(async () => {
      const { db } = backend().database
      await seedArea(db)
      await createUser(db, {
        email: 'demo.manager@csc.demo',
        name: 'Demo Manager',
        agency: 'csc',
        roles: ['manager'],
        password: PASSWORD,
        isDemo: true,
      })
      app = await testApp(backend().database, { mfaRoles: MFA_ROLES, mfaExemptDemo: true, lockoutAttempts: 5 })
    })
    beforeEach(() => tick(3600))
    after(async () => {
      clock.useMachineTime()
      await app?.close()
    })

    /** Signs in with a password and sets two-step sign-in up: the secret and the recovery codes. */
    async function setUp(b: Browser, email: string) {
      const first = await b.post('/sign-in', { email, password: PASSWORD, next: '/people?q=amy' })
      assert.equal(first.statusCode, 302)
      assert.equal(first.headers.location, '/sign-in/set-up')
      const page = await b.get('/sign-in/set-up')
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /<svg role="img"/)
      const secret = /id="mfa-secret"[^>]*>([A-Z2-7]+)</.exec(page.body)![1]
      const done = await b.post('/sign-in/set-up', { code: await codeFor(secret) }, '/sign-in/set-up')
      assert.equal(done.statusCode, 200, done.body.slice(0, 500))
      const codes = [...done.body.matchAll(/<li><code>([0-9A-Z-]{19})<\/code><\/li>/g)].map((m) => m[1])
      assert.equal(codes.length, 10)
      assert.match(done.body, /href="\/people\?q=amy"/, 'then on to where they were going')
      return { secret, codes }
    }

    test('a manager must set it up before anything opens; then every sign-in asks for a code, never the same one twice', async () => {
      const b = new Browser(app)
      const first = await b.post('/sign-in', { email: 'manager@police.test', password: PASSWORD })
      assert.equal(first.headers.location, '/sign-in/set-up')
      assert.equal((await b.get('/people?q=amy')).statusCode, 302, 'a right password alone opens nothing')
      assert.equal((await b.get('/account')).statusCode, 302)
      const wrong = await b.post('/sign-in/set-up', { code: '000000' }, '/sign-in/set-up')
      assert.equal(wrong.statusCode, 400)
      assert.match(wrong.body, /The code is not right/)

      const again = new Browser(app)
      const { secret } = await setUp(again, 'manager@police.test')
      assert.equal((await again.get('/people?q=amy')).statusCode, 200, 'signed in once set up')
      await again.post('/sign-out', {}, '/')

      tick(60)
      const next = new Browser(app)
      const pw = await next.post('/sign-in', { email: 'manager@police.test', password: PASSWORD, next: '/manager' })
      assert.equal(pw.headers.location, '/sign-in/code')
      assert.equal((await next.get('/people?q=amy')).statusCode, 302)
      const code = await codeFor(secret)
      const ok = await next.post('/sign-in/code', { code }, '/sign-in/code')
      assert.equal(ok.statusCode, 302)
      assert.equal(ok.headers.location, '/manager')
      assert.equal((await next.get('/people?q=amy')).statusCode, 200)

      const replay = new Browser(app)
      await replay.post('/sign-in', { email: 'manager@police.test', password: PASSWORD })
      const reused = await replay.post('/sign-in/code', { code }, '/sign-in/code')
      assert.equal(reused.statusCode, 400, 'the same code is never accepted twice')
      tick(30)
      assert.equal(
        (await replay.post('/sign-in/code', { code: await codeFor(secret) }, '/sign-in/code')).statusCode,
        302,
      )

      const { db } = backend().database
      const actions = (
        await db
          .selectFrom('audit_log')
          .select('action')
          .where('action', 'in', ['mfa_enabled', 'sign_in_second_step', 'sign_in_second_step_failed'])
          .orderBy('id')
          .execute()
      ).map((r) => r.action)
      assert.deepEqual(actions, [
        'mfa_enabled',
        'sign_in_second_step',
        'sign_in_second_step_failed',
        'sign_in_second_step',
      ])
    })

    test('two requests with one code at once: one session, not two', async () => {
      const { secret } = await setUp(new Browser(app), 'mash@csc.test')
      tick(60)
      const a = new Browser(app)
      const b = new Browser(app)
      await a.post('/sign-in', { email: 'mash@csc.test', password: PASSWORD })
      await b.post('/sign-in', { email: 'mash@csc.test', password: PASSWORD })
      const code = await codeFor(secret)
      const tokenOf = async (x: Browser) => /name="_csrf" value="([^"]+)"/.exec((await x.get('/sign-in/code')).body)![1]
      const [ta, tb] = [await tokenOf(a), await tokenOf(b)]
      const send = (x: Browser, token: string) =>
        app.inject({
          method: 'POST',
          url: '/sign-in/code',
          headers: {
            cookie: [...x.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'text/html',
          },
          payload: new URLSearchParams({ _csrf: token, code }).toString(),
        })
      const answers = await Promise.all([send(a, ta), send(b, tb)])
      assert.deepEqual(answers.map((r) => r.statusCode).sort(), [302, 400])
    })

    test('a recovery code signs in once in place of a code', async () => {
      const { codes } = await setUp(new Browser(app), 'admin@csc.test')
      tick(60)
      const b = new Browser(app)
      await b.post('/sign-in', { email: 'admin@csc.test', password: PASSWORD, next: '/admin' })
      const used = await b.post('/sign-in/code', { code: codes[3].toLowerCase() }, '/sign-in/code')
      assert.equal(used.statusCode, 302)
      assert.equal(used.headers.location, '/admin')
      const c = new Browser(app)
      await c.post('/sign-in', { email: 'admin@csc.test', password: PASSWORD })
      assert.equal((await c.post('/sign-in/code', { code: codes[3] }, '/sign-in/code')).statusCode, 400, 'once only')
      const page = await b.get('/account/two-step')
      assert.match(page.body, /You have 9 unused recovery codes/)
    })

    test('a security key answer that does not verify signs no one in and counts like a wrong code', async () => {
      const { db } = backend().database
      const user = await db
        .selectFrom('users')
        .select(['id', 'mfa_enabled_at'])
        .where('email', '=', 'mash@csc.test')
        .executeTakeFirstOrThrow()
      if (!user.mfa_enabled_at) await setUp(new Browser(app), 'mash@csc.test')
      await db
        .insertInto('webauthn_credentials')
        .values({
          id: 'a2V5LW9uZQ',
          user_id: user.id,
          public_key: Buffer.from([1, 2, 3]),
          name: 'Key',
          created_at: new Date(),
        })
        .execute()
      tick(60)
      const b = new Browser(app)
      await b.post('/sign-in', { email: 'mash@csc.test', password: PASSWORD })
      const page = await b.get('/sign-in/code')
      assert.match(page.body, /Use your security key/)
      const options = JSON.parse(/id="key-sign-in-options">([^<]*)</.exec(page.body)![1]) as {
        challenge: string
        allowCredentials: { id: string }[]
      }
      assert.deepEqual(
        options.allowCredentials.map((c) => c.id),
        ['a2V5LW9uZQ'],
      )
      const attempts = async () =>
        (
          await db
            .selectFrom('sign_in_attempts')
            .select('attempts')
            .where('scope', '=', 'account')
            .where('key', '=', 'mash@csc.test')
            .executeTakeFirstOrThrow()
        ).attempts
      const before = await attempts()
      const forged = JSON.stringify({
        id: 'a2V5LW9uZQ',
        rawId: 'a2V5LW9uZQ',
        type: 'public-key',
        response: { clientDataJSON: 'e30', authenticatorData: 'AAAA', signature: 'AAAA' },
        clientExtensionResults: {},
      })
      const refused = await b.post('/sign-in/code', { key_response: forged }, '/sign-in/code')
      assert.equal(refused.statusCode, 400)
      assert.match(refused.body, /The security key was not accepted/)
      assert.equal(await attempts(), before + 1)
      assert.equal((await b.get('/')).statusCode, 302, 'no session')
      await db.deleteFrom('webauthn_credentials').execute()
    })

    test('wrong codes count against the account: the lock engages and holds for the password too', async () => {
      // set up by the first test
      tick(60)
      const b = new Browser(app)
      await b.post('/sign-in', { email: 'manager@police.test', password: PASSWORD })
      let last
      // the right password was attempt 1 of 5 (the count runs until the code is right): the 4th wrong code locks
      for (let i = 0; i < 4; i++) last = await b.post('/sign-in/code', { code: String(100000 + i) }, '/sign-in/code')
      assert.match(last!.body, /This account is locked after too many failed attempts/)
      assert.equal((await b.get('/sign-in/code')).statusCode, 302, 'the challenge has ended')
      const pw = await new Browser(app).post('/sign-in', { email: 'manager@police.test', password: PASSWORD })
      assert.equal(pw.statusCode, 400)
      assert.match(pw.body, /This account is locked/)
      await backend().database.db.deleteFrom('sign_in_attempts').execute()
      tick(3600)
      // a right password does not buy a fresh set of code guesses: the count runs until the code is right
      const again = new Browser(app)
      await again.post('/sign-in', { email: 'manager@police.test', password: PASSWORD })
      for (let i = 0; i < 3; i++) await again.post('/sign-in/code', { code: String(200000 + i) }, '/sign-in/code')
      await again.post('/sign-in', { email: 'manager@police.test', password: PASSWORD })
      const fifth = await again.post('/sign-in/code', { code: '299999' }, '/sign-in/code')
      assert.match(fifth.body, /This account is locked/, 'password, 3 codes, password, 1 code: 5 attempts')
      await backend().database.db.deleteFrom('sign_in_attempts').execute()
    })

    test('a practitioner may turn it on and off from Your account; a demo manager is exempt by the setting', async () => {
      const b = await new Browser(app).signIn('nurse@health.test')
      const page = await b.get('/account/two-step')
      assert.match(page.body, /Off/)
      const secret = /id="mfa-secret"[^>]*>([A-Z2-7]+)</.exec(page.body)![1]
      const on = await b.post('/account/two-step/set-up', { code: await codeFor(secret) }, '/account/two-step')
      assert.equal(on.statusCode, 200)
      assert.match(on.body, /Your recovery codes/)
      tick(60)
      const next = new Browser(app)
      assert.equal(
        (await next.post('/sign-in', { email: 'nurse@health.test', password: PASSWORD })).headers.location,
        '/sign-in/code',
      )
      tick(30)
      const bad = await b.post('/account/two-step/off', { code: '123456' }, '/account/two-step')
      assert.equal(bad.statusCode, 400)
      const off = await b.post('/account/two-step/off', { code: await codeFor(secret) }, '/account/two-step')
      assert.equal(off.statusCode, 302)
      assert.equal(
        (await new Browser(app).post('/sign-in', { email: 'nurse@health.test', password: PASSWORD })).headers.location,
        '/',
      )

      const demo = await new Browser(app).post('/sign-in', { email: 'demo.manager@csc.demo', password: PASSWORD })
      assert.equal(demo.headers.location, '/', 'demo users exempt')
      const strict = await testApp(backend().database, { mfaRoles: MFA_ROLES, mfaExemptDemo: false })
      try {
        const r = await new Browser(strict).post('/sign-in', { email: 'demo.manager@csc.demo', password: PASSWORD })
        assert.equal(r.headers.location, '/sign-in/set-up')
      } finally {
        await strict.close()
      }
    })

    test('a manager cannot turn it off; an administrator can reset it (lost phone) and require it of anyone', async () => {
      const { db } = backend().database
      const admin = new Browser(app)
      const row = await db
        .selectFrom('users')
        .select('mfa_secret')
        .where('email', '=', 'admin@csc.test')
        .executeTakeFirst()
      if (!row?.mfa_secret) await setUp(new Browser(app), 'admin@csc.test')
      const secret = (
        await db
          .selectFrom('users')
          .select('mfa_secret')
          .where('email', '=', 'admin@csc.test')
          .executeTakeFirstOrThrow()
      ).mfa_secret!
      tick(60)
      await admin.post('/sign-in', { email: 'admin@csc.test', password: PASSWORD })
      assert.equal(
        (await admin.post('/sign-in/code', { code: await codeFor(secret) }, '/sign-in/code')).statusCode,
        302,
      )
      tick(30)
      const refused = await admin.post('/account/two-step/off', { code: await codeFor(secret) }, '/account/two-step')
      assert.equal(refused.statusCode, 403)

      const manager = await db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'manager@police.test')
        .executeTakeFirstOrThrow()
      const officer = await db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'officer@police.test')
        .executeTakeFirstOrThrow()
      assert.equal(
        (await admin.post(`/admin/users/${manager.id}/two-step`, { change: 'reset' }, '/admin')).statusCode,
        302,
      )
      assert.equal(
        (await new Browser(app).post('/sign-in', { email: 'manager@police.test', password: PASSWORD })).headers
          .location,
        '/sign-in/set-up',
        'set up afresh',
      )
      assert.equal(
        (await admin.post(`/admin/users/${officer.id}/two-step`, { change: 'require' }, '/admin')).statusCode,
        302,
      )
      assert.equal(
        (await new Browser(app).post('/sign-in', { email: 'officer@police.test', password: PASSWORD })).headers
          .location,
        '/sign-in/set-up',
      )
      assert.match((await admin.get('/admin')).body, /Off \(required\)/)
      const unknown = await admin.post(`/admin/users/${officer.id}/two-step`, { change: 'maybe' }, '/admin')
      assert.equal(unknown.statusCode, 400)
      assert.match(unknown.body, /Choose reset, require or not-required/)
      const nurse = await new Browser(app).signIn('nurse@health.test')
      assert.equal((await nurse.post(`/admin/users/${officer.id}/two-step`, { change: 'reset' }, '/')).statusCode, 403)
      const actions = (
        await db.selectFrom('audit_log').select('action').where('action', 'in', ['mfa_reset', 'mfa_required']).execute()
      ).map((r) => r.action)
      assert.deepEqual(actions.sort(), ['mfa_required', 'mfa_reset'])
    })
  },
  { resetBetweenTests: false, clock },
)
