// The audit report as the partnership board sees it: no child identifiable. Children are "Child 1..n"
// in the order drawn; no name, id, date of birth or date from a child's record; the agencies invited,
// how many returned their audit, the grades and findings the discussion agreed, and the theme's.
// Counts of children are not shown (the cohort is a sample, not a count of the area's children), so
// there is nothing for partnership/suppress.ts to hide here (decision 0039). Pure.
import { GRADE_LABELS, type AuditTool, type Grade } from './tool.ts'
import type { Agreement, AgencyReturn, AuditRow, CohortChild } from './store.ts'

export const childLabel = (position: number) => `Child ${position}`

export interface ReportChild {
  position: number
  label: string
  agenciesInvited: string[]
  returned: string[]
  agreed: { heading: string; title: string; grade: string }[]
  findings: string | null
}

export interface AuditReport {
  id: number
  theme: string
  criteria: string
  criteriaVersion: number
  period: string
  stratifyBy: string
  seed: string
  toolVersion: string
  status: 'open' | 'closed'
  closesOn: string
  children: ReportChild[]
  themeAgreement: { agreed: { heading: string; title: string; grade: string }[]; findings: string } | null
}

const gradeWords = (tool: AuditTool, grades: Record<string, Grade> | undefined) =>
  tool.headings.map((h) => ({
    heading: h.id,
    title: h.title,
    grade: grades?.[h.id] ? GRADE_LABELS[grades[h.id]] : 'Not agreed yet',
  }))

export function auditReport(input: {
  audit: AuditRow
  /** the title of the criterion version the audit drew with */
  criterionTitle: string
  closed: boolean
  tool: AuditTool
  cohort: readonly (CohortChild & { position: number })[]
  returns: readonly Pick<AgencyReturn, 'position' | 'agency'>[]
  agreements: readonly Agreement[]
  agencyName: (code: string) => string
  /** the board's copy of free text: names and identifiers of the cohort removed (board-text.ts) */
  board?: (text: string) => string
}): AuditReport {
  const board = input.board ?? ((text: string) => text)
  const { audit, tool } = input
  const agreed = new Map(input.agreements.map((a) => [a.position, a]))
  const theme = agreed.get(0)
  return {
    id: audit.id,
    theme: audit.theme,
    criteria: input.criterionTitle,
    criteriaVersion: audit.criteria_version,
    period: `${audit.period_from} to ${audit.period_to}`,
    stratifyBy:
      audit.stratify_by === 'none'
        ? 'not stratified'
        : `stratified by ${audit.stratify_by === 'band' ? 'risk band' : 'agency'}`,
    seed: audit.seed,
    toolVersion: audit.tool_version,
    status: input.closed ? 'closed' : 'open',
    closesOn: audit.closes_on,
    children: input.cohort.map((c) => ({
      position: c.position,
      label: childLabel(c.position),
      agenciesInvited: c.agencies.map(input.agencyName),
      returned: input.returns.filter((r) => r.position === c.position).map((r) => input.agencyName(r.agency)),
      agreed: gradeWords(tool, agreed.get(c.position)?.grades),
      findings: nullable(agreed.get(c.position)?.findings, board),
    })),
    themeAgreement: theme ? { agreed: gradeWords(tool, theme.grades), findings: board(theme.findings) } : null,
  }
}

const nullable = (text: string | undefined, board: (text: string) => string) =>
  text === undefined ? null : board(text)

/** The report's CSV columns: one row per child, then one for the theme. */
export const reportColumns = (tool: AuditTool) => [
  'audit',
  'theme',
  'child',
  'agencies_invited',
  'returns_received',
  ...tool.headings.map((h) => h.id),
  'findings',
]

export function reportRows(report: AuditReport): Record<string, string | number>[] {
  const row = (child: string, agreed: ReportChild['agreed'], findings: string | null, invited = '', returned = '') => ({
    audit: report.id,
    theme: report.theme,
    child,
    agencies_invited: invited,
    returns_received: returned,
    ...Object.fromEntries(agreed.map((a) => [a.heading, a.grade])),
    findings: findings ?? '',
  })
  return [
    ...report.children.map((c) =>
      row(c.label, c.agreed, c.findings, c.agenciesInvited.join('; '), c.returned.join('; ')),
    ),
    ...(report.themeAgreement ? [row('Theme', report.themeAgreement.agreed, report.themeAgreement.findings)] : []),
  ]
}
