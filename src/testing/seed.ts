// A small area for database and web tests: three agencies, a user for each role, and records of
// one child known to police, social care and health (spelt differently), with a restricted
// sexual health record and a confidential placement address.
import type { Db } from '../db/database.ts'
import { addAgency } from '../agencies/agencies.ts'
import { createUser } from '../access/users.ts'
import { importRecords, ndjsonLines, type ImportResult } from '../import/importer.ts'
import type { Actor } from '../audit/actor.ts'

export const PASSWORD = 'correct-horse-battery'
export const TEST_ACTOR: Actor = { kind: 'system', name: 'test' }

export const AMY = {
  police: {
    type: 'person',
    agency: 'police',
    source_id: 'P-1001',
    given_name: 'Amy',
    family_name: 'Smith',
    other_names: ['Aimee Smyth'],
    date_of_birth: '2007-03-14',
    sex: 'female',
    nhs_number: '9434765919',
    recorded_at: '2008-01-10T09:00:00',
  },
  csc: {
    type: 'person',
    agency: 'csc',
    source_id: 'C-77',
    given_name: 'AMY',
    family_name: 'smith',
    date_of_birth: '2007-03-14',
    address: { line1: '4 Placement Row', town: 'Rochdale', postcode: 'OL11 2AB', confidential: true },
    recorded_at: '2008-02-01T10:00:00',
  },
  health: {
    type: 'person',
    agency: 'health',
    source_id: 'H-5',
    given_name: 'Aimee',
    family_name: 'Smyth',
    date_of_birth: '2007-03-14',
    nhs_number: '943 476 5919',
    recorded_at: '2008-03-01T10:00:00',
  },
}

/**
 * Amy's records; `bornOn` gives her another date of birth (suites about children's missing episodes
 * in 2026, when the Amy born in 2007 is an adult and no return interview is owed for her).
 */
export function amyRecords(bornOn?: string): object[] {
  const born = (r: object) => (bornOn ? { ...r, date_of_birth: bornOn } : r)
  return [
    born(AMY.police),
    born(AMY.csc),
    born(AMY.health),
    {
      type: 'person',
      agency: 'police',
      source_id: 'P-2001',
      given_name: 'Kamal',
      family_name: 'Hussain',
      date_of_birth: '1983-06-01',
      recorded_at: '2008-05-04T12:00:00',
    },
    {
      type: 'event',
      agency: 'police',
      source_id: 'E-77',
      kind: 'missing_episode',
      subject: 'P-1001',
      occurred_at: '2008-05-02T23:10:00',
      ended_at: '2008-05-04T09:00:00',
      summary: 'Missing from care placement, found in a car on Drake Street',
      indicators: ['vehicle_unknown_adults'],
      involves: [
        { person: 'P-2001', role: 'suspect' },
        { vehicle: 'AB12 CDE' },
        { location: { name: 'Takeaway, Drake St', postcode: 'OL16 1PA' } },
      ],
      recorded_at: '2008-05-04T10:00:00',
    },
    {
      type: 'event',
      agency: 'csc',
      source_id: 'S-1',
      kind: 'concern',
      subject: 'C-77',
      occurred_at: '2008-04-01T10:00:00',
      summary: 'School reports Amy is being collected by older men',
      recorded_at: '2008-04-01T12:00:00',
    },
    {
      type: 'event',
      agency: 'health',
      source_id: 'SH-1',
      kind: 'sexual_health',
      subject: 'H-5',
      occurred_at: '2008-06-10T14:00:00',
      summary: 'Clinic attendance: chlamydia',
      recorded_at: '2009-07-01T09:00:00',
    },
    {
      type: 'relationship',
      agency: 'police',
      source_id: 'R-1',
      from: 'P-1001',
      to: 'P-2001',
      kind: 'claimed_partner',
      reliability: 'tentative',
      note: 'Child calls him her boyfriend; he is 24',
      recorded_at: '2008-05-04T11:00:00',
    },
    {
      type: 'event',
      agency: 'health',
      source_id: 'HA-1',
      kind: 'health_attendance',
      subject: 'H-5',
      occurred_at: '2008-06-20T02:00:00',
      summary: 'A&E attendance, intoxicated',
      recorded_at: '2008-06-20T08:00:00',
    },
  ]
}

export interface SeededUsers {
  officer: number // police practitioner, not allocated
  officerManager: number
  socialWorker: number // csc practitioner, allocated to Amy
  mash: number
  partnership: number
  admin: number
  nurse: number
}

export interface SeedOptions {
  /** Amy's date of birth, when a suite needs her younger than the seeded 2007-03-14 */
  amyBornOn?: string
}

export async function seedArea(
  db: Db,
  options: SeedOptions = {},
): Promise<{ users: SeededUsers; amy: number; result: ImportResult }> {
  await addAgency(db, {
    code: 'police',
    name: 'Greater Rochdale Police',
    kind: 'police',
    contact: 'Public Protection Unit',
  })
  await addAgency(db, {
    code: 'csc',
    name: "Children's Social Care",
    kind: 'childrens_social_care',
    contact: 'MASH duty desk',
  })
  await addAgency(db, { code: 'health', name: 'Rochdale Health', kind: 'health', contact: 'Named nurse' })
  await addAgency(db, { code: 'lscp', name: 'Safeguarding Partnership', kind: 'other' })
  const make = (email: string, agency: string, ...roles: string[]) =>
    createUser(db, { email, name: email.split('@')[0], agency, roles, password: PASSWORD })
  const users: SeededUsers = {
    officer: await make('officer@police.test', 'police', 'practitioner'),
    officerManager: await make('manager@police.test', 'police', 'manager'),
    socialWorker: await make('sw@csc.test', 'csc', 'practitioner'),
    mash: await make('mash@csc.test', 'csc', 'mash'),
    partnership: await make('chair@lscp.test', 'lscp', 'partnership'),
    admin: await make('admin@csc.test', 'csc', 'admin'),
    nurse: await make('nurse@health.test', 'health', 'practitioner'),
  }
  const text = amyRecords(options.amyBornOn)
    .map((o) => JSON.stringify(o))
    .join('\n')
  const result = await importRecords(db, ndjsonLines(text), {
    channel: 'file',
    skipInvalid: false,
    actor: TEST_ACTOR,
    receivedAt: new Date('2010-01-01T00:00:00Z'),
  })
  const link = await db
    .selectFrom('entity_links')
    .select('entity_id')
    .where('agency_code', '=', 'police')
    .where('source_id', '=', 'P-1001')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('allocations')
    .values({
      entity_id: link.entity_id,
      user_id: users.socialWorker,
      role: 'Social worker',
      starts_at: '2008-01-01T00:00:00Z',
    })
    .execute()
  return { users, amy: link.entity_id, result }
}

/** Imports agency records given as objects, as one file received at `receivedAt`; none may be refused. */
/**
 * A colleague (practitioner) and a team manager in social care, both allocated to `child` from `from`, so
 * that each sees the child's whole record: what refuses the colleague a change is the rule of who may
 * change what another wrote, not what they may see.
 */
export async function seedCscColleagues(
  db: Db,
  child: number,
  from: string,
): Promise<{ colleague: number; lead: number }> {
  const allocated = async (email: string, name: string, roles: string[]) => {
    const user = await createUser(db, { email, name, agency: 'csc', roles, password: PASSWORD })
    await db
      .insertInto('allocations')
      .values({ entity_id: child, user_id: user, role: 'Social worker', starts_at: from })
      .execute()
    return user
  }
  return {
    colleague: await allocated('colleague@csc.test', 'Colleague', ['practitioner']),
    lead: await allocated('lead@csc.test', 'Team Manager', ['manager']),
  }
}

export async function importObjects(db: Db, objects: readonly object[], receivedAt: Date): Promise<ImportResult> {
  const text = objects.map((o) => JSON.stringify(o)).join('\n') + '\n'
  const result = await importRecords(db, ndjsonLines(text), {
    channel: 'file',
    skipInvalid: false,
    actor: TEST_ACTOR,
    receivedAt,
  })
  if (result.rejected > 0) throw new Error(`records refused: ${JSON.stringify(result.rejects)}`)
  return result
}
