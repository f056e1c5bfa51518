// Reads a chronology filter from a query string (page or API), with errors a person can act on:
// dates through the one parser (web/forms.ts; 04/12/2026 and 2026-12-04 alike). The page answers a
// mistake on the same page (readChronologyFilter with its FormErrors); the API with a 400 naming each.
import { badRequest } from '../errors/domain-error.ts'
import type { ChronologyFilter } from '../chronology/chronology.ts'
import { EVENT_KINDS } from '../records/types.ts'
import { FormErrors, list, readDay, type Form } from '../web/forms.ts'
import { endOfLondonDay, startOfLondonDay } from '../web/date-time.ts'
import { threadlineEntryKinds } from './chronology-entries.ts'

export interface FilterQuery {
  agency?: string | string[]
  kind?: string | string[]
  from?: string
  to?: string
  as_of?: string
}

/** The filter, leaving out (and reporting in `errors`) each part that is wrong. */
export function readChronologyFilter(query: FilterQuery, now: Date, errors: FormErrors): ChronologyFilter {
  const form = query as Form
  const asOfDay = readDay(form, 'as_of', errors, { label: 'the "as known on" date' })
  const asOf = asOfDay ? endOfLondonDay(asOfDay) : now
  const kinds = list(form, 'kind')
  const known = [...EVENT_KINDS, ...threadlineEntryKinds()]
  const unknown = kinds.filter((k) => !known.includes(k))
  if (unknown.length) errors.add('kind', 'Choose a kind of record from the list')
  const from = readDay(form, 'from', errors, { label: 'the "happened from" date' })
  let to = readDay(form, 'to', errors, { label: 'the "happened to" date' })
  if (from && to && startOfLondonDay(to) < startOfLondonDay(from)) {
    errors.add('to', 'The "happened to" date must be the same as or after the "happened from" date')
    to = null
  }
  const dayAfter = (d: NonNullable<typeof to>) => new Date(endOfLondonDay(d).getTime() + 1)
  return {
    at: asOf < now ? asOf : now,
    agencies: list(form, 'agency'),
    kinds: kinds.filter((k) => !unknown.includes(k)),
    from: from ? startOfLondonDay(from) : undefined,
    to: to ? dayAfter(to) : undefined,
  }
}

/** What a printed or downloaded chronology says when its filter leaves some of the record out. */
export const ONLY_SOME_SHOWN = 'Filtered: only some records are shown.'

/** Whether a filter leaves some of the record out (an as-known-on date alone does not: it is the record then). */
export const showsOnlySome = (filter: ChronologyFilter) =>
  (filter.agencies?.length ?? 0) > 0 ||
  (filter.kinds?.length ?? 0) > 0 ||
  filter.from !== undefined ||
  filter.to !== undefined

/** The filter, or a 400 naming every mistake (the API, and callers with nothing to show a page on). */
export function chronologyFilter(query: FilterQuery, now: Date): ChronologyFilter {
  const errors = new FormErrors()
  const filter = readChronologyFilter(query, now, errors)
  if (errors.any)
    throw badRequest(
      errors.list.map((e) => `${e.message}.`).join(' '),
      errors.list.map((e) => ({ field: e.field, message: e.message })),
    )
  return filter
}
