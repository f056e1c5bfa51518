// Louvain community detection (Blondel et al. 2008) over compressed rows: local moving, then each
// community folded into one node, until nothing moves. It runs on the link graph's integer arrays
// (decision 0040); graphology's louvain needs its own object graph, which costs more to build than
// the whole analysis. Same method, same modularity, checked against graphology's in the tests.
import { seededRandom } from '../linkage/random.ts'

/** An undirected weighted graph as compressed rows: both directions of every edge, no self-loops. */
export interface WeightedRows {
  offsets: Int32Array
  adjacent: Int32Array
  weights: Float64Array
}

export interface LouvainResult {
  /** Community number of each node, numbered by first node in each. */
  community: Int32Array
  count: number
  modularity: number
}

interface Level extends WeightedRows {
  /** Weight of the node's self-loop, counted over ordered pairs (twice an internal edge's). */
  loops: Float64Array
}

/** The communities of a graph; the same seed visits nodes in the same order and gives the same answer. */
export function louvain(rows: WeightedRows, options: { seed?: number; resolution?: number } = {}): LouvainResult {
  const n = rows.offsets.length - 1
  const resolution = options.resolution ?? 1
  const random = seededRandom(options.seed ?? 1)
  let level: Level = { ...rows, loops: new Float64Array(n) }
  // community of each original node, through the levels
  const membership = Int32Array.from({ length: n }, (_, i) => i)
  for (;;) {
    const moved = localMoving(level, resolution, random)
    const [renumbered, count] = renumber(moved)
    if (count === level.offsets.length - 1) break
    for (let i = 0; i < n; i++) membership[i] = renumbered[membership[i]]
    level = fold(level, renumbered, count)
  }
  const [community, count] = renumber(membership)
  return { community, count, modularity: modularity(rows, community, count, resolution) }
}

function degrees(level: Level): Float64Array {
  const n = level.offsets.length - 1
  const k = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    let sum = level.loops[i]
    for (let s = level.offsets[i]; s < level.offsets[i + 1]; s++) sum += level.weights[s]
    k[i] = sum
  }
  return k
}

/** Moves single nodes to the neighbouring community that most raises modularity, until none moves. */
function localMoving(level: Level, resolution: number, random: () => number): Int32Array {
  const n = level.offsets.length - 1
  const k = degrees(level)
  let twiceM = 0
  for (const d of k) twiceM += d
  const community = Int32Array.from({ length: n }, (_, i) => i)
  if (twiceM === 0) return community
  const total = Float64Array.from(k)
  const order = Int32Array.from({ length: n }, (_, i) => i)
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[order[i], order[j]] = [order[j], order[i]]
  }
  const weightTo = new Float64Array(n)
  const touched = new Int32Array(n)
  let moves = 1
  for (let pass = 0; moves > 0 && pass < 100; pass++) {
    moves = 0
    for (const i of order) {
      const own = community[i]
      let count = 0
      weightTo[own] = 0
      touched[count++] = own
      for (let s = level.offsets[i]; s < level.offsets[i + 1]; s++) {
        const c = community[level.adjacent[s]]
        if (weightTo[c] === 0 && c !== own) touched[count++] = c
        weightTo[c] += level.weights[s]
      }
      total[own] -= k[i]
      const scale = (resolution * k[i]) / twiceM
      let best = own
      let bestGain = weightTo[own] - scale * total[own]
      for (let t = 1; t < count; t++) {
        const c = touched[t]
        const gain = weightTo[c] - scale * total[c]
        if (gain > bestGain + 1e-12) {
          best = c
          bestGain = gain
        }
      }
      for (let t = 0; t < count; t++) weightTo[touched[t]] = 0
      total[best] += k[i]
      if (best !== own) {
        community[i] = best
        moves++
      }
    }
  }
  return community
}

/** Communities numbered 0.. in order of their first node. */
function renumber(community: Int32Array): [Int32Array, number] {
  const number = new Int32Array(community.length).fill(-1)
  const out = new Int32Array(community.length)
  let count = 0
  for (let i = 0; i < community.length; i++) {
    const c = community[i]
    if (number[c] < 0) number[c] = count++
    out[i] = number[c]
  }
  return [out, count]
}

/** One node per community: weights between communities summed, those within kept as its loop. */
function fold(level: Level, community: Int32Array, count: number): Level {
  const n = level.offsets.length - 1
  const members = new Int32Array(count + 1)
  for (let i = 0; i < n; i++) members[community[i] + 1]++
  for (let c = 0; c < count; c++) members[c + 1] += members[c]
  const next = members.slice(0, count)
  const byCommunity = new Int32Array(n)
  for (let i = 0; i < n; i++) byCommunity[next[community[i]]++] = i
  const loops = new Float64Array(count)
  const offsets = new Int32Array(count + 1)
  const adjacent: number[] = []
  const weights: number[] = []
  const slot = new Int32Array(count).fill(-1)
  for (let c = 0; c < count; c++) {
    const rowStart = adjacent.length
    for (let m = members[c]; m < members[c + 1]; m++) {
      const i = byCommunity[m]
      loops[c] += level.loops[i]
      for (let s = level.offsets[i]; s < level.offsets[i + 1]; s++) {
        const d = community[level.adjacent[s]]
        if (d === c) loops[c] += level.weights[s]
        else if (slot[d] >= rowStart) weights[slot[d]] += level.weights[s]
        else {
          slot[d] = adjacent.length
          adjacent.push(d)
          weights.push(level.weights[s])
        }
      }
    }
    offsets[c + 1] = adjacent.length
  }
  return { offsets, adjacent: Int32Array.from(adjacent), weights: Float64Array.from(weights), loops }
}

/** Newman's modularity of a partition of the original graph, at the given resolution. */
function modularity(rows: WeightedRows, community: Int32Array, count: number, resolution: number): number {
  const n = rows.offsets.length - 1
  const inside = new Float64Array(count)
  const total = new Float64Array(count)
  let twiceM = 0
  for (let i = 0; i < n; i++) {
    for (let s = rows.offsets[i]; s < rows.offsets[i + 1]; s++) {
      const w = rows.weights[s]
      twiceM += w
      total[community[i]] += w
      if (community[rows.adjacent[s]] === community[i]) inside[community[i]] += w
    }
  }
  if (twiceM === 0) return 0
  let q = 0
  for (let c = 0; c < count; c++) q += inside[c] / twiceM - resolution * (total[c] / twiceM) ** 2
  return q
}
