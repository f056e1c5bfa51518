// An instrument turned into lookup tables once, so scoring millions of evidence items does no searching.
import { addMonths, addYears, dayFromParts, londonMidnight, type Day } from '../calendar/index.ts'
import { DEFAULT_AGES, type Band, type Instrument } from './instrument.ts'

export interface CompiledItem {
  index: number
  code: string
  label: string
  domain: string
  windows: { fromMonths: number; toMonths: number | null; points: number }[]
  underAgeAtEvidence?: number
  /** An indicator (every window ends) rather than a lifelong vulnerability. */
  indicator: boolean
}

export interface CompiledInstrument {
  instrument: Instrument
  items: CompiledItem[]
  itemByCode: Map<string, CompiledItem>
  /** Evidence code to the items it shows. */
  itemsForEvidence: Map<string, CompiledItem[]>
  /** Slot of (item, window) in flat counters: slotBase[item] + window index. */
  slotBase: number[]
  slotCount: number
  itemOfSlot: Int32Array
  pointsOfSlot: Float64Array
  /** Age rules each item can make fire. */
  rulesOfItem: number[][]
  bands: Band[] // ascending by minScore
  ageRules: { id: string; underAge: number; minBand: number; items: Set<number> }[]
  /** Pattern rules (1.4.0): the items each counts, by index. */
  patternRules: CompiledPatternRule[]
  /** The ages the instrument applies to (instrument.ages, or DEFAULT_AGES). */
  ages: { from: number; to: number }
}

export interface CompiledPatternRule {
  id: string
  withinMonths: number
  minItems: number
  minAgencies: number
  minBand: number
  items: Set<number>
}

const cache = new WeakMap<Instrument, CompiledInstrument>()

export function compile(instrument: Instrument): CompiledInstrument {
  const hit = cache.get(instrument)
  if (hit) return hit
  const items: CompiledItem[] = instrument.items.map((it, index) => ({
    index,
    code: it.code,
    label: it.label,
    domain: it.domain,
    windows: it.weights.map((w) => ({ fromMonths: w.fromMonths, toMonths: w.toMonths, points: w.points })),
    ...(it.underAgeAtEvidence !== undefined ? { underAgeAtEvidence: it.underAgeAtEvidence } : {}),
    indicator: it.weights.every((w) => w.toMonths !== null),
  }))
  const itemsForEvidence = new Map<string, CompiledItem[]>()
  for (const item of items) {
    for (const code of instrument.items[item.index].evidence) {
      const list = itemsForEvidence.get(code) ?? []
      list.push(item)
      itemsForEvidence.set(code, list)
    }
  }
  const slotBase: number[] = []
  let slotCount = 0
  for (const item of items) {
    slotBase.push(slotCount)
    slotCount += item.windows.length
  }
  const itemOfSlot = new Int32Array(slotCount)
  const pointsOfSlot = new Float64Array(slotCount)
  for (const item of items) {
    item.windows.forEach((w, k) => {
      itemOfSlot[slotBase[item.index] + k] = item.index
      pointsOfSlot[slotBase[item.index] + k] = w.points
    })
  }
  const compiled: CompiledInstrument = {
    instrument,
    items,
    itemByCode: new Map(items.map((i) => [i.code, i])),
    itemsForEvidence,
    slotBase,
    slotCount,
    itemOfSlot,
    pointsOfSlot,
    rulesOfItem: items.map(() => []),
    patternRules: [],
    bands: [...instrument.bands].sort((a, b) => a.minScore - b.minScore),
    ages: instrument.ages ?? DEFAULT_AGES,
    ageRules: instrument.ageRules.map((r) => ({
      id: r.id,
      underAge: r.underAge,
      minBand: r.minBand,
      items: new Set(
        items
          .filter((i) => (r.domains ?? []).includes(i.domain) || (r.items ?? []).includes(i.code))
          .map((i) => i.index),
      ),
    })),
  }
  compiled.patternRules = (instrument.patternRules ?? []).map((r) => ({
    id: r.id,
    withinMonths: r.withinMonths,
    minItems: r.minItems,
    minAgencies: r.minAgencies,
    minBand: r.minBand,
    items: new Set(
      items
        .filter(
          (i) =>
            i.indicator &&
            !(r.exceptItems ?? []).includes(i.code) &&
            ((r.domains ?? []).includes(i.domain) || (r.items ?? []).includes(i.code)),
        )
        .map((i) => i.index),
    ),
  }))
  compiled.ageRules.forEach((r, ri) => r.items.forEach((i) => compiled.rulesOfItem[i].push(ri)))
  cache.set(instrument, compiled)
  return compiled
}

export function bandFor(compiled: CompiledInstrument, score: number): Band {
  let band = compiled.bands[0]
  for (const b of compiled.bands) if (score >= b.minScore) band = b
  return band
}

export function bandByNumber(compiled: CompiledInstrument, n: number): Band {
  const band = compiled.bands.find((b) => b.band === n)
  if (!band) throw new Error(`the instrument has no band ${n}`)
  return band
}

/**
 * The latest day the child can have been born on, from a full or partial date of birth (YYYY, YYYY-MM,
 * YYYY-MM-DD). Age rules use it so that a child whose exact birthday is unknown gets the lower bar for
 * younger children for as long as they might still be young enough.
 */
export function latestBirthDay(dateOfBirth: string | null | undefined): Day | null {
  if (!dateOfBirth) return null
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(dateOfBirth)
  if (!m) return null
  const y = Number(m[1])
  if (m[3]) return dayFromParts(y, Number(m[2]), Number(m[3]))
  if (m[2]) return dayFromParts(y, Number(m[2]) + 1, 0)
  return dayFromParts(y, 12, 31)
}

/** The earliest day the child can have been born on, from a full or partial date of birth. */
export function earliestBirthDay(dateOfBirth: string | null | undefined): Day | null {
  if (!dateOfBirth) return null
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(dateOfBirth)
  if (!m) return null
  return dayFromParts(Number(m[1]), m[2] ? Number(m[2]) : 1, m[3] ? Number(m[3]) : 1)
}

/**
 * When the instrument applies to a child: from the first moment the child may be `ages.from` years old
 * (earliest possible birth date) until the child is certainly past `ages.to` (latest possible birth
 * date). Unknown date of birth: always (an agency said the person is a child).
 */
export function agesSpan(
  c: CompiledInstrument,
  dateOfBirth: string | null | undefined,
): { start: number; end: number } {
  const earliest = earliestBirthDay(dateOfBirth)
  const latest = latestBirthDay(dateOfBirth)
  if (earliest === null || latest === null) return { start: -Infinity, end: Infinity }
  return {
    start: londonMidnight(birthdayDay(earliest, c.ages.from)),
    end: londonMidnight(birthdayDay(latest, c.ages.to + 1)),
  }
}

/** Why a child outside the instrument's ages is band 1: the band label the lists and pages show. */
export function outsideAgesLabel(c: CompiledInstrument, side: 'under' | 'over'): string {
  const { from, to } = c.ages
  return side === 'under'
    ? `not screened: under ${from}, the youngest age the instrument applies to (${from} to ${to}); use professional judgement`
    : `not screened: over ${to}, the oldest age the instrument applies to (${from} to ${to})`
}

/** The first day on which the child is certainly `years` old. */
export function birthdayDay(birth: Day, years: number): Day {
  return addYears(birth, years)
}

/** The instant evidence from `day` enters (months = fromMonths) or leaves (months = toMonths) a window. */
export function windowEdge(day: Day, months: number): number {
  return londonMidnight(addMonths(day, months))
}
