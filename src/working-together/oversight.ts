// Oversight of the staff records an area loads (import format 1.4, decision 0037): the CSE training
// rule on an imported allocation, and what counts as a child with a sexual-exploitation concern. Pure:
// the competency rules are competencies.ts's (heldAt, qualifiedFor), the evidence risk's.
import { DateTime } from 'luxon'
import type { Training } from '../records/types.ts'
import { assessedSexualExploitation } from '../records/offences.ts'
import type { Evidence, EvidenceEvent } from '../risk/evidence.ts'
import { qualifiedFor, type Competency, type MissingCompetency } from './competencies.ts'
import { dueAtEndOf } from './actions.ts'

const ZONE = 'Europe/London'

/** A training whose name says child sexual exploitation ("CSE", in any case, as a word). */
export const isCseTraining = (name: string) => /\bcse\b|child sexual exploitation/i.test(name)

/** The competency of the register a CSE training is: the one an interviewer of a child victim needs. */
export const CSE_COMPETENCY = 'cse_specialist'

/** What a lapse of the rule misses, as lists say it. */
export const CSE_TRAINING = 'CSE training'

/** The start of a London day (YYYY-MM-DD). */
export const startOfDay = (day: string): Date => DateTime.fromISO(day, { zone: ZONE }).startOf('day').toJSDate()

/**
 * An imported worker's trainings as competencies: held from the start of the day completed to the
 * end of the day it expires (as the register's own, store-competencies.ts); a CSE training is the
 * register's `cse_specialist`, any other kept under its own name.
 */
export function trainingCompetencies(trainings: readonly Training[]): Competency[] {
  return trainings.map((t) => ({
    type: isCseTraining(t.name) ? CSE_COMPETENCY : `training:${t.name}`,
    obtainedAt: startOfDay(t.completed_on),
    expiresAt: t.expires_on ? dueAtEndOf(t.expires_on) : null,
  }))
}

/**
 * The CSE training rule (THREADLINE_CSE_TRAINING_ROLES): a worker allocated in one of `roles` to a
 * child with a sexual-exploitation concern needs a CSE training completed on or before the
 * allocation's first day and not expired on it. The training missing (and why), or null when the
 * rule holds or does not apply.
 */
export function cseTrainingLapse(
  allocation: { role: string; from: string },
  trainings: readonly Training[],
  concern: boolean,
  roles: readonly string[],
): MissingCompetency | null {
  if (!concern || !roles.includes(allocation.role)) return null
  const check = qualifiedFor(
    allocation.role,
    { id: '', competencies: trainingCompetencies(trainings) },
    startOfDay(allocation.from),
    { [allocation.role]: [CSE_COMPETENCY] },
  )
  return check.missing[0] ?? null
}

/** Evidence of sexual abuse of the child itself (risk/evidence.ts derives it from what agencies record). */
const SEXUAL_HARM: ReadonlySet<string> = new Set(['sexual_offence_victim', 'cp_plan_sexual_abuse'])

/** The band from which the sexual-exploitation screen asks for action (categories 2 to 4). */
export const CONCERN_BAND = 2

/**
 * A child with a sexual-exploitation concern at `at`, on what had been recorded by then: the risk
 * screen (SERAF, a sexual-exploitation instrument) puts them at band 2 or above (after any
 * screening's override); or the records show sexual abuse of the child (a sexual offence against
 * them reported, an adult arrested or charged for one, a protection plan for sexual abuse); or an
 * assessment found sexual exploitation (the census's factor 11A, or the words).
 */
export function sexualExploitationConcern(
  child: { band: number | null; evidence: readonly Evidence[]; events: readonly EvidenceEvent[] },
  at: Date,
): boolean {
  if (child.band !== null && child.band >= CONCERN_BAND) return true
  const t = at.getTime()
  const known = (e: Evidence) => e.recordedMs <= t && e.untilMs > t && Date.parse(e.occurredAt) <= t
  if (child.evidence.some((e) => known(e) && SEXUAL_HARM.has(e.code))) return true
  const assessed = new Set(
    child.evidence.filter((e) => known(e) && e.code === 'assessed_exploitation').map((e) => e.eventRef),
  )
  return child.events.some(
    (e) => e.kind === 'assessment' && assessed.has(`${e.agency}:${e.source_id}`) && assessedSexualExploitation(e),
  )
}
