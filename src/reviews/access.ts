// Who may do what with learning reviews, action plans and self-assessments (pure). The partnership
// creates reviews and their recommendations, assigns agencies and signs off; it reads every agency's
// plan and self-assessment, never a child's record (a review holds none). An agency's managers write
// and update their own agency's plan, its evidence and its self-assessments; its practitioners (and
// the MASH, who work in an agency) read them. An administrator has nothing here for being one.
import { hasRole, type Role } from '../vocabulary/roles.ts'

export interface Asker {
  id: number
  agency: string
  roles: readonly string[]
}

/** Roles that open the reviews pages at all (each page asks again what they may see there). */
export const REVIEW_ROLES: Role[] = ['partnership', 'manager', 'practitioner', 'mash']

const isPartnership = (a: Asker) => hasRole(a.roles, 'partnership')
const inAgency = (a: Asker) => ['manager', 'practitioner', 'mash'].some((r) => a.roles.includes(r))

export const mayOpenReviews = (a: Asker) => isPartnership(a) || inAgency(a)

/** Creating reviews, adding recommendations, assigning agencies, recording the clocks' dates, signing off. */
export const mayRunReviews = (a: Asker) => isPartnership(a)

/** A review: the partnership sees every one; an agency's staff those with a recommendation assigned to it. */
export const mayReadReview = (a: Asker, assignedAgencies: readonly string[]) =>
  isPartnership(a) || (inAgency(a) && assignedAgencies.includes(a.agency))

/** An agency's plan (its actions and their evidence), for a review or a self-assessment. */
export const mayReadPlan = (a: Asker, agency: string) => isPartnership(a) || (inAgency(a) && a.agency === agency)

/** Adding to and updating an agency's plan, and its evidence: that agency's managers. */
export const mayWritePlan = (a: Asker, agency: string) => hasRole(a.roles, 'manager') && a.agency === agency

/** Recording a self-assessment: the agency's managers, for their own agency. */
export const mayRecordSelfAssessment = (a: Asker) => hasRole(a.roles, 'manager')

/**
 * Escalating an agency's action beyond its lead (who sees each overdue action already), with to whom
 * and what was asked: the partnership, which holds every agency to its plan.
 */
export const mayEscalatePlan = (a: Asker) => isPartnership(a)
