// The core's exact linking rule, as the demo must satisfy it: two person records are the same
// person when they share a valid NHS number and the same full date of birth, or the same
// normalised full name and the same full date of birth.
import { normaliseName, normaliseNhsNumber } from '../records/identifiers.ts'
import type { RecordRef, WireObject } from './area-types.ts'
import { mustGet } from '../errors/must.ts'

export function exactKeys(person: WireObject): string[] {
  const dob = typeof person.date_of_birth === 'string' ? person.date_of_birth : ''
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dob)) return []
  const keys: string[] = []
  const nhs = typeof person.nhs_number === 'string' ? normaliseNhsNumber(person.nhs_number) : null
  if (nhs) keys.push(`nhs:${nhs}|${dob}`)
  const given = typeof person.given_name === 'string' ? person.given_name : ''
  const family = typeof person.family_name === 'string' ? person.family_name : ''
  if (given.trim() && family.trim()) keys.push(`name:${normaliseName(`${given} ${family}`)}|${dob}`)
  return keys
}

/** Groups person records (latest version of each) into the people the exact rule would make. */
export function exactClusters(persons: Iterable<[RecordRef, WireObject]>): Map<RecordRef, RecordRef> {
  const parent = new Map<RecordRef, RecordRef>()
  const find = (x: RecordRef): RecordRef => {
    let r = x
    while (parent.get(r) !== r) r = mustGet(parent, r, 'the parent of a record')
    let y = x
    while (parent.get(y) !== r) {
      const next = mustGet(parent, y, 'the parent of a record')
      parent.set(y, r)
      y = next
    }
    return r
  }
  const byKey = new Map<string, RecordRef>()
  for (const [ref, person] of persons) {
    if (!parent.has(ref)) parent.set(ref, ref)
    for (const key of exactKeys(person)) {
      const other = byKey.get(key)
      if (other === undefined) byKey.set(key, ref)
      else parent.set(find(ref), find(other))
    }
  }
  const roots = new Map<RecordRef, RecordRef>()
  for (const ref of parent.keys()) roots.set(ref, find(ref))
  return roots
}
