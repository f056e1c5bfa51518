// Writes the agency records: each agency knows a person under its own source_id and spelling, sends
// events a little after they happen, re-sends updates and withdraws mistakes. Objects are kept with
// the time they were sent, then ordered as they would arrive.
import type { DemoAgency } from './agencies.ts'
import type { RecordRef, WireObject } from './area-types.ts'
import type { EventKind, Indicator } from '../records/types.ts'
import { createRng, type Rng } from './prng.ts'
import { isoLondon, MINUTE } from './london-time.ts'
import type { Person, Place } from './world.ts'
import { TOWN } from './identifiers.ts'
import { mustGet } from '../errors/must.ts'

export type InvolveInput =
  | { person: Person; role?: string }
  | { vehicle: string }
  | { phone: string }
  | { online: string }
  | { place: Place; role?: string }

export interface EventInput {
  kind: EventKind
  at: number
  endedAt?: number
  /** When the agency recorded it; defaults to `at`. */
  recordedAt: number
  summary?: string
  details?: string
  indicators?: Indicator[]
  involves?: InvolveInput[]
  outcome?: string
  rationale?: string
  restricted?: boolean
  recordedBy?: string
  /** Kind-specific fields (missing_from, risk_grading, episode, status, reason, child_account...). */
  extra?: Record<string, unknown>
  /** Sent first, at this time, without its ending, outcome or involvements; then re-sent in full. */
  firstSentOpenAt?: number
  openSummary?: string
  omitRecordedAt?: boolean
}

interface Pending {
  obj: WireObject
  sendAt: number
  seq: number
  omitRecordedAt: boolean
}

/** How one agency writes a person's name and date of birth (see `renderPerson`). */
export type PersonRenderer = (agency: DemoAgency, person: Person, rng: Rng) => Record<string, unknown>

export class Recorder {
  private pending: Pending[] = []
  private seq = 0
  private personIds = new Map<string, Map<string, string>>() // agency → person id → source_id
  private personPending = new Map<RecordRef, Pending>()
  private firstUse = new Map<RecordRef, number>()
  private counters = new Map<string, number>()
  readonly personOf = new Map<RecordRef, string>()
  readonly resent = new Set<RecordRef>()
  readonly withdrawn: RecordRef[] = []
  readonly subjects = new Map<RecordRef, string>() // event ref → person id
  /** Person records sent a while after an event first named them (a dangling reference). */
  readonly latePeople = new Set<RecordRef>()

  constructor(
    private readonly seed: string,
    private readonly end: number,
    private readonly render: PersonRenderer,
    private readonly noOffset: ReadonlySet<string>,
  ) {}

  private nextId(agency: string, prefix: string, start: number): string {
    const key = `${agency}/${prefix}`
    const n = (this.counters.get(key) ?? start) + 1
    this.counters.set(key, n)
    return `${prefix}${n}`
  }

  time(agency: string, ms: number): string {
    return isoLondon(ms, !this.noOffset.has(agency))
  }

  /** The agency's source_id for a person, creating the agency's record of them on first use. */
  person(agency: DemoAgency, p: Person, usedAt: number): string {
    let known = this.personIds.get(agency.code)
    if (!known) this.personIds.set(agency.code, (known = new Map()))
    let id = known.get(p.id)
    if (!id) {
      id = this.nextId(agency.code, PERSON_PREFIX[agency.kind] ?? 'P-', 100000 + hashIndex(agency.code, 50000))
      known.set(p.id, id)
      const ref = `${agency.code}:${id}`
      const obj = {
        type: 'person',
        agency: agency.code,
        source_id: id,
        ...this.render(agency, p, createRng(`${this.seed}/${ref}`)),
      } as WireObject
      const entry = { obj, sendAt: 0, seq: this.seq++, omitRecordedAt: false }
      this.pending.push(entry)
      this.personPending.set(ref, entry)
      this.personOf.set(ref, p.id)
    }
    const ref = `${agency.code}:${id}`
    const first = this.firstUse.get(ref)
    if (first === undefined || usedAt < first) this.firstUse.set(ref, usedAt)
    return id
  }

  knows(agency: DemoAgency, p: Person): string | undefined {
    return this.personIds.get(agency.code)?.get(p.id)
  }

  /** Records an event; returns its ref, or null when it would be recorded after the area's end. */
  event(agency: DemoAgency, subject: Person, e: EventInput): RecordRef | null {
    if (e.recordedAt > this.end || e.at > this.end) return null
    const recordedAt = Math.max(e.recordedAt, e.at)
    const subjectId = this.person(agency, subject, recordedAt)
    const id = this.nextId(agency.code, EVENT_PREFIX[agency.kind] ?? 'E-', 200000)
    const obj: WireObject = {
      type: 'event',
      agency: agency.code,
      source_id: id,
      kind: e.kind,
      subject: subjectId,
      occurred_at: this.time(agency.code, e.at),
    }
    const ref = `${agency.code}:${id}`
    this.subjects.set(ref, subject.id)
    if (e.endedAt !== undefined) obj.ended_at = this.time(agency.code, e.endedAt)
    if (e.summary) obj.summary = e.summary
    if (e.details) obj.details = e.details
    if (e.indicators?.length) obj.indicators = [...new Set(e.indicators)]
    if (e.involves?.length) obj.involves = e.involves.map((i) => this.involvement(agency, i, recordedAt))
    if (e.outcome) obj.outcome = e.outcome
    if (e.rationale) obj.rationale = e.rationale
    if (e.restricted !== undefined) obj.restricted = e.restricted
    if (e.extra) Object.assign(obj, e.extra)
    if (e.recordedBy) obj.recorded_by = e.recordedBy
    if (e.firstSentOpenAt !== undefined && e.firstSentOpenAt < recordedAt) {
      const open: WireObject = { ...obj }
      for (const field of ['ended_at', 'outcome', 'involves']) delete open[field]
      if (e.openSummary) open.summary = e.openSummary
      this.push(open, e.firstSentOpenAt)
      this.person(agency, subject, e.firstSentOpenAt)
      this.resent.add(ref)
    }
    this.push(obj, recordedAt, e.omitRecordedAt)
    return ref
  }

  relationship(
    agency: DemoAgency,
    from: Person,
    to: Person,
    kind: string,
    at: number,
    fields: Record<string, unknown> = {},
  ): RecordRef | null {
    if (at > this.end) return null
    const id = this.nextId(agency.code, 'R-', 300000)
    const obj: WireObject = {
      type: 'relationship',
      agency: agency.code,
      source_id: id,
      from: this.person(agency, from, at),
      to: this.person(agency, to, at),
      kind,
      ...fields,
    }
    this.push(obj, at)
    return `${agency.code}:${id}`
  }

  /** Re-sends an agency's person record with changes (a new address, a corrected name). */
  resendPerson(agency: DemoAgency, p: Person, at: number, changes: Record<string, unknown>): void {
    const id = this.knows(agency, p)
    if (!id || at > this.end) return
    const ref = `${agency.code}:${id}`
    const current = mustGet(this.personPending, ref, 'the person record sent')
    this.push({ ...current.obj, ...changes }, at)
    this.resent.add(ref)
  }

  withdraw(ref: RecordRef, at: number, reason: string): void {
    if (at > this.end) return
    const [agency, ...rest] = ref.split(':')
    this.push({ type: 'event', agency, source_id: rest.join(':'), withdrawn: true, reason }, at)
    this.withdrawn.push(ref)
  }

  /** Sends a person record only some time after the first event that named it. */
  sendPersonLate(agency: DemoAgency, p: Person, delay: number): void {
    const id = this.knows(agency, p)
    if (!id) return
    this.latePeople.add(`${agency.code}:${id}`)
    this.lateDelay.set(`${agency.code}:${id}`, delay)
  }
  private lateDelay = new Map<RecordRef, number>()

  private push(obj: WireObject, sendAt: number, omit = false): void {
    this.pending.push({ obj, sendAt, seq: this.seq++, omitRecordedAt: omit })
  }

  private involvement(agency: DemoAgency, i: InvolveInput, at: number): Record<string, unknown> {
    if ('person' in i)
      return i.role
        ? { person: this.person(agency, i.person, at), role: i.role }
        : { person: this.person(agency, i.person, at) }
    if ('place' in i) {
      const names = [i.place.name, ...i.place.aliases]
      const name = names[hashIndex(`${agency.code}/${i.place.name}`, names.length)]
      const postcode =
        agency.code === 'charity'
          ? i.place.postcode.toLowerCase()
          : agency.kind === 'education'
            ? i.place.postcode.replace(' ', '')
            : i.place.postcode
      const location = { name, postcode }
      return i.role ? { location, role: i.role } : { location }
    }
    // agencies write the same registration and number with their own spacing and case
    if ('vehicle' in i) {
      const compact = i.vehicle.replace(/\s/g, '')
      return {
        vehicle: agency.kind === 'police' ? i.vehicle : agency.kind === 'education' ? compact.toLowerCase() : compact,
      }
    }
    if ('phone' in i) {
      const digits = i.phone.replace(/\s/g, '')
      return {
        phone:
          agency.kind === 'police'
            ? i.phone
            : agency.kind === 'voluntary'
              ? digits
              : `${digits.slice(0, 5)} ${digits.slice(5, 8)} ${digits.slice(8)}`,
      }
    }
    return { ...i }
  }

  /** All objects in the order they would be sent, with `recorded_at` written. */
  finish(): { objects: WireObject[]; recordedAtAbsent: RecordRef[] } {
    for (const [ref, entry] of this.personPending) {
      const first = this.firstUse.get(ref) ?? this.end
      const late = this.lateDelay.get(ref)
      const rng = createRng(`${this.seed}/sent/${ref}`)
      entry.sendAt = late !== undefined ? Math.min(first + late, this.end) : first - rng.int(1, 120) * MINUTE
    }
    this.pending.sort((a, b) => a.sendAt - b.sendAt || a.seq - b.seq)
    const recordedAtAbsent: RecordRef[] = []
    const objects = this.pending.map((p) => {
      if (p.omitRecordedAt) {
        recordedAtAbsent.push(`${p.obj.agency}:${p.obj.source_id}`)
        return p.obj
      }
      const { type, agency, source_id, ...rest } = p.obj
      return { type, agency, source_id, recorded_at: this.time(agency, p.sendAt), ...rest } as WireObject
    })
    return { objects, recordedAtAbsent }
  }
}

const PERSON_PREFIX: Record<string, string> = {
  police: 'P-',
  childrens_social_care: 'LCS',
  health: 'RCH',
  education: 'PUP',
  prosecutor: 'CPS-P',
  youth_justice: 'YJ',
  voluntary: 'SS-',
}
const EVENT_PREFIX: Record<string, string> = {
  police: 'E-',
  childrens_social_care: 'WF',
  health: 'ATT',
  education: 'INC',
  prosecutor: 'URN',
  youth_justice: 'YJE',
  voluntary: 'SSE-',
}

function hashIndex(text: string, n: number): number {
  let h = 0
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0
  return Math.abs(h) % n
}

export { TOWN }
