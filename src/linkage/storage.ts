// The linkage engine's state in the database: trained models (one active), the thresholds, and the
// current agency person records as linkage records. Training is explicit (`threadline linkage
// train`); imports only read the active model.
import { sql, type Transaction } from 'kysely'
import type { Db } from '../db/database.ts'
import type { Tables } from '../db/schema.ts'
import { candidatePairs } from './blocking.ts'
import { modelFromJson, modelToJson, type LinkageModel } from './model.ts'
import type { NicknameTable } from './nicknames.ts'
import { loadNicknames } from './nicknames-file.ts'
import { prepareRecords } from './pipeline.ts'
import { linkageRecordFromPerson, type LinkageRecord } from './record.ts'
import { PairScorer } from './scorer.ts'
import {
  addScore,
  emptyDistribution,
  tradeOff,
  type ScoreDistribution,
  type Thresholds,
  type TradeOff,
} from './thresholds.ts'
import { trainOnPrepared } from './train.ts'
import { bumpGeneration, lockLinking } from './generation.ts'
import { defaultModel } from './default-model.ts'
import type { PersonRecord } from '../records/types.ts'
import { readSettings } from '../config/settings.ts'

type Executor = Db | Transaction<Tables>

let nicknames: NicknameTable | null = null
/** The shared nickname list, read once per process. */
export function productNicknames(): NicknameTable {
  nicknames ??= loadNicknames()
  return nicknames
}

export interface StoredRecord {
  record: LinkageRecord
  agency: string
  sourceId: string
  entityId: number
}

interface PersonRow {
  agency_code: string
  source_id: string
  given_name: string | null
  family_name: string | null
  other_names: string[] | null
  date_of_birth: string | null
  sex: string | null
  nhs_number: string | null
  upn: string | null
  pnc_id: string | null
  address: unknown
  phone: string | null
  is_child: boolean | null
  recorded_at: Date | string | null
  entity_id: number
}

export function linkageRecordFromRow(row: Omit<PersonRow, 'entity_id'>): LinkageRecord {
  const address = (typeof row.address === 'string' ? JSON.parse(row.address) : row.address) as
    PersonRecord['address'] | null
  return linkageRecordFromPerson({
    agency: row.agency_code,
    source_id: row.source_id,
    given_name: row.given_name ?? undefined,
    family_name: row.family_name ?? undefined,
    other_names: row.other_names ?? undefined,
    date_of_birth: row.date_of_birth ?? undefined,
    sex: row.sex ?? undefined,
    nhs_number: row.nhs_number ?? undefined,
    upn: row.upn ?? undefined,
    pnc_id: row.pnc_id ?? undefined,
    address: address ?? undefined,
    phone: row.phone ?? undefined,
    is_child: row.is_child ?? undefined,
    recorded_at:
      row.recorded_at === null
        ? undefined
        : row.recorded_at instanceof Date
          ? row.recorded_at.toISOString()
          : row.recorded_at,
  } as PersonRecord)
}

/** Every current, live agency person record with the person it is linked to (one query). */
export async function currentRecords(db: Executor): Promise<StoredRecord[]> {
  const rows = await sql<PersonRow>`
    select p.agency_code, p.source_id, p.given_name, p.family_name, p.other_names, p.date_of_birth, p.sex,
      p.nhs_number, p.upn, p.pnc_id, p.address, p.phone, p.is_child, p.recorded_at, l.entity_id
    from person_versions p join entity_links l on l.agency_code = p.agency_code and l.source_id = p.source_id
    where p.is_current and not p.withdrawn
    order by p.id`.execute(db)
  return rows.rows.map((row) => ({
    record: linkageRecordFromRow(row),
    agency: row.agency_code,
    sourceId: row.source_id,
    entityId: row.entity_id,
  }))
}

export interface ActiveModel {
  id: number
  model: LinkageModel
}

const parsed = new Map<string, LinkageModel>()

/**
 * The active model, or null when none has been trained. A stored model never changes, so it is
 * parsed once per process, keyed by the database instance (generation.ts) and the model's id.
 */
export async function activeModel(db: Executor): Promise<ActiveModel | null> {
  const row = await sql<{ id: number; instance: string | null }>`
    select m.id, s.instance from linkage_models m left join linkage_state s on s.id = 1 where m.active`.execute(db)
  const active = row.rows[0]
  if (!active) return null
  const key = active.instance === null ? null : `${active.instance}:${active.id}`
  let model = key === null ? undefined : parsed.get(key)
  if (!model) {
    const stored = await db
      .selectFrom('linkage_models')
      .select(['model'])
      .where('id', '=', active.id)
      .executeTakeFirstOrThrow()
    model = modelFromJson(stored.model)
    if (key !== null) parsed.set(key, model)
  }
  return { id: active.id, model }
}

export const DEFAULT_MODEL_AUTHOR = 'shipped default model'

/**
 * The active model; when none has been stored, the shipped default (default-model.ts) is stored as
 * the first version and made active, so that the first import links probabilistically. Under the
 * linking lock, so two imports cannot both store it.
 */
export async function activeOrDefaultModel(trx: Transaction<Tables>, at: Date): Promise<ActiveModel> {
  await lockLinking(trx)
  const active = await activeModel(trx)
  if (active) return active
  const row = await trx
    .insertInto('linkage_models')
    .values({
      trained_at: at,
      trained_by: DEFAULT_MODEL_AUTHOR,
      model: modelToJson(defaultModel()),
      records: 0,
      candidate_pairs: 0,
      scores: JSON.stringify(emptyDistribution()),
      active: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id: row.id, model: defaultModel() }
}

export interface TrainingSummary {
  modelId: number
  records: number
  candidatePairs: number
  emIterations: number
  lambda: number
  seconds: number
  scores: ScoreDistribution
  /** why the model was stored but not made active (it left the bounds `reject` checks); null when adopted */
  notAdopted: string | null
}

export interface TrainingOptions {
  seed?: number
  randomPairs?: number
  onProgress?: (done: number, total: number) => void
  /** hold m within the ceilings while estimating (model.ts boundedM); true unless said otherwise */
  bounded?: boolean
  /** why a model must not become the active one (it is stored inactive, with the reason), or null */
  reject?: (model: LinkageModel) => string | null
  /** more writes in the transaction that stores the model (an audit entry) */
  stored?: (trx: Transaction<Tables>, modelId: number, notAdopted: string | null, records: number) => Promise<void>
}

/**
 * Trains a model on the database's current person records, without labels, and stores it as a new
 * version, the active one unless `reject` gives a reason. People, links and decisions are untouched:
 * retraining changes future scores only. `threadline linkage train` and the re-estimation inside an
 * import (reestimate.ts) both come here.
 */
export async function trainAndStore(
  db: Db,
  trainedBy: string,
  at: Date,
  options: TrainingOptions = {},
): Promise<TrainingSummary> {
  const started = performance.now()
  const stored = await currentRecords(db)
  if (stored.length < 2) throw new Error('too few person records to train on')
  const records = prepareRecords([stored.map((s) => s.record)], productNicknames())
  const candidates = candidatePairs(records)
  const model = trainOnPrepared(records, {
    candidates,
    seed: options.seed,
    randomPairs: options.randomPairs,
    onProgress: options.onProgress,
    bounded: options.bounded,
  })
  const notAdopted = options.reject?.(model) ?? null
  const scorer = new PairScorer(model, records)
  const scores = emptyDistribution()
  for (let x = 0; x < candidates.count; x++) addScore(scores, scorer.weight(candidates.a[x], candidates.b[x]))
  const modelId = await db.transaction().execute(async (trx) => {
    await bumpGeneration(trx)
    if (!notAdopted) await trx.updateTable('linkage_models').set({ active: false }).where('active', '=', true).execute()
    const row = await trx
      .insertInto('linkage_models')
      .values({
        trained_at: at,
        trained_by: trainedBy,
        model: modelToJson(model),
        records: stored.length,
        candidate_pairs: candidates.count,
        scores: JSON.stringify(notAdopted ? { ...scores, notAdopted } : scores),
        active: !notAdopted,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await options.stored?.(trx, row.id, notAdopted, stored.length)
    return row.id
  })
  return {
    modelId,
    records: stored.length,
    candidatePairs: candidates.count,
    emIterations: model.trainedOn.emIterations,
    lambda: model.lambda,
    seconds: (performance.now() - started) / 1000,
    scores,
    notAdopted,
  }
}

/** Thresholds from the environment (src/config/settings.ts), unless someone has stored others. */
export function defaultThresholds(env: NodeJS.ProcessEnv = process.env): Thresholds {
  const s = readSettings(env, ['linkAuto', 'linkReview'])
  return { auto: s.linkAuto, review: s.linkReview }
}

export async function thresholds(
  db: Executor,
): Promise<Thresholds & { updatedBy: string | null; updatedAt: Date | null }> {
  const rows = await db.selectFrom('linkage_settings').selectAll().execute()
  const t = { ...defaultThresholds(), updatedBy: null as string | null, updatedAt: null as Date | null }
  for (const r of rows) {
    t[r.name] = r.value
    t.updatedBy = r.updated_by
    t.updatedAt = r.updated_at
  }
  return t
}

export async function storeThresholds(trx: Transaction<Tables>, t: Thresholds, by: string, at: Date): Promise<void> {
  for (const name of ['auto', 'review'] as const) {
    await trx
      .insertInto('linkage_settings')
      .values({ name, value: t[name], updated_by: by, updated_at: at })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value: t[name], updated_by: by, updated_at: at }))
      .execute()
  }
}

export interface ModelSummary {
  id: number
  trainedAt: Date
  trainedBy: string
  records: number
  candidatePairs: number
  tradeOffs: TradeOff[]
}

/** The active model's trade-off at the given thresholds (expected precision and recall at each). */
export async function activeModelSummary(db: Executor, at: readonly number[]): Promise<ModelSummary | null> {
  const row = await db
    .selectFrom('linkage_models')
    .select(['id', 'trained_at', 'trained_by', 'records', 'candidate_pairs', 'scores'])
    .where('active', '=', true)
    .executeTakeFirst()
  if (!row) return null
  const scores = (typeof row.scores === 'string' ? JSON.parse(row.scores) : row.scores) as ScoreDistribution
  return {
    id: row.id,
    trainedAt: row.trained_at,
    trainedBy: row.trained_by,
    records: row.records,
    candidatePairs: Number(row.candidate_pairs),
    tradeOffs: at.map((t) => tradeOff(scores, t)),
  }
}
