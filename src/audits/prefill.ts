// What Threadline already knows about a child, put in front of each agency's auditor so that the audit
// talks about quality, not counting: the chronology's key dates, unanswered periods, return interviews
// late or not held, decisions of no further action challenged or not, and supervision gaps. Every fact
// comes decided by its own capability's rule (facts.ts reads them); this only words and orders them.
import type { InterviewStatus } from '../missing/interviews.ts'
import type { SupervisionStatus } from '../working-together/supervision.ts'

export interface PrefillInput {
  asOfDay: string
  /** the first event any agency recorded about the child, and the first concern */
  firstRecord: { day: string; agency: string } | null
  firstConcern: { day: string; agency: string } | null
  /** the first day the child's risk band reached 2 (risk/assess.ts firstFlaggedAt) */
  firstFlaggedDay: string | null
  band: number | null
  unanswered: { status: 'unanswered' | 'awaiting_response' | 'clear'; sinceDay: string | null }
  episodes: { startedDay: string; returnedDay: string | null; agencies: readonly string[] }[]
  interviews: { returnedDay: string; status: InterviewStatus; agencies: readonly string[] }[]
  decisions: { day: string; agency: string; outcome: string | null; challenged: boolean }[]
  supervision: { worker: string; agency: string; lastDay: string | null; dueDay: string; status: SupervisionStatus }[]
}

export interface Prefill {
  asOfDay: string
  keyDates: { day: string; what: string; agency: string | null }[]
  unanswered: string
  interviewsLateOrNotHeld: { returnedDay: string; status: string; agencies: string }[]
  decisions: { day: string; agency: string; outcome: string; challenged: boolean }[]
  supervisionGaps: { worker: string; agency: string; lastDay: string | null; dueDay: string }[]
}

const INTERVIEW_WORDS: Partial<Record<InterviewStatus, string>> = {
  done_late: 'held after the due time',
  overdue: 'not held and overdue',
  not_held: 'decided not to hold',
  declined: 'declined by the child',
}

const outcomeWords = (outcome: string | null) => (outcome ? outcome.replaceAll('_', ' ') : 'no outcome recorded')

export function prefill(input: PrefillInput): Prefill {
  const keyDates: Prefill['keyDates'] = []
  if (input.firstRecord)
    keyDates.push({ day: input.firstRecord.day, what: 'First record of the child', agency: input.firstRecord.agency })
  if (input.firstConcern)
    keyDates.push({ day: input.firstConcern.day, what: 'First concern raised', agency: input.firstConcern.agency })
  if (input.firstFlaggedDay)
    keyDates.push({ day: input.firstFlaggedDay, what: 'Risk first reached band 2 or more', agency: null })
  for (const e of input.episodes)
    keyDates.push({
      day: e.startedDay,
      what: e.returnedDay ? `Missing until ${e.returnedDay}` : 'Missing (not yet returned)',
      agency: e.agencies.join(', '),
    })
  for (const d of input.decisions)
    keyDates.push({ day: d.day, what: `Decision: ${outcomeWords(d.outcome)}`, agency: d.agency })
  keyDates.sort((a, b) => a.day.localeCompare(b.day) || a.what.localeCompare(b.what))
  const unanswered =
    input.unanswered.status === 'unanswered'
      ? `Unanswered since ${input.unanswered.sinceDay ?? 'a date not known'}: a concern has had no response in time.`
      : input.unanswered.status === 'awaiting_response'
        ? 'A concern is awaiting a response, not yet overdue.'
        : 'No unanswered concern on ' + input.asOfDay + '.'
  return {
    asOfDay: input.asOfDay,
    keyDates,
    unanswered,
    interviewsLateOrNotHeld: input.interviews.flatMap((i) => {
      const words = INTERVIEW_WORDS[i.status]
      return words ? [{ returnedDay: i.returnedDay, status: words, agencies: i.agencies.join(', ') }] : []
    }),
    decisions: input.decisions
      .filter((d) => d.outcome === 'no_further_action')
      .map((d) => ({ day: d.day, agency: d.agency, outcome: outcomeWords(d.outcome), challenged: d.challenged })),
    supervisionGaps: input.supervision
      .filter((s) => s.status === 'overdue')
      .map((s) => ({ worker: s.worker, agency: s.agency, lastDay: s.lastDay, dueDay: s.dueDay })),
  }
}
