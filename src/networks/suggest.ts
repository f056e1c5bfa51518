// Suggested networks (`threadline networks`): groups of adults and objects around several children.
// Every network is a suggestion for an analyst; the code never decides that anyone belongs to a group.
//
// How: members (adults, vehicles, phones, online identities, places) with strong ties to two or more
// unrelated children are the candidates; hubs among them are set aside; candidates sharing two children,
// or recorded together in one event, are joined; the components are the networks. Members tied to fewer
// children join the network of a candidate they were recorded with (his car, his phone).
import { formatLondon } from '../config/clock.ts'
import { prepare, type AnalysisOptions } from './context.ts'
import { DEFAULT_HUB_OPTIONS, findHubs, type HubOptions } from './hubs.ts'
import { compareMembers, memberOf } from './nodes.ts'
import { networkId } from './stable-id.ts'
import type { Tie } from './ties.ts'
import type { LinkFact, Network } from './types.ts'

export interface SuggestOptions extends AnalysisOptions, Partial<HubOptions> {
  /** A network needs members tied to at least this many unrelated children. Default 2. */
  minChildren?: number
  /** Ties weaker than this (by role weight) do not make an association. Default 1 (witness, family: no). */
  strongWeight?: number
}

class UnionFind {
  private parent = new Map<string, string>()
  find(x: string): string {
    let root = x
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!
    let cur = x
    while (cur !== root) {
      const next = this.parent.get(cur)!
      this.parent.set(cur, root)
      cur = next
    }
    return root
  }
  union(a: string, b: string): void {
    const ra = this.find(a)
    const rb = this.find(b)
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb)
  }
}

export function suggestNetworks(facts: readonly LinkFact[], options: SuggestOptions): Network[] {
  const minChildren = options.minChildren ?? 2
  const strong = options.strongWeight ?? 1
  const hubOptions: HubOptions = {
    hubMinChildren: options.hubMinChildren ?? DEFAULT_HUB_OPTIONS.hubMinChildren,
    hubKinds: options.hubKinds ?? DEFAULT_HUB_OPTIONS.hubKinds,
    hubShare: options.hubShare ?? DEFAULT_HUB_OPTIONS.hubShare,
    hubCoherence: options.hubCoherence ?? DEFAULT_HUB_OPTIONS.hubCoherence,
  }
  const { families, ties } = prepare(facts, options)

  // each member's strongly tied children, counted by family
  const unitsOf = new Map<string, Set<string>>()
  const allUnits = new Set<string>()
  for (const [node, children] of ties.childTies) {
    const units = new Set<string>()
    for (const [child, tie] of children) {
      allUnits.add(families.unitOf(child))
      if (tie.weight >= strong) units.add(families.unitOf(child))
    }
    unitsOf.set(node, units)
  }
  const candidates = new Map<string, Set<string>>()
  for (const [node, units] of unitsOf) if (units.size >= minChildren) candidates.set(node, units)
  const hubs = findHubs(candidates, allUnits.size, hubOptions)
  for (const h of hubs) candidates.delete(h)

  // join candidates that share two children or were recorded together
  const joined = new UnionFind()
  const byUnit = new Map<string, string[]>()
  for (const [node, units] of candidates) {
    joined.find(node)
    for (const u of units) {
      let list = byUnit.get(u)
      if (!list) byUnit.set(u, (list = []))
      list.push(node)
    }
  }
  const shared = new Map<string, number>()
  for (const list of byUnit.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const key = list[i] < list[j] ? `${list[i]}\u0000${list[j]}` : `${list[j]}\u0000${list[i]}`
        const n = (shared.get(key) ?? 0) + 1
        shared.set(key, n)
        if (n === 2) joined.union(list[i], list[j])
      }
    }
  }
  for (const node of candidates.keys()) {
    for (const [other, tie] of ties.memberTies.get(node) ?? []) {
      if (tie.weight >= strong && candidates.has(other)) joined.union(node, other)
    }
  }

  const groups = new Map<string, Set<string>>()
  for (const node of candidates.keys()) {
    const root = joined.find(node)
    let g = groups.get(root)
    if (!g) groups.set(root, (g = new Set()))
    g.add(node)
  }

  // members tied to fewer children join the network of a member they were recorded with (his car, the
  // phone found in that car), step by step outwards, each to the network it is most tied to
  const networkOf = new Map<string, string>()
  for (const node of candidates.keys()) networkOf.set(node, joined.find(node))
  let frontier = [...candidates.keys()]
  while (frontier.length > 0) {
    const reached = new Set<string>()
    for (const node of frontier) {
      for (const [other, tie] of ties.memberTies.get(node) ?? []) {
        if (tie.weight >= strong && !networkOf.has(other) && !hubs.has(other)) reached.add(other)
      }
    }
    const next: [string, string][] = []
    for (const node of [...reached].sort()) {
      const weightTo = new Map<string, number>()
      for (const [other, tie] of ties.memberTies.get(node) ?? []) {
        const root = networkOf.get(other)
        if (tie.weight < strong || root === undefined) continue
        weightTo.set(root, (weightTo.get(root) ?? 0) + tie.weight * tie.eventRefs.size)
      }
      let best: string | undefined
      for (const [root, w] of weightTo) {
        const bw = best === undefined ? -1 : weightTo.get(best)!
        if (w > bw || (w === bw && root < best!)) best = root
      }
      if (best === undefined) continue
      groups.get(best)!.add(node)
      next.push([node, best])
    }
    // assigned after the step, so that the order within a step does not matter
    for (const [node, root] of next) networkOf.set(node, root)
    frontier = next.map(([node]) => node)
  }

  const networks: Network[] = []
  for (const members of groups.values()) {
    const children = new Set<string>()
    const units = new Set<string>()
    const supporting: Tie[] = []
    for (const m of members) {
      for (const [child, tie] of ties.childTies.get(m) ?? []) {
        if (tie.weight < strong) continue
        children.add(child)
        units.add(families.unitOf(child))
        supporting.push(tie)
      }
      for (const [other, tie] of ties.memberTies.get(m) ?? []) {
        if (tie.weight >= strong && members.has(other) && m < other) supporting.push(tie)
      }
    }
    if (units.size < minChildren) continue
    const agencies = new Set<string>()
    const events = new Set<string>()
    let first = Infinity
    let last = -Infinity
    for (const tie of supporting) {
      for (const a of tie.agencies) agencies.add(a)
      for (const e of tie.eventRefs) events.add(e)
      first = Math.min(first, tie.firstRecorded)
      last = Math.max(last, tie.lastRecorded)
    }
    networks.push({
      id: networkId(members),
      status: 'suggested',
      children: [...children].sort(),
      members: [...members].map(memberOf).sort(compareMembers),
      agencies: [...agencies].sort(),
      first_seen: formatLondon(new Date(first))!,
      last_seen: formatLondon(new Date(last))!,
      eventRefs: [...events].sort(),
    })
  }
  // most children first, then the most agencies contributing (the lead may re-rank by risk)
  return networks.sort((a, b) => b.children.length - a.children.length || b.agencies.length - a.agencies.length
    || (a.id < b.id ? -1 : 1))
}
