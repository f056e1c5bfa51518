// Missing episodes, return interviews, repeat missing: pure functions over stored event versions.
export * from './types.ts'
export { knownAsOf, sourceOf, type KnownEvent } from './versions.ts'
export { sameEpisode, groupReports } from './duplicates.ts'
export { missingEpisodes, episodeReport, mergeReports } from './episodes.ts'
export {
  interviewsFor,
  returnInterviews,
  returnedBy,
  episodeForInterview,
  indexReturned,
  unmatchedInterviews,
  interviewRecordProblems,
  INTERVIEW_STATUSES,
  INTERVIEW_OUTCOMES,
  type InterviewStatus,
  type InterviewOutcome,
  type ReturnInterview,
  type InterviewRow,
  type InterviewOptions,
  type ReturnedIndex,
} from './interviews.ts'
export {
  repeatMissing,
  repeatForChild,
  strategyDiscussionsFrom,
  type StrategyDiscussion,
  type RepeatRow,
  type Crossing,
  type RepeatOptions,
} from './repeat.ts'
export {
  missingPattern,
  timeOfDay,
  TIMES_OF_DAY,
  WEEKDAYS,
  type MissingPattern,
  type Recurring,
  type PatternOptions,
  type TimeOfDay,
} from './pattern.ts'
export { interviewFigures, type InterviewFigure } from './figures.ts'
export { parseTime, plusElapsedHours } from './time.ts'
export { missingState, MISSING_EVENT_KINDS, type MissingState } from './state.ts'
export { missingSettings, DEFAULT_MISSING_SETTINGS, type MissingSettings } from './settings.ts'
export {
  missingHistory,
  nextEpisodePlan,
  type MissingHistory,
  type HistoryEpisode,
  type NextEpisodePlan,
} from './history.ts'
