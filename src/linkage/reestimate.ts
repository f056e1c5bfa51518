// Re-estimation of the linkage model inside the import that added the records (issue 13): when the
// records held have grown enough since the last model, EM estimates a new model from them (train.ts,
// storage.ts trainAndStore, without holding m to the ceilings), which is kept as a new version in linkage_models. A model within
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
import { outOfBounds } from './model.ts'
import { relinkPeople, type RelinkSummary } from './relink.ts'
import { trainAndStore } from './storage.ts'
import { exactRulesOnly } from './link-records.ts'

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
export async function reestimateAfterImport(db: Db, at: Date, importId: number): Promise<Reestimation | null> {
  if (exactRulesOnly()) return null
  const { due } = await reestimationDue(db)
  if (!due) return null
  const system: Actor = { kind: 'system', name: `linkage re-estimation (import ${importId})` }
  const trained = await trainAndStore(db, `EM in import ${importId}`, at, {
    bounded: false,
    reject: outOfBounds,
    stored: (trx, modelId, reason, records) =>
      appendAudit(
        trx,
        system,
        {
          action: reason ? 'linkage_model_not_adopted' : 'linkage_model_adopted',
          details: { model: modelId, records, import: importId, ...(reason ? { reason } : {}) },
        },
        at,
      ),
  })
  const { modelId, records, notAdopted: reason } = trained
  if (reason) {
    process.stderr.write(
      `warning: linkage model ${modelId} re-estimated on ${records} records was not adopted: ${reason}; the active model stays (listed on /linkage/status)\n`,
    )
    return { modelId, records, adopted: false, reason, relink: null }
  }
  const relink = await relinkPeople(db, system, at)
  return { modelId, records, adopted: true, reason: null, relink }
}
