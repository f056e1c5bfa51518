// What people type on the missing-episode and return-interview pages, turned into the agency
// record format so that a page record goes through the same import as any agency's file.
// Pure: ids come from the caller.
import { DateTime } from 'luxon'
import { ZONE } from './time.ts'
import type { Involvement } from '../records/types.ts'
import { TEXT_LIMITS, textKindOf } from '../records/limits.ts'
import { linesOf, type TextLimit } from '../web/forms.ts'

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

/** A list typed one a line, every line of it: never cut (LIST_LINES and each line's limit are field errors on the page). */
export const lines = linesOf

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

/** A value as typed, trimmed; undefined when blank. Never cut: a text longer than its field's limit
 * (below) is a field error on its page, so nothing a practitioner typed is silently dropped. */
export const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined

// The longest text each free-text field of the missing pages may hold, in characters, and its name in
// the error (web/forms.ts checkLengths): the one place these limits are named. A list typed one a line
// (people, places, vehicles, phones, online identities) holds at most LIST_LINES lines, each no longer
// than the import format lets the field it becomes hold (records/limits.ts), so that a page never sends
// a record the import refuses.

/** The most lines a list typed one a line may hold. */
export const LIST_LINES = 50

/** A list typed one a line whose lines become `field` of the record format (a person's `given_name`, a place's `name`). */
const listOf = (label: string, field: string): TextLimit => ({
  label,
  lines: { most: LIST_LINES, max: TEXT_LIMITS[textKindOf(field)].chars },
})

/** The missing-episode page. */
export const EPISODE_TEXT: Readonly<Record<string, TextLimit>> = {
  reported_by: { label: 'Who reported it', max: 200 },
  risk_reviews: { label: 'The risk reviews', max: 1000 },
  last_seen: { label: 'Where the child was last seen', max: 1000 },
  summary: { label: 'The summary', max: 500 },
  found_by: { label: 'Who found or brought back the child', max: 200 },
  found_at: listOf('The places where the child was found', 'name'),
  found_with_people: listOf('The people the child was found with', 'given_name'),
  found_with_vehicles: listOf('The vehicles the child was found with', 'vehicle'),
}

/** The return-interview page. */
export const INTERVIEW_TEXT: Readonly<Record<string, TextLimit>> = {
  reason: { label: 'The reason', max: 2000 },
  offered_by: { label: 'Who offered the interview', max: 200 },
  child_account: { label: "The child's own account", max: 10_000 },
  where: { label: 'Where they were', max: 2000 },
  what_happened: { label: 'What happened', max: 10_000 },
  what_they_want: { label: 'What the child wants', max: 5000 },
  disclosures: { label: 'The disclosures', max: 5000 },
  what_follows: { label: 'What follows', max: 5000 },
  places: listOf('The places', 'name'),
  with_people: listOf('The people they were with', 'given_name'),
  vehicles: listOf('The vehicles', 'vehicle'),
  phones: listOf('The phone numbers', 'phone'),
  online: listOf('The online identities', 'online'),
}

/** The Philomena profile page (its fields are store.ts PROFILE_FIELDS, and when the photograph was taken). */
export const PROFILE_TEXT: Readonly<Record<string, TextLimit>> = {
  description: { label: 'The description', max: 5000 },
  friends: { label: 'Friends and associates', max: 5000 },
  places: { label: 'Places the child goes', max: 5000 },
  phones: { label: 'Phone numbers and social media', max: 5000 },
  medical: { label: 'Medical needs', max: 5000 },
  other: { label: 'Anything else the police should know', max: 5000 },
  photo_taken: { label: 'When the photograph was taken', max: 100 },
}

/** The strategy discussion of a child repeatedly missing (its own page, /people/:id/missing/strategy). */
export const STRATEGY_TEXT: Readonly<Record<string, TextLimit>> = {
  summary: { label: 'Who took part and what was decided', max: 5000 },
  plan: { label: 'The plan for the next time the child is missing', max: 5000 },
}

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
