// POST /api/v1/records: the same validation and write code as the import command, over HTTP.
import { CAPABILITIES } from '../capabilities.ts'
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../testing/backends.ts'
import { seedArea } from '../testing/seed.ts'
import { testApp, Browser } from '../testing/web.ts'
import { createToken } from '../access/tokens.ts'
import { loadConfig } from '../config/config.ts'
import { buildApp } from '../web/app.ts'

forEachDatabase(
  'the records API',
  (backend) => {
    let app: FastifyInstance
    let police: string
    before(async () => {
      await seedArea(backend().database.db)
      police = await createToken(backend().database.db, 'police')
      app = await testApp(backend().database)
    })
    after(async () => app?.close())

    const send = (body: string, contentType: string, token: string | null = police, query = '') =>
      app.inject({
        method: 'POST',
        url: `/api/v1/records${query}`,
        payload: body,
        headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      })

    test('NDJSON and JSON arrays are stored; a re-send changes nothing', async () => {
      const lines = [
        { type: 'person', source_id: 'P-700', given_name: 'Rae', family_name: 'Moss', date_of_birth: '2010-02-02' },
        { type: 'event', source_id: 'E-700', kind: 'concern', subject: 'P-700', occurred_at: '2011-01-01T10:00:00' },
      ]
      const nd = await send(lines.map((l) => JSON.stringify(l)).join('\r\n') + '\r\n', 'application/x-ndjson')
      assert.equal(nd.statusCode, 200, nd.body)
      assert.deepEqual(JSON.parse(nd.body), {
        created: 2,
        updated: 0,
        unchanged: 0,
        withdrawn: 0,
        rejected: 0,
        errors: [],
        dangling: [],
      })
      const again = await send(JSON.stringify(lines), 'application/json')
      assert.equal(JSON.parse(again.body).unchanged, 2)
    })

    test('invalid lines give a 400 with line, field and message, and nothing is stored', async () => {
      const res = await send(
        [
          JSON.stringify({ type: 'person', source_id: 'P-800', given_name: 'Ok', family_name: 'Fine' }),
          JSON.stringify({ type: 'person', source_id: 'P-801', given_name: 'Bad', nhs_number: '123' }),
        ].join('\n'),
        'application/x-ndjson',
      )
      assert.equal(res.statusCode, 400)
      const body = JSON.parse(res.body)
      assert.deepEqual(body.errors, [
        {
          line: 2,
          field: 'nhs_number',
          message: '"123" is not a valid NHS number (10 digits with a modulus 11 check digit)',
        },
      ])
      const stored = await backend()
        .database.db.selectFrom('person_versions')
        .select('source_id')
        .where('source_id', '=', 'P-800')
        .execute()
      assert.equal(stored.length, 0)
      const partial = await send(
        [
          JSON.stringify({ type: 'person', source_id: 'P-800', given_name: 'Ok', family_name: 'Fine' }),
          JSON.stringify({ type: 'person', source_id: 'P-801', given_name: 'Bad', nhs_number: '123' }),
        ].join('\n'),
        'application/x-ndjson',
        police,
        '?skip_invalid=true',
      )
      assert.equal(partial.statusCode, 200)
      assert.equal(JSON.parse(partial.body).created, 1)
    })

    test("a token writes only its own agency's records; no token, no entry", async () => {
      const other = await send(
        JSON.stringify({ type: 'person', agency: 'health', source_id: 'H-900', given_name: 'X', family_name: 'Y' }),
        'application/x-ndjson',
      )
      assert.equal(other.statusCode, 400)
      assert.match(JSON.parse(other.body).errors[0].message, /not this token's agency \(police\)/)
      assert.equal((await send('{}', 'application/x-ndjson', null)).statusCode, 401)
      assert.equal((await send('{}', 'application/x-ndjson', 'tl_police_forged')).statusCode, 401)
    })

    test('a body over the limit is a clear 413, not a crash', async () => {
      const small = await buildApp({
        database: backend().database,
        capabilities: CAPABILITIES,
        config: { ...loadConfig({}), bodyLimitBytes: 1000 },
      })
      try {
        const res = await small.inject({
          method: 'POST',
          url: '/api/v1/records',
          payload: 'x'.repeat(5000),
          headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${police}` },
        })
        assert.equal(res.statusCode, 413)
        assert.match(JSON.parse(res.body).message, /smaller parts/)
      } finally {
        await small.close()
      }
    })

    test("signed-in users may send their own agency's records; the partnership may not", async () => {
      const officer = await new Browser(app).signIn('officer@police.test')
      const csrf = /name="_csrf" value="([^"]+)"/.exec((await officer.get('/')).body)![1]
      const cookie = [...officer.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
      const ok = await app.inject({
        method: 'POST',
        url: '/api/v1/records',
        payload: JSON.stringify([{ type: 'person', source_id: 'P-901', given_name: 'Zed', family_name: 'Ray' }]),
        headers: { 'content-type': 'application/json', cookie, 'csrf-token': csrf },
      })
      assert.equal(ok.statusCode, 200, ok.body)
      const forged = await app.inject({
        method: 'POST',
        url: '/api/v1/records',
        payload: '[]',
        headers: { 'content-type': 'application/json', cookie },
      })
      assert.equal(forged.statusCode, 403, 'a session without the CSRF header is refused')
      const chair = await new Browser(app).signIn('chair@lscp.test')
      const no = await app.inject({
        method: 'POST',
        url: '/api/v1/records',
        payload: '[]',
        headers: {
          'content-type': 'application/json',
          cookie: [...chair.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
      })
      assert.equal(no.statusCode, 403)
    })

    test('the OpenAPI document describes the API', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/openapi.json' })
      const doc = JSON.parse(res.body)
      for (const path of [
        '/api/v1/records',
        '/api/v1/children',
        '/api/v1/children/{id}',
        '/api/v1/children/{id}/chronology',
      ])
        assert.ok(doc.paths[path], path)
    })
  },
  { resetBetweenTests: false },
)
