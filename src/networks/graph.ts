// The POLE graph: one node per person (child or adult, after linkage) and per vehicle, phone, online
// identity and place; one edge per pair that any agency tied, carrying every link with its source,
// role, date and reliability. Nothing here is inferred: an edge is what agencies recorded.
//
// Built in one pass into integer-indexed arrays (decision 0040): node ids are interned once, edges
// are numbered in the order their first link arrives, and the adjacency is compressed rows (CSR), so
// a million links become a few typed arrays rather than a million objects in nested maps.
import { recordedBy } from './as-of.ts'
import { nodeId, personNode } from './nodes.ts'
import type { Instant, LinkFact, MemberKind, Population } from './types.ts'

export interface NodeAttributes {
  kind: MemberKind
  key: string
  /** A child (from the population); false for adults and objects. */
  child: boolean
}

export interface GraphOptions {
  asOf?: Instant
  population?: Population
}

export class LinkGraph {
  /** Node id ('person:<entity>', 'vehicle:<registration>', ...) by integer, in order of first link. */
  readonly nodes: readonly string[]
  /** Both ends of edge e at 2e and 2e + 1. */
  readonly ends: Int32Array
  /** Node i's neighbours are adjacent[offsets[i] .. offsets[i + 1]), over the edges in adjacentEdge. */
  readonly offsets: Int32Array
  readonly adjacent: Int32Array
  readonly adjacentEdge: Int32Array
  private readonly index: ReadonlyMap<string, number>
  private readonly attributes: readonly NodeAttributes[]
  /** Edge e's links are links[linkOrder[linkStart[e] .. linkStart[e + 1])]. */
  private readonly linkStart: Int32Array
  private readonly linkOrder: Int32Array
  private readonly links: readonly LinkFact[]

  constructor(links: readonly LinkFact[], children?: ReadonlySet<string>) {
    const index = new Map<string, number>()
    const nodes: string[] = []
    const attributes: NodeAttributes[] = []
    // looked up by kind, then by the key the link already holds: no string is built for a node seen before
    const byKind = new Map<MemberKind, Map<string, number>>()
    const intern = (kind: MemberKind, key: string): number => {
      let keys = byKind.get(kind)
      if (!keys) byKind.set(kind, (keys = new Map()))
      let i = keys.get(key)
      if (i === undefined) {
        i = nodes.length
        keys.set(key, i)
        const id = kind === 'person' ? personNode(key) : nodeId(kind, key)
        index.set(id, i)
        nodes.push(id)
        attributes.push({ kind, key, child: kind === 'person' && (children?.has(key) ?? false) })
      }
      return i
    }
    // each link's two ends (-1 for a link of a node with itself)
    const from = new Int32Array(links.length)
    const to = new Int32Array(links.length)
    for (let l = 0; l < links.length; l++) {
      const f = links[l]
      from[l] = intern('person', f.personEntityId)
      to[l] = intern(f.memberKind, f.memberKey)
    }
    const { edgeOfLink, ends } = numberEdges(from, to, nodes.length)
    const edgeCount = ends.length / 2
    this.nodes = nodes
    this.index = index
    this.attributes = attributes
    this.links = links
    this.ends = ends
    ;[this.linkStart, this.linkOrder] = groupBy(edgeOfLink, edgeCount)
    // compressed rows: each edge listed under both its ends
    const [offsets, slots] = groupBy(ends, nodes.length)
    this.offsets = offsets
    this.adjacent = new Int32Array(slots.length)
    this.adjacentEdge = new Int32Array(slots.length)
    for (let s = 0; s < slots.length; s++) {
      const k = slots[s] // the end's place in ends: edge k >> 1, the other end at k ^ 1
      this.adjacentEdge[s] = k >> 1
      this.adjacent[s] = this.ends[k ^ 1]
    }
  }

  /** The number of nodes. */
  get order(): number {
    return this.nodes.length
  }

  /** The number of edges (tied pairs; an edge may carry many links). */
  get size(): number {
    return this.ends.length / 2
  }

  indexOf(node: string): number | undefined {
    return this.index.get(node)
  }

  hasNode(node: string): boolean {
    return this.index.has(node)
  }

  attributesOf(node: string): NodeAttributes | undefined {
    const i = this.index.get(node)
    return i === undefined ? undefined : this.attributes[i]
  }

  neighbors(node: string): string[] {
    const i = this.index.get(node)
    if (i === undefined) return []
    const out: string[] = []
    for (let s = this.offsets[i]; s < this.offsets[i + 1]; s++) out.push(this.nodes[this.adjacent[s]])
    return out
  }

  /** The links recorded on edge e. */
  linksOf(edge: number): LinkFact[] {
    const out: LinkFact[] = []
    for (let k = this.linkStart[edge]; k < this.linkStart[edge + 1]; k++) out.push(this.links[this.linkOrder[k]])
    return out
  }

  /** How many links edge e carries (its weight for communities). */
  weightOf(edge: number): number {
    return this.linkStart[edge + 1] - this.linkStart[edge]
  }

  /** The edge between two nodes, or undefined. */
  edgeBetween(a: string, b: string): number | undefined {
    const i = this.index.get(a)
    const j = this.index.get(b)
    if (i === undefined || j === undefined) return undefined
    for (let s = this.offsets[i]; s < this.offsets[i + 1]; s++) if (this.adjacent[s] === j) return this.adjacentEdge[s]
    return undefined
  }

  forEachNode(visit: (node: string, attributes: NodeAttributes) => void): void {
    for (let i = 0; i < this.nodes.length; i++) visit(this.nodes[i], this.attributes[i])
  }

  /** Every edge in the order its first link arrived, with its links and its two ends. */
  forEachEdge(visit: (edge: number, links: LinkFact[], a: string, b: string) => void): void {
    for (let e = 0; e < this.size; e++)
      visit(e, this.linksOf(e), this.nodes[this.ends[2 * e]], this.nodes[this.ends[2 * e + 1]])
  }
}

/**
 * One edge per pair of nodes linked, numbered in the order of the pair's first link: the links are
 * sorted by their pair with two counting sorts (no map of a million pairs), each pair's first link
 * found, then numbered in link order. Returns each link's edge (-1 for a self-link) and both ends of
 * each edge, as the first link has them.
 */
function numberEdges(
  from: Int32Array,
  to: Int32Array,
  nodeCount: number,
): { edgeOfLink: Int32Array; ends: Int32Array } {
  const count = from.length
  const low = new Int32Array(count)
  const high = new Int32Array(count)
  for (let l = 0; l < count; l++) {
    const self = from[l] === to[l]
    low[l] = self ? -1 : Math.min(from[l], to[l])
    high[l] = self ? -1 : Math.max(from[l], to[l])
  }
  // by high end, then (stably) by low end: links of one pair side by side, in link order
  const [, byHigh] = groupBy(high, nodeCount)
  const lowStart = new Int32Array(nodeCount + 1)
  for (const l of byHigh) lowStart[low[l] + 1]++
  for (let k = 0; k < nodeCount; k++) lowStart[k + 1] += lowStart[k]
  const sorted = new Int32Array(byHigh.length)
  for (const l of byHigh) sorted[lowStart[low[l]]++] = l
  // each link's first link of its pair
  const first = new Int32Array(count).fill(-1)
  for (let k = 0; k < sorted.length; k++) {
    const l = sorted[k]
    const previous = k > 0 ? sorted[k - 1] : -1
    first[l] = previous >= 0 && low[previous] === low[l] && high[previous] === high[l] ? first[previous] : l
  }
  const edgeOfLink = new Int32Array(count).fill(-1)
  let edges = 0
  for (let l = 0; l < count; l++) if (first[l] === l) edgeOfLink[l] = edges++
  const ends = new Int32Array(2 * edges)
  for (let l = 0; l < count; l++) {
    if (first[l] < 0) continue
    const e = edgeOfLink[first[l]]
    edgeOfLink[l] = e
    if (first[l] === l) {
      ends[2 * e] = from[l]
      ends[2 * e + 1] = to[l]
    }
  }
  return { edgeOfLink, ends }
}

/**
 * A counting sort: the positions of `keys` (each in 0..buckets-1, or -1 for none) grouped by key,
 * in their original order within a key. Returns [start, order]: key k's positions are
 * order[start[k] .. start[k + 1]).
 */
function groupBy(keys: Int32Array, buckets: number): [Int32Array, Int32Array] {
  const start = new Int32Array(buckets + 1)
  for (const k of keys) if (k >= 0) start[k + 1]++
  for (let k = 0; k < buckets; k++) start[k + 1] += start[k]
  const next = start.slice(0, buckets)
  const order = new Int32Array(start[buckets])
  for (let p = 0; p < keys.length; p++) if (keys[p] >= 0) order[next[keys[p]]++] = p
  return [start, order]
}

export function buildGraph(facts: readonly LinkFact[], options: GraphOptions = {}): LinkGraph {
  const known = options.asOf === undefined ? facts : recordedBy(facts, options.asOf)
  return new LinkGraph(known, options.population?.children)
}
