// The exact linking rules: two agency records are the same person when they share a valid NHS
// number and the same date of birth (an NHS number alone is not enough: a newborn's record can
// carry the mother's), or the same normalised full name and the same full date of birth, unless
//   - the person already known holds a different identifier of the same kind (an NHS number, a UPN
//     or a PNC id) than the new record (linkage/identifiers.ts, the one rule);
//   - the date of birth is a placeholder (linkage/comparisons.ts placeholderDay: 1 January or
//     31 December, the dates systems fill in when only the year is known) and nothing else agrees (postcode, phone, or a shared identifier);
//   - more than one person already known fits: which one is for the model, or a person, to say.
// Pure: the caller supplies the records already known and gets back the rule that matched.
import type { LinkMethod } from '../db/schema.ts'
import { postcodeKey } from '../records/identifiers.ts'
import { placeholderDate } from './comparisons.ts'
import { identifiersConflict, identifiersOf, identifiersShared, type PersonIdentifiers } from './identifiers.ts'

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

const postcodeOf = (p: string | null | undefined) => (p ? postcodeKey(p) : null)

const identifiersOfKnown = (r: Omit<KnownRecord, 'entityId'>) =>
  identifiersOf({ nhs: r.nhsNumber, upn: r.upn, pnc: r.pncId })

interface NameEntry {
  entityId: number
  postcode: string | null
  phone: string | null
}

export class ExactIndex {
  private byNhs = new Map<string, number>()
  private byName = new Map<string, NameEntry[]>()
  /** the identifiers of each person's records */
  private identifiers = new Map<number, PersonIdentifiers[]>()

  add(record: KnownRecord): void {
    const ids = identifiersOfKnown(record)
    if (ids) {
      const list = this.identifiers.get(record.entityId)
      if (list) list.push(ids)
      else this.identifiers.set(record.entityId, [ids])
    }
    if (!record.dateOfBirth || !FULL_DATE.test(record.dateOfBirth)) return
    if (record.nhsNumber) setOnce(this.byNhs, `${record.nhsNumber}|${record.dateOfBirth}`, record.entityId)
    // a one-word name is too weak to link on
    if (record.nameKey.includes(' ')) {
      const key = `${record.nameKey}|${record.dateOfBirth}`
      const entry = { entityId: record.entityId, postcode: postcodeOf(record.postcode), phone: record.phone ?? null }
      const list = this.byName.get(key)
      if (list) list.push(entry)
      else this.byName.set(key, [entry])
    }
  }

  /** Whether the person `entityId` holds an identifier of the same kind as the record's, but different. */
  conflicts(record: Omit<KnownRecord, 'entityId'>, entityId: number): boolean {
    return identifiersConflict(identifiersOfKnown(record), this.identifiers.get(entityId) ?? [])
  }

  /** Whether the record shares an identifier (NHS number, UPN, PNC id) with the person. */
  private sharesIdentifier(record: Omit<KnownRecord, 'entityId'>, entityId: number): boolean {
    return identifiersShared(identifiersOfKnown(record), this.identifiers.get(entityId) ?? [])
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
    const postcode = postcodeOf(record.postcode)
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
