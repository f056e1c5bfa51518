// A missing episode as police record it, the same episode as a care provider reports it, and the
// return interview that should follow within 72 hours (sometimes late, sometimes never).
import type { RecordRef, TruthMissingEpisode } from './area-types.ts'
import { agencies, record, type Context } from './context.ts'
import { DAY, HOUR, MINUTE } from './london-time.ts'
import type { Indicator } from '../records/types.ts'
import type { Rng } from './prng.ts'
import type { InvolveInput } from './recorder.ts'
import type { Person, Place } from './world.ts'

export type InterviewPlan = 'on_time' | 'late' | 'not_held' | 'declined' | 'none'

export interface MissingSpec {
  child: Person
  start: number
  end: number
  from: 'home' | 'care_placement' | 'school' | 'other'
  risk: 'no_apparent_risk' | 'low' | 'medium' | 'high'
  reportedBy: string
  lastSeen: string
  summary: string
  details?: string
  foundAt?: Place
  foundWith?: Person[]
  vehicles?: string[]
  phones?: string[]
  indicators: Indicator[]
  interview: InterviewPlan
  childAccount?: string
  /** People, phones and places the child names in the interview. */
  interviewInvolves?: InvolveInput[]
  /** A care provider reports the same episode too. */
  careDuplicate?: boolean
  /** Sent when reported, then re-sent when the child is found. */
  openFirst?: boolean
  awkward?: 'clock_change' | 'before_bank_holiday'
}

const NOT_HELD = [
  'Young person could not be contacted after three attempts',
  'Referral for the interview was not passed on until after the child went missing again',
  'No worker available over the bank holiday; not rearranged',
]

export function missingEpisode(ctx: Context, rng: Rng, s: MissingSpec): RecordRef | null {
  const { police, csc, charity } = agencies
  const involves: InvolveInput[] = []
  if (s.foundAt) involves.push({ place: s.foundAt, role: 'found_at' })
  for (const p of s.foundWith ?? []) involves.push({ person: p, role: 'found_with' })
  for (const v of s.vehicles ?? []) involves.push({ vehicle: v })
  for (const ph of s.phones ?? []) involves.push({ phone: ph })
  const reportedAt = s.start + rng.int(30, 180) * MINUTE
  const ref = record(ctx, rng, police, s.child, {
    kind: 'missing_episode',
    at: s.start,
    endedAt: s.end,
    summary: s.summary,
    details: s.details,
    indicators: s.indicators,
    involves,
    recordedAt: s.end + rng.int(20, 300) * MINUTE,
    extra: { reported_by: s.reportedBy, missing_from: s.from, risk_grading: s.risk, last_seen: s.lastSeen },
    firstSentOpenAt: s.openFirst ? reportedAt : undefined,
    openSummary: s.openFirst
      ? `Reported missing from ${s.from === 'care_placement' ? 'care placement' : s.from}`
      : undefined,
    outcome: s.foundAt ? `Found at ${s.foundAt.name}` : 'Returned',
    recordedBy: `PC ${rng.int(1000, 9999)}`,
  })
  if (!ref) return null
  const truth: TruthMissingEpisode = {
    child: s.child.id,
    records: [ref],
    started_at: iso(s.start),
    ended_at: iso(s.end),
    interview: null,
  }
  if (s.awkward) truth.awkward = s.awkward
  if (s.careDuplicate) {
    const dup = record(ctx, rng, csc, s.child, {
      kind: 'missing_episode',
      at: s.start - rng.int(10, 40) * MINUTE,
      endedAt: s.end + rng.int(0, 30) * MINUTE,
      summary: 'Did not return to the placement; reported to police by residential staff',
      extra: { reported_by: 'Residential care staff', missing_from: 'care_placement' },
      indicators: ['missing'],
    })
    if (dup) truth.records.push(dup)
  }
  if (s.interview !== 'none') {
    const plan = s.interview
    const at =
      plan === 'on_time'
        ? s.end + rng.int(6, 70) * HOUR
        : plan === 'late'
          ? s.end + rng.int(80, 14 * 24) * HOUR
          : s.end + rng.int(2, 6) * DAY
    const status = plan === 'not_held' ? 'not_held' : plan === 'declined' ? 'declined' : 'done'
    const extra: Record<string, unknown> = { episode: ref, status }
    if (status === 'not_held') extra.reason = rng.pick(NOT_HELD)
    if (status === 'declined') extra.reason = 'Young person declined to speak with the worker'
    if (status === 'done' && s.childAccount) extra.child_account = s.childAccount
    const interview = record(ctx, rng, charity, s.child, {
      kind: 'return_interview',
      at,
      recordedAt: at + rng.int(2, 48) * HOUR,
      summary:
        status === 'done' ? 'Return home interview completed' : `Return home interview ${status.replace('_', ' ')}`,
      involves: status === 'done' ? s.interviewInvolves : undefined,
      extra,
    })
    if (interview) truth.interview = { ref: interview, status, at: iso(at) }
  }
  ctx.truth.missingEpisodes.push(truth)
  return ref
}

const iso = (ms: number) => new Date(ms).toISOString()
