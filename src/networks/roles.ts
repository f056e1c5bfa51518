// How much a link says about exploitation, by the role recorded on it. A suspect or the adult a missing
// child was found with says much; a witness or a relative little; a professional nothing (the social
// worker is tied to every child on her caseload).

export type RoleWeights = Readonly<Record<string, number>>

export const DEFAULT_ROLE_WEIGHTS: RoleWeights = {
  suspect: 3,
  found_with: 3,
  found_at: 2,
  associate: 2,
  victim: 1,
  subject: 1,
  witness: 0.5,
  family: 0.5,
  professional: 0,
}

/** Weight of an unknown or absent role: an ordinary link. */
export const UNSPECIFIED_ROLE_WEIGHT = 1

export function roleWeight(role: string | null | undefined, weights: RoleWeights = DEFAULT_ROLE_WEIGHTS): number {
  if (!role) return UNSPECIFIED_ROLE_WEIGHT
  const w = weights[role]
  return w === undefined ? UNSPECIFIED_ROLE_WEIGHT : w
}
