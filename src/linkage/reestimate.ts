// Re-estimation of the linkage model inside the import that added the records (issue 13): when the
// records held have grown enough since the last model, EM estimates a new model from them (train.ts,
// without holding m to the ceilings), which is kept as a new version in linkage_models. A model within
// the documented bounds (model.ts outOfBounds, docs/linkage-model.md) becomes the active one and the
// people made of one record are relinked with it, as `threadline linkage relink` does (audited,
// never undoing a person's decision). A model outside them is stored inactive with the reason, the
// active model stays, a line goes to standard error and the linkage admin page lists it.
// The rule ("enough"): at least REESTIMATE_MIN_RECORDS current person records, and at least
// REESTIMATE_GROWTH times as many as the latest model (adopted or not) was estimated on.
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import type { Actor } from '../audit/actor.ts'
import { appendAudit } from '../audit/audit.ts'
import { candidatePairs } from './blocking.ts'
import { bumpGeneration } from './generation.ts'
import { modelToJson, outOfBounds } from './model.ts'
import { prepareRecords } from './pipeline.ts'
import { relinkPeople, type RelinkSummary } from './relink.ts'
import { PairScorer } from './scorer.ts'
import { currentRecords, productNicknames } from './storage.ts'
import { addScore, emptyDistribution } from './thresholds.ts'
import { trainOnPrepared } from './train.ts'
import { exactRulesOnly } from '../people/link-records.ts'

export const REESTIMATE_MIN_RECORDS = 500
export const REESTIMATE_GROWTH = 1.25

export interface Reestimation {
  modelId: number
  records: number
  adopted: boolean
  /** why it was not adopted */
  reason: string | null
  relink: RelinkSummary | null
}

/** Whether the records held call for a new estimate: how many there are against the latest model. */
export async function reestimationDue(db: Db): Promise<{ due: boolean; records: number }> {
  const [held, latest] = await Promise.all([
    sql<{ n: number }>`select count(*)::int as n from person_versions where is_current and not withdrawn`.execute(db),
    db.selectFrom('linkage_models').select('records').orderBy('id', 'desc').limit(1).executeTakeFirst(),
  ])
  const records = held.rows[0].n
  const base = latest?.records ?? 0
  return { due: records >= REESTIMATE_MIN_RECORDS && records >= base * REESTIMATE_GROWTH, records }
}

/** Re-estimates when due (see the rule above); null when not due or linkage is exact-only. */
export async function reestimateAfterImport(
  db: Db,
  actor: Actor,
  at: Date,
  importId: number,
): Promise<Reestimation | null> {
  if (exactRulesOnly()) return null
  const { due } = await reestimationDue(db)
  if (!due) return null
  const stored = await currentRecords(db)
  const records = prepareRecords([stored.map((s) => s.record)], productNicknames())
  const candidates = candidatePairs(records)
  const model = trainOnPrepared(records, { candidates, bounded: false })
  const reason = outOfBounds(model)
  const scores = emptyDistribution()
  const scorer = new PairScorer(model, records)
  for (let x = 0; x < candidates.count; x++) addScore(scores, scorer.weight(candidates.a[x], candidates.b[x]))
  const system: Actor = { kind: 'system', name: `linkage re-estimation (import ${importId})` }
  const modelId = await db.transaction().execute(async (trx) => {
    await bumpGeneration(trx)
    if (!reason) await trx.updateTable('linkage_models').set({ active: false }).where('active', '=', true).execute()
    const row = await trx
      .insertInto('linkage_models')
      .values({
        trained_at: at,
        trained_by: `EM in import ${importId}`,
        model: modelToJson(model),
        records: stored.length,
        candidate_pairs: candidates.count,
        scores: JSON.stringify(reason ? { ...scores, notAdopted: reason } : scores),
        active: !reason,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await appendAudit(
      trx,
      system,
      {
        action: reason ? 'linkage.model_not_adopted' : 'linkage.model_adopted',
        details: { model: row.id, records: stored.length, import: importId, ...(reason ? { reason } : {}) },
      },
      at,
    )
    return row.id
  })
  if (reason) {
    process.stderr.write(
      `warning: linkage model ${modelId} re-estimated on ${stored.length} records was not adopted: ${reason}; the active model stays (listed on /linkage/status)\n`,
    )
    return { modelId, records: stored.length, adopted: false, reason, relink: null }
  }
  const relink = await relinkPeople(db, system, at)
  return { modelId, records: stored.length, adopted: true, reason: null, relink }
}
