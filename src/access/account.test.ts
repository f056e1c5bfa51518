// A person's own account page and changing their password, through the web as a person would.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../testing/backends.ts'
import { PASSWORD, seedArea } from '../testing/seed.ts'
import { Browser, testApp } from '../testing/web.ts'

forEachDatabase(
  'your account and password',
  (backend) => {
    let app: FastifyInstance
    before(async () => {
      await seedArea(backend().database.db)
      app = await testApp(backend().database)
    })
    after(async () => app?.close())

    test('the account page names the person; it needs a session', async () => {
      assert.equal((await new Browser(app).get('/account')).statusCode, 302)
      const officer = await new Browser(app).signIn('officer@police.test')
      const page = await officer.get('/account')
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /officer@police\.test/)
      assert.match(page.body, /href="\/account\/password"/)
      assert.match((await officer.get('/')).body, /href="\/account"/, 'reached from every page')
    })

    test('changing a password: weak ones refused with the reason, the current one needed, other sessions ended', async () => {
      const here = await new Browser(app).signIn('nurse@health.test')
      const elsewhere = await new Browser(app).signIn('nurse@health.test')
      const change = (current: string, password: string, confirm = password) =>
        here.post('/account/password', { current, password, confirm }, '/account/password')
      for (const [password, why] of [
        [' '.repeat(14), /cannot be only spaces/],
        ['Password1234!', /one of the most common/],
        ['nurse@health.test', /your own name or email address/],
        ['tiny', /at least 12 characters/],
      ] as const) {
        const r = await change(PASSWORD, password)
        assert.equal(r.statusCode, 400, password)
        assert.match(r.body, why, password)
      }
      const mismatch = await change(PASSWORD, 'walnut lantern orchestra', 'walnut lantern orchestr')
      assert.match(mismatch.body, /The two new passwords are not the same/)
      const wrongCurrent = await change('not-my-password', 'walnut lantern orchestra')
      assert.equal(wrongCurrent.statusCode, 400)
      assert.match(wrongCurrent.body, /Your current password is not right/)
      const ok = await change(PASSWORD, 'walnut lantern orchestra')
      assert.equal(ok.statusCode, 302)
      assert.equal(ok.headers.location, '/account?changed=password')
      assert.match((await here.get('/account?changed=password')).body, /Your password has been changed/)
      assert.equal((await elsewhere.get('/account')).statusCode, 302, 'the other session is signed out')
      const old = await new Browser(app).post('/sign-in', { email: 'nurse@health.test', password: PASSWORD })
      assert.equal(old.statusCode, 400)
      await new Browser(app).signIn('nurse@health.test', 'walnut lantern orchestra')
      const { db } = backend().database
      const actions = (
        await db
          .selectFrom('audit_log')
          .select('action')
          .where('action', 'in', ['password_changed', 'password_change_failed'])
          .orderBy('id')
          .execute()
      ).map((r) => r.action)
      assert.deepEqual(actions, ['password_change_failed', 'password_changed'])
    })

    test('an administrator adding a user gets the same password rules', async () => {
      const admin = await new Browser(app).signIn('admin@csc.test')
      const r = await admin.post(
        '/admin/users',
        {
          email: 'new@police.test',
          name: 'New Officer',
          agency: 'police',
          roles: 'practitioner',
          password: 'qwerty123456',
        },
        '/admin',
      )
      assert.equal(r.statusCode, 400)
      assert.match(r.body, /one of the most common/)
    })
  },
  { resetBetweenTests: false },
)
