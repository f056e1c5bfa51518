// Reads a chronology filter from a query string (page or API), with errors a person can act on.
import { DateTime } from 'luxon'
import { endOfDayLondon, ZONE } from '../config/clock.ts'
import { badRequest } from '../web/http-error.ts'
import type { ChronologyFilter } from '../chronology/chronology.ts'
import { EVENT_KINDS } from '../records/types.ts'

export interface FilterQuery {
  agency?: string | string[]
  kind?: string | string[]
  from?: string
  to?: string
  as_of?: string
}

const list = (v: string | string[] | undefined) =>
  (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== '')

export function chronologyFilter(query: FilterQuery, now: Date): ChronologyFilter {
  const asOf = query.as_of ? endOfDayLondon(query.as_of) : now
  if (!asOf) throw badRequest(`"as of" date "${query.as_of}" is not a date (expected YYYY-MM-DD)`)
  const kinds = list(query.kind)
  const unknown = kinds.find((k) => !(EVENT_KINDS as readonly string[]).includes(k))
  if (unknown) throw badRequest(`"${unknown}" is not an event kind`)
  const day = (value: string | undefined, name: string) => {
    if (!value) return undefined
    const d = DateTime.fromISO(value, { zone: ZONE })
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !d.isValid)
      throw badRequest(`"${name}" date "${value}" is not a date (expected YYYY-MM-DD)`)
    return d
  }
  const from = day(query.from, 'from')
  const to = day(query.to, 'to')
  if (from && to && to < from) throw badRequest('the "to" date is before the "from" date')
  return {
    at: asOf < now ? asOf : now,
    agencies: list(query.agency),
    kinds,
    from: from?.startOf('day').toJSDate(),
    to: to?.plus({ days: 1 }).startOf('day').toJSDate(),
  }
}
