// A child's score and band as of a moment T, on what had been recorded by T.
//
// Recency windows are measured back from T's London date by the date each event happened: evidence
// from day d is in the window [a, b) months while d + a months ≤ T's date < d + b months. So evidence
// from 15 January is "within 6 months" up to and including 14 July and "6 to 12 months ago" from
// 15 July. Each item scores a window's points once if any evidence falls in it, however much does.
import { addMonths, londonDay, parseInstant, type Day } from '../calendar/index.ts'
import {
  agesSpan,
  bandByNumber,
  bandFor,
  birthdayDay,
  compile,
  latestBirthDay,
  outsideAgesLabel,
  type CompiledInstrument,
  type CompiledPatternRule,
} from './compile.ts'
import type { Evidence } from './evidence.ts'
import type { Instrument } from './instrument.ts'
import { mustGet } from '../errors/must.ts'

export interface ScoredItem {
  code: string
  label: string
  domain: string
  /** Why the item counts, in plain words (the instrument's, when it gives one). */
  explanation?: string
  points: number
  /** The evidence that scores it (in a counted window), oldest first. */
  evidence: Evidence[]
}

export interface RiskScore {
  asOf: string
  score: number
  /** 1 to 4, after any age rule (a professional override is applied by a screening, not here). */
  band: number
  bandLabel: string
  bandAction: string
  /** The band from the score alone. */
  scoreBand: number
  /** The child is younger or older than the ages the instrument applies to: band 1 and this reason as the label. */
  outsideAges: 'under' | 'over' | null
  ageRuleFired: boolean
  ageRulesFired: string[]
  /** The pattern rules across agencies that hold (instrument 1.4.0 on): each sets a floor under the band. */
  patternRulesFired: string[]
  /** Agencies whose indicators (not lifelong vulnerabilities) happened in the 90 days ending on T's date. */
  indicatorAgencies: string[]
  items: ScoredItem[]
  instrumentId: string
  instrumentVersion: string
}

export interface ScoreOptions {
  asOf: Date | string
  /** Full or partial (YYYY, YYYY-MM); absent: age rules cannot fire and age-bound items do not count. */
  dateOfBirth?: string | null
}

/** Does evidence from `day` fall in the window [fromMonths, toMonths) as of London day `t`? */
export function inWindow(day: Day, t: Day, fromMonths: number, toMonths: number | null): boolean {
  // Evidence dated after T (recorded ahead of the day it names) is treated as current.
  if (fromMonths > 0 && addMonths(day, fromMonths) > t) return false
  return toMonths === null || t < addMonths(day, toMonths)
}

/** Evidence counted as of `asMs`: recorded by then and not yet withdrawn or replaced. */
export function knownAt(e: Evidence, asMs: number): boolean {
  return e.recordedMs <= asMs && asMs < e.untilMs
}

/** The lowest band that counts as flagged (band 1 is "no identified risk"), whatever --min-band says. */
export const FLAGGED_MIN_BAND = 2

/** The first moment a band timeline reached `minBand` (and at least FLAGGED_MIN_BAND), up to `limit`. */
export function firstFlagged(
  timeline: readonly { at: Date; band: number }[],
  minBand: number,
  limit = Infinity,
): Date | null {
  const bar = Math.max(minBand, FLAGGED_MIN_BAND)
  for (const p of timeline) {
    if (+p.at > limit) return null
    if (p.band >= bar) return p.at
  }
  return null
}

/** "Within 90 days" for the multi-agency alert: the 90 London days ending on T's date. */
export const MULTI_AGENCY_DAYS = 90
/** Agencies whose indicators within those days raise the multi-agency alert. */
export const MULTI_AGENCY_MIN = 2

/**
 * The pattern rules that hold as of `asMs`: enough different indicators, from enough different agencies,
 * happened within the rule's months (and were recorded by then).
 */
export function patternsHeld(
  c: CompiledInstrument,
  evidence: readonly Evidence[],
  asMs: number,
  birth: Day | null,
): CompiledPatternRule[] {
  if (c.patternRules.length === 0) return []
  const t = londonDay(asMs)
  return c.patternRules.filter((r) => {
    const items = new Set<number>()
    const agencies = new Set<string>()
    for (const e of evidence) {
      if (!knownAt(e, asMs) || !inWindow(e.day, t, 0, r.withinMonths)) continue
      for (const item of c.itemsForEvidence.get(e.code) ?? []) {
        if (!r.items.has(item.index)) continue
        if (
          item.underAgeAtEvidence !== undefined &&
          (birth === null || e.day >= birthdayDay(birth, item.underAgeAtEvidence))
        )
          continue
        items.add(item.index)
        agencies.add(e.agency)
      }
    }
    return items.size >= r.minItems && agencies.size >= r.minAgencies
  })
}

export function score(instrument: Instrument, evidence: readonly Evidence[], options: ScoreOptions): RiskScore {
  const c = compile(instrument)
  const asMs = parseInstant(options.asOf)
  const t = londonDay(asMs)
  const birth = latestBirthDay(options.dateOfBirth)
  const byItem = new Map<number, { windows: Set<number>; evidence: Evidence[] }>()
  const agencies = new Set<string>()
  for (const e of evidence) {
    if (!knownAt(e, asMs)) continue
    if (t < e.day + MULTI_AGENCY_DAYS && (c.itemsForEvidence.get(e.code) ?? []).some((i) => i.indicator))
      agencies.add(e.agency)
    for (const item of c.itemsForEvidence.get(e.code) ?? []) {
      if (
        item.underAgeAtEvidence !== undefined &&
        (birth === null || e.day >= birthdayDay(birth, item.underAgeAtEvidence))
      )
        continue
      item.windows.forEach((w, k) => {
        if (!inWindow(e.day, t, w.fromMonths, w.toMonths)) return
        let hit = byItem.get(item.index)
        if (!hit) byItem.set(item.index, (hit = { windows: new Set(), evidence: [] }))
        hit.windows.add(k)
        if (!hit.evidence.includes(e)) hit.evidence.push(e)
      })
    }
  }
  const items: ScoredItem[] = []
  let total = 0
  for (const item of c.items) {
    const hit = byItem.get(item.index)
    if (!hit) continue
    let points = 0
    for (const k of hit.windows) points += item.windows[k].points
    if (points === 0) continue
    total += points
    hit.evidence.sort((a, b) => a.day - b.day || a.recordedMs - b.recordedMs)
    const explanation = instrument.items[item.index].explanation
    items.push({
      code: item.code,
      label: item.label,
      domain: item.domain,
      ...(explanation ? { explanation } : {}),
      points,
      evidence: hit.evidence,
    })
  }
  const scoreBand = bandFor(c, total)
  const fired = c.ageRules.filter(
    (r) =>
      birth !== null &&
      t < birthdayDay(birth, r.underAge) &&
      items.some((i) => r.items.has(mustGet(c.itemByCode, i.code, 'an item of the instrument').index)),
  )
  const span = agesSpan(c, options.dateOfBirth)
  const outsideAges = asMs < span.start ? 'under' : asMs >= span.end ? 'over' : null
  const inAges = outsideAges === null
  const patterns = inAges ? patternsHeld(c, evidence, asMs, birth) : []
  const bandNumber = inAges
    ? Math.max(scoreBand.band, ...fired.map((r) => r.minBand), ...patterns.map((r) => r.minBand))
    : 1
  const band = bandByNumber(c, bandNumber)
  return {
    asOf: new Date(asMs).toISOString(),
    score: total,
    band: band.band,
    bandLabel: inAges ? band.label : outsideAgesLabel(c, outsideAges),
    bandAction: band.action,
    scoreBand: scoreBand.band,
    outsideAges,
    ageRuleFired: inAges && fired.length > 0,
    ageRulesFired: inAges ? fired.map((r) => r.id) : [],
    patternRulesFired: patterns.map((r) => r.id),
    indicatorAgencies: [...agencies].sort(),
    items,
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
  }
}
