// Unanswered concerns: naming inaction out loud.
//
// A child needs a response (a trigger) from the moment, on what was recorded by then, that
//  - their band rises to 3 or above (or rises again while at 3 or above): the trigger starts on that day; or
//  - 3 or more concerns (`concern`, `contact_referral`) from 2 or more agencies happened within 90 days of
//    each other (by the dates they happened, the last of them less than 90 days after the first), not counting
//    concerns that happened before a response that answered an earlier trigger: the trigger starts on the
//    day the last of those concerns happened.
// A response (`strategy_discussion`, `assessment`, `section47_enquiry`, `cp_plan_start`) "follows" a trigger
// when it took place on or after the day the trigger started; it answers it once recorded. The response is
// due within N working days (default 10) of the moment the trigger became known: by the end of the Nth
// working day after that day (see src/calendar/working-days.ts). Past that, the child is "unanswered" until
// a response is recorded. Falling back below band 3 is not a response: the child stays listed.
//
// Everything is as of T: records count only from their recorded_at, and only while current (a withdrawn or
// replaced record is out of every rule as of any T after its withdrawal).
import { CONCERN_KINDS, RESPONSE_KINDS, type EventKind } from '../records/types.ts'
import {
  addWorkingDays,
  englandAndWales,
  isoFromDay,
  londonDay,
  parseInstant,
  type WorkingCalendar,
} from '../calendar/index.ts'
import { mustGet } from '../errors/must.ts'

export interface ConcernEvent {
  agency: string
  source_id: string
  kind: EventKind
  occurred_at: string
  recorded_at: string | Date
  valid_until?: string | Date | null
}

export interface BandStep {
  at: Date | string | number
  band: number
}

export interface UnansweredOptions {
  asOf: Date | string | number
  workingDays?: number
  calendar?: WorkingCalendar
  minBand?: number
  minConcerns?: number
  minAgencies?: number
  windowDays?: number
}

export interface RecordRef {
  ref: string
  agency: string
  kind: EventKind
  occurredAt: string
  recordedAt: string
}

export interface ResponseTrigger {
  kind: 'band' | 'concerns'
  /** When the trigger became known. */
  at: Date
  /** A response must take place on or after this day: the day of the last concern of the window, or the day the band rose. */
  startDate: string
  /** For a band trigger, the highest band reached while it waited. */
  band?: number
  concerns: RecordRef[]
  /** The instant from which the response is overdue. */
  dueAt: Date
  answeredBy?: RecordRef
  /** The response was recorded at or after dueAt: the child was unanswered for a while. */
  answeredLate?: boolean
}

export interface UnansweredStatus {
  status: 'unanswered' | 'awaiting_response' | 'clear'
  /** When the earliest unanswered trigger's response became overdue. */
  unansweredSince: Date | null
  /** The earliest due time among triggers still waiting (the clock to show). */
  dueAt: Date | null
  /** The earliest trigger still waiting. */
  trigger: ResponseTrigger | null
  /** Concerns since the last response, as known at asOf: who recorded what. */
  concerns: RecordRef[]
  waiting: ResponseTrigger[]
  answered: ResponseTrigger[]
}

const CONCERNS = new Set<string>(CONCERN_KINDS)
const RESPONSES = new Set<string>(RESPONSE_KINDS)

/** What was recorded, in order: a concern or a response (0, 2), or a step of the band (1). At the same instant, concerns and band steps come first. */
type Rec = { type: 0 | 2; at: number; day: number; ref: RecordRef } | { type: 1; at: number; day: number; band: number }

function refOf(e: ConcernEvent, recordedMs: number): RecordRef {
  return {
    ref: `${e.agency}:${e.source_id}`,
    agency: e.agency,
    kind: e.kind,
    occurredAt: e.occurred_at,
    recordedAt: new Date(recordedMs).toISOString(),
  }
}

export function unanswered(
  events: readonly ConcernEvent[],
  bandTimeline: readonly BandStep[],
  options: UnansweredOptions,
): UnansweredStatus {
  const asMs = typeof options.asOf === 'number' ? options.asOf : parseInstant(options.asOf)
  const triggers = new Triggers({
    workingDays: options.workingDays ?? 10,
    calendar: options.calendar ?? englandAndWales,
    minBand: options.minBand ?? 3,
    minConcerns: options.minConcerns ?? 3,
    minAgencies: options.minAgencies ?? 2,
    windowDays: options.windowDays ?? 90,
  })
  for (const r of recordedBy(events, bandTimeline, asMs)) {
    if (r.type === 0) triggers.concern(r)
    else if (r.type === 1) triggers.bandStep(r)
    else triggers.response(r)
  }
  return triggers.statusAt(asMs)
}

/** The concerns, responses and band steps known at asMs (recorded by then and still current), in order. */
function recordedBy(events: readonly ConcernEvent[], bandTimeline: readonly BandStep[], asMs: number): Rec[] {
  const recs: Rec[] = []
  for (const e of events) {
    const isConcern = CONCERNS.has(e.kind)
    if (!isConcern && !RESPONSES.has(e.kind)) continue
    const recordedMs = parseInstant(e.recorded_at)
    const untilMs = e.valid_until == null ? Infinity : parseInstant(e.valid_until)
    if (recordedMs > asMs || untilMs <= asMs) continue
    recs.push({
      type: isConcern ? 0 : 2,
      at: recordedMs,
      day: londonDay(parseInstant(e.occurred_at)),
      ref: refOf(e, recordedMs),
    })
  }
  for (const s of bandTimeline) {
    const at = typeof s.at === 'number' ? s.at : parseInstant(s.at)
    if (at <= asMs) recs.push({ type: 1, at, day: londonDay(at), band: s.band })
  }
  recs.sort((a, b) => a.at - b.at || a.type - b.type)
  return recs
}

interface TriggerRules {
  workingDays: number
  calendar: WorkingCalendar
  minBand: number
  minConcerns: number
  minAgencies: number
  windowDays: number
}

type Response = { day: number; at: number; ref: RecordRef }

/** The triggers of one child as what was recorded is read in order: those waiting and those answered. */
class Triggers {
  private consumedDay = -Infinity // concerns on or before this day were answered
  private open: { day: number; ref: RecordRef }[] = []
  private readonly responses: Response[] = []
  private readonly waiting: ResponseTrigger[] = []
  private readonly answered: ResponseTrigger[] = []
  private band = 1
  private readonly startDay = new Map<ResponseTrigger, number>()

  constructor(private readonly rules: TriggerRules) {}

  /** A concern: open until answered, and perhaps the last of a window of concerns that starts a trigger. */
  concern(r: { at: number; day: number; ref: RecordRef }): void {
    if (r.day <= this.consumedDay) return // a response to an earlier trigger took place after it
    const open = this.open
    open.push({ day: r.day, ref: r.ref })
    const pending = this.waiting.find((t) => t.kind === 'concerns')
    if (pending) {
      pending.concerns.push(r.ref)
      return
    }
    // The earliest window of 90 days (ending on a concern's day) that holds enough concerns from enough agencies.
    const { windowDays, minConcerns, minAgencies } = this.rules
    open.sort((a, b) => a.day - b.day)
    for (const last of open) {
      const window = open.filter((c) => c.day > last.day - windowDays && c.day <= last.day)
      if (window.length >= minConcerns && new Set(window.map((c) => c.ref.agency)).size >= minAgencies) {
        this.openTrigger(
          'concerns',
          r.at,
          last.day,
          window.map((c) => c.ref),
        )
        break
      }
    }
  }

  /** The band moved: a rise to the threshold or above starts a trigger (or raises the one waiting). */
  bandStep(r: { at: number; day: number; band: number }): void {
    const rose = r.band >= this.rules.minBand && r.band > this.band
    this.band = r.band
    if (!rose) return
    const pending = this.waiting.find((t) => t.kind === 'band')
    if (pending) pending.band = Math.max(pending.band ?? 0, this.band)
    else
      this.openTrigger(
        'band',
        r.at,
        r.day,
        this.open.map((c) => c.ref),
        this.band,
      )
  }

  /** A response: it answers every trigger waiting that started on or before the day it took place. */
  response(r: { at: number; day: number; ref: RecordRef }): void {
    const response = { day: r.day, at: r.at, ref: r.ref }
    this.responses.push(response)
    for (const t of [...this.waiting])
      if (mustGet(this.startDay, t, 'the start day of a trigger') <= r.day) this.answer(t, response, r.at)
  }

  statusAt(asMs: number): UnansweredStatus {
    const { waiting, answered } = this
    waiting.sort((a, b) => +a.dueAt - +b.dueAt)
    answered.sort((a, b) => +a.at - +b.at)
    const overdue = waiting.filter((t) => asMs >= +t.dueAt)
    const trigger = waiting[0] ?? null
    return {
      status: overdue.length ? 'unanswered' : waiting.length ? 'awaiting_response' : 'clear',
      unansweredSince: overdue.length ? overdue[0].dueAt : null,
      dueAt: trigger?.dueAt ?? null,
      trigger,
      concerns: this.open.map((c) => c.ref),
      waiting,
      answered,
    }
  }

  private answer(t: ResponseTrigger, r: Response, knownAt: number): void {
    t.answeredBy = r.ref
    t.answeredLate = knownAt >= +t.dueAt
    this.answered.push(t)
    this.waiting.splice(this.waiting.indexOf(t), 1)
    this.consumedDay = Math.max(this.consumedDay, r.day)
    this.open = this.open.filter((c) => c.day > r.day)
  }

  private openTrigger(kind: 'band' | 'concerns', at: number, start: number, concerns: RecordRef[], b?: number): void {
    const t: ResponseTrigger = {
      kind,
      at: new Date(at),
      startDate: isoFromDay(start),
      ...(b !== undefined ? { band: b } : {}),
      concerns,
      dueAt: addWorkingDays(new Date(at), this.rules.workingDays, this.rules.calendar),
    }
    this.startDay.set(t, start)
    this.waiting.push(t)
    // A response already recorded that took place on or after the start answers it at once.
    const earlier = this.responses.find((r) => r.day >= start)
    if (earlier) this.answer(t, earlier, at)
  }
}
