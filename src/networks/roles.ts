// How much a link says about exploitation, by the role recorded on it. A suspect or the adult a missing
// child was found with says much; a witness or a relative little; a professional nothing (the social
// worker is tied to every child on her caseload).

export type RoleWeights = Readonly<Record<string, number>>

export const DEFAULT_ROLE_WEIGHTS: RoleWeights = {
  suspect: 3,
  // relationships recorded between a child and an adult: "he is my boyfriend" of a man is grooming
  claimed_partner: 3,
  peer: 1,
  // found with an adult: as telling as a suspect when he has a car or a flat, but a child is also found
  // at a family friend's, so alone it counts a little less (an adult alone needs 3, see suggest.ts)
  found_with: 2.5,
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
