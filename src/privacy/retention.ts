// How long each kind of agency record is kept, and which records are past it (decision 0012). The
// periods are the agencies' own retention schedules, by the kind of agency that holds the record;
// an area sets its own with THREADLINE_RETENTION. Nothing is deleted: the report lists records for
// a person (the data protection officer, an administrator) to review under the agency's schedule.
import { sql } from 'kysely'
import { DateTime } from 'luxon'
import type { Db } from '../db/database.ts'
import { AGENCY_KINDS, isAgencyKind } from '../vocabulary/agency-kinds.ts'
import { ZONE } from '../config/clock.ts'
import { errorKind } from '../errors/domain-error.ts'

export interface RetentionRule {
  /** `birthday`: until that birthday of the person the record is about; `after`: years after its last entry. */
  basis: 'birthday' | 'after'
  years: number
  source: string
}

/** The defaults, with where each comes from. Check them against your agencies' own schedules. */
export const DEFAULT_RETENTION: Record<string, RetentionRule> = {
  childrens_social_care: {
    basis: 'birthday',
    years: 75,
    source:
      "Care Planning, Placement and Case Review (England) Regulations 2010, reg. 50: a looked-after child's case " +
      "record is kept until their 75th birthday (the longest period in children's social care, applied to all " +
      "of its records here: a child in need or child protection record may be kept for less by the council's schedule)",
  },
  health: {
    basis: 'birthday',
    years: 26,
    source:
      "NHS Records Management Code of Practice (2023), children's records: until the 25th birthday, or the 26th " +
      'if the young person was 17 at the end of treatment (the later is applied)',
  },
  education: {
    basis: 'birthday',
    years: 25,
    source:
      "IRMS Information Management Toolkit for Schools: a pupil's child protection file, date of birth + 25 years",
  },
  police: {
    basis: 'birthday',
    years: 100,
    source:
      'College of Policing APP, Information management (MoPI): group 1, certain public protection matters, ' +
      'kept until the person is 100 (reviewed every 10 years)',
  },
  youth_justice: {
    basis: 'birthday',
    years: 25,
    source: "assumed as children's health and education records (25th birthday): set your youth justice service's own",
  },
  prosecutor: {
    basis: 'after',
    years: 6,
    source: "Limitation Act 1980's six years as a floor: set the Crown Prosecution Service's own schedule",
  },
  voluntary: {
    basis: 'after',
    years: 6,
    source: "Limitation Act 1980's six years as a floor: set the organisation's own schedule",
  },
  other: {
    basis: 'after',
    years: 6,
    source: "Limitation Act 1980's six years as a floor: set the organisation's own schedule",
  },
}

export class RetentionSettingError extends errorKind('invalid') {}

/**
 * The rules in force: the defaults, overridden by THREADLINE_RETENTION, a comma-separated list of
 * `KIND=birthday:YEARS` or `KIND=after:YEARS` (`police=after:10,health=birthday:25`).
 */
export function retentionRules(setting: string | undefined): Record<string, RetentionRule> {
  const rules = { ...DEFAULT_RETENTION }
  for (const part of (setting ?? '').split(',').map((p) => p.trim())) {
    if (!part) continue
    const m = /^([a-z_]+)=(birthday|after):(\d{1,3})$/.exec(part)
    if (!m)
      throw new RetentionSettingError(
        `THREADLINE_RETENTION: "${part}" is not KIND=birthday:YEARS or KIND=after:YEARS (for example police=after:10)`,
      )
    if (!isAgencyKind(m[1]))
      throw new RetentionSettingError(
        `THREADLINE_RETENTION: "${m[1]}" is not a kind of agency (one of ${AGENCY_KINDS.join(', ')})`,
      )
    rules[m[1]] = { basis: m[2] as 'birthday' | 'after', years: Number(m[3]), source: 'THREADLINE_RETENTION' }
  }
  return rules
}

export function describeRule(rule: RetentionRule): string {
  return rule.basis === 'birthday'
    ? `until the ${ordinal(rule.years)} birthday`
    : `${rule.years} years after the last entry`
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')
  return `${n}${s}`
}

export interface PastRetention {
  person_id: number | null
  agency: string
  source_id: string
  record_kind: string
  date_of_birth: string | null
  last_recorded_at: Date
  events: number
  rule: string
  due: string
  years_past: number
}

export interface RetentionReport {
  rows: PastRetention[]
  /** Records a birthday rule cannot be applied to: no date of birth recorded. */
  undated: number
  checked: number
}

/** When a record's retention ends (a London date), or null when it cannot be told. */
export function retentionEnds(rule: RetentionRule, dateOfBirth: string | null, lastRecordedAt: Date): string | null {
  if (rule.basis === 'birthday') {
    if (!dateOfBirth) return null
    const dob = DateTime.fromISO(dateOfBirth, { zone: ZONE })
    return dob.isValid ? (dob.plus({ years: rule.years }).toISODate() ?? null) : null
  }
  return DateTime.fromJSDate(lastRecordedAt, { zone: ZONE }).plus({ years: rule.years }).toISODate()
}

/** Every agency person record whose retention has ended by `at`, longest past first. */
export async function retentionReport(
  db: Db,
  rules: Record<string, RetentionRule>,
  at: Date,
): Promise<RetentionReport> {
  const { rows } = await sql<{
    agency: string
    source_id: string
    kind: string
    date_of_birth: string | null
    last_person: Date
    last_event: Date | null
    events: number
    person_id: number | null
  }>`
    with records as (
      select pv.agency_code as agency, pv.source_id, a.kind,
        (array_agg(pv.date_of_birth order by pv.recorded_at desc)
          filter (where pv.date_of_birth is not null and not pv.withdrawn))[1] as date_of_birth,
        max(pv.recorded_at) as last_person
      from person_versions pv join agencies a on a.code = pv.agency_code
      group by pv.agency_code, pv.source_id, a.kind),
    events_of as (
      select agency_code as agency, subject_source_id as source_id, max(recorded_at) as last_event,
        count(distinct source_id)::int as events
      from events group by agency_code, subject_source_id)
    select r.agency, r.source_id, r.kind, r.date_of_birth::text as date_of_birth, r.last_person,
      e.last_event, coalesce(e.events, 0) as events, l.entity_id as person_id
    from records r
    left join events_of e on e.agency = r.agency and e.source_id = r.source_id
    left join entity_links l on l.agency_code = r.agency and l.source_id = r.source_id`.execute(db)
  const today = DateTime.fromJSDate(at, { zone: ZONE }).toISODate() ?? ''
  const past: PastRetention[] = []
  let undated = 0
  for (const r of rows) {
    const rule = rules[r.kind] ?? rules.other
    const last = r.last_event && r.last_event > r.last_person ? r.last_event : r.last_person
    const due = retentionEnds(rule, r.date_of_birth, last)
    if (!due) {
      undated++
      continue
    }
    if (due > today) continue
    past.push({
      person_id: r.person_id,
      agency: r.agency,
      source_id: r.source_id,
      record_kind: r.kind,
      date_of_birth: r.date_of_birth,
      last_recorded_at: last,
      events: r.events,
      rule: describeRule(rule),
      due,
      years_past: Math.floor(DateTime.fromISO(today).diff(DateTime.fromISO(due), 'years').years),
    })
  }
  past.sort(
    (a, b) => a.due.localeCompare(b.due) || a.agency.localeCompare(b.agency) || a.source_id.localeCompare(b.source_id),
  )
  return { rows: past, undated, checked: rows.length }
}
