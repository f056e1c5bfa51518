// Why two records are (or are not) the same person: each comparison's level and match weight, the
// prior, and the total. What a reviewer sees as a waterfall.
import { COMPARISONS, COMPARISON_COUNT } from './comparisons.ts'
import { LEVEL_STRIDE, probabilityFromWeight } from './model.ts'
import type { PairScorer, RuleAdjustment } from './scorer.ts'

export interface ComparisonExplanation {
  comparison: string
  level: string
  /** bits; includes the term-frequency adjustment of an exact name match */
  weight: number
  tfAdjustment: number
}

export interface Explanation {
  prior: number
  comparisons: ComparisonExplanation[]
  totalWeight: number
  probability: number
}

/** `others`: the other records of i's person (PairScorer.weight). */
export function explainPair(scorer: PairScorer, i: number, j: number, others?: ArrayLike<number>): Explanation {
  const levels = new Uint8Array(COMPARISON_COUNT)
  const total = scorer.weight(i, j, levels, others)
  const comparisons = COMPARISONS.map((c, k) => {
    const level = levels[k]
    const tf = level === 1 ? scorer.tfBits(k, i) : 0
    return {
      comparison: c.name,
      level: level === 0 ? 'null' : c.levels[level - 1],
      weight: scorer.weights[k * LEVEL_STRIDE + level] + tf,
      tfAdjustment: tf,
    }
  })
  const rules: RuleAdjustment[] = []
  scorer.rules(i, j, levels, rules, others)
  for (const r of rules) comparisons.push({ comparison: r.rule, level: r.reason, weight: r.bits, tfAdjustment: 0 })
  return { prior: scorer.prior, comparisons, totalWeight: total, probability: probabilityFromWeight(total) }
}
