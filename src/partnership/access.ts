// Who may open the partnership's figures, and who sees them exact (pure). The partnership role sees
// figures only, never a child's record, and always with small numbers hidden; so does anyone who does
// no casework (an administrator). Managers see them exact, and can ask for the board's view.
import { doesCasework, type Role, hasRole } from '../vocabulary/roles.ts'

export const FIGURE_ROLES: Role[] = ['partnership', 'manager', 'admin']

export const mayViewFigures = (roles: readonly string[]) => FIGURE_ROLES.some((r) => roles.includes(r))

export const alwaysSuppressed = (roles: readonly string[]) =>
  hasRole(roles, 'partnership') || !hasRole(roles, 'manager') || !doesCasework(roles)
