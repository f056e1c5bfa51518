// "As of T" uses only what had been recorded by T (recorded_at), never when things happened.
import { millis } from './nodes.ts'
import type { Instant } from './types.ts'

export function recordedBy<T extends { recordedAt: Instant }>(items: readonly T[], asOf: Instant | undefined): T[] {
  if (asOf === undefined) return items.slice()
  const limit = millis(asOf)
  return items.filter((item) => millis(item.recordedAt) <= limit)
}
