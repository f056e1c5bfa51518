// Hostile and careless input on every path in (importer, API, command line): each bad line is
// rejected with its line and field, the good lines around it are kept with --skip-invalid, nothing
// answers 500, and without --skip-invalid nothing is stored.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { parse } from 'csv-parse/sync'
import { BACKENDS, forEachDatabase, serverAvailable, TEST_PG_URL } from '../testing/backends.ts'
import { missingPrerequisite } from '../testing/needs.ts'
import { pgliteTarget, postgresTarget, runCli, type CliTarget } from '../testing/cli.ts'
import { seedArea, TEST_ACTOR } from '../testing/seed.ts'
import { testApp } from '../testing/web.ts'
import { createToken } from '../access/tokens.ts'
import { importRecords, ndjsonLines } from './importer.ts'
import { goodLines, hostileLines, mixedFile } from '../records/hostile-fixtures.ts'

/** A file whose second line holds bytes that are not UTF-8 (0xFF 0xFE, as Latin-1 would write ÿþ). */
const notUtf8 = (prefix: string) =>
  Buffer.concat([
    Buffer.from(goodLines(prefix)[0] + '\n'),
    Buffer.from(`{"type":"person","agency":"police","source_id":"${prefix}-BAD","given_name":"`),
    Buffer.from([0xff, 0xfe]),
    Buffer.from('"}\r\n'),
    Buffer.from(goodLines(prefix)[1] + '\n'),
  ])

const opts = (skipInvalid: boolean) => ({
  channel: 'file' as const,
  skipInvalid,
  actor: TEST_ACTOR,
  receivedAt: new Date('2010-01-01T00:00:00Z'),
})

forEachDatabase('hostile input', (backend) => {
  let app: FastifyInstance
  let token: string
  before(async () => {
    app = await testApp(backend().database)
  })
  after(async () => app?.close())

  const stored = async (prefix: string) => {
    const { db } = backend().database
    const [people, events, relationships] = await Promise.all(
      (['person_versions', 'events', 'relationships'] as const).map(async (table) =>
        Number(
          (
            await db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as('n'))
              .where('source_id', 'like', `${prefix}-%`)
              .executeTakeFirstOrThrow()
          ).n,
        ),
      ),
    )
    return people + events + relationships
  }

  test('--skip-invalid keeps every good line and reports every bad one by line and field', async () => {
    const { db } = backend().database
    await seedArea(db)
    const file = mixedFile('IMP')
    const result = await importRecords(db, ndjsonLines(file.text), opts(true))
    assert.equal(result.created, file.good)
    assert.equal(await stored('IMP'), file.good)
    assert.deepEqual(
      result.rejects.map((r) => r.line),
      file.bad.map((b) => b.line),
    )
    for (const [i, reject] of result.rejects.entries())
      assert.ok(
        reject.errors.some((e) => e.field === file.bad[i].field),
        `${file.bad[i].why}: ${JSON.stringify(reject.errors).slice(0, 200)}`,
      )
  })

  test('without --skip-invalid nothing of the file is stored, and every bad line is still reported', async () => {
    const { db } = backend().database
    await seedArea(db)
    const file = mixedFile('ALL')
    const result = await importRecords(db, ndjsonLines(file.text), opts(false))
    assert.equal(result.rolledBack, true)
    assert.equal(result.rejected, file.bad.length)
    assert.equal(await stored('ALL'), 0)
  })

  test('the API: a 400 naming each line and field without skip_invalid, and a 200 keeping the good lines with it', async () => {
    const { db } = backend().database
    await seedArea(db)
    token = await createToken(db, 'police')
    const file = mixedFile('API')
    const send = (query: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/records${query}`,
        payload: file.text,
        headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${token}` },
      })
    const refused = await send('')
    assert.equal(refused.statusCode, 400, refused.body.slice(0, 300))
    assert.equal(await stored('API'), 0)
    const kept = await send('?skip_invalid=true')
    assert.equal(kept.statusCode, 200, kept.body.slice(0, 300))
    const body = JSON.parse(kept.body)
    assert.equal(body.created, file.good)
    assert.equal(body.rejected, file.bad.length)
    for (const bad of file.bad)
      assert.ok(
        body.errors.some((e: { line: number; field: string }) => e.line === bad.line && e.field === bad.field),
        bad.why,
      )
    assert.equal(await stored('API'), file.good)
  })

  test('the API: a JSON array with elements nested 10,000 deep and holding NUL bytes answers 200 with skip_invalid', async () => {
    const { db } = backend().database
    await seedArea(db)
    token = await createToken(db, 'police')
    const deep = '['.repeat(10_000) + ']'.repeat(10_000)
    const elements = [
      ...goodLines('ARR'),
      deep,
      JSON.stringify({ type: 'person', source_id: 'X-1', given_name: 'a\u0000' }),
      `{"type":"person","source_id":"X-2","given_name":"Al","extra":${deep}}`,
    ]
    const payload = `[${elements.join(',')}]`
    for (const query of ['', '?skip_invalid=true']) {
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/records${query}`,
        payload,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      })
      assert.equal(res.statusCode, query ? 200 : 400, res.body.slice(0, 300))
      const body = JSON.parse(res.body)
      const n = goodLines('ARR').length
      assert.deepEqual([...new Set(body.errors.map((e: { line: number }) => e.line))], [n + 1, n + 2, n + 3])
    }
    assert.equal(await stored('ARR'), goodLines('ARR').length)
  })

  test('a body nested 10,000 deep, a bare value or broken JSON is a 400, never a 500', async () => {
    const { db } = backend().database
    await seedArea(db)
    token = await createToken(db, 'police')
    const deep = '['.repeat(10_000) + ']'.repeat(10_000)
    const deepObject = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)
    for (const [payload, type] of [
      [deep, 'application/json'],
      [deepObject, 'application/json'],
      [deepObject, 'application/x-ndjson'],
      ['null', 'application/json'],
      ['42', 'application/json'],
      ['{"type":', 'application/json'],
      ['\u0000', 'application/x-ndjson'],
      ['{"__proto__":{"x":1},"type":"person"}', 'application/json'],
    ]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/records?skip_invalid=true',
        payload,
        headers: { 'content-type': type, authorization: `Bearer ${token}` },
      })
      assert.ok(res.statusCode < 500, `${payload.slice(0, 30)} (${type}): ${res.statusCode} ${res.body.slice(0, 200)}`)
    }
  })

  test('the API: a line that is not UTF-8 is refused by its number, never stored with U+FFFD', async () => {
    const { db } = backend().database
    await seedArea(db)
    token = await createToken(db, 'police')
    const send = (payload: Buffer, type: string, query = '') =>
      app.inject({
        method: 'POST',
        url: `/api/v1/records${query}`,
        payload,
        headers: { 'content-type': type, authorization: `Bearer ${token}` },
      })
    const refused = await send(notUtf8('U8A'), 'application/x-ndjson')
    assert.equal(refused.statusCode, 400, refused.body.slice(0, 300))
    assert.equal(await stored('U8A'), 0)
    const kept = await send(notUtf8('U8A'), 'application/x-ndjson', '?skip_invalid=true')
    assert.equal(kept.statusCode, 200, kept.body.slice(0, 300))
    const body = JSON.parse(kept.body)
    assert.equal(body.created, 2)
    assert.deepEqual(
      body.errors.map((e: { line: number; field: string; message: string }) => [e.line, e.field]),
      [[2, '(line)']],
    )
    assert.match(body.errors[0].message, /is not valid UTF-8/)
    assert.equal(await stored('U8A'), 2)
    const names = await db
      .selectFrom('person_versions')
      .select('given_name')
      .where('source_id', 'like', 'U8A-%')
      .execute()
    for (const n of names) assert.doesNotMatch(String(n.given_name), /\uFFFD/)
    // a JSON array that is not UTF-8 cannot be split into elements: the request is refused
    const array = Buffer.concat([
      Buffer.from('[{"type":"person","source_id":"U8J-1","given_name":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}]'),
    ])
    const json = await send(array, 'application/json', '?skip_invalid=true')
    assert.equal(json.statusCode, 400, json.body.slice(0, 300))
    assert.match(JSON.parse(json.body).message, /not valid UTF-8/)
    assert.equal(await stored('U8J'), 0)
    // and UTF-8 itself, a byte-order mark first, is read as it always was
    const fine = await send(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(goodLines('U8B').join('\r\n'))]),
      'application/x-ndjson',
    )
    assert.equal(fine.statusCode, 200, fine.body.slice(0, 300))
    assert.equal(await stored('U8B'), goodLines('U8B').length)
  })

  test('every hostile value sent alone is rejected on its own line', async () => {
    const { db } = backend().database
    await seedArea(db)
    for (const h of hostileLines().filter((h) => h.text.length < 200_000)) {
      const result = await importRecords(db, ndjsonLines(h.text), opts(true))
      assert.equal(result.rejected, 1, h.why)
      assert.equal(result.created, 0, h.why)
    }
  })
})

// The command line's path too: a rejects file with every bad line, and exit 0.
for (const name of BACKENDS) {
  const skip =
    name === 'postgres' && !serverAvailable ? missingPrerequisite(`the PostgreSQL server at ${TEST_PG_URL}`) : false
  describe(`hostile input at the command line [${name}]`, { skip }, () => {
    let target: CliTarget
    before(() => {
      target = name === 'pglite' ? pgliteTarget() : postgresTarget()
    })
    after(async () => target?.cleanup())

    test('import --skip-invalid --rejects FILE writes every bad line with its line and field', async () => {
      const work = mkdtempSync(join(tmpdir(), 'threadline-hostile-'))
      const file = mixedFile('CLI')
      const input = join(work, 'mixed.ndjson')
      const rejects = join(work, 'rejects.ndjson')
      writeFileSync(input, file.text)
      const add = await runCli(['agencies', 'add', 'police', '--name', 'Police', '--kind', 'police'], target.env)
      assert.equal(add.code, 0, add.stderr)
      const run = await runCli(['import', input, '--skip-invalid', '--rejects', rejects], target.env)
      assert.equal(run.code, 0, run.stderr.slice(0, 500))
      assert.ok(
        run.stdout.endsWith(`,${file.good},0,0,0,${file.bad.length}\r\n`),
        `one row for the file: ${run.stdout}`,
      )
      const lines = readFileSync(rejects, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
      assert.deepEqual(
        lines.map((l) => l.line),
        file.bad.map((b) => b.line),
      )
      for (const [i, l] of lines.entries()) {
        assert.ok(
          l.errors.some((e: { field: string }) => e.field === file.bad[i].field),
          file.bad[i].why,
        )
        assert.equal(l.text, file.text.split('\n')[l.line - 1], 'the original line, to correct and send again')
      }
      rmSync(work, { recursive: true, force: true })
    })

    test('import refuses a line that is not UTF-8 by its number and keeps the others with --skip-invalid', async () => {
      const work = mkdtempSync(join(tmpdir(), 'threadline-utf8-'))
      const input = join(work, 'latin1.ndjson')
      writeFileSync(input, notUtf8('U8C'))
      await runCli(['agencies', 'add', 'police', '--name', 'Police', '--kind', 'police'], target.env)
      const whole = await runCli(['import', input], target.env)
      assert.equal(whole.code, 1, whole.stderr)
      assert.match(whole.stderr, /line 2: is not valid UTF-8/)
      const run = await runCli(['import', input, '--skip-invalid'], target.env)
      assert.equal(run.code, 0, run.stderr.slice(0, 500))
      assert.match(run.stderr, /line 2: is not valid UTF-8/)
      assert.ok(run.stdout.endsWith(`,2,0,0,0,1\r\n`), run.stdout)
      rmSync(work, { recursive: true, force: true })
    })

    test('names written to be run as formulas come out of a CSV list as text', async () => {
      const work = mkdtempSync(join(tmpdir(), 'threadline-formula-'))
      const input = join(work, 'formula.ndjson')
      const formula = '=HYPERLINK("http://evil.example","Click")'
      writeFileSync(
        input,
        [
          {
            type: 'person',
            agency: 'police',
            source_id: '-F1',
            given_name: formula,
            family_name: '@SUM(1+1)',
            date_of_birth: '2009-01-01',
          },
          {
            type: 'event',
            agency: 'police',
            source_id: 'FE1',
            kind: 'concern',
            subject: '-F1',
            occurred_at: '2020-01-01',
          },
        ]
          .map((o) => JSON.stringify(o))
          .join('\n'),
      )
      assert.equal((await runCli(['import', input], target.env)).code, 0)
      const list = await runCli(['children', '--at-risk', '--min-band', '1'], target.env)
      assert.equal(list.code, 0, list.stderr)
      const rows: string[][] = parse(list.stdout)
      const amy = rows.find((r) => r.includes(`'${formula}`))
      assert.ok(amy, list.stdout)
      assert.ok(amy.includes("'@SUM(1+1)"), list.stdout)
      for (const cell of rows.flat()) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, cell)
      rmSync(work, { recursive: true, force: true })
    })
  })
}
