// Allocation of professionals to a person (by a manager or the MASH), and access opened with a reason.
import { hasRole } from '../vocabulary/roles.ts'
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import type { Actor } from '../audit/actor.ts'
import { appendAudit } from '../audit/audit.ts'
import { forbidden, notFound } from '../errors/domain-error.ts'
import type { SignedInUser } from '../access/signed-in-user.ts'
import { lockPerson, resolvePerson } from './people.ts'

export interface AllocationRow {
  id: number
  user_id: number
  name: string
  email: string
  agency_code: string
  role: string
  starts_at: Date
  ends_at: Date | null
}

export async function allocationsOf(
  db: Db,
  personId: number,
  at: Date,
): Promise<{ current: AllocationRow[]; past: AllocationRow[] }> {
  const rows = await db
    .selectFrom('allocations as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.id', 'a.user_id', 'u.name', 'u.email', 'u.agency_code', 'a.role', 'a.starts_at', 'a.ends_at'])
    .where('a.entity_id', '=', personId)
    .orderBy('a.starts_at', 'desc')
    .execute()
  const current = rows.filter((r) => r.starts_at <= at && (!r.ends_at || r.ends_at > at))
  return { current, past: rows.filter((r) => !current.includes(r)) }
}

/** The names of the professionals allocated to each of these children at `at` (children with none are absent). */
export async function allocatedNames(db: Db, ids: readonly number[], at: Date): Promise<Map<number, string[]>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('allocations as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.entity_id', 'u.name'])
    .where('a.entity_id', 'in', [...ids])
    .where('a.starts_at', '<=', at)
    .where((eb) => eb.or([eb('a.ends_at', 'is', null), eb('a.ends_at', '>', at)]))
    .orderBy('u.name')
    .execute()
  const out = new Map<number, string[]>()
  for (const r of rows) out.set(r.entity_id, [...(out.get(r.entity_id) ?? []), r.name])
  return out
}

/** Managers allocate their own agency's staff; the MASH allocates anyone who does casework. */
export async function allocatableUsers(db: Db, user: SignedInUser) {
  let query = db
    .selectFrom('users')
    .select(['id', 'name', 'agency_code', 'job_title'])
    .where('active', '=', true)
    .where((eb) =>
      eb.or([eb(eb.val('practitioner'), '=', eb.fn.any('roles')), eb(eb.val('manager'), '=', eb.fn.any('roles'))]),
    )
  if (!hasRole(user.roles, 'mash')) query = query.where('agency_code', '=', user.agency)
  return query.orderBy('agency_code').orderBy('name').execute()
}

export async function allocate(
  db: Db,
  actor: Actor,
  by: SignedInUser,
  requestedId: number,
  userId: number,
  role: string,
  at: Date,
): Promise<void> {
  const personId = await resolvePerson(db, requestedId)
  if (personId === null) throw notFound('There is no person with this reference.')
  const allowed = await allocatableUsers(db, by)
  if (!allowed.some((u) => u.id === userId))
    throw forbidden('You can allocate only professionals you manage (the MASH can allocate anyone).')
  await db.transaction().execute(async (trx) => {
    // the person may have been merged since it was resolved: allocate to the person it is now
    const current = (await lockPerson(trx, personId)) ?? personId
    // one allocation of a professional to a person at a time: allocations to this person wait for
    // each other here, and a second (a double submit, two managers at once) finds the first open
    // (a lock of its own: the person row is held for share by every writer, merges included)
    await sql`select pg_advisory_xact_lock(hashtext('threadline allocation'), ${current}::int)`.execute(trx)
    const inserted = await sql<{ id: number }>`
      insert into allocations (entity_id, user_id, role, starts_at, allocated_by)
      select ${current}::int, ${userId}::int, ${role.slice(0, 100)}::text, ${at}::timestamptz, ${by.id}::int
      where not exists (select 1 from allocations where entity_id = ${current} and user_id = ${userId}
        and starts_at <= ${at} and (ends_at is null or ends_at > ${at}))
      returning id`.execute(trx)
    const row = inserted.rows[0]
    if (!row) return // already allocated: the page shows the open allocation
    await appendAudit(
      trx,
      actor,
      { action: 'allocate', entityId: current, details: { allocation_id: row.id, user_id: userId, role } },
      at,
    )
  })
}

export async function endAllocation(
  db: Db,
  actor: Actor,
  personId: number,
  allocationId: number,
  at: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const ended = await trx
      .updateTable('allocations')
      .set({ ends_at: at })
      .where('id', '=', allocationId)
      .where('entity_id', '=', personId)
      .where('ends_at', 'is', null)
      .returning('id')
      .executeTakeFirst()
    if (!ended) throw notFound('That allocation is not open.')
    await appendAudit(
      trx,
      actor,
      { action: 'end_allocation', entityId: personId, details: { allocation_id: allocationId } },
      at,
    )
  })
}

export async function grantAccess(
  db: Db,
  actor: Actor,
  user: SignedInUser,
  requestedId: number,
  reason: string,
  at: Date,
  hours: number,
): Promise<void> {
  if (!(hasRole(user.roles, 'practitioner') || hasRole(user.roles, 'manager')))
    throw forbidden('Your role does not open records with a reason.')
  const personId = await resolvePerson(db, requestedId)
  if (personId === null) throw notFound('There is no person with this reference.')
  const expires = new Date(at.getTime() + hours * 3600_000)
  await db.transaction().execute(async (trx) => {
    // the person may have been merged since it was resolved: open the person it is now
    const current = (await lockPerson(trx, personId)) ?? personId
    await trx
      .insertInto('access_grants')
      .values({ entity_id: current, user_id: user.id, reason, granted_at: at, expires_at: expires })
      .execute()
    await appendAudit(
      trx,
      actor,
      { action: 'access_with_reason', entityId: current, reason, details: { expires_at: expires.toISOString() } },
      at,
    )
  })
}

/** Access opened with a reason by a manager's agency's staff, newest first (shown to managers). */
export async function accessGrantsForAgency(db: Db, agency: string, limit = 50) {
  return db
    .selectFrom('access_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['g.entity_id', 'u.name', 'u.email', 'g.reason', 'g.granted_at', 'g.expires_at'])
    .where('u.agency_code', '=', agency)
    .orderBy('g.granted_at', 'desc')
    .limit(limit)
    .execute()
}
