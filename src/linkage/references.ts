// Evidence that is not in a person record's fields: what an agency's events say about whose they
// are. A return interview that names the missing episode it answers (`episode`: "police:E-77") is an
// interview of the child of that episode, whatever name and age the charity wrote for the child (a
// nickname, a year, often no date of birth, no address). Inside the import that added the records
// (importer.ts, after re-estimation), a person made of one record whose interview answers an episode
// of another person is scored against that person with REFERENCE_BITS added to the model's sum, and
// merged into it by the model at the auto threshold (merge.ts: history, audit, what belongs to the
// person follows; an open review pair of the record is closed). The names must still carry it: a
// reference alone (the given name "else", nothing else agreeing) stays under the threshold, so a
// mistyped episode reference does not join two children. People's decisions win: a pair decided
// "not the same", a conflicting NHS number, UPN or PNC id, or a record a person placed is left alone.
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import type { Actor } from '../audit/actor.ts'
import { appendAudit, type AuditEntry } from '../audit/audit.ts'
import { exactRulesOnly } from './link-records.ts'
import { forgetKeptLinkers, linkSession } from './incremental.ts'
import { mergePeople } from './merge.ts'
import { currentRecords } from './storage.ts'
import { recordKey } from '../records/keys.ts'

/**
 * Bits an interview naming another person's episode adds to the pair's sum: with the prior (−13.3)
 * a given name and a family name that agree (even as a nickname) reach the auto threshold without a
 * date of birth; a given name that disagrees does not.
 */
export const REFERENCE_BITS = 12

export interface ReferenceSummary {
  /** pairs of people an event of one names an event of the other */
  considered: number
  /** merged by the model */
  linked: number
}

interface Reference {
  agency: string
  source: string
  entity: number
  target: number
}

/** Links people made of one record to the person whose episode their return interview answers. */
export async function linkByReferences(db: Db, at: Date, importId: number): Promise<ReferenceSummary> {
  const out: ReferenceSummary = { considered: 0, linked: 0 }
  if (exactRulesOnly()) return out
  try {
    await db.transaction().execute(async (trx) => {
      const refs = await sql<Reference>`
        select distinct i.agency_code as agency, i.subject_source_id as source, la.entity_id as entity,
          lb.entity_id as target
        from events i
        join events e on i.extra->>'episode' = e.agency_code || ':' || e.source_id
          and e.is_current and not e.withdrawn
        join entity_links la on la.agency_code = i.agency_code and la.source_id = i.subject_source_id
        join entity_links lb on lb.agency_code = e.agency_code and lb.source_id = e.subject_source_id
        where i.is_current and not i.withdrawn and i.kind = 'return_interview'
          and i.extra->>'episode' is not null and la.entity_id <> lb.entity_id
          and la.method <> 'person_decision'
        order by 1, 2, 4`.execute(trx)
      if (refs.rows.length === 0) return
      const session = await linkSession(trx, at)
      const records = new Map((await currentRecords(trx)).map((s) => [s.record.id, s]))
      const model: Actor = { kind: 'system', name: `linkage model ${session.modelId}` }
      const merges: AuditEntry[] = []
      for (const ref of refs.rows) {
        const held = records.get(recordKey(ref.agency, ref.source))
        // the record's person may have been merged by an earlier reference in this pass
        if (!held || held.entityId !== ref.entity || session.sizeOf(ref.entity) !== 1) continue
        out.considered++
        const scored = session.against(held.record, ref.target, REFERENCE_BITS)
        if (!scored || scored.probability < session.thresholds.auto) continue
        const reason = `probability ${scored.probability.toFixed(4)} with its return interview answering the person's missing episode (+${REFERENCE_BITS} bits)`
        await mergePeople(trx, model, ref.entity, ref.target, reason, at, {
          score: scored.probability,
          audit: merges,
          inSession: true,
        })
        session.merged(ref.entity, ref.target)
        held.entityId = ref.target
        await trx
          .updateTable('linkage_reviews')
          .set({
            status: 'closed',
            decided_at: at,
            reason: `linked by linkage model ${session.modelId} (episode reference)`,
          })
          .where('status', '=', 'open')
          .where('agency_code', '=', ref.agency)
          .where('source_id', '=', ref.source)
          .execute()
        out.linked++
      }
      await session.finish(trx, at)
      await session.settle(trx)
      if (merges.length > 0) await appendAudit(trx, model, merges, at)
      if (out.linked > 0)
        await appendAudit(
          trx,
          { kind: 'system', name: `linkage by references (import ${importId})` },
          { action: 'linkage_references', details: { considered: out.considered, linked: out.linked } },
          at,
        )
    })
  } catch (error) {
    forgetKeptLinkers()
    throw error
  }
  return out
}
