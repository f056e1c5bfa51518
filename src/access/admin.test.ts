// Administrators manage users and agencies from the web page; nobody else can.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../testing/backends.ts'
import { PASSWORD, seedArea } from '../testing/seed.ts'
import { Browser, testApp } from '../testing/web.ts'
import { signIn } from './sign-in.ts'

forEachDatabase(
  'administration pages',
  (backend) => {
    let app: FastifyInstance
    let amy: number
    before(async () => {
      amy = (await seedArea(backend().database.db)).amy
      app = await testApp(backend().database)
    })
    after(async () => app?.close())

    test('only administrators open the page; an administrator alone sees no child', async () => {
      for (const email of ['officer@police.test', 'mash@csc.test', 'chair@lscp.test']) {
        assert.equal((await (await new Browser(app).signIn(email)).get('/admin')).statusCode, 403, email)
      }
      const admin = await new Browser(app).signIn('admin@csc.test')
      const page = await admin.get('/admin')
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /officer@police\.test/)
      assert.equal((await admin.get(`/people/${amy}`)).statusCode, 403)
    })

    test('adding a user and an agency, with errors a person can act on, all audited', async () => {
      const admin = await new Browser(app).signIn('admin@csc.test')
      const bad = await admin.post(
        '/admin/users',
        {
          email: 'not-an-email',
          name: 'X',
          agency: 'police',
          roles: 'practitioner',
          password: 'a-long-enough-password',
        },
        '/admin',
      )
      assert.equal(bad.statusCode, 400)
      assert.match(bad.body, /&quot;not-an-email&quot; is not an email address/)
      const ok = await admin.post(
        '/admin/users',
        {
          email: 'new@police.test',
          name: 'New Officer',
          agency: 'police',
          roles: 'practitioner',
          password: 'a-long-enough-password',
        },
        '/admin',
      )
      assert.equal(ok.statusCode, 302)
      const { db } = backend().database
      assert.equal(
        (await signIn(db, 'new@police.test', 'a-long-enough-password', new Date(), { attempts: 5, minutes: 15 })).ok,
        true,
      )
      const agency = await admin.post(
        '/admin/agencies',
        { code: 'school9', name: 'Moor Lane Academy', kind: 'education', contact: 'DSL' },
        '/admin',
      )
      assert.equal(agency.statusCode, 302)
      const dup = await admin.post('/admin/agencies', { code: 'school9', name: 'Again', kind: 'education' }, '/admin')
      assert.equal(dup.statusCode, 400)
      const actions = (
        await db
          .selectFrom('audit_log')
          .select('action')
          .where('action', 'in', ['user_created', 'agency_added'])
          .execute()
      ).map((a) => a.action)
      assert.deepEqual(actions.sort(), ['agency_added', 'user_created'])
    })

    test('deactivating a user ends their sessions and stops them signing in', async () => {
      const { db } = backend().database
      const officer = await new Browser(app).signIn('nurse@health.test')
      const admin = await new Browser(app).signIn('admin@csc.test')
      const nurse = await db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'nurse@health.test')
        .executeTakeFirstOrThrow()
      assert.equal((await admin.post(`/admin/users/${nurse.id}/active`, { active: 'false' }, '/admin')).statusCode, 302)
      assert.equal((await officer.get('/people?q=amy')).statusCode, 302, 'signed out')
      assert.equal(
        (await signIn(db, 'nurse@health.test', 'correct-horse-battery', new Date(), { attempts: 5, minutes: 15 })).ok,
        false,
      )
    })

    test('a locked account shows as locked, and an administrator can unlock it', async () => {
      const { db } = backend().database
      const policy = { attempts: 3, minutes: 15 }
      for (let i = 0; i < 3; i++) await signIn(db, 'officer@police.test', 'wrong-guess', new Date(), policy)
      assert.equal((await signIn(db, 'officer@police.test', PASSWORD, new Date(), policy)).ok, false)
      const admin = await new Browser(app).signIn('admin@csc.test')
      const page = await admin.get('/admin')
      assert.match(page.body, /Locked until/)
      const officer = await db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'officer@police.test')
        .executeTakeFirstOrThrow()
      assert.equal((await admin.post(`/admin/users/${officer.id}/unlock`, {}, '/admin')).statusCode, 302)
      assert.doesNotMatch((await admin.get('/admin')).body, /Locked until/)
      assert.equal((await signIn(db, 'officer@police.test', PASSWORD, new Date(), policy)).ok, true)
      const unlocked = await db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'account_unlocked')
        .execute()
      assert.deepEqual(
        unlocked.map((r) => r.details),
        [{ user_id: officer.id }],
      )
      const officerBrowser = new Browser(app)
      assert.equal((await officerBrowser.post(`/admin/users/${officer.id}/unlock`, {}, '/sign-in')).statusCode, 401)
    })
  },
  { resetBetweenTests: false },
)
