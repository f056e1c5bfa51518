// The local protocol's numbers for risk (settings, not constants): declared, with their defaults and
// bounds, in src/config/settings.ts; this gives them the shape the risk rules take.
import { readSettings, SETTINGS } from '../config/settings.ts'

export interface RiskSettings {
  /** THREADLINE_RISK_WORKING_DAYS, default 10: working days a response to a trigger may take before the child is unanswered. */
  workingDays: number
  /** THREADLINE_MASH_RED_HOURS / _AMBER_HOURS / _GREEN_HOURS, default 2 / 6 / 24: the MASH's decision time per rating. */
  mashHours: { red: number; amber: number; green: number }
  /** THREADLINE_RISK_FROM_AGE, 0 to 10: screen children from this age (lower than the instrument's own, never higher). */
  fromAge: number | null
}

const KEYS = ['riskWorkingDays', 'mashRedHours', 'mashAmberHours', 'mashGreenHours', 'riskFromAge'] as const

export const DEFAULT_RISK_SETTINGS: RiskSettings = riskSettings({})

/** The youngest age an instrument may start from: no later, so that early signs are never screened out. */
export const LATEST_FROM_AGE = SETTINGS.riskFromAge.max

/** Throws ConfigError (src/config/settings.ts) naming each bad variable. */
export function riskSettings(env: NodeJS.ProcessEnv = process.env): RiskSettings {
  const s = readSettings(env, KEYS)
  return {
    workingDays: s.riskWorkingDays,
    mashHours: { red: s.mashRedHours, amber: s.mashAmberHours, green: s.mashGreenHours },
    fromAge: s.riskFromAge ?? null,
  }
}
