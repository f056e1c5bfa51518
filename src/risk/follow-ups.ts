// A record read with the records around it (instrument 1.4.0, decision 0058), as a practitioner reads a
// multi-agency chronology rather than one record at a time:
// - a follow-up that explains a sign ("Follow-up: the driver is her uncle; parents confirm") answers the
//   signs of who the child was with and what they were given that happened up to 30 days before it, from
//   the time the follow-up was recorded (before then they counted, as they did for the reader then);
// - one missing episode recorded by two agencies (the police, and social care notified by the placement)
//   is one episode: a record that says nothing of where the child was stops counting once another
//   agency's record of the same episode (begun within 24 hours) says where the child was or shows signs.
import type { Day } from '../calendar/index.ts'
import type { Evidence } from './evidence.ts'

/** A record whose own words explain a sign (confirmed as family or a known adult, no concern found). */
export interface Explaining {
  eventRef: string
  /** The London day it happened. */
  day: Day
  recordedMs: number
  /** The words that explain. */
  words: string
}

/** How long after a sign a follow-up still explains it, in days. */
export const FOLLOW_UP_DAYS = 30
/** Two agencies' missing episodes that began this close together are the same episode. */
export const SAME_EPISODE_HOURS = 24

const ACCOUNTED_EPISODE: ReadonlySet<string> = new Set(['missing_known_place', 'missing_with_signs'])

/** Stop counting `e` from `untilMs` (never later than it already stops). */
function endAt(e: Evidence, untilMs: number, why: string): void {
  if (untilMs >= e.untilMs) return
  e.untilMs = untilMs
  e.validUntil = new Date(untilMs).toISOString()
  e.detail = e.detail ? `${e.detail}; ${why}` : why
}

/**
 * The evidence of one child after reading the records together: `explained` are the codes a record's
 * explanation answers (evidence.ts EXPLAINED). Evidence answered before it was recorded is dropped.
 */
export function readWithFollowUps(
  evidence: Evidence[],
  explaining: readonly Explaining[],
  explained: ReadonlySet<string>,
): Evidence[] {
  for (const x of explaining)
    for (const e of evidence) {
      if (!explained.has(e.code) || e.eventRef === x.eventRef) continue
      if (e.day > x.day || x.day - e.day > FOLLOW_UP_DAYS) continue
      endAt(e, x.recordedMs, `explained by a later record: "${x.words}"`)
    }
  const accounted = evidence.filter((e) => e.kind === 'missing_episode' && ACCOUNTED_EPISODE.has(e.code))
  if (accounted.length > 0)
    for (const e of evidence) {
      if (e.kind !== 'missing_episode' || e.code !== 'missing') continue
      const began = Date.parse(e.occurredAt)
      for (const o of accounted) {
        if (o.eventRef === e.eventRef || Math.abs(Date.parse(o.occurredAt) - began) > SAME_EPISODE_HOURS * 3600_000)
          continue
        endAt(e, o.recordedMs, `the same episode as ${o.eventRef}, which says more`)
      }
    }
  return evidence.filter((e) => e.recordedMs < e.untilMs)
}
