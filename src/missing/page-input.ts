// What people type on the missing-episode and return-interview pages, turned into the agency
// record format so that a page record goes through the same import as any agency's file.
// Pure: ids come from the caller.
import { DateTime } from 'luxon'
import { ZONE } from './time.ts'
import type { Involvement } from '../records/types.ts'

/** "2026-05-01 23:45" or "2026-05-01T23:45" (London wall-clock time) as ISO with its offset; null if not a time. */
export function localTime(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null
  const text = value.trim().replace(' ', 'T')
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(text)) return null
  const parsed = DateTime.fromISO(text, { zone: ZONE })
  return parsed.isValid ? parsed.toISO({ suppressMilliseconds: true }) : null
}

/** The inverse, for a form's value: "YYYY-MM-DDTHH:MM" in London time. */
export function formTime(value: Date | string | null | undefined): string {
  if (!value) return ''
  const d = typeof value === 'string' ? DateTime.fromISO(value) : DateTime.fromJSDate(value)
  return d.isValid ? d.setZone(ZONE).toFormat("yyyy-MM-dd'T'HH:mm") : ''
}

export const lines = (value: unknown): string[] =>
  typeof value === 'string'
    ? value
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
        .slice(0, 50)
    : []

export interface NamedPerson {
  /** A person record of the recording agency for someone named on the page. */
  record: Record<string, unknown>
  involvement: Record<string, unknown>
}

/**
 * People named one a line ("Name" or "Name, YYYY-MM-DD"): each becomes a person record of the
 * recording agency (so the link analysis can find them) and an involvement of the event.
 */
export function namedPeople(
  value: unknown,
  agency: string,
  role: string,
  newId: () => string,
  recordedAt: string,
): NamedPerson[] {
  return lines(value).map((line) => {
    const [namePart, dob] = line.split(',').map((s) => s.trim())
    const words = namePart.split(/\s+/)
    const family = words.length > 1 ? words.pop() : undefined
    const id = newId()
    const record: Record<string, unknown> = {
      type: 'person',
      agency,
      source_id: id,
      given_name: words.join(' '),
      ...(family ? { family_name: family } : {}),
      ...(dob && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(dob) ? { date_of_birth: dob } : {}),
      recorded_at: recordedAt,
    }
    return { record, involvement: { person: id, role } }
  })
}

/** Vehicles, phones or online identities, one a line. */
export function things(value: unknown, kind: 'vehicle' | 'phone' | 'online', role: string): Record<string, unknown>[] {
  return lines(value).map((line) => ({ [kind]: line, role }))
}

/** Places one a line: "Name of the place" or "Name, POSTCODE". */
export function places(value: unknown, role: string): Record<string, unknown>[] {
  return lines(value).map((line) => {
    const parts = line.split(',').map((s) => s.trim())
    const last = parts[parts.length - 1]
    const postcode = parts.length > 1 && /^[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}$/.test(last) ? last : undefined
    const name = postcode ? parts.slice(0, -1).join(', ') : line
    return { location: { name, ...(postcode ? { postcode } : {}) }, role }
  })
}

export const text = (value: unknown, max = 5000): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : undefined

/** A stored involvement back in the record format, to re-send it unchanged with an update. */
export function asSent(i: Involvement): Record<string, unknown> {
  const role = i.role ? { role: i.role } : {}
  if (i.kind === 'person') return { person: i.person, ...role }
  if (i.kind === 'location') {
    const place =
      i.name || i.postcode
        ? { ...(i.name ? { name: i.name } : {}), ...(i.postcode ? { postcode: i.postcode } : {}) }
        : { name: i.display }
    return { location: place, ...role }
  }
  return { [i.kind]: i.display, ...role }
}

/** What the episode page edits: places found at and vehicles found with; the rest of an update is kept as it was. */
export const editedOnEpisodePage = (i: Involvement) =>
  (i.kind === 'location' && i.role === 'found_at') || (i.kind === 'vehicle' && i.role === 'found_with')
