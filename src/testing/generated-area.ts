// A generated area (demo/generate-area.ts, written apart from the rules it tests) stored as its
// agencies send it: the agencies first, then every record in one import by the real importer, with
// linkage on. A test that loads one fails, naming the first rejected lines, if any record is refused.
import assert from 'node:assert/strict'
import type { Db } from '../db/database.ts'
import type { Area } from '../demo/area-types.ts'
import { importRecords, type ImportResult } from '../import/importer.ts'
import { TEST_ACTOR } from './seed.ts'

export async function importGeneratedArea(
  db: Db,
  area: Area,
  receivedAt = new Date('2013-01-01T00:00:00Z'),
): Promise<ImportResult> {
  for (const a of area.agencies)
    await db
      .insertInto('agencies')
      .values({ code: a.code, name: a.name, kind: a.kind, contact: a.contact ?? null })
      .execute()
  const result = await importRecords(
    db,
    area.objects.map((value, i) => ({ line: i + 1, text: '', value })),
    { channel: 'file', skipInvalid: false, actor: TEST_ACTOR, receivedAt },
  )
  assert.equal(result.rejected, 0, JSON.stringify(result.rejects.slice(0, 3)))
  return result
}
