// The partnership page's choice of periods (pure): from, to, by and "as known on", each checked, with
// a GOV.UK error message per field; empty: four calendar quarters to today (the current one so far).
import { addMonths, dayFromIso, isoFromDay, londonDay, type Day } from '../calendar/days.ts'
import { endOfDayLondon } from '../config/clock.ts'
import { PERIOD_KINDS, periodStart, periodsFor, type Period, type PeriodKind } from './periods.ts'

export const MAX_PERIODS = 60

export interface FigureQuery {
  from?: string
  to?: string
  by?: string
  as_of?: string
  suppress?: string
}

export interface FieldError {
  text: string
  href: string
}

interface FigureForm {
  form: { from: string; to: string; by: string; as_of: string; suppress: boolean }
  errors: FieldError[]
  /** The first error of each field, by its id (from, to, by, as_of). */
  fieldErrors: Record<string, string>
}

/** The form as typed and its errors, and when there are none, the periods chosen. */
export type FigureChoice =
  | (FigureForm & { periods?: undefined; by?: undefined; asOf?: undefined })
  | (FigureForm & { periods: Period[]; by: PeriodKind | null; asOf: Date })

const dayOf = (value: string): Day | null => {
  try {
    return dayFromIso(value)
  } catch {
    return null
  }
}

export function figureChoice(query: FigureQuery, now: Date): FigureChoice {
  const trim = (v: string | undefined) => (typeof v === 'string' ? v.trim() : '')
  const empty = !trim(query.from) && !trim(query.to) && !trim(query.by)
  const today = londonDay(now)
  const form = {
    from: empty ? isoFromDay(addMonths(periodStart(today, 'quarter'), -9)) : trim(query.from),
    to: empty ? isoFromDay(today) : trim(query.to),
    by: empty ? 'quarter' : trim(query.by),
    as_of: trim(query.as_of),
    suppress: query.suppress === '1' || query.suppress === 'on',
  }
  const errors: FieldError[] = []
  const from = dayOf(form.from)
  const to = dayOf(form.to)
  if (!form.from) errors.push({ text: 'Enter the first day', href: '#from' })
  else if (from === null) errors.push({ text: 'The first day must be a real date, like 2026-01-01', href: '#from' })
  if (!form.to) errors.push({ text: 'Enter the last day', href: '#to' })
  else if (to === null) errors.push({ text: 'The last day must be a real date, like 2026-03-31', href: '#to' })
  if (from !== null && to !== null && from > to)
    errors.push({ text: 'The first day must be on or before the last day', href: '#from' })
  const by = form.by === '' || form.by === 'none' ? null : form.by
  if (by !== null && !(PERIOD_KINDS as readonly string[]).includes(by))
    errors.push({ text: 'Choose months, quarters, financial years or one period', href: '#by' })
  let asOf = now
  if (form.as_of) {
    const end = endOfDayLondon(form.as_of)
    if (!end) errors.push({ text: '“As known on” must be a real date, like 2026-04-30', href: '#as_of' })
    else asOf = end
  }
  // a first or last day missing or not a real date has put its error in `errors`
  if (errors.length || from === null || to === null) return { form, errors, fieldErrors: byField(errors) }
  const periods = periodsFor(from, to, by as PeriodKind | null)
  if (periods.length > MAX_PERIODS) {
    const tooMany = [
      { text: `Choose at most ${MAX_PERIODS} periods: a shorter range or longer periods`, href: '#from' },
    ]
    return { form, errors: tooMany, fieldErrors: byField(tooMany) }
  }
  return { form, errors, fieldErrors: {}, periods, by: by as PeriodKind | null, asOf }
}

function byField(errors: readonly FieldError[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const e of errors) out[e.href.slice(1)] ??= e.text
  return out
}
