// Scores pairs of prepared records under a model: the sum of each comparison's level weight (with a
// term-frequency adjustment on exact name matches) and the prior, turned into a probability.
import {
  ADDRESS,
  COMPARISONS,
  COMPARISON_COUNT,
  compareInto,
  DATE_OF_BIRTH,
  FAMILY,
  GIVEN,
  IDENTIFIER,
  NHS_NUMBER,
} from './comparisons.ts'
import {
  LEVEL_STRIDE,
  levelWeights,
  priorWeight,
  probabilityFromWeight,
  tfAdjustment,
  type LinkageModel,
} from './model.ts'
import type { PreparedRecords } from './prepared.ts'

/**
 * Two different given names in one family with one date of birth and one home are twins far more often than one
 * child written two ways: they share the family name, the date, the address and often the phone, so
 * the sum of independent weights would call them one. Unless an NHS number or another identifier
 * agrees (or is one typo apart), such a pair weighs TWINS_BITS more against: linked only when much
 * else agrees (a phone and an NHS number), otherwise left to a person.
 */
export const TWINS_BITS = -6
const GIVEN_ELSE = COMPARISONS[GIVEN].levels.length

const ADDRESS_GROUP = COMPARISONS[ADDRESS].groupSize!
/** the same address, or the same postcode or street */
const sameHome = (level: number) => level > 0 && (level - 1) % ADDRESS_GROUP < 2

export function twinsLike(levels: Uint8Array): boolean {
  return (
    levels[GIVEN] === GIVEN_ELSE &&
    levels[FAMILY] >= 1 &&
    levels[FAMILY] <= 3 &&
    (levels[DATE_OF_BIRTH] === 1 || levels[DATE_OF_BIRTH] === 2) &&
    levels[NHS_NUMBER] !== 1 &&
    levels[IDENTIFIER] !== 1 &&
    levels[IDENTIFIER] !== 2 &&
    sameHome(levels[ADDRESS])
  )
}

export class PairScorer {
  readonly weights: Float64Array
  readonly prior: number
  private tfGiven = new Float64Array(0)
  private tfFamily = new Float64Array(0)
  private known = 0
  private readonly levels = new Uint8Array(COMPARISON_COUNT)

  constructor(
    readonly model: LinkageModel,
    readonly records: PreparedRecords,
  ) {
    this.weights = levelWeights(model)
    this.prior = priorWeight(model)
    this.refreshNames()
  }

  /** Computes term-frequency adjustments of names interned since the last call. */
  refreshNames(): void {
    const names = this.records.names.text
    if (names.length === this.known) return
    if (names.length > this.tfGiven.length) {
      const size = Math.max(names.length, this.tfGiven.length * 2, 256)
      const g = new Float64Array(size)
      const f = new Float64Array(size)
      g.set(this.tfGiven.subarray(0, this.known))
      f.set(this.tfFamily.subarray(0, this.known))
      this.tfGiven = g
      this.tfFamily = f
    }
    const g = this.tfGiven
    const f = this.tfFamily
    const uGiven = this.model.comparisons[GIVEN].levels[0].u
    const uFamily = this.model.comparisons[FAMILY].levels[0].u
    const tf = this.model.termFrequencies
    for (let id = this.known; id < names.length; id++) {
      g[id] = tfAdjustment(tf.given, uGiven, names[id])
      f[id] = tfAdjustment(tf.family, uFamily, names[id])
    }
    this.known = names.length
  }

  /** Match weight (bits, prior included) of records i and j; `levels` receives the levels. */
  weight(i: number, j: number, levels: Uint8Array = this.levels): number {
    compareInto(this.records, i, j, levels)
    const w = this.weights
    let total = this.prior
    for (let k = 0; k < COMPARISON_COUNT; k++) total += w[k * LEVEL_STRIDE + levels[k]]
    if (levels[GIVEN] === 1) total += this.tfGiven[this.records.given[i]]
    if (levels[FAMILY] === 1) total += this.tfFamily[this.records.family[i]]
    if (twinsLike(levels)) total += TWINS_BITS
    return total
  }

  probability(i: number, j: number): number {
    return probabilityFromWeight(this.weight(i, j))
  }

  /** Term-frequency adjustment applied to an exact match of comparison k for record i. */
  tfBits(k: number, i: number): number {
    if (k === GIVEN) return this.tfGiven[this.records.given[i]]
    if (k === FAMILY) return this.tfFamily[this.records.family[i]]
    return 0
  }
}
