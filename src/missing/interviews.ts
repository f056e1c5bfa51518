// Return interviews: due THREADLINE_INTERVIEW_HOURS (default 72) elapsed hours after the child returns, read as of a moment
// from what had been recorded by then. Statuses are those of `missing --interviews` (cli.md):
//   due       returned, no interview recorded yet, the due time not passed
//   overdue   returned, no interview recorded, the due time passed
//   done      held at or before the due time
//   done_late held after the due time
//   declined  the child declined (with a reason)
//   not_held  a decision not to hold one (with a reason)
// A held interview outranks a declined or not-held record of the same episode (the child may
// accept a later offer); between a refusal and a decision not to hold, the latest recorded stands.
import { byText, parseTime, plusElapsedHours } from './time.ts'
import type { MissingEpisode, RecordedEvent } from './types.ts'
import { knownAsOf } from './versions.ts'
import { DEFAULT_MISSING_SETTINGS } from './settings.ts'
import { must } from '../errors/must.ts'

export const INTERVIEW_STATUSES = ['due', 'done', 'done_late', 'overdue', 'declined', 'not_held'] as const
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number]
export const INTERVIEW_OUTCOMES = ['done', 'declined', 'not_held'] as const
export type InterviewOutcome = (typeof INTERVIEW_OUTCOMES)[number]

export interface ReturnInterview {
  /** `agency:source_id` of the `return_interview` event. */
  source: string
  agency: string
  childId: string
  /** The episode the event names (`agency:source_id`), if it names one. */
  episodeRef: string | null
  outcome: InterviewOutcome
  /** When it was held (or declined, or decided not to hold): the event's `occurred_at`. */
  heldAt: Date
  recordedAt: Date
  reason: string | null
  childAccount: string | null
}

export interface InterviewRow {
  childId: string
  episode: MissingEpisode
  /** `episode_source`: the episode's first-known report. */
  episodeSource: string
  returnedAt: Date
  interviewDueAt: Date
  status: InterviewStatus
  /** When a held interview took place; null for every other status. */
  interviewDoneAt: Date | null
  /** The interview record that decides the status, if any. */
  interview: ReturnInterview | null
  /** Every interview record of this episode known at the moment asked about. */
  interviews: ReturnInterview[]
  /** Reason for `declined` / `not_held`. */
  reason: string | null
  /** A refusal or a decision not to hold without its required reason (flag it for the recorder). */
  reasonMissing: boolean
}

export interface InterviewOptions {
  asOf: Date
  /** Hours after return (elapsed, real hours) by which the interview is due. Default 72. */
  dueHours?: number
}

function outcomeOf(value: unknown): InterviewOutcome {
  // the record format's `status`; an interview event without one records an interview that was held
  return value === 'declined' || value === 'not_held' ? value : 'done'
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}

/** `return_interview` events known at `asOf`, at their version in use. */
export function returnInterviews(versions: readonly RecordedEvent[], asOf: Date): ReturnInterview[] {
  const list: ReturnInterview[] = []
  for (const known of knownAsOf(
    versions.filter((v) => v.event.kind === 'return_interview'),
    asOf,
  )) {
    const e = known.current.event
    const heldAt = parseTime(e.occurred_at)
    if (!heldAt) continue
    const ref = text(e.extra?.episode)
    list.push({
      source: known.key,
      agency: e.agency,
      childId: known.current.childId,
      // "E-77" alone names an episode of the interview's own agency
      episodeRef: ref === null ? null : ref.includes(':') ? ref : `${e.agency}:${ref}`,
      outcome: outcomeOf(e.extra?.status),
      heldAt,
      recordedAt: known.firstRecordedAt,
      reason: text(e.extra?.reason) ?? text(e.rationale),
      childAccount: text(e.extra?.child_account),
    })
  }
  return list
}

/** Has the child returned, as known at `asOf`? */
export function returnedBy(episode: MissingEpisode, asOf: Date): episode is MissingEpisode & { returnedAt: Date } {
  return (
    episode.returnedAt !== null &&
    episode.returnedAt.getTime() <= asOf.getTime() &&
    (episode.returnRecordedAt?.getTime() ?? Infinity) <= asOf.getTime()
  )
}

/** Returned episodes indexed for matching interviews: by each merged report's source, and by child. */
export interface ReturnedIndex {
  bySource: Map<string, MissingEpisode>
  byChild: Map<string, MissingEpisode[]>
}

export function indexReturned(returned: readonly MissingEpisode[]): ReturnedIndex {
  const bySource = new Map<string, MissingEpisode>()
  const byChild = new Map<string, MissingEpisode[]>()
  for (const ep of returned) {
    for (const source of ep.sources) bySource.set(source, ep)
    const list = byChild.get(ep.childId)
    if (list) list.push(ep)
    else byChild.set(ep.childId, [ep])
  }
  return { bySource, byChild }
}

/**
 * The episode an interview belongs to: the one it names by `episode` (any of its merged reports),
 * else the child's latest return at or before the interview. Null when none fits (yet).
 */
export function episodeForInterview(
  interview: ReturnInterview,
  returned: readonly MissingEpisode[] | ReturnedIndex,
): MissingEpisode | null {
  const index = Array.isArray(returned) ? indexReturned(returned) : (returned as ReturnedIndex)
  if (interview.episodeRef !== null) return index.bySource.get(interview.episodeRef) ?? null
  let best: MissingEpisode | null = null
  let bestReturn = 0
  for (const ep of index.byChild.get(interview.childId) ?? []) {
    if (ep.returnedAt === null || ep.returnedAt.getTime() > interview.heldAt.getTime()) continue
    if (!best || ep.returnedAt.getTime() > bestReturn) [best, bestReturn] = [ep, ep.returnedAt.getTime()]
  }
  return best
}

function decide(interviews: ReturnInterview[], dueAt: Date, asOf: Date) {
  const held = interviews.filter((i) => i.outcome === 'done').sort((a, b) => a.heldAt.getTime() - b.heldAt.getTime())
  if (held.length) {
    const first = held[0]
    const status: InterviewStatus = first.heldAt.getTime() <= dueAt.getTime() ? 'done' : 'done_late'
    return { status, interview: first, interviewDoneAt: first.heldAt }
  }
  const refusals = [...interviews].sort(
    (a, b) => b.recordedAt.getTime() - a.recordedAt.getTime() || b.heldAt.getTime() - a.heldAt.getTime(),
  )
  if (refusals.length)
    return { status: refusals[0].outcome as InterviewStatus, interview: refusals[0], interviewDoneAt: null }
  const status: InterviewStatus = asOf.getTime() > dueAt.getTime() ? 'overdue' : 'due'
  return { status, interview: null, interviewDoneAt: null }
}

/**
 * A row for every episode the child had returned from, as known at `asOf`. `episodes` should be
 * `missingEpisodes(versions, { asOf })` for the same moment; `interviewEvents` are all stored
 * versions of `return_interview` events (others are ignored). Sorted by due time.
 */
export function interviewsFor(
  episodes: readonly MissingEpisode[],
  interviewEvents: readonly RecordedEvent[],
  options: InterviewOptions,
): InterviewRow[] {
  const { asOf } = options
  const dueHours = options.dueHours ?? DEFAULT_MISSING_SETTINGS.dueHours
  const returned = episodes.filter((ep) => returnedBy(ep, asOf))
  const index = indexReturned(returned)
  const byEpisode = new Map<string, ReturnInterview[]>()
  for (const interview of returnInterviews(interviewEvents, asOf)) {
    const ep = episodeForInterview(interview, index)
    if (!ep) continue
    const list = byEpisode.get(ep.id)
    if (list) list.push(interview)
    else byEpisode.set(ep.id, [interview])
  }
  return returned
    .map((episode): InterviewRow => {
      const returnedAt = must(episode.returnedAt, 'the return of a returned episode')
      const interviewDueAt = plusElapsedHours(returnedAt, dueHours)
      const interviews = byEpisode.get(episode.id) ?? []
      const decided = decide(interviews, interviewDueAt, asOf)
      const refused = decided.status === 'declined' || decided.status === 'not_held'
      return {
        childId: episode.childId,
        episode,
        episodeSource: episode.id,
        returnedAt,
        interviewDueAt,
        ...decided,
        interviews,
        reason: refused ? (decided.interview?.reason ?? null) : null,
        reasonMissing: refused && !decided.interview?.reason,
      }
    })
    .sort(byInterviewDue)
}

/** The order of the interview lists: soonest due first, then by episode reference. */
export const byInterviewDue = (a: InterviewRow, b: InterviewRow): number =>
  a.interviewDueAt.getTime() - b.interviewDueAt.getTime() || byText(a.episodeSource, b.episodeSource)

/** Interviews known at `asOf` that belong to no returned episode yet (a dangling `episode`, or no return before them). */
export function unmatchedInterviews(
  episodes: readonly MissingEpisode[],
  interviewEvents: readonly RecordedEvent[],
  options: { asOf: Date },
): ReturnInterview[] {
  const index = indexReturned(episodes.filter((ep) => returnedBy(ep, options.asOf)))
  return returnInterviews(interviewEvents, options.asOf).filter((i) => episodeForInterview(i, index) === null)
}

/** What a person must put right before an interview outcome is recorded on the page. */
export function interviewRecordProblems(input: {
  outcome: string
  heldAt?: Date | null
  reason?: string | null
}): string[] {
  const problems: string[] = []
  if (!(INTERVIEW_OUTCOMES as readonly string[]).includes(input.outcome))
    problems.push('say whether the interview was held, declined or not held')
  if (!input.heldAt) problems.push('enter the date of the interview')
  if ((input.outcome === 'declined' || input.outcome === 'not_held') && !text(input.reason)) {
    problems.push(
      input.outcome === 'declined'
        ? 'a reason is required when the child declined'
        : 'a reason is required when the interview is not held',
    )
  }
  return problems
}
