// Suggested networks (`threadline networks`): groups of adults and objects around several children.
// Every network is a suggestion for an analyst; the code never decides that anyone belongs to a group.
//
// How: members (adults, vehicles, phones, online identities, places) with strong ties to two or more
// unrelated children are the candidates; hubs among them are set aside; candidates sharing two children,
// or recorded together in one event, are joined; the components are the networks. Members tied to fewer
// children join the network of a candidate they were recorded with (his car, his phone), or of the child
// they are the named suspect of. Places and objects that are the children's context (a school) rather
// than a group's are set aside and the networks assembled again; small networks at the edge of a larger
// one join it (absorb.ts). README.md lists the steps and what they cannot tell apart.
import { formatLondon } from '../config/clock.ts'
import { prepare, type AnalysisOptions } from './context.ts'
import { candidateEdges, DEFAULT_HUB_OPTIONS, findBridges, findContexts, findHubs, type HubOptions } from './hubs.ts'
import { absorbSmallNetworks } from './absorb.ts'
import { joinChains } from './chain.ts'
import { ordinaryContext, ordinaryEvents } from './concern.ts'
import { compareMembers, memberOf, millis } from './nodes.ts'
import { roleWeight, UNSPECIFIED_ROLE_WEIGHT } from './roles.ts'
import { networkId } from './stable-id.ts'
import { UnionFind } from './union-find.ts'
import type { Tie, Ties } from './ties.ts'
import type { Families } from './families.ts'
import { must, mustGet } from '../errors/must.ts'
import type { LinkFact, Network } from './types.ts'

export interface SuggestOptions extends AnalysisOptions, Partial<HubOptions> {
  /** A network needs members tied to at least this many unrelated children. Default 2. */
  minChildren?: number
  /** Ties weaker than this (by role weight) do not make an association. Default 1 (witness, family: no). */
  strongWeight?: number
  /**
   * An adult recorded with no car, phone, place or other adult is suggested only once named with this
   * weight (a suspect, a claimed partner) for one child and as at least an associate of the others. A
   * family friend who took two children to hospital (associate) or had them stay over (found with) is not.
   */
  suspectWeight?: number
  /**
   * Such an adult is suggested all the same for this many days from the moment he was first tied to two
   * unconnected children (default 30): that moment is the earliest anyone could have seen a group that
   * began with one man, and it looks exactly like a family friend then. Unless something corroborates him
   * by the end (his car, a second man, a suspect naming) or an analyst confirmed him, he leaves the
   * suggestions and stays in the shared associations. 0 turns this off.
   */
  provisionalDays?: number
  /** Locations named as schools, hospitals, stations (public-places.ts): never a network's member. */
  publicPlaces?: ReadonlySet<string>
  /** Member nodes ('person:12') of networks an analyst confirmed: kept whatever the rules above say. */
  confirmed?: ReadonlySet<string>
}

/** What every step of suggesting reads: the options as given, the ties, and the hubs set aside so far. */
interface Suggesting {
  options: SuggestOptions
  minChildren: number
  strong: number
  suspectWeight: number
  foundWith: number
  hubOptions: HubOptions
  families: Families
  ties: Ties
  /** each member's strongly tied children, counted by family */
  unitsOf: Map<string, Set<string>>
  /** the members tied to enough families to be in a network */
  prelim: Map<string, Set<string>>
  hubs: Set<string>
  /** the adults suggested only for a while, and until when (ms): found again by each assembly */
  provisional: Map<string, number>
  /** the moment the question is asked (ms) */
  at: number
  provisionalMs: number
}

export function suggestNetworks(facts: readonly LinkFact[], options: SuggestOptions): Network[] {
  const s = suggesting(facts, options)
  // each member's children (by family) that it is tied to only as having been there, with no role
  const plain = plainUnits(s)
  // a place or object that is the children's context rather than a group's (a school with a few pupils
  // recorded, one of them seen getting into a group's car at its gate) is set aside like a hub, and the
  // networks are assembled again without it, until none is left. A member once kept is not judged
  // again: its children were shared with the others (a car seen at the school gate with the group's
  // children) even if what it shared them through was the school
  let groups = assemble(s)
  const settled = new Set<string>()
  for (;;) {
    const contexts = findContexts(groups.values(), { unitsOf: s.unitsOf, hubs: s.hubs, settled, plain }, s.hubOptions)
    for (const members of groups.values()) for (const m of members) if (!contexts.has(m)) settled.add(m)
    if (contexts.size === 0) break
    for (const c of contexts) s.hubs.add(c)
    groups = assemble(s)
  }
  // a taxi firm, a coach and his phone, a youth club: tied to many families by records that show no
  // concern (concern.ts); set aside unless an analyst confirmed one of its members
  const ordinary = ordinaryEvents(facts)
  const kept = [...groups.values()].filter(
    (members) =>
      [...members].some((m) => s.options.confirmed?.has(m)) ||
      !ordinaryContext(
        [...members].map((m) => s.ties.childTies.get(m) ?? new Map()),
        (child) => s.families.unitOf(child),
        s.strong,
        ordinary,
      ),
  )
  const networks = kept.flatMap((members) => suggestedNetwork(s, members) ?? [])
  // most children first, then the most agencies contributing (the lead may re-rank by risk)
  return networks.sort(
    (a, b) => b.children.length - a.children.length || b.agencies.length - a.agencies.length || (a.id < b.id ? -1 : 1),
  )
}

/** The options with their defaults, the ties, each member's children by family, and the hubs. */
function suggesting(facts: readonly LinkFact[], options: SuggestOptions): Suggesting {
  const minChildren = options.minChildren ?? 2
  const strong = options.strongWeight ?? 1
  const hubOptions: HubOptions = {
    hubMinChildren: options.hubMinChildren ?? DEFAULT_HUB_OPTIONS.hubMinChildren,
    hubKinds: options.hubKinds ?? DEFAULT_HUB_OPTIONS.hubKinds,
    hubShare: options.hubShare ?? DEFAULT_HUB_OPTIONS.hubShare,
    hubCoherence: options.hubCoherence ?? DEFAULT_HUB_OPTIONS.hubCoherence,
  }
  const { families, ties } = prepare(facts, options)
  const { unitsOf, allUnits } = unitsOfMembers(families, ties, options, strong)
  const prelim = new Map<string, Set<string>>()
  for (const [node, units] of unitsOf) if (units.size >= minChildren) prelim.set(node, units)
  const hubs = findHubs(prelim, allUnits.size, hubOptions)
  for (const place of options.publicPlaces ?? []) hubs.add(place)
  return {
    options,
    minChildren,
    strong,
    // an adult with no car, phone, place or other adult recorded with him stands on his own only when
    // named as a suspect: a family friend is tied to children of several families too
    suspectWeight: options.suspectWeight ?? 3,
    foundWith: roleWeight('found_with', options.roleWeights),
    hubOptions,
    families,
    ties,
    unitsOf,
    prelim,
    hubs,
    provisional: new Map(),
    at: options.asOf !== undefined ? millis(options.asOf) : latestRecorded(facts),
    // when an adult is tied to two unconnected children and nothing else, he is suggested until then
    provisionalMs: (options.provisionalDays ?? DEFAULT_PROVISIONAL_DAYS) * 86_400_000,
  }
}

/**
 * Each member's strongly tied children, counted by family; and every family of the area's children,
 * tied to anything or not: the share that makes a bus station a hub is of all children, not of those
 * with a tie (kinship known from events leaves many with none).
 */
function unitsOfMembers(families: Families, ties: Ties, options: SuggestOptions, strong: number) {
  const unitsOf = new Map<string, Set<string>>()
  const allUnits = new Set<string>()
  for (const child of options.population.children) allUnits.add(families.unitOf(child))
  for (const [node, children] of ties.childTies) {
    const units = new Set<string>()
    for (const [child, tie] of children) {
      allUnits.add(families.unitOf(child))
      if (tie.weight >= strong) units.add(families.unitOf(child))
    }
    unitsOf.set(node, units)
  }
  return { unitsOf, allUnits }
}

const childTiesOf = (s: Suggesting, node: string) => mustGet(s.ties.childTies, node, "a member's ties to children")

/** Named as a suspect (or claimed partner) of one child, and tied as at least an associate to others. */
function namedSuspect(s: Suggesting, node: string): boolean {
  const firm = new Set<string>()
  let suspect = false
  for (const [child, tie] of childTiesOf(s, node)) {
    if (tie.weight >= s.suspectWeight) suspect = true
    if (tie.weight >= roleWeight('associate', s.options.roleWeights)) firm.add(s.families.unitOf(child))
  }
  return suspect && firm.size >= s.minChildren
}

/** Until when an adult tied to unconnected children and nothing else is suggested (null: no longer). */
function provisionalUntil(s: Suggesting, node: string): number | null {
  if (s.provisionalMs <= 0) return null
  const firstByUnit = new Map<string, number>()
  for (const [child, tie] of childTiesOf(s, node)) {
    if (tie.weight < s.strong) continue
    const unit = s.families.unitOf(child)
    firstByUnit.set(unit, Math.min(firstByUnit.get(unit) ?? Infinity, tie.firstRecorded))
  }
  const firsts = [...firstByUnit.values()].sort((a, b) => a - b)
  if (firsts.length < s.minChildren) return null
  const until = firsts[s.minChildren - 1] + s.provisionalMs
  return s.at <= until ? until : null
}

/** Recorded with a car, phone, place or other adult that is not a hub. */
const accompanied = (s: Suggesting, node: string) =>
  [...(s.ties.memberTies.get(node) ?? [])].some(([other, tie]) => tie.weight >= s.strong && !s.hubs.has(other))

/** The members that may be in a network now the hubs found so far are set aside (the provisional ones noted). */
function candidatesOf(s: Suggesting): Map<string, Set<string>> {
  s.provisional.clear()
  const candidates = new Map<string, Set<string>>()
  for (const [node, units] of s.prelim) {
    if (s.hubs.has(node)) continue
    if (
      node.startsWith('person:') &&
      !accompanied(s, node) &&
      !namedSuspect(s, node) &&
      !s.options.confirmed?.has(node)
    ) {
      const until = provisionalUntil(s, node)
      if (until === null) continue
      s.provisional.set(node, until)
    }
    candidates.set(node, units)
  }
  return candidates
}

/** Candidates that share two children or were recorded together, joined: each group by its root. */
function joinCandidates(s: Suggesting, candidates: Map<string, Set<string>>) {
  const edges = candidateEdges(candidates, s.ties.memberTies, s.strong)
  // an object whose children fall mostly outside any one group of the others (the school whose gates
  // two groups' cars wait at, with other pupils too) bridges groups rather than belonging to one
  for (const bridge of findBridges(candidates, edges, s.hubOptions)) {
    s.hubs.add(bridge)
    candidates.delete(bridge)
  }
  const joined = new UnionFind()
  for (const node of candidates.keys()) joined.find(node)
  for (const [a, b] of edges) if (candidates.has(a) && candidates.has(b)) joined.union(a, b)
  const groups = new Map<string, Set<string>>()
  const networkOf = new Map<string, string>()
  for (const node of candidates.keys()) {
    const root = joined.find(node)
    let g = groups.get(root)
    if (!g) groups.set(root, (g = new Set()))
    g.add(node)
    networkOf.set(node, root)
  }
  return { groups, networkOf }
}

/**
 * A man named as a suspect (or claimed partner) of a child of one network, or who she was found with
 * and who has a car, phone, place or companion on record, is around that network too though tied to
 * no other child, and brings what was recorded with him (his car, the flat she was found at).
 */
function addSuspects(
  s: Suggesting,
  candidates: ReadonlyMap<string, Set<string>>,
  groups: Map<string, Set<string>>,
  networkOf: Map<string, string>,
): string[] {
  const rootsOf = new Map<string, Set<string>>()
  for (const node of candidates.keys()) {
    for (const [child, tie] of s.ties.childTies.get(node) ?? []) {
      if (tie.weight < s.strong) continue
      let roots = rootsOf.get(child)
      if (!roots) rootsOf.set(child, (roots = new Set()))
      roots.add(mustGet(networkOf, node, "a candidate's network"))
    }
  }
  const suspects: [string, string][] = []
  for (const [node, children] of s.ties.childTies) {
    if (!node.startsWith('person:') || networkOf.has(node) || s.hubs.has(node)) continue
    const roots = new Set<string>()
    const withOthers = accompanied(s, node)
    for (const [child, tie] of children) {
      if (tie.weight < s.suspectWeight && !(withOthers && tie.weight >= s.foundWith)) continue
      for (const root of rootsOf.get(child) ?? []) roots.add(root)
    }
    if (roots.size !== 1) continue
    const [root] = roots
    mustGet(groups, root, 'the network a suspect is around').add(node)
    suspects.push([node, root])
  }
  for (const [node, root] of suspects) networkOf.set(node, root)
  return suspects.map(([node]) => node)
}

/** The network a member is most tied to (by weight and events), of those its ties reach. */
function mostTiedNetwork(s: Suggesting, node: string, networkOf: ReadonlyMap<string, string>): string | undefined {
  const weightTo = new Map<string, number>()
  for (const [other, tie] of s.ties.memberTies.get(node) ?? []) {
    const root = networkOf.get(other)
    if (tie.weight < s.strong || root === undefined) continue
    weightTo.set(root, (weightTo.get(root) ?? 0) + tie.weight * tie.eventRefs.size)
  }
  let best: string | undefined
  let bestWeight = -1
  for (const [root, w] of weightTo) {
    if (best === undefined || w > bestWeight || (w === bestWeight && root < best)) {
      best = root
      bestWeight = w
    }
  }
  return best
}

/**
 * Members tied to fewer children join the network of a member they were recorded with (his car, the
 * phone found in that car), step by step outwards, each to the network it is most tied to.
 */
function growOutwards(
  s: Suggesting,
  start: string[],
  groups: Map<string, Set<string>>,
  networkOf: Map<string, string>,
): void {
  let frontier = start
  while (frontier.length > 0) {
    const reached = new Set<string>()
    for (const node of frontier) {
      for (const [other, tie] of s.ties.memberTies.get(node) ?? []) {
        if (tie.weight >= s.strong && !networkOf.has(other) && !s.hubs.has(other)) reached.add(other)
      }
    }
    const next: [string, string][] = []
    for (const node of [...reached].sort()) {
      const best = mostTiedNetwork(s, node, networkOf)
      if (best === undefined) continue
      mustGet(groups, best, 'the network a member joins').add(node)
      next.push([node, best])
    }
    // assigned after the step, so that the order within a step does not matter
    for (const [node, root] of next) networkOf.set(node, root)
    frontier = next.map(([node]) => node)
  }
}

/** The networks that follow once the hubs found so far are set aside. */
function assemble(s: Suggesting): Map<string, Set<string>> {
  const candidates = candidatesOf(s)
  const { groups, networkOf } = joinCandidates(s, candidates)
  const suspects = addSuspects(s, candidates, groups, networkOf)
  growOutwards(s, [...candidates.keys(), ...suspects], groups, networkOf)
  // the phone two of a group's girls were contacted from, with no one else on record, is around that
  // group; so is a man left out as a possible family friend if all his children are the group's (a
  // friend of two families is seldom a friend of two of one group's girls)
  const loose = new Map<string, Set<string>>()
  for (const [node, units] of s.prelim) {
    if (node.startsWith('person:') && !s.hubs.has(node) && !networkOf.has(node)) loose.set(node, units)
  }
  absorbSmallNetworks(groups, s.unitsOf, loose)
  // a group seen only in pairs (one girl with one man, the next with a car, the next with a phone)
  joinChains(groups, s.unitsOf, loose, s.minChildren, (m) => !s.provisional.has(m))
  return groups
}

/** Each member's children (by family) that it is tied to only as having been there, with no role. */
function plainUnits(s: Suggesting): Map<string, Set<string>> {
  const plain = new Map<string, Set<string>>()
  for (const [node, children] of s.ties.childTies) {
    const byUnit = new Map<string, number>()
    for (const [child, tie] of children) {
      const u = s.families.unitOf(child)
      byUnit.set(u, Math.max(byUnit.get(u) ?? 0, tie.weight))
    }
    const units = new Set([...byUnit].filter(([, w]) => w >= s.strong && w <= UNSPECIFIED_ROLE_WEIGHT).map(([u]) => u))
    if (units.size > 0) plain.set(node, units)
  }
  return plain
}

/** A group of members as a suggested network, with what supports it; null when it ties too few families. */
function suggestedNetwork(s: Suggesting, members: ReadonlySet<string>): Network | null {
  const children = new Set<string>()
  const units = new Set<string>()
  const supporting: Tie[] = []
  for (const m of members) {
    for (const [child, tie] of s.ties.childTies.get(m) ?? []) {
      if (tie.weight < s.strong) continue
      children.add(child)
      units.add(s.families.unitOf(child))
      supporting.push(tie)
    }
    for (const [other, tie] of s.ties.memberTies.get(m) ?? []) {
      if (tie.weight >= s.strong && members.has(other) && m < other) supporting.push(tie)
    }
  }
  if (units.size < s.minChildren) return null
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
  return {
    id: networkId(members),
    status: 'suggested',
    children: [...children].sort(),
    members: [...members].map(memberOf).sort(compareMembers),
    agencies: [...agencies].sort(),
    first_seen: must(formatLondon(new Date(first)), 'when a network was first recorded'),
    last_seen: must(formatLondon(new Date(last)), 'when a network was last recorded'),
    eventRefs: [...events].sort(),
    ...provisionalOf(s, members),
  }
}

function provisionalOf(s: Suggesting, members: ReadonlySet<string>): Pick<Network, 'provisional'> {
  const list = [...members]
    .filter((m) => s.provisional.has(m))
    .sort()
    .map((m) => ({
      member: memberOf(m),
      until: must(formatLondon(new Date(mustGet(s.provisional, m, 'until when'))), 'until when a member is suggested'),
    }))
  return list.length ? { provisional: list } : {}
}

export const DEFAULT_PROVISIONAL_DAYS = 30

/** The latest recorded time among the facts: "now" for a question asked of everything recorded. */
function latestRecorded(facts: readonly LinkFact[]): number {
  let latest = -Infinity
  for (const f of facts) latest = Math.max(latest, millis(f.recordedAt))
  return latest
}
