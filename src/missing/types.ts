// What the missing-episode functions read and return. Storage hands in every stored version of the
// events (one per import or edit, each with its own recorded time); the functions pick what was
// known at the moment asked about, so every list can be replayed "as of" any date.
import type { EventRecord, Involvement } from '../records/types.ts'

/** One stored version of an agency event, tied to the child entity its subject is linked into. */
export interface RecordedEvent {
  /** Threadline's child id (the linked entity of `event.subject`). */
  childId: string
  event: EventRecord
  /** When this version was recorded (the format's `recorded_at`, else when Threadline received it). */
  recordedAt: Date
  /** The person's date of birth (YYYY-MM-DD), when known: an episode begun at 18 or over is an adult's. */
  childBornOn?: string | null
}

export const MISSING_FROM = ['home', 'care_placement', 'school', 'other'] as const
export type MissingFrom = (typeof MISSING_FROM)[number]
export const RISK_GRADINGS = ['no_apparent_risk', 'low', 'medium', 'high'] as const
export type RiskGrading = (typeof RISK_GRADINGS)[number]

/** One agency's report of a missing episode, as known at the moment asked about. */
export interface EpisodeReport {
  /** `agency:source_id` of the `missing_episode` event. */
  source: string
  agency: string
  sourceId: string
  childId: string
  /** The person record the agency named as subject. */
  subject: string
  startedAt: Date
  returnedAt: Date | null
  /** When this report was first recorded. */
  firstRecordedAt: Date
  /** When the version in use was recorded. */
  recordedAt: Date
  /** When this report first carried a return (the first version with `ended_at`). */
  returnRecordedAt: Date | null
  reportedBy: string | null
  missingFrom: MissingFrom | null
  riskGrading: RiskGrading | null
  lastSeen: string | null
  summary: string | null
  involves: Involvement[]
}

/** One missing episode: one or more agencies' reports of the same absence of the same child. */
export interface MissingEpisode {
  /** `agency:source_id` of the report that first made the episode known: the `episode_source`. */
  id: string
  childId: string
  /** Every report merged into it, the first-known first. */
  reports: EpisodeReport[]
  /** `agency:source_id` of every report. */
  sources: string[]
  agencies: string[]
  startedAt: Date
  /** The earliest return any report gives; null while the child is still missing. */
  returnedAt: Date | null
  /** When the return first became known to Threadline. */
  returnRecordedAt: Date | null
  /** When the episode first became known. */
  recordedAt: Date
  durationHours: number | null
  reportedBy: string | null
  missingFrom: MissingFrom | null
  /** The highest grading any report gives. */
  riskGrading: RiskGrading | null
  lastSeen: string | null
  /** Locations with role `found_at`, one per key. */
  foundAt: EpisodeInvolvement[]
  /** People, vehicles and others with role `found_with`, one per key. */
  foundWith: EpisodeInvolvement[]
  /** Every involvement of every report, one per key. */
  involves: EpisodeInvolvement[]
}

/** An involvement with the agency that named it (a person is named by that agency's `source_id`). */
export interface EpisodeInvolvement {
  /** `person:agency:source_id`, or `vehicle:KEY`, `phone:KEY`, `online:KEY`, `location:KEY`. */
  key: string
  agency: string
  involvement: Involvement
}

export interface EpisodeSettings {
  /** Reports of one child whose starts are this close and whose intervals overlap are one episode. */
  mergeWithinHours: number
}

export const DEFAULT_EPISODE_SETTINGS: EpisodeSettings = { mergeWithinHours: 6 }
