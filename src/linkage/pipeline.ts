// Batch linkage end to end: prepare, block, train, score, cluster. What `threadline link` runs.
import { candidatePairs, type CandidatePairs } from './blocking.ts'
import { clusterPairs, type HumanDecision } from './cluster.ts'
import { addPairsWithinEntities } from './entity-pairs.ts'
import type { LinkageModel } from './model.ts'
import type { NicknameTable } from './nicknames.ts'
import { PreparedRecords } from './prepared.ts'
import type { LinkageRecord } from './record.ts'
import { scorePairs, type ScoredPairs } from './score.ts'
import { twoPeople } from './scorer.ts'
import { compareInto, COMPARISON_COUNT } from './comparisons.ts'
import { trainOnPrepared, type TrainOptions } from './train.ts'

export type Stage = 'preparing' | 'blocking' | 'training' | 'scoring' | 'clustering'

export interface LinkOptions {
  threshold?: number
  /** a model trained before; without it the model is trained on these records */
  model?: LinkageModel
  decisions?: readonly HumanDecision[]
  train?: Omit<TrainOptions, 'link' | 'candidates' | 'onProgress'>
  onProgress?: (stage: Stage, done: number, total: number) => void
}

export interface LinkResult {
  records: PreparedRecords
  model: LinkageModel
  candidates: CandidatePairs
  pairs: ScoredPairs
  /** entity of each record, as the index of its first record */
  entities: Int32Array
  link: boolean
}

/** Records from one file (deduplicate) or two (link across them): source = index in `sets`. */
export function prepareRecords(sets: readonly (readonly LinkageRecord[])[], nicknames: NicknameTable): PreparedRecords {
  const total = sets.reduce((s, x) => s + x.length, 0)
  const p = new PreparedRecords(nicknames, Math.max(16, total))
  sets.forEach((records, source) => {
    for (const r of records) p.add(r, source)
  })
  return p
}

export function linkRecords(
  sets: readonly (readonly LinkageRecord[])[],
  nicknames: NicknameTable,
  options: LinkOptions = {},
): LinkResult {
  const threshold = options.threshold ?? 0.5
  const progress = options.onProgress ?? (() => {})
  const link = sets.length > 1
  progress('preparing', 0, 1)
  const records = prepareRecords(sets, nicknames)
  progress('preparing', 1, 1)
  const candidates = candidatePairs(records, { link, onProgress: (d, t) => progress('blocking', d, t) })
  const model =
    options.model ??
    trainOnPrepared(records, { ...options.train, link, candidates, onProgress: (d, t) => progress('training', d, t) })
  const scored = scorePairs(records, model, candidates, threshold, (d, t) => progress('scoring', d, t))
  progress('clustering', 0, 1)
  const apart = contradictions(records, candidates, scored)
  const entities = clusterPairs(records.size, scored, {
    threshold,
    decisions: [...(options.decisions ?? []), ...apart],
  })
  const pairs = withoutContradicted(
    addPairsWithinEntities(records, model, entities, scored, threshold, link),
    entities,
    apart,
  )
  progress('clustering', 1, 1)
  return { records, model, candidates, pairs, entities, link }
}

/** Trains a model on records without labels (deduplication of one set, or linking of two). */
export function trainModel(
  sets: readonly (readonly LinkageRecord[])[],
  nicknames: NicknameTable,
  options: Omit<TrainOptions, 'link' | 'candidates'> = {},
): LinkageModel {
  const records = prepareRecords(sets, nicknames)
  return trainOnPrepared(records, { ...options, link: sets.length > 1 })
}

/**
 * Candidate pairs whose records cannot be one person, by the scorer's rules that say two people
 * whatever else agrees (twoPeople): two valid NHS numbers that differ (`identifiers`, neither held by
 * records a generation apart, shared-nhs.ts), dates of birth a generation apart (`generation`), full
 * dates years apart (`dates apart`), a brother and a sister (`sexes`). Only pairs of records some
 * link reaches (`linked`) are compared.
 * Clustering refuses a person holding both (as it refuses a person's "not the same"), and a pair that
 * would join the two people they fall in is not written: a third record that matches twins of
 * near-identical names ("Aidan" and "Aiden" Jones, one date, each with their own NHS number) goes
 * with one of them, not with both (decision 0064).
 */
export function contradictions(
  records: PreparedRecords,
  candidates: CandidatePairs,
  linked?: ScoredPairs,
): HumanDecision[] {
  const out: HumanDecision[] = []
  const levels = new Uint8Array(COMPARISON_COUNT)
  // only records some link reaches can be clustered together
  const reached = new Uint8Array(records.size)
  if (linked) for (let x = 0; x < linked.count; x++) reached[linked.a[x]] = reached[linked.b[x]] = 1
  for (let k = 0; k < candidates.count; k++) {
    const i = candidates.a[k]
    const j = candidates.b[k]
    if (linked && !(reached[i] && reached[j])) continue
    compareInto(records, i, j, levels)
    if (twoPeople(records, i, j, levels)) out.push({ a: i, b: j, same: false })
  }
  return out
}

/** The pairs, less those joining two people that hold records which contradict each other. */
function withoutContradicted(pairs: ScoredPairs, entities: Int32Array, apart: readonly HumanDecision[]): ScoredPairs {
  if (apart.length === 0) return pairs
  const key = (x: number, y: number) => (x < y ? `${x} ${y}` : `${y} ${x}`)
  const forbidden = new Set<string>()
  for (const d of apart) if (entities[d.a] !== entities[d.b]) forbidden.add(key(entities[d.a], entities[d.b]))
  const keep: number[] = []
  for (let x = 0; x < pairs.count; x++) {
    const ea = entities[pairs.a[x]]
    const eb = entities[pairs.b[x]]
    if (ea === eb || !forbidden.has(key(ea, eb))) keep.push(x)
  }
  if (keep.length === pairs.count) return pairs
  return {
    a: Uint32Array.from(keep, (x) => pairs.a[x]),
    b: Uint32Array.from(keep, (x) => pairs.b[x]),
    probability: Float64Array.from(keep, (x) => pairs.probability[x]),
    count: keep.length,
    compared: pairs.compared,
  }
}
