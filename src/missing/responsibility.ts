// Which agency is responsible for a return interview (pure): THE rule, used by the work list, the
// manager's morning page, the child's page, the figures and `missing --interviews`. The agency of the
// worker it is assigned to; else the agency that recorded its outcome (held, declined or not held);
// else the agency that holds return interviews in the area's settings (THREADLINE_INTERVIEW_AGENCY,
// by default the area's children's social care: the local authority's duty under the statutory
// guidance on children who run away or go missing); else, in an area with neither, the agency that
// first reported the episode.
import { hasRole } from '../vocabulary/roles.ts'
import type { InterviewRow } from './interviews.ts'

export type ResponsibleBecause = 'assigned' | 'recorded' | 'area' | 'reported'

export interface Responsibility {
  agency: string
  because: ResponsibleBecause
}

export function interviewResponsibility(
  row: Pick<InterviewRow, 'interview' | 'episode'>,
  facts: { assignedAgency: string | null; areaAgency: string | null },
): Responsibility {
  if (facts.assignedAgency) return { agency: facts.assignedAgency, because: 'assigned' }
  if (row.interview) return { agency: row.interview.agency, because: 'recorded' }
  if (facts.areaAgency) return { agency: facts.areaAgency, because: 'area' }
  return { agency: row.episode.reports[0].agency, because: 'reported' }
}

/** The area's default: the setting, else the first children's social care agency by code, else none. */
export function areaInterviewAgency(
  setting: string | null,
  agencies: readonly { code: string; kind: string }[],
): string | null {
  if (setting) return setting
  return (
    [...agencies].filter((a) => a.kind === 'childrens_social_care').sort((a, b) => a.code.localeCompare(b.code))[0]
      ?.code ?? null
  )
}

/** The interviews a person's work list shows: the MASH every one; anyone else their agency's and those assigned to them. */
export function onWorkList(
  user: { id: number; agency: string; roles: readonly string[] },
  responsible: Responsibility,
  assignedTo: number | null,
): boolean {
  if (hasRole(user.roles, 'mash')) return true
  return responsible.agency === user.agency || assignedTo === user.id
}
