// Scoring a linkage against known truth, for tests and benchmarks only (never for linking).
import type { LinkResult } from './pipeline.ts'

export interface Accuracy {
  truePairs: number
  predicted: number
  truePositives: number
  precision: number
  recall: number
  f1: number
  /** true pairs that blocking made candidates (the most any threshold could find) */
  reachable: number
}

const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`)

export function accuracy(result: LinkResult, truth: Iterable<[string, string]>): Accuracy {
  const ids = result.records.ids
  const truthKeys = new Set<string>()
  for (const [a, b] of truth) truthKeys.add(key(a, b))
  let truePositives = 0
  for (let x = 0; x < result.pairs.count; x++)
    if (truthKeys.has(key(ids[result.pairs.a[x]], ids[result.pairs.b[x]]))) truePositives++
  const candidates = new Set<string>()
  for (let x = 0; x < result.candidates.count; x++) {
    const k = key(ids[result.candidates.a[x]], ids[result.candidates.b[x]])
    if (truthKeys.has(k)) candidates.add(k)
  }
  const precision = result.pairs.count ? truePositives / result.pairs.count : 1
  const recall = truthKeys.size ? truePositives / truthKeys.size : 1
  return {
    truePairs: truthKeys.size,
    predicted: result.pairs.count,
    truePositives,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    reachable: candidates.size,
  }
}

export function describeAccuracy(name: string, a: Accuracy): string {
  return (
    `${name}: precision ${a.precision.toFixed(4)}, recall ${a.recall.toFixed(4)}, F1 ${a.f1.toFixed(4)}; ` +
    `blocking reaches ${a.reachable} of ${a.truePairs} true pairs (${((100 * a.reachable) / a.truePairs).toFixed(2)}%)`
  )
}
