// Analysts' decisions about suggested networks, as stored: confirmed or dismissed by a person with a
// reason, for the members they saw. Only the MASH and the police decide (mayDecide); every decision is
// audited in the same transaction.
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import type { Actor } from '../audit/actor.ts'
import { appendAudit } from '../audit/audit.ts'
import type { MemberRef, NetworkDecision } from './types.ts'
import { mergedIds } from '../people/people.ts'
import { DomainError, errorKind } from '../errors/domain-error.ts'

export interface DecisionInput {
  networkId: string
  outcome: 'confirmed' | 'dismissed'
  reason: string
  members: readonly MemberRef[]
  /** The children of the network when decided (for the audit trail). */
  children: readonly string[]
  /** The newest decision the decider saw (latestDecisionId; null: none); a decision made since is a conflict. */
  from?: number | null
}

export class DecisionRefused extends errorKind('invalid') {}

/** Someone decided about this network after the page was opened: nothing was recorded. */
export class DecisionChanged extends DomainError {
  constructor(outcome: string, by: string) {
    super(
      'conflict',
      `Someone else (${by}) ${outcome} this network after you opened the page. Nothing was recorded: look at their reason and decide again if you still disagree.`,
    )
  }
}

/** The newest decision recorded under a network's id (its row id), or null: what a decision is made from. */
export async function latestDecisionId(db: Db, networkId: string): Promise<number | null> {
  const row = await db
    .selectFrom('network_decisions')
    .select('id')
    .where('network_id', '=', networkId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row?.id ?? null
}

export async function recordDecision(
  db: Db,
  actor: Actor & { kind: 'user' },
  input: DecisionInput,
  at: Date,
): Promise<number> {
  const reason = input.reason.trim()
  if (!reason) throw new DecisionRefused('give a reason for the decision')
  if (input.outcome !== 'confirmed' && input.outcome !== 'dismissed') throw new DecisionRefused('confirm or dismiss')
  return db.transaction().execute(async (trx) => {
    // decisions about one network take turns, each made from the newest the decider saw
    await sql`select pg_advisory_xact_lock(hashtext(${`threadline network decision ${input.networkId}`}))`.execute(trx)
    const latest = await trx
      .selectFrom('network_decisions as d')
      .leftJoin('users as u', 'u.id', 'd.decided_by')
      .select(['d.id', 'd.outcome', 'u.name'])
      .where('d.network_id', '=', input.networkId)
      .orderBy('d.id', 'desc')
      .limit(1)
      .executeTakeFirst()
    if (input.from !== undefined && (latest?.id ?? null) !== input.from) {
      // the same decision sent twice is one
      if (latest && latest.outcome === input.outcome) return latest.id
      if (latest) throw new DecisionChanged(latest.outcome, latest.name ?? 'someone')
    }
    const row = await trx
      .insertInto('network_decisions')
      .values({
        network_id: input.networkId,
        outcome: input.outcome,
        reason,
        members: JSON.stringify(input.members),
        decided_by: actor.userId,
        decided_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await appendAudit(
      trx,
      actor,
      {
        action: `network_${input.outcome}`,
        reason,
        details: { network: input.networkId, members: input.members, children: input.children, decision: row.id },
      },
      at,
    )
    return row.id
  })
}

/** Every decision made by `at` (the latest per network wins: applyDecisions in decision.ts). */
export async function decisionsAt(db: Db, at: Date): Promise<Required<NetworkDecision>[]> {
  const rows = await db
    .selectFrom('network_decisions as d')
    .innerJoin('users as u', 'u.id', 'd.decided_by')
    .select(['d.network_id', 'd.outcome', 'd.reason', 'd.members', 'd.decided_at', 'u.name', 'u.email'])
    .where('d.decided_at', '<=', at)
    .orderBy('d.decided_at')
    .orderBy('d.id')
    .execute()
  const decided = rows.map((r) => ({
    networkId: r.network_id,
    outcome: r.outcome,
    reason: r.reason,
    decidedBy: r.email,
    decidedByName: r.name,
    decidedAt: r.decided_at,
    members: (typeof r.members === 'string' ? JSON.parse(r.members) : r.members) as MemberRef[],
  }))
  // a man the analyst saw who has since been merged into another record is that person now, so that
  // the decision still covers him (and the network is not raised again as if it had grown)
  if (decided.length === 0) return decided
  const now = await mergedIds(db)
  return decided.map((d) => {
    const members = d.members.map((m) => (m.kind === 'person' ? { ...m, key: String(now(Number(m.key))) } : m))
    return {
      ...d,
      members: members.filter((m, i) => members.findIndex((o) => o.kind === m.kind && o.key === m.key) === i),
    }
  })
}
