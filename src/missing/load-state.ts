// The missing state of the area (or of some children) as known at a moment, read from the stored
// versions of the missing-episode, return-interview and strategy-discussion events.
import type { Db } from '../db/database.ts'
import { recordedEvents } from '../chronology/versions.ts'
import { MISSING_EVENT_KINDS, missingState, type MissingState } from './state.ts'
import type { MissingSettings } from './settings.ts'

/** The state of every child's episodes (or these children's) as known at `asOf` (versions recorded later are not read). */
export async function loadMissingState(
  db: Db,
  asOf: Date,
  settings: MissingSettings,
  personIds?: number[],
): Promise<MissingState> {
  const versions = await recordedEvents(db, { kinds: MISSING_EVENT_KINDS, recordedBy: asOf, personIds })
  return missingState(versions, asOf, settings)
}
