// The seeded area (src/testing/seed.ts) plus what working together needs: a prosecutor and their
// managers, a children's social care manager, a police senior officer, allocations, and Amy's
// charging decision (no further action) recorded shortly after another agency's concern.
import type { Db } from '../db/database.ts'
import { addAgency } from '../agencies/agencies.ts'
import { createUser } from '../access/users.ts'
import { importRecords, ndjsonLines } from '../import/importer.ts'
import { PASSWORD, seedArea, TEST_ACTOR, type SeededUsers } from './seed.ts'

export interface WorkingArea {
  amy: number
  users: SeededUsers & {
    prosecutor: number
    cpsManager: number
    cpsSenior: number
    cscManager: number
    policeSenior: number
  }
}

export const AREA_EMAILS = {
  officer: 'officer@police.test',
  officerManager: 'manager@police.test',
  socialWorker: 'sw@csc.test',
  mash: 'mash@csc.test',
  partnership: 'chair@lscp.test',
  admin: 'admin@csc.test',
  nurse: 'nurse@health.test',
  prosecutor: 'lawyer@cps.test',
  cpsManager: 'manager@cps.test',
  cpsSenior: 'ccp@cps.test',
  cscManager: 'manager@csc.test',
  policeSenior: 'supt@police.test',
} as const

export const CHARGING_DECISION = {
  type: 'event',
  agency: 'cps',
  source_id: 'CD-1',
  kind: 'charging_decision',
  subject: 'CPS-9',
  occurred_at: '2009-06-01T15:00:00',
  outcome: 'no_further_action',
  rationale: 'Victim not considered credible',
  recorded_at: '2009-06-01T16:00:00',
}

/** The prosecutor's record of Amy, a concern about her, and the decision not to charge. */
const AREA_RECORDS = [
  {
    type: 'person',
    agency: 'cps',
    source_id: 'CPS-9',
    given_name: 'Amy',
    family_name: 'Smith',
    date_of_birth: '2007-03-14',
    nhs_number: '9434765919',
    recorded_at: '2009-05-01T09:00:00',
  },
  {
    type: 'event',
    agency: 'csc',
    source_id: 'S-2',
    kind: 'concern',
    subject: 'C-77',
    occurred_at: '2009-05-20T10:00:00',
    summary: 'Seen with older men again',
    recorded_at: '2009-05-20T12:00:00',
  },
  CHARGING_DECISION,
]

export async function seedWorkingArea(db: Db): Promise<WorkingArea> {
  const { users, amy } = await seedArea(db)
  await addAgency(db, {
    code: 'cps',
    name: 'Crown Prosecution Service',
    kind: 'prosecutor',
    contact: 'Rape and serious sexual offences unit',
  })
  const make = (email: string, agency: string, jobTitle: string, ...roles: string[]) =>
    createUser(db, { email, name: email.split('@')[0], agency, roles, password: PASSWORD, jobTitle })
  const more = {
    prosecutor: await make(AREA_EMAILS.prosecutor, 'cps', 'Crown prosecutor', 'practitioner'),
    cpsManager: await make(AREA_EMAILS.cpsManager, 'cps', 'Unit manager', 'manager'),
    cpsSenior: await make(AREA_EMAILS.cpsSenior, 'cps', 'Chief Crown Prosecutor', 'manager'),
    cscManager: await make(AREA_EMAILS.cscManager, 'csc', 'Team manager', 'manager'),
    policeSenior: await make(AREA_EMAILS.policeSenior, 'police', 'Detective Superintendent', 'manager'),
  }
  const imported = await importRecords(db, ndjsonLines(AREA_RECORDS.map((l) => JSON.stringify(l)).join('\n')), {
    channel: 'file',
    skipInvalid: false,
    actor: TEST_ACTOR,
    receivedAt: new Date('2009-06-01T16:00:00Z'),
  })
  if (imported.rejected || imported.rolledBack)
    throw new Error(`test records rejected: ${JSON.stringify(imported.rejects)}`)
  const link = await db
    .selectFrom('entity_links')
    .select('entity_id')
    .where('agency_code', '=', 'cps')
    .where('source_id', '=', 'CPS-9')
    .executeTakeFirstOrThrow()
  if (link.entity_id !== amy) throw new Error("the prosecutor's record of Amy did not link to her")
  await db
    .insertInto('allocations')
    .values([
      { entity_id: amy, user_id: users.officer, role: 'Officer in the case', starts_at: '2009-01-05T09:00:00Z' },
      { entity_id: amy, user_id: more.prosecutor, role: 'Reviewing lawyer', starts_at: '2009-05-01T09:00:00Z' },
    ])
    .execute()
  await db
    .insertInto('wt_worker_settings')
    .values([
      {
        user_id: users.socialWorker,
        manager_user_id: more.cscManager,
        asye_started_on: null,
        updated_at: '2009-01-01T00:00:00Z',
      },
      {
        user_id: users.officer,
        manager_user_id: users.officerManager,
        asye_started_on: null,
        updated_at: '2009-01-01T00:00:00Z',
      },
      {
        user_id: more.prosecutor,
        manager_user_id: more.cpsManager,
        asye_started_on: null,
        updated_at: '2009-01-01T00:00:00Z',
      },
    ])
    .execute()
  return { amy, users: { ...users, ...more } }
}
