// A practitioner's screening: the suggested items confirmed or rejected one by one, items no record shows
// added with a note, and the band overridden only with a written reason. Evidence stays apart from
// judgement: the screening keeps the suggested score beside the practitioner's own.
import { addMonths, isoFromDay, londonDay, londonMidnight, parseInstant } from '../calendar/index.ts'
import { bandByNumber, bandFor, birthdayDay, compile, latestBirthDay } from './compile.ts'
import type { Evidence } from './evidence.ts'
import type { Instrument } from './instrument.ts'
import { inWindow, type RiskScore } from './score.ts'
import { mustGet } from '../errors/must.ts'

export interface ItemDecision {
  code: string
  decision: 'confirmed' | 'rejected'
  note?: string
}

export interface AddedItem {
  code: string
  /** What the practitioner knows that no record shows. */
  note: string
  /** When it was seen (YYYY-MM-DD); the signing day when absent. */
  date?: string
}

export interface Override {
  band: number
  reason: string
}

export interface ScreeningInput {
  /** The score the practitioner was shown (from `score`, as of the moment they opened the screening). */
  suggested: RiskScore
  decisions: ItemDecision[]
  added?: AddedItem[]
  override?: Override | null
  signedBy: string
  signedAt: Date | string
  dateOfBirth?: string | null
}

export interface ScreenedItem {
  code: string
  label: string
  domain: string
  points: number
  basis: 'confirmed' | 'added'
  evidence: Evidence[]
  note?: string
  date?: string
}

export interface Screening {
  instrumentId: string
  instrumentVersion: string
  signedBy: string
  signedAt: string
  suggestedScore: number
  suggestedBand: number
  items: ScreenedItem[]
  rejected: { code: string; note?: string }[]
  /** The practitioner's score: confirmed and added items. */
  score: number
  /** The band from that score and the age rules, before any override. */
  screenedBand: number
  ageRulesFired: string[]
  override: Override | null
  /** The effective band: the override when there is one. */
  band: number
  bandLabel: string
  bandAction: string
  /** The next screening is due by the end of this London date (signed date + the instrument's interval). */
  nextDueOn: string
  /** Overdue from this instant (00:00 London after `nextDueOn`). */
  nextDueAt: string
}

export type ScreeningResult = { ok: true; screening: Screening } | { ok: false; errors: string[] }

export function completeScreening(instrument: Instrument, input: ScreeningInput): ScreeningResult {
  const c = compile(instrument)
  const errors: string[] = []
  if (input.suggested.instrumentId !== instrument.id || input.suggested.instrumentVersion !== instrument.version) {
    errors.push(
      `the suggested score is from ${input.suggested.instrumentId} ${input.suggested.instrumentVersion}, not this instrument`,
    )
  }
  if (!input.signedBy?.trim()) errors.push('a screening must be signed (signedBy is empty)')
  const signedMs = parseInstant(input.signedAt)
  const signedDay = londonDay(signedMs)

  const decided = decisions(input, errors)
  const items = confirmedItems(input, decided)
  const birth = latestBirthDay(input.dateOfBirth)
  for (const [n, a] of (input.added ?? []).entries()) {
    const added = addedItem(a, { c, instrument, signedDay, birth, decided, items })
    if (typeof added === 'string') errors.push(`added item ${n + 1}: ${added}`)
    else items.push(added)
  }

  const override = input.override ?? null
  if (override) {
    if (!c.bands.some((b) => b.band === override.band))
      errors.push(`override band ${override.band} is not a band (1 to ${c.bands.length})`)
    if (!override.reason?.trim()) errors.push('an override needs a written reason')
  }
  if (errors.length) return { ok: false, errors }

  const total = items.reduce((s, i) => s + i.points, 0)
  const fired = c.ageRules.filter(
    (r) =>
      birth !== null &&
      signedDay < birthdayDay(birth, r.underAge) &&
      items.some((i) => i.points > 0 && r.items.has(mustGet(c.itemByCode, i.code, 'an item of the instrument').index)),
  )
  const screenedBand = Math.max(bandFor(c, total).band, ...fired.map((r) => r.minBand))
  const band = bandByNumber(c, override ? override.band : screenedBand)
  const due = addMonths(signedDay, instrument.reassessMonths)
  return {
    ok: true,
    screening: {
      instrumentId: instrument.id,
      instrumentVersion: instrument.version,
      signedBy: input.signedBy.trim(),
      signedAt: new Date(signedMs).toISOString(),
      suggestedScore: input.suggested.score,
      suggestedBand: input.suggested.band,
      items,
      rejected: [...decided.values()]
        .filter((d) => d.decision === 'rejected')
        .map((d) => ({ code: d.code, ...(d.note ? { note: d.note } : {}) })),
      score: total,
      screenedBand,
      ageRulesFired: fired.map((r) => r.id),
      override: override ? { band: override.band, reason: override.reason.trim() } : null,
      band: band.band,
      bandLabel: band.label,
      bandAction: band.action,
      nextDueOn: isoFromDay(due),
      nextDueAt: new Date(londonMidnight(due + 1)).toISOString(),
    },
  }
}

/** The practitioner's decision on each suggested item, by code; what is wrong with them goes to `errors`. */
function decisions(input: ScreeningInput, errors: string[]): Map<string, ItemDecision> {
  const suggested = new Set(input.suggested.items.map((i) => i.code))
  const decided = new Map<string, ItemDecision>()
  for (const d of input.decisions) {
    if (!suggested.has(d.code)) errors.push(`item "${d.code}" was not suggested: add it instead`)
    else if (decided.has(d.code)) errors.push(`item "${d.code}" is decided twice`)
    else if (d.decision !== 'confirmed' && d.decision !== 'rejected')
      errors.push(`item "${d.code}": decision must be confirmed or rejected`)
    else decided.set(d.code, d)
  }
  for (const code of suggested)
    if (!decided.has(code)) errors.push(`item "${code}" needs a decision: confirm or reject it`)
  return decided
}

/** The suggested items the practitioner confirmed, in the order they were decided. */
function confirmedItems(input: ScreeningInput, decided: Map<string, ItemDecision>): ScreenedItem[] {
  const suggested = new Map(input.suggested.items.map((i) => [i.code, i]))
  const items: ScreenedItem[] = []
  for (const [code, d] of decided) {
    if (d.decision !== 'confirmed') continue
    const s = mustGet(suggested, code, 'the suggested item decided')
    items.push({
      code,
      label: s.label,
      domain: s.domain,
      points: s.points,
      basis: 'confirmed',
      evidence: s.evidence,
      ...(d.note ? { note: d.note } : {}),
    })
  }
  return items
}

/**
 * An item the practitioner added, scored by its date, or why it cannot be added: not an item of the
 * instrument, already counted, without a note, an undated date, or an age it does not apply at.
 */
function addedItem(
  a: AddedItem,
  screening: {
    c: ReturnType<typeof compile>
    instrument: Instrument
    signedDay: number
    birth: ReturnType<typeof latestBirthDay>
    decided: Map<string, ItemDecision>
    items: ScreenedItem[]
  },
): ScreenedItem | string {
  const { c, instrument, signedDay, birth, decided, items } = screening
  const item = c.itemByCode.get(a.code)
  if (!item) return `"${a.code}" is not an item of ${instrument.id} ${instrument.version}`
  if (decided.get(a.code)?.decision === 'confirmed' || items.some((i) => i.code === a.code))
    return `"${a.code}" is already counted`
  if (!a.note?.trim()) return `"${a.code}" needs a note saying what it is based on`
  let day = signedDay
  if (a.date !== undefined) {
    try {
      day = londonDay(parseInstant(a.date))
    } catch {
      return `date "${a.date}" is not a date (expected YYYY-MM-DD)`
    }
  }
  if (item.underAgeAtEvidence !== undefined && (birth === null || day >= birthdayDay(birth, item.underAgeAtEvidence)))
    return `"${a.code}" applies only under ${item.underAgeAtEvidence}`
  const points = item.windows.reduce(
    (sum, w) => sum + (inWindow(day, signedDay, w.fromMonths, w.toMonths) ? w.points : 0),
    0,
  )
  return {
    code: a.code,
    label: item.label,
    domain: item.domain,
    points,
    basis: 'added',
    evidence: [],
    note: a.note.trim(),
    date: isoFromDay(day),
  }
}

export interface EffectiveBand {
  band: number
  /** What set it: the score alone, the latest screening (with or without an override), or new risk since that screening. */
  basis: 'score' | 'screening' | 'override' | 'risen_since_screening'
}

/**
 * The band a child is shown with. A screening's band (an override included) stands until the computed band
 * rises above the band the practitioner was shown; then the higher of the two stands, so that an old
 * downward override can never hide risk that arrived after it. An upward override never erodes.
 */
export function effectiveBand(
  computedBand: number,
  screening: Pick<Screening, 'band' | 'suggestedBand' | 'override'> | null,
): EffectiveBand {
  if (!screening) return { band: computedBand, basis: 'score' }
  if (computedBand > screening.suggestedBand && computedBand > screening.band)
    return { band: computedBand, basis: 'risen_since_screening' }
  return { band: screening.band, basis: screening.override ? 'override' : 'screening' }
}

/** Is a screening due (none yet, or past its interval) as of a moment? */
export function screeningDue(latest: Pick<Screening, 'nextDueAt'> | null, asOf: Date | string): boolean {
  return latest === null || parseInstant(asOf) >= Date.parse(latest.nextDueAt)
}

/**
 * The effective band over time, from a trajectory's points and the screenings signed over the same time
 * (a screening counts from its signing). The input the unanswered rule reads.
 */
export function effectiveTimeline(
  points: readonly { at: Date; band: number }[],
  screenings: readonly Pick<Screening, 'signedAt' | 'band' | 'suggestedBand' | 'override'>[],
): { at: Date; band: number }[] {
  const signed = [...screenings].sort((a, b) => Date.parse(a.signedAt) - Date.parse(b.signedAt))
  const moments = [...points.map((p) => +p.at), ...signed.map((s) => Date.parse(s.signedAt))].sort((a, b) => a - b)
  const out: { at: Date; band: number }[] = []
  let p = -1
  let s = -1
  for (const m of moments) {
    while (p + 1 < points.length && +points[p + 1].at <= m) p++
    while (s + 1 < signed.length && Date.parse(signed[s + 1].signedAt) <= m) s++
    const computed = p >= 0 ? points[p].band : 1
    const band = effectiveBand(computed, s >= 0 ? signed[s] : null).band
    if (out.length === 0 || out[out.length - 1].band !== band) out.push({ at: new Date(m), band })
  }
  return out
}

/** What a screening says in words, as its signer (or their manager) may change it: notes by item code, and an override's reason. */
export interface ScreeningWording {
  notes: Record<string, string>
  overrideReason: string | null
}

/**
 * A signed screening with its wording changed (issue 15, decision 0033): the notes on the items it
 * confirmed, rejected or added, and the reason for an override. What it scored (the items, the band,
 * the override's band) is not wording: it stands as signed, and a different judgement is a new
 * screening. The same rules as signing: an added item needs its note, an override its reason.
 */
export function rewordScreening(
  screening: Screening,
  wording: ScreeningWording,
): { ok: true; screening: Screening } | { ok: false; errors: { code: string; message: string }[] } {
  const errors: { code: string; message: string }[] = []
  const note = (code: string) => wording.notes[code]?.trim() ?? ''
  const items = screening.items.map((i) => {
    const said = note(i.code)
    if (i.basis === 'added' && !said) errors.push({ code: i.code, message: `Say what "${i.label}" is based on` })
    const { note: _old, ...rest } = i
    return said ? { ...rest, note: said } : rest
  })
  const rejected = screening.rejected.map((r) =>
    note(r.code) ? { code: r.code, note: note(r.code) } : { code: r.code },
  )
  let override = screening.override
  if (override) {
    const reason = wording.overrideReason?.trim() ?? ''
    if (!reason) errors.push({ code: 'override', message: 'Give the reason for setting the band yourself' })
    override = { band: override.band, reason }
  }
  if (errors.length) return { ok: false, errors }
  return { ok: true, screening: { ...screening, items, rejected, override } }
}
