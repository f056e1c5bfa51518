// Connected as the application's role on a PostgreSQL server, the app imports, shows a page and
// audits it, but cannot change, remove, empty or unguard the audit trail (decision 0010). Roles are
// cluster-wide and test files run side by side, each in its own schema: the role is the default
// one, created idempotently by every owner's migrate, and this file alone gives it a login.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { sql } from 'kysely'
import { BACKENDS, TEST_PG_URL, serverAvailable } from '../testing/backends.ts'
import { missingPrerequisite } from '../testing/needs.ts'
import { openDatabase, type Database } from './database.ts'
import { migrate } from './migrate.ts'
import { seedArea } from '../testing/seed.ts'
import { Browser, testApp } from '../testing/web.ts'
import { verifyAudit } from '../audit/audit.ts'
import { loadConfig } from '../config/config.ts'
import { runCli } from '../testing/cli.ts'

const ROLE = loadConfig({}).appRole
const skip = !BACKENDS.includes('postgres')
  ? 'PostgreSQL server suites are off (THREADLINE_TEST_PG=none)'
  : !serverAvailable
    ? missingPrerequisite(`the PostgreSQL server at ${TEST_PG_URL}`)
    : false

function urlAs(user: string): string {
  const url = new URL(TEST_PG_URL)
  url.username = user
  url.password = ''
  return url.toString()
}

async function asSuperuser(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_URL })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

describe('the application role on a PostgreSQL server [postgres]', { skip }, () => {
  const schema = `test_role_${randomBytes(5).toString('hex')}`
  let owner: Database
  let app: Database
  let amy: number

  before(async () => {
    await asSuperuser(`create schema ${schema}`)
    owner = await openDatabase({ databaseUrl: TEST_PG_URL, schema, poolSize: 2 })
    await migrate(owner.db, schema, { appRole: ROLE })
    // the login is the operator's business (README); the test server trusts local connections
    await asSuperuser(`alter role ${ROLE} login`)
    app = await openDatabase({ databaseUrl: urlAs(ROLE), schema, poolSize: 4 })
  })
  after(async () => {
    await app?.close()
    await owner?.close()
    await asSuperuser(`drop schema if exists ${schema} cascade`)
  })

  test('instances starting together each migrate and grant the same schema without failing', async () => {
    // unserialised, concurrent grants on the same tables fail with "tuple concurrently updated"
    const owners = await Promise.all(
      [1, 2, 3, 4].map(() => openDatabase({ databaseUrl: TEST_PG_URL, schema, poolSize: 1 })),
    )
    try {
      const results = await Promise.allSettled(owners.map((o) => migrate(o.db, schema, { appRole: ROLE })))
      assert.deepEqual(
        results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason)),
        [],
      )
    } finally {
      await Promise.all(owners.map((o) => o.close()))
    }
  })

  test('the app, as its role, migrates nothing, imports an area, shows a page and audits it', async () => {
    await migrate(app.db, schema, { appRole: ROLE })
    const seeded = await seedArea(app.db)
    amy = seeded.amy
    assert.ok(seeded.result.created > 0)
    const web = await testApp(app)
    try {
      const browser = new Browser(web)
      await browser.signIn('sw@csc.test')
      const page = await browser.get(`/people/${amy}`)
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /Amy/i)
    } finally {
      await web.close()
    }
    const views = await app.db
      .selectFrom('audit_log')
      .select('id')
      .where('entity_id', '=', amy)
      .where('action', '=', 'view_record')
      .execute()
    assert.ok(views.length >= 1, 'the page view is in the audit trail')
  })

  test('as its role, every way of rewriting the audit trail is refused, and the chain stays whole', async () => {
    const last = await app.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()
    // granting itself a right it lacks only warns ("no privileges were granted"): the tries below show it
    await sql.raw(`grant update, delete, truncate on audit_log to ${ROLE}`).execute(app.db)
    const attempts: [string, string][] = [
      ['update', `update audit_log set action = 'nothing' where id = ${last.id}`],
      ['delete', `delete from audit_log where id = ${last.id}`],
      ['truncate', 'truncate audit_log'],
      ['disable trigger', 'alter table audit_log disable trigger audit_log_no_change'],
      ['disable all triggers', 'alter table audit_log disable trigger all'],
      ['drop trigger', 'drop trigger audit_log_no_change on audit_log'],
      ['alter table', 'alter table audit_log add column note text'],
      [
        'replace the trigger function',
        'create or replace function audit_log_append_only() returns trigger ' +
          'language plpgsql as $$ begin return old; end $$',
      ],
      ['skip triggers for the session', 'set session_replication_role = replica'],
      ['take ownership', `alter table audit_log owner to ${ROLE}`],
      ['create a table', 'create table shadow (id int)'],
      ['reset the id sequence', `select setval(pg_get_serial_sequence('audit_log', 'id'), 1)`],
    ]
    for (const [what, statement] of attempts) {
      await assert.rejects(
        sql.raw(statement).execute(app.db),
        /permission denied|must be owner|not allowed/,
        `${what} must be refused to the application role`,
      )
    }
    const after = await app.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()
    assert.equal(after.id, last.id)
    assert.equal((await verifyAudit(app.db)).firstBrokenRow, null)
  })

  test('as its role, a schema behind the code is an error that says who must migrate', async () => {
    const { rows } = await sql<{ name: string; timestamp: string }>`select name, timestamp
      from kysely_migration order by name desc limit 1`.execute(owner.db)
    const row = rows[0]
    await sql`delete from kysely_migration where name = ${row.name}`.execute(owner.db)
    try {
      await assert.rejects(
        migrate(app.db, schema, { appRole: ROLE }),
        new RegExp(`1 migrations to run, first ${row.name}.*run threadline migrate as the owner`),
      )
    } finally {
      await sql`insert into kysely_migration (name, timestamp) values (${row.name}, ${row.timestamp})`.execute(owner.db)
    }
  })

  test('a command migrates through THREADLINE_MIGRATE_URL and works through DATABASE_URL as the role', async () => {
    const env = { DATABASE_URL: urlAs(ROLE), THREADLINE_DB_SCHEMA: schema, THREADLINE_MIGRATE_URL: TEST_PG_URL }
    const migrated = await runCli(['migrate'], env)
    assert.equal(migrated.code, 0, migrated.stderr)
    const verified = await runCli(['audit', 'verify'], env)
    assert.equal(verified.code, 0, verified.stderr)
    assert.match(verified.stdout, /^checked,first_broken_row\r\n\d+,\r\n$/)
  })
})
