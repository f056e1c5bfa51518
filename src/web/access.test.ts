// Every route, every role: who gets what. Plus what each sees of one child's record.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../testing/backends.ts'
import { seedArea, type SeededUsers } from '../testing/seed.ts'
import { Browser, testApp } from '../testing/web.ts'
import { createToken } from '../access/tokens.ts'

type Who = 'anonymous' | 'token' | keyof SeededUsers
const EMAILS: Record<keyof SeededUsers, string> = {
  officer: 'officer@police.test',
  officerManager: 'manager@police.test',
  socialWorker: 'sw@csc.test',
  mash: 'mash@csc.test',
  partnership: 'chair@lscp.test',
  admin: 'admin@csc.test',
  nurse: 'nurse@health.test',
}
const EVERYONE: Who[] = ['anonymous', 'token', ...(Object.keys(EMAILS) as (keyof SeededUsers)[])]

forEachDatabase(
  'who may see what',
  (backend) => {
    let app: FastifyInstance
    let amy: number
    let token: string
    const browsers = new Map<Who, Browser>()

    before(async () => {
      const { db } = backend().database
      const seeded = await seedArea(db)
      amy = seeded.amy
      token = await createToken(db, 'police')
      app = await testApp(backend().database)
      for (const who of EVERYONE) {
        const b = new Browser(app)
        if (who !== 'anonymous' && who !== 'token') await b.signIn(EMAILS[who])
        browsers.set(who, b)
      }
    })
    after(async () => app?.close())

    const request = (who: Who, url: string) =>
      who === 'token'
        ? app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } })
        : browsers.get(who)!.get(url)

    test('every page and API route answers each role as the rules say', async () => {
      const casework = ['officer', 'officerManager', 'socialWorker', 'mash', 'nurse']
      const table: { url: () => string; allowed: Who[]; denied: number; anonymous: number }[] = [
        {
          url: () => '/',
          allowed: ['officer', 'officerManager', 'socialWorker', 'mash', 'partnership', 'admin', 'nurse'],
          denied: 302,
          anonymous: 302,
        },
        { url: () => '/people?q=amy', allowed: casework as Who[], denied: 403, anonymous: 302 },
        { url: () => `/people/${amy}`, allowed: casework as Who[], denied: 403, anonymous: 302 },
        { url: () => `/api/v1/children?q=amy`, allowed: ['token', ...casework] as Who[], denied: 403, anonymous: 401 },
        { url: () => `/api/v1/children/${amy}`, allowed: ['token', ...casework] as Who[], denied: 403, anonymous: 401 },
        {
          url: () => `/api/v1/children/${amy}/chronology`,
          allowed: ['token', ...casework] as Who[],
          denied: 403,
          anonymous: 401,
        },
      ]
      for (const route of table) {
        for (const who of EVERYONE) {
          const res = await request(who, route.url())
          const expected = route.allowed.includes(who) ? 200 : who === 'anonymous' ? route.anonymous : route.denied
          // the token is not a browser: it may not open pages at all
          const want = who === 'token' && !route.url().startsWith('/api/') ? 302 : expected
          assert.equal(res.statusCode, want, `${who} GET ${route.url()}: ${res.body.slice(0, 200)}`)
        }
      }
    })

    test('the allocated social worker and the MASH see every agency; restricted content stays with health', async () => {
      const events = async (who: Who) =>
        JSON.parse((await request(who, `/api/v1/children/${amy}/chronology`)).body).events as {
          event_source: string
          view: string
          summary: string | null
        }[]
      const sw = await events('socialWorker')
      assert.deepEqual(
        sw.map((e) => [e.event_source, e.view]),
        [
          ['health:HA-1', 'full'],
          ['health:SH-1', 'restricted'],
          ['police:E-77', 'full'],
          ['csc:S-1', 'full'],
        ],
      )
      assert.equal(sw.find((e) => e.event_source === 'health:SH-1')!.summary, null)
      const mash = await events('mash')
      assert.equal(mash.find((e) => e.event_source === 'health:SH-1')!.view, 'restricted')
      const nurse = await events('nurse')
      assert.deepEqual(
        nurse.map((e) => [e.event_source, e.view]),
        [
          ['health:HA-1', 'full'],
          ['health:SH-1', 'full'],
        ],
        'health sees its own, all of it',
      )
      assert.equal(nurse.find((e) => e.event_source === 'health:SH-1')!.summary, 'Clinic attendance: chlamydia')
      const officer = JSON.parse((await request('officer', `/api/v1/children/${amy}/chronology`)).body)
      assert.deepEqual(
        officer.events.map((e: { event_source: string }) => e.event_source),
        ['police:E-77'],
      )
      assert.equal(officer.hidden_events, 3)
      assert.equal(officer.reach, 'signpost')
    })

    test('a signpost names the other agencies and whom to ask; the page says what is not shown', async () => {
      const page = (await request('officer', `/people/${amy}`)).body
      const chronology = (await request('officer', `/people/${amy}/chronology`)).body
      assert.match(chronology, /3 records from other agencies are not shown/)
      assert.match(page, /Records from other agencies are not shown/)
      assert.match(page, /Children&#39;s Social Care: ask MASH duty desk/)
      assert.doesNotMatch(chronology, /collected by older men/)
      assert.doesNotMatch(page, /collected by older men/)
      assert.match(page, /Open the full record/)
    })

    test('recorded relationships show as claims with their source, within the same rules', async () => {
      // on the person's links page
      assert.match((await request('officer', `/people/${amy}/links`)).body, /Child calls him her boyfriend; he is 24/)
      assert.match((await request('mash', `/people/${amy}/links`)).body, /Tentative/)
      assert.doesNotMatch(
        (await request('nurse', `/people/${amy}/links`)).body,
        /boyfriend/,
        "another agency's claim, at signpost reach",
      )
    })

    test('a confidential address is shown only to its agency and the MASH', async () => {
      const address = async (who: Who) =>
        (
          JSON.parse((await request(who, `/api/v1/children/${amy}`)).body).records as {
            source_record: string
            address: string | null
            address_withheld: boolean
          }[]
        ).find((r) => r.source_record === 'csc:C-77')
      assert.equal((await address('socialWorker'))!.address, '4 Placement Row, Rochdale, OL11 2AB')
      assert.equal((await address('mash'))!.address, '4 Placement Row, Rochdale, OL11 2AB')
      assert.equal(await address('officer'), undefined, "another agency's record is not shown at signpost reach")
      assert.doesNotMatch((await request('officer', `/people/${amy}`)).body, /Placement Row/)
    })

    test('opening the full record with a reason is audited, lasts, and is shown to managers', async () => {
      const officer = browsers.get('officer')!
      const tooShort = await officer.post(`/people/${amy}/access`, { reason: 'because' }, `/people/${amy}`)
      assert.equal(tooShort.statusCode, 400)
      const res = await officer.post(
        `/people/${amy}/access`,
        { reason: 'Missing episode tonight, need her history' },
        `/people/${amy}`,
      )
      assert.equal(res.statusCode, 302)
      const body = JSON.parse((await officer.get(`/api/v1/children/${amy}/chronology`)).body)
      assert.equal(body.reach, 'full')
      assert.equal(body.events.length, 4)
      const { db } = backend().database
      const audited = await db
        .selectFrom('audit_log')
        .select(['action', 'reason', 'actor'])
        .where('action', '=', 'access_with_reason')
        .execute()
      assert.deepEqual(
        audited.map((a) => [a.actor, a.reason]),
        [['officer@police.test', 'Missing episode tonight, need her history']],
      )
      const managerPage = (await request('officerManager', `/people/${amy}/viewers`)).body
      assert.match(managerPage, /Who has looked at this record/)
      assert.match(managerPage, /Missing episode tonight, need her history/)
    })

    test('every view of a record is in the audit trail with who, agency and what', async () => {
      const { db } = backend().database
      const before = await db.selectFrom('audit_log').select('id').where('action', '=', 'view_record').execute()
      await request('nurse', `/people/${amy}`)
      await request('token', `/api/v1/children/${amy}`)
      const rows = await db
        .selectFrom('audit_log')
        .select(['actor', 'agency_code', 'entity_id'])
        .where('action', '=', 'view_record')
        .orderBy('id', 'desc')
        .limit(2)
        .execute()
      assert.equal(rows.length, 2)
      assert.ok(
        (await db.selectFrom('audit_log').select('id').where('action', '=', 'view_record').execute()).length ===
          before.length + 2,
      )
      assert.deepEqual(
        rows.map((r) => [r.agency_code, r.entity_id]),
        [
          ['police', amy],
          ['health', amy],
        ],
      )
      assert.match(rows[0].actor, /^token:police#/)
    })

    test('forms without a CSRF token are refused', async () => {
      const res = await app.inject({
        method: 'POST',
        url: `/people/${amy}/access`,
        headers: {
          cookie: [...browsers.get('officer')!.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'text/html',
        },
        payload: 'reason=a+long+enough+reason+here',
      })
      assert.equal(res.statusCode, 403)
      assert.doesNotMatch(res.body, /at .*\.ts:\d+/, 'no stack trace')
    })

    test('only managers and the MASH allocate; a manager only their own staff', async () => {
      const { db } = backend().database
      const sw = await db.selectFrom('users').select('id').where('email', '=', 'sw@csc.test').executeTakeFirstOrThrow()
      const officerId = await db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'officer@police.test')
        .executeTakeFirstOrThrow()
      assert.equal(
        (
          await browsers
            .get('officer')!
            .post(`/people/${amy}/allocations`, { user_id: String(officerId.id), role: 'Officer' }, `/people/${amy}`)
        ).statusCode,
        403,
      )
      assert.equal(
        (
          await browsers
            .get('officerManager')!
            .post(`/people/${amy}/allocations`, { user_id: String(sw.id), role: 'SW' }, `/people/${amy}`)
        ).statusCode,
        403,
      )
      assert.equal(
        (
          await browsers
            .get('officerManager')!
            .post(
              `/people/${amy}/allocations`,
              { user_id: String(officerId.id), role: 'Investigating officer' },
              `/people/${amy}`,
            )
        ).statusCode,
        302,
      )
      const body = JSON.parse((await request('officer', `/api/v1/children/${amy}/chronology`)).body)
      assert.equal(body.reach, 'full', 'allocation opens the record')
    })
  },
  { resetBetweenTests: false },
)
