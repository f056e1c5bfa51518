// The POLE graph: one node per person (child or adult, after linkage) and per vehicle, phone, online
// identity and place; one edge per pair that any agency tied, carrying every link with its source,
// role, date and reliability. Nothing here is inferred: an edge is what agencies recorded.
import { recordedBy } from './as-of.ts'
import { mustGet } from '../errors/must.ts'
import { UndirectedGraph } from './graphology.ts'
import { nodeId, personNode } from './nodes.ts'
import type { Instant, LinkFact, MemberKind, Population } from './types.ts'

export interface NodeAttributes {
  kind: MemberKind
  key: string
  /** A child (from the population); false for adults and objects. */
  child: boolean
}

export interface EdgeAttributes {
  /** Every recorded link between the two ends. */
  links: LinkFact[]
}

export type LinkGraph = UndirectedGraph<NodeAttributes, EdgeAttributes>

export interface GraphOptions {
  asOf?: Instant
  population?: Population
}

/**
 * Integer ids of the nodes and the two ends of every edge, kept beside the graphology graph as links
 * arrive: whole-graph passes (components) run on plain arrays instead of string-keyed maps.
 */
export interface EdgeIndex {
  id: Map<string, number>
  nodes: string[]
  ends: number[] // a0, b0, a1, b1, ...
}

const indexes = new WeakMap<LinkGraph, EdgeIndex>()

export function edgeIndex(graph: LinkGraph): EdgeIndex {
  let index = indexes.get(graph)
  if (!index) {
    // a graph built elsewhere: index it once
    index = { id: new Map(), nodes: [], ends: [] }
    const ix = index
    graph.forEachNode((node) => {
      ix.id.set(node, ix.nodes.length)
      ix.nodes.push(node)
    })
    graph.forEachEdge((_e, _attr, a, b) => {
      ix.ends.push(mustGet(ix.id, a, 'an indexed node'), mustGet(ix.id, b, 'an indexed node'))
    })
    indexes.set(graph, index)
  }
  return index
}

export function buildGraph(facts: readonly LinkFact[], options: GraphOptions = {}): LinkGraph {
  const graph = new UndirectedGraph<NodeAttributes, EdgeAttributes>() as LinkGraph
  indexes.set(graph, { id: new Map(), nodes: [], ends: [] })
  const children = options.population?.children
  const known = options.asOf === undefined ? facts : recordedBy(facts, options.asOf)
  for (const f of known) addLink(graph, f, children)
  return graph
}

/** Adds one link (records arrive one by one: the graph is kept up to date, not rebuilt). */
export function addLink(graph: LinkGraph, f: LinkFact, children?: ReadonlySet<string>): void {
  const a = personNode(f.personEntityId)
  const b = nodeId(f.memberKind, f.memberKey)
  if (a === b) return
  const index = indexes.get(graph)
  if (!graph.hasNode(a)) {
    if (index) {
      index.id.set(a, index.nodes.length)
      index.nodes.push(a)
    }
    graph.addNode(a, { kind: 'person', key: f.personEntityId, child: children?.has(f.personEntityId) ?? false })
  }
  if (!graph.hasNode(b)) {
    if (index) {
      index.id.set(b, index.nodes.length)
      index.nodes.push(b)
    }
    graph.addNode(b, {
      kind: f.memberKind,
      key: f.memberKey,
      child: f.memberKind === 'person' && (children?.has(f.memberKey) ?? false),
    })
  }
  const edge = graph.edge(a, b)
  if (edge === undefined) {
    graph.addEdge(a, b, { links: [f] })
    if (index) index.ends.push(mustGet(index.id, a, 'an indexed node'), mustGet(index.id, b, 'an indexed node'))
  } else graph.getEdgeAttributes(edge).links.push(f)
}
