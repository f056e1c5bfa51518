// The local protocol's numbers (settings, not constants): the hours after return by which the
// return interview is due, and how many episodes in how many days make a child repeatedly missing.
// Declared, with their defaults and bounds, in src/config/settings.ts.
import { readSettings } from '../config/settings.ts'

export interface MissingSettings {
  /** THREADLINE_INTERVIEW_HOURS, default 72 (elapsed hours). */
  dueHours: number
  /** THREADLINE_REPEAT_EPISODES, default 3. */
  repeatThreshold: number
  /** THREADLINE_REPEAT_DAYS, default 30 (London calendar days). */
  repeatDays: number
  /** THREADLINE_INTERVIEW_AGENCY: the agency that holds return interviews unless one is assigned; null: the area's children's social care. */
  interviewAgency: string | null
}

const KEYS = ['interviewHours', 'repeatEpisodes', 'repeatDays', 'interviewAgency'] as const

/** Throws ConfigError (src/config/settings.ts) naming each bad variable. */
export function missingSettings(env: NodeJS.ProcessEnv = process.env): MissingSettings {
  const s = readSettings(env, KEYS)
  return {
    dueHours: s.interviewHours,
    repeatThreshold: s.repeatEpisodes,
    repeatDays: s.repeatDays,
    interviewAgency: s.interviewAgency ?? null,
  }
}

export const DEFAULT_MISSING_SETTINGS: MissingSettings = missingSettings({})
