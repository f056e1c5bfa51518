// A history that re-sends cannot corrupt (the import format 1.2, docs/import-format.md): versions of
// an object ordered by recorded_at, an older version going into the history at its place, identical
// re-sends adding nothing whatever their recorded_at, two contents at one moment (the later received
// is current), a recorded_at in the future refused with its line and field, and the database itself
// refusing an inverted validity interval. A property test imports random histories in random orders
// and compares every "as of" answer.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { sql } from 'kysely'
import { forEachDatabase, resetDatabase } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
import { withClock } from '../config/clock.ts'
import { TEST_ACTOR } from '../testing/seed.ts'
import { describeReject, importRecords, ndjsonLines, type ImportResult } from './importer.ts'
import { addAgency } from '../agencies/agencies.ts'
import { knownAt } from '../db/as-of.ts'
import { onRecordsChangedHook, type RecordsChanged } from './changes.ts'
import type { Db } from '../db/database.ts'
import * as history1_1 from '../db/migrations/0013_record_history.ts'

const RECEIVED = new Date('2012-01-01T00:00:00Z')
const opts = (extra: Partial<Parameters<typeof importRecords>[2]> = {}) => ({
  channel: 'file' as const,
  skipInvalid: false,
  actor: TEST_ACTOR,
  receivedAt: RECEIVED,
  ...extra,
})
const send = (db: Db, objects: object[], extra: Partial<Parameters<typeof importRecords>[2]> = {}) =>
  importRecords(db, ndjsonLines(objects.map((o) => JSON.stringify(o)).join('\n')), opts(extra))
const tally = (r: ImportResult) => ({
  created: r.created,
  updated: r.updated,
  unchanged: r.unchanged,
  withdrawn: r.withdrawn,
  rejected: r.rejected,
})

const person = (given: string, recordedAt?: string, extra: object = {}) => ({
  type: 'person',
  agency: 'police',
  source_id: 'P-1',
  given_name: given,
  family_name: 'Okafor',
  date_of_birth: '2006-05-04',
  ...(recordedAt ? { recorded_at: recordedAt } : {}),
  ...extra,
})

async function versions(db: Db, table: 'person_versions' | 'events' = 'person_versions', sourceId = 'P-1') {
  const rows = await sql<{
    version: number
    recorded_at: Date
    superseded_at: Date | null
    is_current: boolean
    withdrawn: boolean
    label: string | null
  }>`select version, recorded_at, superseded_at, is_current, withdrawn,
      ${table === 'events' ? sql`summary` : sql`given_name`} as label from ${sql.table(table)}
    where source_id = ${sourceId} order by version`.execute(db)
  return rows.rows.map((r) => ({
    version: r.version,
    given: r.label,
    recorded: r.recorded_at.toISOString(),
    superseded: r.superseded_at?.toISOString() ?? null,
    current: r.is_current,
    withdrawn: r.withdrawn,
  }))
}

async function nameKnownAt(db: Db, at: string): Promise<string | null> {
  const row = await sql<{ given_name: string }>`select given_name from person_versions p
    where p.source_id = 'P-1' and ${knownAt('p', new Date(at))}`.execute(db)
  return row.rows[0]?.given_name ?? null
}

forEachDatabase('a history that re-sends cannot corrupt (import format 1.2)', (backend) => {
  const setUp = async () => {
    const { db } = backend().database
    await addAgency(db, { code: 'police', name: 'Police', kind: 'police' })
    await addAgency(db, { code: 'csc', name: 'CSC', kind: 'childrens_social_care' })
    return db
  }

  test('an older extract sent after a newer one goes into the history at its place and never becomes current', async () => {
    const db = await setUp()
    assert.deepEqual(tally(await send(db, [person('Ada', '2009-01-01T00:00:00Z')])), {
      created: 1,
      updated: 0,
      unchanged: 0,
      withdrawn: 0,
      rejected: 0,
    })
    await send(db, [person('Adaeze', '2011-01-01T00:00:00Z')])
    // the backfill: what the agency held in 2010
    const backfill = await send(db, [person('Adeze', '2010-01-01T00:00:00Z')])
    assert.deepEqual([backfill.created, backfill.updated, backfill.unchanged], [0, 1, 0], 'an older version is updated')
    assert.deepEqual(await versions(db), [
      {
        version: 1,
        given: 'Ada',
        recorded: '2009-01-01T00:00:00.000Z',
        superseded: '2010-01-01T00:00:00.000Z',
        current: false,
        withdrawn: false,
      },
      {
        version: 2,
        given: 'Adeze',
        recorded: '2010-01-01T00:00:00.000Z',
        superseded: '2011-01-01T00:00:00.000Z',
        current: false,
        withdrawn: false,
      },
      {
        version: 3,
        given: 'Adaeze',
        recorded: '2011-01-01T00:00:00.000Z',
        superseded: null,
        current: true,
        withdrawn: false,
      },
    ])
    assert.equal(await nameKnownAt(db, '2009-06-01T00:00:00Z'), 'Ada')
    assert.equal(await nameKnownAt(db, '2010-06-01T00:00:00Z'), 'Adeze')
    assert.equal(await nameKnownAt(db, '2011-06-01T00:00:00Z'), 'Adaeze')
    // the whole history again, newest first: nothing created or updated, nothing stored
    const again = await send(db, [
      person('Adaeze', '2011-01-01T00:00:00Z'),
      person('Ada', '2009-01-01T00:00:00Z'),
      person('Adeze', '2010-01-01T00:00:00Z'),
    ])
    assert.deepEqual([again.created, again.updated, again.unchanged], [0, 0, 3])
    assert.equal((await versions(db)).length, 3)
  })

  test('content equal to the version in force at its recorded_at adds nothing, whatever its recorded_at', async () => {
    const db = await setUp()
    await send(db, [person('Ada', '2009-01-01T00:00:00Z', { x_school: 'St Mary' })])
    await send(db, [person('Adaeze', '2011-01-01T00:00:00Z')])
    // the 2009 content again, dated 2010 (while it was in force), key order changed, agency from --agency
    const same = {
      x_school: 'St Mary',
      date_of_birth: '2006-05-04',
      family_name: 'Okafor',
      given_name: 'Ada',
      source_id: 'P-1',
      type: 'person',
      recorded_at: '2010-03-01T00:00:00Z',
    }
    const out = await send(db, [same], { defaultAgency: 'police' })
    assert.deepEqual([out.created, out.updated, out.unchanged], [0, 0, 1])
    // an unknown field is content: a different one is a new version
    const other = await send(db, [{ ...same, x_school: 'St Luke' }], { defaultAgency: 'police' })
    assert.deepEqual([other.updated, other.unchanged], [1, 0])
    // the current content without a recorded_at: unchanged; a different one is recorded now
    const now = await send(db, [person('Adaeze')])
    assert.deepEqual([now.updated, now.unchanged], [0, 1])
    const changed = await send(db, [person('Adaeze', undefined, { sex: 'female' })])
    assert.equal(changed.updated, 1)
    const all = await versions(db)
    assert.deepEqual(
      all.map((v) => [v.given, v.recorded, v.current]),
      [
        ['Ada', '2009-01-01T00:00:00.000Z', false],
        ['Ada', '2010-03-01T00:00:00.000Z', false],
        ['Adaeze', '2011-01-01T00:00:00.000Z', false],
        ['Adaeze', RECEIVED.toISOString(), true],
      ],
    )
  })

  test('two contents with one recorded_at: the later received is current, both kept, and re-sends of either add nothing', async () => {
    const db = await setUp()
    await send(db, [person('Ada', '2009-01-01T00:00:00Z')])
    await send(db, [person('Ade', '2009-01-01T00:00:00Z')])
    const v = await versions(db)
    assert.deepEqual(
      v.map((x) => [x.given, x.recorded, x.superseded, x.current]),
      [
        ['Ada', '2009-01-01T00:00:00.000Z', '2009-01-01T00:00:00.000Z', false],
        ['Ade', '2009-01-01T00:00:00.000Z', null, true],
      ],
    )
    assert.equal(await nameKnownAt(db, '2009-01-01T00:00:00Z'), 'Ade')
    const again = await send(db, [person('Ada', '2009-01-01T00:00:00Z'), person('Ade', '2009-01-01T00:00:00Z')])
    assert.deepEqual([again.updated, again.unchanged], [0, 2])
    // in one file, the later line is the later received
    const db2 = db
    await send(db2, [
      { ...person('Bo', '2009-02-01T00:00:00Z'), source_id: 'P-2' },
      { ...person('Bob', '2009-02-01T00:00:00Z'), source_id: 'P-2' },
    ])
    assert.deepEqual(
      (await versions(db2, 'person_versions', 'P-2')).map((x) => [x.given, x.current]),
      [
        ['Bo', false],
        ['Bob', true],
      ],
    )
  })

  test('a recorded_at later than now is refused with its line and field; the clock sets now', async () => {
    const db = await setUp()
    await withClock(new TestClock('2010-06-01T12:00:00'), async () => {
      const out = await send(db, [
        person('Ada', '2010-06-01T10:00:00'),
        { ...person('Bo', '2010-06-02'), source_id: 'P-2' },
      ])
      assert.equal(out.rolledBack, true)
      assert.equal(out.rejects.length, 1)
      assert.equal(out.rejects[0].line, 2)
      assert.equal(out.rejects[0].errors[0].field, 'recorded_at')
      assert.match(
        describeReject(out.rejects[0]),
        /^line 2: recorded_at "2010-06-02" is later than now \(2010-06-01T11:00:00.000Z\): a version cannot be recorded in the future$/,
      )
      const kept = await send(
        db,
        [person('Ada', '2010-06-01T10:00:00'), { ...person('Bo', '2010-06-02'), source_id: 'P-2' }],
        {
          skipInvalid: true,
        },
      )
      assert.deepEqual([kept.created, kept.rejected], [1, 1])
    })
  })

  test('a withdrawal already stored is unchanged, and a correction older than the withdrawal goes into the history', async () => {
    const db = await setUp()
    const event = (summary: string, recordedAt: string, extra: object = {}) => ({
      type: 'event',
      agency: 'police',
      source_id: 'E-1',
      kind: 'concern',
      subject: 'P-1',
      occurred_at: '2009-01-01',
      summary,
      recorded_at: recordedAt,
      ...extra,
    })
    await send(db, [person('Ada', '2009-01-01T00:00:00Z'), event('first', '2009-01-02T00:00:00Z')])
    const withdraw = { type: 'event', agency: 'police', source_id: 'E-1', withdrawn: true, reason: 'wrong child' }
    const w = await send(db, [{ ...withdraw, recorded_at: '2009-03-01T00:00:00Z' }])
    assert.equal(w.withdrawn, 1)
    for (const again of [
      { ...withdraw, recorded_at: '2009-03-01T00:00:00Z' },
      { ...withdraw, recorded_at: '2009-04-01T00:00:00Z', reason: 'duplicate' },
      withdraw,
    ]) {
      const out = await send(db, [again])
      assert.deepEqual([out.withdrawn, out.updated, out.unchanged], [0, 0, 1], JSON.stringify(again))
    }
    // a correction recorded before the withdrawal: into the history, still withdrawn now
    const mid = await send(db, [event('corrected', '2009-02-01T00:00:00Z')])
    assert.deepEqual([mid.updated, mid.withdrawn], [1, 0])
    assert.deepEqual(
      (await versions(db, 'events', 'E-1')).map((v) => [v.given, v.withdrawn, v.current]),
      [
        ['first', false, false],
        ['corrected', false, false],
        ['first', true, true],
      ],
      'the withdrawal keeps the fields of the version it withdraws',
    )
  })

  test('no validity interval is ever inverted: the database refuses one, and a current version superseded', async () => {
    const db = await setUp()
    await send(db, [person('Ada', '2009-01-01T00:00:00Z')])
    await send(db, [person('Ade', '2010-01-01T00:00:00Z')])
    await assert.rejects(
      sql`update person_versions set superseded_at = '2008-01-01T00:00:00Z' where version = 1`.execute(db),
      /interval_in_order/,
    )
    await assert.rejects(
      sql`update person_versions set superseded_at = '2011-01-01T00:00:00Z' where is_current`.execute(db),
      /current_not_superseded/,
    )
  })

  test('the migration lays out a history stored before 1.2: in recorded order, the newest current, no inverted interval', async () => {
    const db = await setUp()
    await send(db, [person('Ada', '2009-01-01T00:00:00Z')])
    await send(db, [person('Adaeze', '2011-01-01T00:00:00Z')])
    // as the importer before 1.2 left an older version re-sent after a newer one
    await history1_1.down(db as never)
    await sql`update person_versions set is_current = false, superseded_at = '2010-01-01T00:00:00Z' where version = 2`.execute(
      db,
    )
    await sql`insert into person_versions (agency_code, source_id, version, is_current, recorded_at, received_at,
        import_id, raw, given_name, family_name)
      select agency_code, source_id, 3, true, '2010-01-01T00:00:00.0004Z', received_at, import_id,
        '{"given_name":"Adeze"}', 'Adeze', family_name from person_versions where version = 1`.execute(db)
    await history1_1.up(db as never)
    assert.deepEqual(
      (await versions(db)).map((v) => [v.version, v.given, v.recorded, v.superseded, v.current]),
      [
        [1, 'Ada', '2009-01-01T00:00:00.000Z', '2010-01-01T00:00:00.000Z', false],
        [2, 'Adeze', '2010-01-01T00:00:00.000Z', '2011-01-01T00:00:00.000Z', false],
        [3, 'Adaeze', '2011-01-01T00:00:00.000Z', null, true],
      ],
    )
  })

  test("linking and the after-import hooks see an older version in the history: the person's current record stays the newest", async () => {
    const db = await setUp()
    const changes: RecordsChanged[] = []
    onRecordsChangedHook('history test', async (_db, change) => void changes.push(change))
    try {
      await send(db, [person('Ada', '2011-01-01T00:00:00Z', { nhs_number: '9434765919' })])
      const csc = {
        ...person('Ada', '2011-02-01T00:00:00Z', { nhs_number: '9434765919' }),
        agency: 'csc',
        source_id: 'C-1',
      }
      await send(db, [csc])
      const links = async () =>
        (
          await db
            .selectFrom('entity_links')
            .select(['agency_code', 'source_id', 'entity_id', 'method'])
            .orderBy('agency_code')
            .execute()
        ).map((l) => [l.agency_code, l.source_id, l.entity_id, l.method])
      const before = await links()
      assert.equal(before[0][2], before[1][2], 'one person')
      // the police's 2009 record of the child under another name and no NHS number
      const old = await send(db, [person('Adanna', '2009-01-01T00:00:00Z', { family_name: 'Obi' })])
      assert.equal(old.updated, 1)
      assert.deepEqual(await links(), before, 'links unchanged, no new person')
      assert.equal(Number((await sql<{ n: number }>`select count(*)::int as n from entities`.execute(db)).rows[0].n), 1)
      const current = await db
        .selectFrom('person_versions')
        .select(['given_name', 'family_name', 'nhs_number'])
        .where('source_id', '=', 'P-1')
        .where('is_current', '=', true)
        .executeTakeFirstOrThrow()
      assert.deepEqual(current, { given_name: 'Ada', family_name: 'Okafor', nhs_number: '9434765919' })
      assert.deepEqual(changes.at(-1)!.entityIds, [before[0][2]], 'the hooks hear of the person whose history changed')
    } finally {
      onRecordsChangedHook('history test', async () => {})
    }
  })

  test('property: a random history imported, then again in random orders and files, reports nothing new and keeps every as-of answer', async () => {
    const db = await setUp()
    const database = backend().database
    await fc.assert(
      fc.asyncProperty(history({ distinct: false }), fc.infiniteStream(fc.nat()), async (objects, random) => {
        await resetDatabase(database)
        await addAgency(db, { code: 'police', name: 'Police', kind: 'police' })
        // the agency's history as it happened (moments in order, ties in the order generated)
        const inOrder = [...objects].sort((a, b) => Date.parse(a.recorded_at) - Date.parse(b.recorded_at))
        await importInFiles(db, inOrder, random)
        const reference = await snapshot(db, objects)
        await assertHistoriesInOrder(db)
        const again = await importInFiles(db, shuffle(objects, random), random)
        assert.deepEqual([again.created, again.updated, again.withdrawn], [0, 0, 0])
        assert.deepEqual(await snapshot(db, objects), reference)
      }),
      { numRuns: 12 },
    )
  })

  test('property: distinct versions imported in any order give the history imported in order', async () => {
    const db = await setUp()
    const database = backend().database
    await fc.assert(
      fc.asyncProperty(history({ distinct: true }), fc.infiniteStream(fc.nat()), async (objects, random) => {
        await resetDatabase(database)
        await addAgency(db, { code: 'police', name: 'Police', kind: 'police' })
        const inOrder = [...objects].sort((a, b) => Date.parse(a.recorded_at) - Date.parse(b.recorded_at))
        await importInFiles(db, inOrder, random)
        const reference = await snapshot(db, objects)
        await resetDatabase(database)
        await addAgency(db, { code: 'police', name: 'Police', kind: 'police' })
        const shuffled = await importInFiles(db, shuffle(objects, random), random)
        assert.equal(shuffled.unchanged, 0)
        await assertHistoriesInOrder(db)
        assert.deepEqual(await snapshot(db, objects), reference)
      }),
      { numRuns: 12 },
    )
  })
})

type Sent = Record<string, unknown> & { recorded_at: string }

const DAYS = ['2009-01-01', '2009-02-01', '2009-03-01', '2009-04-01', '2009-05-01', '2009-06-01']

/**
 * Versions of a few objects (a person, an event about them, a relationship), each a content drawn
 * from a small set (so repeats happen) or a withdrawal, at a few moments (so ties happen). With
 * `distinct`, every version of an object has its own moment and content, and at most one withdraws.
 */
function history({ distinct }: { distinct: boolean }): fc.Arbitrary<Sent[]> {
  const version = fc.record({ day: fc.nat(DAYS.length - 1), content: fc.nat(2), withdraw: fc.nat(5) })
  const object = fc.array(version, { minLength: 1, maxLength: 5 })
  return fc.tuple(object, object, object).map((lists) => {
    const out: Sent[] = []
    lists.forEach((list, o) => {
      const days = new Set<number>()
      const contents = new Set<number>()
      let withdrawals = 0
      list.forEach((v, n) => {
        if (distinct) {
          if (days.has(v.day)) return
          days.add(v.day)
        }
        const withdraw = v.withdraw === 0 && (!distinct || withdrawals === 0)
        const content = distinct ? n : v.content
        if (distinct && !withdraw) {
          if (contents.has(content)) return
          contents.add(content)
        }
        if (withdraw) withdrawals++
        const recorded_at = `${DAYS[v.day]}T${String(9 + (n % 3)).padStart(2, '0')}:00:00Z`
        const frame = { agency: 'police', recorded_at }
        if (withdraw) {
          out.push({ ...frame, type: ['person', 'event', 'relationship'][o], source_id: `X-${o}`, withdrawn: true })
          return
        }
        if (o === 0)
          out.push({
            ...frame,
            type: 'person',
            source_id: 'X-0',
            given_name: ['Mia', 'Maya', 'Mya'][content % 3] + (content >= 3 ? String(content) : ''),
            family_name: 'Kowalska',
            x_extra: content,
          })
        else if (o === 1)
          out.push({
            ...frame,
            type: 'event',
            source_id: 'X-1',
            kind: 'concern',
            subject: 'X-0',
            occurred_at: '2008-12-01',
            summary: `concern, version ${content}`,
          })
        else
          out.push({
            ...frame,
            type: 'relationship',
            source_id: 'X-2',
            from: 'X-0',
            to: 'X-9',
            kind: ['associate', 'family', 'parent'][content % 3],
            note: content >= 3 ? `note ${content}` : undefined,
          })
      })
    })
    return out
  })
}

function shuffle<T>(items: readonly T[], random: fc.Stream<number>): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.next().value % (i + 1)
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

/** Sends the objects in order, cut into one to three files at random points. */
async function importInFiles(db: Db, objects: Sent[], random: fc.Stream<number>): Promise<ImportResult> {
  const total = { created: 0, updated: 0, unchanged: 0, withdrawn: 0, rejected: 0 } as ImportResult
  let start = 0
  while (start < objects.length) {
    const size = 1 + (random.next().value % objects.length)
    const part = objects.slice(start, start + size)
    start += size
    const r = await send(db, part)
    assert.equal(r.rejected, 0, r.rejects.map(describeReject).join('\n'))
    for (const k of ['created', 'updated', 'unchanged', 'withdrawn'] as const) total[k] += r[k]
  }
  return total
}

/** Every "as of" answer that can differ: at each moment sent, just before it, and after all of them. */
async function snapshot(db: Db, objects: Sent[]): Promise<Record<string, string[]>> {
  const moments = new Set<number>([Date.parse('2100-01-01T00:00:00Z')])
  for (const o of objects) {
    moments.add(Date.parse(o.recorded_at))
    moments.add(Date.parse(o.recorded_at) - 1)
  }
  const out: Record<string, string[]> = {}
  for (const ms of [...moments].sort()) {
    const at = new Date(ms)
    const rows = await sql<{ what: string }>`
      select 'person ' || source_id || ' ' || given_name as what from person_versions p where ${knownAt('p', at)}
      union all select 'event ' || source_id || ' ' || summary from events e where ${knownAt('e', at)}
      union all select 'relationship ' || source_id || ' ' || kind || ' ' || coalesce(note, '') from relationships r
        where ${knownAt('r', at)}
      order by 1`.execute(db)
    out[at.toISOString()] = rows.rows.map((r) => r.what)
  }
  return out
}

/** Each object's versions numbered in recorded order, each superseded when the next was recorded, the last current. */
async function assertHistoriesInOrder(db: Db): Promise<void> {
  for (const table of ['person_versions', 'events', 'relationships']) {
    const rows = await sql<{
      source_id: string
      version: number
      recorded_at: Date
      superseded_at: Date | null
      is_current: boolean
    }>`select source_id, version, recorded_at, superseded_at, is_current from ${sql.table(table)}
      order by source_id, version`.execute(db)
    rows.rows.forEach((row, i) => {
      const next = rows.rows[i + 1]?.source_id === row.source_id ? rows.rows[i + 1] : undefined
      const first = rows.rows[i - 1]?.source_id !== row.source_id
      if (first) assert.equal(row.version, 1, `${table} ${row.source_id} numbered from 1`)
      if (next) {
        assert.equal(next.version, row.version + 1)
        assert.ok(next.recorded_at >= row.recorded_at, `${table} ${row.source_id} in recorded order`)
        assert.equal(row.superseded_at?.getTime(), next.recorded_at.getTime())
        assert.equal(row.is_current, false)
      } else {
        assert.equal(row.superseded_at, null)
        assert.equal(row.is_current, true)
      }
    })
  }
}
