// Kysely's view of the working-together tables (see src/db/migrations/0006_working_together.ts).
import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type Json = ColumnType<unknown, string, string>

export interface WtDecisionTable {
  id: Generated<number>
  entity_id: number
  agency_code: string
  kind: string
  outcome: string | null
  rationale: string
  decided_at: Timestamp
  decided_by: number | null
  recorded_at: Timestamp
  /** raised by one at every edit, checked by the same statement (decision 0029) */
  version: Generated<number>
  edited_at: Timestamp | null
  edited_by: number | null
}

export interface WtChallengeTable {
  id: Generated<number>
  entity_id: number
  decision_ref: string | null
  raised_by: number
  raised_by_agency: string
  against_agency: string
  subject: string
  summary: string
  opened_at: Timestamp
  recorded_at: Timestamp
  /** raised by one with every note recorded on it, checked in the same statement (no lost updates) */
  version: Generated<number>
  edited_at: Timestamp | null
  edited_by: number | null
}

export interface WtChallengeEventTable {
  id: Generated<number>
  challenge_id: number
  kind: 'responded' | 'escalated' | 'resolved'
  at: Timestamp
  by_user: number | null
  outcome: string | null
  note: string | null
  recorded_at: Timestamp
}

export interface WtMeetingTable {
  id: Generated<number>
  entity_id: number
  type: string
  held_at: Timestamp
  chair_user_id: number | null
  chair: string
  agencies_invited: string[]
  agencies_present: string[]
  information: Json
  decisions: string | null
  recorded_by: number | null
  recorded_at: Timestamp
  /** raised by one at every edit, checked by the same statement (decision 0029) */
  version: Generated<number>
  edited_at: Timestamp | null
  edited_by: number | null
}

export interface WtSupervisionTable {
  id: Generated<number>
  entity_id: number
  worker_user_id: number
  supervisor_user_id: number
  held_at: Timestamp
  reflection: string
  decisions: string | null
  recorded_at: Timestamp
}

export interface WtActionTable {
  id: Generated<number>
  /** the child; null only for an action from a case audit's findings about its theme (audit_id set, migration 0033) */
  entity_id: number | null
  meeting_id: number | null
  supervision_id: number | null
  title: string
  owner_user_id: number
  owner_agency: string
  due_date: string
  completed_at: Timestamp | null
  completion_recorded_at: Timestamp | null
  completed_by: number | null
  evidence: string | null
  /** who wrote it: its meeting's recorder, its supervision's supervisor */
  recorded_by: number | null
  recorded_at: Timestamp
  /** raised by one at every edit, checked by the same statement (decision 0029) */
  version: Generated<number>
  edited_at: Timestamp | null
  edited_by: number | null
  /** a finding of a multi-agency case audit about this child (audits/, migration 0031), if it is one */
  audit_id: Generated<number | null>
}

export interface WtCompetencyTable {
  id: Generated<number>
  user_id: number
  type: string
  obtained_on: string
  expires_on: string | null
  revoked_at: Timestamp | null
  recorded_by: number | null
  recorded_at: Timestamp
}

export interface WtWorkerSettingsTable {
  user_id: number
  asye_started_on: string | null
  manager_user_id: number | null
  updated_at: Timestamp
}

export interface WtAssignmentTable {
  id: Generated<number>
  entity_id: number
  task: string
  user_id: number
  assigned_by: number
  assigned_at: Timestamp
  flagged: Generated<boolean>
  missing: string[]
  override_by: number | null
  override_reason: string | null
  completed_at: Timestamp | null
}

/** What a practitioner's record said before each edit (decision 0029, edits/record-versions.ts). */
export interface RecordVersionTable {
  id: Generated<number>
  kind: string
  record_id: number
  version: number
  content: ColumnType<unknown, string, string>
  written_by: number | null
  recorded_at: Timestamp
  superseded_at: Timestamp
  superseded_by: number | null
}

export interface WorkingTogetherTables {
  record_versions: RecordVersionTable
  wt_decisions: WtDecisionTable
  wt_challenges: WtChallengeTable
  wt_challenge_events: WtChallengeEventTable
  wt_meetings: WtMeetingTable
  wt_supervisions: WtSupervisionTable
  wt_actions: WtActionTable
  wt_competencies: WtCompetencyTable
  wt_worker_settings: WtWorkerSettingsTable
  wt_assignments: WtAssignmentTable
}
