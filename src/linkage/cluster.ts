// Pairs into people. Strongest links first; two groups join only if enough of the pairs between
// them are links themselves, so that a chain of near-misses (A~B, B~C, C~D) does not make A and D
// one person. A person's decision overrides the model: "same" joins, "not the same" forbids joining.

export interface PairLinks {
  a: ArrayLike<number>
  b: ArrayLike<number>
  probability: ArrayLike<number>
  count: number
}

export interface HumanDecision {
  a: number
  b: number
  same: boolean
}

export interface ClusterOptions {
  threshold?: number
  /** share of the pairs between two groups that must be links for them to join (default 0.5) */
  share?: number
  decisions?: readonly HumanDecision[]
}

/** The entity of each record, as the index of one of its records (the smallest). */
export function clusterPairs(size: number, pairs: PairLinks, options: ClusterOptions = {}): Int32Array {
  const threshold = options.threshold ?? 0.5
  const share = options.share ?? 0.5
  const parent = new Int32Array(size)
  for (let i = 0; i < size; i++) parent[i] = i
  const members: (number[] | null)[] = new Array(size).fill(null)
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]]
      x = parent[x]
    }
    return x
  }
  const membersOf = (root: number) => members[root] ?? [root]
  const cannot = new Map<number, number[]>()
  for (const d of options.decisions ?? []) {
    if (d.same) continue
    for (const [x, y] of [
      [d.a, d.b],
      [d.b, d.a],
    ])
      cannot.set(x, [...(cannot.get(x) ?? []), y])
  }
  const forbidden = (ra: number, rb: number) => {
    for (const x of membersOf(ra)) for (const y of cannot.get(x) ?? []) if (find(y) === rb) return true
    return false
  }
  const union = (ra: number, rb: number) => {
    const [big, small] = membersOf(ra).length >= membersOf(rb).length ? [ra, rb] : [rb, ra]
    members[big] = [...membersOf(big), ...membersOf(small)]
    members[small] = null
    parent[small] = big
  }
  for (const d of options.decisions ?? []) {
    if (!d.same) continue
    const ra = find(d.a)
    const rb = find(d.b)
    if (ra !== rb && !forbidden(ra, rb)) union(ra, rb)
  }
  const links = new Set<number>()
  const order: number[] = []
  for (let x = 0; x < pairs.count; x++) {
    if (pairs.probability[x] < threshold) continue
    links.add(pairKey(pairs.a[x], pairs.b[x]))
    order.push(x)
  }
  order.sort((x, y) => pairs.probability[y] - pairs.probability[x])
  for (const x of order) {
    const ra = find(pairs.a[x])
    const rb = find(pairs.b[x])
    if (ra === rb || forbidden(ra, rb)) continue
    const ma = membersOf(ra)
    const mb = membersOf(rb)
    const needed = Math.ceil(share * ma.length * mb.length - 1e-9)
    let found = 0
    for (let s = 0; s < ma.length && found < needed; s++) for (const t of mb) if (links.has(pairKey(ma[s], t))) found++
    if (found >= needed) union(ra, rb)
  }
  const entity = new Int32Array(size)
  const smallest = new Map<number, number>()
  for (let i = 0; i < size; i++) {
    const r = find(i)
    let first = smallest.get(r)
    if (first === undefined) smallest.set(r, (first = i))
    entity[i] = first
  }
  return entity
}

function pairKey(i: number, j: number): number {
  return i < j ? i * 4194304 + j : j * 4194304 + i
}
