// Every environment variable Threadline reads, declared once: its kind, default, bounds, whether
// production requires it, the capability that uses it and what it means. One parser reads them all;
// a bad value is a ConfigError that lists every bad variable at once with what was expected, and the
// command line stops with it before any command runs (src/cli/main.ts). The README's settings table
// is written from this table (`npm run settings:docs`) and a test fails when the two differ.
// Nothing else reads process.env, except the test helpers (src/testing) and bin/threadline.js
// (THREADLINE_BUNDLE, read before any TypeScript loads); both are declared here all the same.
import { isIP } from 'node:net'
import { DateTime } from 'luxon'
import { ROLES } from '../vocabulary/roles.ts'
import { ZONE } from '../calendar/days.ts'
import { AGENCY_KINDS, isAgencyKind } from '../vocabulary/agency-kinds.ts'
import { ALLOCATION_ROLES } from '../vocabulary/allocation-roles.ts'

/** Who uses a setting; the README groups the table by it, in this order. */
export const CAPABILITIES = [
  'server',
  'database',
  'sign-in',
  'single sign-on',
  'access',
  'API',
  'retention',
  'missing',
  'risk',
  'working together',
  'linkage',
  'clock',
  'command line',
  'tests',
] as const
export type Capability = (typeof CAPABILITIES)[number]

interface Common<D> {
  /** The environment variable: a contract, never renamed. */
  name: string
  capability: Capability
  /** One line for the README. */
  description: string
  /** Production (NODE_ENV=production) refuses to start without it. */
  requiredInProduction?: boolean
  default?: D
  /** The default as the README says it, when not the value itself (computed, or depends on the command). */
  defaultText?: string
  /** What a number counts ("hours"), for the messages and the README. */
  unit?: string
  /** May hold a password: a message never repeats the value. */
  secret?: boolean
  /** Needed when this other variable is set (a client secret with its issuer). */
  requiredWith?: string
}

export interface IntegerSetting extends Common<number> {
  kind: 'integer'
  min: number
  max: number
}
export interface NumberSetting extends Common<number> {
  kind: 'number'
  min: number
  max: number
  /** The bound itself is not allowed (a threshold strictly between 0 and 1). */
  minExclusive?: boolean
  maxExclusive?: boolean
}
export interface BooleanSetting extends Common<boolean> {
  kind: 'boolean'
}
export interface TextSetting extends Common<string> {
  kind: 'text'
  /** A check of the whole value, and what it expects, in words, for the message. */
  valid?: (value: string) => boolean
  expected?: string
}
export interface ListSetting extends Common<readonly string[]> {
  kind: 'list'
  /** The vocabulary every item must come from. */
  values: readonly string[]
  /** Set but empty means an empty list (rather than the default). */
  emptyMeansNone?: boolean
}
export interface IntegerListSetting extends Common<readonly number[]> {
  kind: 'integers'
  length: number
  min: number
  max: number
  example: string
}
export interface EnumSetting extends Common<string> {
  kind: 'enum'
  values: readonly string[]
}
export interface UrlSetting extends Common<string> {
  kind: 'url'
  protocols: readonly string[]
  /** A further check of the parsed address, and what it expects, in words. */
  valid?: (url: URL) => boolean
  expected?: string
}
/** `KEY=VALUE` pairs separated by commas; keys and values from vocabularies when declared. */
export interface MapSetting extends Common<ReadonlyMap<string, string>> {
  kind: 'map'
  keys?: readonly string[]
  values?: readonly string[]
  /** What a pair looks like, for the messages and the README (e.g. `GMP=police`). */
  example: string
}
/** An instant: ISO 8601, in London time unless it carries an offset. */
export interface TimeSetting extends Common<Date> {
  kind: 'time'
}

export type SettingSpec =
  | IntegerSetting
  | NumberSetting
  | BooleanSetting
  | TextSetting
  | ListSetting
  | IntegerListSetting
  | EnumSetting
  | UrlSetting
  | MapSetting
  | TimeSetting
export type Kind = SettingSpec['kind']

/** https, or http to this machine only (a provider or an address being tried out locally). */
function httpsOrThisMachine(url: URL): boolean {
  return url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
}

const PROXY_WORDS = ['loopback', 'linklocal', 'uniquelocal']

/** `true`, `false`, or addresses, ranges and proxy-addr's names separated by commas. */
function validProxies(value: string): boolean {
  if (value === 'true' || value === 'false') return true
  return value.split(',').every((item) => {
    const [address, prefix, ...rest] = item.trim().split('/')
    if (rest.length) return false
    if (prefix === undefined && PROXY_WORDS.includes(address)) return true
    const family = isIP(address)
    if (!family) return false
    return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128))
  })
}

export const SETTINGS = {
  // server
  port: {
    name: 'PORT',
    kind: 'integer',
    min: 0,
    max: 65535,
    default: 3000,
    capability: 'server',
    description: 'port `serve` listens on (`--port` overrides)',
  },
  host: {
    name: 'HOST',
    kind: 'text',
    default: 'localhost',
    capability: 'server',
    description: 'address `serve` listens on (`0.0.0.0` to serve other machines; `--host` overrides)',
  },
  nodeEnv: {
    name: 'NODE_ENV',
    kind: 'enum',
    values: ['production', 'development', 'test'],
    capability: 'server',
    description:
      '`production`: cookies marked Secure (serve behind HTTPS) and the settings marked required must be set; `development`: templates re-read on each request',
  },
  insecureCookies: {
    name: 'THREADLINE_INSECURE_COOKIES',
    kind: 'boolean',
    default: false,
    capability: 'server',
    description: '`1`: cookies not marked Secure even in production (plain-http local use only)',
  },
  logLevel: {
    name: 'LOG_LEVEL',
    kind: 'enum',
    values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    default: 'warn',
    capability: 'server',
    description: "the server's request log level (the audit chain's hourly anchors are logged whatever it is)",
  },
  // database
  databaseUrl: {
    name: 'DATABASE_URL',
    kind: 'url',
    protocols: ['postgres:', 'postgresql:'],
    requiredInProduction: true,
    secret: true,
    defaultText: '(none: embedded)',
    capability: 'database',
    description: 'a PostgreSQL server; when unset, the embedded database (PGlite) in `THREADLINE_DATA`',
  },
  migrateUrl: {
    name: 'THREADLINE_MIGRATE_URL',
    kind: 'url',
    protocols: ['postgres:', 'postgresql:'],
    secret: true,
    defaultText: '(none: `DATABASE_URL`)',
    capability: 'database',
    description: "the schema owner's connection, for migrations (decision 0010)",
  },
  appRole: {
    name: 'THREADLINE_APP_ROLE',
    kind: 'text',
    valid: (v: string) => /^[a-z_][a-z0-9_]{0,62}$/.test(v),
    expected: 'a role name (lower-case letters, digits and _, at most 63)',
    default: 'threadline_app',
    capability: 'database',
    description: 'the role the app connects as on a server; `migrate` creates it and sets its rights',
  },
  databaseSchema: {
    name: 'THREADLINE_DB_SCHEMA',
    kind: 'text',
    valid: (v: string) => /^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(v),
    expected: 'a schema name (letters, digits and _, not starting with a digit, at most 63)',
    defaultText: '(default schema)',
    capability: 'database',
    description: "PostgreSQL schema for Threadline's tables",
  },
  dataDir: {
    name: 'THREADLINE_DATA',
    kind: 'text',
    default: './threadline-data',
    capability: 'database',
    description: 'embedded data folder',
  },
  pgliteSharedBuffers: {
    name: 'THREADLINE_PGLITE_SHARED_BUFFERS',
    kind: 'text',
    valid: (v: string) => /^\d+(kB|MB|GB)$/.test(v),
    expected: 'a size such as 16MB or 1GB',
    defaultText: '`16MB`; `128MB` for `import` and `demo`',
    capability: 'database',
    description: "the embedded database's shared buffers (docs/decisions/0001)",
  },
  demo: {
    name: 'THREADLINE_DEMO',
    kind: 'boolean',
    default: true,
    capability: 'database',
    description: '`0`: never load the demo area into an empty embedded database',
  },
  // sign-in
  sessionHours: {
    name: 'THREADLINE_SESSION_HOURS',
    kind: 'number',
    unit: 'hours',
    min: 0,
    minExclusive: true,
    max: 24,
    default: 8,
    capability: 'sign-in',
    description: 'session length',
  },
  sessionIdleMinutes: {
    name: 'THREADLINE_SESSION_IDLE_MINUTES',
    kind: 'integer',
    unit: 'minutes',
    min: 5,
    max: 1440,
    default: 30,
    capability: 'sign-in',
    description:
      'a session ends after this long without a signed-in request (at most the session length, `THREADLINE_SESSION_HOURS`); pages warn 2 minutes before',
  },
  lockoutAttempts: {
    name: 'THREADLINE_LOCKOUT_ATTEMPTS',
    kind: 'integer',
    min: 1,
    max: 100,
    default: 5,
    capability: 'sign-in',
    description: "an account's failed sign-ins before it is locked",
  },
  lockoutMinutes: {
    name: 'THREADLINE_LOCKOUT_MINUTES',
    kind: 'integer',
    unit: 'minutes',
    min: 1,
    max: 1440,
    default: 15,
    capability: 'sign-in',
    description: "the first lock's length (each further lock in a row doubles, up to a day)",
  },
  addressLockoutAttempts: {
    name: 'THREADLINE_ADDRESS_LOCKOUT_ATTEMPTS',
    kind: 'integer',
    min: 1,
    max: 100000,
    default: 50,
    capability: 'sign-in',
    description: 'failed sign-ins from one source address in an hour before that address is locked',
  },
  signInRate: {
    name: 'THREADLINE_SIGN_IN_RATE',
    kind: 'integer',
    min: 1,
    max: 100000,
    default: 30,
    capability: 'sign-in',
    description: 'sign-in requests a minute from one source address (rate limit, per process; 429 past it)',
  },
  trustProxy: {
    name: 'THREADLINE_TRUST_PROXY',
    kind: 'text',
    valid: validProxies,
    expected: `true, false, or addresses and ranges separated by commas (${PROXY_WORDS.join(', ')}, 10.0.0.0/8, ::1)`,
    default: 'loopback',
    capability: 'sign-in',
    description: 'proxies whose `X-Forwarded-For` is believed: `true`, `false`, or addresses and ranges',
  },
  mfaRoles: {
    name: 'THREADLINE_MFA_ROLES',
    kind: 'list',
    values: ROLES,
    emptyMeansNone: true,
    default: ['manager', 'mash', 'admin'],
    capability: 'sign-in',
    description: 'roles that must use two-step sign-in (set but empty: none)',
  },
  mfaExemptDemo: {
    name: 'THREADLINE_MFA_EXEMPT_DEMO',
    kind: 'boolean',
    default: true,
    capability: 'sign-in',
    description: '`0`: the fictional demo users need two-step sign-in too',
  },
  // single sign-on
  oidcIssuer: {
    name: 'THREADLINE_OIDC_ISSUER',
    kind: 'url',
    protocols: ['https:', 'http:'],
    valid: httpsOrThisMachine,
    expected: 'an https:// address (http:// only on this machine), e.g. https://login.example.gov.uk',
    defaultText: '(none: off)',
    capability: 'single sign-on',
    description: 'the identity provider for single sign-on by OpenID Connect (decision 0013)',
  },
  oidcClientId: {
    name: 'THREADLINE_OIDC_CLIENT_ID',
    kind: 'text',
    requiredWith: 'THREADLINE_OIDC_ISSUER',
    capability: 'single sign-on',
    description: "Threadline's client id at the provider",
  },
  oidcClientSecret: {
    name: 'THREADLINE_OIDC_CLIENT_SECRET',
    kind: 'text',
    secret: true,
    requiredWith: 'THREADLINE_OIDC_ISSUER',
    capability: 'single sign-on',
    description: "Threadline's client secret at the provider",
  },
  publicUrl: {
    name: 'THREADLINE_PUBLIC_URL',
    kind: 'url',
    protocols: ['https:', 'http:'],
    valid: httpsOrThisMachine,
    expected: 'an https:// address (http:// only on this machine), e.g. https://threadline.example.gov.uk',
    requiredWith: 'THREADLINE_OIDC_ISSUER',
    capability: 'single sign-on',
    description: "Threadline's address as browsers reach it (the provider returns to `/sign-in/sso/callback` there)",
  },
  oidcName: {
    name: 'THREADLINE_OIDC_NAME',
    kind: 'text',
    default: 'your organisation’s account',
    capability: 'single sign-on',
    description: 'what the sign-in button calls the account',
  },
  oidcScopes: {
    name: 'THREADLINE_OIDC_SCOPES',
    kind: 'text',
    default: 'openid email profile',
    capability: 'single sign-on',
    description: 'scopes asked for',
  },
  oidcAgencyClaim: {
    name: 'THREADLINE_OIDC_AGENCY_CLAIM',
    kind: 'text',
    default: 'threadline_agency',
    capability: 'single sign-on',
    description:
      "the claim holding a person's agency (an agency code, or a value mapped by `THREADLINE_OIDC_AGENCY_MAP`)",
  },
  oidcRolesClaim: {
    name: 'THREADLINE_OIDC_ROLES_CLAIM',
    kind: 'text',
    default: 'threadline_roles',
    capability: 'single sign-on',
    description: "the claim holding a person's roles (a list or space-separated)",
  },
  oidcAgencyMap: {
    name: 'THREADLINE_OIDC_AGENCY_MAP',
    kind: 'map',
    example: 'GMP=police,RBC=csc',
    capability: 'single sign-on',
    description: "the provider's names for agencies → agency codes",
  },
  oidcRoleMap: {
    name: 'THREADLINE_OIDC_ROLE_MAP',
    kind: 'map',
    values: ROLES,
    example: 'Officer=practitioner',
    capability: 'single sign-on',
    description: "the provider's names for roles → Threadline's roles",
  },
  // access
  accessHours: {
    name: 'THREADLINE_ACCESS_HOURS',
    kind: 'number',
    unit: 'hours',
    min: 0,
    minExclusive: true,
    max: 168,
    default: 4,
    capability: 'access',
    description: 'how long a record opened with a reason stays open',
  },
  // API
  tokenDays: {
    name: 'THREADLINE_TOKEN_DAYS',
    kind: 'integer',
    unit: 'days',
    min: 1,
    max: 3660,
    default: 90,
    capability: 'API',
    description: 'how long a new API token lasts (unless made for fewer or more days)',
  },
  bodyLimit: {
    name: 'THREADLINE_BODY_LIMIT',
    kind: 'integer',
    unit: 'bytes',
    min: 1024,
    max: 1024 * 1024 * 1024,
    default: 20 * 1024 * 1024,
    capability: 'API',
    description: 'largest API request body',
  },
  // subject access and retention
  retention: {
    name: 'THREADLINE_RETENTION',
    kind: 'text',
    valid: (v: string) =>
      v.split(',').every((item) => {
        const m = /^([a-z_]+)=(birthday|after):\d{1,3}$/.exec(item.trim())
        return !item.trim() || (m !== null && isAgencyKind(m[1]))
      }),
    expected: `KIND=birthday:YEARS or KIND=after:YEARS separated by commas, e.g. police=after:10 (KIND one of ${AGENCY_KINDS.join(', ')})`,
    defaultText: '(the defaults in `src/privacy/retention.ts`)',
    capability: 'retention',
    description: 'retention periods by kind of agency, over the defaults',
  },
  // missing
  interviewHours: {
    name: 'THREADLINE_INTERVIEW_HOURS',
    kind: 'number',
    unit: 'hours',
    min: 0,
    minExclusive: true,
    max: 720,
    default: 72,
    capability: 'missing',
    description: 'elapsed hours after a return by which the return interview is due',
  },
  interviewAgency: {
    name: 'THREADLINE_INTERVIEW_AGENCY',
    kind: 'text',
    valid: (v: string) => /^[a-z0-9][a-z0-9_-]*$/.test(v),
    expected: 'an agency code as `threadline agencies` lists it (lower-case letters, digits, - or _)',
    defaultText: "the area's children's social care (the local authority's duty)",
    capability: 'missing',
    description:
      'the agency that holds return interviews unless one is assigned to a worker (set it to the provider an area commissions)',
  },
  repeatEpisodes: {
    name: 'THREADLINE_REPEAT_EPISODES',
    kind: 'integer',
    min: 1,
    max: 100,
    default: 3,
    capability: 'missing',
    description: 'episodes within `THREADLINE_REPEAT_DAYS` that make a child repeatedly missing',
  },
  repeatDays: {
    name: 'THREADLINE_REPEAT_DAYS',
    kind: 'integer',
    unit: 'days',
    min: 1,
    max: 366,
    default: 30,
    capability: 'missing',
    description: 'the repeat-missing window (London calendar days)',
  },
  // risk
  riskWorkingDays: {
    name: 'THREADLINE_RISK_WORKING_DAYS',
    kind: 'integer',
    unit: 'working days',
    min: 1,
    max: 60,
    default: 10,
    capability: 'risk',
    description: 'working days a response to a rising risk may take before the child is unanswered',
  },
  mashRedHours: {
    name: 'THREADLINE_MASH_RED_HOURS',
    kind: 'number',
    unit: 'hours',
    min: 0,
    minExclusive: true,
    max: 720,
    default: 2,
    capability: 'risk',
    description: "the MASH's decision time for a red rating",
  },
  mashAmberHours: {
    name: 'THREADLINE_MASH_AMBER_HOURS',
    kind: 'number',
    unit: 'hours',
    min: 0,
    minExclusive: true,
    max: 720,
    default: 6,
    capability: 'risk',
    description: "the MASH's decision time for an amber rating",
  },
  mashGreenHours: {
    name: 'THREADLINE_MASH_GREEN_HOURS',
    kind: 'number',
    unit: 'hours',
    min: 0,
    minExclusive: true,
    max: 720,
    default: 24,
    capability: 'risk',
    description: "the MASH's decision time for a green rating",
  },
  riskFromAge: {
    name: 'THREADLINE_RISK_FROM_AGE',
    kind: 'integer',
    unit: 'years',
    min: 0,
    max: 10,
    defaultText: "(the instrument's own)",
    capability: 'risk',
    description: 'screen children from this age, never later than 10 (see [`src/risk/README.md`](src/risk/README.md))',
  },
  // working together
  escalationDays: {
    name: 'THREADLINE_ESCALATION_DAYS',
    kind: 'integers',
    unit: 'working days',
    length: 3,
    min: 1,
    max: 60,
    example: '2,5,2',
    default: [2, 5, 2],
    capability: 'working together',
    description:
      "working days of each escalation stage before the next: practitioners, line managers, senior officers (the partnership's independent chair has no deadline)",
  },
  cseTrainingRoles: {
    name: 'THREADLINE_CSE_TRAINING_ROLES',
    kind: 'list',
    values: ALLOCATION_ROLES,
    emptyMeansNone: true,
    default: ['interviewer', 'investigating_officer'],
    capability: 'working together',
    description:
      'allocation roles that need a current CSE training when the child has a sexual-exploitation concern; an imported allocation that breaks it is a lapse, never refused (set but empty: no such rule; decision 0037)',
  },
  supervisionWeeks: {
    name: 'THREADLINE_SUPERVISION_WEEKS',
    kind: 'integer',
    unit: 'weeks',
    min: 1,
    max: 13,
    default: 4,
    capability: 'working together',
    description:
      "weeks between a worker's supervisions on a child's case (a newly qualified worker's ASYE has its own, shorter intervals)",
  },
  // linkage
  linkAuto: {
    name: 'THREADLINE_LINK_AUTO',
    kind: 'number',
    min: 0,
    minExclusive: true,
    max: 1,
    maxExclusive: true,
    default: 0.95,
    capability: 'linkage',
    description: 'match probability from which records are linked without review (until thresholds are stored)',
  },
  linkReview: {
    name: 'THREADLINE_LINK_REVIEW',
    kind: 'number',
    min: 0,
    minExclusive: true,
    max: 1,
    maxExclusive: true,
    default: 0.8,
    capability: 'linkage',
    description:
      'match probability from which a pair goes to review, below `THREADLINE_LINK_AUTO` (until thresholds are stored)',
  },
  linkage: {
    name: 'THREADLINE_LINKAGE',
    kind: 'enum',
    values: ['model', 'exact'],
    default: 'model',
    capability: 'linkage',
    description: '`exact`: link by the exact rules only (to relink later with `threadline linkage relink`)',
  },
  // clock
  now: {
    name: 'THREADLINE_NOW',
    kind: 'time',
    defaultText: 'the clock',
    capability: 'clock',
    description: '"now" for every command and the server (read at each use, to replay the past)',
  },
  // command line
  debug: {
    name: 'THREADLINE_DEBUG',
    kind: 'boolean',
    default: false,
    capability: 'command line',
    description: "`1`: an unexpected error's stack trace too",
  },
  user: {
    name: 'USER',
    kind: 'text',
    default: 'unknown',
    capability: 'command line',
    description: 'who ran a command, in the audit trail (`cli:USER`)',
  },
  bundle: {
    name: 'THREADLINE_BUNDLE',
    kind: 'boolean',
    default: true,
    capability: 'command line',
    description: '`0`: run the TypeScript sources through tsx instead of the bundle (read by `bin/threadline.js`)',
  },
  // tests (read by src/testing, which keeps its own reads)
  sharedDir: {
    name: 'THREADLINE_SHARED_DIR',
    kind: 'text',
    defaultText: '`../shared` beside the repository',
    capability: 'tests',
    description: 'third-party benchmark data (FEBRL) the tests read',
  },
  testPg: {
    name: 'THREADLINE_TEST_PG',
    kind: 'text',
    defaultText: '`postgres://postgres@127.0.0.1:5432/test`',
    capability: 'tests',
    description: 'the PostgreSQL server database suites also run on; `none`: PGlite only',
  },
  chromium: {
    name: 'THREADLINE_CHROMIUM',
    kind: 'text',
    default: '/usr/bin/chromium',
    capability: 'tests',
    description: 'the browser the journey tests drive',
  },
  ci: {
    name: 'CI',
    kind: 'text',
    capability: 'tests',
    description: 'set: a test whose data or browser is missing fails instead of skipping',
  },
} as const satisfies Record<string, SettingSpec>

export type SettingKey = keyof typeof SETTINGS

type ValueOf<S> = S extends { kind: 'integer' | 'number' }
  ? number
  : S extends { kind: 'boolean' }
    ? boolean
    : S extends { kind: 'list' }
      ? string[]
      : S extends { kind: 'integers' }
        ? number[]
        : S extends { kind: 'enum'; values: readonly (infer V)[] }
          ? V
          : S extends { kind: 'time' }
            ? Date
            : S extends { kind: 'map' }
              ? ReadonlyMap<string, string>
              : string

/** The value of each setting: its default when unset, undefined when it has none. */
export type Settings = {
  [K in SettingKey]: (typeof SETTINGS)[K] extends { default: unknown }
    ? ValueOf<(typeof SETTINGS)[K]>
    : ValueOf<(typeof SETTINGS)[K]> | undefined
}

/** One or more variables with bad values, each named with what it expects. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      problems.length === 1
        ? problems[0]
        : `${problems.length} settings are wrong:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    )
    this.name = 'ConfigError'
  }
}

const ALL_KEYS = Object.keys(SETTINGS) as SettingKey[]

/** Rules between two settings, checked whenever both are read (a default counts as read). */
const BETWEEN: readonly {
  keys: [SettingKey, SettingKey]
  relation: string
  holds: (a: number, b: number) => boolean
}[] = [{ keys: ['linkReview', 'linkAuto'], relation: 'below', holds: (review, auto) => review < auto }]

/**
 * Reads the named settings (every one when no keys are given) from the environment. Unset or blank
 * is the default (a list that says `emptyMeansNone` takes blank as empty); every bad value is
 * collected before one ConfigError is thrown.
 */
export function readSettings<K extends SettingKey = SettingKey>(
  env: NodeJS.ProcessEnv = process.env,
  keys: readonly K[] = ALL_KEYS as K[],
): Pick<Settings, K> {
  const values: Record<string, unknown> = {}
  const problems: string[] = []
  const production = env.NODE_ENV === 'production'
  for (const key of keys) {
    const spec: SettingSpec = SETTINGS[key]
    const raw = env[spec.name]
    if (raw === undefined || raw.trim() === '') {
      if (spec.kind === 'list' && spec.emptyMeansNone && raw !== undefined) values[key] = []
      else {
        if (spec.requiredInProduction && production)
          problems.push(`${spec.name} must be set in production (NODE_ENV=production): ${spec.description}`)
        values[key] = Array.isArray(spec.default) ? [...spec.default] : spec.default
      }
      continue
    }
    const parsed = parseValue(spec, raw.trim())
    if (parsed.ok) values[key] = parsed.value
    else {
      const got = spec.secret ? 'got something else (not shown: it may hold a password)' : `got '${raw}'`
      problems.push(`${spec.name} must be ${expectation(spec)}, ${got}${parsed.detail ?? ''}`)
    }
  }
  for (const key of keys) {
    const spec: SettingSpec = SETTINGS[key]
    const other = spec.requiredWith
    if (other && values[key] === undefined && env[other]?.trim())
      problems.push(`${spec.name} is needed when ${other} is set: ${spec.description}`)
  }
  for (const rule of BETWEEN) {
    const [a, b] = rule.keys
    if (typeof values[a] === 'number' && typeof values[b] === 'number' && !rule.holds(values[a], values[b]))
      problems.push(
        `${SETTINGS[a].name} must be ${rule.relation} ${SETTINGS[b].name}, got ${String(values[a])} and ${String(values[b])}`,
      )
  }
  if (problems.length) throw new ConfigError(problems)
  return values as Pick<Settings, K>
}

/** One setting's value. */
export function setting<K extends SettingKey>(key: K, env: NodeJS.ProcessEnv = process.env): Settings[K] {
  return readSettings(env, [key])[key]
}

type Parsed = { ok: true; value: unknown } | { ok: false; detail?: string }

const TRUE = ['1', 'true', 'yes', 'on']
const FALSE = ['0', 'false', 'no', 'off']

function parseValue(spec: SettingSpec, raw: string): Parsed {
  switch (spec.kind) {
    case 'integer':
    case 'number': {
      // written out in decimal: Number() alone would take 0x10, 1e3 and Infinity
      const n = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(raw) ? Number(raw) : NaN
      return inRange(spec, n) ? { ok: true, value: n } : { ok: false }
    }
    case 'boolean': {
      const v = raw.toLowerCase()
      return TRUE.includes(v)
        ? { ok: true, value: true }
        : FALSE.includes(v)
          ? { ok: true, value: false }
          : { ok: false }
    }
    case 'text':
      return !spec.valid || spec.valid(raw) ? { ok: true, value: raw } : { ok: false }
    case 'enum':
      return spec.values.includes(raw) ? { ok: true, value: raw } : { ok: false }
    case 'list': {
      const items = raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
      const unknown = items.filter((i) => !spec.values.includes(i))
      return unknown.length
        ? { ok: false, detail: ` (${unknown.map((u) => `'${u}'`).join(', ')} not among them)` }
        : { ok: true, value: [...new Set(items)] }
    }
    case 'integers': {
      const items = raw.split(',').map((s) => s.trim())
      const numbers = items.map(Number)
      return items.length === spec.length &&
        items.every((i) => /^\d+$/.test(i)) &&
        numbers.every((n) => inRange(spec, n))
        ? { ok: true, value: numbers }
        : { ok: false }
    }
    case 'url': {
      try {
        const url = new URL(raw)
        const ok = spec.protocols.includes(url.protocol) && url.host && (!spec.valid || spec.valid(url))
        return ok ? { ok: true, value: raw } : { ok: false }
      } catch {
        return { ok: false }
      }
    }
    case 'map': {
      const map = new Map<string, string>()
      const wrong: string[] = []
      for (const item of raw.split(',').map((s) => s.trim())) {
        if (!item) continue
        const at = item.lastIndexOf('=')
        const key = item.slice(0, at).trim()
        const value = item.slice(at + 1).trim()
        if (
          at <= 0 ||
          !value ||
          (spec.keys && !spec.keys.includes(key)) ||
          (spec.values && !spec.values.includes(value))
        )
          wrong.push(`'${item}'`)
        else map.set(key, value)
      }
      return wrong.length ? { ok: false, detail: ` (${wrong.join(', ')} not one)` } : { ok: true, value: map }
    }
    case 'time': {
      const t = DateTime.fromISO(raw, { zone: ZONE })
      return t.isValid ? { ok: true, value: t.toJSDate() } : { ok: false }
    }
  }
}

function inRange(spec: IntegerSetting | NumberSetting | IntegerListSetting, n: number): boolean {
  if (!Number.isFinite(n)) return false
  if (spec.kind !== 'number' && !Number.isInteger(n)) return false
  const exclusive: { minExclusive?: boolean; maxExclusive?: boolean } = spec.kind === 'number' ? spec : {}
  return (
    (exclusive.minExclusive ? n > spec.min : n >= spec.min) && (exclusive.maxExclusive ? n < spec.max : n <= spec.max)
  )
}

function range(spec: IntegerSetting | NumberSetting | IntegerListSetting): string {
  const open = spec.kind === 'number' && (spec.minExclusive || spec.maxExclusive)
  if (!open) return `from ${spec.min} to ${spec.max}`
  const low = spec.minExclusive ? `more than ${spec.min}` : `at least ${spec.min}`
  const high = spec.maxExclusive ? `less than ${spec.max}` : `at most ${spec.max}`
  return `${low} and ${high}`
}

/** What a setting expects, in words: the messages and the README say the same. */
export function expectation(spec: SettingSpec): string {
  const of = spec.unit ? ` of ${spec.unit}` : ''
  switch (spec.kind) {
    case 'integer':
      return `a whole number${of} ${range(spec)}`
    case 'number':
      return `a number${of} ${range(spec)}`
    case 'boolean':
      return '1 or 0 (or true/false, yes/no, on/off)'
    case 'text':
      return spec.expected ?? 'any text'
    case 'enum':
      return `one of ${spec.values.join(', ')}`
    case 'list':
      return `a comma-separated list of ${spec.values.join(', ')}`
    case 'integers':
      return `${spec.length} whole numbers${of} ${range(spec)} separated by commas, e.g. "${spec.example}"`
    case 'url':
      return spec.expected ?? `a URL starting ${spec.protocols.map((p) => `${p}//`).join(' or ')}`
    case 'map': {
      const keys = spec.keys ? `KEY one of ${spec.keys.join(', ')}` : ''
      const values = spec.values ? `VALUE one of ${spec.values.join(', ')}` : ''
      const which = [keys, values].filter(Boolean).join(' and ')
      return `KEY=VALUE pairs separated by commas, e.g. ${spec.example}${which ? ` (${which})` : ''}`
    }
    case 'time':
      return 'an ISO 8601 time, e.g. 2026-03-20T12:00:00 (London time unless it carries an offset)'
  }
}
