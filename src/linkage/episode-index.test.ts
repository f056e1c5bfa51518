// The missing episodes that ended in a window (linkage/references.ts returnTimings) are found by an
// index of the episodes alone (migration 0044, decision 0063), and no index makes every event an
// import writes pay for an entry by kind and end. Both databases.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { forEachDatabase } from '../testing/backends.ts'
import { importObjects, seedArea } from '../testing/seed.ts'

const AT = new Date('2026-04-10T12:00:00Z')

forEachDatabase('missing episodes by their end', (backend) => {
  test('the episodes that ended in a window are read through the index of episodes alone', async () => {
    const { db } = backend().database
    await seedArea(db)
    const events = Array.from({ length: 60 }, (_, i) => ({
      type: 'event',
      agency: 'police',
      source_id: `E-IDX-${i}`,
      kind: i % 3 === 0 ? 'missing_episode' : 'concern',
      subject: 'P-1001',
      occurred_at: `2026-03-${String(1 + (i % 28)).padStart(2, '0')}T20:00:00Z`,
      ...(i % 3 === 0 ? { ended_at: `2026-03-${String(1 + (i % 28)).padStart(2, '0')}T23:00:00Z` } : {}),
      recorded_at: '2026-04-01T09:00:00Z',
    }))
    const result = await importObjects(db, events, AT)
    assert.equal(result.rejected, 0, JSON.stringify(result.rejects))
    const plan = await db.transaction().execute(async (trx) => {
      // as the import's own transaction plans (every query a lookup by key)
      await sql`set local enable_seqscan = off`.execute(trx)
      const rows = await sql<{ 'QUERY PLAN': string }>`explain
        select e.id from events e where e.kind = 'missing_episode' and e.is_current and not e.withdrawn
          and e.ended_at <= ${'2026-03-20T00:00:00Z'}::timestamptz
          and e.ended_at > ${'2026-03-13T00:00:00Z'}::timestamptz`.execute(trx)
      return rows.rows.map((r) => r['QUERY PLAN']).join('\n')
    })
    assert.match(plan, /events_episode_ended/, plan)
    const found = await sql<{ n: number }>`select count(*)::int as n from events e
      where e.kind = 'missing_episode' and e.is_current and not e.withdrawn
        and e.source_id like 'E-IDX-%'
        and e.ended_at <= '2026-03-20T00:00:00Z' and e.ended_at > '2026-03-13T00:00:00Z'`.execute(db)
    // episodes i = 0, 3, ..., 57 end on day 1 + (i mod 28): days 13 to 19 hold i = 12, 15, 18, 42, 45
    assert.equal(found.rows[0].n, 5)
  })

  test('no index of the events holds every current event by kind and end', async () => {
    const { db } = backend().database
    const indexes = await sql<{ indexdef: string }>`select indexdef from pg_indexes
      where schemaname = current_schema() and tablename = 'events'`.execute(db)
    const byKindAndEnd = indexes.rows.filter((r) => /\(kind, ended_at\)/.test(r.indexdef))
    assert.deepEqual(byKindAndEnd, [])
    assert.ok(
      indexes.rows.some((r) => /events_episode_ended/.test(r.indexdef) && /missing_episode/.test(r.indexdef)),
      'the index of missing episodes by their end',
    )
  })
})
