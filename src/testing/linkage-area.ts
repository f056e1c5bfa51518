// A small area for the linkage tests: police, a school, a clinic and social care, users of each
// role, and a population of generated UK-style children (generate.ts) for a model to train on.
import type { Db } from '../db/database.ts'
import { addAgency } from '../agencies/agencies.ts'
import { createUser } from '../access/users.ts'
import { importRecords, ndjsonLines } from '../import/importer.ts'
import { TEST_ACTOR, PASSWORD } from './seed.ts'
import { generatePeople } from '../linkage/generate.ts'

export { PASSWORD }

export const LINKAGE_USERS = {
  mash: 'mash@csc.test',
  socialWorker: 'sw@csc.test',
  manager: 'manager@csc.test',
  admin: 'admin@csc.test',
  officer: 'officer@police.test',
} as const

const AGENCIES = ['police', 'school', 'clinic', 'csc'] as const

/** ISO date from the generator's spellings (DD/MM/YYYY, YYYYMMDD); anything else as it is. */
function isoDate(raw: string | undefined): string | undefined {
  if (!raw) return undefined
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw)
  if (m) return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw)
  if (m) return `${m[1]}-${m[2]}-${m[3]}`
  return raw
}

/** Generated people as agency person records (what the generator spells impossibly is dropped by the importer). */
export function generatedPersonLines(records: number, seed: number, recordedAt: string): string {
  const people = generatePeople({ records, seed })
  return people.records
    .map((r, i) =>
      JSON.stringify({
        type: 'person',
        agency: AGENCIES[i % AGENCIES.length],
        source_id: `G-${r.id}`,
        given_name: r.given_name,
        family_name: r.family_name,
        date_of_birth: isoDate(r.date_of_birth),
        sex: r.sex === 'male' || r.sex === 'female' ? r.sex : undefined,
        phone: r.phone,
        nhs_number: r.nhs_number,
        address:
          r.postcode || r.address_line ? { line1: r.address_line, town: r.town, postcode: r.postcode } : undefined,
        recorded_at: recordedAt,
      }),
    )
    .join('\n')
}

export async function seedLinkageArea(db: Db, population = 400): Promise<Record<keyof typeof LINKAGE_USERS, number>> {
  await addAgency(db, { code: 'police', name: 'Greater Rochdale Police', kind: 'police' })
  await addAgency(db, { code: 'school', name: 'Spotland Primary', kind: 'education' })
  await addAgency(db, { code: 'clinic', name: 'Sexual Health Clinic', kind: 'health' })
  await addAgency(db, { code: 'csc', name: "Children's Social Care", kind: 'childrens_social_care' })
  const make = (email: string, agency: string, ...roles: string[]) =>
    createUser(db, { email, name: email.split('@')[0], agency, roles, password: PASSWORD })
  const users = {
    mash: await make(LINKAGE_USERS.mash, 'csc', 'mash'),
    socialWorker: await make(LINKAGE_USERS.socialWorker, 'csc', 'practitioner'),
    manager: await make(LINKAGE_USERS.manager, 'csc', 'manager'),
    admin: await make(LINKAGE_USERS.admin, 'csc', 'admin'),
    officer: await make(LINKAGE_USERS.officer, 'police', 'practitioner'),
  }
  await importRecords(db, ndjsonLines(generatedPersonLines(population, 7, '2019-01-01T09:00:00')), {
    channel: 'file',
    skipInvalid: true,
    actor: TEST_ACTOR,
    receivedAt: new Date('2019-01-02T00:00:00Z'),
  })
  return users
}
