// Connected components, Louvain communities and shortest paths on the POLE graph's integer arrays.
// These are views for an analyst; none of them says who belongs to a group.
import type { LinkGraph } from './graph.ts'
import { louvain } from './louvain.ts'
import type { LinkFact } from './types.ts'

/** Node ids of each connected component, largest first: union-find over the graph's edge ends. */
export function components(graph: LinkGraph): string[][] {
  const { nodes, ends } = graph
  const parent = new Int32Array(nodes.length)
  for (let i = 0; i < parent.length; i++) parent[i] = i
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]] // path halving
      x = parent[x]
    }
    return x
  }
  for (let e = 0; e < ends.length; e += 2) {
    const ra = find(ends[e])
    const rb = find(ends[e + 1])
    if (ra !== rb) parent[ra < rb ? rb : ra] = ra < rb ? ra : rb
  }
  const slot = new Int32Array(nodes.length).fill(-1)
  const parts: string[][] = []
  for (let i = 0; i < nodes.length; i++) {
    const r = find(i)
    if (slot[r] < 0) {
      slot[r] = parts.length
      parts.push([])
    }
    parts[slot[r]].push(nodes[i])
  }
  return parts.sort((a, b) => b.length - a.length)
}

export interface Communities {
  /** node id -> community number */
  communityOf: Map<string, number>
  count: number
  modularity: number
}

export interface CommunityOptions {
  /** Seed of the random order Louvain visits nodes in: the same seed gives the same communities. */
  seed?: number
  resolution?: number
  /** Weight edges by how many links they carry (default), or count each edge once. */
  weighted?: boolean
}

export function communities(graph: LinkGraph, options: CommunityOptions = {}): Communities {
  const weights = new Float64Array(graph.adjacentEdge.length)
  for (let s = 0; s < weights.length; s++)
    weights[s] = options.weighted === false ? 1 : graph.weightOf(graph.adjacentEdge[s])
  const found = louvain(
    { offsets: graph.offsets, adjacent: graph.adjacent, weights },
    { seed: options.seed ?? 1, resolution: options.resolution ?? 1 },
  )
  const communityOf = new Map<string, number>()
  graph.nodes.forEach((node, i) => communityOf.set(node, found.community[i]))
  return { communityOf, count: found.count, modularity: found.modularity }
}

export interface PathStep {
  from: string
  to: string
  /** The recorded links between the two: sources, roles, dates. */
  links: LinkFact[]
}

export interface ShortestPath {
  nodes: string[]
  steps: PathStep[]
}

/** A shortest path between two nodes (use `personNode(id)` for people), or null when none joins them. */
export function shortestPath(graph: LinkGraph, from: string, to: string): ShortestPath | null {
  const a = graph.indexOf(from)
  const b = graph.indexOf(to)
  if (a === undefined || b === undefined) return null
  const route = fewestSteps(graph, a, b)
  if (!route) return null
  const steps: PathStep[] = []
  for (let i = 1; i < route.nodes.length; i++)
    steps.push({
      from: graph.nodes[route.nodes[i - 1]],
      to: graph.nodes[route.nodes[i]],
      links: graph.linksOf(route.edges[i - 1]),
    })
  return { nodes: route.nodes.map((i) => graph.nodes[i]), steps }
}

/**
 * Breadth first from both ends at once, always growing the smaller frontier, until they meet.
 * Returns the node and edge indexes along one path of fewest steps.
 */
function fewestSteps(graph: LinkGraph, a: number, b: number): { nodes: number[]; edges: number[] } | null {
  if (a === b) return { nodes: [a], edges: [] }
  // side[i]: 1 reached from a, 2 from b; via[i]: the edge it was reached by (-1 for the ends)
  const side = new Map<number, 1 | 2>([
    [a, 1],
    [b, 2],
  ])
  const via = new Map<number, number>([
    [a, -1],
    [b, -1],
  ])
  let fromA = [a]
  let fromB = [b]
  while (fromA.length > 0 && fromB.length > 0) {
    const growA = fromA.length <= fromB.length
    const frontier = growA ? fromA : fromB
    const mine: 1 | 2 = growA ? 1 : 2
    const next: number[] = []
    for (const i of frontier) {
      for (let s = graph.offsets[i]; s < graph.offsets[i + 1]; s++) {
        const j = graph.adjacent[s]
        const seen = side.get(j)
        if (seen === mine) continue
        if (seen !== undefined) return joined(graph, via, growA ? i : j, growA ? j : i, graph.adjacentEdge[s])
        side.set(j, mine)
        via.set(j, graph.adjacentEdge[s])
        next.push(j)
      }
    }
    if (growA) fromA = next
    else fromB = next
  }
  return null
}

/** The path through the meeting edge: back from `nearA` to a, then on from `nearB` to b. */
function joined(
  graph: LinkGraph,
  via: ReadonlyMap<number, number>,
  nearA: number,
  nearB: number,
  meeting: number,
): { nodes: number[]; edges: number[] } {
  const back = (start: number) => {
    const nodes = [start]
    const edges: number[] = []
    for (let e = via.get(start) ?? -1; e >= 0; e = via.get(nodes[nodes.length - 1]) ?? -1) {
      const at = nodes[nodes.length - 1]
      const other = graph.ends[2 * e] === at ? graph.ends[2 * e + 1] : graph.ends[2 * e]
      nodes.push(other)
      edges.push(e)
    }
    return { nodes, edges }
  }
  const toA = back(nearA)
  const toB = back(nearB)
  return {
    nodes: [...toA.nodes.reverse(), ...toB.nodes],
    edges: [...toA.edges.reverse(), meeting, ...toB.edges],
  }
}
