import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ConfigError, readSettings, setting, SETTINGS, type SettingKey } from './settings.ts'
import { ROLES } from '../vocabulary/roles.ts'
import { loadConfig } from './config.ts'
import { now } from './clock.ts'
import { readdirSync, readFileSync } from 'node:fs'
import { join, sep } from 'node:path'
import { projectRoot } from './paths.ts'

const problems = (env: NodeJS.ProcessEnv, keys?: SettingKey[]): readonly string[] => {
  try {
    readSettings(env, keys)
  } catch (error) {
    if (error instanceof ConfigError) return error.problems
    throw error
  }
  return []
}

test('unset or blank is the default; a setting with no default is undefined', () => {
  const s = readSettings({})
  assert.equal(s.port, 3000)
  assert.equal(s.sessionHours, 8)
  assert.equal(s.demo, true)
  assert.deepEqual(s.mfaRoles, ['manager', 'mash', 'admin'])
  assert.deepEqual(s.escalationDays, [2, 5, 2])
  assert.equal(s.linkAuto, 0.95)
  assert.equal(s.databaseUrl, undefined)
  assert.equal(s.riskFromAge, undefined)
  assert.equal(s.now, undefined)
  assert.deepEqual(readSettings({ PORT: '  ', THREADLINE_ESCALATION_DAYS: '' }, ['port', 'escalationDays']), {
    port: 3000,
    escalationDays: [2, 5, 2],
  })
  // the default list is a copy: changing one value does not change the next
  readSettings({}, ['mfaRoles']).mfaRoles.push('practitioner')
  assert.deepEqual(readSettings({}, ['mfaRoles']).mfaRoles, ['manager', 'mash', 'admin'])
})

test('every default is a value its own setting accepts', () => {
  for (const [key, spec] of Object.entries(SETTINGS)) {
    if (!('default' in spec)) continue
    const d = spec.default as unknown
    const raw = typeof d === 'boolean' ? (d ? '1' : '0') : Array.isArray(d) ? d.join(',') : String(d)
    assert.deepEqual(readSettings({ [spec.name]: raw }, [key as SettingKey])[key as SettingKey], d, spec.name)
  }
})

test('integers: whole, in decimal, within bounds', () => {
  assert.equal(setting('lockoutAttempts', { THREADLINE_LOCKOUT_ATTEMPTS: ' 7 ' }), 7)
  assert.equal(setting('lockoutAttempts', { THREADLINE_LOCKOUT_ATTEMPTS: '100' }), 100)
  assert.equal(setting('port', { PORT: '0' }), 0)
  for (const bad of ['five', '0', '101', '2.5', '0x10', '1e1', 'Infinity', '-3'])
    assert.deepEqual(
      problems({ THREADLINE_LOCKOUT_ATTEMPTS: bad }, ['lockoutAttempts']),
      [`THREADLINE_LOCKOUT_ATTEMPTS must be a whole number from 1 to 100, got '${bad}'`],
      bad,
    )
  assert.match(problems({ THREADLINE_TOKEN_DAYS: '3661' }, ['tokenDays'])[0], /a whole number of days from 1 to 3660/)
})

test('numbers: fractions allowed, bounds inclusive or exclusive as declared', () => {
  assert.equal(setting('sessionHours', { THREADLINE_SESSION_HOURS: '0.5' }), 0.5)
  assert.equal(setting('sessionHours', { THREADLINE_SESSION_HOURS: '24' }), 24)
  assert.deepEqual(problems({ THREADLINE_SESSION_HOURS: '0' }, ['sessionHours']), [
    "THREADLINE_SESSION_HOURS must be a number of hours more than 0 and at most 24, got '0'",
  ])
  assert.equal(setting('linkAuto', { THREADLINE_LINK_AUTO: '.9' }), 0.9)
  for (const bad of ['1', '0', 'high', '1.5'])
    assert.deepEqual(
      problems({ THREADLINE_LINK_AUTO: bad }, ['linkAuto']),
      [`THREADLINE_LINK_AUTO must be a number more than 0 and less than 1, got '${bad}'`],
      bad,
    )
})

test('rules between settings: the review threshold below the auto-link one, defaults included', () => {
  assert.deepEqual(problems({ THREADLINE_LINK_REVIEW: '0.97' }, ['linkAuto', 'linkReview']), [
    'THREADLINE_LINK_REVIEW must be below THREADLINE_LINK_AUTO, got 0.97 and 0.95',
  ])
  assert.deepEqual(problems({ THREADLINE_LINK_REVIEW: '0.97', THREADLINE_LINK_AUTO: '0.99' }), [])
  assert.deepEqual(problems({ THREADLINE_LINK_REVIEW: '0.97' }, ['linkReview']), [], 'checked only with both')
})

test('booleans: 1/0, true/false, yes/no, on/off in any case; nothing else', () => {
  for (const yes of ['1', 'true', 'YES', 'on']) assert.equal(setting('demo', { THREADLINE_DEMO: yes }), true, yes)
  for (const no of ['0', 'false', 'No', 'OFF']) assert.equal(setting('demo', { THREADLINE_DEMO: no }), false, no)
  assert.deepEqual(problems({ THREADLINE_DEMO: 'maybe' }, ['demo']), [
    "THREADLINE_DEMO must be 1 or 0 (or true/false, yes/no, on/off), got 'maybe'",
  ])
})

test('text: any, or what its check allows', () => {
  assert.equal(setting('host', { HOST: '0.0.0.0' }), '0.0.0.0')
  assert.equal(setting('databaseSchema', { THREADLINE_DB_SCHEMA: 'cli_0af3' }), 'cli_0af3')
  assert.match(problems({ THREADLINE_DB_SCHEMA: 'a; drop' }, ['databaseSchema'])[0], /must be a schema name/)
  assert.equal(setting('pgliteSharedBuffers', { THREADLINE_PGLITE_SHARED_BUFFERS: '64MB' }), '64MB')
  assert.match(
    problems({ THREADLINE_PGLITE_SHARED_BUFFERS: 'lots' }, ['pgliteSharedBuffers'])[0],
    /must be a size such as 16MB/,
  )
  for (const ok of ['true', 'false', 'loopback', '10.0.0.0/8, loopback', '::1', '192.168.1.4', 'fd00::/8'])
    assert.equal(setting('trustProxy', { THREADLINE_TRUST_PROXY: ok }), ok, ok)
  for (const bad of ['1', 'proxy.local', '10.0.0.0/33', 'true,loopback', '10.0.0.1/8/1'])
    assert.match(problems({ THREADLINE_TRUST_PROXY: bad }, ['trustProxy'])[0], /^THREADLINE_TRUST_PROXY must be/, bad)
})

test("the database role, the owner's connection and retention periods are checked before use", () => {
  assert.equal(setting('appRole', {}), 'threadline_app')
  assert.match(
    problems({ THREADLINE_APP_ROLE: 'App-Role' }, ['appRole'])[0],
    /^THREADLINE_APP_ROLE must be a role name/,
  )
  assert.deepEqual(problems({ THREADLINE_MIGRATE_URL: 'owner:pw@db' }, ['migrateUrl']), [
    'THREADLINE_MIGRATE_URL must be a URL starting postgres:// or postgresql://, got something else (not shown: it may hold a password)',
  ])
  assert.equal(
    setting('retention', { THREADLINE_RETENTION: 'police=after:10, health=birthday:25' }),
    'police=after:10, health=birthday:25',
  )
  for (const bad of ['police=after', 'pub=after:10', 'police=before:10'])
    assert.match(
      problems({ THREADLINE_RETENTION: bad }, ['retention'])[0],
      /^THREADLINE_RETENTION must be KIND=birthday:YEARS or KIND=after:YEARS/,
      bad,
    )
})

test('enums: one of the declared values', () => {
  assert.equal(setting('logLevel', { LOG_LEVEL: 'info' }), 'info')
  assert.deepEqual(problems({ LOG_LEVEL: 'loud' }, ['logLevel']), [
    "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got 'loud'",
  ])
  assert.equal(setting('linkage', { THREADLINE_LINKAGE: 'exact' }), 'exact')
})

test("lists: each item from the vocabulary (the two-step roles are src/vocabulary/roles.ts's); blank is none where declared", () => {
  assert.deepEqual(SETTINGS.mfaRoles.values, ROLES)
  assert.deepEqual(setting('mfaRoles', { THREADLINE_MFA_ROLES: ' admin, manager,admin ' }), ['admin', 'manager'])
  assert.deepEqual(setting('mfaRoles', { THREADLINE_MFA_ROLES: '' }), [])
  assert.deepEqual(problems({ THREADLINE_MFA_ROLES: 'manager,boss,Admin' }, ['mfaRoles']), [
    "THREADLINE_MFA_ROLES must be a comma-separated list of practitioner, manager, mash, partnership, admin, got 'manager,boss,Admin' ('boss', 'Admin' not among them)",
  ])
})

test('lists of whole numbers: the declared count, each within bounds', () => {
  assert.deepEqual(setting('escalationDays', { THREADLINE_ESCALATION_DAYS: '3, 10, 1' }), [3, 10, 1])
  for (const bad of ['2,5', '2,0,2', '2,5,x', '2,5,61', '2,,5'])
    assert.match(
      problems({ THREADLINE_ESCALATION_DAYS: bad }, ['escalationDays'])[0],
      /^THREADLINE_ESCALATION_DAYS must be 3 whole numbers of working days from 1 to 60 separated by commas, e\.g\. "2,5,2"/,
      bad,
    )
})

test('URLs: the declared schemes only', () => {
  const url = 'postgres://user:secret@db.example:5432/threadline'
  assert.equal(setting('databaseUrl', { DATABASE_URL: url }), url)
  assert.equal(setting('databaseUrl', { DATABASE_URL: 'postgresql://db/threadline' }), 'postgresql://db/threadline')
  for (const bad of ['mysql://db/x', 'db.example:5432', 'postgres://', 'mysql://u:hunter2@db/x'])
    assert.deepEqual(problems({ DATABASE_URL: bad }, ['databaseUrl']), [
      'DATABASE_URL must be a URL starting postgres:// or postgresql://, got something else (not shown: it may hold a password)',
    ])
})

test('times: ISO 8601, London time unless an offset is given; now() reads it at each call', () => {
  assert.equal(setting('now', { THREADLINE_NOW: '2026-07-01T09:30:00' })?.toISOString(), '2026-07-01T08:30:00.000Z')
  assert.equal(now({ THREADLINE_NOW: '2026-01-01T09:30:00Z' }).toISOString(), '2026-01-01T09:30:00.000Z')
  assert.ok(Math.abs(now({}).getTime() - Date.now()) < 5000)
  assert.throws(
    () => now({ THREADLINE_NOW: 'yesterday' }),
    (e: unknown) => e instanceof ConfigError && /^THREADLINE_NOW must be an ISO 8601 time/.test(e.message),
  )
})

test('production refuses to start without the settings it requires', () => {
  assert.deepEqual(problems({ NODE_ENV: 'production' }, ['databaseUrl']), [
    'DATABASE_URL must be set in production (NODE_ENV=production): a PostgreSQL server; when unset, the embedded database (PGlite) in `THREADLINE_DATA`',
  ])
  assert.deepEqual(problems({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/t' }), [])
  assert.deepEqual(problems({ NODE_ENV: 'development' }), [])
  assert.deepEqual(
    Object.values(SETTINGS)
      .filter((s) => 'requiredInProduction' in s && s.requiredInProduction)
      .map((s) => s.name),
    ['DATABASE_URL'],
  )
})

test('every bad variable is named at once, in one error', () => {
  const env = {
    THREADLINE_LOCKOUT_ATTEMPTS: 'five',
    THREADLINE_MFA_ROLES: 'boss',
    THREADLINE_LINK_REVIEW: '2',
    PORT: '3001',
  }
  assert.throws(
    () => loadConfig(env),
    (e: unknown) =>
      e instanceof ConfigError &&
      e.problems.length === 2 &&
      e.message.startsWith(
        '2 settings are wrong:\n  - THREADLINE_LOCKOUT_ATTEMPTS must be a whole number from 1 to 100',
      ),
  )
  const all = problems(env)
  assert.deepEqual(
    all.map((p) => p.split(' ')[0]),
    ['THREADLINE_LOCKOUT_ATTEMPTS', 'THREADLINE_MFA_ROLES', 'THREADLINE_LINK_REVIEW'],
  )
})

test('each variable is declared once', () => {
  const names = Object.values(SETTINGS).map((s) => s.name)
  assert.equal(new Set(names).size, names.length)
})

test('the configuration keeps its shape', () => {
  const config = loadConfig({ THREADLINE_TRUST_PROXY: 'true', NODE_ENV: 'production', DATABASE_URL: 'postgres://db/t' })
  assert.equal(config.trustProxy, true)
  assert.equal(config.secureCookies, true)
  assert.equal(
    loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/t', THREADLINE_INSECURE_COOKIES: '1' })
      .secureCookies,
    false,
  )
  assert.equal(loadConfig({}).trustProxy, 'loopback')
  assert.equal(loadConfig({}).bodyLimitBytes, 20 * 1024 * 1024)
  assert.deepEqual(loadConfig({ THREADLINE_MFA_ROLES: '' }).mfaRoles, [])
})

test('no product file reads a variable from process.env itself: each goes through the settings table', () => {
  const src = join(projectRoot, 'src')
  const readers = (readdirSync(src, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith(`testing${sep}`))
    .filter((f) => /process\.env(\.[A-Za-z_]|\[)/.test(readFileSync(join(src, f), 'utf8')))
  assert.deepEqual(readers, [], 'read these through src/config/settings.ts (declare the variable there)')
})
