// Capabilities that keep something derived from agency records (a cached risk score...) hook in here:
// after an import commits, each hook is told which people it touched. A hook's failure never undoes an
// import that has committed: it is reported on stderr, and the derived data can be rebuilt.
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'

export interface RecordsChanged {
  importId: number
  /** Threadline's ids of the people whose person records or events this import wrote. */
  entityIds: number[]
  receivedAt: Date
}

export type RecordsChangedHook = (db: Db, change: RecordsChanged) => Promise<void>

const hooks = new Map<string, RecordsChangedHook>()

export function onRecordsChangedHook(name: string, hook: RecordsChangedHook): void {
  hooks.set(name, hook)
}

export async function onRecordsChanged(db: Db, importId: number | null, receivedAt: Date): Promise<void> {
  if (importId === null || hooks.size === 0) return
  const result = await sql<{ entity_id: number }>`
    select distinct l.entity_id from events e
      join entity_links l on l.agency_code = e.agency_code and l.source_id = e.subject_source_id where e.import_id = ${importId}
    union
    select distinct l.entity_id from person_versions p
      join entity_links l on l.agency_code = p.agency_code and l.source_id = p.source_id where p.import_id = ${importId}`.execute(db)
  const change = { importId, entityIds: result.rows.map((r) => r.entity_id), receivedAt }
  for (const [name, hook] of hooks) {
    try {
      await hook(db, change)
    } catch (error) {
      process.stderr.write(`warning: ${name} did not update after import ${importId}: ${error instanceof Error ? error.message : String(error)}\n`)
    }
  }
}
