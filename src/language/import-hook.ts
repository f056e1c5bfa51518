// After an import commits, its records' text is checked for victim-blaming language, so that the
// first view of a chronology is quick and the partnership's figures include imported records.
// A very large load is left to be checked when each record is first viewed (the import stays fast).
// Only the import's own events are checked: a save on a page after a bulk load checks its own record,
// not the next 5,000 of the load's (issue 20, decision 0061: that made a save take minutes).
import type { RecordsChangedHook } from '../import/changes.ts'
import { checkNewEvents } from './chronology.ts'

const AT_IMPORT_LIMIT = 5000

export const checkImportedText: RecordsChangedHook = async (_db, change) => {
  if (change.events > AT_IMPORT_LIMIT || change.eventIds === null || change.eventIds.length === 0) return
  await checkNewEvents(_db, change.receivedAt, { ids: change.eventIds })
}
