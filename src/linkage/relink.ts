// `threadline linkage relink`: records imported before a model was trained (or under an older one)
// were linked by the exact rules only, and many stayed people of their own. Relinking asks the
// active model about every person made of a single current agency record that no person placed,
// through the import's own session (incremental.ts), at the same thresholds:
//   probability >= auto threshold -> merged into that person by the model (merge.ts: history,
//                                    audit, and what belongs to the person follows it)
//   review <= probability < auto  -> the pair is queued for the MASH (unless already queued)
//   below                         -> left alone.
// People's decisions win as at import: a record decided "not the same" as a person is never put
// with it, and nothing a person merged or split is undone. One transaction: all or nothing.
// A dry run does the same work and rolls it back, so its counts are exactly what a run would do.
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import type { Actor } from '../audit/actor.ts'
import { actorLabel } from '../audit/actor.ts'
import { appendAudit, audit, type AuditEntry } from '../audit/audit.ts'
import { forgetKeptLinkers, linkSession } from './incremental.ts'
import { mergePeople } from './merge.ts'
import { currentRecords } from './storage.ts'
import { recordKey } from '../records/keys.ts'
import { must, mustGet } from '../errors/must.ts'

export interface RelinkSummary {
  modelId: number
  dryRun: boolean
  auto: number
  review: number
  /** people made of one current agency record that no person placed */
  considered: number
  /** merged by the model into another person (at or above the auto threshold) */
  linked: number
  /** queued for the MASH (in the review band) */
  queued: number
  /** in the review band, with the same pair already waiting in the queue */
  alreadyQueued: number
  /** another considered person was merged into them before their turn */
  joined: number
  /** below the review threshold, or kept apart by people's decisions */
  unchanged: number
}

class DryRun extends Error {
  constructor(readonly summary: RelinkSummary) {
    super('dry run')
  }
}

export interface RelinkOptions {
  dryRun?: boolean
  /** only these records (`agency:source_id`): an import's written records (importer.ts) */
  only?: ReadonlySet<string>
  onProgress?: (done: number, total: number) => void
}

export async function relinkPeople(
  db: Db,
  actor: Actor,
  at: Date,
  options: RelinkOptions = {},
): Promise<RelinkSummary> {
  const dryRun = options.dryRun === true
  let summary: RelinkSummary
  try {
    summary = await db.transaction().execute(async (trx) => {
      const session = await linkSession(trx, at)
      const records = await currentRecords(trx)
      const placed = new Set(
        (
          await trx
            .selectFrom('entity_links')
            .select(['agency_code', 'source_id'])
            .where('method', '=', 'person_decision')
            .execute()
        ).map((r) => recordKey(r.agency_code, r.source_id)),
      )
      const open = await trx
        .selectFrom('linkage_reviews')
        .select(['agency_code', 'source_id', 'candidate_entity'])
        .where('status', '=', 'open')
        .execute()
      const mergedInto = new Map(
        (
          await trx.selectFrom('entities').select(['id', 'merged_into']).where('merged_into', 'is not', null).execute()
        ).map((r) => [r.id, must(r.merged_into, 'the person a merged person went into')]),
      )
      const current = (id: number) => {
        for (let hops = 0; hops < 20 && mergedInto.has(id); hops++)
          id = mustGet(mergedInto, id, 'the person merged into')
        return id
      }
      const queuedFor = new Map<string, number[]>()
      for (const r of open) {
        const key = recordKey(r.agency_code, r.source_id)
        queuedFor.set(key, [...(queuedFor.get(key) ?? []), r.candidate_entity])
      }

      const count = new Map<number, number>()
      for (const s of records) count.set(s.entityId, (count.get(s.entityId) ?? 0) + 1)
      // newest first, so that a person known longer keeps its id when two of them are one
      const singles = records
        .filter(
          (s) =>
            count.get(s.entityId) === 1 && !placed.has(s.record.id) && (!options.only || options.only.has(s.record.id)),
        )
        .sort((a, b) => b.entityId - a.entityId)

      const model: Actor = { kind: 'system', name: `linkage model ${session.modelId}` }
      const merges: AuditEntry[] = []
      const out: RelinkSummary = {
        modelId: session.modelId,
        dryRun,
        auto: session.thresholds.auto,
        review: session.thresholds.review,
        considered: singles.length,
        linked: 0,
        queued: 0,
        alreadyQueued: 0,
        joined: 0,
        unchanged: 0,
      }
      let done = 0
      for (const single of singles) {
        if (++done % 1000 === 0) options.onProgress?.(done, singles.length)
        if (session.sizeOf(single.entityId) !== 1) {
          out.joined++
          continue
        }
        const decision = session.reconsider(single.record, single.entityId)
        if (decision.kind === 'link') {
          const reason = `relink by ${actorLabel(actor)}: probability ${decision.probability.toFixed(4)}, auto-link at ${out.auto}`
          await mergePeople(trx, model, single.entityId, decision.entityId, reason, at, {
            score: decision.probability,
            audit: merges,
            inSession: true,
          })
          session.merged(single.entityId, decision.entityId)
          mergedInto.set(single.entityId, decision.entityId)
          // a pair of this record waiting for the MASH is answered by the link
          await trx
            .updateTable('linkage_reviews')
            .set({ status: 'closed', decided_at: at, reason: `linked by linkage model ${session.modelId} (relink)` })
            .where('status', '=', 'open')
            .where('agency_code', '=', single.agency)
            .where('source_id', '=', single.sourceId)
            .execute()
          out.linked++
        } else if (decision.kind === 'review') {
          // the MASH sees a pair once, whichever of the two was queued against the other
          const waiting = (record: string, person: number) =>
            (queuedFor.get(record) ?? []).some((candidate) => current(candidate) === person)
          if (waiting(single.record.id, decision.entityId) || waiting(decision.recordId, single.entityId)) {
            out.alreadyQueued++
          } else {
            session.queue(single.record, decision)
            queuedFor.set(single.record.id, [...(queuedFor.get(single.record.id) ?? []), decision.entityId])
            out.queued++
          }
        } else {
          out.unchanged++
        }
      }
      options.onProgress?.(singles.length, singles.length)
      await session.finish(trx, at)
      await session.settle(trx)
      await appendAudit(trx, model, merges, at)
      await appendAudit(trx, actor, { action: 'linkage_relink', details: auditDetails(out) }, at)
      if (dryRun) throw new DryRun(out)
      return out
    })
  } catch (error) {
    // the transaction rolled back: the linker kept in memory may hold what it did
    forgetKeptLinkers()
    if (!(error instanceof DryRun)) throw error
    summary = error.summary
    await audit(db, actor, { action: 'linkage_relink', details: auditDetails(summary) }, at)
  }
  return summary
}

const auditDetails = (s: RelinkSummary) => ({
  model: s.modelId,
  dry_run: s.dryRun,
  auto: s.auto,
  review: s.review,
  considered: s.considered,
  linked: s.linked,
  queued: s.queued,
  already_queued: s.alreadyQueued,
  joined: s.joined,
  unchanged: s.unchanged,
})

/** How many people relinking would reconsider: made of one current agency record no person placed. */
export async function relinkCandidates(db: Db): Promise<number> {
  const row = await sql<{ n: number }>`
    select count(*)::int as n from (
      select l.entity_id from entity_links l
      join person_versions p on p.agency_code = l.agency_code and p.source_id = l.source_id and p.is_current and not p.withdrawn
      group by l.entity_id
      having count(*) = 1 and bool_and(l.method <> 'person_decision')) s`.execute(db)
  return row.rows[0].n
}
