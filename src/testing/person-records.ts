// Person records for the linkage tests that import a handful of lines and ask which person each
// record joined: one line per record, one import per call (rejects fail the test), and the person a
// record is linked to now.
import assert from 'node:assert/strict'
import type { Db } from '../db/database.ts'
import type { AgencyKind } from '../vocabulary/agency-kinds.ts'
import { addAgency } from '../agencies/agencies.ts'
import { importRecords, ndjsonLines } from '../import/importer.ts'
import { storeThresholds } from '../linkage/storage.ts'
import type { Thresholds } from '../linkage/thresholds.ts'
import { TEST_ACTOR } from './seed.ts'

/** The agencies these tests send records from, registered before each import. */
export const PERSON_RECORD_AGENCIES: ReadonlyArray<readonly [string, AgencyKind]> = [
  ['health', 'health'],
  ['school', 'education'],
  ['police', 'police'],
  ['csc', 'childrens_social_care'],
]

/** One import-format person line; `recordedAt` defaults to the start of 2020. */
export const personLine = (agency: string, sourceId: string, fields: object, recordedAt = '2020-01-01T09:00:00Z') =>
  JSON.stringify({ type: 'person', agency, source_id: sourceId, recorded_at: recordedAt, ...fields })

/** Imports the lines as one file received at `receivedAt`; any reject fails the test. */
export async function importPersonLines(db: Db, lines: string[], receivedAt: Date) {
  for (const [code, kind] of PERSON_RECORD_AGENCIES) await addAgency(db, { code, name: code, kind }).catch(() => {})
  const result = await importRecords(db, ndjsonLines(lines.join('\n')), {
    channel: 'file',
    skipInvalid: false,
    actor: TEST_ACTOR,
    receivedAt,
  })
  assert.equal(result.rejects.length, 0, JSON.stringify(result.rejects))
}

/** The person the record `agency:source_id` is linked to now. */
export async function personOf(db: Db, key: string): Promise<number> {
  const [agency_code, source_id] = key.split(':')
  const row = await db
    .selectFrom('entity_links')
    .select('entity_id')
    .where('agency_code', '=', agency_code)
    .where('source_id', '=', source_id)
    .executeTakeFirstOrThrow()
  return row.entity_id
}

/** Sets the linkage thresholds in their own transaction, as an admin would. */
export const setLinkThresholds = (db: Db, thresholds: Thresholds, at: Date) =>
  db.transaction().execute((trx) => storeThresholds(trx, thresholds, 'test', at))
