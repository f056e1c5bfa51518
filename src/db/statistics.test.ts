import assert from 'node:assert/strict'
import { test } from 'node:test'
import { sql } from 'kysely'
import { outgrown, refreshStatistics } from './statistics.ts'
import { forEachDatabase } from '../testing/backends.ts'
import { importObjects, seedArea } from '../testing/seed.ts'

test('a table is analysed when never analysed, or grown by more than a tenth and eight pages', () => {
  assert.equal(outgrown({ name: 'events', analysedPages: 0, analysedTuples: -1, pages: 3 }), true)
  assert.equal(outgrown({ name: 'events', analysedPages: 0, analysedTuples: -1, pages: 0 }), false)
  assert.equal(outgrown({ name: 'events', analysedPages: 100, analysedTuples: 5000, pages: 118 }), false)
  assert.equal(outgrown({ name: 'events', analysedPages: 100, analysedTuples: 5000, pages: 119 }), true)
  assert.equal(outgrown({ name: 'events', analysedPages: 0, analysedTuples: 0, pages: 9 }), true)
})

forEachDatabase('planner statistics after an import', (backend) => {
  const analysed = async (table: string) =>
    (
      await sql<{ tuples: number }>`select reltuples::float8 as tuples from pg_class
        where relname = ${table} and relnamespace = current_schema()::regnamespace`.execute(backend().database.db)
    ).rows[0].tuples

  test('an import that grows the record tables leaves them analysed, so the planner knows their size', async () => {
    const { db } = backend().database
    await seedArea(db)
    const notes = Array.from({ length: 400 }, (_, i) => ({
      type: 'event',
      agency: 'police',
      source_id: `N-${i}`,
      kind: 'note',
      subject: 'P-1001',
      occurred_at: '2009-01-01T10:00:00Z',
      recorded_at: '2009-01-02T10:00:00Z',
      summary: `a note ${i} `.repeat(20),
    }))
    await importObjects(db, notes, new Date('2009-02-01T00:00:00Z'))
    assert.ok((await analysed('events')) >= 400, `events analysed with ${await analysed('events')} rows`)
    // nothing has grown since: no table is analysed again
    assert.deepEqual(await refreshStatistics(db), [])
  })
})
