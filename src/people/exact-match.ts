// The exact linking rules: two agency records are the same person when they share a valid NHS
// number and the same date of birth (an NHS number alone is not enough: a newborn's record can
// carry the mother's), or the same normalised full name and the same full date of birth, unless
//   - the person already known holds a different identifier of the same kind (an NHS number, a UPN
//     or a PNC id) than the new record: two children with one name and one birthday are common in
//     a town, two NHS numbers for one child are not;
//   - the date of birth is a placeholder (1 January or 31 December, the dates systems fill in when
//     only the year is known) and nothing else agrees (postcode, phone, or a shared identifier);
//   - more than one person already known fits: which one is for the model, or a person, to say.
// Pure: the caller supplies the records already known and gets back the rule that matched.
import type { LinkMethod } from '../db/schema.ts'

export interface KnownRecord {
  entityId: number
  nhsNumber: string | null
  dateOfBirth: string | null
  nameKey: string
  upn?: string | null
  pncId?: string | null
  postcode?: string | null
  phone?: string | null
}

export interface ExactMatch {
  entityId: number
  method: Extract<LinkMethod, 'nhs_number_and_dob' | 'name_and_dob'>
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/

/** 1 January and 31 December: what a system records when it knows only the year. */
export function placeholderDate(date: string): boolean {
  const monthDay = date.slice(5)
  return monthDay === '01-01' || monthDay === '12-31'
}

/** PNC id as compared: capitals, no spaces, a two-digit year ("2001/12345A" and "01/0012345A" agree). */
export function pncKey(value: string | null | undefined): string | null {
  if (!value) return null
  const m = /^(\d{2}|\d{4})\/?0*(\d{1,7})([A-Z])$/.exec(value.replace(/\s/g, '').toUpperCase())
  return m ? `${m[1].slice(-2)}/${m[2]}${m[3]}` : null
}

const postcodeKey = (p: string | null | undefined) => (p ? p.replace(/\s/g, '').toUpperCase() : null)

interface Identifiers {
  nhs: Set<string>
  upn: Set<string>
  pnc: Set<string>
}

interface NameEntry {
  entityId: number
  postcode: string | null
  phone: string | null
}

export class ExactIndex {
  private byNhs = new Map<string, number>()
  private byName = new Map<string, NameEntry[]>()
  private identifiers = new Map<number, Identifiers>()

  add(record: KnownRecord): void {
    let ids = this.identifiers.get(record.entityId)
    if (!ids) {
      ids = { nhs: new Set(), upn: new Set(), pnc: new Set() }
      this.identifiers.set(record.entityId, ids)
    }
    if (record.nhsNumber) ids.nhs.add(record.nhsNumber)
    if (record.upn) ids.upn.add(record.upn)
    const pnc = pncKey(record.pncId)
    if (pnc) ids.pnc.add(pnc)
    if (!record.dateOfBirth || !FULL_DATE.test(record.dateOfBirth)) return
    if (record.nhsNumber) setOnce(this.byNhs, `${record.nhsNumber}|${record.dateOfBirth}`, record.entityId)
    // a one-word name is too weak to link on
    if (record.nameKey.includes(' ')) {
      const key = `${record.nameKey}|${record.dateOfBirth}`
      const entry = { entityId: record.entityId, postcode: postcodeKey(record.postcode), phone: record.phone ?? null }
      const list = this.byName.get(key)
      if (list) list.push(entry)
      else this.byName.set(key, [entry])
    }
  }

  /** Whether the person `entityId` holds an identifier of the same kind as the record's, but different. */
  conflicts(record: Omit<KnownRecord, 'entityId'>, entityId: number): boolean {
    const ids = this.identifiers.get(entityId)
    if (!ids) return false
    const differs = (set: Set<string>, value: string | null | undefined) => !!value && set.size > 0 && !set.has(value)
    return differs(ids.nhs, record.nhsNumber) || differs(ids.upn, record.upn) || differs(ids.pnc, pncKey(record.pncId))
  }

  /** Whether the record shares an identifier (NHS number, UPN, PNC id) with the person. */
  private sharesIdentifier(record: Omit<KnownRecord, 'entityId'>, entityId: number): boolean {
    const ids = this.identifiers.get(entityId)
    if (!ids) return false
    const pnc = pncKey(record.pncId)
    return (
      (!!record.nhsNumber && ids.nhs.has(record.nhsNumber)) ||
      (!!record.upn && ids.upn.has(record.upn)) ||
      (!!pnc && ids.pnc.has(pnc))
    )
  }

  match(record: Omit<KnownRecord, 'entityId'>): ExactMatch | null {
    if (!record.dateOfBirth || !FULL_DATE.test(record.dateOfBirth)) return null
    if (record.nhsNumber) {
      const id = this.byNhs.get(`${record.nhsNumber}|${record.dateOfBirth}`)
      if (id !== undefined) return { entityId: id, method: 'nhs_number_and_dob' }
    }
    if (!record.nameKey.includes(' ')) return null
    const entries = this.byName.get(`${record.nameKey}|${record.dateOfBirth}`)
    if (!entries) return null
    const placeholder = placeholderDate(record.dateOfBirth)
    const postcode = postcodeKey(record.postcode)
    const candidates = new Set<number>()
    const excluded = new Set<number>()
    for (const e of entries) {
      if (excluded.has(e.entityId)) continue
      if (this.conflicts(record, e.entityId)) {
        excluded.add(e.entityId)
        continue
      }
      if (
        placeholder &&
        !(postcode && e.postcode === postcode) &&
        !(record.phone && e.phone === record.phone) &&
        !this.sharesIdentifier(record, e.entityId)
      )
        continue
      candidates.add(e.entityId)
    }
    if (candidates.size !== 1) return null
    return { entityId: [...candidates][0], method: 'name_and_dob' }
  }
}

// The oldest entity wins, so the result does not depend on the order records are read in.
function setOnce(map: Map<string, number>, key: string, id: number): void {
  const existing = map.get(key)
  if (existing === undefined || id < existing) map.set(key, id)
}
