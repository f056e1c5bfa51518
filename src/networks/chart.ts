// The link chart: the part of the POLE graph around a person (one to three steps out) or a network,
// filtered by kind of link, reliability and date, as the nodes and edges the browser draws and the
// rows of the accessible table beside it. A link the viewer may not read is kept as "restricted"
// (all of them summarised as one node, "N items you may not see") and never followed further: the viewer learns that
// it exists and whom to ask, not what it says.
import { formatLondon, londonDate } from '../config/clock.ts'
import { must } from '../errors/must.ts'
import { shortestPath } from './analytics.ts'
import { buildGraph, type LinkGraph } from './graph.ts'
import { linkRows, type LinkRow } from './link-rows.ts'
import { memberOf, millis } from './nodes.ts'
import type { LinkFact, MemberKind, Population } from './types.ts'

export interface ChartFilters {
  /** Kinds of the linked thing to keep; empty or absent: all. */
  kinds?: readonly MemberKind[]
  /** Reliabilities to keep ('not_recorded' for none); empty or absent: all. */
  reliability?: readonly string[]
  /** Links that happened on or after / before the end of these dates (YYYY-MM-DD). */
  from?: string
  to?: string
}

export interface ChartNode {
  id: string
  label: string
  kind: MemberKind | 'restricted'
  child: boolean
  /** Steps from the start. */
  step: number
}

export interface ChartEdge {
  id: string
  source: string
  target: string
  kinds: string[]
  roles: string[]
  agencies: string[]
  reliability: string[]
  first: string
  last: string
  count: number
  restricted: boolean
}

export interface Chart {
  nodes: ChartNode[]
  edges: ChartEdge[]
  rows: LinkRow[]
  /** Node ids on a shortest path, when asked for one. */
  path: string[] | null
  truncated: boolean
}

export interface ChartInput {
  facts: readonly LinkFact[]
  population: Population
  /** Node ids to start from ('person:12'), or every node of a network. */
  starts: readonly string[]
  steps: number
  filters?: ChartFilters
  canSee: (fact: LinkFact) => boolean
  label: (node: string) => string
  /** Two nodes to join by a shortest path over the visible links. */
  pathBetween?: [string, string]
  /** A network's chart: only links between its own nodes. */
  within?: ReadonlySet<string>
  maxNodes?: number
}

const dayStart = (d: string) => Date.parse(`${d}T00:00:00Z`) - 14 * 3600_000
const dayEnd = (d: string) => Date.parse(`${d}T23:59:59Z`) + 14 * 3600_000

export function keepByFilters(filters: ChartFilters | undefined): (f: LinkFact) => boolean {
  if (!filters) return () => true
  const kinds = filters.kinds?.length ? new Set<string>(filters.kinds) : null
  const rel = filters.reliability?.length ? new Set(filters.reliability) : null
  const from = filters.from ? dayStart(filters.from) : -Infinity
  const to = filters.to ? dayEnd(filters.to) : Infinity
  return (f) => {
    if (kinds && !kinds.has(f.memberKind)) return false
    if (rel && !rel.has(f.reliability ?? 'not_recorded')) return false
    const t = millis(f.occurredAt)
    if (t < from || t > to) return false
    // the London date decides when the bounds are near midnight
    if (filters.from && londonDate(new Date(t)) < filters.from) return false
    if (filters.to && londonDate(new Date(t)) > filters.to) return false
    return true
  }
}

export function linkChart(input: ChartInput): Chart {
  const keep = keepByFilters(input.filters)
  const kept = input.facts.filter(keep)
  const visible = kept.filter((f) => input.canSee(f))
  const hidden = kept.filter((f) => !input.canSee(f))
  const graph = buildGraph(visible, { population: input.population })
  const maxNodes = input.maxNodes ?? 5000
  const steps = Math.max(0, Math.min(3, input.steps))

  // breadth first from the starts over visible links
  const stepOf = new Map<string, number>()
  let frontier = input.starts.filter((s) => graph.hasNode(s) || s.startsWith('person:'))
  for (const s of frontier) stepOf.set(s, 0)
  let truncated = false
  for (let step = 1; step <= steps && frontier.length > 0; step++) {
    const next: string[] = []
    for (const node of frontier) {
      if (!graph.hasNode(node)) continue
      for (const other of graph.neighbors(node)) {
        if (stepOf.has(other)) continue
        if (input.within && !input.within.has(other)) continue
        if (stepOf.size >= maxNodes) {
          truncated = true
          break
        }
        stepOf.set(other, step)
        next.push(other)
      }
    }
    frontier = next
  }

  const nodes: ChartNode[] = []
  for (const [id, step] of stepOf) {
    const attrs = graph.attributesOf(id)
    const m = memberOf(id)
    nodes.push({
      id,
      label: input.label(id),
      kind: m.kind,
      child: attrs?.child ?? input.population.children.has(m.key),
      step,
    })
  }
  const edges: ChartEdge[] = []
  const shownFacts: LinkFact[] = []
  graph.forEachEdge((edge, links, a, b) => {
    if (!stepOf.has(a) || !stepOf.has(b)) return
    shownFacts.push(...links)
    edges.push(edgeOf(String(edge), a, b, links, false))
  })
  // restricted links of the people on the chart: one node for them all, tied to each person who has some
  const restrictedAt = new Map<string, LinkFact[]>()
  for (const f of hidden) {
    const subject = `person:${f.personEntityId}`
    const member = `${f.memberKind}:${f.memberKey}`
    const at = stepOf.has(subject) ? subject : f.memberKind === 'person' && stepOf.has(member) ? member : null
    if (!at) continue
    const list = restrictedAt.get(at)
    if (list) list.push(f)
    else restrictedAt.set(at, [f])
    shownFacts.push(f)
  }
  if (restrictedAt.size > 0) nodes.push(restrictedNode(restrictedAt, stepOf))
  for (const [at, list] of restrictedAt)
    edges.push({ ...edgeOf(`r-${at}`, at, RESTRICTED_NODE, list, true), kinds: [], roles: [], reliability: [] })

  let path: string[] | null = null
  if (input.pathBetween) path = shortestPath(graph, input.pathBetween[0], input.pathBetween[1])?.nodes ?? null

  const rows = linkRows(shownFacts, { canSee: input.canSee, label: input.label })
  return { nodes, edges, rows, path, truncated }
}

/** The one node standing for every link on the chart the viewer may not read. */
export const RESTRICTED_NODE = 'restricted'

function restrictedNode(byPerson: ReadonlyMap<string, LinkFact[]>, stepOf: ReadonlyMap<string, number>): ChartNode {
  const links = [...byPerson.values()].flat()
  const agencies = [...new Set(links.map((l) => l.agency))].sort()
  const step = Math.min(...[...byPerson.keys()].map((at) => stepOf.get(at) ?? 0)) + 1
  return {
    id: RESTRICTED_NODE,
    label: `${links.length} ${links.length === 1 ? 'item' : 'items'} you may not see (ask ${agencies.join(', ')})`,
    kind: 'restricted',
    child: false,
    step,
  }
}

function edgeOf(id: string, a: string, b: string, links: readonly LinkFact[], restricted: boolean): ChartEdge {
  const set = (f: (l: LinkFact) => string | null | undefined) =>
    [...new Set(links.map(f).filter((v): v is string => !!v))].sort()
  const times = links.map((l) => millis(l.occurredAt))
  return {
    id: `e-${id}`,
    source: a,
    target: b,
    kinds: set((l) => l.memberKind),
    roles: set((l) => l.role ?? 'linked'),
    agencies: set((l) => l.agency),
    reliability: set((l) => l.reliability ?? 'not_recorded'),
    first: must(formatLondon(new Date(Math.min(...times))), 'when the first link of an edge was'),
    last: must(formatLondon(new Date(Math.max(...times))), 'when the last link of an edge was'),
    count: links.length,
    restricted,
  }
}

export type { LinkGraph }
