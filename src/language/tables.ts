// Kysely's view of the language tables (migrations/0008_language.ts gives the reasons).
import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type Json = ColumnType<unknown, string, string>

/** Findings on one imported event version, kept so a long chronology is not checked on every view. */
export interface LanguageEventCheckTable {
  event_id: number
  lexicon_version: string
  /** the date of birth the age rules used ('' when unknown): a corrected one means checking again */
  child_dob: string
  /** { summary: Finding[], details: Finding[] } */
  findings: Json
  /** rule ids found, for the partnership's counts without reading the findings */
  rules: string[]
  checked_at: Timestamp
}

/** How often each rule fired in text written in Threadline, and how often a suggestion was taken: numbers only. */
export interface LanguageCountTable {
  month: string
  agency_code: string
  context: string
  rule: string
  fired: number
  accepted: number
}

/** Findings on text a professional just saved, shown once on the page they return to, then deleted. */
export interface LanguagePendingTable {
  id: Generated<number>
  user_id: number
  entity_id: number
  context: string
  findings: Json
  created_at: Timestamp
}

export interface LanguageTables {
  language_pending: LanguagePendingTable
  language_event_checks: LanguageEventCheckTable
  language_counts: LanguageCountTable
}
