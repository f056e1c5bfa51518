// Configuration, read once from the environment: the server and every command read the same.
// Each variable is declared, with its kind, default and bounds, in settings.ts.
import { resolve } from 'node:path'
import { readSettings, type SettingKey } from './settings.ts'
import { ssoSettings, type SsoSettings } from './sso-settings.ts'

export interface Config {
  /** A PostgreSQL server; when absent, the embedded database (PGlite) in `dataDir`. */
  databaseUrl?: string
  /** The schema owner's connection, for migrations (THREADLINE_MIGRATE_URL); else DATABASE_URL's (decision 0010). */
  migrateUrl?: string
  /** On a server, the role the app connects as: it may add to the audit trail, never change it. */
  appRole: string
  /** A PostgreSQL schema to keep Threadline's tables in (THREADLINE_DB_SCHEMA), else the default. */
  databaseSchema?: string
  dataDir: string
  port: number
  /** Load the demo area into an empty embedded database on start. */
  demo: boolean
  /** Cookies marked Secure (on unless THREADLINE_INSECURE_COOKIES=1 for plain-http local use). */
  secureCookies: boolean
  sessionHours: number
  /** A session ends after this many minutes without a request (never more than the session's length). */
  sessionIdleMinutes: number
  /** How long an access opened with a reason lasts. */
  accessGrantHours: number
  /** Failed sign-ins before an account is locked, and for how long. */
  lockoutAttempts: number
  lockoutMinutes: number
  /** Failed sign-ins from one source address in an hour before that address is locked. */
  addressLockoutAttempts: number
  /** Sign-in requests one source address may make in a minute (the rate limit, per app process). */
  signInRatePerMinute: number
  /** Which proxies' X-Forwarded-For to believe for the source address: Fastify's trustProxy. */
  trustProxy: boolean | string
  /** Roles that must use two-step sign-in (an administrator can require it of anyone else too). */
  mfaRoles: string[]
  /** Demo users (the fictional demo area's) need no two-step sign-in, so that the demo stays usable. */
  mfaExemptDemo: boolean
  /** How long a new API token lasts, in days. */
  tokenDays: number
  /** Largest request body the records API takes. */
  bodyLimitBytes: number
  /** Retention periods by kind of agency, over the defaults (THREADLINE_RETENTION; privacy/retention.ts). */
  retention: string
  /** Single sign-on by OpenID Connect (access/sso.ts), or null when THREADLINE_OIDC_ISSUER is not set. */
  sso: SsoSettings | null
}

const CONFIG_KEYS = [
  'databaseUrl',
  'migrateUrl',
  'appRole',
  'databaseSchema',
  'dataDir',
  'port',
  'demo',
  'nodeEnv',
  'insecureCookies',
  'sessionHours',
  'sessionIdleMinutes',
  'accessHours',
  'lockoutAttempts',
  'lockoutMinutes',
  'addressLockoutAttempts',
  'signInRate',
  'trustProxy',
  'mfaRoles',
  'mfaExemptDemo',
  'tokenDays',
  'bodyLimit',
  'retention',
] as const satisfies readonly SettingKey[]

/** The server's and the commands' settings (declared, with their bounds, in settings.ts); a bad value throws ConfigError. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const s = readSettings(env, CONFIG_KEYS)
  return {
    databaseUrl: s.databaseUrl,
    databaseSchema: s.databaseSchema,
    migrateUrl: s.migrateUrl,
    appRole: s.appRole,
    dataDir: resolve(s.dataDir),
    port: s.port,
    demo: s.demo,
    secureCookies: !s.insecureCookies && s.nodeEnv === 'production',
    sessionHours: s.sessionHours,
    sessionIdleMinutes: Math.min(s.sessionIdleMinutes, s.sessionHours * 60),
    accessGrantHours: s.accessHours,
    lockoutAttempts: s.lockoutAttempts,
    lockoutMinutes: s.lockoutMinutes,
    addressLockoutAttempts: s.addressLockoutAttempts,
    signInRatePerMinute: s.signInRate,
    trustProxy: trustProxy(s.trustProxy),
    mfaRoles: s.mfaRoles,
    mfaExemptDemo: s.mfaExemptDemo,
    tokenDays: s.tokenDays,
    bodyLimitBytes: s.bodyLimit,
    retention: s.retention ?? '',
    sso: ssoSettings(env),
  }
}

/**
 * Believe X-Forwarded-For only from proxies named here: `true` (any: only when the app is reachable
 * through the proxy alone), or addresses and ranges separated by commas (`loopback`, `10.0.0.0/8`). The
 * default, a proxy on this machine, stops anyone else choosing the source address the per-address
 * lock and the rate limit count by.
 */
function trustProxy(value: string): boolean | string {
  if (value === 'true') return true
  if (value === 'false') return false
  return value
}
