// The migrator's question "do my tables exist?" is answered from this connection's schemas only, so
// another process dropping its own schema meanwhile (test files side by side, a restore) cannot fail
// a migration with "schema ... does not exist", as Kysely's all-schema introspection did.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { BACKENDS, TEST_PG_URL, serverAvailable } from '../testing/backends.ts'
import { missingPrerequisite } from '../testing/needs.ts'
import { openDatabase } from './database.ts'
import { migrate } from './migrate.ts'

const skip = !BACKENDS.includes('postgres')
  ? 'PostgreSQL server suites are off (THREADLINE_TEST_PG=none)'
  : !serverAvailable
    ? missingPrerequisite(`the PostgreSQL server at ${TEST_PG_URL}`)
    : false

test('migrations see only their own schema while others come and go [postgres]', { skip }, async () => {
  const mine = `test_mine_${randomBytes(4).toString('hex')}`
  const other = `test_other_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: TEST_PG_URL })
  await admin.connect()
  const database = await openDatabase({ databaseUrl: TEST_PG_URL, schema: mine, poolSize: 2 })
  try {
    await admin.query(`create schema ${other}; create table ${other}.t (id serial primary key)`)
    await migrate(database.db, mine)
    const tables = await database.db.introspection.getTables({ withInternalKyselyTables: true })
    assert.ok(tables.some((t) => t.schema === mine && t.name === 'kysely_migration'))
    assert.deepEqual(
      tables.filter((t) => t.schema === other),
      [],
      "another process's schema is not read",
    )
    // another schema dropped and made again, over and over, while this one migrates again
    let churning = true
    const churn = (async () => {
      while (churning)
        await admin.query(
          `drop schema if exists ${other} cascade; create schema ${other}; create table ${other}.t (id serial)`,
        )
    })()
    try {
      for (let i = 0; i < 20; i++) await migrate(database.db, mine)
    } finally {
      churning = false
      await churn
    }
  } finally {
    await database.close()
    await admin.query(`drop schema if exists ${other} cascade; drop schema if exists ${mine} cascade`)
    await admin.end()
  }
})
