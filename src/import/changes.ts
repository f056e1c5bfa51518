// Capabilities that keep something derived from agency records (a cached risk score...) hook in here:
// after an import commits, each hook is told which people it touched. A hook's failure never undoes an
// import that has committed: it is reported on stderr, and the derived data can be rebuilt.
import { splitRecordKeys } from '../records/keys.ts'
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import type { Touched } from './store.ts'

export interface RecordsChanged {
  importId: number
  /** Threadline's ids of the people whose person records or events this import wrote. */
  entityIds: number[]
  /** how many event versions it wrote */
  events: number
  receivedAt: Date
}

export type RecordsChangedHook = (db: Db, change: RecordsChanged) => Promise<void>

const hooks = new Map<string, RecordsChangedHook>()

export function onRecordsChangedHook(name: string, hook: RecordsChangedHook): void {
  hooks.set(name, hook)
}

export async function onRecordsChanged(db: Db, importId: number, touched: Touched, receivedAt: Date): Promise<void> {
  if (hooks.size === 0 || (touched.people.size === 0 && touched.events === 0)) return
  const [agencies, sources] = splitRecordKeys(touched.people)
  const result = await sql<{ entity_id: number }>`
    select distinct l.entity_id from unnest(${agencies}::text[], ${sources}::text[]) as k(agency_code, source_id)
      join entity_links l on l.agency_code = k.agency_code and l.source_id = k.source_id`.execute(db)
  const change = { importId, entityIds: result.rows.map((r) => r.entity_id), events: touched.events, receivedAt }
  for (const [name, hook] of hooks) {
    try {
      await hook(db, change)
    } catch (error) {
      process.stderr.write(
        `warning: ${name} did not update after import ${importId}: ${error instanceof Error ? error.message : String(error)}\n`,
      )
    }
  }
}
