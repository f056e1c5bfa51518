// A trained Fellegi–Sunter model as plain data (JSON), so that the product can store it and retrain
// only when someone asks. m: P(level | same person); u: P(level | different people).
import { COMPARISONS } from './comparisons.ts'

export interface LevelParameters {
  label: string
  m: number
  u: number
}

export interface ComparisonParameters {
  name: string
  levels: LevelParameters[] // levels 1..n; level 0 ("null") always weighs 0
}

export interface TermFrequencies {
  /** how many non-empty values were counted */
  total: number
  /** counts of the values seen at least twice; any other value counts as seen once */
  counts: Record<string, number>
}

export interface LinkageModel {
  version: 1
  comparisons: ComparisonParameters[]
  /** prior probability that two records drawn at random are the same person */
  lambda: number
  termFrequencies: { given: TermFrequencies; family: TermFrequencies }
  trainedOn: { records: number; candidatePairs: number; emIterations: number }
}

/** Smallest probability a parameter may take: no single field may weigh more than ~17 bits. */
export const PROBABILITY_FLOOR = 1e-5
/**
 * Lowest weight of a level: any field of one person is sometimes recorded wrongly (a sex keyed in
 * error, a mother's NHS number on a newborn's record), so no single disagreement weighs below this
 * even when the training data never showed one.
 */
export const MIN_LEVEL_BITS = -10
/** Bounds of the term-frequency adjustment, in bits. */
export const TF_MIN_BITS = -5
export const TF_MAX_BITS = 6

/**
 * Documented bounds of a model (docs/linkage-model.md): the most that a disagreement may occur between
 * two records of one person, whatever a training set suggests. Records built to look alike (twins,
 * namesakes in one household) otherwise teach EM that a different date of birth or NHS number is
 * common among matches. Training holds m within them; a re-estimated model outside them is not adopted.
 */
export const M_CEILINGS: Readonly<Record<string, number>> = {
  given_name: 0.1,
  family_name: 0.15,
  date_of_birth: 0.05,
  sex: 0.05,
  nhs_number: 0.05,
}

/** Bounds of the prior, and the least m of an exact agreement of a name or a date of birth. */
export const LAMBDA_BOUNDS = [1e-9, 0.1] as const
export const M_EXACT_FLOORS: Readonly<Record<string, number>> = {
  given_name: 0.4,
  family_name: 0.4,
  date_of_birth: 0.4,
}

/** Why a model leaves the documented bounds, or null when it keeps within them. */
export function outOfBounds(model: LinkageModel): string | null {
  if (!(model.lambda >= LAMBDA_BOUNDS[0] && model.lambda <= LAMBDA_BOUNDS[1]))
    return `prior ${model.lambda.toExponential(2)} outside ${LAMBDA_BOUNDS[0]}..${LAMBDA_BOUNDS[1]}`
  for (const c of model.comparisons) {
    const ceiling = M_CEILINGS[c.name]
    if (ceiling !== undefined)
      for (const l of c.levels)
        if (l.label.startsWith('else') && l.m > ceiling)
          return `${c.name} "${l.label}": m ${l.m.toFixed(3)} above its ceiling ${ceiling}`
    const floor = M_EXACT_FLOORS[c.name]
    if (floor !== undefined && c.levels[0].m < floor)
      return `${c.name} "${c.levels[0].label}": m ${c.levels[0].m.toFixed(3)} below its floor ${floor}`
  }
  return null
}

/** Index (0-based) of the "else" level of each group of a comparison's levels. */
export function elseLevels(labels: readonly string[], groupSize: number): number[] {
  const out: number[] = []
  for (let start = 0; start < labels.length; start += groupSize)
    for (let l = start; l < start + groupSize; l++) if (labels[l].startsWith('else')) out.push(l)
  return out
}

/** m within the ceilings: an "else" level above its ceiling is lowered and the rest of its group scaled up. */
export function boundedM(name: string, labels: readonly string[], groupSize: number, m: number[]): number[] {
  const ceiling = M_CEILINGS[name]
  if (ceiling === undefined) return m
  const out = m.slice()
  for (const l of elseLevels(labels, groupSize)) {
    if (out[l] <= ceiling) continue
    const start = l - (l % groupSize)
    const rest = 1 - out[l]
    out[l] = ceiling
    for (let x = start; x < start + groupSize; x++)
      if (x !== l) out[x] = rest > 0 ? (out[x] * (1 - ceiling)) / rest : (1 - ceiling) / (groupSize - 1)
  }
  return out
}

export function modelToJson(model: LinkageModel): string {
  return JSON.stringify(model)
}

export function modelFromJson(json: string): LinkageModel {
  const model = JSON.parse(json) as LinkageModel
  if (model.version !== 1 || !Array.isArray(model.comparisons)) throw new Error('not a linkage model (version 1)')
  const names = COMPARISONS.map((c) => c.name).join(',')
  if (model.comparisons.map((c) => c.name).join(',') !== names)
    throw new Error('linkage model comparisons do not match this version')
  return model
}

export const bits = (x: number) => Math.log2(x)

/** Match weight of each level, indexed [comparison * LEVEL_STRIDE + level]. */
export const LEVEL_STRIDE = 16

export function levelWeights(model: LinkageModel): Float64Array {
  const w = new Float64Array(model.comparisons.length * LEVEL_STRIDE)
  model.comparisons.forEach((c, k) => {
    c.levels.forEach((l, x) => {
      const weight = Math.max(MIN_LEVEL_BITS, bits(Math.max(l.m, PROBABILITY_FLOOR) / Math.max(l.u, PROBABILITY_FLOOR)))
      // a disagreement is never evidence for a match, whatever the estimate (in one town nearly every
      // pair shares a postcode district, so "else" is rare among random pairs too)
      w[k * LEVEL_STRIDE + x + 1] = l.label.startsWith('else') ? Math.min(0, weight) : weight
    })
  })
  return w
}

export function priorWeight(model: LinkageModel): number {
  return bits(model.lambda / (1 - model.lambda))
}

export function probabilityFromWeight(weight: number): number {
  return 1 / (1 + 2 ** -weight)
}

/** Term-frequency adjustment of an exact name match: a shared rare name counts for more. */
export function tfAdjustment(tf: TermFrequencies, uExact: number, name: string): number {
  if (tf.total === 0) return 0
  const count = tf.counts[name] ?? 1
  const frequency = count / tf.total
  const adj = bits(Math.max(uExact, PROBABILITY_FLOOR) / frequency)
  return Math.min(TF_MAX_BITS, Math.max(TF_MIN_BITS, adj))
}
