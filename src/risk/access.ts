// Who may do what with risk (pure). Who may see a child's record at all is access/visibility.ts.
import { doesCasework, hasRole } from '../vocabulary/roles.ts'
import { canAllocate, type Reach } from '../access/visibility.ts'

/**
 * A screening: a practitioner or manager who sees the child's whole record (allocated, or by an access
 * grant), or the MASH, whose reach is every child: it screens from its queue (issue 15).
 */
export const mayScreen = (roles: readonly string[], reach: Reach) =>
  reach.level === 'full' && (hasRole(roles, 'practitioner') || hasRole(roles, 'manager') || hasRole(roles, 'mash'))

/** MASH decisions (and allocations by the MASH) are seen by whoever sees the child's risk page: the risk
 * panel, the child's chronology. */
export const mayViewMashDecisions = (reach: Reach) => reach.level !== 'none'
export const mayUseMashQueue = (roles: readonly string[]) => hasRole(roles, 'mash')

/** A MASH decision (strategy discussion, referral, early help, no further action): the MASH alone. */
export const mayRecordMashDecision = (roles: readonly string[]) => hasRole(roles, 'mash')

/** Allocating from the queue: the MASH, which may allocate anyone who does casework (people/allocations.ts). */
export const mayAllocateFromQueue = (roles: readonly string[]) => hasRole(roles, 'mash') && canAllocate(roles)

/** The unanswered list and alerts: those who work with children's records. */
export const mayUseRiskLists = (roles: readonly string[]) => doesCasework(roles)
