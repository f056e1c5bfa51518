// The local protocol's numbers for risk, read from the environment (settings, not constants); see README.md.
export interface RiskSettings {
  /** THREADLINE_RISK_WORKING_DAYS, default 10: working days a response to a trigger may take before the child is unanswered. */
  workingDays: number
  /** THREADLINE_MASH_RED_HOURS / _AMBER_HOURS / _GREEN_HOURS, default 2 / 6 / 24: the MASH's decision time per rating. */
  mashHours: { red: number; amber: number; green: number }
  /** THREADLINE_RISK_FROM_AGE, 0 to 10: screen children from this age (lower than the instrument's own, never higher). */
  fromAge: number | null
}

export const DEFAULT_RISK_SETTINGS: RiskSettings = {
  workingDays: 10,
  mashHours: { red: 2, amber: 6, green: 24 },
  fromAge: null,
}

/** The youngest age an instrument may start from: no later, so that early signs are never screened out. */
export const LATEST_FROM_AGE = 10

export class RiskSettingError extends Error {}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number, integer: boolean): number {
  const raw = env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new RiskSettingError(`${name} "${raw}" is not a positive ${integer ? 'whole number' : 'number'}`)
  }
  return value
}

function fromAge(env: NodeJS.ProcessEnv): number | null {
  const raw = env.THREADLINE_RISK_FROM_AGE
  if (raw === undefined || raw.trim() === '') return null
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0 || value > LATEST_FROM_AGE)
    throw new RiskSettingError(
      `THREADLINE_RISK_FROM_AGE "${raw}" is not a whole number of years from 0 to ${LATEST_FROM_AGE}`,
    )
  return value
}

export function riskSettings(env: NodeJS.ProcessEnv = process.env): RiskSettings {
  const d = DEFAULT_RISK_SETTINGS
  return {
    workingDays: positive(env, 'THREADLINE_RISK_WORKING_DAYS', d.workingDays, true),
    mashHours: {
      red: positive(env, 'THREADLINE_MASH_RED_HOURS', d.mashHours.red, false),
      amber: positive(env, 'THREADLINE_MASH_AMBER_HOURS', d.mashHours.amber, false),
      green: positive(env, 'THREADLINE_MASH_GREEN_HOURS', d.mashHours.green, false),
    },
    fromAge: fromAge(env),
  }
}
