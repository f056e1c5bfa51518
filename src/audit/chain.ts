// The audit trail's hash chain: each row's hash covers its own fields and the previous row's hash,
// so changing, removing or reordering a row breaks every hash after it. Pure, so it is testable alone.
import { createHash } from 'node:crypto'

export interface ChainedFields {
  id: number
  at: Date
  user_id: number | null
  actor: string
  agency_code: string | null
  action: string
  entity_id: number | null
  details: unknown
  reason: string | null
}

export const GENESIS = '0'.repeat(64)

export function rowHash(prevHash: string, row: ChainedFields): string {
  const body = canonical([
    prevHash,
    row.id,
    row.at.toISOString(),
    row.user_id,
    row.actor,
    row.agency_code,
    row.action,
    row.entity_id,
    row.details ?? {},
    row.reason,
  ])
  return createHash('sha256').update(body).digest('hex')
}

/** JSON with object keys sorted, so the text does not depend on how the database stored them. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
}
