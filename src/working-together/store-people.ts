// Who is who, for the working-together tables: users (professionals) with their settings, and
// children's ids followed through merges (people.ts mergedIds), and the registered agencies.
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { agenciesInvolved, mergedIds } from '../people/people.ts'

export interface Professional {
  id: number
  email: string
  name: string
  agency: string
  roles: string[]
  jobTitle: string | null
  active: boolean
  asyeStartedOn: string | null
  managerId: number | null
}

export async function professionals(db: Db): Promise<Map<number, Professional>> {
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('wt_worker_settings as s', 's.user_id', 'u.id')
    .select([
      'u.id',
      'u.email',
      'u.name',
      'u.agency_code',
      'u.roles',
      'u.job_title',
      'u.active',
      's.asye_started_on',
      's.manager_user_id',
    ])
    .orderBy('u.id')
    .execute()
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        email: r.email,
        name: r.name,
        agency: r.agency_code,
        roles: r.roles,
        jobTitle: r.job_title,
        active: r.active,
        asyeStartedOn: r.asye_started_on ?? null,
        managerId: r.manager_user_id ?? null,
      },
    ]),
  )
}

export interface AllocationFact {
  id: number
  childId: string
  userId: number
  agency: string
  role: string
  from: Date
  to: Date | null
  lead: boolean
}

/** Allocations (the core's table) with the lead-professional flag this capability adds. */
export async function allocationFacts(db: Db, childIds?: readonly number[]): Promise<AllocationFact[]> {
  const ids = childIds ? [...childIds] : null
  const result = await sql<{
    id: number
    entity_id: number
    user_id: number
    agency_code: string
    role: string
    starts_at: Date
    ends_at: Date | null
    lead_professional: boolean
  }>`
    select a.id, a.entity_id, a.user_id, u.agency_code, a.role, a.starts_at, a.ends_at, a.lead_professional
    from allocations a join users u on u.id = a.user_id
    where (${ids}::int[] is null or a.entity_id = any(${ids}::int[]))
    order by a.starts_at, a.id`.execute(db)
  const canonical = await mergedIds(db)
  return result.rows.map((r) => ({
    id: r.id,
    childId: String(canonical(r.entity_id)),
    userId: r.user_id,
    agency: r.agency_code,
    role: r.role,
    from: r.starts_at,
    to: r.ends_at,
    lead: r.lead_professional,
  }))
}

export const activeAllocation = (a: AllocationFact, at: Date) =>
  a.from.getTime() <= at.getTime() && (!a.to || a.to.getTime() > at.getTime())

export interface AgencyRow {
  code: string
  name: string
  kind: string
}

/** The registered agencies, by name (the forms' lists, the meeting's agency names). */
export const agencyList = (db: Db): Promise<AgencyRow[]> =>
  db.selectFrom('agencies').select(['code', 'name', 'kind']).orderBy('name').execute()

/** The kind of an agency (police, prosecutor, ...); undefined for one not registered. */
export const agencyKindOf = async (db: Db, code: string): Promise<string | undefined> =>
  (await db.selectFrom('agencies').select('kind').where('code', '=', code).executeTakeFirst())?.kind

/** The codes of the agencies that hold records about the child (as working with the child asks: access.ts worksWithChild). */
export const agenciesHoldingRecords = async (db: Db, childId: number, at: Date): Promise<string[]> =>
  (await agenciesInvolved(db, childId, at)).map((a) => a.code)
