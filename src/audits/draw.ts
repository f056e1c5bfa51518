// The cohort of an audit: a random draw from the children who meet its criteria, reproducible from its
// seed (the same seed and the same candidates give the same children, in the same order), optionally
// stratified (each stratum's share of the sample in proportion to its share of the candidates, largest
// remainders first). Pure: the candidates come in, the children drawn come out.

export interface Candidate {
  childId: number
  /** the agency or band it is drawn within, when the draw is stratified */
  stratum: string
}

/** A 32-bit number from a seed's text (FNV-1a), the generator's starting state. */
function seedNumber(seed: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** mulberry32: small, fast and the same on every machine; numbers in [0, 1). */
export function seededRandom(seed: string): () => number {
  let a = seedNumber(seed)
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Fisher–Yates with the seeded generator, over a copy in a fixed order (by child id). */
function shuffled(items: readonly Candidate[], random: () => number): Candidate[] {
  const out = [...items].sort((a, b) => a.childId - b.childId)
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

/** How many of `size` each stratum gets: in proportion, by largest remainder (ties by name), never more than it has. */
export function allocate(counts: ReadonlyMap<string, number>, size: number): Map<string, number> {
  const total = [...counts.values()].reduce((a, b) => a + b, 0)
  const take = Math.min(size, total)
  const out = new Map<string, number>()
  if (total === 0) return out
  const shares = [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([stratum, n]) => ({ stratum, n, exact: (n * take) / total }))
  for (const s of shares) out.set(s.stratum, Math.floor(s.exact))
  let left = take - [...out.values()].reduce((a, b) => a + b, 0)
  const byRemainder = [...shares].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)))
  while (left > 0) {
    const next = byRemainder.find((s) => (out.get(s.stratum) ?? 0) < s.n)
    if (!next) break
    out.set(next.stratum, (out.get(next.stratum) ?? 0) + 1)
    left--
    byRemainder.push(byRemainder.splice(byRemainder.indexOf(next), 1)[0])
  }
  return out
}

/**
 * Draws up to `size` children. A child who is a candidate in several strata counts once, in the first
 * (by name) of them. Unstratified: one shuffle of all. The order drawn is the order of "Child 1..n".
 */
export function drawCohort(
  candidates: readonly Candidate[],
  size: number,
  seed: string,
  stratified: boolean,
): number[] {
  const seen = new Set<number>()
  const unique = [...candidates]
    .sort((a, b) => a.stratum.localeCompare(b.stratum) || a.childId - b.childId)
    .filter((c) => (seen.has(c.childId) ? false : (seen.add(c.childId), true)))
  const random = seededRandom(seed)
  if (!stratified)
    return shuffled(unique, random)
      .slice(0, size)
      .map((c) => c.childId)
  const strata = new Map<string, Candidate[]>()
  for (const c of unique) strata.set(c.stratum, [...(strata.get(c.stratum) ?? []), c])
  const shares = allocate(new Map([...strata].map(([k, v]) => [k, v.length])), size)
  const drawn: number[] = []
  for (const stratum of [...strata.keys()].sort((a, b) => a.localeCompare(b)))
    drawn.push(
      ...shuffled(strata.get(stratum) ?? [], random)
        .slice(0, shares.get(stratum) ?? 0)
        .map((c) => c.childId),
    )
  return drawn
}
