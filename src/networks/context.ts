// The common preparation of every as-of answer: what had been recorded by then, who is family of whom,
// and the ties that follow.
import { recordedBy } from './as-of.ts'
import { DEFAULT_FAMILY_KINDS, families, type Families } from './families.ts'
import type { RoleWeights } from './roles.ts'
import { deriveTies, type Ties } from './ties.ts'
import type { Instant, LinkFact, PersonRelationship, Population } from './types.ts'

export interface AnalysisOptions {
  /** End of the as-of day (or now): only links and relationships recorded by then count. */
  asOf?: Instant
  population: Population
  relationships?: readonly PersonRelationship[]
  /** Relationship kinds that make children one family (so not "otherwise unconnected"). [] to ignore. */
  familyKinds?: readonly string[]
  roleWeights?: RoleWeights
}

export interface Context {
  families: Families
  ties: Ties
}

export function prepare(facts: readonly LinkFact[], options: AnalysisOptions): Context {
  const known = recordedBy(facts, options.asOf)
  const relationships = recordedBy(options.relationships ?? [], options.asOf)
  const fam = families(relationships, options.population, options.familyKinds ?? DEFAULT_FAMILY_KINDS)
  const ties = deriveTies(known, options.population, { roleWeights: options.roleWeights, families: fam })
  return { families: fam, ties }
}
