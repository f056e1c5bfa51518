// Dates and times as people type them on forms (pure): THE parser every form uses, through
// web/forms.ts. A date comes from the GOV.UK date input (day, month, year; a month may be a name)
// or typed in one box as a UK date (04/12/2026, 4-12-2026, 4 Dec 2026, 2026-12-04). A time is
// 18:30, 18.30, 1830, 6.30pm, 6pm, midday, noon or midnight (the start of the day). Wall-clock
// times are Europe/London. Every refusal is a sentence a person can act on, naming the field.
import { DateTime } from 'luxon'
import { ZONE } from '../config/clock.ts'

/** A calendar day. */
export interface Day {
  year: number
  month: number
  day: number
}

/** A time of day on the 24-hour clock. */
export interface TimeOfDay {
  hour: number
  minute: number
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; parts?: DatePart[] }

/** Which box of a date input is wrong, so the page can mark it. */
export type DatePart = 'day' | 'month' | 'year'

/** What the time box accepts, for its hint. */
export const TIME_HINT = 'For example, 18:30, 6.30pm, midday or midnight (midnight is the start of the day)'
/** What a date box accepts, for its hint. */
export const DATE_HINT = 'For example, 27 3 2026'

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]

function monthNumber(value: string): number | null {
  const v = value.trim().toLowerCase().replace(/\.$/, '')
  if (/^\d{1,2}$/.test(v)) return Number(v)
  if (v.length < 3) return null
  const found = MONTHS.findIndex((m) => m.startsWith(v) || (v === 'sept' && m === 'september'))
  return found < 0 ? null : found + 1
}

const real = (d: Day) => {
  const dt = DateTime.fromObject(d, { zone: ZONE })
  return dt.isValid && dt.year === d.year && dt.month === d.month && dt.day === d.day
}

/** `label` is a noun phrase ("the date of the decision"); a message starts with it in capitals. */
const sentence = (label: string) => label.charAt(0).toUpperCase() + label.slice(1)

/**
 * The GOV.UK date input's three boxes. `label` names the date in messages ("the date of the decision").
 * All three blank: `null` value when optional, else "Enter ...".
 */
export function parseDayParts(
  parts: { day?: string; month?: string; year?: string },
  label: string,
  options: { required?: boolean } = {},
): Parsed<Day | null> {
  const day = (parts.day ?? '').trim()
  const month = (parts.month ?? '').trim()
  const year = (parts.year ?? '').trim()
  const name = sentence(label)
  if (!day && !month && !year)
    return options.required
      ? { ok: false, message: `Enter ${label}`, parts: ['day', 'month', 'year'] }
      : { ok: true, value: null }
  const missing = (['day', 'month', 'year'] as const).filter((p) => !{ day, month, year }[p])
  if (missing.length)
    return {
      ok: false,
      message: `${name} must include a ${missing.join(' and a ')}`,
      parts: [...missing],
    }
  if (!/^\d{1,2}$/.test(day)) return { ok: false, message: `${name} must be a real date`, parts: ['day'] }
  const m = monthNumber(month)
  if (m === null) return { ok: false, message: `${name} must be a real date`, parts: ['month'] }
  if (!/^\d{4}$/.test(year)) return { ok: false, message: 'Year must include 4 numbers', parts: ['year'] }
  const value = { year: Number(year), month: m, day: Number(day) }
  if (value.year < 1900 || value.year > 2100)
    return { ok: false, message: `${name} must be between 1900 and 2100`, parts: ['year'] }
  if (!real(value)) return { ok: false, message: `${name} must be a real date`, parts: ['day', 'month', 'year'] }
  return { ok: true, value }
}

/** A date typed in one box: 04/12/2026, 4-12-2026, 4.12.2026, 4 Dec 2026, 4 December 2026 or 2026-12-04 (UK order: day first). */
export function parseDayText(text: string, label: string, options: { required?: boolean } = {}): Parsed<Day | null> {
  const t = text.trim()
  if (!t) return options.required ? { ok: false, message: `Enter ${label}` } : { ok: true, value: null }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t)
  if (iso) return parseDayParts({ year: iso[1], month: iso[2], day: iso[3] }, label, options)
  const uk = /^(\d{1,2})\s*[/.\-\s]\s*([A-Za-z]+\.?|\d{1,2})\s*[/.\-\s]\s*(\d{2,4})$/.exec(t)
  if (uk) {
    if (uk[3].length !== 4) return { ok: false, message: 'Year must include 4 numbers' }
    return parseDayParts({ day: uk[1], month: uk[2], year: uk[3] }, label, options)
  }
  return { ok: false, message: `${sentence(label)} must be a date, for example 27/3/2026` }
}

/** A time of day as people type it; blank is `null` (the caller decides whether it is needed). */
export function parseTime(text: string, label = 'the time'): Parsed<TimeOfDay | null> {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ')
  if (!t) return { ok: true, value: null }
  if (/^(12 ?)?(midday|noon)$/.test(t) || t === '12 noon') return { ok: true, value: { hour: 12, minute: 0 } }
  if (/^(12 ?)?midnight$/.test(t)) return { ok: true, value: { hour: 0, minute: 0 } }
  const wrong: Parsed<TimeOfDay | null> = {
    ok: false,
    message: `${sentence(label)} must be a time, for example 18:30, 6.30pm, midday or midnight`,
  }
  const twelve = /^(\d{1,2})(?:[:.](\d{2}))? ?([ap])\.?m\.?$/.exec(t)
  if (twelve) {
    const h = Number(twelve[1])
    const minute = Number(twelve[2] ?? '0')
    if (h < 1 || h > 12 || minute > 59) return wrong
    return { ok: true, value: { hour: (h % 12) + (twelve[3] === 'p' ? 12 : 0), minute } }
  }
  const day = /^(\d{1,2})[:.](\d{2})$/.exec(t) ?? /^(\d{2})(\d{2})$/.exec(t)
  if (day) {
    const hour = Number(day[1])
    const minute = Number(day[2])
    if (hour > 23 || minute > 59) return wrong
    return { ok: true, value: { hour, minute } }
  }
  return wrong
}

/** A day and a time of day, London wall-clock time, as an instant. */
export function londonInstant(day: Day, time: TimeOfDay): Date {
  return DateTime.fromObject({ ...day, hour: time.hour, minute: time.minute }, { zone: ZONE }).toJSDate()
}

/** The start and end of a day in London (for "from" and "to" filters and as-of dates). */
export const startOfLondonDay = (day: Day): Date => DateTime.fromObject(day, { zone: ZONE }).startOf('day').toJSDate()
export const endOfLondonDay = (day: Day): Date => DateTime.fromObject(day, { zone: ZONE }).endOf('day').toJSDate()

/** YYYY-MM-DD of a day. */
export const isoOfDay = (d: Day) =>
  `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`

/** The day of an instant in London, as the date input's boxes show it. */
export function dayParts(value: Date | null | undefined): { day: string; month: string; year: string } {
  if (!value) return { day: '', month: '', year: '' }
  const d = DateTime.fromJSDate(value).setZone(ZONE)
  return { day: String(d.day), month: String(d.month), year: String(d.year) }
}

/** The time of an instant in London as the time box shows it: 18:30, midday, midnight. */
export function timeText(value: Date | null | undefined): string {
  if (!value) return ''
  const d = DateTime.fromJSDate(value).setZone(ZONE)
  if (d.hour === 0 && d.minute === 0) return 'midnight'
  if (d.hour === 12 && d.minute === 0) return 'midday'
  return d.toFormat('HH:mm')
}

/** A day as pages say it: "30 May 2026"; a partial date ("2008", "2008-05") stays as given. */
export function spokenDate(value: Date | string | null | undefined): string {
  if (typeof value === 'string' && /^\d{4}(-\d{2})?$/.test(value)) return value
  if (!value) return ''
  const d = (value instanceof Date ? DateTime.fromJSDate(value) : DateTime.fromISO(value)).setZone(ZONE)
  return d.isValid ? d.toFormat('d LLLL yyyy') : ''
}

/** An instant as pages say it: "30 May 2026 at 10:15pm", with "midday" and "midnight" in words (GOV.UK style). */
export function spokenTime(value: Date | string | null | undefined): string {
  if (!value) return ''
  const d = (value instanceof Date ? DateTime.fromJSDate(value) : DateTime.fromISO(value)).setZone(ZONE)
  if (!d.isValid) return ''
  const time =
    d.hour === 0 && d.minute === 0
      ? 'midnight'
      : d.hour === 12 && d.minute === 0
        ? 'midday'
        : d.toFormat('h:mma').toLowerCase()
  return `${d.toFormat('d LLLL yyyy')} at ${time}`
}
