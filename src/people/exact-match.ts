// The exact linking rules: two agency records are the same person when they share a valid NHS
// number and the same date of birth (an NHS number alone is not enough: a newborn's record can
// carry the mother's), or the same normalised full name and the same full date of birth.
// Pure: the caller supplies the records already known and gets back the rule that matched.
import type { LinkMethod } from '../db/schema.ts'

export interface KnownRecord {
  entityId: number
  nhsNumber: string | null
  dateOfBirth: string | null
  nameKey: string
}

export interface ExactMatch {
  entityId: number
  method: Extract<LinkMethod, 'nhs_number_and_dob' | 'name_and_dob'>
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/

export class ExactIndex {
  private byNhs = new Map<string, number>()
  private byName = new Map<string, number>()

  add(record: KnownRecord): void {
    if (!record.dateOfBirth || !FULL_DATE.test(record.dateOfBirth)) return
    if (record.nhsNumber) setOnce(this.byNhs, `${record.nhsNumber}|${record.dateOfBirth}`, record.entityId)
    // a one-word name is too weak to link on
    if (record.nameKey.includes(' ')) setOnce(this.byName, `${record.nameKey}|${record.dateOfBirth}`, record.entityId)
  }

  match(record: Omit<KnownRecord, 'entityId'>): ExactMatch | null {
    if (!record.dateOfBirth || !FULL_DATE.test(record.dateOfBirth)) return null
    if (record.nhsNumber) {
      const id = this.byNhs.get(`${record.nhsNumber}|${record.dateOfBirth}`)
      if (id !== undefined) return { entityId: id, method: 'nhs_number_and_dob' }
    }
    if (record.nameKey.includes(' ')) {
      const id = this.byName.get(`${record.nameKey}|${record.dateOfBirth}`)
      if (id !== undefined) return { entityId: id, method: 'name_and_dob' }
    }
    return null
  }
}

// The oldest entity wins, so the result does not depend on the order records are read in.
function setOnce(map: Map<string, number>, key: string, id: number): void {
  const existing = map.get(key)
  if (existing === undefined || id < existing) map.set(key, id)
}
