// Kysely's view of the audit tables (migrations/0031_audits.ts and 0036_audit_criteria.ts give the reasons).
import type { ColumnType, Generated, JSONColumnType } from 'kysely'
import type { Grade } from './tool.ts'

type Timestamp = ColumnType<Date, Date | string, Date | string>

export type Stratify = 'none' | 'agency' | 'band'

export interface AuditToolTable {
  version: string
  definition: JSONColumnType<object>
  added_at: Timestamp
}

/** Each version of an audit criterion (migration 0036, decision 0048), kept whole as JSON. */
export interface AuditCriterionTable {
  name: string
  version: number
  definition: JSONColumnType<object>
  added_at: Timestamp
}

export interface AuditTableRow {
  id: Generated<number>
  theme: string
  criteria: string
  criteria_version: number
  period_from: string
  period_to: string
  sample_size: number
  seed: string
  stratify_by: Stratify
  tool_version: string
  closes_on: string
  created_by: number
  created_at: Timestamp
  closed_at: Timestamp | null
  closed_by: number | null
}

export interface AuditChildTable {
  audit_id: number
  position: number
  entity_id: number
  stratum: string
  agencies: string[]
}

export interface AuditAuditorTable {
  audit_id: number
  user_id: number
  agency_code: string
  named_by: number
  named_at: Timestamp
}

export interface AuditReturnTable {
  audit_id: number
  position: number
  agency_code: string
  tool_version: string
  prefill: JSONColumnType<object>
  answers: JSONColumnType<Record<string, string>>
  grades: JSONColumnType<Record<string, Grade>>
  good_practice: string
  should_have_happened: string
  submitted_by: number
  submitted_at: Timestamp
}

export interface AuditAgreementTable {
  audit_id: number
  position: number
  grades: JSONColumnType<Record<string, Grade>>
  findings: string
  recorded_by: number
  recorded_at: Timestamp
}

/** Every set of grades saved (migration 0033): the discussion's (agency_code null) or an agency's return. */
export interface AuditGradeVersionTable {
  id: Generated<number>
  audit_id: number
  position: number
  agency_code: string | null
  grades: JSONColumnType<Record<string, Grade>>
  recorded_by: number
  recorded_at: Timestamp
}

export interface AuditTables {
  case_audit_tools: AuditToolTable
  case_audit_criteria: AuditCriterionTable
  case_audits: AuditTableRow
  case_audit_children: AuditChildTable
  case_audit_auditors: AuditAuditorTable
  case_audit_returns: AuditReturnTable
  case_audit_agreements: AuditAgreementTable
  case_audit_grade_versions: AuditGradeVersionTable
}
