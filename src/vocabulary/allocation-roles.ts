// The roles of a worker's allocation to a child that Threadline's rules read (import format 1.4's
// `allocation.role`): the worker allocated the case, who interviewed the child, who led the
// investigation, the key worker. An agency may send another role: it is kept and counts in caseloads.
export const ALLOCATION_ROLES = ['allocated_worker', 'interviewer', 'investigating_officer', 'key_worker'] as const
export type AllocationRole = (typeof ALLOCATION_ROLES)[number]
