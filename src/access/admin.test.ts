// Administrators manage users and agencies from the web page; nobody else can.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../testing/backends.ts'
import { PASSWORD, seedArea } from '../testing/seed.ts'
import { Browser, testApp } from '../testing/web.ts'
import { signIn } from './sign-in.ts'
import { createUser } from './users.ts'
import { ADMIN_PAGE_SIZE } from '../accounts/admin-routes.ts'

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

    test('the users list is counted, sorted by a heading and paged, 50 a page', async () => {
      const { db } = backend().database
      for (let i = 0; i < ADMIN_PAGE_SIZE; i++)
        await createUser(db, {
          email: `aa-${String(i).padStart(2, '0')}@police.test`,
          name: `Listed ${i}`,
          agency: 'police',
          roles: ['practitioner'],
        })
      const { n } = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
      const total = Number(n)
      const admin = await new Browser(app).signIn('admin@csc.test')
      const page1 = await admin.get('/admin')
      assert.match(page1.body, new RegExp(`Users<span class="govuk-!-font-weight-regular"> \\(${total}\\)`))
      assert.match(page1.body, new RegExp(`Showing 1 to ${ADMIN_PAGE_SIZE} of ${total} users`))
      assert.match(
        page1.body,
        /aria-sort="ascending"><a class="govuk-link" href="\/admin\?sort=agency&amp;order=desc">Agency/,
      )
      const byEmail = await admin.get('/admin?sort=email')
      assert.match(
        byEmail.body,
        /aria-sort="ascending"><a class="govuk-link" href="\/admin\?sort=email&amp;order=desc">Email/,
      )
      const emails = (body: string) =>
        [...body.matchAll(/<td class="govuk-table__cell">([^<@]+@[^<]+)<\/td>/g)].map((m) => m[1])
      assert.deepEqual(emails(byEmail.body).slice(0, 2), ['aa-00@police.test', 'aa-01@police.test'])
      const page2 = await admin.get('/admin?sort=email&page=2')
      assert.match(page2.body, new RegExp(`Showing ${ADMIN_PAGE_SIZE + 1} to ${total} of ${total} users`))
      assert.equal(emails(page2.body).length, total - ADMIN_PAGE_SIZE)
      assert.ok(!emails(page2.body).some((e) => e.startsWith('aa-')), 'the first page had every aa- address')
      assert.match(page2.body, /class="govuk-pagination__prev"[\s\S]*?href="\/admin\?sort=email"/)
      const desc = await admin.get('/admin?sort=email&order=desc&page=2')
      assert.equal(emails(desc.body).at(-1), 'aa-00@police.test')
      assert.equal(emails((await admin.get('/admin?sort=password&page=x')).body).length, ADMIN_PAGE_SIZE)
    })
  },
  { resetBetweenTests: false },
)
