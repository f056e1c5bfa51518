// Kysely's view of the missing-episode tables (migrations/0005_missing.ts gives the reasons).
import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>

export interface InterviewAssignmentTable {
  id: Generated<number>
  entity_id: number
  episode_source: string
  user_id: number
  assigned_by: number | null
  assigned_at: Timestamp
  ended_at: Timestamp | null
}

export interface PhilomenaProfileTable {
  entity_id: number
  agency_code: string
  description: string | null
  friends: string | null
  places: string | null
  phones: string | null
  medical: string | null
  other: string | null
  photo: Buffer | null
  photo_type: 'image/jpeg' | 'image/png' | null
  photo_taken: string | null
  photo_uploaded_at: Timestamp | null
  updated_by: number | null
  updated_at: Timestamp
  /** raised by one at every save, checked by the same statement (no lost updates) */
  version: Generated<number>
}

export interface MissingTables {
  interview_assignments: InterviewAssignmentTable
  philomena_profiles: PhilomenaProfileTable
}
