// The agencies of an area: every record, user and token belongs to one.
import type { Db } from '../db/database.ts'
import { AGENCY_KINDS, isAgencyKind, type AgencyKind } from '../vocabulary/agency-kinds.ts'
import { errorKind } from '../errors/domain-error.ts'

export interface Agency {
  code: string
  name: string
  kind: AgencyKind
  contact: string | null
  la_number: string | null
}

export class AgencyError extends errorKind('invalid') {}

/** Each agency's name by its code, for pages that name agencies, never show their codes. */
export async function agencyNames(db: Db): Promise<Map<string, string>> {
  return new Map((await db.selectFrom('agencies').select(['code', 'name']).execute()).map((a) => [a.code, a.name]))
}

export function listAgencies(db: Db): Promise<Agency[]> {
  return db.selectFrom('agencies').select(['code', 'name', 'kind', 'contact', 'la_number']).orderBy('code').execute()
}

export async function addAgency(
  db: Db,
  agency: { code: string; name: string; kind: string; contact?: string; isDemo?: boolean; laNumber?: string },
): Promise<void> {
  if (agency.laNumber !== undefined) checkLaNumber(agency.laNumber)
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(agency.code))
    throw new AgencyError(`agency code "${agency.code}" must be lower-case letters, digits, - or _`)
  const kind = agency.kind
  if (!isAgencyKind(kind)) {
    throw new AgencyError(`agency kind "${agency.kind}" is not one of: ${AGENCY_KINDS.join(', ')}`)
  }
  if (!agency.name.trim()) throw new AgencyError('an agency needs a name')
  const existing = await db.selectFrom('agencies').select('code').where('code', '=', agency.code).executeTakeFirst()
  if (existing) throw new AgencyError(`agency "${agency.code}" already exists`)
  await db
    .insertInto('agencies')
    .values({
      code: agency.code,
      name: agency.name.trim(),
      kind,
      contact: agency.contact ?? null,
      is_demo: agency.isDemo ?? false,
      la_number: agency.laNumber ?? null,
    })
    .execute()
}

/** Registers (or changes) the DfE local-authority number of an agency that makes statutory returns. */
export async function setLaNumber(db: Db, code: string, laNumber: string): Promise<void> {
  checkLaNumber(laNumber)
  const updated = await db
    .updateTable('agencies')
    .set({ la_number: laNumber })
    .where('code', '=', code)
    .executeTakeFirst()
  if (Number(updated.numUpdatedRows) === 0)
    throw new AgencyError(`agency "${code}" is not registered (threadline agencies lists them)`)
}

function checkLaNumber(laNumber: string): void {
  if (!/^\d{3}$/.test(laNumber))
    throw new AgencyError(`local-authority number "${laNumber}" must be the DfE's three digits (e.g. 354)`)
}
