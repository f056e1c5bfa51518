// The lead professional: one of the professionals allocated to a child now, chosen by a manager or
// the MASH. The choice is made from the lead the chooser saw (issue 17, no lost updates): if someone
// else chose meanwhile, this choice is refused with both names, never silently undone or undoing.
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import type { Actor } from '../audit/actor.ts'
import { appendAudit } from '../audit/audit.ts'
import { errorKind } from '../errors/domain-error.ts'
import { ChoiceChanged } from '../errors/choice-changed.ts'

export class LeadRefused extends errorKind('invalid') {}

export async function setLeadProfessional(
  db: Db,
  actor: Actor,
  personId: number,
  allocationId: number,
  /** The lead's allocation the chooser saw (null: none). */
  from: number | null,
  at: Date,
): Promise<'set' | 'unchanged'> {
  return db.transaction().execute(async (trx) => {
    // the child's allocations in force, locked: two choices are taken in turn
    const team = await sql<{ id: number; lead_professional: boolean; name: string }>`
      select a.id, a.lead_professional, u.name from allocations a join users u on u.id = a.user_id
      where a.entity_id = ${personId} and a.starts_at <= ${at} and (a.ends_at is null or a.ends_at > ${at})
      order by a.id for update of a`.execute(trx)
    const chosen = team.rows.find((r) => r.id === allocationId)
    if (!chosen) throw new LeadRefused('Choose one of the professionals allocated now.')
    const lead = team.rows.find((r) => r.lead_professional) ?? null
    // already so (a double submit, or two people choosing alike): nothing to change
    if (lead?.id === allocationId) return 'unchanged'
    if ((lead?.id ?? null) !== from)
      throw new ChoiceChanged(
        lead ? `${lead.name} was made the lead professional` : 'The lead professional was taken off',
        chosen.name,
      )
    // the flag is this capability's column on the core's table (0006), outside the core's Kysely types
    await sql`update allocations set lead_professional = (id = ${allocationId}) where id = any(${team.rows.map((r) => r.id)}::int[])`.execute(
      trx,
    )
    await appendAudit(
      trx,
      actor,
      { action: 'lead_professional', entityId: personId, details: { allocation_id: allocationId, from } },
      at,
    )
    return 'set'
  })
}
