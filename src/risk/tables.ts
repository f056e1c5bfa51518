// Kysely's view of the risk tables (reasons in src/db/migrations/0004_risk.ts).
import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type Json = ColumnType<unknown, string, string>

export interface RiskInstrumentTable {
  instrument_id: string
  version: string
  definition: Json
  added_by: number | null
  added_at: Timestamp
}

export interface RiskScreeningTable {
  id: Generated<number>
  entity_id: number
  instrument_id: string
  instrument_version: string
  signed_by: number | null
  signed_at: Timestamp
  score: number
  band: number
  override_band: number | null
  override_reason: string | null
  screening: Json
  /** Raised by one at every edit of its wording (migration 0027, edits/record-versions.ts). */
  version: Generated<number>
  edited_at: Timestamp | null
  edited_by: number | null
}

export interface RiskMashDecisionTable {
  id: Generated<number>
  entity_id: number
  outcome: string
  rationale: string
  decided_by: number | null
  decided_by_name: string
  decided_at: Timestamp
}

export interface RiskScoreTable {
  entity_id: number
  instrument_id: string
  instrument_version: string
  score: number
  band: number
  age_rule: boolean
  multi_agency: boolean
  unanswered_since: Timestamp | null
  computed_at: Timestamp
}

export interface RiskTables {
  risk_instruments: RiskInstrumentTable
  risk_screenings: RiskScreeningTable
  risk_scores: RiskScoreTable
  risk_mash_decisions: RiskMashDecisionTable
  /** people whose records changed since their cached score (brought up to date when read) */
  risk_stale: { entity_id: number }
  /** maintained lists (migration 0037, maintained-lists.ts): the sources that keep lists, and their rule's fingerprint */
  list_sources: { source: string; rule: string }
  /** a write touched this child (appended by triggers in the writing transaction; consumed when worked out again) */
  list_marks: { id: Generated<string>; source: string; entity_id: number }
  /** per source and child: the mark the entries were worked out from, when the clock alone changes them */
  list_state: { source: string; entity_id: number; done: string; changes_at: Timestamp; worked_at: Timestamp }
  /** what each maintained list shows for a child on it */
  list_entries: {
    list: string
    entity_id: number
    entry: Json
    item: Generated<string>
    due_at: Date | null
    keys: string[] | null
  }
}
