// Builders for the risk tests: an event in the normalised form, with only what a test cares about.
import type { EventKind, Indicator, Involvement } from '../records/types.ts'
import type { EvidenceEvent } from './evidence.ts'

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
