// Reading forms (and filter query strings) the one way every page does: values as typed, errors
// collected field by field in plain English, and dates and times through web/date-time.ts. A form
// with errors is answered on the same page (400) with the GOV.UK error summary, each field's inline
// error and what was typed kept: the page passes `errors.view()` and the form's values to its
// template, whose fields come from views/forms.njk.
import {
  dayParts,
  endOfLondonDay,
  timeText,
  londonInstant,
  parseDayParts,
  parseDayText,
  parseTime,
  startOfLondonDay,
  type DatePart,
  type Day,
} from './date-time.ts'

export type Form = Record<string, string | string[] | undefined>

/** One value, trimmed ('' when absent; the first of several). */
export const text = (form: Form, name: string): string => {
  const v = form[name]
  return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim()
}

/** Every value of a repeated field (checkboxes), trimmed, blanks left out. */
export const list = (form: Form, name: string): string[] => {
  const v = form[name]
  return (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean)
}

export interface FieldError {
  /** The field's name (a date input's name, not one of its boxes). */
  field: string
  /** The element the summary links to. */
  href: string
  message: string
}

/** What a template reads: the summary's list, and each field's message and marked boxes. */
export interface ErrorsView {
  summary: { text: string; href: string }[]
  fields: Record<string, { text: string }>
  parts: Record<string, DatePart[]>
}

export class FormErrors {
  readonly list: FieldError[] = []
  private readonly marked: Record<string, DatePart[]> = {}

  /** The first message for a field wins: one error per field, as the GOV.UK pattern asks. */
  add(field: string, message: string, href = `#${field}`): this {
    if (!this.list.some((e) => e.field === field)) this.list.push({ field, href, message })
    return this
  }

  has(field: string): boolean {
    return this.list.some((e) => e.field === field)
  }

  get any(): boolean {
    return this.list.length > 0
  }

  /** Messages from a capability's own checks ("a; b"), on the field they are about, else the first. */
  fromProblems(message: string, fieldFor: (problem: string) => string): this {
    for (const problem of message.split(/;\s*/).filter(Boolean)) {
      const sentence = problem
        .trim()
        .replace(/^./, (c) => c.toUpperCase())
        .replace(/\.?$/, '')
      this.add(fieldFor(problem), sentence)
    }
    return this
  }

  markParts(field: string, parts: DatePart[]): void {
    this.marked[field] = parts
  }

  view(): ErrorsView {
    return {
      summary: this.list.map((e) => ({ text: e.message, href: e.href })),
      fields: Object.fromEntries(this.list.map((e) => [e.field, { text: e.message }])),
      parts: { ...this.marked },
    }
  }
}

/** A list typed one a line (people, places, registrations): each line trimmed, blank lines left out. */
export const linesOf = (value: unknown): string[] =>
  typeof value === 'string'
    ? value
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
    : []

/**
 * A free-text field's longest text: the field named as a sentence begins ("The summary"), and the
 * limit of the whole text (`max`), or, for a list typed one a line (linesOf), of its lines.
 */
export interface TextLimit {
  label: string
  /** The most characters it may hold (counted once it is trimmed, as it is kept). */
  max?: number
  /** A list typed one a line: the most lines it may hold, and the most characters of each (trimmed). */
  lines?: { most: number; max: number }
}

const count = (n: number) => n.toLocaleString('en-GB')
const lower = (label: string) => label.replace(/^./, (c) => c.toLowerCase())

/** The first limit this field's text breaks, as a sentence naming the field, the limit and (for a list) the line; null when none. */
function lengthProblem(typed: string, limit: TextLimit): string | null {
  if (limit.max !== undefined && typed.length > limit.max)
    return `${limit.label} must be ${count(limit.max)} characters or less (you typed ${count(typed.length)})`
  const per = limit.lines
  if (!per) return null
  const lines = linesOf(typed)
  if (lines.length > per.most)
    return `${limit.label} must be ${count(per.most)} lines or fewer (you typed ${count(lines.length)})`
  const at = lines.findIndex((line) => line.length > per.max)
  return at < 0
    ? null
    : `Line ${at + 1} of ${lower(limit.label)} must be ${count(per.max)} characters or less (it has ${count(lines[at].length)})`
}

/**
 * Each field whose text is longer than its limit, as a field error naming the field and the limit
 * ("The summary must be 500 characters or less (you typed 612)"); for a list typed one a line, too
 * many lines or the first line too long ("Line 3 of the places ... must be 200 characters or less").
 * Text is never cut to fit: what was typed goes back to the page with the error, for the person to
 * shorten.
 */
export function checkLengths(form: Form, limits: Readonly<Record<string, TextLimit>>, errors: FormErrors): void {
  for (const [name, limit] of Object.entries(limits)) {
    const problem = lengthProblem(text(form, name), limit)
    if (problem) errors.add(name, problem)
  }
}

export interface DateOptions {
  /** A noun phrase for messages: "the date of the decision". */
  label: string
  required?: boolean
}

/**
 * A date from the GOV.UK date input (`NAME-day`, `NAME-month`, `NAME-year`) or, when none of its boxes
 * was sent, typed in one box (`NAME`: 04/12/2026, 2026-12-04, 4 Dec 2026). Null when blank or wrong
 * (the error is added).
 */
export function readDay(form: Form, name: string, errors: FormErrors, options: DateOptions): Day | null {
  const boxes = [`${name}-day`, `${name}-month`, `${name}-year`]
  const parsed = boxes.some((b) => form[b] !== undefined)
    ? parseDayParts(
        { day: text(form, boxes[0]), month: text(form, boxes[1]), year: text(form, boxes[2]) },
        options.label,
        options,
      )
    : parseDayText(text(form, name), options.label, options)
  if (parsed.ok) return parsed.value
  const boxed = boxes.some((b) => form[b] !== undefined)
  const first = parsed.parts?.[0] ?? 'day'
  errors.add(name, parsed.message, boxed ? `#${name}-${first}` : `#${name}`)
  if (boxed) errors.markParts(name, parsed.parts ?? ['day', 'month', 'year'])
  return null
}

export interface DateTimeOptions extends DateOptions {
  /** The time box (`NAME-time`) must be filled. Otherwise a day alone is midday, or `now` when that is earlier. */
  timeRequired?: boolean
  /** Refuse a moment after this one ("... cannot be in the future"). */
  notAfter?: Date
  /** Refuse a moment before this one, with the reason in words. */
  notBefore?: { at: Date; message: string }
}

/** A date (as readDay) and its time (`NAME-time`, as people type it: web/date-time.ts), London time. */
export function readDateTime(
  form: Form,
  name: string,
  errors: FormErrors,
  options: DateTimeOptions,
  now?: Date,
): Date | null {
  const day = readDay(form, name, errors, options)
  const timeField = `${name}-time`
  // "the date of the decision" -> "the time of the decision"
  const timeLabel = /\bdate\b/.test(options.label) ? options.label.replace(/\bdate\b/, 'time') : 'the time'
  const time = parseTime(text(form, timeField), timeLabel)
  if (!time.ok) {
    errors.add(timeField, time.message)
    return null
  }
  if (!day) return null
  if (!time.value && options.timeRequired) {
    errors.add(timeField, `Enter ${timeLabel}`)
    return null
  }
  let at = londonInstant(day, time.value ?? { hour: 12, minute: 0 })
  // a day given without a time: midday, or now when that is earlier on the same day (done this morning)
  if (!time.value && now && now.getTime() < at.getTime() && startOfLondonDay(day).getTime() <= now.getTime()) at = now
  const sentence = options.label.replace(/^./, (c) => c.toUpperCase())
  if (options.notAfter && at.getTime() > options.notAfter.getTime()) {
    errors.add(name, `${sentence} must be today or in the past`, `#${name}-day`)
    return null
  }
  if (options.notBefore && at.getTime() < options.notBefore.at.getTime()) {
    errors.add(name, options.notBefore.message, `#${name}-day`)
    return null
  }
  return at
}

/** A "from" day (its start) and a "to" day (its end), as filters read them; the "to" may not be before the "from". */
export function readDayRange(
  form: Form,
  names: { from: string; to: string },
  errors: FormErrors,
  labels: { from: string; to: string },
): { from?: Date; to?: Date } {
  const from = readDay(form, names.from, errors, { label: labels.from })
  const to = readDay(form, names.to, errors, { label: labels.to })
  if (from && to && endOfLondonDay(to) < startOfLondonDay(from)) {
    errors.add(
      names.to,
      `${labels.to.replace(/^./, (c) => c.toUpperCase())} must be the same as or after ${labels.from}`,
    )
    return { from: startOfLondonDay(from) }
  }
  return { from: from ? startOfLondonDay(from) : undefined, to: to ? endOfLondonDay(to) : undefined }
}

/** Anything typed in a date's boxes (or its one box)? */
export const hasDate = (form: Form, name: string): boolean =>
  [name, `${name}-day`, `${name}-month`, `${name}-year`].some((f) => text(form, f) !== '')

/** A stored instant back in a date input and its time box, to edit it. */
export function dateTimeValues(name: string, value: Date | string | null | undefined): Record<string, string> {
  const at = value ? (value instanceof Date ? value : new Date(value)) : null
  const d = dayParts(at && Number.isFinite(at.getTime()) ? at : null)
  return {
    [`${name}-day`]: d.day,
    [`${name}-month`]: d.month,
    [`${name}-year`]: d.year,
    [`${name}-time`]: at && Number.isFinite(at.getTime()) ? timeText(at) : '',
  }
}
