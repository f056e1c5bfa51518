// Configuration, read once from the environment: the server and every command read the same.
import { resolve } from 'node:path'

export interface Config {
  /** A PostgreSQL server; when absent, the embedded database (PGlite) in `dataDir`. */
  databaseUrl?: string
  /** A PostgreSQL schema to keep Threadline's tables in (THREADLINE_DB_SCHEMA), else the default. */
  databaseSchema?: string
  dataDir: string
  port: number
  /** Load the demo area into an empty embedded database on start. */
  demo: boolean
  /** Cookies marked Secure (on unless THREADLINE_INSECURE_COOKIES=1 for plain-http local use). */
  secureCookies: boolean
  sessionHours: number
  /** How long an access opened with a reason lasts. */
  accessGrantHours: number
  /** Failed sign-ins before an account is locked, and for how long. */
  lockoutAttempts: number
  lockoutMinutes: number
  /** Largest request body the records API takes. */
  bodyLimitBytes: number
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    databaseSchema: env.THREADLINE_DB_SCHEMA || undefined,
    dataDir: resolve(env.THREADLINE_DATA || './threadline-data'),
    port: Number(env.PORT || 3000),
    demo: env.THREADLINE_DEMO !== '0',
    secureCookies: env.THREADLINE_INSECURE_COOKIES !== '1' && env.NODE_ENV === 'production',
    sessionHours: Number(env.THREADLINE_SESSION_HOURS || 8),
    accessGrantHours: Number(env.THREADLINE_ACCESS_HOURS || 4),
    lockoutAttempts: Number(env.THREADLINE_LOCKOUT_ATTEMPTS || 5),
    lockoutMinutes: Number(env.THREADLINE_LOCKOUT_MINUTES || 15),
    bodyLimitBytes: Number(env.THREADLINE_BODY_LIMIT || 20 * 1024 * 1024),
  }
}
