// Everything the child's page, the MASH queue and `threadline children` need about one child as of a
// moment, from the child's events and screenings: the pieces of this folder put together in one call.
import { englandAndWales, type WorkingCalendar } from '../calendar/index.ts'
import { alertHistory, type RiskAlert } from './alerts.ts'
import { bandByNumber, compile } from './compile.ts'
import { unansweredStory, type UnansweredStory } from './wording.ts'
import { deriveEvidence, type DerivationContext, type EvidenceEvent } from './evidence.ts'
import type { Instrument } from './instrument.ts'
import { firstFlagged, score, type RiskScore } from './score.ts'
import { effectiveBand, effectiveTimeline, screeningDue, type EffectiveBand, type Screening } from './screening.ts'
import { trajectory, type Trajectory } from './trajectory.ts'
import { unanswered, type UnansweredStatus } from './unanswered.ts'

export interface ChildRiskInput {
  /** Every event about the child (all kinds, every agency, restricted ones too), each with its recorded_at. */
  events: readonly EvidenceEvent[]
  dateOfBirth?: string | null
  /** The child's signed screenings, any order. */
  screenings?: readonly Screening[]
}

export interface ChildRiskOptions {
  asOf: Date
  /** The band that counts as flagged for firstFlaggedAt (the CLI's --min-band, default 2). */
  minBand?: number
  workingDays?: number
  calendar?: WorkingCalendar
  context?: DerivationContext
}

export interface ChildRisk {
  asOf: Date
  /** The score from the records, with every item's dated evidence. */
  score: RiskScore
  /** The effective band: after the latest screening and any override. */
  band: number
  bandLabel: string
  bandAction: string
  bandBasis: EffectiveBand['basis']
  /** The score to show beside the band: null while the child is outside the instrument's ages and unscreened. */
  shownScore: number | null
  /** The first time, on what was recorded by then, the effective band reached minBand (and band 2): null if never. */
  firstFlaggedAt: Date | null
  unanswered: UnansweredStatus
  /** The unanswered concern as pages word it: the band it had then, and what has happened since (wording.ts). */
  unansweredStory: UnansweredStory | null
  /** Alerts up to asOf, oldest first (from the computed score, as the records arrived). */
  alerts: RiskAlert[]
  /** The computed score over time up to asOf: the chart. */
  trajectory: Trajectory
  /** The effective band over time up to asOf. */
  bandTimeline: { at: Date; band: number }[]
  latestScreening: Screening | null
  screeningDue: boolean
  instrumentId: string
  instrumentVersion: string
}

export function assessChild(instrument: Instrument, input: ChildRiskInput, options: ChildRiskOptions): ChildRisk {
  const asOf = options.asOf
  const evidence = deriveEvidence(input.events, {
    ...options.context,
    readWords: instrument.readsRecordWords === true,
    readExplanations: instrument.readsExplanations === true,
    readFollowUps: instrument.readsFollowUps === true,
    readPlainWording: instrument.readsPlainWording === true,
    readOlderPartners: instrument.readsOlderPartners === true,
  })
  const t = trajectory(instrument, evidence, input.dateOfBirth, null, asOf)
  const now = score(instrument, evidence, { asOf, dateOfBirth: input.dateOfBirth })
  const signed = (input.screenings ?? []).filter((s) => Date.parse(s.signedAt) <= +asOf)
  const latest = signed.reduce<Screening | null>(
    (a, s) => (!a || Date.parse(s.signedAt) > Date.parse(a.signedAt) ? s : a),
    null,
  )
  const effective = effectiveBand(now.band, latest)
  const timeline = effectiveTimeline(t.points, signed)
  const minBand = options.minBand ?? 2
  const compiled = compile(instrument)
  const band = bandByNumber(compiled, effective.band)
  const status = unanswered(input.events, timeline, {
    asOf,
    workingDays: options.workingDays ?? 10,
    calendar: options.calendar ?? englandAndWales,
  })
  return {
    asOf,
    score: now,
    band: band.band,
    bandLabel: effective.basis === 'score' && now.outsideAges ? now.bandLabel : band.label,
    bandAction: band.action,
    bandBasis: effective.basis,
    shownScore: effective.basis === 'score' && now.outsideAges ? null : now.score,
    firstFlaggedAt: firstFlagged(timeline, minBand),
    unanswered: status,
    unansweredStory: unansweredStory(status, timeline, asOf, (n) => bandByNumber(compiled, n).label),
    alerts: alertHistory(t.points, asOf),
    trajectory: t,
    bandTimeline: timeline,
    latestScreening: latest,
    screeningDue: screeningDue(latest, asOf),
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
  }
}
