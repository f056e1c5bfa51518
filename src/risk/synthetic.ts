// A small synthetic area for the risk tests and benchmark: normalised events of many children, most of
// them with ordinary contact with agencies and a few with the needs and troubles that are not
// exploitation, and some who are groomed and later exploited (with the date of the first event that
// shows it). Deterministic for a seed. Independent of the instrument: it generates events, not scores.
import type { EventKind, Indicator, Involvement } from '../records/types.ts'
import type { EvidenceEvent } from './evidence.ts'

export interface SyntheticChild {
  id: string
  dateOfBirth: string
  exploited: { firstAt: string; firstRecordedAt: string; firstEvent: string; faint: boolean } | null
}

export type SyntheticEvent = EvidenceEvent & { child: string }

export interface SyntheticArea {
  children: SyntheticChild[]
  events: SyntheticEvent[]
  /** Adults (agency:source_id) who appear in events, for DerivationContext.isAdult. */
  adults: Set<string>
}

export interface SyntheticOptions {
  seed?: number
  children?: number
  exploitedShare?: number
  /** Ordinary events per child over the span (health attendances, notes, assessments…). */
  ordinaryPerChild?: number
  start?: string
  end?: string
}

const DAY = 86_400_000
const MONTH = 30.44 * DAY

function rng(seed: number) {
  let s = seed >>> 0 || 1
  const next = () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    chance: (p: number) => next() < p,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    poisson(mean: number) {
      let k = 0
      for (let p = Math.exp(-mean), u = next(); u > p; u -= p, p *= mean / ++k) {
        // counting k
      }
      return k
    },
  }
}

const ORDINARY: [EventKind, string][] = [
  ['health_attendance', 'health'],
  ['health_attendance', 'health'],
  ['note', 'school'],
  ['education_change', 'school'],
  ['note', 'health'],
  ['health_attendance', 'health'],
]

export function syntheticArea(options: SyntheticOptions = {}): SyntheticArea {
  const r = rng(options.seed ?? 42)
  const n = options.children ?? 2000
  const share = options.exploitedShare ?? 0.05
  const ordinary = options.ordinaryPerChild ?? 4
  const start = Date.parse(`${options.start ?? '2006-01-01'}T00:00:00Z`)
  const end = Date.parse(`${options.end ?? '2012-12-31'}T00:00:00Z`)
  const children: SyntheticChild[] = []
  const events: SyntheticEvent[] = []
  const adults = new Set<string>()
  const w = eventWriter(r, start, end, events)

  for (let i = 0; i < n; i++) {
    const id = `C${i + 1}`
    // Children aged 0 to 17 at the start of the span.
    const dob = start - r.next() * 17 * 365.25 * DAY + 2 * 365.25 * DAY
    const dobIso = new Date(dob).toISOString().slice(0, 10)
    const age = (years: number) => dob + years * 365.25 * DAY
    const lo = Math.max(start, dob)
    const hi = Math.min(end, age(18))
    const teenFrom = Math.max(start, age(12.5))
    const teenTo = hi
    const exploited = r.chance(share) && teenTo - teenFrom > 18 * MONTH
    const child: SyntheticChild = { id, dateOfBirth: dobIso, exploited: null }
    children.push(child)
    const life: ChildLife = { i, id, age, lo, hi, teenFrom, teenTo }
    ordinaryLife(w, life, ordinary, exploited)
    if (exploited) child.exploited = groomedAndExploited(w, life, adults)
  }
  return { children, events, adults }
}

type Rng = ReturnType<typeof rng>

type Extra = { indicators?: Indicator[]; involves?: Involvement[]; restricted?: boolean; lag?: number }

/** Writes the area's events (numbered in order, recorded after a lag) within its span. */
interface EventWriter {
  r: Rng
  /** An event of the child at `at`, or none when `at` is outside the span. */
  add: (child: string, kind: EventKind, agency: string, at: number, extra?: Extra) => SyntheticEvent | null
  /** A moment between a and b. */
  between: (a: number, b: number) => number
}

function eventWriter(r: Rng, start: number, end: number, events: SyntheticEvent[]): EventWriter {
  let serial = 0
  const recordedLag = () => (r.chance(0.1) ? r.int(20, 120) * DAY : r.next() * 7 * DAY)
  const add = (child: string, kind: EventKind, agency: string, at: number, extra: Extra = {}) => {
    if (at < start || at > end) return null
    const recorded = Math.min(at + (extra.lag ?? recordedLag()), end + 30 * DAY)
    const e: SyntheticEvent = {
      child,
      agency,
      source_id: `E${++serial}`,
      kind,
      occurred_at: new Date(at).toISOString(),
      recorded_at: new Date(recorded).toISOString(),
      indicators: extra.indicators ?? [],
      involves: extra.involves ?? [],
      restricted: extra.restricted ?? (kind === 'sexual_health' || kind === 'pregnancy' || kind === 'intelligence'),
    }
    events.push(e)
    return e
  }
  const between = (a: number, b: number) => a + r.next() * Math.max(0, b - a)
  return { r, add, between }
}

/** One child of the area: their number and id, their age, the span they are a child in, and their teens. */
interface ChildLife {
  i: number
  id: string
  age: (years: number) => number
  lo: number
  hi: number
  teenFrom: number
  teenTo: number
}

/** Ordinary contact with agencies, family needs each answered with an assessment, and (unless exploited) a teenager's troubles. */
function ordinaryLife(w: EventWriter, life: ChildLife, ordinary: number, exploited: boolean): void {
  const { r, add, between } = w
  const { id, age, lo, hi, teenFrom, teenTo } = life
  for (let k = r.poisson(ordinary); k > 0; k--) {
    const [kind, agency] = r.pick(ORDINARY)
    add(id, kind, agency, between(lo, hi))
  }
  // family needs: vulnerabilities, each answered with an assessment
  for (const [indicator, p, agency] of [
    ['domestic_abuse_at_home', 0.07, 'police'],
    ['family_breakdown', 0.08, 'school'],
    ['parental_mental_health', 0.04, 'health'],
    ['substance_misuse_at_home', 0.03, 'health'],
  ] as [Indicator, number, string][]) {
    if (!r.chance(p)) continue
    const at = between(lo, hi)
    add(id, 'concern', agency, at, { indicators: [indicator] })
    add(id, 'contact_referral', 'csc', at + r.int(0, 3) * DAY)
    if (r.chance(0.95)) add(id, 'assessment', 'csc', at + r.int(3, 12) * DAY)
  }
  if (r.chance(0.015)) add(id, 'looked_after_start', 'csc', between(lo, hi))
  // the ordinary troubles of teenagers
  if (teenTo > teenFrom && !exploited) {
    for (let k = r.poisson(r.chance(0.12) ? 1.5 : 0.1); k > 0; k--) {
      add(id, 'school_absence', 'school', between(teenFrom, Math.min(teenTo, age(16.5))), {
        indicators: r.chance(0.5) ? ['school_disengagement'] : [],
      })
    }
    if (r.chance(0.025)) add(id, 'missing_episode', 'police', between(teenFrom, teenTo), { indicators: ['missing'] })
    if (r.chance(0.015)) add(id, 'self_harm', 'health', between(teenFrom, teenTo))
    if (r.chance(0.01))
      add(id, 'substance_misuse', 'health', between(teenFrom, teenTo), { indicators: ['alcohol_misuse'] })
    if (r.chance(0.02)) add(id, 'arrest', 'police', between(teenFrom, teenTo))
    if (r.chance(0.03))
      add(id, 'sexual_health', 'health', between(Math.max(teenFrom, age(16)), teenTo), {
        indicators: r.chance(0.3) ? ['sti'] : [],
      })
    if (r.chance(0.02)) add(id, 'concern', 'school', between(teenFrom, teenTo), { indicators: ['staying_out_late'] })
  }
}

/** Grooming, then exploitation: signals across agencies in the months before the first event that shows it. */
function groomedAndExploited(w: EventWriter, life: ChildLife, adults: Set<string>): SyntheticChild['exploited'] {
  const { r, add, between } = w
  const { i, id, age, teenFrom, teenTo } = life
  // Grooming, then exploitation: signals across agencies in the months before the first event.
  const first = between(teenFrom + 12 * MONTH, Math.min(teenTo, age(17)))
  const groomFrom = first - r.int(4, 14) * MONTH
  const faint = r.chance(0.1)
  const p = (x: number) => (faint ? x / 2 : x)
  const adult = `police:A${i + 1}`
  adults.add(adult)
  const groom = () => between(groomFrom, first - 7 * DAY)
  for (let k = Math.max(faint ? 0 : 1, r.poisson(faint ? 0.7 : 1.8)); k > 0; k--) {
    const involves: Involvement[] = []
    if (r.chance(p(0.4))) involves.push({ kind: 'vehicle', key: `VX${i}`, display: `VX${i}` })
    if (r.chance(p(0.4))) involves.push({ kind: 'person', person: `A${i + 1}`, role: 'found_with' })
    add(id, 'missing_episode', 'police', groom(), { indicators: ['missing'], involves })
  }
  for (let k = r.poisson(p(1.5)); k > 0; k--)
    add(id, 'school_absence', 'school', groom(), { indicators: r.chance(0.6) ? ['school_disengagement'] : [] })
  if (r.chance(p(0.5)))
    add(id, 'concern', 'school', groom(), { indicators: r.chance(0.6) ? ['gifts_money'] : ['staying_out_late'] })
  if (r.chance(p(0.4))) add(id, 'intelligence', 'police', groom(), { indicators: ['older_associates'] })
  if (r.chance(p(0.3))) add(id, 'sexual_health', 'health', groom())
  if (r.chance(p(0.3)))
    add(id, 'note', 'csc', groom(), { involves: [{ kind: 'phone', key: `07700${i}`, display: `07700${i}` }] })
  if (r.chance(p(0.3))) add(id, 'substance_misuse', 'health', groom(), { indicators: ['alcohol_misuse'] })
  if (r.chance(p(0.15))) add(id, 'self_harm', 'health', groom())
  const firstEvent = add(id, r.chance(0.5) ? 'crime_report' : 'disclosure', 'police', first, {
    lag: r.next() * 3 * DAY,
    involves: [{ kind: 'person', person: `A${i + 1}`, role: 'suspect' }],
  })
  if (!firstEvent) return null
  return {
    firstAt: firstEvent.occurred_at,
    firstRecordedAt: String(firstEvent.recorded_at),
    firstEvent: `${firstEvent.agency}:${firstEvent.source_id}`,
    faint,
  }
}
