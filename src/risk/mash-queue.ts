// The MASH queue (pure): which children need a MASH decision as of a moment, why in words, how urgently
// (red, amber, green) and by when. A child is listed for what arose since the MASH last decided about
// them (a MASH decision or a signed screening):
//  - an alert (band rose, multi-agency, age rule) while the child is at band 2 or more, since the band
//    last reached 2 (an alert of an earlier rise the band has since fallen back from is history);
//  - a response trigger (concerns from several agencies, or a rise to band 3) still waiting, whatever
//    the band: a child outside the instrument's ages is listed at band 1 with the reason;
//  - a trigger whose response time ran out (the child is unanswered from then);
//  - a screening due again (band 2 or more).
// Each of these starts its own clock when it arose, as known then: its rating's response time
// (settings.mashHours) from that moment. The child is due by the earliest of those ends and overdue only
// once it has passed.
import type { AssessedChild } from './area.ts'
import type { RiskAlert } from './alerts.ts'
import type { ResponseTrigger } from './unanswered.ts'
import type { RiskSettings } from './settings.ts'
import { spokenDate } from '../web/date-time.ts'

export type Rating = 'red' | 'amber' | 'green'

/** What the MASH may decide about a child on the queue (stored by code, shown in words). */
export const MASH_OUTCOMES = {
  strategy_discussion: 'Strategy discussion',
  referral_to_csc: "Referral to children's social care",
  early_help: 'Early help',
  no_further_action: 'No further action',
} as const
export type MashOutcome = keyof typeof MASH_OUTCOMES
export const isMashOutcome = (v: string): v is MashOutcome => Object.hasOwn(MASH_OUTCOMES, v)

/** A MASH decision as kept: who decided what, when and why. */
export interface MashDecision {
  id: number
  childId: number
  outcome: MashOutcome
  rationale: string
  decidedAt: Date
  decidedById: number | null
  decidedBy: string
}

/** One reason a child is on the queue: words, then a word for the date ("since", "on") and the date. */
export interface QueueReason {
  text: string
  word: 'on' | 'since'
  at: Date
}

/**
 * A reason in words, the one wording of the queue's page and the child's summary: the words, "on" or
 * "since", and the day as pages say it in the UK ("risk rose from band 2 to band 3 on 1 March 2026").
 */
export function reasonInWords(reason: QueueReason): string {
  return `${reason.text} ${reason.word} ${spokenDate(reason.at)}`
}

export interface QueueRow {
  childId: number
  band: number
  bandLabel: string
  score: number | null
  rating: Rating
  /** The earliest thing still waiting for a decision arose then. */
  waitingSince: Date
  dueAt: Date
  overdue: boolean
  /** Minutes left (negative when overdue). */
  minutesLeft: number
  reasons: QueueReason[]
  unansweredSince: Date | null
  /** The last MASH decision or screening before now, which cleared what arose before it. */
  lastDecidedAt: Date | null
}

interface Call {
  at: Date
  rating: Rating
  /** Absent when another call says it better (a trigger waiting that has since gone unanswered). */
  reason?: QueueReason
  unanswered?: boolean
}

const ratingOf = (band: number): Rating => (band >= 4 ? 'red' : band === 3 ? 'amber' : 'green')
const WEIGHT: Record<Rating, number> = { red: 3, amber: 2, green: 1 }

/** "police", "police and health", "police, school and health". */
export function inWords(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? ''
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

/** When the band last reached 2 or more and has stayed there (null when it is below 2 now). */
function episodeStart(timeline: readonly { at: Date; band: number }[]): number | null {
  let start: number | null = null
  for (const p of timeline) {
    if (p.band >= 2 && start === null) start = +p.at
    else if (p.band < 2) start = null
  }
  return start
}

function alertReason(a: RiskAlert): QueueReason {
  if (a.kind === 'band_rose')
    return { text: `risk rose from band ${a.fromBand ?? 1} to band ${a.band}`, word: 'on', at: a.at }
  if (a.kind === 'multi_agency')
    return { text: 'signs of exploitation from 2 or more agencies within 90 days', word: 'on', at: a.at }
  return { text: `the age rule raised the band to ${a.band}`, word: 'on', at: a.at }
}

/** What a trigger is about, in words: "concerns from police and health" or "risk at band 3". */
function triggerWords(t: ResponseTrigger, agencyName: (code: string) => string): string {
  if (t.kind === 'band') return `risk at band ${t.band ?? 3}`
  return `concerns from ${inWords([...new Set(t.concerns.map((c) => agencyName(c.agency)))])}`
}

function bandAt(timeline: readonly { at: Date; band: number }[], at: Date): number {
  let band = 1
  for (const p of timeline) if (+p.at <= +at) band = p.band
  return band
}

/** Everything about a child that arose after `cleared` and still waits for a decision, as of asOf. */
function callsOf(c: AssessedChild, cleared: number, asOf: Date, agencyName: (code: string) => string): Call[] {
  const r = c.risk
  const calls: Call[] = []
  const start = r.band >= 2 ? episodeStart(r.bandTimeline) : null
  if (start !== null)
    for (const a of r.alerts)
      if (+a.at > cleared && +a.at >= start) calls.push({ at: a.at, rating: ratingOf(a.band), reason: alertReason(a) })
  for (const t of r.unanswered.waiting) {
    const what = triggerWords(t, agencyName)
    const overdue = isOverdue(t.dueAt, asOf)
    if (+t.at > cleared)
      calls.push({
        at: t.at,
        rating: ratingOf(t.band ?? bandAt(r.bandTimeline, t.at)),
        ...(overdue ? {} : { reason: { text: `${what}, waiting for a response`, word: 'since' as const, at: t.at } }),
      })
    if (overdue && +t.dueAt > cleared)
      calls.push({
        at: t.dueAt,
        rating: 'red',
        reason: { text: `${what} unanswered`, word: 'since', at: t.dueAt },
        unanswered: true,
      })
  }
  const due = r.latestScreening && r.screeningDue ? new Date(r.latestScreening.nextDueAt) : null
  if (due && r.band >= 2 && +due > cleared)
    calls.push({ at: due, rating: ratingOf(r.band), reason: { text: 'screening due again', word: 'since', at: due } })
  return calls
}

/** The last decision about the child by asOf: a MASH decision or a signed screening. */
export function lastDecided(c: AssessedChild, decisions: readonly Pick<MashDecision, 'decidedAt'>[], asOf: Date) {
  const times = [...decisions.map((d) => +d.decidedAt), ...c.screenings.map((s) => Date.parse(s.signedAt))].filter(
    (t) => t <= +asOf,
  )
  return times.length ? Math.max(...times) : null
}

export interface QueueOptions {
  /** MASH decisions by child. */
  decisions?: ReadonlyMap<number, readonly MashDecision[]>
  /** An agency's name for the reasons (its code when absent). */
  agencyName?: (code: string) => string
}

/** The queue's rows, highest risk then longest waiting first. */
/** A response is overdue from the moment it falls due (the queue and the person summary alike). */
export const isOverdue = (dueAt: Date, asOf: Date) => +asOf >= +dueAt

export function mashQueue(
  children: readonly AssessedChild[],
  settings: RiskSettings,
  asOf: Date,
  options: QueueOptions = {},
): QueueRow[] {
  const agencyName = options.agencyName ?? ((code: string) => code)
  const rows: QueueRow[] = []
  for (const c of children) {
    const decided = lastDecided(c, options.decisions?.get(c.id) ?? [], asOf)
    const calls = callsOf(c, decided ?? -Infinity, asOf, agencyName)
    if (calls.length === 0) continue
    const r = c.risk
    const unanswered = calls.filter((x) => x.unanswered).map((x) => +x.at)
    const rating: Rating = r.band >= 4 || unanswered.length ? 'red' : ratingOf(r.band)
    const dueAt = new Date(Math.min(...calls.map((x) => +x.at + settings.mashHours[x.rating] * 3_600_000)))
    const reasons = new Map<string, QueueReason>()
    for (const x of [...calls].sort((a, b) => +a.at - +b.at))
      if (x.reason && !reasons.has(x.reason.text)) reasons.set(x.reason.text, x.reason)
    rows.push({
      childId: c.id,
      band: r.band,
      bandLabel: r.bandLabel,
      score: r.shownScore,
      rating,
      waitingSince: new Date(Math.min(...calls.map((x) => +x.at))),
      dueAt,
      overdue: isOverdue(dueAt, asOf),
      minutesLeft: Math.round((+dueAt - +asOf) / 60_000),
      reasons: [...reasons.values()],
      unansweredSince: unanswered.length ? new Date(Math.min(...unanswered)) : null,
      lastDecidedAt: decided === null ? null : new Date(decided),
    })
  }
  return rows.sort(byPriority)
}

/** Highest band, then rating, then longest waiting. */
export function byPriority(a: QueueRow, b: QueueRow): number {
  return (
    b.band - a.band || WEIGHT[b.rating] - WEIGHT[a.rating] || +a.waitingSince - +b.waitingSince || a.childId - b.childId
  )
}

// Triage: filtering and sorting the rows ----------------------------------------------------------------

export interface TriageRow extends QueueRow {
  name: string
  /** Agencies holding a record of the child (codes). */
  agencies: string[]
  /** Names of the professionals allocated now. */
  allocated: string[]
}

export const SORTS = ['priority', 'name', 'rating', 'band', 'waiting', 'due'] as const
export type Sort = (typeof SORTS)[number]
export const isSort = (v: string): v is Sort => (SORTS as readonly string[]).includes(v)

export interface Triage {
  rating?: Rating | null
  overdueOnly?: boolean
  agency?: string | null
  allocated?: 'yes' | 'no' | null
  /** Part of the child's name, any case. */
  name?: string | null
  sort?: Sort
  descending?: boolean
}

/** How two rows compare on each column, in the column's natural order (band: highest first). */
export const COMPARE: Record<Sort, (a: TriageRow, b: TriageRow) => number> = {
  priority: byPriority,
  name: (a, b) => a.name.localeCompare(b.name, 'en-GB'),
  rating: (a, b) => WEIGHT[b.rating] - WEIGHT[a.rating],
  band: (a, b) => b.band - a.band,
  waiting: (a, b) => +a.waitingSince - +b.waitingSince,
  due: (a, b) => +a.dueAt - +b.dueAt,
}

/** The rows a triage asks for, in its order (ties: priority). "Descending" reverses a column's natural order. */
export function triage(rows: readonly TriageRow[], t: Triage): TriageRow[] {
  const name = t.name?.trim().toLowerCase()
  const kept = rows.filter(
    (r) =>
      (!t.rating || r.rating === t.rating) &&
      (!t.overdueOnly || r.overdue) &&
      (!t.agency || r.agencies.includes(t.agency)) &&
      (!t.allocated || (t.allocated === 'yes') === r.allocated.length > 0) &&
      (!name || r.name.toLowerCase().includes(name)),
  )
  const compare = COMPARE[t.sort ?? 'priority']
  const sign = t.descending ? -1 : 1
  return kept.sort((a, b) => sign * compare(a, b) || byPriority(a, b))
}
