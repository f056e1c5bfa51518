// Alerts as the difference between two successive risk states of a child. The same function serves the
// live path (state before and after an event arrives) and "as of" reviews (a trajectory's points in turn).
import type { RiskState } from './trajectory.ts'

export type AlertKind = 'band_rose' | 'multi_agency' | 'age_rule'

export interface RiskAlert {
  kind: AlertKind
  at: Date
  band: number
  fromBand?: number
  message: string
}

type State = Pick<RiskState, 'at' | 'band' | 'ageRuleFired' | 'multiAgency'>

/** The alerts raised by moving from `prev` (null: nothing known before) to `next`. */
export function alertsBetween(prev: State | null, next: State): RiskAlert[] {
  const out: RiskAlert[] = []
  const fromBand = prev?.band ?? 1
  if (next.band > fromBand) {
    out.push({
      kind: 'band_rose',
      at: next.at,
      band: next.band,
      fromBand,
      message: `band rose from ${fromBand} to ${next.band}`,
    })
  }
  if (next.multiAgency && !prev?.multiAgency) {
    out.push({
      kind: 'multi_agency',
      at: next.at,
      band: next.band,
      message: 'indicators from 2 or more agencies within 90 days',
    })
  }
  if (next.ageRuleFired && !prev?.ageRuleFired) {
    out.push({
      kind: 'age_rule',
      at: next.at,
      band: next.band,
      message: `age rule raised the band to at least ${next.band}`,
    })
  }
  return out
}

/**
 * Every alert along a trajectory up to `asOf` (all of it when absent), oldest first. Pass a trajectory
 * computed from the beginning (no `from`): its first point is compared with nothing known before.
 */
export function alertHistory(points: readonly State[], asOf?: Date | number): RiskAlert[] {
  const limit = asOf == null ? Infinity : +asOf
  const out: RiskAlert[] = []
  let prev: State | null = null
  for (const p of points) {
    if (+p.at > limit) break
    out.push(...alertsBetween(prev, p))
    prev = p
  }
  return out
}
