// Everything the lists and pages read, as known at one moment, from the stored versions of the
// missing-episode, return-interview and strategy-discussion events (pure).
import { interviewsFor, type InterviewRow } from './interviews.ts'
import { missingEpisodes } from './episodes.ts'
import { repeatMissing, strategyDiscussionsFrom, type RepeatRow, type StrategyDiscussion } from './repeat.ts'
import type { MissingEpisode, RecordedEvent } from './types.ts'
import type { MissingSettings } from './settings.ts'

export const MISSING_EVENT_KINDS = ['missing_episode', 'return_interview', 'strategy_discussion'] as const

export interface MissingState {
  asOf: Date
  episodes: MissingEpisode[]
  interviews: InterviewRow[]
  discussions: StrategyDiscussion[]
  repeat: RepeatRow[]
}

export function missingState(versions: readonly RecordedEvent[], asOf: Date, settings: MissingSettings): MissingState {
  const episodes = missingEpisodes(versions, { asOf })
  const interviews = interviewsFor(episodes, versions, { asOf, dueHours: settings.dueHours })
  const discussions = strategyDiscussionsFrom(versions, asOf)
  const repeat = repeatMissing(episodes, discussions, {
    asOf,
    threshold: settings.repeatThreshold,
    days: settings.repeatDays,
  })
  return { asOf, episodes, interviews, discussions, repeat }
}
