// Pairs that blocking missed but clustering implies: two records of one entity that were never
// compared (each matched a third record). They are scored directly and kept only if they reach the
// threshold on their own evidence, so clustering never invents a pair.
import { probabilityFromWeight, type LinkageModel } from './model.ts'
import type { PreparedRecords } from './prepared.ts'
import type { ScoredPairs } from './score.ts'
import { PairScorer } from './scorer.ts'

const SHIFT = 4194304

export function addPairsWithinEntities(
  p: PreparedRecords,
  model: LinkageModel,
  entities: Int32Array,
  pairs: ScoredPairs,
  threshold: number,
  link: boolean,
  maxEntitySize = 50,
): ScoredPairs {
  const members = new Map<number, number[]>()
  for (let i = 0; i < entities.length; i++) {
    const list = members.get(entities[i])
    if (list) list.push(i)
    else members.set(entities[i], [i])
  }
  const known = new Set<number>()
  for (let x = 0; x < pairs.count; x++) known.add(pairs.a[x] * SHIFT + pairs.b[x])
  const scorer = new PairScorer(model, p)
  const extraA: number[] = []
  const extraB: number[] = []
  const extraP: number[] = []
  for (const list of members.values()) {
    if (list.length < 3 || list.length > maxEntitySize) continue
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x]
        const j = list[y]
        if (link && p.source[i] === p.source[j]) continue
        if (known.has(i * SHIFT + j)) continue
        const probability = probabilityFromWeight(scorer.weight(i, j))
        if (probability < threshold) continue
        extraA.push(i)
        extraB.push(j)
        extraP.push(probability)
      }
    }
  }
  if (extraA.length === 0) return pairs
  const join = <T extends Uint32Array | Float64Array>(base: T, extra: number[]): T => {
    const out = new (base.constructor as new (n: number) => T)(base.length + extra.length)
    out.set(base)
    out.set(extra, base.length)
    return out
  }
  return {
    a: join(pairs.a, extraA),
    b: join(pairs.b, extraB),
    probability: join(pairs.probability, extraP),
    count: pairs.count + extraA.length,
    compared: pairs.compared,
  }
}
