// Capabilities that keep something derived from agency records (a cached risk score...) hook in here:
// after an import commits, each hook is told which people it touched. A hook's failure never undoes an
// import that has committed: it is reported on stderr, and the derived data can be rebuilt.
import { splitRecordKeys } from '../records/keys.ts'
import { sql } from 'kysely'
import type { Transaction } from 'kysely'
import type { Db } from '../db/database.ts'
import type { Tables } from '../db/schema.ts'
import type { Touched } from './store.ts'
import { describeError } from '../errors/describe.ts'

export interface RecordsChanged {
  importId: number
  /** Threadline's ids of the people whose person records or events this import wrote. */
  entityIds: number[]
  /** how many event versions it wrote */
  events: number
  /** the ids of the event versions it wrote, or null for a bulk load of more than EVENT_IDS_KEPT (import/store.ts) */
  eventIds: readonly number[] | null
  receivedAt: Date
}

export type RecordsChangedHook = (db: Db, change: RecordsChanged) => Promise<void>

const hooks = new Map<string, RecordsChangedHook>()

export function onRecordsChangedHook(name: string, hook: RecordsChangedHook): void {
  hooks.set(name, hook)
}

/** What an import changed, as the hooks are told it: the people behind the records it wrote. */
async function changeOf(db: Db, importId: number, touched: Touched, receivedAt: Date): Promise<RecordsChanged> {
  const [agencies, sources] = splitRecordKeys(touched.people)
  const result = await sql<{ entity_id: number }>`
    select distinct l.entity_id from unnest(${agencies}::text[], ${sources}::text[]) as k(agency_code, source_id)
      join entity_links l on l.agency_code = k.agency_code and l.source_id = k.source_id`.execute(db)
  return {
    importId,
    entityIds: result.rows.map((r) => r.entity_id),
    events: touched.events,
    eventIds: touched.eventIds,
    receivedAt,
  }
}

export async function onRecordsChanged(db: Db, importId: number, touched: Touched, receivedAt: Date): Promise<void> {
  if (hooks.size === 0 || (touched.people.size === 0 && touched.events === 0)) return
  const change = await changeOf(db, importId, touched, receivedAt)
  for (const [name, hook] of hooks) {
    try {
      await hook(db, change)
    } catch (error) {
      process.stderr.write(`warning: ${name} did not update after import ${importId}: ${describeError(error)}\n`)
    }
  }
}

/**
 * The hooks run inside a practitioner's save (issue 20, decision 0061): in the save's own transaction,
 * so that a kill keeps both the records and what the hooks derive from them, or neither. Each hook's
 * work is the records the save wrote (its child's score marked, its own events' language checked). A
 * hook's failure fails the save: nothing of it is kept.
 */
export async function onRecordsChangedIn(
  trx: Transaction<Tables>,
  importId: number,
  touched: Touched,
  receivedAt: Date,
): Promise<void> {
  if (hooks.size === 0 || (touched.people.size === 0 && touched.events === 0)) return
  const change = await changeOf(trx, importId, touched, receivedAt)
  for (const hook of hooks.values()) await hook(trx, change)
}
