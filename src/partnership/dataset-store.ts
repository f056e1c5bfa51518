// `partnership dataset`, read from the database as known at `asOf`: the people the case records name
// (cases.ts), their characteristics from the agencies' person records in force then, and whether an
// analyst has confirmed a network they are tied to (networks: confirmed networks only).
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { listAgencies } from '../agencies/agencies.ts'
import { londonDay, isoFromDay } from '../calendar/days.ts'
import { recordedEvents } from '../chronology/versions.ts'
import { knownAsOf } from '../missing/versions.ts'
import { parseTime } from '../missing/time.ts'
import { mergedIds } from '../people/people.ts'
import { networksAt } from '../networks/analysis.ts'
import { CASE_KINDS, casePeople, type CasePerson } from './cases.ts'
import {
  ageBand,
  disabilityCategory,
  ethnicityGroup,
  nationalityCategory,
  NOT_RECORDED,
  REFUSED,
  sexCategory,
} from './characteristics.ts'
import { datasetRows, type DatasetPerson, type DatasetRow, type Traits } from './dataset.ts'
import type { Period } from './periods.ts'
import { fullestDateOfBirth } from '../calendar/index.ts'

interface PersonRow {
  agency_code: string
  source_id: string
  entity_id: number
  date_of_birth: string | null
  sex: string | null
  ethnicity: string | null
  nationality: string | null
  disability: string | null
}

const ADULT = new Set(['18-24', '25-39', '40 and over'])

/** The value most of a person's records give, ignoring not recorded; a refusal only when nothing else is. */
function consensus(values: (string | null)[], read: (v: string | null) => string): string | null {
  const counted = new Map<string, { n: number; value: string }>()
  let refused: string | null = null
  for (const v of values) {
    if (v === null) continue // nothing recorded (every reader reads it as not recorded)
    const c = read(v)
    if (c === NOT_RECORDED) continue
    if (c === REFUSED) {
      refused ??= v
      continue
    }
    const seen = counted.get(c) ?? { n: 0, value: v }
    seen.n++
    counted.set(c, seen)
  }
  const best = [...counted.values()].sort((a, b) => b.n - a.n)[0]
  return best?.value ?? refused
}

/** The area's view of a person: each characteristic as most of the agencies' records give it. */
export function areaTraits(records: readonly Traits[]): Traits {
  return {
    // the fullest date of birth known (a partial one only when no agency has the whole date)
    dateOfBirth: fullestDateOfBirth(records.map((r) => r.dateOfBirth)),
    sex: consensus(
      records.map((r) => r.sex),
      sexCategory,
    ),
    ethnicity: consensus(
      records.map((r) => r.ethnicity),
      ethnicityGroup,
    ),
    nationality: consensus(
      records.map((r) => r.nationality),
      nationalityCategory,
    ),
    disability: consensus(
      records.map((r) => r.disability),
      disabilityCategory,
    ),
  }
}

export async function partnershipDataset(
  db: Db,
  query: { periods: readonly Period[]; asOf: Date; suppress: boolean },
): Promise<DatasetRow[]> {
  const { asOf } = query
  const [versions, persons, canonical, agencies, networks] = await Promise.all([
    recordedEvents(db, { kinds: CASE_KINDS, recordedBy: asOf }),
    sql<PersonRow>`
      select p.agency_code, p.source_id, l.entity_id, p.date_of_birth, p.sex, p.ethnicity, p.nationality, p.disability
      from person_versions p
      join entity_links l on l.agency_code = p.agency_code and l.source_id = p.source_id
      where p.recorded_at <= ${asOf} and (p.superseded_at is null or p.superseded_at > ${asOf}) and not p.withdrawn`
      .execute(db)
      .then((r) => r.rows),
    mergedIds(db),
    listAgencies(db),
    networksAt(db, { at: asOf }).then((r) => r.networks),
  ])
  const byRef = new Map<string, PersonRow>()
  const byPerson = new Map<number, Traits[]>()
  const traitsOf = (r: PersonRow): Traits => ({
    sex: r.sex,
    dateOfBirth: r.date_of_birth,
    ethnicity: r.ethnicity,
    nationality: r.nationality,
    disability: r.disability,
  })
  for (const r of persons) {
    const person = canonical(r.entity_id)
    byRef.set(`${r.agency_code}:${r.source_id}`, { ...r, entity_id: person })
    const list = byPerson.get(person)
    if (list) list.push(traitsOf(r))
    else byPerson.set(person, [traitsOf(r)])
  }
  const confirmed = networks.filter((n) => n.status === 'confirmed')
  const groupVictims = new Set(confirmed.flatMap((n) => n.children.map(Number)))
  const groupSuspects = new Set(
    confirmed.flatMap((n) => n.members.filter((m) => m.kind === 'person').map((m) => Number(m.key))),
  )
  const area = new Map<number, Traits>()
  const areaOf = (person: number) => {
    let t = area.get(person)
    if (!t) area.set(person, (t = areaTraits(byPerson.get(person) ?? [])))
    return t
  }
  const named: (CasePerson & { person: number; row: PersonRow })[] = []
  for (const known of knownAsOf(versions, asOf)) {
    const e = known.current.event
    const at = parseTime(e.occurred_at)
    if (!at) continue
    for (const c of casePeople({ event: e, day: londonDay(at) })) {
      const row = byRef.get(c.ref)
      if (!row) continue // a person the agency never sent a record of: nobody to describe
      named.push({ ...c, person: row.entity_id, row })
    }
  }
  const people: DatasetPerson[] = []
  for (const c of named) {
    const whole = areaOf(c.person)
    // the data set is of children: a victim known to be an adult on the day is left out
    if (c.role === 'victim' && ADULT.has(ageBand(whole.dateOfBirth, isoFromDay(c.day)))) continue
    const groupBased = c.role === 'victim' ? groupVictims.has(c.person) : groupSuspects.has(c.person)
    people.push({ role: c.role, person: c.person, agency: null, day: c.day, traits: whole, groupBased })
    people.push({
      role: c.role,
      person: c.person,
      agency: c.agency,
      day: c.day,
      traits: traitsOf(c.row),
      groupBased,
    })
  }
  return datasetRows(query.periods, people, { agencies: agencies.map((a) => a.code), suppress: query.suppress })
}
