// The local protocol's numbers, read from the environment (a setting, not a constant): the hours
// after return by which the return interview is due, and how many episodes in how many days make
// a child repeatedly missing.
export interface MissingSettings {
  /** THREADLINE_INTERVIEW_HOURS, default 72 (elapsed hours). */
  dueHours: number
  /** THREADLINE_REPEAT_EPISODES, default 3. */
  repeatThreshold: number
  /** THREADLINE_REPEAT_DAYS, default 30 (London calendar days). */
  repeatDays: number
}

export const DEFAULT_MISSING_SETTINGS: MissingSettings = { dueHours: 72, repeatThreshold: 3, repeatDays: 30 }

export class SettingError extends Error {}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number, integer: boolean): number {
  const raw = env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new SettingError(`${name} "${raw}" is not a positive ${integer ? 'whole number' : 'number'}`)
  }
  return value
}

export function missingSettings(env: NodeJS.ProcessEnv = process.env): MissingSettings {
  return {
    dueHours: positive(env, 'THREADLINE_INTERVIEW_HOURS', DEFAULT_MISSING_SETTINGS.dueHours, false),
    repeatThreshold: positive(env, 'THREADLINE_REPEAT_EPISODES', DEFAULT_MISSING_SETTINGS.repeatThreshold, true),
    repeatDays: positive(env, 'THREADLINE_REPEAT_DAYS', DEFAULT_MISSING_SETTINGS.repeatDays, true),
  }
}
