// The audit entries of subject access and retention work: one rule for the command and the page.
import type { AuditEntry } from '../audit/audit.ts'
import type { SubjectAccessExport } from './subject-access.ts'
import type { RetentionReport } from './retention.ts'

export function auditSubjectAccess(data: SubjectAccessExport, format: string): AuditEntry {
  return {
    action: 'subject_access_export',
    entityId: data.person_id,
    details: {
      format,
      agency_records: data.agency_records.length,
      events: data.events.length,
      third_parties: data.third_parties.length,
    },
  }
}

/** A list that names children records them (decision 0008), so it counts as a view of each. */
export function auditRetentionReport(report: RetentionReport): AuditEntry {
  const children = [...new Set(report.rows.map((r) => r.person_id).filter((id): id is number => id !== null))]
  return { action: 'retention_report', details: { rows: report.rows.length, children } }
}
