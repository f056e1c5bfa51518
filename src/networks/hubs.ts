// A bus station, a school or a hospital is tied to very many children who have nothing else in common:
// such a hub says nothing about who targets them. A member is a hub when it is tied to many children
// and either to a large share of all children, or (a place or object) to children who are mostly
// otherwise unconnected: no one smaller than it ties most of them together.
//
// "Smaller" matters: the school and the bus station share many children and would vouch for each
// other, so members are judged from the least tied up, each only against members no more tied than
// itself and not already found to be hubs (people, who are never set aside by this test, vouch at
// any size).
import { memberOf } from './nodes.ts'
import type { Tie } from './ties.ts'
import { UnionFind } from './union-find.ts'
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
        // people are never hubs here, so they vouch whatever their size without going round in circles
        if (other === m || hubs.has(other)) continue
        if (unitsOf.get(other)!.size > size && options.hubKinds.includes(memberOf(other).kind)) continue
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

/** Pairs of candidates that share two children or were recorded together in an event. */
export function candidateEdges(candidates: ReadonlyMap<string, ReadonlySet<string>>,
  memberTies: ReadonlyMap<string, ReadonlyMap<string, Tie>>, strong: number): [string, string][] {
  const byUnit = new Map<string, string[]>()
  for (const [node, units] of candidates) {
    for (const u of units) {
      let list = byUnit.get(u)
      if (!list) byUnit.set(u, (list = []))
      list.push(node)
    }
  }
  const shared = new Map<string, number>()
  const edges: [string, string][] = []
  const seen = new Set<string>()
  const add = (a: string, b: string) => {
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`
    if (seen.has(key)) return
    seen.add(key)
    edges.push(a < b ? [a, b] : [b, a])
  }
  for (const list of byUnit.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const key = list[i] < list[j] ? `${list[i]}\u0000${list[j]}` : `${list[j]}\u0000${list[i]}`
        const n = (shared.get(key) ?? 0) + 1
        shared.set(key, n)
        if (n === 2) add(list[i], list[j])
      }
    }
  }
  for (const node of candidates.keys()) {
    for (const [other, tie] of memberTies.get(node) ?? []) {
      if (tie.weight >= strong && candidates.has(other)) add(node, other)
    }
  }
  return edges.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0))
}

/**
 * Objects (of the hub kinds) tied to three or more children, most of whom no single group of the
 * other candidates holds: without the object, the others fall into groups, and the one that covers
 * most of its children covers less than `hubCoherence` of them. An object whose children no one else
 * is tied to stands alone and is kept: it may be all that is known of a group so far.
 */
export function findBridges(candidates: ReadonlyMap<string, ReadonlySet<string>>, edges: readonly [string, string][],
  options: HubOptions = DEFAULT_HUB_OPTIONS): Set<string> {
  const bridges = new Set<string>()
  const byUnit = new Map<string, string[]>()
  for (const [node, units] of candidates) {
    for (const u of units) {
      let list = byUnit.get(u)
      if (!list) byUnit.set(u, (list = []))
      list.push(node)
    }
  }
  const judged = [...candidates.keys()].filter((m) => candidates.get(m)!.size >= 3
    && options.hubKinds.includes(memberOf(m).kind)).sort()
  for (const m of judged) {
    const without = new UnionFind()
    for (const [a, b] of edges) if (a !== m && b !== m) without.union(a, b)
    const cover = new Map<string, Set<string>>()
    for (const u of candidates.get(m)!) {
      for (const other of byUnit.get(u) ?? []) {
        if (other === m) continue
        const root = without.find(other)
        let set = cover.get(root)
        if (!set) cover.set(root, (set = new Set()))
        set.add(u)
      }
    }
    if (cover.size === 0) continue
    const best = Math.max(...[...cover.values()].map((set) => set.size))
    if (best < options.hubCoherence * candidates.get(m)!.size) bridges.add(m)
  }
  return bridges
}
