// The roles a user can hold. A user may hold several (a manager who is also a practitioner).
export const ROLES = ['practitioner', 'manager', 'mash', 'partnership', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  practitioner: 'Practitioner',
  manager: 'Manager',
  mash: 'Multi-agency safeguarding hub (MASH)',
  partnership: 'Safeguarding partnership (figures only)',
  admin: 'Administrator (users and agencies)',
}

/** Roles that work with children's records at all. `partnership` and `admin` alone do not. */
export const CASEWORK_ROLES: readonly Role[] = ['practitioner', 'manager', 'mash']

/** Whether a word is one of the roles (for what a person typed or a provider's claim sent). */
export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value)

export const hasRole = (roles: readonly string[], role: Role) => roles.includes(role)
export const doesCasework = (roles: readonly string[]) => CASEWORK_ROLES.some((r) => roles.includes(r))
