// Who the national data set on child sexual exploitation counts (pure): the victims and suspects of
// every known or suspected case, from the records agencies hold, read with records/offences.ts (the
// one reading of what a record says about an offence):
//  - a crime report of a sexual offence: its subject (unless named as the suspect) and anyone named as
//    its victim are victims; anyone named as suspect, offender or perpetrator is a suspect;
//  - an arrest or charge for a sexual offence naming a victim: the person arrested or charged is a suspect,
//    the victims are victims;
//  - a disclosure of sexual abuse: its subject is a victim, anyone named as suspect a suspect;
//  - an assessment finding sexual exploitation (CIN factor 11A, or the words): its subject is a victim.
// A victim known to be an adult on the day is not counted (the data set is of children).
import type { Day } from '../calendar/days.ts'
import type { EventRecord } from '../records/types.ts'
import {
  assessedSexualExploitation,
  isSexualOffence,
  isSuspectRole,
  namesSexualOffence,
  subjectIsSuspect,
} from '../records/offences.ts'

export type CaseRole = 'victim' | 'suspect'
export const CASE_ROLES: readonly CaseRole[] = ['victim', 'suspect']
export const CASE_KINDS = ['crime_report', 'arrest', 'charge', 'disclosure', 'assessment'] as const

export interface CaseEvent {
  event: Pick<EventRecord, 'agency' | 'kind' | 'subject'> &
    Partial<Pick<EventRecord, 'involves' | 'outcome' | 'summary' | 'details'>> & { extra?: Record<string, unknown> }
  day: Day
}

export interface CasePerson {
  role: CaseRole
  /** The agency's person record (`agency:source_id`) the event names. */
  ref: string
  agency: string
  day: Day
}

const refOf = (agency: string, person: string) => (person.includes(':') ? person : `${agency}:${person}`)

/** The people an event names as victim or suspect of sexual exploitation or abuse; none for other events. */
export function casePeople({ event: e, day }: CaseEvent): CasePerson[] {
  const out: CasePerson[] = []
  const add = (role: CaseRole, person: string) =>
    out.push({ role, ref: refOf(e.agency, person), agency: e.agency, day })
  const involved = (e.involves ?? []).flatMap((i) => (i.kind === 'person' ? [i] : []))
  const victims = involved.filter((i) => /victim/i.test(i.role ?? '')).map((i) => i.person)
  const suspects = involved.filter((i) => isSuspectRole(i.role)).map((i) => i.person)
  switch (e.kind) {
    case 'crime_report':
      if (!isSexualOffence(e)) return []
      if (!subjectIsSuspect(e)) add('victim', e.subject)
      break
    case 'arrest':
    case 'charge':
      if (!isSexualOffence(e) || victims.length === 0) return []
      add('suspect', e.subject)
      break
    case 'disclosure':
      if (!namesSexualOffence(e.summary, e.details, e.outcome)) return []
      add('victim', e.subject)
      break
    case 'assessment':
      if (!assessedSexualExploitation(e)) return []
      add('victim', e.subject)
      return out
    default:
      return []
  }
  for (const v of victims) if (v !== e.subject) add('victim', v)
  for (const s of suspects) add('suspect', s)
  return out
}
