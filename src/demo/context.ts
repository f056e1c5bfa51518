// What every part of the generation shares: the random streams, the identifier pools, the recorder
// and the running ground truth.
import type { AreaOptions, TruthExploited, TruthInnocent, TruthMissingEpisode } from './area-types.ts'
import type { DemoAgency } from './agencies.ts'
import { CHARITY, CPS, CSC, HEALTH, POLICE, SCHOOLS, YJS } from './agencies.ts'
import type { Identifiers } from './identifiers.ts'
import type { Rng } from './prng.ts'
import { Recorder, type EventInput } from './recorder.ts'
import { recordingDelay } from './timing.ts'
import type { Family, Person, Place } from './world.ts'
import type { RecordRef } from './area-types.ts'

export interface Context {
  options: AreaOptions
  rng: Rng
  ids: Identifiers
  rec: Recorder
  start: number
  end: number
  people: Person[]
  families: Family[]
  /** Normalised name + date of birth of everyone, so that no two people collide by chance. */
  identities: Set<string>
  places: { busStation: Place; schools: Map<string, Place> }
  truth: {
    exploited: TruthExploited[]
    innocent: TruthInnocent[]
    missingEpisodes: TruthMissingEpisode[]
  }
}

export const agencies = {
  police: POLICE,
  csc: CSC,
  health: HEALTH,
  cps: CPS,
  yjs: YJS,
  charity: CHARITY,
  schools: SCHOOLS,
}

/** Records an event at the agency's usual delay (or `recordedAt` when given). */
export function record(
  ctx: Context,
  rng: Rng,
  agency: DemoAgency,
  subject: Person,
  e: Omit<EventInput, 'recordedAt'> & { recordedAt?: number },
): RecordRef | null {
  const recordedAt = e.recordedAt ?? e.at + recordingDelay(rng, agency.kind, e.kind)
  return ctx.rec.event(agency, subject, { ...e, recordedAt })
}

/** The child's school when they are of secondary-school age at `at`. */
export function schoolAt(child: Person, at: number): DemoAgency | null {
  if (!child.school) return null
  const age = (at - child.dobMs) / (365.25 * 86400000)
  return age >= 11 && age < 16.5 ? child.school : null
}
