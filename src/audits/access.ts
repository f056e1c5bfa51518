// Who may do what with multi-agency case audits (pure). The partnership role runs the programme: it
// creates audits, names auditors, records the discussion's agreed grades and closes audits, and sees
// the programme and the anonymised report only ("Child 1..n"), never a child's record. An auditor is a
// manager or practitioner named on one audit: they see the children their agency knew only through
// that audit's access grant (access/visibility.ts reachOf, `access_grant` with its audit), which ends
// when the audit closes or on its closing day; they complete their agency's return for each child.
import { hasRole, type Role } from '../vocabulary/roles.ts'
import { mayCompleteAction } from '../working-together/access.ts'

/** Who opens the audit pages at all: the partnership, and the managers and practitioners who may be auditors. */
export const AUDIT_ROLES: Role[] = ['partnership', 'manager', 'practitioner']

export const mayRunAudits = (roles: readonly string[]) => hasRole(roles, 'partnership')

/** May be named an auditor: an agency's manager or practitioner. */
export const mayBeAuditor = (roles: readonly string[]) => hasRole(roles, 'manager') || hasRole(roles, 'practitioner')

export interface AuditFacts {
  closed: boolean
  /** the viewer is named on this audit */
  named: boolean
}

/** The programme's page of one audit: its runner, or an auditor named on it. */
export const mayViewAudit = (roles: readonly string[], audit: AuditFacts) => mayRunAudits(roles) || audit.named

/** The anonymised report: the partnership, and the audit's auditors. */
export const mayViewReport = mayViewAudit

/**
 * Whether the children are shown by name on the audit's page: only to a named auditor (each child their
 * agency knew, through the grant), never to the partnership role, even when one person holds both.
 */
export const seesChildren = (roles: readonly string[], audit: AuditFacts) => audit.named && !mayRunAudits(roles)

/** An agency's return for a child: its named auditors, while the audit is open, for a child their agency knew. */
export const mayCompleteReturn = (audit: AuditFacts & { agencyKnewChild: boolean }) =>
  audit.named && !audit.closed && audit.agencyKnewChild

/** The discussion's agreed grades and findings, and closing: the partnership, while the audit is open. */
export const mayRecordAgreement = (roles: readonly string[], audit: AuditFacts) => mayRunAudits(roles) && !audit.closed

/** An action from the theme's findings (no child): who marks it done is working together's rule (its owner, or a manager of the owner's agency). */
export const mayCompleteThemeAction = (
  user: { id: number; roles: readonly string[]; agency: string },
  action: { ownerId: number; ownerAgency: string },
) => mayCompleteAction(user, { owner: { id: action.ownerId }, ownerAgency: action.ownerAgency, chairId: null })

/** Its page: the partnership that runs the programme, and whoever may mark it done. */
export const mayViewThemeAction = (
  user: { id: number; roles: readonly string[]; agency: string },
  action: { ownerId: number; ownerAgency: string },
) => mayRunAudits(user.roles) || mayCompleteThemeAction(user, action)
