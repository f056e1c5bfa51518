// Demo users for every role and agency, and which of them are allocated to the demo's story
// children, so that the demo shows the need-to-know rule: allocated professionals and the MASH see
// the multi-agency record, others see a signpost.
import { hasRole } from '../vocabulary/roles.ts'
import type { DemoAgency } from './agencies.ts'
import type { Area, RecordRef } from './area-types.ts'

export type DemoRole = 'practitioner' | 'manager' | 'mash' | 'partnership' | 'admin'

export interface DemoUser {
  email: string
  name: string
  agency: string
  roles: DemoRole[]
  password: string
}

/** The one demo password: weak on purpose, and for the demo only. */
export const DEMO_PASSWORD = 'demo-password-1'

const PEOPLE: Record<string, [string, string, string, string]> = {
  // agency kind → practitioner first and last name, manager first and last name
  police: ['Amy', 'Officer', 'Ian', 'Inspector'],
  childrens_social_care: ['Sofia', 'Socialworker', 'Tom', 'Teamleader'],
  health: ['Nina', 'Nurse', 'Maya', 'Matron'],
  prosecutor: ['Paul', 'Prosecutor', 'Carol', 'Chiefcrown'],
  youth_justice: ['Yusuf', 'Youthworker', 'Yvonne', 'Manager'],
  voluntary: ['Cara', 'Caseworker', 'Colin', 'Coordinator'],
}
const SCHOOL_PEOPLE = [
  ['Lee', 'Teacher', 'Pat', 'Head'],
  ['Rosa', 'Teacher', 'Frank', 'Head'],
  ['Owen', 'Teacher', 'Gita', 'Head'],
]

const email = (first: string, last: string, code: string) => `${first}.${last}@${code}.demo`.toLowerCase()

export function demoUsers(agencies: readonly DemoAgency[]): DemoUser[] {
  const users: DemoUser[] = []
  let school = 0
  for (const a of agencies) {
    const [pf, pl, mf, ml] =
      a.kind === 'education'
        ? SCHOOL_PEOPLE[school++ % SCHOOL_PEOPLE.length]
        : (PEOPLE[a.kind] ?? ['Alex', 'Worker', 'Sam', 'Manager'])
    users.push({
      email: email(pf, pl, a.code),
      name: `${pf} ${pl}`,
      agency: a.code,
      roles: ['practitioner'],
      password: DEMO_PASSWORD,
    })
    users.push({
      email: email(mf, ml, a.code),
      name: `${mf} ${ml}`,
      agency: a.code,
      roles: ['manager'],
      password: DEMO_PASSWORD,
    })
  }
  // the MASH, the partnership's business unit and the administrator sit in the local authority
  const host = agencies.find((a) => a.kind === 'childrens_social_care') ?? agencies[0]
  users.push({
    email: email('Mo', 'Mash', host.code),
    name: 'Mo Mash',
    agency: host.code,
    roles: ['mash'],
    password: DEMO_PASSWORD,
  })
  users.push({
    email: email('Priya', 'Partnership', host.code),
    name: 'Priya Partnership',
    agency: host.code,
    roles: ['partnership'],
    password: DEMO_PASSWORD,
  })
  users.push({
    email: email('Ada', 'Admin', host.code),
    name: 'Ada Admin',
    agency: host.code,
    roles: ['admin'],
    password: DEMO_PASSWORD,
  })
  return users
}

export interface DemoAllocation {
  /** The allocated user. */
  email: string
  /** The child's record, `agency:source_id`, as the user's own agency knows them (or as social care does). */
  record: RecordRef
  agency: string
  source_id: string
  /** The child's id in the area's ground truth. */
  child: string
  role: 'lead professional' | 'allocated worker'
  /** When the allocation started: when the child's story first came to the agencies' notice. */
  since: Date
}

/** Allocations of practitioners to the story children: social care leads for every one; police,
 * health, the school and the charity for some; so each worker sees some story children and only a
 * signpost for the others. */
export function demoAllocations(area: Area, users: readonly DemoUser[] = demoUsers(area.agencies)): DemoAllocation[] {
  const stories = area.truth.exploited.filter((x) => x.story)
  const recordsOf = new Map(area.truth.people.map((p) => [p.id, p.records.map((r) => r.ref)]))
  const practitioners = users.filter((u) => hasRole(u.roles, 'practitioner'))
  const out: DemoAllocation[] = []
  stories.forEach(({ child, firstRecordedAt }, i) => {
    const refs = recordsOf.get(child) ?? []
    const refIn = (agency: string): RecordRef | undefined => refs.find((r) => r.startsWith(`${agency}:`))
    practitioners.forEach((u, j) => {
      const lead = u.agency === 'csc'
      const allocated = lead || ((i + j) % 3 === 0 && refIn(u.agency) !== undefined)
      if (!allocated) return
      const record = refIn(u.agency) ?? refIn('csc') ?? refs[0]
      if (!record) return
      const [agency, ...rest] = record.split(':')
      out.push({
        email: u.email,
        record,
        agency,
        source_id: rest.join(':'),
        child,
        role: lead ? 'lead professional' : 'allocated worker',
        since: new Date(firstRecordedAt),
      })
    })
  })
  return out
}
