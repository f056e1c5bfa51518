// One wording for a child's risk on every page (issue 15): the band with its label and what it asks,
// and an unanswered concern with the band the child had when it became unanswered and what has
// happened since (the band's moves and the concerns recorded after it), so that a page never shows
// "band 1" beside "unanswered" without saying how the two fit. Pure: the pages word it through the
// macros in views/risk-words.njk.
import type { RecordRef, UnansweredStatus } from './unanswered.ts'

export interface BandWords {
  band: number
  label: string
}

export interface UnansweredStory {
  /** When the response became overdue. */
  since: Date
  /** What started it: the band rising, or concerns from several agencies. */
  trigger: 'band' | 'concerns'
  /** The band the child had at that moment. */
  bandThen: BandWords
  /** Each move of the band after it, to the moment asked about. */
  bandMoves: (BandWords & { at: Date })[]
  /** Concerns recorded after it, still waiting for a response. */
  laterConcerns: RecordRef[]
}

/** The band in force at a moment, from the band's steps (oldest first); 1 before the first. */
export function bandAt(steps: readonly { at: Date; band: number }[], at: Date): number {
  let band = 1
  for (const s of steps) if (+s.at <= +at) band = s.band
  return band
}

export function unansweredStory(
  status: UnansweredStatus,
  steps: readonly { at: Date; band: number }[],
  asOf: Date,
  labelOf: (band: number) => string,
): UnansweredStory | null {
  if (status.status !== 'unanswered' || !status.unansweredSince || !status.trigger) return null
  const since = status.unansweredSince
  const then = bandAt(steps, since)
  const bandMoves: UnansweredStory['bandMoves'] = []
  let last = then
  for (const s of steps) {
    if (+s.at <= +since || +s.at > +asOf || s.band === last) continue
    bandMoves.push({ at: s.at, band: s.band, label: labelOf(s.band) })
    last = s.band
  }
  return {
    since,
    trigger: status.trigger.kind,
    bandThen: { band: then, label: labelOf(then) },
    bandMoves,
    laterConcerns: status.concerns.filter((c) => Date.parse(c.recordedAt) > +since),
  }
}
