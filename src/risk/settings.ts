// The local protocol's numbers for risk, read from the environment (settings, not constants); see README.md.
export interface RiskSettings {
  /** THREADLINE_RISK_WORKING_DAYS, default 10: working days a response to a trigger may take before the child is unanswered. */
  workingDays: number
  /** THREADLINE_MASH_RED_HOURS / _AMBER_HOURS / _GREEN_HOURS, default 2 / 6 / 24: the MASH's decision time per rating. */
  mashHours: { red: number; amber: number; green: number }
}

export const DEFAULT_RISK_SETTINGS: RiskSettings = { workingDays: 10, mashHours: { red: 2, amber: 6, green: 24 } }

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

export function riskSettings(env: NodeJS.ProcessEnv = process.env): RiskSettings {
  const d = DEFAULT_RISK_SETTINGS
  return {
    workingDays: positive(env, 'THREADLINE_RISK_WORKING_DAYS', d.workingDays, true),
    mashHours: {
      red: positive(env, 'THREADLINE_MASH_RED_HOURS', d.mashHours.red, false),
      amber: positive(env, 'THREADLINE_MASH_AMBER_HOURS', d.mashHours.amber, false),
      green: positive(env, 'THREADLINE_MASH_GREEN_HOURS', d.mashHours.green, false),
    },
  }
}
