// Analysts' decisions about suggested networks, as stored: confirmed or dismissed by a person with a
// reason, for the members they saw. Only the MASH and the police decide (mayDecide); every decision is
// audited in the same transaction.
import type { Db } from '../db/database.ts'
import type { Actor } from '../audit/actor.ts'
import { appendAudit } from '../audit/audit.ts'
import type { MemberRef, NetworkDecision } from './types.ts'
import { mergedIds } from '../people/people.ts'
import { errorKind } from '../errors/domain-error.ts'

export interface DecisionInput {
  networkId: string
  outcome: 'confirmed' | 'dismissed'
  reason: string
  members: readonly MemberRef[]
  /** The children of the network when decided (for the audit trail). */
  children: readonly string[]
}

export class DecisionRefused extends errorKind('invalid') {}

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
export async function decisionsAt(db: Db, at: Date): Promise<(NetworkDecision & { decidedByName: string })[]> {
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
