// Kysely's view of the learning reviews' tables (migrations/0030_reviews.ts and 0034_reviews_history.ts give the reasons).
import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type Json = ColumnType<unknown, string, string>

export interface ReviewTable {
  id: Generated<number>
  kind: string
  title: string
  pseudonym: string | null
  incident_known_on: string | null
  notified_on: string | null
  decided_on: string | null
  created_by: number
  created_at: Timestamp
  signed_off_by: number | null
  signed_off_at: Timestamp | null
}

export interface RecommendationTable {
  id: Generated<number>
  review_id: number
  number: number
  text: string
  created_by: number
  created_at: Timestamp
  signed_off_by: number | null
  signed_off_at: Timestamp | null
}

export interface AssignmentTable {
  recommendation_id: number
  agency_code: string
  assigned_by: number
  assigned_at: Timestamp
}

export interface SelfAssessmentTable {
  id: Generated<number>
  kind: string
  agency_code: string
  period: string
  ratings: Json
  recorded_by: number
  recorded_at: Timestamp
  standards_version: Generated<number>
}

/** One version of an action, never changed (migration 0034). */
export interface PlanActionVersionTable {
  id: Generated<number>
  action_id: number
  version: number
  changes: ColumnType<string[], string[], never>
  text: string
  owner_id: number
  due_on: string
  status: string
  evidence_kind: string | null
  evidence: string | null
  done_on: string | null
  note: string | null
  recorded_by: number
  recorded_at: Timestamp
}

/** A version of the section 11 or section 175 standards (migration 0034). */
export interface StandardSetTable {
  kind: string
  version: number
  title: string
  source: string
  definition: Json
  added_by: number | null
  added_at: Timestamp
}

export interface PlanActionTable {
  id: Generated<number>
  recommendation_id: number | null
  self_assessment_id: number | null
  agency_code: string
  text: string
  owner_id: number
  due_on: string
  status: Generated<string>
  evidence_kind: string | null
  evidence: string | null
  done_on: string | null
  created_by: number
  created_at: Timestamp
  updated_by: number | null
  updated_at: Timestamp | null
  version: Generated<number>
}

export interface ReviewsTables {
  reviews: ReviewTable
  review_recommendations: RecommendationTable
  review_assignments: AssignmentTable
  self_assessments: SelfAssessmentTable
  plan_actions: PlanActionTable
  plan_action_versions: PlanActionVersionTable
  review_standard_sets: StandardSetTable
}
