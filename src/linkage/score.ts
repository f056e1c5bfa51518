// Scores every candidate pair and keeps those at or above a threshold.
import type { CandidatePairs } from './blocking.ts'
import { probabilityFromWeight, type LinkageModel } from './model.ts'
import type { PreparedRecords } from './prepared.ts'
import { PairScorer } from './scorer.ts'

export interface ScoredPairs {
  a: Uint32Array
  b: Uint32Array
  probability: Float64Array
  count: number
  /** candidate pairs compared */
  compared: number
}

export function scorePairs(
  p: PreparedRecords,
  model: LinkageModel,
  candidates: CandidatePairs,
  threshold = 0.5,
  onProgress?: (done: number, total: number) => void,
): ScoredPairs {
  const scorer = new PairScorer(model, p)
  // compare weights, not probabilities, in the loop: one log instead of a power per pair
  const minWeight = threshold <= 0 ? -Infinity : threshold >= 1 ? Infinity : Math.log2(threshold / (1 - threshold))
  let a = new Uint32Array(1024)
  let b = new Uint32Array(1024)
  let w = new Float64Array(1024)
  let count = 0
  const chunk = 1 << 18
  for (let x = 0; x < candidates.count; x++) {
    const i = candidates.a[x]
    const j = candidates.b[x]
    const weight = scorer.weight(i, j)
    if (weight >= minWeight) {
      if (count === a.length) {
        const a2 = new Uint32Array(count * 2)
        a2.set(a)
        a = a2
        const b2 = new Uint32Array(count * 2)
        b2.set(b)
        b = b2
        const w2 = new Float64Array(count * 2)
        w2.set(w)
        w = w2
      }
      a[count] = i
      b[count] = j
      w[count] = weight
      count++
    }
    if (onProgress && (x & (chunk - 1)) === 0) onProgress(x, candidates.count)
  }
  onProgress?.(candidates.count, candidates.count)
  const probability = new Float64Array(count)
  for (let x = 0; x < count; x++) probability[x] = probabilityFromWeight(w[x])
  return { a: a.slice(0, count), b: b.slice(0, count), probability, count, compared: candidates.count }
}
