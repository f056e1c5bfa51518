// A bus station, a school or a hospital is tied to very many children who have nothing else in common:
// such a hub says nothing about who targets them. A place or object is a hub when it is tied to many
// children and either to a large share of all children, or to children who are mostly otherwise
// unconnected: no one smaller than it ties most of them together. A person is never a hub.
//
// "Smaller" matters: the school and the bus station share many children and would vouch for each
// other, so members are judged from the least tied up, each only against members no more tied than
// itself and not already found to be hubs (people, who are never set aside by this test, vouch at
// any size).
import { memberOf } from './nodes.ts'
import { mustGet } from '../errors/must.ts'
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
  hubMinChildren: 5,
  hubShare: 0.25,
  hubCoherence: 0.5,
  hubKinds: ['location', 'vehicle', 'phone', 'online'],
}

/** The hubs among candidate members, given each candidate's set of child units. */
export function findHubs(
  unitsOf: ReadonlyMap<string, ReadonlySet<string>>,
  totalUnits: number,
  options: HubOptions = DEFAULT_HUB_OPTIONS,
): Set<string> {
  const hubs = new Set<string>()
  for (const [m, units] of unitsOf) {
    // a man tied to a large share of the children is the worst case, not a bus station
    if (!options.hubKinds.includes(memberOf(m).kind)) continue
    if (units.size >= options.hubMinChildren && units.size > options.hubShare * totalUnits) hubs.add(m)
  }
  const index = membersByUnit(unitsOf)
  const order = [...unitsOf.entries()]
    .filter(
      ([m, units]) =>
        !hubs.has(m) && units.size >= options.hubMinChildren && options.hubKinds.includes(memberOf(m).kind),
    )
    .sort((a, b) => a[1].size - b[1].size || (a[0] < b[0] ? -1 : 1))
  for (const [m, units] of order) {
    const size = units.size
    // union the member's children that someone no more tied than it also ties together
    const parent = new Map<string, string>()
    const find = (x: string): string => {
      for (let up = parent.get(x); up !== undefined && up !== x; up = parent.get(x)) x = up
      return x
    }
    for (const u of units) parent.set(u, u)
    const firstOf = new Map<string, string>()
    for (const u of units) {
      for (const other of index.get(u) ?? []) {
        // people are never hubs here, so they vouch whatever their size without going round in circles
        if (other === m || hubs.has(other)) continue
        if (
          mustGet(unitsOf, other, 'the children of a member').size > size &&
          options.hubKinds.includes(memberOf(other).kind)
        )
          continue
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
export function candidateEdges(
  candidates: ReadonlyMap<string, ReadonlySet<string>>,
  memberTies: ReadonlyMap<string, ReadonlyMap<string, Tie>>,
  strong: number,
): [string, string][] {
  const byUnit = membersByUnit(candidates)
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
 * Objects (of the hub kinds) tied to three or more children, half or more of whom no single group of
 * the other candidates holds: without the object, the others fall into groups, and the one that covers
 * most of its children covers no more than `hubCoherence` of them. Places are judged against the groups
 * the others make without any place: two schools, each with both groups' cars at the gate, would
 * otherwise hold the groups together for each other. An object whose children no one else is tied to
 * stands alone and is kept: it may be all that is known of a group so far.
 */
export function findBridges(
  candidates: ReadonlyMap<string, ReadonlySet<string>>,
  edges: readonly [string, string][],
  options: HubOptions = DEFAULT_HUB_OPTIONS,
): Set<string> {
  const bridges = new Set<string>()
  const byUnit = membersByUnit(candidates)
  const judged = [...candidates.keys()]
    .filter(
      (m) =>
        mustGet(candidates, m, 'the children of a candidate').size >= 3 &&
        options.hubKinds.includes(memberOf(m).kind) &&
        // a handle is no school gate: one that wrote to a group's girls one at a time holds them (0059)
        memberOf(m).kind !== 'online',
    )
    .sort()
  const places = new Set(judged.filter((m) => memberOf(m).kind === 'location'))
  const groupsWithout = (left: (node: string) => boolean) => {
    const groups = new UnionFind()
    for (const [a, b] of edges) if (!left(a) && !left(b)) groups.union(a, b)
    return groups
  }
  const withoutPlaces = groupsWithout((node) => places.has(node))
  for (const m of judged) {
    const without = places.has(m) ? withoutPlaces : groupsWithout((node) => node === m)
    const cover = new Map<string, Set<string>>()
    const units = mustGet(candidates, m, 'the children of a candidate')
    for (const u of units) {
      for (const other of byUnit.get(u) ?? []) {
        if (other === m || (places.has(m) && places.has(other))) continue
        const root = without.find(other)
        let set = cover.get(root)
        if (!set) cover.set(root, (set = new Set()))
        set.add(u)
      }
    }
    if (cover.size === 0) continue
    const best = Math.max(...[...cover.values()].map((set) => set.size))
    if (best <= options.hubCoherence * units.size) bridges.add(m)
  }
  return bridges
}

export interface ContextInput {
  /** Each member's strongly tied children, by family. */
  unitsOf: ReadonlyMap<string, ReadonlySet<string>>
  /** Set aside so far (they tie no one together). */
  hubs: ReadonlySet<string>
  /** Each member's children (by family) tied to it only as having been there, with no role. */
  plain?: ReadonlyMap<string, ReadonlySet<string>>
  /** Members already judged and kept. */
  settled?: ReadonlySet<string>
}

/**
 * Places and objects in the networks that are the children's context rather than a group's: a school,
 * a shop, a small club. Judged on what surrounds each one in its network:
 * - in a network with others, one half or more of whose three or more children are tied to no other
 *   member of that network: the school with a few pupils recorded, one of whom was seen getting into
 *   a group's car at its gate. A group's flat, car or phone is tied to the children the rest of the
 *   group is tied to; at two children it may be all that ties them so far, and is kept;
 * - standing alone, one tied to three or more children whom no one else ties together and no other
 *   network holds (the pupils of a small school). Two children are kept: a lone phone may be all that
 *   is known of a group so far, and one tied to a network's children may be that network's;
 * - a place standing alone where a child of a network of people was recorded, not found: the school
 *   she goes to with a few other pupils recorded, not a second group.
 * People and online identities are never judged here (a man tied to many unrelated children is never
 * set aside; nor is a handle that wrote to several of a group's girls one at a time).
 */
export function findContexts(
  networks: Iterable<ReadonlySet<string>>,
  input: ContextInput,
  options: HubOptions = DEFAULT_HUB_OPTIONS,
): Set<string> {
  const { unitsOf } = input
  const settled = input.settled ?? new Set<string>()
  const contexts = new Set<string>()
  // an online identity is no one's everyday context (decision 0059): a handle that wrote to a group's
  // girls one at a time ties each to no other member, as a school does, and is the group all the same
  const judged = (m: string) =>
    options.hubKinds.includes(memberOf(m).kind) && memberOf(m).kind !== 'online' && !settled.has(m)
  const all = [...networks]
  // which network (by index) holds each unit
  const holders = new Map<string, Set<number>>()
  all.forEach((members, i) => {
    for (const m of members) {
      for (const u of unitsOf.get(m) ?? []) {
        let set = holders.get(u)
        if (!set) holders.set(u, (set = new Set()))
        set.add(i)
      }
    }
  })
  const heldBy = (u: string) => mustGet(holders, u, 'the networks holding a child')
  const withPeople = all.map((members) => [...members].some((m) => m.startsWith('person:')))
  all.forEach((members, i) => {
    if (members.size === 1) {
      const [m] = members
      const units = unitsOf.get(m)
      if (!units || !judged(m)) return
      // a place where a child of a network of people was merely recorded (her school), not found
      if (
        memberOf(m).kind === 'location' &&
        [...units].some((u) => input.plain?.get(m)?.has(u) && [...heldBy(u)].some((j) => j !== i && withPeople[j]))
      )
        contexts.add(m)
      // none of its children is another network's, and no one else ties two of them (or it would be joined)
      if (units.size >= 3 && [...units].every((u) => heldBy(u).size === 1)) contexts.add(m)
      return
    }
    // how many members tie each unit, so that "tied to another member" is a count above its own
    const count = new Map<string, number>()
    for (const m of members) for (const u of unitsOf.get(m) ?? []) count.set(u, (count.get(u) ?? 0) + 1)
    for (const m of members) {
      const units = unitsOf.get(m)
      if (!units || units.size < 3 || !judged(m)) continue
      let inside = 0
      let plainAlone = false
      for (const u of units) {
        if (mustGet(count, u, 'how many members tie a child') > 1) inside++
        else if (input.plain?.get(m)?.has(u)) plainAlone = true
      }
      if (units.size - inside >= (1 - options.hubCoherence) * units.size) contexts.add(m)
      else if (plainAlone && memberOf(m).kind === 'location') contexts.add(m)
    }
  })
  return contexts
}

/** For each child (unit), the members tied to it: the inverse of member → units. */
function membersByUnit(unitsOf: ReadonlyMap<string, ReadonlySet<string>>): Map<string, string[]> {
  const byUnit = new Map<string, string[]>()
  for (const [member, units] of unitsOf) {
    for (const u of units) {
      let list = byUnit.get(u)
      if (!list) byUnit.set(u, (list = []))
      list.push(member)
    }
  }
  return byUnit
}
