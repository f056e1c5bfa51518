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
  const kin = options.familyKinds ?? DEFAULT_FAMILY_KINDS
  const all = [...known, ...relationshipLinks(relationships, kin)]
  const ties = deriveTies(all, options.population, { roleWeights: options.roleWeights, families: fam })
  return { families: fam, ties }
}

/**
 * A recorded relationship other than kinship is a link like an involvement: a child's "boyfriend" of 24
 * (claimed_partner), an associate. It is its own event, with the relationship's kind as the role.
 */
export function relationshipLinks(relationships: readonly PersonRelationship[], kinKinds: readonly string[]): LinkFact[] {
  const links: LinkFact[] = []
  for (const r of relationships) {
    if (kinKinds.includes(r.kind) || r.from === r.to) continue
    links.push({
      personEntityId: r.from, memberKind: 'person', memberKey: r.to, agency: r.agency ?? 'unknown',
      eventRef: r.ref ?? `relationship:${r.from}:${r.to}:${r.kind}`, role: r.kind, reliability: r.reliability ?? null,
      occurredAt: r.since ?? r.recordedAt, recordedAt: r.recordedAt,
    })
  }
  return links
}
