// Everything the lists and pages read, as known at one moment, from the stored versions of the
// missing-episode, return-interview and strategy-discussion events (pure).
import { interviewsFor, type InterviewRow } from './interviews.ts'
import { missingEpisodes } from './episodes.ts'
import { repeatMissing, strategyDiscussionsFrom, type RepeatRow, type StrategyDiscussion } from './repeat.ts'
import type { MissingEpisode, RecordedEvent } from './types.ts'
import type { MissingSettings } from './settings.ts'
import { isAdultOn } from '../calendar/index.ts'

export const MISSING_EVENT_KINDS = ['missing_episode', 'return_interview', 'strategy_discussion'] as const

export interface MissingState {
  asOf: Date
  episodes: MissingEpisode[]
  interviews: InterviewRow[]
  discussions: StrategyDiscussion[]
  repeat: RepeatRow[]
}

export function missingState(versions: readonly RecordedEvent[], asOf: Date, settings: MissingSettings): MissingState {
  const episodes = childrensEpisodes(missingEpisodes(versions, { asOf }), versions)
  const interviews = interviewsFor(episodes, versions, { asOf, dueHours: settings.dueHours })
  const discussions = strategyDiscussionsFrom(versions, asOf)
  const repeat = repeatMissing(episodes, discussions, {
    asOf,
    threshold: settings.repeatThreshold,
    days: settings.repeatDays,
  })
  return { asOf, episodes, interviews, discussions, repeat }
}

/**
 * The episodes of children: one that began on or after the person's 18th birthday (on the London
 * date, by the date of birth their records hold) is a missing adult's, for which no return interview
 * is owed and which no child's list or figure counts; it stays in the chronology. Without a date of
 * birth an episode is a child's.
 */
export function childrensEpisodes(
  episodes: readonly MissingEpisode[],
  versions: readonly RecordedEvent[],
): MissingEpisode[] {
  const bornOn = new Map<string, string>()
  for (const v of versions) if (v.childBornOn) bornOn.set(v.childId, v.childBornOn)
  if (bornOn.size === 0) return [...episodes]
  return episodes.filter((e) => isAdultOn(bornOn.get(e.childId), e.startedAt) !== true)
}
