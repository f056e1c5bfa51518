// Repeat missing: N episodes starting within D days (a setting, default 3 in 30) make a child
// repeatedly missing. From the moment that is known (the recorded times of the episodes), a
// strategy discussion is required; the child stays listed until one is held after the crossing.
// After a discussion clears a crossing, only episodes that start after it count towards the next.
import { parseTime, plusLondonDays } from './time.ts'
import type { MissingEpisode, RecordedEvent } from './types.ts'
import { knownAsOf } from './versions.ts'
import { mustGet } from '../errors/must.ts'

export interface StrategyDiscussion {
  childId: string
  /** When it was held. */
  at: Date
  /** When it was recorded; a discussion recorded after the moment asked about does not count then. */
  recordedAt: Date
  /** `agency:source_id` of an imported event, or Threadline's meeting id. */
  source?: string
}

export interface Crossing {
  /** When the crossing became known: the recorded time of the episode that completed it. */
  crossedAt: Date
  /** Start of the episode that completed the N in D days (a discussion from then on answers it). */
  crossingStartedAt: Date
  /** Ids of the episodes in the window that crossed. */
  episodes: string[]
  clearedBy: StrategyDiscussion | null
}

export interface RepeatRow {
  childId: string
  /** Most episodes starting within any D-day window since the last clearing discussion. */
  episodesInWindow: number
  /** When the current crossing became known (null if never crossed). */
  firstCrossedAt: Date | null
  /** The strategy discussion held after the crossing (null while none is). */
  strategyDiscussionAt: Date | null
  /** The latest strategy discussion known, whenever held. */
  lastStrategyDiscussionAt: Date | null
  /** Crossed and no strategy discussion since: on the `missing --repeat` list. */
  listed: boolean
  crossings: Crossing[]
}

export interface RepeatOptions {
  asOf: Date
  threshold?: number
  days?: number
}

/** Strategy discussions from `strategy_discussion` events (all stored versions), known at `asOf`. */
export function strategyDiscussionsFrom(versions: readonly RecordedEvent[], asOf: Date): StrategyDiscussion[] {
  return knownAsOf(
    versions.filter((v) => v.event.kind === 'strategy_discussion'),
    asOf,
  ).flatMap((k) => {
    const at = parseTime(k.current.event.occurred_at)
    return at ? [{ childId: k.current.childId, at, recordedAt: k.firstRecordedAt, source: k.key }] : []
  })
}

const knownAt = (ep: MissingEpisode) => Math.max(ep.recordedAt.getTime(), ep.startedAt.getTime())

/** The end of the D-day window that opens at each start (London calendar days), computed once per episode. */
function windowEnds(eps: readonly MissingEpisode[], days: number): Map<MissingEpisode, number> {
  return new Map(eps.map((e) => [e, plusLondonDays(e.startedAt, days).getTime()]))
}

/** Windows of `threshold` consecutive starts within `days` London calendar days. */
function windows(eps: MissingEpisode[], threshold: number, ends: Map<MissingEpisode, number>): MissingEpisode[][] {
  const sorted = [...eps].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())
  const found: MissingEpisode[][] = []
  for (let i = 0; i + threshold - 1 < sorted.length; i++) {
    if (sorted[i + threshold - 1].startedAt.getTime() <= mustGet(ends, sorted[i], 'the end of its window'))
      found.push(sorted.slice(i, i + threshold))
  }
  return found
}

function mostInWindow(eps: MissingEpisode[], ends: Map<MissingEpisode, number>): number {
  const sorted = [...eps].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())
  let most = 0
  let j = 0
  for (let i = 0; i < sorted.length; i++) {
    const end = mustGet(ends, sorted[i], 'the end of its window')
    if (j < i) j = i
    while (j + 1 < sorted.length && sorted[j + 1].startedAt.getTime() <= end) j++
    most = Math.max(most, j - i + 1)
  }
  return most
}

/** The first crossing among `eps`, in the order the episodes became known. */
function firstCrossing(
  eps: MissingEpisode[],
  threshold: number,
  ends: Map<MissingEpisode, number>,
): Omit<Crossing, 'clearedBy'> | null {
  const byKnown = [...eps].sort((a, b) => knownAt(a) - knownAt(b))
  for (let n = threshold; n <= byKnown.length; n++) {
    const found = windows(byKnown.slice(0, n), threshold, ends)
    if (!found.length) continue
    // the earliest window to complete: a discussion held after it started answers the crossing
    const window = found.sort((a, b) => a[a.length - 1].startedAt.getTime() - b[b.length - 1].startedAt.getTime())[0]
    return {
      crossedAt: new Date(knownAt(byKnown[n - 1])),
      crossingStartedAt: window[window.length - 1].startedAt,
      episodes: window.map((e) => e.id),
    }
  }
  return null
}

export function repeatForChild(
  childId: string,
  episodes: readonly MissingEpisode[],
  discussions: readonly StrategyDiscussion[],
  options: RepeatOptions,
): RepeatRow {
  const { asOf } = options
  const threshold = options.threshold ?? 3
  const days = options.days ?? 30
  const eps = episodes.filter(
    (e) => e.childId === childId && e.recordedAt.getTime() <= asOf.getTime() && e.startedAt.getTime() <= asOf.getTime(),
  )
  const sds = discussions
    .filter(
      (d) => d.childId === childId && d.recordedAt.getTime() <= asOf.getTime() && d.at.getTime() <= asOf.getTime(),
    )
    .sort((a, b) => a.at.getTime() - b.at.getTime())
  const ends = windowEnds(eps, days)
  const crossings: Crossing[] = []
  let clearedAfter = -Infinity
  for (;;) {
    const counted = eps.filter((e) => e.startedAt.getTime() > clearedAfter)
    const crossing = firstCrossing(counted, threshold, ends)
    if (!crossing) break
    const clearedBy = sds.find((d) => d.at.getTime() >= crossing.crossingStartedAt.getTime()) ?? null
    crossings.push({ ...crossing, clearedBy })
    if (!clearedBy) break
    clearedAfter = clearedBy.at.getTime()
  }
  const current = crossings[crossings.length - 1] ?? null
  const listed = current !== null && current.clearedBy === null
  return {
    childId,
    episodesInWindow: mostInWindow(
      eps.filter((e) => e.startedAt.getTime() > clearedAfter),
      ends,
    ),
    firstCrossedAt: current?.crossedAt ?? null,
    strategyDiscussionAt: current?.clearedBy?.at ?? null,
    lastStrategyDiscussionAt: sds.length ? sds[sds.length - 1].at : null,
    listed,
    crossings,
  }
}

/**
 * For every child with an episode known at `asOf`: whether they crossed the repeat-missing
 * threshold and whether a strategy discussion has answered it. `missing --repeat` lists the rows
 * with `listed`. `episodes` should be `missingEpisodes(versions, { asOf })` (merged duplicates count once).
 */
/** The order of the repeat rows: by child id as text. */
export const byChildId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

export function repeatMissing(
  episodes: readonly MissingEpisode[],
  strategyDiscussions: readonly StrategyDiscussion[],
  options: RepeatOptions,
): RepeatRow[] {
  const group = <T extends { childId: string }>(list: readonly T[]) => {
    const by = new Map<string, T[]>()
    for (const x of list) {
      const l = by.get(x.childId)
      if (l) l.push(x)
      else by.set(x.childId, [x])
    }
    return by
  }
  const episodesBy = group(episodes)
  const discussionsBy = group(strategyDiscussions)
  return [...episodesBy.entries()]
    .sort(([a], [b]) => byChildId(a, b))
    .map(([childId, eps]) => repeatForChild(childId, eps, discussionsBy.get(childId) ?? [], options))
}
