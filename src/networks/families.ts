// Siblings share a parent, a home and a phone: links that are innocent. Children recorded as family of
// each other, or who share a recorded parent or carer, count as one family, so that what ties only
// siblings is not "two otherwise unconnected children". A child's own parent is not an association.
import type { PersonRelationship, Population } from './types.ts'
import { UnionFind } from './union-find.ts'

export const DEFAULT_FAMILY_KINDS: readonly string[] = ['family', 'parent', 'carer', 'lives_with']

export interface Families {
  /** The family a child belongs to (a child id standing for the family). */
  unitOf(childId: string): string
  /** Whether an adult is recorded as family, parent or carer of the child. */
  isFamilyOf(adultId: string, childId: string): boolean
}

/** An adult recorded as a child's family in one of her records (her brother collecting her from school). */
export interface Household {
  adult: string
  child: string
}

/**
 * `household`: adults recorded as family of one child in her own records. They are that child's family
 * (`isFamilyOf`) but do not make children one family: a family friend may be written as "family" of one
 * girl and be an associate of another.
 */
export function families(
  relationships: readonly PersonRelationship[],
  population: Population,
  kinds: readonly string[] = DEFAULT_FAMILY_KINDS,
  household: readonly Household[] = [],
): Families {
  // the smaller id stands for the family, so units are the same whatever the order of records
  const units = new UnionFind()
  const find = (x: string) => units.find(x)
  const union = (a: string, b: string) => units.union(a, b)
  const familyAdults = new Map<string, Set<string>>() // adult -> children
  const pair = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`)
  const adultChild = new Set<string>()
  const isChild = (id: string) => population.children.has(id)
  for (const r of relationships) {
    if (!kinds.includes(r.kind) || r.from === r.to) continue
    const fromChild = isChild(r.from)
    const toChild = isChild(r.to)
    if (fromChild && toChild) union(r.from, r.to)
    else if (fromChild !== toChild) {
      const child = fromChild ? r.from : r.to
      const adult = fromChild ? r.to : r.from
      adultChild.add(pair(adult, child))
      let set = familyAdults.get(adult)
      if (!set) familyAdults.set(adult, (set = new Set()))
      set.add(child)
    }
  }
  for (const children of familyAdults.values()) {
    let first: string | undefined
    for (const c of children) {
      if (first === undefined) first = c
      else union(first, c)
    }
  }
  // an adult is family of the whole family of a child he is family of (the older brother of two sisters)
  const adultUnit = new Set<string>()
  for (const [adult, children] of familyAdults) for (const c of children) adultUnit.add(pair(adult, find(c)))
  for (const h of household) if (isChild(h.child) && !isChild(h.adult)) adultUnit.add(pair(h.adult, find(h.child)))
  return {
    unitOf: (childId) => find(childId),
    isFamilyOf: (adultId, childId) =>
      adultChild.has(pair(adultId, childId)) || adultUnit.has(pair(adultId, find(childId))),
  }
}
