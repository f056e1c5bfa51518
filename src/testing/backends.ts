// The same database suite runs on every database, as Kysely's own tests do: PGlite always, and
// the PostgreSQL server when one answers (THREADLINE_TEST_PG, default the local test database).
// Each test file gets one database per backend (a fresh PGlite costs seconds, so it is shared by
// the file's tests); `reset` empties it between tests.
import { TestClock } from './clock.ts'
import { installCapabilities } from '../capabilities.ts'
import { describe, before, after, beforeEach } from 'node:test'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { sql } from 'kysely'
import { openDatabase, type Database } from '../db/database.ts'
import { migrate } from '../db/migrate.ts'
import { missingPrerequisite } from './needs.ts'
import { withClock, type Clock } from '../config/clock.ts'

// With DATABASE_URL set (CI's second run), database suites run on that server only; otherwise on
// PGlite and, unless THREADLINE_TEST_PG=none, on the local server too.
export const TEST_PG_URL =
  process.env.DATABASE_URL ||
  (process.env.THREADLINE_TEST_PG && process.env.THREADLINE_TEST_PG !== 'none'
    ? process.env.THREADLINE_TEST_PG
    : 'postgres://postgres@127.0.0.1:5432/test')
export const BACKENDS: readonly ('pglite' | 'postgres')[] = process.env.DATABASE_URL
  ? ['postgres']
  : process.env.THREADLINE_TEST_PG === 'none'
    ? ['pglite']
    : ['pglite', 'postgres']

export interface Backend {
  name: 'pglite' | 'postgres'
  database: Database
}

async function postgresAnswers(): Promise<boolean> {
  return (async () => {
    const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 20_000 })
    try {
      await client.connect()
      // in public, so every test schema (search_path "test_x, public") sees it. Test files start side by
      // side on a fresh database, and two creating it at once is an error for one of them: it is
      // there all the same.
      await client.query('create extension if not exists pg_trgm schema public').catch(async (error: unknown) => {
        const there = await client.query(`select 1 from pg_extension where extname = 'pg_trgm'`)
        if (there.rows.length === 0) throw error
      })
      await client.query('alter extension pg_trgm set schema public').catch(() => {})
      return true
    } catch {
      return false
    } finally {
      await client.end().catch(() => {})
    }
  })()
}

// Asked once when a database suite is loaded (a loaded machine may take seconds to answer), so that a missing server skips its suites loudly
// on a developer's machine (and fails them in CI) instead of failing every test.
export const serverAvailable = BACKENDS.includes('postgres') ? await postgresAnswers() : false

/** Tables emptied between tests, children before parents. */
const TABLES = [
  'plan_actions',
  'self_assessments',
  'review_assignments',
  'review_recommendations',
  'reviews',
  'entity_link_history',
  'linkage_decisions',
  'linkage_reviews',
  'linkage_settings',
  'linkage_models',
  'linkage_state',
  'language_pending',
  'language_event_checks',
  'language_counts',
  'context_history',
  'context_actions',
  'context_plans',
  'network_decisions',
  'risk_stale',
  'risk_scores',
  'risk_mash_decisions',
  'risk_screenings',
  'risk_instruments',
  'interview_assignments',
  'philomena_profiles',
  'wt_assignments',
  'wt_worker_settings',
  'wt_competencies',
  'wt_actions',
  'wt_supervisions',
  'wt_meetings',
  'wt_challenge_events',
  'wt_challenges',
  'wt_decisions',
  'access_grants',
  'allocations',
  'involvements',
  'supervision_versions',
  'allocation_versions',
  'worker_versions',
  'events',
  'relationships',
  'entity_links',
  'entities',
  'person_versions',
  'imports',
  'sessions',
  'sign_in_challenges',
  'mfa_recovery_codes',
  'api_token_uses',
  'sign_in_attempts',
  'api_tokens',
  'users',
  'agencies',
]

export async function resetDatabase(database: Database): Promise<void> {
  // the audit trail refuses truncate by design; tests that need an empty one use a fresh backend
  await sql`truncate ${sql.join(TABLES.map((t) => sql.table(t)))} restart identity cascade`.execute(database.db)
}

/** A fresh schema on the PostgreSQL server, for one test file's suite. */
async function createTestSchema(): Promise<string> {
  const schema = `test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: TEST_PG_URL })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  await admin.end()
  return schema
}

export interface SuiteOptions {
  resetBetweenTests?: boolean
  /** "Now" for the suite's hooks and tests, and for the apps they build (testing/clock.ts). */
  clock?: Clock
  /** Why the suite cannot run on this machine (a prerequisite that is missing): every database's run is skipped, saying so. */
  skip?: string | false
  /** The one database the suite runs on, and why: the other's run is listed as skipped with the reason. */
  only?: { backend: Backend['name']; why: string }
}

export function forEachDatabase(
  title: string,
  suite: (backend: () => Backend) => void,
  options: SuiteOptions = {},
): void {
  const { clock } = options
  if (clock) withClock(clock, () => eachDatabase(title, suite, options))
  else eachDatabase(title, suite, options)
}

function eachDatabase(title: string, suite: (backend: () => Backend) => void, options: SuiteOptions): void {
  for (const name of BACKENDS) {
    const skip =
      options.skip ||
      (options.only && options.only.backend !== name ? options.only.why : false) ||
      (name === 'postgres' && !serverAvailable ? missingPrerequisite(`the PostgreSQL server at ${TEST_PG_URL}`) : false)
    describe(`${title} [${name}]`, { skip }, () => {
      let backend: Backend | null = null
      let schema: string | null = null
      before(async () => {
        // the PGlite run may have moved the suite's clock on: the server's run starts where it did
        if (options.clock instanceof TestClock) options.clock.reset()
        if (name === 'postgres') {
          schema = await createTestSchema()
        }
        const database = await openDatabase(
          schema === null ? { dataDir: 'memory://' } : { databaseUrl: TEST_PG_URL, schema, poolSize: 4 },
        )
        await migrate(database.db, database.schema)
        installCapabilities()
        backend = { name, database }
      })
      after(async () => {
        if (!backend) return
        await backend.database.close()
        if (schema) {
          const admin = new pg.Client({ connectionString: TEST_PG_URL })
          await admin.connect()
          await admin.query(`drop schema if exists ${schema} cascade`)
          await admin.end()
        }
      })
      if (options.resetBetweenTests !== false)
        beforeEach(async () => {
          if (backend) await resetDatabase(backend.database)
        })
      suite(() => {
        if (!backend) throw new Error(`${name} is not available`)
        return backend
      })
    })
  }
}
