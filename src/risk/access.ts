// Who may do what with risk (pure). Who may see a child's record at all is access/visibility.ts.
import { doesCasework, hasRole } from '../vocabulary/roles.ts'
import type { Reach } from '../access/visibility.ts'

/** A practitioner or manager who sees the child's whole record (allocated, or by an access grant; the MASH's own role decides, not screens). */
export const mayScreen = (roles: readonly string[], reach: Reach) =>
  reach.level === 'full' && (hasRole(roles, 'practitioner') || hasRole(roles, 'manager'))

export const mayUseMashQueue = (roles: readonly string[]) => hasRole(roles, 'mash')

/** The unanswered list and alerts: those who work with children's records. */
export const mayUseRiskLists = (roles: readonly string[]) => doesCasework(roles)
