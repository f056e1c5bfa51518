// `children --at-risk` and `children --unanswered` on both databases: a small hand-made area imported as
// agencies send it, then the lists as of several dates (and the as-of replay of a late record).
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { forEachDatabase, serverAvailable } from '../testing/backends.ts'
import { seedArea, TEST_ACTOR } from '../testing/seed.ts'
import { importRecords, ndjsonLines } from '../import/importer.ts'
import { endOfDayLondon } from '../config/clock.ts'
import { atRiskList, unansweredList, type ChildrenRow } from './lists.ts'
import { DEFAULT_RISK_SETTINGS, riskSettings } from './settings.ts'
import { riskArea, RISK_RECEIVED_AT, toNdjson } from '../testing/risk-cli-fixture.ts'
import './cache.ts'

const settings = DEFAULT_RISK_SETTINGS
const day = (d: string) => endOfDayLondon(d)!
const byId = (rows: ChildrenRow[]) => new Map(rows.map((r) => [r.child_id as number, r]))

forEachDatabase(
  'children --at-risk and --unanswered',
  (backend) => {
    let ids: Record<string, number>
    before(async () => {
      const { db } = backend().database
      await seedArea(db)
      const result = await importRecords(db, ndjsonLines(toNdjson(riskArea())), {
        channel: 'file',
        skipInvalid: false,
        actor: TEST_ACTOR,
        receivedAt: RISK_RECEIVED_AT,
      })
      assert.equal(result.rejected, 0, JSON.stringify(result.rejects))
      const links = await db
        .selectFrom('entity_links')
        .select(['source_id', 'entity_id'])
        .where('agency_code', '=', 'police')
        .execute()
      ids = Object.fromEntries(links.map((l) => [l.source_id, l.entity_id]))
    })

    test('band, score and first flagged as of several dates, on what was recorded by then', async () => {
      const { db } = backend().database
      const bea = ids['P-B']
      // one missing episode: 5 points, and (instrument 1.5.0, decision 0065) one significant indicator is band 2
      const early = byId(await atRiskList(db, { asOf: day('2026-01-15'), settings })).get(bea)!
      assert.equal(early.score, 5)
      assert.equal(early.band, 2)
      assert.equal(early.first_flagged_at, '2026-01-11T09:00:00+00:00')
      const jan = byId(await atRiskList(db, { asOf: day('2026-01-20'), settings })).get(bea)!
      assert.equal(jan.band, 2)
      assert.equal(jan.band_label, 'mild')
      assert.equal(jan.score, 10)
      assert.equal(jan.first_flagged_at, '2026-01-11T09:00:00+00:00')
      assert.equal(jan.given_name, 'Bea')
      assert.equal(jan.date_of_birth, '2011-05-01')
      assert.deepEqual([...(jan.source_records as string[])].sort(), ['csc:C-B', 'health:H-B', 'police:P-B'])
      assert.deepEqual([...(jan.agencies as string[])].sort(), ['csc', 'health', 'police'])
      const march = byId(await atRiskList(db, { asOf: day('2026-03-02'), settings })).get(bea)!
      assert.equal(march.band, 3, 'the late infection record raised her band when it arrived')
      assert.equal(march.score, 11)
      assert.equal(march.first_flagged_at, '2026-01-11T09:00:00+00:00')
      // --min-band 3 flags her only from when the late record arrived: the past is not rewritten.
      assert.equal(byId(await atRiskList(db, { asOf: day('2026-02-28'), minBand: 3, settings })).has(bea), false)
      assert.equal(
        byId(await atRiskList(db, { asOf: day('2026-03-02'), minBand: 3, settings })).get(bea)!.first_flagged_at,
        '2026-03-01T10:00:00+00:00',
      )
    })

    test('the age rule, children who turn 18, and --min-band 1 listing every child', async () => {
      const { db } = backend().database
      const dan = byId(await atRiskList(db, { asOf: day('2026-04-02'), settings })).get(ids['P-D'])!
      assert.equal(dan.score, 5)
      assert.equal(dan.band, 3, 'under 13 with a significant indicator: at least band 3')
      const june = byId(await atRiskList(db, { asOf: day('2026-06-01'), minBand: 1, settings }))
      assert.ok(june.has(ids['P-C']), 'Cal is 17')
      assert.equal(june.get(ids['P-C'])!.band_label, 'no identified risk')
      assert.equal(june.get(ids['P-C'])!.first_flagged_at, null, 'band 1 is never flagged')
      // Amy is 19 and Cal turned 18 on 1 August: adults, but the records knew them as children, so
      // --min-band 1 still lists them until 25, band 1 and unscored, saying why (decision 0053)
      const september = byId(await atRiskList(db, { asOf: day('2026-09-01'), minBand: 1, settings }))
      for (const [who, id] of [
        ['Amy', ids['P-1001']],
        ['Cal', ids['P-C']],
      ] as const) {
        const row = (who === 'Amy' ? june : september).get(id)
        assert.ok(row, `${who} is listed`)
        assert.equal(row.band, 1)
        assert.equal(row.score, null)
        assert.equal(row.first_flagged_at, null)
        assert.match(String(row.band_label), /^18 or over: known to agencies as a child, listed until 25/)
      }
      assert.equal(
        byId(await atRiskList(db, { asOf: day('2026-09-01'), settings })).has(ids['P-C']),
        false,
        'an adult is never flagged at band 2',
      )
      // at 25 Amy (born 14 March 2007) is no longer listed; an adult whom the records met only as an
      // adult never is, nor is one whose records all came after their 18th birthday
      assert.equal(
        byId(await atRiskList(db, { asOf: day('2032-03-13'), minBand: 1, settings })).has(ids['P-1001']),
        true,
      )
      assert.equal(
        byId(await atRiskList(db, { asOf: day('2032-03-14'), minBand: 1, settings })).has(ids['P-1001']),
        false,
      )
      const late = await importRecords(
        db,
        ndjsonLines(
          toNdjson([
            {
              type: 'person',
              agency: 'police',
              source_id: 'P-Y',
              given_name: 'Yan',
              family_name: 'Cole',
              date_of_birth: '2005-02-01',
              recorded_at: '2025-12-01T09:00:00Z',
            },
            {
              type: 'event',
              agency: 'police',
              source_id: 'E-Y',
              kind: 'arrest',
              subject: 'P-Y',
              occurred_at: '2025-11-30T22:00:00Z',
              recorded_at: '2025-12-01T09:00:00Z',
            },
          ]),
        ),
        { channel: 'file', skipInvalid: false, actor: TEST_ACTOR, receivedAt: RISK_RECEIVED_AT },
      )
      assert.equal(late.rejected, 0, JSON.stringify(late.rejects))
      const yan = await db
        .selectFrom('entity_links')
        .select('entity_id')
        .where('agency_code', '=', 'police')
        .where('source_id', '=', 'P-Y')
        .executeTakeFirstOrThrow()
      assert.equal(
        byId(await atRiskList(db, { asOf: day('2026-06-01'), minBand: 1, settings })).has(yan.entity_id),
        false,
        'Yan, 20, was met only as an adult',
      )
      // In 2008 Amy was 1: below the ages the instrument applies to (10 to 17), so never band 2 or more
      // by the instrument, but still listed at --min-band 1 with the reason and no score.
      assert.equal(byId(await atRiskList(db, { asOf: day('2008-07-05'), settings })).has(ids['P-1001']), false)
      const amy2008 = byId(await atRiskList(db, { asOf: day('2008-07-05'), minBand: 1, settings })).get(ids['P-1001'])!
      assert.equal(amy2008.band, 1)
      assert.equal(amy2008.score, null)
      assert.equal(amy2008.first_flagged_at, null, 'never flagged: empty, not 1970')
      assert.match(String(amy2008.band_label), /^not screened: under 10/)
    })

    test('unanswered: three concerns from three agencies, 10 working days, a response, and a rise the response came before', async () => {
      const { db } = backend().database
      const bea = ids['P-B']
      assert.deepEqual(
        await unansweredList(db, { asOf: day('2026-02-17'), settings }),
        [],
        'due by the end of 17 February',
      )
      const feb = byId(await unansweredList(db, { asOf: day('2026-02-18'), settings })).get(bea)!
      assert.equal(feb.unanswered_since, '2026-02-18T00:00:00+00:00')
      assert.equal(feb.band, 2)
      assert.equal(
        byId(await unansweredList(db, { asOf: day('2026-02-26'), settings })).has(bea),
        false,
        'the strategy discussion answered it',
      )
      assert.equal(
        byId(await unansweredList(db, { asOf: day('2026-03-13'), settings })).has(bea),
        false,
        'band 3 from 1 March: due by the end of 13 March',
      )
      const march = byId(await unansweredList(db, { asOf: day('2026-03-14'), settings })).get(bea)!
      assert.equal(march.unanswered_since, '2026-03-14T00:00:00+00:00')
      assert.equal(march.band, 3)
      const longer = riskSettings({ THREADLINE_RISK_WORKING_DAYS: '15' })
      assert.equal(
        byId(await unansweredList(db, { asOf: day('2026-02-18'), settings: longer })).has(bea),
        false,
        'the working days are a setting',
      )
    })

    test('arriving records mark the cache of current scores stale; reading it brings it up to date', async () => {
      const { db } = backend().database
      const { cachedScores } = await import('./cache.ts')
      const stale = (await db.selectFrom('risk_stale').select('entity_id').execute()).map((r) => r.entity_id)
      assert.ok(stale.includes(ids['P-B']), 'Bea is marked by the import')
      assert.equal(
        (await db.selectFrom('risk_scores').selectAll().where('entity_id', '=', ids['P-B']).execute()).length,
        0,
        'nothing is scored inside the import',
      )
      const read = await cachedScores(db, [ids['P-B']])
      assert.equal(read.length, 1, 'Bea has a cached score once read')
      assert.ok(read.every((r) => r.instrument_id === 'seraf-cse'))
      assert.equal(
        (await db.selectFrom('risk_stale').select('entity_id').where('entity_id', '=', ids['P-B']).execute()).length,
        0,
        'and is no longer stale',
      )
    })

    test('a person no record gives an age is a child when the subject of a record only a child has', async () => {
      const { db } = backend().database
      const person = (source_id: string, given_name: string) => ({
        type: 'person',
        agency: 'police',
        source_id,
        given_name,
        family_name: 'Nodate',
        recorded_at: '2026-05-01T09:00:00Z',
      })
      const result = await importRecords(
        db,
        ndjsonLines(
          toNdjson([
            person('P-E', 'Eve'),
            person('P-F', 'Fred'),
            {
              type: 'event',
              agency: 'police',
              source_id: 'E-E1',
              kind: 'missing_episode',
              subject: 'P-E',
              occurred_at: '2026-05-02T20:00:00Z',
              recorded_at: '2026-05-03T08:00:00Z',
            },
            {
              type: 'event',
              agency: 'police',
              source_id: 'E-F1',
              kind: 'crime_report',
              subject: 'P-F',
              occurred_at: '2026-05-02T20:00:00Z',
              recorded_at: '2026-05-03T08:00:00Z',
            },
          ]),
        ),
        { channel: 'file', skipInvalid: false, actor: TEST_ACTOR, receivedAt: RISK_RECEIVED_AT },
      )
      assert.equal(result.rejected, 0, JSON.stringify(result.rejects))
      const entity = async (source: string) =>
        (
          await db
            .selectFrom('entity_links')
            .select('entity_id')
            .where('agency_code', '=', 'police')
            .where('source_id', '=', source)
            .executeTakeFirstOrThrow()
        ).entity_id
      const may = byId(await atRiskList(db, { asOf: day('2026-05-04'), minBand: 1, settings }))
      const eve = may.get(await entity('P-E'))
      assert.ok(eve, 'a missing episode owes a return interview: its subject is a child')
      assert.equal(eve.date_of_birth, null)
      assert.deepEqual(eve.source_records, ['police:P-E'])
      assert.equal(may.has(await entity('P-F')), false, 'a crime report alone says nothing of age')
      assert.equal(
        byId(await atRiskList(db, { asOf: day('2026-05-02'), minBand: 1, settings })).has(await entity('P-E')),
        false,
        'not before the missing episode was recorded',
      )
    })

    test("an area's own version of the instrument: checked, stored with its version, and recorded by every score", async () => {
      const { db } = backend().database
      const { addInstrument, InstrumentRefused } = await import('./store.ts')
      const { recomputeAll } = await import('./cache.ts')
      const { serafCse } = await import('./seraf-cse.ts')
      await assert.rejects(
        addInstrument(db, TEST_ACTOR, { ...serafCse, version: 'broken', bands: [] }, RISK_RECEIVED_AT),
        InstrumentRefused,
      )
      await assert.rejects(
        addInstrument(db, TEST_ACTOR, serafCse, RISK_RECEIVED_AT),
        InstrumentRefused,
        'a stored version is never replaced',
      )
      const own = {
        ...serafCse,
        version: '1.0.0-rochdale',
        bands: serafCse.bands.map((b) => (b.band === 2 ? { ...b, label: 'early help' } : b)),
      }
      await addInstrument(db, TEST_ACTOR, own, RISK_RECEIVED_AT)
      await recomputeAll(db, RISK_RECEIVED_AT)
      const rows = await db.selectFrom('risk_scores').select('instrument_version').execute()
      assert.ok(rows.length > 0 && rows.every((r) => r.instrument_version === '1.0.0-rochdale'))
      const jan = byId(await atRiskList(db, { asOf: day('2026-01-20'), settings })).get(ids['P-B'])!
      assert.equal(jan.band_label, 'early help')
      assert.equal(jan.band, 2, "the band numbers are the contract; labels are the area's")
    })
  },
  { resetBetweenTests: false },
)

// The command itself, end to end on the PostgreSQL server (fast to open; the lists are tested on both above).
const root = fileURLToPath(new URL('../../', import.meta.url))
const bin = join(root, 'bin/threadline.js')

test('threadline children: a wrong command line is refused with exit code 2 before any database is opened', async () => {
  const { Command } = await import('commander')
  const { CliError } = await import('../cli/errors.ts')
  const { registerRiskCommands } = await import('./cli.ts')
  for (const args of [
    [],
    ['--at-risk', '--unanswered'],
    ['--at-risk', '--min-band', '5'],
    ['--unanswered', '--min-band', '3'],
    ['--at-risk', '--as-of', '2026-13-01'],
  ]) {
    const program = new Command().exitOverride()
    registerRiskCommands(program)
    await assert.rejects(
      program.parseAsync(['children', ...args], { from: 'user' }),
      (e: unknown) => e instanceof CliError && e.exitCode === 2,
      args.join(' '),
    )
  }
})

test('threadline children: a bad setting exits 1 with its name', () => {
  const dir = mkdtempSync(join(tmpdir(), 'threadline-risk-'))
  const env = {
    ...process.env,
    THREADLINE_DATA: join(dir, 'data'),
    THREADLINE_DEMO: '0',
    DATABASE_URL: '',
    THREADLINE_RISK_WORKING_DAYS: 'ten',
  }
  const bad = spawnSync(process.execPath, [bin, 'children', '--unanswered'], { cwd: root, env, encoding: 'utf8' })
  assert.equal(bad.status, 1, bad.stderr)
  assert.match(bad.stderr, /THREADLINE_RISK_WORKING_DAYS/)
  assert.equal(bad.stdout, '')
})

test(
  'threadline import then children --at-risk / --unanswered print the columns of the spec',
  { skip: serverAvailable ? false : 'no PostgreSQL server' },
  async () => {
    const { postgresTarget } = await import('../testing/cli.ts')
    const target = postgresTarget()
    try {
      const dir = mkdtempSync(join(tmpdir(), 'threadline-risk-'))
      const file = join(dir, 'area.ndjson')
      const { writeFileSync } = await import('node:fs')
      const people = [
        {
          type: 'person',
          agency: 'police',
          source_id: 'P-1',
          given_name: 'Amy',
          family_name: 'Smith',
          date_of_birth: '2007-03-14',
          recorded_at: '2008-01-10T09:00:00Z',
        },
      ]
      writeFileSync(
        file,
        toNdjson([...people, ...riskArea().filter((o) => (o as { agency: string }).agency === 'police')]),
      )
      const env = { ...process.env, ...target.env, THREADLINE_DEMO: '0', THREADLINE_NOW: '' }
      const run = (...args: string[]) =>
        spawnSync(process.execPath, [bin, ...args], { cwd: root, env, encoding: 'utf8' })
      assert.equal(run('agencies', 'add', 'police', '--name', 'Police', '--kind', 'police').status, 0)
      const imported = run('import', file)
      assert.equal(imported.status, 0, imported.stderr)
      const csv = run('children', '--at-risk', '--as-of', '2026-04-02')
      assert.equal(csv.status, 0, csv.stderr)
      const lines = csv.stdout.trim().split('\r\n')
      assert.equal(
        lines[0],
        'child_id,given_name,family_name,date_of_birth,band,band_label,score,first_flagged_at,unanswered_since,agencies,source_records',
      )
      assert.equal(lines.length, 3, csv.stdout)
      assert.match(lines[1], /^\d+,Dan,Reed,2014-01-01,3,moderate,5,2026-04-02T09:00:00\+01:00,,police,police:P-D$/)
      // one missing episode, one significant indicator: band 2 from instrument 1.5.0 (decision 0065)
      assert.match(lines[2], /^\d+,Bea,Ward,2011-05-01,2,mild,5,2026-01-11T09:00:00\+00:00,,police,police:P-B$/)
    } finally {
      await target.cleanup()
    }
  },
)
