// Configuration, read once from the environment: the server and every command read the same.
import { resolve } from 'node:path'
import { ssoSettings, type SsoSettings } from '../access/sso.ts'

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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    databaseSchema: env.THREADLINE_DB_SCHEMA || undefined,
    migrateUrl: env.THREADLINE_MIGRATE_URL || undefined,
    appRole: env.THREADLINE_APP_ROLE || 'threadline_app',
    dataDir: resolve(env.THREADLINE_DATA || './threadline-data'),
    port: Number(env.PORT || 3000),
    demo: env.THREADLINE_DEMO !== '0',
    secureCookies: env.THREADLINE_INSECURE_COOKIES !== '1' && env.NODE_ENV === 'production',
    sessionHours: Number(env.THREADLINE_SESSION_HOURS || 8),
    accessGrantHours: Number(env.THREADLINE_ACCESS_HOURS || 4),
    lockoutAttempts: Number(env.THREADLINE_LOCKOUT_ATTEMPTS || 5),
    lockoutMinutes: Number(env.THREADLINE_LOCKOUT_MINUTES || 15),
    addressLockoutAttempts: Number(env.THREADLINE_ADDRESS_LOCKOUT_ATTEMPTS || 50),
    signInRatePerMinute: Number(env.THREADLINE_SIGN_IN_RATE || 30),
    trustProxy: trustProxy(env.THREADLINE_TRUST_PROXY),
    mfaRoles: (env.THREADLINE_MFA_ROLES ?? 'manager,mash,admin')
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean),
    mfaExemptDemo: env.THREADLINE_MFA_EXEMPT_DEMO !== '0',
    tokenDays: Number(env.THREADLINE_TOKEN_DAYS || 90),
    bodyLimitBytes: Number(env.THREADLINE_BODY_LIMIT || 20 * 1024 * 1024),
    retention: env.THREADLINE_RETENTION || '',
    sso: ssoSettings(env),
  }
}

/**
 * Believe X-Forwarded-For only from proxies named here: `true` (any: only when the app is reachable
 * through the proxy alone), or addresses and ranges separated by commas (`loopback`, `10.0.0.0/8`). The
 * default, a proxy on this machine, stops anyone else choosing the source address the per-address
 * lock and the rate limit count by.
 */
function trustProxy(value: string | undefined): boolean | string {
  const v = (value ?? '').trim()
  if (!v) return 'loopback'
  if (v === 'true') return true
  if (v === 'false') return false
  return v
}
