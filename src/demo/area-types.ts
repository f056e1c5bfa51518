// The shapes of a generated area: options, the wire objects as agencies send them, and the ground
// truth that only tests read.
import type { DemoAgency } from './agencies.ts'

export interface AreaOptions {
  seed: string | number
  /** Number of children (parents, carers and other adults come on top). */
  children: number
  /** Last day of the area's records, YYYY-MM-DD: nothing happens or is recorded after it. */
  end: string
  /** Years of records before `end`. */
  years: number
  /** Share of children who are later exploited (fewer when too few girls are 12 to 15 in the
   * window that leaves room for signs before and records after; small, short areas hit this). */
  exploitedShare: number
  /** Number of planted groups of adults with their vehicles, phones and places. */
  groups: number
  /** Share of people whose records across agencies differ beyond case and spacing (linkage tests). */
  hardVariantShare: number
}

/** One object of the agency record format, exactly as it goes on the wire. */
export type WireObject = {
  type: 'person' | 'event' | 'relationship'
  agency: string
  source_id: string
  recorded_at?: string
} & Record<string, unknown>

/** `agency:source_id` */
export type RecordRef = string

export type PersonRole = 'child' | 'carer' | 'group_adult' | 'family_friend' | 'adult'

export interface TruthRecord {
  ref: RecordRef
  /** `same`: the canonical name and date of birth; `case_spacing`: differs only in case, spacing or
   * punctuation; `hard`: a different spelling, a familiar form or a different/partial date of birth. */
  variant: 'same' | 'case_spacing' | 'hard'
}

export interface TruthPerson {
  id: string
  role: PersonRole
  given_name: string
  family_name: string
  date_of_birth: string
  sex: 'female' | 'male'
  family?: string
  records: TruthRecord[]
  /** All of this person's records link by the core's exact rules, and to no one else's. */
  exactLinkable: boolean
}

export interface TruthExploited {
  child: string
  group: string
  /** The first event showing exploitation (a missing episode found with a group adult, a crime report or a disclosure). */
  firstEvent: RecordRef
  firstAt: string
  firstRecordedAt: string
  /** Children whose signals before the first event are deliberately faint. */
  faint: boolean
  /** The child whose records tell the demo's story in full. */
  story: boolean
}

export interface TruthGroup {
  id: string
  name: string
  adults: { person: string; records: RecordRef[] }[]
  /** Normalised keys as the networks command prints them. */
  vehicles: string[]
  phones: string[]
  online: string[]
  locations: { name: string; postcode: string; key: string }[]
  children: string[]
  /** Recorded time at which the records first tied two of its children to one adult or object. */
  firstTiedAt: string | null
}

export interface TruthInnocent {
  kind: 'siblings' | 'family_friend' | 'school' | 'bus_station' | 'other'
  /** A person id, or a location key (postcode without spaces). */
  key: string
  children: string[]
}

export interface TruthMissingEpisode {
  child: string
  /** The police record first, then any report of the same episode by a care provider. */
  records: RecordRef[]
  started_at: string
  ended_at: string
  interview: { ref: RecordRef; status: 'done' | 'declined' | 'not_held'; at: string } | null
  /** Planted awkward timing: a return across the change of clocks or just before a bank holiday weekend. */
  awkward?: 'clock_change' | 'before_bank_holiday'
}

export interface TruthUnanswered {
  child: string
  /** The concerns (3+ from 2+ agencies within 90 days) that made the trigger. */
  concerns: RecordRef[]
  triggeredAt: string
  triggeredRecordedAt: string
  /** The first response (strategy discussion, assessment, s47, CP plan) after the trigger, if any. */
  respondedAt: string | null
}

export interface AreaTruth {
  options: AreaOptions
  start: string
  end: string
  people: TruthPerson[]
  /** Ids of the people who are children. */
  children: string[]
  exploited: TruthExploited[]
  groups: TruthGroup[]
  innocent: TruthInnocent[]
  missingEpisodes: TruthMissingEpisode[]
  unanswered: TruthUnanswered[]
  /** Objects sent more than once (a later version replaces the earlier). */
  resent: RecordRef[]
  withdrawn: RecordRef[]
  /** Records sent without recorded_at. */
  recordedAtAbsent: RecordRef[]
  /** Agency record → person id, for every person record. */
  personOf: Record<RecordRef, string>
}

export interface Area {
  agencies: DemoAgency[]
  objects: WireObject[]
  truth: AreaTruth
}
