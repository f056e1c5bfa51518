// The common preparation of every as-of answer: what had been recorded by then, who is family of whom,
// and the ties that follow.
import { recordedBy } from './as-of.ts'
import { DEFAULT_FAMILY_KINDS, families, type Families, type Household } from './families.ts'
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
  const kin = options.familyKinds ?? DEFAULT_FAMILY_KINDS
  const kinFromEvents = kin.includes('family') ? familyFromInvolvements(known, options.population) : []
  const household = kin.includes('family') ? householdFromInvolvements(known, options.population) : []
  const fam = families([...relationships, ...kinFromEvents], options.population, kin, household)
  const all = [...known, ...relationshipLinks(relationships, kin)]
  const ties = deriveTies(all, options.population, { roleWeights: options.roleWeights, families: fam })
  return { families: fam, ties }
}

/**
 * A recorded relationship other than kinship is a link like an involvement: a child's "boyfriend" of 24
 * (claimed_partner), an associate. It is its own event, with the relationship's kind as the role.
 */
export function relationshipLinks(
  relationships: readonly PersonRelationship[],
  kinKinds: readonly string[],
): LinkFact[] {
  const links: LinkFact[] = []
  for (const r of relationships) {
    if (kinKinds.includes(r.kind) || r.from === r.to) continue
    links.push({
      personEntityId: r.from,
      memberKind: 'person',
      memberKey: r.to,
      agency: r.agency ?? 'unknown',
      eventRef: r.ref ?? `relationship:${r.from}:${r.to}:${r.kind}`,
      role: r.kind,
      reliability: r.reliability ?? null,
      occurredAt: r.since ?? r.recordedAt,
      recordedAt: r.recordedAt,
    })
  }
  return links
}

/**
 * Kinship that agencies record only in events: a parent involved as "family" in her children's records
 * (at home, with her phone). Children with such an adult in common are one family, as if a relationship
 * said so, so that their home and her phone are not "shared by two unconnected children". Only an adult
 * recorded with children as family and never in any other role counts: a family friend named as family
 * of one child and as an associate of another does not join their families.
 */
export function familyFromInvolvements(facts: readonly LinkFact[], population: Population): PersonRelationship[] {
  const asFamily = new Map<string, Map<string, LinkFact>>() // adult -> child -> first such fact
  const otherwise = new Set<string>()
  for (const f of facts) {
    const pair = adultAndChild(f, population)
    if (!pair) continue
    const [adult, child] = pair
    if (f.role !== 'family') {
      otherwise.add(adult)
      continue
    }
    let children = asFamily.get(adult)
    if (!children) asFamily.set(adult, (children = new Map()))
    if (!children.has(child)) children.set(child, f)
  }
  const kin: PersonRelationship[] = []
  for (const [adult, children] of asFamily) {
    if (otherwise.has(adult)) continue
    for (const [child, f] of children) {
      kin.push({ from: child, to: adult, kind: 'family', recordedAt: f.recordedAt, agency: f.agency, ref: f.eventRef })
    }
  }
  return kin
}

/**
 * Every adult recorded as family of a child in a record that ties the two (collected from school by her
 * older brother): he is her family, whatever he is to other children. Unlike `familyFromInvolvements`
 * this joins no families: it says only that what ties him to her is kinship, not association. An adult
 * counts towards a network for what he did with children outside his family.
 */
export function householdFromInvolvements(facts: readonly LinkFact[], population: Population): Household[] {
  const seen = new Set<string>()
  const household: Household[] = []
  for (const f of facts) {
    const pair = f.role === 'family' ? adultAndChild(f, population) : null
    if (!pair) continue
    const [adult, child] = pair
    const key = `${adult}\u0000${child}`
    if (seen.has(key)) continue
    seen.add(key)
    household.push({ adult, child })
  }
  return household
}

/** The adult and the child a person link ties (one of each), or null for any other link. */
function adultAndChild(f: LinkFact, population: Population): [adult: string, child: string] | null {
  if (f.memberKind !== 'person') return null
  const subjectChild = population.children.has(f.personEntityId)
  if (subjectChild === population.children.has(f.memberKey)) return null
  return subjectChild ? [f.memberKey, f.personEntityId] : [f.personEntityId, f.memberKey]
}
