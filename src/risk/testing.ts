// Builders for the risk tests: an event in the normalised form, with only what a test cares about.
import type { EventKind, Indicator, Involvement } from '../records/types.ts'
import { assessChild } from './assess.ts'
import { deriveEvidence, type EvidenceEvent } from './evidence.ts'
import type { Instrument } from './instrument.ts'

let counter = 0

export function event(
  kind: EventKind,
  occurred: string,
  options: {
    agency?: string
    recorded?: string
    indicators?: Indicator[]
    involves?: Involvement[]
    restricted?: boolean
    id?: string
    until?: string
    /** The record's own words. */
    summary?: string
    details?: string
    /** Kind-specific fields (risk_grading, child_account ...). */
    extra?: Record<string, unknown>
  } = {},
): EvidenceEvent {
  const occurred_at = occurred.length === 10 ? `${occurred}T12:00:00Z` : occurred
  return {
    agency: options.agency ?? 'police',
    source_id: options.id ?? `E-${++counter}`,
    kind,
    occurred_at,
    recorded_at: options.recorded ?? occurred_at,
    indicators: options.indicators ?? [],
    involves: options.involves ?? [],
    restricted: options.restricted ?? false,
    ...(options.until ? { valid_until: options.until } : {}),
    ...(options.summary !== undefined ? { summary: options.summary } : {}),
    ...(options.details !== undefined ? { details: options.details } : {}),
    ...(options.extra !== undefined ? { extra: options.extra } : {}),
  }
}

/** A note carrying only the given indicators. */
export const seen = (indicators: Indicator[], occurred: string, options: Parameters<typeof event>[2] = {}) =>
  event('note', occurred, { ...options, indicators })

/** The evidence codes the events give under these reading settings, each once, sorted. */
export const evidenceCodes = (events: EvidenceEvent[], context: Parameters<typeof deriveEvidence>[1]) =>
  [...new Set(deriveEvidence(events, context).map((e) => e.code))].sort()

/** The child of the instrument tests: fifteen on the day of scoring, so no under-13 rule applies. */
export const FIFTEEN_YEAR_OLD = { dateOfBirth: '2009-02-14', asOf: new Date('2024-06-30T23:59:00+01:00') } as const

/** The band an instrument gives the fifteen-year-old with these events, on the day of scoring or `at`. */
export const bandAtFifteen = (instrument: Instrument, events: EvidenceEvent[], at: Date = FIFTEEN_YEAR_OLD.asOf) =>
  assessChild(instrument, { events, dateOfBirth: FIFTEEN_YEAR_OLD.dateOfBirth }, { asOf: at }).band
