// A bus station, a school or a hospital is tied to very many children who have nothing else in common:
// such a hub says nothing about who targets them. A member is a hub when it is tied to many children
// and either to a large share of all children, or (a place or object) to children who are mostly
// otherwise unconnected: no one smaller than it ties most of them together.
//
// "Smaller" matters: the school and the bus station share many children and would vouch for each
// other, so members are judged from the least tied up, each only against members no more tied than
// itself and not already found to be hubs.
import { memberOf } from './nodes.ts'
import type { MemberKind } from './types.ts'

export interface HubOptions {
  /** Below this many children a member is never a hub (a small group is not a bus station). */
  hubMinChildren: number
  /** A member tied to more than this share of all children is a hub. */
  hubShare: number
  /** A member whose largest set of otherwise connected children is below this share is a hub. */
  hubCoherence: number
  /** Kinds judged by coherence; a man tied to many unrelated children is never set aside. */
  hubKinds: readonly MemberKind[]
}

export const DEFAULT_HUB_OPTIONS: HubOptions = {
  hubMinChildren: 5, hubShare: 0.25, hubCoherence: 0.5, hubKinds: ['location', 'vehicle', 'phone', 'online'],
}

/** The hubs among candidate members, given each candidate's set of child units. */
export function findHubs(unitsOf: ReadonlyMap<string, ReadonlySet<string>>, totalUnits: number,
  options: HubOptions = DEFAULT_HUB_OPTIONS): Set<string> {
  const hubs = new Set<string>()
  for (const [m, units] of unitsOf) {
    if (units.size >= options.hubMinChildren && units.size > options.hubShare * totalUnits) hubs.add(m)
  }
  const index = new Map<string, string[]>()
  for (const [m, units] of unitsOf) {
    for (const u of units) {
      let list = index.get(u)
      if (!list) index.set(u, (list = []))
      list.push(m)
    }
  }
  const order = [...unitsOf.entries()]
    .filter(([m, units]) => !hubs.has(m) && units.size >= options.hubMinChildren
      && options.hubKinds.includes(memberOf(m).kind))
    .sort((a, b) => a[1].size - b[1].size || (a[0] < b[0] ? -1 : 1))
  for (const [m, units] of order) {
    const size = units.size
    // union the member's children that someone no more tied than it also ties together
    const parent = new Map<string, string>()
    const find = (x: string): string => {
      while (parent.get(x) !== x) x = parent.get(x)!
      return x
    }
    for (const u of units) parent.set(u, u)
    const firstOf = new Map<string, string>()
    for (const u of units) {
      for (const other of index.get(u) ?? []) {
        if (other === m || hubs.has(other) || unitsOf.get(other)!.size > size) continue
        const first = firstOf.get(other)
        if (first === undefined) firstOf.set(other, u)
        else parent.set(find(u), find(first))
      }
    }
    const sizes = new Map<string, number>()
    let largest = 0
    for (const u of units) {
      const r = find(u)
      const n = (sizes.get(r) ?? 0) + 1
      sizes.set(r, n)
      if (n > largest) largest = n
    }
    if (largest < options.hubCoherence * size) hubs.add(m)
  }
  return hubs
}
