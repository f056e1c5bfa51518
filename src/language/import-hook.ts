// After an import commits, its records' text is checked for victim-blaming language, so that the
// first view of a chronology is quick and the partnership's figures include imported records.
// A very large load is left to be checked when each record is first viewed (the import stays fast).
import type { RecordsChangedHook } from '../import/changes.ts'
import { checkNewEvents } from './chronology.ts'

const AT_IMPORT_LIMIT = 5000

export const checkImportedText: RecordsChangedHook = async (_db, change) => {
  if (change.events > AT_IMPORT_LIMIT) return
  await checkNewEvents(_db, change.receivedAt, { limit: AT_IMPORT_LIMIT })
}
