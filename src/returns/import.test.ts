// Returns through the one import path, on both databases: ten years of generated returns imported
// twice change nothing the second time; a return keeps what it does not carry; the SSDA903's tables
// are one unit; --check writes nothing; a dates-only missing episode's interview is due 72 hours
// after the start of its return day; and the API takes each format with its own content type.
import { test, before, beforeEach, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { forEachDatabase } from '../testing/backends.ts'
import { TEST_ACTOR } from '../testing/seed.ts'
import { testApp } from '../testing/web.ts'
import { addAgency } from '../agencies/agencies.ts'
import { createToken } from '../access/tokens.ts'
import { endOfDayLondon } from '../config/clock.ts'
import { generateArea } from '../demo/generate-area.ts'
import { interviewList } from '../missing/lists.ts'
import { DEFAULT_MISSING_SETTINGS } from '../missing/settings.ts'
import type { Db } from '../db/database.ts'
import { formatNamed } from './formats.ts'
import { importReturns, textInput, type ReturnsImportOptions } from './import.ts'
import { writeReturns } from './write.ts'
import { assessment, census, child, csv, episode } from './fixtures.ts'

const AREA = generateArea({
  seed: 'returns-ten-years',
  children: 160,
  end: '2025-03-31',
  years: 10,
  exploitedShare: 0.03,
  groups: 1,
})
const FILES = writeReturns(AREA.objects as never, {
  csc: 'csc',
  laNumber: '354',
  health: 'health',
  personOf: AREA.truth.personOf,
})

const options = (agency: string, more: Partial<ReturnsImportOptions> = {}): ReturnsImportOptions => ({
  agency,
  skipInvalid: false,
  check: false,
  actor: TEST_ACTOR,
  receivedAt: new Date('2026-01-01T00:00:00Z'),
  channel: 'file',
  ...more,
})

async function register(db: Db): Promise<void> {
  await addAgency(db, { code: 'csc', name: "Children's Social Care", kind: 'childrens_social_care', laNumber: '354' })
  await addAgency(db, { code: 'health', name: 'Health Trust', kind: 'health' })
}

const named = (prefix: string) =>
  [...FILES.files].filter(([n]) => n.startsWith(prefix)).map(([n, t]) => textInput(n, t))

/** Every year's census, each year's SSDA903 tables, every FHIR bundle: the totals of each outcome. */
async function importAll(db: Db): Promise<Record<string, number>> {
  const totals: Record<string, number> = { created: 0, updated: 0, unchanged: 0, withdrawn: 0, rejected: 0 }
  const add = (rows: Record<string, unknown>[]) => {
    for (const r of rows) for (const k of Object.keys(totals)) totals[k] += Number(r[k])
  }
  const cin = formatNamed('cin-census')!
  const ssda = formatNamed('ssda903')!
  const fhir = formatNamed('fhir')!
  add((await importReturns(db, cin, named('cin-census-'), options('csc'))).rows as never)
  for (const year of FILES.years)
    add((await importReturns(db, ssda, named(`ssda903-${year}-`), options('csc'))).rows as never)
  add((await importReturns(db, fhir, named('fhir-'), options('health'))).rows as never)
  return totals
}

forEachDatabase('importing returns', (backend) => {
  beforeEach(async () => register(backend().database.db))

  test('ten years of generated returns imported twice: nothing changes the second time', async () => {
    const { db } = backend().database
    assert.ok(FILES.years.length >= 9, `years ${FILES.years.join(', ')}`)
    const first = await importAll(db)
    assert.equal(first.rejected, 0)
    assert.ok(first.created > 500, JSON.stringify(first))
    const count = async () =>
      Number(
        (await sql<{ n: string }>`select count(*) as n from events where agency_code in ('csc', 'health')`.execute(db))
          .rows[0].n,
      )
    const rows = await count()
    const second = await importAll(db)
    assert.deepEqual(
      { created: second.created, updated: second.updated, withdrawn: second.withdrawn },
      { created: 0, updated: 0, withdrawn: 0 },
    )
    assert.equal(await count(), rows)
    // one person per child, whatever the number of returns naming them
    const dupes = await sql<{ n: string }>`select count(*) as n from (select source_id from person_versions
      where agency_code = 'csc' and is_current group by source_id having count(*) > 1) d`.execute(db)
    assert.equal(Number(dupes.rows[0].n), 0)
    // a child absent from later returns is not withdrawn
    const withdrawn = await sql<{
      n: string
    }>`select count(*) as n from person_versions where agency_code = 'csc' and withdrawn`.execute(db)
    assert.equal(Number(withdrawn.rows[0].n), 0)
  })

  test('the SSDA903 keeps the disability the census recorded, and a correction next year is a new version', async () => {
    const { db } = backend().database
    const cin = formatNamed('cin-census')!
    const ssda = formatNamed('ssda903')!
    const kid = (factors: string[]) =>
      child('K1', {
        disabilities: ['LD'],
        episodes: episode({ referral: '2019-06-01', assessments: assessment('2019-06-02', '2019-07-01', factors) }),
      })
    await importReturns(db, cin, [textInput('2020.xml', census(2020, kid(['4A'])))], options('csc'))
    const header = csv('Header', [['K1', '2', '02/04/2008', 'WBRI', '', '0', '']])
    const episodes = csv('Episodes', [
      ['K1', '01/02/2020', 'S', 'V2', 'N1', 'U6', 'PR1', '', '', '', 'OL11 1AA', 'M1 1AE', ''],
    ])
    const r903 = await importReturns(
      db,
      ssda,
      [textInput('h.csv', header), textInput('e.csv', episodes)],
      options('csc'),
    )
    assert.deepEqual(
      r903.rows.map((r) => [r.file, r.created, r.updated, r.unchanged]),
      [
        ['h.csv', 0, 0, 1],
        ['e.csv', 1, 0, 0],
      ],
    )
    const person = await sql<{ disability: string | null }>`select disability from person_versions
      where agency_code = 'csc' and source_id = 'K1' and is_current`.execute(db)
    assert.equal(person.rows[0].disability, 'Learning')
    // the 2020-21 census corrects the factors of an assessment authorised in 2019-20
    const corrected = await importReturns(db, cin, [textInput('2021.xml', census(2021, kid(['11A'])))], options('csc'))
    assert.equal(corrected.rows[0].updated, 1)
    const versions = await sql<{
      recorded_at: Date
      factors: string
    }>`select recorded_at, raw->>'factors' as factors from events
      where source_id = 'cin/K1/referral/2019-06-01/assessment/2019-06-02' order by recorded_at`.execute(db)
    assert.deepEqual(
      versions.rows.map((v) => [v.recorded_at.toISOString().slice(0, 10), v.factors]),
      [
        ['2019-06-30', '["4A"]'],
        ['2021-03-30', '["11A"]'],
      ],
    )
  })

  test('the SSDA903 tables are one unit: a mistake in one table imports nothing from any', async () => {
    const { db } = backend().database
    const ssda = formatNamed('ssda903')!
    const header = csv('Header', [['W1', '1', '02/04/2009', 'WBRI', 'UN1', '0', '']])
    const bad = csv('Episodes', [['W1', '01/02/2020', 'S', 'V2', 'N1', 'Q9', 'PR1', '', '', '', '', '', '']])
    const result = await importReturns(db, ssda, [textInput('h.csv', header), textInput('e.csv', bad)], options('csc'))
    assert.equal(result.rolledBack, true)
    assert.deepEqual(
      result.rows.map((r) => [r.file, r.created, r.rejected]),
      [
        ['h.csv', 0, 0],
        ['e.csv', 0, 1],
      ],
    )
    assert.deepEqual(
      { line: result.rejects[0].line, path: result.rejects[0].path, field: result.rejects[0].errors[0].field },
      { line: 2, path: 'Episodes', field: 'PLACE' },
    )
    const none = await sql<{ n: string }>`select count(*) as n from person_versions where source_id = 'W1'`.execute(db)
    assert.equal(Number(none.rows[0].n), 0)
    // --skip-invalid keeps the valid table's rows; --check writes nothing and counts each table
    const checked = await importReturns(
      db,
      ssda,
      [textInput('h.csv', header), textInput('e.csv', bad)],
      options('csc', { check: true }),
    )
    assert.deepEqual(
      checked.checks.map((c) => [c.table, c.rows, c.records, c.rejected]),
      [
        ['Header', 1, 1, 0],
        ['Episodes', 1, 0, 1],
      ],
    )
    assert.equal(
      Number(
        (await sql<{ n: string }>`select count(*) as n from person_versions where source_id = 'W1'`.execute(db)).rows[0]
          .n,
      ),
      0,
    )
    const skipped = await importReturns(
      db,
      ssda,
      [textInput('h.csv', header), textInput('e.csv', bad)],
      options('csc', { skipInvalid: true }),
    )
    assert.deepEqual(
      skipped.rows.map((r) => [r.file, r.created, r.rejected]),
      [
        ['h.csv', 1, 0],
        ['e.csv', 0, 1],
      ],
    )
  })

  test('a dates-only missing episode: the interview is due 72 hours after the start of the return day', async () => {
    const { db } = backend().database
    const ssda = formatNamed('ssda903')!
    const header = csv('Header', [['M9', '2', '02/04/2007', 'WBRI', 'UN1', '0', '']])
    const missing = csv('Missing', [['M9', '02/04/2007', 'M', '03/07/2020', '05/07/2020']])
    const r = await importReturns(db, ssda, [textInput('h.csv', header), textInput('m.csv', missing)], options('csc'))
    assert.equal(r.rejects.length, 0)
    const rows = await interviewList(db, { asOf: endOfDayLondon('2020-07-07')!, settings: DEFAULT_MISSING_SETTINGS })
    const row = rows.find((x) => x.episode_source === 'csc:903/M9/missing/2020-07-03')
    assert.ok(row, JSON.stringify(rows))
    assert.equal(row.returned_at, '2020-07-05T00:00:00+01:00')
    assert.equal(row.interview_due_at, '2020-07-08T00:00:00+01:00')
    assert.equal(row.interview_status, 'due')
  })
})

forEachDatabase(
  'the records API takes returns',
  (backend) => {
    let app: FastifyInstance
    let csc: string
    let health: string
    before(async () => {
      const { db } = backend().database
      await register(db)
      csc = await createToken(db, 'csc')
      health = await createToken(db, 'health')
      app = await testApp(backend().database)
    })
    after(async () => app?.close())
    const send = (query: string, type: string, body: string, token: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/records?${query}`,
        payload: body,
        headers: { 'content-type': type, authorization: `Bearer ${token}` },
      })

    test('a census as XML, an SSDA903 table as CSV, a FHIR bundle as fhir+json', async () => {
      const xml = census(2021, child('A1', {}))
      const cin = await send('from=cin-census', 'application/xml', xml, csc)
      assert.equal(cin.statusCode, 200, cin.body)
      assert.equal(JSON.parse(cin.body).created, 2)
      const again = await send('from=cin-census', 'application/xml', xml, csc)
      assert.equal(JSON.parse(again.body).unchanged, 2)
      const table = await send(
        'from=ssda903&table=Header',
        'text/csv',
        csv('Header', [['A2', '1', '01/01/2010', 'WBRI', 'UN1', '0', '']]),
        csc,
      )
      // a lone Header table names no dates to tell its year: refused, with the reason
      assert.equal(table.statusCode, 400)
      assert.match(JSON.parse(table.body).message, /no dates to tell the collection year/)
      const missingTable = await send(
        'from=ssda903&table=Missing',
        'text/csv',
        csv('Missing', [['A1', '02/04/2008', 'M', '03/07/2020', '05/07/2020']]),
        csc,
      )
      assert.equal(missingTable.statusCode, 200, missingTable.body)
      const bundle = JSON.stringify({
        resourceType: 'Bundle',
        type: 'collection',
        entry: [
          {
            fullUrl: 'urn:uuid:p',
            resource: {
              resourceType: 'Patient',
              identifier: [{ system: 'x', value: 'RCH9' }],
              name: [{ family: 'Moss', given: ['Rae'] }],
              birthDate: '2010-02-02',
            },
          },
        ],
      })
      const f = await send('from=fhir', 'application/fhir+json', bundle, health)
      assert.equal(f.statusCode, 200, f.body)
      assert.equal(JSON.parse(f.body).created, 1)
      const wrongType = await send('from=cin-census', 'text/csv', xml, csc)
      assert.equal(wrongType.statusCode, 400)
      assert.match(
        JSON.parse(wrongType.body).message,
        /takes Content-Type application\/xml or text\/xml, not text\/csv/,
      )
      const otherAgency = await send('from=cin-census', 'application/xml', xml, health)
      assert.equal(otherAgency.statusCode, 400)
      assert.match(JSON.parse(otherAgency.body).message, /no local-authority number registered/)
      const rejected = await send(
        'from=cin-census',
        'application/xml',
        census(2021, child('A3', { ethnicity: 'XXXX' })),
        csc,
      )
      assert.equal(rejected.statusCode, 400)
      const body = JSON.parse(rejected.body)
      assert.equal(body.errors[0].path, '/Message/Children[1]/Child[1]')
      assert.match(body.errors[0].message, /"XXXX" is not in the ethnicity code list/)
    })
  },
  { resetBetweenTests: false },
)
