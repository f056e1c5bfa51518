// Training without labels, in the manner of Splink: u from random pairs (nearly all of which are
// different people); m by expectation–maximisation, one session per blocking rule, each session
// leaving alone the comparisons its rule constrains; then the prior from the candidate pairs.
import { HOUSEHOLD_COMPARISONS, COMPARISONS, COMPARISON_COUNT, compareInto, givenLevel } from './comparisons.ts'
import { candidatePairs, comparisonIndex, type CandidatePairs } from './blocking.ts'
import { boundedM, PROBABILITY_FLOOR, type LinkageModel, type TermFrequencies } from './model.ts'
import type { PreparedRecords } from './prepared.ts'
import { seededRandom } from './random.ts'
import { must } from '../errors/must.ts'

export interface TrainOptions {
  /** link mode: pairs only across sources */
  link?: boolean
  candidates?: CandidatePairs
  randomPairs?: number
  maxSessionPairs?: number
  maxIterations?: number
  seed?: number
  onProgress?: (done: number, total: number) => void
  /** hold m within the documented ceilings (model.ts M_CEILINGS); default true */
  bounded?: boolean
}

type Counts = Map<number, number>

/** Distinct comparison vectors of the given pairs with how often each occurs (EM runs on these). */
export function levelPatterns(p: PreparedRecords, pairs: Iterable<[number, number]>): Counts {
  const counts: Counts = new Map()
  const levels = new Uint8Array(COMPARISON_COUNT)
  for (const [i, j] of pairs) {
    compareInto(p, i, j, levels)
    const code = patternCode(levels)
    counts.set(code, (counts.get(code) ?? 0) + 1)
  }
  return counts
}

export function patternCode(levels: Uint8Array): number {
  let code = 0
  for (let k = 0; k < levels.length; k++) code = code * 16 + levels[k]
  return code
}

export function patternLevels(code: number, out = new Uint8Array(COMPARISON_COUNT)): Uint8Array {
  for (let k = COMPARISON_COUNT - 1; k >= 0; k--) {
    out[k] = code % 16
    code = (code - out[k]) / 16
  }
  return out
}

function* randomPairs(p: PreparedRecords, count: number, link: boolean, seed: number): Generator<[number, number]> {
  const random = seededRandom(seed)
  const first: number[] = []
  const second: number[] = []
  for (let i = 0; i < p.size; i++) (link && p.source[i] !== 0 ? second : first).push(i)
  const left = first
  const right = link ? second : first
  if (left.length === 0 || right.length === 0 || (!link && left.length < 2)) return
  for (let n = 0; n < count; n++) {
    const i = left[Math.floor(random() * left.length)]
    const j = right[Math.floor(random() * right.length)]
    if (i === j) {
      n--
      continue
    }
    yield [i, j]
  }
}

/**
 * Pairs of different records with the same family name, drawn at random, leaving out pairs whose
 * given names agree (most of those are the same person): how households look.
 */
function* sameFamilyPairs(p: PreparedRecords, count: number, link: boolean, seed: number): Generator<[number, number]> {
  const random = seededRandom(seed)
  const blocks = new Map<number, number[]>()
  for (let i = 0; i < p.size; i++) {
    if (p.family[i] < 0 || (link && p.source[i] === 0)) continue
    const list = blocks.get(p.family[i])
    if (list) list.push(i)
    else blocks.set(p.family[i], [i])
  }
  const left: number[] = []
  for (let i = 0; i < p.size; i++) if (p.family[i] >= 0 && (!link || p.source[i] === 0)) left.push(i)
  if (left.length === 0) return
  for (let n = 0, attempts = 0; n < count && attempts < count * 20; attempts++) {
    const i = left[Math.floor(random() * left.length)]
    const block = blocks.get(p.family[i])
    if (!block || block.length < 2 - (link ? 1 : 0)) continue
    const j = block[Math.floor(random() * block.length)]
    if (i === j) continue
    const g = givenLevel(p, i, j)
    if (g >= 1 && g <= 5) continue
    n++
    yield [i, j]
  }
}

function normalisedWithinGroups(counts: number[], groupSize: number, smoothing: number): number[] {
  const out = counts.slice()
  for (let start = 0; start < counts.length; start += groupSize) {
    const group = counts.slice(start, start + groupSize)
    const sum = group.reduce((s, x) => s + x, 0)
    group.forEach((x, l) => (out[start + l] = (x + smoothing) / (sum + smoothing * group.length)))
  }
  return out
}

/** u: how often each level occurs between records drawn at random. */
export function estimateU(p: PreparedRecords, count: number, link: boolean, seed: number): number[][] {
  return levelCountsAtRandom(p, count, link, seed).map((t, k) => {
    // a level never seen among random pairs is rarer than one in `count`
    return normalisedWithinGroups(t.slice(1), COMPARISONS[k].groupSize ?? COMPARISONS[k].levels.length, 0.5)
  })
}

/** How often each level (index 0: null) occurs between records drawn at random, per comparison. */
export function levelCountsAtRandom(p: PreparedRecords, count: number, link: boolean, seed: number): number[][] {
  const totals = COMPARISONS.map((c) => new Array<number>(c.levels.length + 1).fill(0))
  for (const [code, n] of levelPatterns(p, randomPairs(p, count, link, seed))) {
    const levels = patternLevels(code)
    for (let k = 0; k < COMPARISON_COUNT; k++) totals[k][levels[k]] += n
  }
  // the "family names agree" half of the household comparisons (date of birth, address, phone) is too
  // rare among random pairs: sample it directly from pairs of one family name
  const household = levelPatterns(p, sameFamilyPairs(p, Math.ceil(count / 4), link, seed + 1))
  for (const k of HOUSEHOLD_COMPARISONS) {
    const groupSize = must(COMPARISONS[k].groupSize, 'the group size of a household comparison')
    for (let l = groupSize + 1; l <= 2 * groupSize; l++) totals[k][l] = 0
    for (const [code, n] of household) {
      const level = patternLevels(code)[k]
      if (level > groupSize) totals[k][level] += n
    }
  }
  return totals
}

/** Records held before the home comparisons' u are read from them (see withLocalHomeU). */
export const LOCAL_U_MIN_RECORDS = 500
/** Random pairs drawn for them (and a quarter as many pairs of one family name). */
export const LOCAL_U_PAIRS = 50_000
/** Pairs with a value on both sides a group of levels needs before its u are read from the records. */
export const LOCAL_U_MIN_OBSERVED = 500

/**
 * The model with the u of the home comparisons (address, phone) read from the records held: how often
 * two different people share an address, a postcode, a sector or a phone by chance depends on the
 * area (in one town, most pairs share a postcode sector; a shipped default cannot know that). u comes
 * from random pairs, nearly all of them two people, so households do not bias it as they bias m
 * (train.ts); m stays the model's. A group of levels (family names agree or differ) seen on fewer than
 * LOCAL_U_MIN_OBSERVED pairs keeps the model's u, and so does every group below LOCAL_U_MIN_RECORDS
 * records. Seeded: the same records give the same u.
 */
export function withLocalHomeU(model: LinkageModel, p: PreparedRecords, seed = 13): LinkageModel {
  if (p.size < LOCAL_U_MIN_RECORDS) return model
  const totals = levelCountsAtRandom(p, LOCAL_U_PAIRS, false, seed)
  const comparisons = model.comparisons.map((c, k) => {
    if (!(HOUSEHOLD_COMPARISONS as readonly number[]).includes(k)) return c
    const groupSize = must(COMPARISONS[k].groupSize, 'the group size of a household comparison')
    const counts = totals[k].slice(1)
    const u = normalisedWithinGroups(counts, groupSize, 0.5)
    return {
      ...c,
      levels: c.levels.map((l, x) => {
        const start = x - (x % groupSize)
        const observed = counts.slice(start, start + groupSize).reduce((s, n) => s + n, 0)
        return observed >= LOCAL_U_MIN_OBSERVED ? { ...l, u: Math.max(PROBABILITY_FLOOR, u[x]) } : l
      }),
    }
  })
  return { ...model, comparisons }
}

function initialM(levelCount: number, groupSize = levelCount): number[] {
  if (groupSize < levelCount) {
    return Array.from({ length: levelCount / groupSize }, () => initialM(groupSize)).flat()
  }
  if (levelCount === 2) return [0.9, 0.1]
  const middle = 0.25 / (levelCount - 2)
  return Array.from({ length: levelCount }, (_, x) => (x === 0 ? 0.7 : x === levelCount - 1 ? 0.05 : middle))
}

interface EmResult {
  m: number[][]
  lambda: number
  iterations: number
}

/**
 * Expectation–maximisation on level patterns with u fixed. `trainable[k]` false keeps comparison k's
 * m as given; `trainM` false estimates the match proportion only.
 */
export function expectationMaximisation(
  patterns: Counts,
  m0: number[][],
  u: number[][],
  trainable: boolean[],
  lambda0: number,
  maxIterations: number,
  trainM = true,
): EmResult {
  const codes = [...patterns.keys()]
  const levels = codes.map((c) => patternLevels(c))
  const counts = [...patterns.values()]
  const total = counts.reduce((s, x) => s + x, 0)
  if (total === 0) return { m: m0.map((r) => r.slice()), lambda: lambda0, iterations: 0 }
  let m = m0.map((r) => r.slice())
  let lambda = lambda0
  let iterations = 0
  for (; iterations < maxIterations; iterations++) {
    const sums = m.map((r) => new Array<number>(r.length).fill(0))
    let matches = 0
    for (let x = 0; x < codes.length; x++) {
      const lv = levels[x]
      let pm = lambda
      let pu = 1 - lambda
      for (let k = 0; k < COMPARISON_COUNT; k++) {
        const l = lv[k]
        // a comparison the session's blocking rule constrains is left out, as in Splink: it would
        // count the blocking agreement as evidence of a match for every pair alike
        if (l === 0 || (trainM && !trainable[k])) continue
        pm *= Math.max(m[k][l - 1], PROBABILITY_FLOOR)
        pu *= Math.max(u[k][l - 1], PROBABILITY_FLOOR)
      }
      const posterior = pm / (pm + pu)
      const weight = posterior * counts[x]
      matches += weight
      for (let k = 0; k < COMPARISON_COUNT; k++) if (lv[k] !== 0) sums[k][lv[k] - 1] += weight
    }
    const nextLambda = Math.min(0.999, Math.max(1e-9, matches / total))
    let change = Math.abs(nextLambda - lambda)
    lambda = nextLambda
    if (trainM) {
      const next = m.map((row, k) => {
        if (!trainable[k]) return row
        const s = sums[k].reduce((a, b) => a + b, 0)
        if (s <= 0) return row
        const groupSize = COMPARISONS[k].groupSize ?? row.length
        return normalisedWithinGroups(sums[k], groupSize, 1e-3).map((v) => Math.max(v, PROBABILITY_FLOOR))
      })
      for (let k = 0; k < next.length; k++)
        for (let l = 0; l < next[k].length; l++) change = Math.max(change, Math.abs(next[k][l] - m[k][l]))
      m = next
    }
    if (change < 1e-6) {
      iterations++
      break
    }
  }
  return { m, lambda, iterations }
}

/** Counts of each name (given and family), the basis of the term-frequency adjustment. */
export function termFrequencies(p: PreparedRecords, column: Int32Array): TermFrequencies {
  const byId = new Map<number, number>()
  let total = 0
  for (let i = 0; i < p.size; i++) {
    const id = column[i]
    if (id < 0) continue
    total++
    byId.set(id, (byId.get(id) ?? 0) + 1)
  }
  const counts: Record<string, number> = {}
  for (const [id, n] of byId) if (n >= 2) counts[p.names.text[id]] = n
  return { total, counts }
}

function* sampledPairs(
  c: CandidatePairs,
  limit: number,
  keep: (i: number, j: number) => boolean,
): Generator<[number, number]> {
  const step = Math.max(1, Math.floor(c.count / limit))
  for (let x = 0; x < c.count; x += step) {
    const i = c.a[x]
    const j = c.b[x]
    if (keep(i, j)) yield [i, j]
  }
}

export function trainOnPrepared(p: PreparedRecords, options: TrainOptions = {}): LinkageModel {
  const link = options.link ?? false
  const seed = options.seed ?? 42
  const maxIterations = options.maxIterations ?? 40
  const maxSessionPairs = options.maxSessionPairs ?? 400_000
  const progress = options.onProgress ?? (() => {})
  const candidates = options.candidates ?? candidatePairs(p, { link })
  const steps = candidates.rules.length + 2
  progress(0, steps)
  const u = estimateU(p, options.randomPairs ?? 400_000, link, seed)
  progress(1, steps)

  const m0 = COMPARISONS.map((c) => initialM(c.levels.length, c.groupSize))
  const mSums = m0.map((r) => r.map(() => 0))
  const sessions = m0.map(() => 0)
  let iterations = 0
  candidates.rules.forEach((rule, r) => {
    if (!rule.training) return
    const keys = candidates.keys[r]
    const pairs = rule.trainingOnly
      ? blockPairs(keys, maxSessionPairs, link ? p.source : null)
      : sampledPairs(candidates, maxSessionPairs, (i, j) => keys[i] >= 0 && keys[i] === keys[j])
    const patterns = levelPatterns(p, pairs)
    let count = 0
    for (const n of patterns.values()) count += n
    progress(2 + r, steps)
    if (count < 50) return
    const used = new Set(rule.uses.map(comparisonIndex))
    const trainable = COMPARISONS.map((_, k) => !used.has(k))
    const result = expectationMaximisation(patterns, m0, u, trainable, 0.3, maxIterations)
    iterations += result.iterations
    trainable.forEach((t, k) => {
      if (!t) return
      sessions[k]++
      result.m[k].forEach((v, l) => (mSums[k][l] += v))
    })
  })
  const m = mSums.map((row, k) => {
    const c = COMPARISONS[k]
    if (options.bounded === false) return sessions[k] ? row.map((v) => v / sessions[k]) : m0[k]
    return boundedM(
      c.name,
      c.levels,
      c.groupSize ?? c.levels.length,
      sessions[k] ? row.map((v) => v / sessions[k]) : m0[k],
    )
  })

  // the share of candidate pairs that are matches, then scaled to all possible pairs
  const all = levelPatterns(
    p,
    sampledPairs(candidates, 1_000_000, () => true),
  )
  const share = expectationMaximisation(
    all,
    m,
    u,
    COMPARISONS.map(() => false),
    0.1,
    maxIterations,
    false,
  )
  const nLeft = link ? countSource(p, 0) : p.size
  const nRight = link ? p.size - nLeft : p.size
  const possiblePairs = link ? nLeft * nRight : (p.size * (p.size - 1)) / 2
  const expectedMatches = share.lambda * candidates.count
  const lambda = Math.min(0.5, Math.max(1e-12, expectedMatches / Math.max(1, possiblePairs)))
  progress(steps, steps)
  return {
    version: 1,
    comparisons: COMPARISONS.map((c, k) => ({
      name: c.name,
      levels: c.levels.map((label, l) => ({ label, m: m[k][l], u: u[k][l] })),
    })),
    lambda,
    termFrequencies: { given: termFrequencies(p, p.given), family: termFrequencies(p, p.family) },
    trainedOn: { records: p.size, candidatePairs: candidates.count, emIterations: iterations },
  }
}

/** Pairs within the blocks of a training-only rule: a bounded number from each block, up to `limit`. */
function* blockPairs(
  keys: Int32Array,
  limit: number,
  source: Uint8Array | null,
  perBlock = 12,
): Generator<[number, number]> {
  const blocks = new Map<number, number[]>()
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] < 0) continue
    const list = blocks.get(keys[i])
    if (!list) blocks.set(keys[i], [i])
    else if (list.length < perBlock) list.push(i)
  }
  let n = 0
  for (const list of blocks.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        if (source && source[list[x]] === source[list[y]]) continue
        yield [list[x], list[y]]
        if (++n >= limit) return
      }
    }
  }
}

function countSource(p: PreparedRecords, source: number): number {
  let n = 0
  for (let i = 0; i < p.size; i++) if (p.source[i] === source) n++
  return n
}
