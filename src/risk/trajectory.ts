// A child's score over time: the score and band at every moment one of them (or an alert condition)
// changes, on what had been recorded by that moment. Because each point only uses what was recorded by
// then, the trajectory up to any T is the answer "as of T": a late-recorded event changes the future of
// the chart, never its past.
//
// One sweep per child: every piece of evidence opens and closes an interval in each window it scores in
// (opening at the later of its recorded time and the window's start, closing at the earlier of the
// window's end and its withdrawal); sorting those edges and walking them gives every change in
// O(k log k) for k pieces of evidence, instead of rescoring at every candidate moment.
import { londonMidnight } from '../calendar/index.ts'
import {
  agesSpan,
  bandFor,
  birthdayDay,
  compile,
  latestBirthDay,
  windowEdge,
  type CompiledInstrument,
} from './compile.ts'
import type { Evidence } from './evidence.ts'
import type { Instrument } from './instrument.ts'
import { firstFlagged, MULTI_AGENCY_DAYS, MULTI_AGENCY_MIN } from './score.ts'

export interface RiskState {
  at: Date
  score: number
  band: number
  ageRuleFired: boolean
  /** Indicators from 2 or more agencies happened in the 90 days ending on the day of `at` (the multi-agency alert). */
  multiAgency: boolean
}

export interface Trajectory {
  instrumentId: string
  instrumentVersion: string
  /** The first point is the state at `from` (score 0, band 1 when nothing was known). */
  points: RiskState[]
  /** The state at a moment (the last point at or before it). */
  at(moment: Date | number): RiskState
  /** The first time, on what was recorded by then, the band reached `minBand` or more (up to `asOf`, if given). */
  firstFlaggedAt(minBand: number, asOf?: Date | number): Date | null
}

interface Edges {
  times: number[]
  slots: number[]
  deltas: number[]
}

function pushInterval(out: Edges, start: number, end: number, slot: number): void {
  if (!(start < end)) return
  out.times.push(start)
  out.slots.push(slot)
  out.deltas.push(1)
  if (end === Infinity) return // a lifelong vulnerability never closes
  out.times.push(end)
  out.slots.push(slot)
  out.deltas.push(-1)
}

/** Edges of one child's evidence: flat arrays, sorted by time, for the sweep. */
function edges(c: CompiledInstrument, evidence: readonly Evidence[], birth: number | null) {
  const out: Edges = { times: [], slots: [], deltas: [] }
  const agencyIndex = new Map<string, number>()
  // Pattern counters come after the item slots: one per (rule, item) and per (rule, agency).
  const patternKeys = new Map<string, number>()
  const patterns: PatternCounter[] = []
  const patternSlot = (key: string, rule: number, agency: boolean): number => {
    let k = patternKeys.get(key)
    if (k === undefined) {
      patternKeys.set(key, (k = patterns.length))
      patterns.push({ rule, agency })
    }
    return c.slotCount + k
  }
  for (const e of evidence) {
    const items = c.itemsForEvidence.get(e.code)
    if (!items) continue
    let indicator = false
    for (const item of items) {
      if (
        item.underAgeAtEvidence !== undefined &&
        (birth === null || e.day >= birthdayDay(birth, item.underAgeAtEvidence))
      )
        continue
      indicator ||= item.indicator
      const base = c.slotBase[item.index]
      for (let k = 0; k < item.windows.length; k++) {
        const w = item.windows[k]
        const start = w.fromMonths === 0 ? e.recordedMs : Math.max(e.recordedMs, windowEdge(e.day, w.fromMonths))
        const end = w.toMonths === null ? e.untilMs : Math.min(e.untilMs, windowEdge(e.day, w.toMonths))
        pushInterval(out, start, end, base + k)
      }
    }
    if (indicator) {
      let a = agencyIndex.get(e.agency)
      if (a === undefined) agencyIndex.set(e.agency, (a = agencyIndex.size))
      pushInterval(out, e.recordedMs, Math.min(e.untilMs, londonMidnight(e.day + MULTI_AGENCY_DAYS)), -1 - a)
    }
    // Pattern rules (1.4.0): the item and the agency each count while the evidence is within the rule's months.
    c.patternRules.forEach((r, ri) => {
      const counted = items.filter(
        (item) =>
          r.items.has(item.index) &&
          !(
            item.underAgeAtEvidence !== undefined &&
            (birth === null || e.day >= birthdayDay(birth, item.underAgeAtEvidence))
          ),
      )
      if (counted.length === 0) return
      const end = Math.min(e.untilMs, windowEdge(e.day, r.withinMonths))
      for (const item of counted) pushInterval(out, e.recordedMs, end, patternSlot(`${ri}:i:${item.index}`, ri, false))
      pushInterval(out, e.recordedMs, end, patternSlot(`${ri}:a:${e.agency}`, ri, true))
    })
  }
  const { times, slots, deltas } = out
  const order = new Array<number>(times.length)
  for (let i = 0; i < order.length; i++) order[i] = i
  order.sort((a, b) => times[a] - times[b])
  return { times, slots, deltas, order, agencies: agencyIndex.size, patterns }
}

/** The pattern rules during the sweep: how many items and agencies each has with evidence in its months. */
function patternState(c: CompiledInstrument, counters: readonly PatternCounter[]) {
  const open = new Int32Array(counters.length)
  const items = new Int32Array(c.patternRules.length)
  const agencies = new Int32Array(c.patternRules.length)
  return {
    /** Counts an edge of a pattern counter's slot (after the item slots); false for any other slot. */
    counted(slot: number, d: number): boolean {
      const k = slot - c.slotCount
      if (k < 0) return false
      if (d > 0 ? open[k]++ === 0 : --open[k] === 0) {
        const p = counters[k]
        if (p.agency) agencies[p.rule] += d
        else items[p.rule] += d
      }
      return true
    },
    /** The band after the rules that hold. */
    floor(band: number): number {
      c.patternRules.forEach((p, r) => {
        if (items[r] >= p.minItems && agencies[r] >= p.minAgencies && p.minBand > band) band = p.minBand
      })
      return band
    },
  }
}

/** A pattern rule's counter: of one item, or of one agency, with evidence inside the rule's months. */
interface PatternCounter {
  rule: number
  agency: boolean
}

export function trajectory(
  instrument: Instrument,
  evidence: readonly Evidence[],
  dateOfBirth: string | null | undefined,
  from?: Date | number | null,
  to?: Date | number | null,
): Trajectory {
  const c = compile(instrument)
  const fromMs = from == null ? -Infinity : +from
  const toMs = to == null ? Infinity : +to
  if (evidence.length === 0) return makeTrajectory(instrument, [emptyState(c, Number.isFinite(fromMs) ? fromMs : 0)])
  const birth = latestBirthDay(dateOfBirth)
  const { times, slots, deltas, order, agencies, patterns } = edges(c, evidence, birth)
  const held = patternState(c, patterns)
  // Age rules: each stops firing at the child's birthday (latest possible birth date).
  const ageEnds = c.ageRules.map((r) => (birth === null ? -Infinity : londonMidnight(birthdayDay(birth, r.underAge))))
  const slotCount = new Int32Array(c.slotCount)
  const windowsActive = new Int32Array(c.items.length) // windows of each item with evidence in them
  const ruleActiveItems = new Int32Array(c.ageRules.length)
  const agencyCount = new Int32Array(agencies)
  const { itemOfSlot, pointsOfSlot, rulesOfItem } = c
  let total = 0
  let activeAgencies = 0
  // The instrument's ages: outside them the band is 1 (the score still accrues, for when they apply).
  const span = agesSpan(c, dateOfBirth)
  // Moments to evaluate: every edge, plus each age rule's end and the ages' start and end.
  const ageMoments = [...ageEnds, span.start, span.end].filter((m) => Number.isFinite(m)).sort((a, b) => a - b)
  const points: RiskState[] = []
  const rules = c.ageRules
  let lastScore = 0
  let lastBand = bandFor(c, 0).band
  let lastFired = false
  let lastMulti = false

  let i = 0
  let a = 0
  const n = order.length
  while (i < n || a < ageMoments.length) {
    const nextEdge = i < n ? times[order[i]] : Infinity
    const nextAge = a < ageMoments.length ? ageMoments[a] : Infinity
    const at = Math.min(nextEdge, nextAge)
    if (at > toMs) break
    while (i < n && times[order[i]] === at) {
      const j = order[i++]
      const slot = slots[j]
      const d = deltas[j]
      if (slot < 0) {
        const ag = -1 - slot
        if (d > 0 ? agencyCount[ag]++ === 0 : --agencyCount[ag] === 0) activeAgencies += d
        continue
      }
      if (held.counted(slot, d)) continue
      const before = slotCount[slot]
      const after = (slotCount[slot] = before + d)
      if ((before === 0) !== (after === 0)) {
        // The window opened or closed for this item.
        total += d * pointsOfSlot[slot]
        const item = itemOfSlot[slot]
        const wasActive = windowsActive[item] > 0
        windowsActive[item] += d
        const isActive = windowsActive[item] > 0
        if (wasActive !== isActive) for (const r of rulesOfItem[item]) ruleActiveItems[r] += isActive ? 1 : -1
      }
    }
    while (a < ageMoments.length && ageMoments[a] === at) a++
    // The state after this moment; a point only when something a reader sees has changed.
    const inAges = span.start <= at && at < span.end
    let band = inAges ? held.floor(bandFor(c, total).band) : 1
    let fired = false
    for (let r = 0; inAges && r < rules.length; r++) {
      if (ruleActiveItems[r] > 0 && at < ageEnds[r]) {
        fired = true
        if (rules[r].minBand > band) band = rules[r].minBand
      }
    }
    const multi = activeAgencies >= MULTI_AGENCY_MIN
    if (total === lastScore && band === lastBand && fired === lastFired && multi === lastMulti) continue
    lastScore = total
    lastBand = band
    lastFired = fired
    lastMulti = multi
    points.push({ at: new Date(at), score: total, band, ageRuleFired: fired, multiAgency: multi })
  }
  return makeTrajectory(instrument, fromOnwards(c, points, fromMs))
}

/** With a `from`, the state at `from` and then only the changes after it; without, every change (or an empty state). */
function fromOnwards(c: CompiledInstrument, points: RiskState[], fromMs: number): RiskState[] {
  if (Number.isFinite(fromMs)) {
    let k = 0
    while (k < points.length && +points[k].at <= fromMs) k++
    const start = k > 0 ? { ...points[k - 1], at: new Date(fromMs) } : emptyState(c, fromMs)
    return [start, ...points.slice(k)]
  }
  if (points.length === 0) points.push(emptyState(c, 0))
  return points
}

function emptyState(c: CompiledInstrument, at: number): RiskState {
  return { at: new Date(at), score: 0, band: bandFor(c, 0).band, ageRuleFired: false, multiAgency: false }
}

export function makeTrajectory(instrument: Pick<Instrument, 'id' | 'version'>, points: RiskState[]): Trajectory {
  return {
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    points,
    at(moment) {
      const ms = +moment
      let lo = 0
      let hi = points.length - 1
      if (hi < 0 || +points[0].at > ms)
        return { at: new Date(ms), score: 0, band: 1, ageRuleFired: false, multiAgency: false }
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1
        if (+points[mid].at <= ms) lo = mid
        else hi = mid - 1
      }
      return points[lo]
    },
    firstFlaggedAt(minBand, asOf) {
      return firstFlagged(points, minBand, asOf == null ? Infinity : +asOf)
    },
  }
}
