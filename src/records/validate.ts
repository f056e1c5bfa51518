// Validates one object of the agency record format and turns it into the normalised record every
// capability reads. Errors name the field and say what was expected, so a person can fix the line.
import { DateTime } from 'luxon'
import {
  EVENT_KINDS,
  INDICATORS,
  RELATIONSHIP_KINDS,
  RELIABILITIES,
  RESTRICTED_BY_DEFAULT,
  SEXES,
  type AgencyRecord,
  type EventKind,
  type EventRecord,
  type Indicator,
  type Involvement,
  type PersonRecord,
  type RelationshipRecord,
  type AllocationRecord,
  type SupervisionRecord,
  type Training,
  type WorkerRecord,
  ALLOCATION_ROLES,
} from './types.ts'
import {
  isPartialDate,
  normaliseNhsNumber,
  normalisePhone,
  normalisePostcode,
  normaliseRegistration,
  normaliseUpn,
  postcodeKey,
  normalisePncId,
} from './identifiers.ts'
import { ZONE } from '../config/clock.ts'
import { londonOffsetMs } from '../calendar/days.ts'
import { must } from '../errors/must.ts'
import { limitErrors, lineTooLong, MAX_OFFSET_MINUTES, MAX_RECORD_CHARS, yearOutOfRange } from './limits.ts'
import { describeError } from '../errors/describe.ts'

export interface FieldError {
  field: string
  message: string
}

export type Validation = { ok: true; record: AgencyRecord } | { ok: false; errors: FieldError[] }

export interface ValidateOptions {
  /** Agency for objects without one (the CLI's --agency, or the API token's agency). */
  defaultAgency?: string
  /** Registered agency codes; an object naming another is rejected. */
  agencies: ReadonlySet<string>
  /** An agency that may only write its own records (an API token's). */
  onlyAgency?: string
  /** Now (the clock's, THREADLINE_NOW when set): a recorded_at later than this is refused. */
  latest?: Date
}

const INVOLVEMENT_ROLES = new Set([
  'suspect',
  'victim',
  'witness',
  'associate',
  'family',
  'professional',
  'found_at',
  'found_with',
])
const MISSING_FROM = ['home', 'care_placement', 'school', 'other']
const RISK_GRADINGS = ['no_apparent_risk', 'low', 'medium', 'high']
const INTERVIEW_STATUSES = ['done', 'declined', 'not_held']
const CHARGING_OUTCOMES = ['charge', 'no_further_action', 'further_evidence_needed']
const FRAMING = new Set(['type', 'agency', 'source_id', 'recorded_at', 'withdrawn', 'reason'])

/** Parse one line of NDJSON; the caller adds the line number. */
export function parseLine(text: string): { ok: true; value: unknown } | { ok: false; errors: FieldError[] } {
  const tooLong = lineTooLong(text)
  if (tooLong) return { ok: false, errors: [tooLong] }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (error) {
    const detail = describeError(error)
    return { ok: false, errors: [{ field: '(line)', message: `is not valid JSON (${detail})` }] }
  }
}

/**
 * One line of a file (its text), or one element of a JSON array (already parsed, with its text):
 * parsed, checked against the limits and validated. The importer's only way in.
 */
export function validateLine(
  unit: { text: string; value?: unknown },
  options: ValidateOptions,
): { ok: true; record: AgencyRecord; value: unknown } | { ok: false; errors: FieldError[] } {
  let value = unit.value
  if (value === undefined) {
    const parsed = parseLine(unit.text)
    if (!parsed.ok) return parsed
    value = parsed.value
  }
  const v = validateRecord(value, options)
  if (!v.ok) return v
  // every field is within its own limit; the record as a whole must be too
  const tooLong = lineTooLong(unit.text, MAX_RECORD_CHARS)
  if (tooLong) return { ok: false, errors: [tooLong] }
  return { ok: true, record: v.record, value }
}

export function validateRecord(input: unknown, options: ValidateOptions): Validation {
  const errors: FieldError[] = []
  const fail = (field: string, message: string) => void errors.push({ field, message })
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ field: '(line)', message: 'must be a JSON object' }] }
  }
  // nesting, length and characters first: the field checks below may then read any value safely
  const limits = limitErrors(input)
  if (limits.length > 0) return { ok: false, errors: limits }
  const o = input as Record<string, unknown>
  const reader = fieldReader(o, fail)

  const type = o.type
  if (typeof type !== 'string' || !TYPES.has(type)) {
    fail('type', `${show(type)} is not a record type (expected one of: ${[...TYPES].join(', ')})`)
  }
  const agency = o.agency === undefined || o.agency === null || o.agency === '' ? options.defaultAgency : o.agency
  if (typeof agency !== 'string' || agency === '') fail('agency', 'is required (or give --agency CODE)')
  else if (!options.agencies.has(agency))
    fail('agency', `"${clip(agency)}" is not a registered agency (threadline agencies lists them)`)
  else if (options.onlyAgency && agency !== options.onlyAgency)
    fail(
      'agency',
      `"${clip(agency)}" is not this token's agency (${options.onlyAgency}); a token writes only its own agency's records`,
    )
  const sourceId = typeof o.source_id === 'number' ? String(o.source_id) : o.source_id
  if (typeof sourceId !== 'string' || sourceId.trim() === '')
    fail('source_id', "is required (the agency's own identifier)")
  const recordedAt = reader.time('recorded_at')
  if (recordedAt !== undefined && options.latest && Date.parse(recordedAt) > options.latest.getTime())
    fail(
      'recorded_at',
      `"${clip(String(o.recorded_at))}" is later than now (${options.latest.toISOString()}): a version cannot be recorded in the future`,
    )
  const withdrawn = reader.bool('withdrawn') === true
  const reason = reader.text('reason')
  if (errors.length > 0) return { ok: false, errors }

  const framing = {
    agency: agency as string,
    source_id: (sourceId as string).trim(),
    recorded_at: recordedAt,
    withdrawn: withdrawn || undefined,
    reason,
  }
  if (withdrawn) {
    // a withdrawal needs nothing but its framing; what else it carries is kept, unchecked
    return { ok: true, record: withdrawal(type as AgencyRecord['type'], framing) }
  }
  let record: AgencyRecord
  if (type === 'person') record = person(o, framing, reader, fail)
  else if (type === 'event') record = event(o, framing, reader, fail)
  else if (type === 'relationship') record = relationship(o, framing, reader, fail)
  else if (type === 'worker') record = worker(o, framing, reader, fail)
  else if (type === 'allocation') record = allocation(framing, reader, fail)
  else record = supervision(framing, reader, fail)
  return errors.length > 0 ? { ok: false, errors } : { ok: true, record }
}

type Framed = Pick<PersonRecord, 'agency' | 'source_id' | 'recorded_at' | 'withdrawn' | 'reason'>
type Fail = (field: string, message: string) => void
type Reader = FieldReader

/** The record types of the format: 1.1's three, and (1.4) the staff records. */
const TYPES: ReadonlySet<string> = new Set(['person', 'event', 'relationship', 'worker', 'allocation', 'supervision'])

function withdrawal(type: AgencyRecord['type'], framing: Framed): AgencyRecord {
  if (type === 'person') return { type, ...framing }
  if (type === 'worker') return { type, ...framing, name: '', trainings: [] }
  if (type === 'allocation') return { type, ...framing, worker: '', subject: '', role: '', from: '' }
  if (type === 'supervision') return { type, ...framing, worker: '', supervisor: '', occurred_at: '' }
  if (type === 'relationship')
    return { type, ...framing, from: '', to: '', kind: 'associate', reliability: 'unconfirmed' }
  return {
    type,
    ...framing,
    kind: 'note',
    subject: '',
    occurred_at: '',
    indicators: [],
    involves: [],
    restricted: false,
    extra: {},
  }
}

// A PNC id in its normal form, so that two spellings of one compare equal; one in no known shape is
// kept as sent (the 1.1 format took any text), and compares only with itself.
const pncId = (value: string | undefined) => (value === undefined ? undefined : (normalisePncId(value) ?? value))

function person(o: Record<string, unknown>, framing: Framed, r: Reader, fail: Fail): PersonRecord {
  const given = r.text('given_name')
  const family = r.text('family_name')
  const dob = r.text('date_of_birth')
  // Statistical returns (the children in need census, SSDA903) carry no names: such a person is
  // identified by a date of birth, an NHS number, a UPN or an unborn child's expected date of birth.
  const identified = ['date_of_birth', 'nhs_number', 'upn', 'expected_date_of_birth'].some((f) => r.text(f))
  if (!given && !family && !identified)
    fail(
      'given_name',
      'given_name or family_name is required for a person (or, without a name, a date_of_birth, nhs_number or upn)',
    )
  if (dob !== undefined && !isPartialDate(dob))
    fail('date_of_birth', `"${clip(dob)}" is not a date (expected YYYY-MM-DD, or YYYY-MM or YYYY when partial)`)
  else if (dob !== undefined && yearOutOfRange(Number(dob.slice(0, 4))))
    fail('date_of_birth', `"${clip(dob)}" ${yearOutOfRange(Number(dob.slice(0, 4)))}`)
  const sex = r.oneOf('sex', SEXES)
  const nhs = r.checked(
    'nhs_number',
    normaliseNhsNumber,
    'is not a valid NHS number (10 digits with a modulus 11 check digit)',
  )
  const upn = r.checked(
    'upn',
    normaliseUpn,
    'is not a valid Unique Pupil Number (13 characters with a valid check letter)',
  )
  const phone = r.checked('phone', normalisePhone, 'is not a UK phone number')
  const otherNames = r.textList('other_names')
  let address: PersonRecord['address']
  if (o.address !== undefined && o.address !== null) {
    if (typeof o.address !== 'object' || Array.isArray(o.address))
      fail('address', 'must be an object ({"line1", "town", "postcode"})')
    else {
      const a = o.address as Record<string, unknown>
      const sub = fieldReader(a, (f, m) => fail(`address.${f}`, m))
      address = {
        line1: sub.text('line1'),
        line2: sub.text('line2'),
        town: sub.text('town'),
        postcode: sub.checked('postcode', normalisePostcode, 'is not a UK postcode'),
        confidential: sub.bool('confidential'),
      }
    }
  }
  let disability = r.text('disability')
  if (disability === 'not_recorded') disability = undefined
  return {
    type: 'person',
    ...framing,
    given_name: given,
    family_name: family,
    other_names: otherNames,
    date_of_birth: dob,
    sex,
    ethnicity: r.text('ethnicity'),
    nationality: r.text('nationality'),
    disability,
    nhs_number: nhs,
    upn,
    pnc_id: pncId(r.text('pnc_id')),
    address,
    phone,
    is_child: r.bool('is_child'),
  }
}

function event(o: Record<string, unknown>, framing: Framed, r: Reader, fail: Fail): EventRecord {
  const kind = o.kind
  if (typeof kind !== 'string' || !(EVENT_KINDS as readonly string[]).includes(kind)) {
    fail('kind', `${show(kind)} is not an event kind (expected one of: ${EVENT_KINDS.join(', ')})`)
  }
  const subject = typeof o.subject === 'number' ? String(o.subject) : o.subject
  if (typeof subject !== 'string' || subject.trim() === '')
    fail('subject', 'is required (the source_id of the person the event is about)')
  const occurredAt = r.time('occurred_at')
  if (r.blank('occurred_at')) fail('occurred_at', 'is required (ISO 8601, e.g. 2008-05-02T23:10:00)')
  const endedAt = r.time('ended_at')
  if (occurredAt && endedAt && endedAt < occurredAt)
    fail('ended_at', `is before occurred_at (${o.ended_at} < ${o.occurred_at})`)
  const indicators: Indicator[] = []
  for (const [i, code] of (r.list('indicators') ?? []).entries()) {
    if (typeof code === 'string' && (INDICATORS as readonly string[]).includes(code)) indicators.push(code as Indicator)
    else fail(`indicators[${i}]`, `${show(code)} is not an indicator code (expected one of: ${INDICATORS.join(', ')})`)
  }
  const involves: Involvement[] = []
  for (const [i, item] of (r.list('involves') ?? []).entries()) {
    const inv = involvement(item, `involves[${i}]`, fail)
    if (inv) involves.push(inv)
  }
  const restrictedFlag = r.bool('restricted')
  const restricted = restrictedFlag ?? RESTRICTED_BY_DEFAULT.includes(kind as EventKind)
  const extra: Record<string, unknown> = {}
  const keep = (field: string, value: unknown) => {
    if (value !== undefined) extra[field] = value
  }
  if (kind === 'missing_episode') {
    keep('reported_by', r.text('reported_by'))
    keep('missing_from', r.oneOf('missing_from', MISSING_FROM))
    keep('risk_grading', r.oneOf('risk_grading', RISK_GRADINGS))
    keep('last_seen', r.text('last_seen'))
  }
  if (kind === 'return_interview') {
    const episode = r.text('episode')
    if (episode !== undefined && !/^[^:]+:.+$/.test(episode))
      fail('episode', `"${clip(episode)}" is not an agency:source_id reference (e.g. "police:E-77")`)
    keep('episode', episode)
    const status = r.oneOf('status', INTERVIEW_STATUSES)
    keep('status', status)
    const why = r.text('reason')
    if ((status === 'declined' || status === 'not_held') && !why) fail('reason', `is required when status is ${status}`)
    keep('reason', why)
    keep('child_account', r.text('child_account'))
  }
  let outcome = r.text('outcome')
  if (kind === 'charging_decision' && outcome !== undefined && !CHARGING_OUTCOMES.includes(outcome)) {
    fail('outcome', `"${clip(outcome)}" is not a charging outcome (expected one of: ${CHARGING_OUTCOMES.join(', ')})`)
    outcome = undefined
  }
  // fields the format does not name are kept as sent
  for (const field in o) {
    if (!FRAMING.has(field) && !EVENT_FIELDS.has(field) && !Object.hasOwn(extra, field))
      // defined, not assigned: a field named __proto__ is kept as a field like any other
      Object.defineProperty(extra, field, { value: o[field], enumerable: true, writable: true, configurable: true })
  }
  return {
    type: 'event',
    ...framing,
    kind: kind as EventKind,
    subject: String(subject ?? '').trim(),
    occurred_at: occurredAt ?? '',
    ended_at: endedAt,
    summary: r.text('summary'),
    details: r.text('details'),
    indicators: [...new Set(indicators)],
    involves,
    outcome,
    rationale: r.text('rationale'),
    recorded_by: r.text('recorded_by'),
    restricted,
    extra,
  }
}

const EVENT_FIELDS = new Set([
  'kind',
  'subject',
  'occurred_at',
  'ended_at',
  'summary',
  'details',
  'indicators',
  'involves',
  'outcome',
  'rationale',
  'recorded_by',
  'restricted',
])

function involvement(item: unknown, field: string, fail: Fail): Involvement | null {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    fail(field, 'must be an object naming one of person, vehicle, phone, online or location')
    return null
  }
  const o = item as Record<string, unknown>
  const role = o.role === undefined || o.role === null ? undefined : String(o.role)
  if (role !== undefined && !INVOLVEMENT_ROLES.has(role)) {
    fail(`${field}.role`, `"${clip(role)}" is not a role (expected one of: ${[...INVOLVEMENT_ROLES].join(', ')})`)
    return null
  }
  const named = ['person', 'vehicle', 'phone', 'online', 'location'].filter((k) => o[k] !== undefined)
  if (named.length !== 1) {
    fail(
      field,
      named.length === 0
        ? 'names nothing (expected person, vehicle, phone, online or location)'
        : `names ${named.join(' and ')}; give one per involvement`,
    )
    return null
  }
  const kind = named[0]
  const value = o[kind]
  if (kind === 'person') {
    if (typeof value !== 'string' && typeof value !== 'number')
      return (void fail(`${field}.person`, 'must be a source_id'), null)
    return { kind: 'person', person: String(value), role }
  }
  if (kind === 'vehicle') {
    const key = typeof value === 'string' ? normaliseRegistration(value) : null
    if (!key) return (void fail(`${field}.vehicle`, `${show(value)} is not a vehicle registration`), null)
    return { kind: 'vehicle', key, display: String(value), role }
  }
  if (kind === 'phone') {
    const key = typeof value === 'string' ? normalisePhone(value) : null
    if (!key) return (void fail(`${field}.phone`, `${show(value)} is not a UK phone number`), null)
    return { kind: 'phone', key, display: String(value), role }
  }
  if (kind === 'online') {
    if (typeof value !== 'string' || value.trim() === '')
      return (void fail(`${field}.online`, 'must be a handle such as "name@service"'), null)
    return { kind: 'online', key: value.trim(), display: value.trim(), role }
  }
  if (typeof value !== 'object' || value === null)
    return (void fail(`${field}.location`, 'must be an object with a name and/or postcode'), null)
  const loc = value as Record<string, unknown>
  const name = typeof loc.name === 'string' && loc.name.trim() ? loc.name.trim() : undefined
  let postcode: string | undefined
  if (loc.postcode !== undefined) {
    const pc = typeof loc.postcode === 'string' ? normalisePostcode(loc.postcode) : null
    if (!pc) return (void fail(`${field}.location.postcode`, `${show(loc.postcode)} is not a UK postcode`), null)
    postcode = pc
  }
  let key: string
  if (postcode) key = postcodeKey(postcode)
  else if (name) key = `name:${name.toLowerCase().replace(/\s+/g, ' ')}`
  else return (void fail(`${field}.location`, 'needs a name or a postcode'), null)
  return { kind: 'location', key, display: [name, postcode].filter(Boolean).join(', '), name, postcode, role }
}

function relationship(o: Record<string, unknown>, framing: Framed, r: Reader, fail: Fail): RelationshipRecord {
  const from = r.text('from')
  const to = r.text('to')
  if (!from) fail('from', 'is required (a person source_id)')
  if (!to) fail('to', 'is required (a person source_id)')
  const kind = r.oneOf('kind', RELATIONSHIP_KINDS)
  if (o.kind === undefined || o.kind === null) fail('kind', `is required (one of: ${RELATIONSHIP_KINDS.join(', ')})`)
  const since = r.text('since')
  if (since !== undefined && !isPartialDate(since))
    fail('since', `"${clip(since)}" is not a date (expected YYYY-MM-DD)`)
  else if (since !== undefined && yearOutOfRange(Number(since.slice(0, 4))))
    fail('since', `"${clip(since)}" ${yearOutOfRange(Number(since.slice(0, 4)))}`)
  return {
    type: 'relationship',
    ...framing,
    from: from ?? '',
    to: to ?? '',
    kind: kind ?? 'associate',
    since,
    reliability: r.oneOf('reliability', RELIABILITIES) ?? 'unconfirmed',
    note: r.text('note'),
  }
}

/** A worker (1.4): a member of the agency's staff, their manager and the trainings they completed. */
function worker(o: Record<string, unknown>, framing: Framed, r: Reader, fail: Fail): WorkerRecord {
  const name = r.text('name')
  if (!name) fail('name', "is required (the worker's name)")
  const manager = r.text('manager')
  if (manager !== undefined && manager === framing.source_id)
    fail('manager', 'is the worker themselves; a worker cannot be their own manager')
  const trainings: Training[] = []
  for (const [i, item] of (r.list('trainings') ?? []).entries()) {
    const field = `trainings[${i}]`
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      fail(field, 'must be an object ({"name", "completed_on", "expires_on"})')
      continue
    }
    const sub = fieldReader(item as Record<string, unknown>, (f, m) => fail(`${field}.${f}`, m))
    const trainingName = sub.text('name')
    if (!trainingName) fail(`${field}.name`, 'is required (the training, e.g. "CSE awareness level 2")')
    const completed = sub.day('completed_on', true)
    const expires = sub.day('expires_on', false)
    if (completed && expires && expires < completed)
      fail(`${field}.expires_on`, `is before completed_on (${expires} < ${completed})`)
    if (trainingName && completed)
      trainings.push({ name: trainingName, completed_on: completed, ...(expires ? { expires_on: expires } : {}) })
  }
  return {
    type: 'worker',
    ...framing,
    name: name ?? '',
    role: r.text('role'),
    team: r.text('team'),
    manager,
    trainings,
  }
}

/** An allocation (1.4): a worker given a child's case, or a piece of work on it, from a day (to a day). */
function allocation(framing: Framed, r: Reader, fail: Fail): AllocationRecord {
  const workerRef = r.text('worker')
  if (!workerRef) fail('worker', 'is required (a worker source_id)')
  const subject = r.text('subject')
  if (!subject) fail('subject', 'is required (a person source_id: the child)')
  const role = r.text('role')
  if (!role) fail('role', `is required (e.g. ${ALLOCATION_ROLES.join(', ')})`)
  const from = r.day('from', true)
  const to = r.day('to', false)
  if (from && to && to < from) fail('to', `is before from (${to} < ${from})`)
  return {
    type: 'allocation',
    ...framing,
    worker: workerRef ?? '',
    subject: subject ?? '',
    event: r.text('event'),
    role: role ?? '',
    from: from ?? '',
    to,
  }
}

/** A supervision session (1.4): a worker supervised about a child (`subject`) or a piece of work (`event`). */
function supervision(framing: Framed, r: Reader, fail: Fail): SupervisionRecord {
  const workerRef = r.text('worker')
  if (!workerRef) fail('worker', 'is required (a worker source_id)')
  const supervisor = r.text('supervisor')
  if (!supervisor) fail('supervisor', 'is required (a worker source_id)')
  else if (supervisor === workerRef)
    fail('supervisor', 'is the worker themselves; a worker cannot supervise themselves')
  const subject = r.text('subject')
  const event = r.text('event')
  if (!subject && !event) fail('subject', 'or event is required (the child, or the event, the supervision was about)')
  const occurredAt = r.time('occurred_at')
  if (r.blank('occurred_at')) fail('occurred_at', 'is required (ISO 8601, e.g. 2010-03-04T10:00:00)')
  return {
    type: 'supervision',
    ...framing,
    worker: workerRef ?? '',
    supervisor: supervisor ?? '',
    subject,
    event,
    occurred_at: occurredAt ?? '',
    decisions: r.text('decisions'),
  }
}

/** Reads and checks one object's fields; a class, so that a record's validation allocates one reader, not its methods. */
class FieldReader {
  constructor(
    private readonly o: Record<string, unknown>,
    private readonly fail: Fail,
  ) {}

  text(field: string): string | undefined {
    const v = this.o[field]
    if (v === undefined || v === null) return undefined
    // a reference is a source_id, and a number there is read as its text (as source_id is); anywhere
    // else a number is refused, never stored as text the agency did not send
    if (typeof v === 'number' && REFERENCES.has(field)) return String(v)
    if (typeof v !== 'string')
      return (
        void this.fail(
          field,
          typeof v === 'number'
            ? `must be text, not the number ${show(v)} (send it in quotes: "${show(v)}")`
            : `must be text, not ${show(v)}`,
        ),
        undefined
      )
    const t = v.trim()
    return t === '' ? undefined : t
  }

  bool(field: string): boolean | undefined {
    const v = this.o[field]
    if (v === undefined || v === null) return undefined
    if (typeof v !== 'boolean') return (void this.fail(field, `must be true or false, not ${show(v)}`), undefined)
    return v
  }

  list(field: string): unknown[] | undefined {
    const v = this.o[field]
    if (v === undefined || v === null) return undefined
    if (!Array.isArray(v)) return (void this.fail(field, 'must be a list'), undefined)
    return v
  }

  textList(field: string): string[] | undefined {
    const v = this.list(field)
    if (!v) return undefined
    if (v.some((x) => typeof x !== 'string')) return (void this.fail(field, 'must be a list of text'), undefined)
    return (v as string[]).map((s) => s.trim()).filter(Boolean)
  }

  /** Absent, null, or text with nothing in it. */
  blank(field: string): boolean {
    const v = this.o[field]
    return v === undefined || v === null || (typeof v === 'string' && v.trim() === '')
  }

  /** One of a list of codes. Empty text is not a code: it is refused, never read as absent or a default. */
  oneOf<T extends string>(field: string, allowed: readonly T[]): T | undefined {
    const raw = this.o[field]
    if (typeof raw === 'string' && raw.trim() === '')
      return (
        void this.fail(field, `is empty (expected one of: ${allowed.join(', ')}; leave the field out when not known)`),
        undefined
      )
    const v = this.text(field)
    if (v === undefined) return undefined
    if (!(allowed as readonly string[]).includes(v))
      return (void this.fail(field, `"${clip(v)}" is not allowed (expected one of: ${allowed.join(', ')})`), undefined)
    return v as T
  }

  checked(field: string, normalise: (s: string) => string | null, message: string): string | undefined {
    const v = this.text(field)
    if (v === undefined) return undefined
    const n = normalise(v)
    if (n === null) return (void this.fail(field, `"${clip(v)}" ${message}`), undefined)
    return n
  }

  /**
   * A day: `YYYY-MM-DD`, or an ISO 8601 time read as its London day (staff records, 1.4). Required
   * days say so when absent.
   */
  day(field: string, required: boolean): string | undefined {
    if (this.blank(field)) {
      if (required) this.fail(field, 'is required (a date, YYYY-MM-DD)')
      return undefined
    }
    const v = this.text(field)
    if (v === undefined) return undefined
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
      const year = Number(v.slice(0, 4))
      const outOfRange = yearOutOfRange(year)
      if (outOfRange !== null) return (void this.fail(field, `"${clip(v)}" ${outOfRange}`), undefined)
      if (
        Number(v.slice(5, 7)) < 1 ||
        Number(v.slice(5, 7)) > 12 ||
        Number(v.slice(8)) < 1 ||
        Number(v.slice(8)) > daysInMonth(year, Number(v.slice(5, 7)))
      )
        return (void this.fail(field, `"${clip(v)}" is not a date (expected YYYY-MM-DD)`), undefined)
      return v
    }
    const time = this.time(field)
    if (time === undefined) return undefined
    return must(DateTime.fromISO(time, { zone: ZONE }).toISODate(), 'the London day of a valid time')
  }

  /**
   * ISO 8601 date-time (or date); without an offset it is Europe/London local time. Returned as UTC
   * ISO. Years outside 1900–2100 (so 0000–0099 are never read as the 1900s), offsets beyond ±14:00
   * and a zone name in brackets (`[Europe/London]`) are refused, never read as something else.
   */
  time(field: string): string | undefined {
    const v = this.text(field)
    if (v === undefined) return undefined
    const bad = (why: string) => (void this.fail(field, `"${clip(v)}" ${why}`), undefined)
    if (/T24/.test(v)) return bad('uses the hour 24; give 00:00 of the next day instead')
    if (v.includes('['))
      return bad('carries a zone name in brackets; give the offset instead (e.g. +01:00), or none for Europe/London')
    const year = /^\d{4}/.test(v) ? Number(v.slice(0, 4)) : null
    const outOfRange = year === null ? null : yearOutOfRange(year)
    if (outOfRange !== null) return bad(outOfRange)
    const offset = OFFSET.exec(v)
    if (offset) {
      const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0)
      if (minutes > MAX_OFFSET_MINUTES || Number(offset[3] ?? 0) > 59)
        return bad('has an offset beyond ±14:00 (expected e.g. +01:00, Z, or none for Europe/London)')
    }
    const fast = parseIsoFast(v)
    if (fast === SKIPPED) return bad(NO_SUCH_LONDON_TIME)
    if (fast !== null) return fast
    const parsed = DateTime.fromISO(v, { zone: ZONE })
    if (!parsed.isValid || year === null || !/^\d{4}-\d{2}-\d{2}/.test(v))
      return bad('is not an ISO 8601 time (expected e.g. 2008-05-02T23:10:00 or 2008-05-02)')
    // luxon moves a London time the clocks skip to the hour after; the wall clock read as UTC tells
    if (!offset && !/Z$/i.test(v)) {
      const wall = DateTime.fromISO(v, { zone: 'UTC' })
      const asRead = parsed.setZone('UTC', { keepLocalTime: true })
      if (wall.isValid && wall.toMillis() !== asRead.toMillis()) return bad(NO_SUCH_LONDON_TIME)
    }
    return must(parsed.toUTC().toISO(), 'the ISO text of a valid time')
  }
}

/** Fields that name another record by its source_id, where a number is read as its text. */
const REFERENCES = new Set(['source_id', 'subject', 'from', 'to', 'person', 'worker', 'manager', 'supervisor', 'event'])

const NO_SUCH_LONDON_TIME =
  'is a London time that never happened: the clocks went forward an hour then (the last Sunday of March, 01:00 to 02:00); give the time with its offset, or the time it was after the change'

/** What parseIsoFast answers for a London local time the clocks skipped. */
const SKIPPED = 'skipped'

// the offset at the end of a time: +01:00, -0500, +01
const OFFSET = /T[\d:.,]+([+-])(\d{2}):?(\d{2})?$/

function fieldReader(o: Record<string, unknown>, fail: Fail): FieldReader {
  return new FieldReader(o, fail)
}

// The common shapes of ISO 8601 without a general parser (validation is the import's hot path):
// a date, or a date-time with an optional offset. Anything else goes to luxon.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-]\d{2}:\d{2})?)?$/

function parseIsoFast(value: string): string | typeof SKIPPED | null {
  const m = ISO.exec(value)
  if (!m) return null
  const y = +m[1]
  const mo = +m[2]
  const d = +m[3]
  const h = m[4] === undefined ? 0 : +m[4]
  const mi = m[5] === undefined ? 0 : +m[5]
  const sec = m[6] === undefined ? 0 : +m[6]
  const ms = m[7] ? Number(m[7].padEnd(3, '0')) : 0
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || sec > 59) return null
  const local = Date.UTC(y, mo - 1, d, h, mi, sec, ms)
  if (m[8] === 'Z') return new Date(local).toISOString()
  if (m[8]) {
    const sign = m[8][0] === '-' ? -1 : 1
    const offset = sign * (Number(m[8].slice(1, 3)) * 60 + Number(m[8].slice(4, 6))) * 60_000
    return new Date(local - offset).toISOString()
  }
  // Europe/London local time: the offset at the instant, found from a first guess
  let utc = local - londonOffsetMs(local)
  const second = londonOffsetMs(utc)
  if (local - second !== utc) utc = local - second
  // in the spring-forward gap no instant has this wall-clock time: read back, it is an hour off
  if (utc + londonOffsetMs(utc) !== local) return SKIPPED
  return new Date(utc).toISOString()
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** A value quoted in a message, cut short when long. */
function clip(text: string): string {
  return text.length > 60 ? text.slice(0, 57) + '...' : text
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing'
  const s = JSON.stringify(value)
  return s.length > 60 ? s.slice(0, 57) + '...' : s
}
