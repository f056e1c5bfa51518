// Batch linkage end to end: prepare, block, train, score, cluster. What `threadline link` runs.
import { candidatePairs, type CandidatePairs } from './blocking.ts'
import { clusterPairs, type HumanDecision } from './cluster.ts'
import { addPairsWithinEntities } from './entity-pairs.ts'
import type { LinkageModel } from './model.ts'
import type { NicknameTable } from './nicknames.ts'
import { PreparedRecords } from './prepared.ts'
import type { LinkageRecord } from './record.ts'
import { scorePairs, type ScoredPairs } from './score.ts'
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
  const entities = clusterPairs(records.size, scored, { threshold, decisions: options.decisions })
  const pairs = addPairsWithinEntities(records, model, entities, scored, threshold, link)
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
