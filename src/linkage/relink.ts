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
import { sql, type Transaction } from 'kysely'
import type { Db } from '../db/database.ts'
import type { Actor } from '../audit/actor.ts'
import { actorLabel } from '../audit/actor.ts'
import { appendAudit, audit, type AuditEntry } from '../audit/audit.ts'
import type { Tables } from '../db/schema.ts'
import { forgetKeptLinkers, linkSession, type LinkDecision, type LinkSession } from './incremental.ts'
import { mergePeople } from './merge.ts'
import { currentRecords, type StoredRecord } from './storage.ts'
import { followMerges } from '../people/people.ts'
import { recordKey, splitRecordKeys } from '../records/keys.ts'
import { must } from '../errors/must.ts'

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
      const out = await relinkInTransaction(trx, actor, at, options)
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

/**
 * Whether any of these records (`agency:source_id`) is a person made of one current record that no
 * person placed: what `relinkPeople` with `only` would reconsider. Asked of the records alone (by their
 * keys), so that a save whose child is already a person of several records reads nothing more.
 */
export async function anySingle(db: Db, only: ReadonlySet<string>): Promise<boolean> {
  if (only.size === 0) return false
  const [agencies, sources] = splitRecordKeys(only)
  const { rows } = await sql`select 1 from unnest(${agencies}::text[], ${sources}::text[]) as t(agency_code, source_id)
    join person_versions p on p.agency_code = t.agency_code and p.source_id = t.source_id
      and p.is_current and not p.withdrawn
    join entity_links l on l.agency_code = p.agency_code and l.source_id = p.source_id
    where l.method <> 'person_decision'
      and not exists (select 1 from entity_links o
        join person_versions q on q.agency_code = o.agency_code and q.source_id = o.source_id
          and q.is_current and not q.withdrawn
        where o.entity_id = l.entity_id and (o.agency_code <> l.agency_code or o.source_id <> l.source_id))
    limit 1`.execute(db)
  return rows.length > 0
}

/** Asks the model about each person made of one record no person placed, and audits what it did. */
async function relinkInTransaction(
  trx: Transaction<Tables>,
  actor: Actor,
  at: Date,
  options: RelinkOptions,
): Promise<RelinkSummary> {
  const session = await linkSession(trx, at)
  const records = await currentRecords(trx)
  const placed = await placedByPeople(trx)
  const waiting = await WaitingPairs.read(trx)
  const singles = singlePeople(records, placed, options.only)
  const run = new Relinking(trx, session, actor, at, waiting, {
    modelId: session.modelId,
    dryRun: options.dryRun === true,
    auto: session.thresholds.auto,
    review: session.thresholds.review,
    considered: singles.length,
    linked: 0,
    queued: 0,
    alreadyQueued: 0,
    joined: 0,
    unchanged: 0,
  })
  let done = 0
  for (const single of singles) {
    if (++done % 1000 === 0) options.onProgress?.(done, singles.length)
    await run.reconsider(single)
  }
  options.onProgress?.(singles.length, singles.length)
  await session.finish(trx, at)
  await session.settle(trx)
  await appendAudit(trx, run.model, run.merges, at)
  await appendAudit(trx, actor, { action: 'linkage_relink', details: auditDetails(run.out) }, at)
  return run.out
}

/** The records a person placed (linked by a person's decision): the model does not move them. */
async function placedByPeople(trx: Transaction<Tables>): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('entity_links')
    .select(['agency_code', 'source_id'])
    .where('method', '=', 'person_decision')
    .execute()
  return new Set(rows.map((r) => recordKey(r.agency_code, r.source_id)))
}

/**
 * The people made of one current record that no person placed (of `only`, when given), newest
 * first, so that a person known longer keeps its id when two of them are one.
 */
function singlePeople(
  records: readonly StoredRecord[],
  placed: ReadonlySet<string>,
  only: ReadonlySet<string> | undefined,
): StoredRecord[] {
  const count = new Map<number, number>()
  for (const s of records) count.set(s.entityId, (count.get(s.entityId) ?? 0) + 1)
  return records
    .filter((s) => count.get(s.entityId) === 1 && !placed.has(s.record.id) && (!only || only.has(s.record.id)))
    .sort((a, b) => b.entityId - a.entityId)
}

/** The pairs waiting for the MASH (record → candidate people), and the merges since they were queued. */
class WaitingPairs {
  private constructor(
    private readonly queuedFor: Map<string, number[]>,
    /** the person each merged-away person went into */
    private readonly mergedInto: Map<number, number>,
  ) {}

  static async read(trx: Transaction<Tables>): Promise<WaitingPairs> {
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
    const pairs = new WaitingPairs(new Map(), mergedInto)
    for (const r of open) pairs.queued(recordKey(r.agency_code, r.source_id), r.candidate_entity)
    return pairs
  }

  /** whether `record` waits against `person` (queued against a person since merged into them counts) */
  waiting(record: string, person: number): boolean {
    return (this.queuedFor.get(record) ?? []).some((candidate) => this.current(candidate) === person)
  }

  queued(record: string, person: number): void {
    this.queuedFor.set(record, [...(this.queuedFor.get(record) ?? []), person])
  }

  merged(from: number, into: number): void {
    this.mergedInto.set(from, into)
  }

  private current(id: number): number {
    return followMerges(this.mergedInto, id)
  }
}

/** One relink run: what the model decides of each single person, done and counted. */
class Relinking {
  /** the model, as the actor of its merges */
  readonly model: Actor
  /** the audit entries of the model's merges */
  readonly merges: AuditEntry[] = []

  constructor(
    private readonly trx: Transaction<Tables>,
    private readonly session: LinkSession,
    private readonly actor: Actor,
    private readonly at: Date,
    private readonly waiting: WaitingPairs,
    readonly out: RelinkSummary,
  ) {
    this.model = { kind: 'system', name: `linkage model ${session.modelId}` }
  }

  async reconsider(single: StoredRecord): Promise<void> {
    if (this.session.sizeOf(single.entityId) !== 1) {
      this.out.joined++
      return
    }
    const decision = this.session.reconsider(single.record, single.entityId)
    if (decision.kind === 'link') await this.link(single, decision)
    else if (decision.kind === 'review') this.queue(single, decision)
    else this.out.unchanged++
  }

  /** Merges the single person into the model's person, and closes the record's waiting pairs. */
  private async link(single: StoredRecord, decision: Extract<LinkDecision, { kind: 'link' }>): Promise<void> {
    const { trx, session, at } = this
    const reason = `relink by ${actorLabel(this.actor)}: probability ${decision.probability.toFixed(4)}, auto-link at ${this.out.auto}`
    await mergePeople(trx, this.model, single.entityId, decision.entityId, reason, at, {
      score: decision.probability,
      audit: this.merges,
      inSession: true,
    })
    session.merged(single.entityId, decision.entityId)
    this.waiting.merged(single.entityId, decision.entityId)
    // a pair of this record waiting for the MASH is answered by the link
    await trx
      .updateTable('linkage_reviews')
      .set({ status: 'closed', decided_at: at, reason: `linked by linkage model ${session.modelId} (relink)` })
      .where('status', '=', 'open')
      .where('agency_code', '=', single.agency)
      .where('source_id', '=', single.sourceId)
      .execute()
    this.out.linked++
  }

  /** The MASH sees a pair once, whichever of the two was queued against the other. */
  private queue(single: StoredRecord, decision: Extract<LinkDecision, { kind: 'review' }>): void {
    if (
      this.waiting.waiting(single.record.id, decision.entityId) ||
      this.waiting.waiting(decision.recordId, single.entityId)
    ) {
      this.out.alreadyQueued++
    } else {
      this.session.queue(single.record, decision)
      this.waiting.queued(single.record.id, decision.entityId)
      this.out.queued++
    }
  }
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
