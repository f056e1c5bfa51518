// The limits of the agency record format (docs/import-format.md, "Limits"): how long a line and each
// field may be, how deeply an object may nest, which characters text may hold, and which years a
// date may fall in. Checked on the whole object before its fields are read, so that no value the
// database or a later reader cannot take (a NUL byte, a lone surrogate, JSON nested 10,000 deep, a
// 15 MB name) reaches either; each is an error naming its line and field. Pure, so testable alone.
import type { FieldError } from './validate.ts'

/** The longest line (or JSON array element) read at all, in characters (the API's body limit). */
export const MAX_LINE_CHARS = 20_000_000
/** The longest record kept, in characters of its line, once every field is within its own limit. */
export const MAX_RECORD_CHARS = 1_000_000
/** The deepest nesting of objects and lists, the record itself being level 1. */
export const MAX_DEPTH = 16
/** The years a date or time may fall in (inclusive). */
export const YEARS = { min: 1900, max: 2100 } as const
/** The largest offset from UTC a time may carry (±14:00, the widest any zone uses). */
export const MAX_OFFSET_MINUTES = 14 * 60

export type TextKind = 'identifier' | 'name' | 'short' | 'summary' | 'long'

/** How long each kind of text may be, in characters, and whether it may hold tabs and line breaks. */
/**
 * How long each kind of text may be, in characters, whether it may hold tabs and line breaks (the
 * Unicode line and paragraph separators U+2028 and U+2029 among them), and whether it may hold the
 * bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069), which
 * change how a name or an identifier reads on screen (`abc\u202Efdp.exe`).
 */
export const TEXT_LIMITS: Record<TextKind, { chars: number; lineBreaks: boolean; bidiControls: boolean }> = {
  identifier: { chars: 200, lineBreaks: false, bidiControls: false },
  name: { chars: 200, lineBreaks: false, bidiControls: false },
  short: { chars: 1_000, lineBreaks: false, bidiControls: true },
  summary: { chars: 10_000, lineBreaks: true, bidiControls: true },
  long: { chars: 100_000, lineBreaks: true, bidiControls: true },
}

/**
 * The kind of text each field of the format holds (a list's items take the list's kind; nested
 * fields their own name's). A field the format does not name is `long`, and so is its content.
 */
export const FIELD_TEXT: Readonly<Record<string, TextKind>> = {
  type: 'identifier',
  agency: 'identifier',
  source_id: 'identifier',
  subject: 'identifier',
  from: 'identifier',
  to: 'identifier',
  person: 'identifier',
  episode: 'identifier',
  kind: 'identifier',
  sex: 'identifier',
  status: 'identifier',
  role: 'identifier',
  missing_from: 'identifier',
  risk_grading: 'identifier',
  reliability: 'identifier',
  indicators: 'identifier',
  recorded_at: 'identifier',
  occurred_at: 'identifier',
  ended_at: 'identifier',
  date_of_birth: 'identifier',
  since: 'identifier',
  given_name: 'name',
  family_name: 'name',
  other_names: 'name',
  ethnicity: 'short',
  nationality: 'short',
  disability: 'short',
  nhs_number: 'short',
  upn: 'short',
  pnc_id: 'short',
  phone: 'short',
  line1: 'short',
  line2: 'short',
  town: 'short',
  postcode: 'short',
  vehicle: 'short',
  // kept in an index as a key (a btree entry holds at most ~2,700 bytes): names' length
  online: 'name',
  name: 'name',
  recorded_by: 'short',
  reported_by: 'short',
  summary: 'summary',
  outcome: 'summary',
  last_seen: 'summary',
  details: 'long',
  rationale: 'long',
  note: 'long',
  reason: 'long',
  child_account: 'long',
}

/**
 * The fields of the staff records (1.4: worker, allocation, supervision) on top of the others. Only
 * those records read them, so a field of the same name that an older file sent on an event (an
 * unknown field, kept as `long` text) is read as before.
 */
const STAFF_FIELD_TEXT: Readonly<Record<string, TextKind>> = {
  ...FIELD_TEXT,
  worker: 'identifier',
  manager: 'identifier',
  supervisor: 'identifier',
  event: 'identifier',
  completed_on: 'identifier',
  expires_on: 'identifier',
  team: 'short',
  decisions: 'long',
}
const STAFF_TYPES = new Set(['worker', 'allocation', 'supervision'])

/** The kind of text a field holds (own fields of the table only: `toString` is not a field of it). */
export function textKindOf(field: string): TextKind {
  return Object.hasOwn(FIELD_TEXT, field) ? FIELD_TEXT[field] : 'long'
}

// C0 controls but tab, line feed and carriage return; DEL; C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/
const LINE_BREAK = /[\t\n\r\u2028\u2029]/
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const NEEDS_A_LOOK = /[\u0000-\u001F\u007F-\u009F\uD800-\uDFFF\u2028\u2029\u202A-\u202E\u2066-\u2069]/ // eslint-disable-line no-control-regex

/** A line too long to read (checked before it is parsed), or to keep (after its fields passed). */
export function lineTooLong(text: string, limit: number = MAX_LINE_CHARS): FieldError | null {
  return text.length > limit
    ? {
        field: '(line)',
        message: `is ${count(text.length)} characters long; the limit for a record is ${count(limit)}`,
      }
    : null
}

const count = (n: number) => n.toLocaleString('en-GB')

/**
 * Every value in the object that breaks a limit: nesting deeper than MAX_DEPTH, text too long for
 * its field, control characters (a NUL byte among them) and broken Unicode, in keys too. Recursion
 * stops at MAX_DEPTH, so a value nested a million deep costs 17 frames; stops at 20 errors. Paths
 * are spelt out only for errors (this runs on every record an import reads).
 */
export function limitErrors(input: unknown): FieldError[] {
  const errors: FieldError[] = []
  const type = typeof input === 'object' && input !== null ? (input as Record<string, unknown>).type : undefined
  const fields = typeof type === 'string' && STAFF_TYPES.has(type) ? STAFF_FIELD_TEXT : FIELD_TEXT
  walk(input, 1, 'long', null, '', errors, fields)
  return errors
}

interface Step {
  parent: Step | null
  key: string | number
}

function pathOf(step: Step | null): string {
  let path = ''
  for (let s = step; s; s = s.parent)
    path = typeof s.key === 'number' ? `[${s.key}]${path}` : `${s.parent ? '.' : ''}${s.key}${path}`
  return path
}

function walk(
  value: unknown,
  depth: number,
  kind: TextKind,
  parent: Step | null,
  key: string | number,
  errors: FieldError[],
  fields: Readonly<Record<string, TextKind>>,
): void {
  if (errors.length >= 20) return
  if (typeof value === 'string') {
    const problem = textProblem(value, kind)
    if (problem) errors.push({ field: pathOf(step(parent, key)) || '(line)', message: problem })
    return
  }
  if (typeof value !== 'object' || value === null) return
  const here = depth === 1 ? null : step(parent, key)
  if (depth > MAX_DEPTH) {
    errors.push({
      field: pathOf(here) || '(line)',
      message: `nests more than ${MAX_DEPTH} levels of objects and lists deep (the limit)`,
    })
    return
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) walk(value[i], depth + 1, kind, here, i, errors, fields)
    return
  }
  for (const name in value) {
    if (!Object.hasOwn(value, name)) continue
    const known = Object.hasOwn(fields, name)
    const keyProblem = known ? null : textProblem(name, 'short')
    if (keyProblem) {
      const where = pathOf(here)
      errors.push({ field: `${where ? where + '.' : ''}(field name)`, message: keyProblem })
      continue
    }
    walk((value as Record<string, unknown>)[name], depth + 1, known ? fields[name] : 'long', here, name, errors, fields)
  }
}

const step = (parent: Step | null, key: string | number): Step => ({ parent, key })

/** What is wrong with a text for a field of this kind (too long, a control character, broken Unicode), as the end of a sentence naming the field; null when nothing. The web forms' rule too (web/plugins/input.ts). */
export function textProblem(text: string, kind: TextKind): string | null {
  const limit = TEXT_LIMITS[kind]
  if (text.length > limit.chars)
    return `is ${count(text.length)} characters long; the limit for this field is ${count(limit.chars)}`
  if (!NEEDS_A_LOOK.test(text)) return null
  const control = CONTROL.exec(text)
  if (control)
    return `holds a control character (U+${hex(control[0])} at position ${control.index + 1}), which text may not`
  if (!limit.lineBreaks) {
    const br = LINE_BREAK.exec(text)
    if (br) return `holds a tab or line break (U+${hex(br[0])} at position ${br.index + 1}), which this field may not`
  }
  if (!limit.bidiControls) {
    const bidi = BIDI_CONTROL.exec(text)
    if (bidi)
      return `holds a bidirectional text control (U+${hex(bidi[0])} at position ${bidi.index + 1}), which changes how it reads on screen; names and identifiers may not`
  }
  const lone = LONE_SURROGATE.exec(text)
  if (lone) return `is not valid Unicode (a lone surrogate U+${hex(lone[0])} at position ${lone.index + 1})`
  return null
}

const hex = (ch: string) => ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')

/** A year outside YEARS, as the end of an error message; null when within. */
export function yearOutOfRange(year: number): string | null {
  return year < YEARS.min || year > YEARS.max ? `is outside the years ${YEARS.min} to ${YEARS.max}` : null
}
