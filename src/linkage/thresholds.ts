// The trade-off of a threshold, as the model itself expects it. Every candidate pair of the
// training records is scored; under the model a pair of probability p is a match with probability p.
// So the model's estimated score distribution of matches is the p-weighted histogram of pair
// scores, and that of non-matches the (1 - p)-weighted one (a two-component mixture, as EM fits
// it). Expected precision at t = sum p over pairs >= t / pairs >= t; expected recall at t =
// sum p over pairs >= t / sum p over all pairs. Only as good as the model's calibration: it says
// nothing of true matches blocking never compared.
import { probabilityFromWeight } from './model.ts'

/** Histogram of candidate-pair match weights in fixed bins of bits. */
export interface ScoreDistribution {
  minBits: number
  binBits: number
  /** pairs per bin */
  pairs: number[]
  /** expected matches per bin: the sum of the pairs' probabilities */
  matches: number[]
}

const MIN_BITS = -40
const BIN_BITS = 0.25
const BINS = 400 // -40 .. +60 bits

export function emptyDistribution(): ScoreDistribution {
  return { minBits: MIN_BITS, binBits: BIN_BITS, pairs: new Array(BINS).fill(0), matches: new Array(BINS).fill(0) }
}

export function addScore(d: ScoreDistribution, weight: number): void {
  const bin = Math.min(d.pairs.length - 1, Math.max(0, Math.floor((weight - d.minBits) / d.binBits)))
  d.pairs[bin]++
  d.matches[bin] += probabilityFromWeight(weight)
}

export interface TradeOff {
  threshold: number
  /** expected share of the pairs at or above the threshold that are the same person */
  precision: number | null
  /** expected share of all matching candidate pairs that are at or above the threshold */
  recall: number | null
  pairs: number
  expectedMatches: number
}

/** Expected precision and recall at a probability threshold (bins whose midpoint reaches it). */
export function tradeOff(d: ScoreDistribution, threshold: number): TradeOff {
  let pairs = 0
  let above = 0
  let all = 0
  d.pairs.forEach((n, bin) => {
    all += d.matches[bin]
    const mid = d.minBits + (bin + 0.5) * d.binBits
    if (probabilityFromWeight(mid) >= threshold) {
      pairs += n
      above += d.matches[bin]
    }
  })
  return {
    threshold,
    pairs,
    expectedMatches: above,
    precision: pairs > 0 ? above / pairs : null,
    recall: all > 0 ? above / all : null,
  }
}

export interface Thresholds {
  auto: number
  review: number
}

/** Thresholds must leave a band: 0 < review < auto < 1. */
export function validThresholds(t: Thresholds): string | null {
  if (!(t.review > 0 && t.review < 1) || !(t.auto > 0 && t.auto < 1)) return 'thresholds must be between 0 and 1'
  if (t.review >= t.auto) return 'the review threshold must be below the auto-link threshold'
  return null
}
