// Kysely's view of the linkage tables (migrations/0003_linkage.ts gives the reasons).
import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type Json = ColumnType<unknown, string, string>

export interface LinkageModelTable {
  id: Generated<number>
  trained_at: Timestamp
  trained_by: string
  /** modelToJson of the LinkageModel */
  model: string
  records: number
  candidate_pairs: ColumnType<string, number | string, number | string>
  /** ScoreDistribution (thresholds.ts) */
  scores: Json
  active: boolean
}

export interface LinkageSettingTable {
  name: 'auto' | 'review'
  value: number
  updated_by: string
  updated_at: Timestamp
}

export type ReviewStatus = 'open' | 'same' | 'not_same' | 'closed'

export interface LinkageReviewTable {
  id: Generated<number>
  agency_code: string
  source_id: string
  candidate_entity: number
  candidate_agency: string
  candidate_source: string
  probability: number
  model_id: number | null
  /** the Explanation (waterfall) when the pair was queued */
  explanation: Json
  status: ColumnType<ReviewStatus, ReviewStatus | undefined, ReviewStatus>
  created_at: Timestamp
  decided_by: number | null
  decided_at: Timestamp | null
  reason: string | null
}

export interface LinkageDecisionTable {
  id: Generated<number>
  agency_a: string
  source_a: string
  agency_b: string
  source_b: string
  same: boolean
  decided_by: number | null
  actor: string
  reason: string
  decided_at: Timestamp
}

export type LinkHistoryAction = 'merge' | 'unmerge' | 'link'

export interface EntityLinkHistoryTable {
  id: Generated<number>
  agency_code: string
  source_id: string
  from_entity: number | null
  to_entity: number
  action: LinkHistoryAction
  decided_by: number | null
  actor: string
  reason: string | null
  at: Timestamp
}

export interface LinkageStateTable {
  id: number
  instance: string
  generation: ColumnType<string, number | string, number | string>
}

export interface LinkageTables {
  linkage_state: LinkageStateTable
  linkage_models: LinkageModelTable
  linkage_settings: LinkageSettingTable
  linkage_reviews: LinkageReviewTable
  linkage_decisions: LinkageDecisionTable
  entity_link_history: EntityLinkHistoryTable
}
