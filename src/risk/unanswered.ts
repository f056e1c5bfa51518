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

interface Rec {
  type: 0 | 1 | 2 // concern, band step, response: at the same instant, concerns and band steps come first
  at: number
  day: number
  ref?: RecordRef
  band?: number
}

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
  const workingDays = options.workingDays ?? 10
  const calendar = options.calendar ?? englandAndWales
  const minBand = options.minBand ?? 3
  const minConcerns = options.minConcerns ?? 3
  const minAgencies = options.minAgencies ?? 2
  const windowDays = options.windowDays ?? 90

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

  let consumedDay = -Infinity // concerns on or before this day were answered
  let open: { day: number; ref: RecordRef }[] = []
  const responses: { day: number; at: number; ref: RecordRef }[] = []
  const waiting: ResponseTrigger[] = []
  const answered: ResponseTrigger[] = []
  let band = 1
  const startDay = new Map<ResponseTrigger, number>()

  const answer = (t: ResponseTrigger, r: { day: number; at: number; ref: RecordRef }, knownAt: number) => {
    t.answeredBy = r.ref
    t.answeredLate = knownAt >= +t.dueAt
    answered.push(t)
    waiting.splice(waiting.indexOf(t), 1)
    consumedDay = Math.max(consumedDay, r.day)
    open = open.filter((c) => c.day > r.day)
  }
  const openTrigger = (kind: 'band' | 'concerns', at: number, start: number, concerns: RecordRef[], b?: number) => {
    const t: ResponseTrigger = {
      kind,
      at: new Date(at),
      startDate: isoFromDay(start),
      ...(b !== undefined ? { band: b } : {}),
      concerns,
      dueAt: addWorkingDays(new Date(at), workingDays, calendar),
    }
    startDay.set(t, start)
    waiting.push(t)
    // A response already recorded that took place on or after the start answers it at once.
    const earlier = responses.find((r) => r.day >= start)
    if (earlier) answer(t, earlier, at)
  }

  for (const r of recs) {
    if (r.type === 0) {
      if (r.day <= consumedDay) continue // a response to an earlier trigger took place after it
      open.push({ day: r.day, ref: r.ref! })
      const pending = waiting.find((t) => t.kind === 'concerns')
      if (pending) {
        pending.concerns.push(r.ref!)
        continue
      }
      // The earliest window of 90 days (ending on a concern's day) that holds enough concerns from enough agencies.
      open.sort((a, b) => a.day - b.day)
      for (const last of open) {
        const window = open.filter((c) => c.day > last.day - windowDays && c.day <= last.day)
        if (window.length >= minConcerns && new Set(window.map((c) => c.ref.agency)).size >= minAgencies) {
          openTrigger(
            'concerns',
            r.at,
            last.day,
            window.map((c) => c.ref),
          )
          break
        }
      }
    } else if (r.type === 1) {
      const rose = r.band! >= minBand && r.band! > band
      band = r.band!
      if (!rose) continue
      const pending = waiting.find((t) => t.kind === 'band')
      if (pending) pending.band = Math.max(pending.band ?? 0, band)
      else
        openTrigger(
          'band',
          r.at,
          r.day,
          open.map((c) => c.ref),
          band,
        )
    } else {
      const response = { day: r.day, at: r.at, ref: r.ref! }
      responses.push(response)
      for (const t of [...waiting]) if (startDay.get(t)! <= r.day) answer(t, response, r.at)
    }
  }

  waiting.sort((a, b) => +a.dueAt - +b.dueAt)
  answered.sort((a, b) => +a.at - +b.at)
  const overdue = waiting.filter((t) => asMs >= +t.dueAt)
  const trigger = waiting[0] ?? null
  return {
    status: overdue.length ? 'unanswered' : waiting.length ? 'awaiting_response' : 'clear',
    unansweredSince: overdue.length ? overdue[0].dueAt : null,
    dueAt: trigger?.dueAt ?? null,
    trigger,
    concerns: open.map((c) => c.ref),
    waiting,
    answered,
  }
}
