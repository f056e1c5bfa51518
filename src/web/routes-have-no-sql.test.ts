// Route files are thin (issue 14): a handler parses, calls a service or store and renders, and SQL
// lives only in the stores. No route file (any `*routes*.ts`, and the people API) may build a query
// with Kysely or write one in an sql template.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { basename, join } from 'node:path'
import { SRC, breaches, linesMatching, sourceFiles } from '../testing/source-rules.ts'

/** A query built or written: Kysely's statement builders, or an sql template (typed or not). */
const SQL = /\b(?:selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql(?:<[^`\n]*>)?`/

const routeFiles = (): string[] =>
  sourceFiles(
    (f) =>
      f.endsWith('.ts') &&
      !f.endsWith('.test.ts') &&
      (basename(f).includes('routes') || f === join('people', 'api.ts')),
  )

/** The lines of `text` holding SQL, as "file:line". */
const sqlLines = (file: string, text: string): string[] => linesMatching(SQL, file, text)

test('the rule finds what it is meant to find', () => {
  assert.deepEqual(sqlLines('x.ts', "await db.selectFrom('users').execute()"), ['x.ts:1'])
  assert.deepEqual(sqlLines('x.ts', "trx.insertInto('a')\n.updateTable('b')\ndb.deleteFrom('c')"), [
    'x.ts:1',
    'x.ts:2',
    'x.ts:3',
  ])
  assert.deepEqual(sqlLines('x.ts', 'await sql`select 1`.execute(db)'), ['x.ts:1'])
  assert.deepEqual(sqlLines('x.ts', 'await sql<{ n: number }>`select 1 as n`.execute(db)'), ['x.ts:1'])
  assert.deepEqual(sqlLines('x.ts', "const sqlite = 'no'\nrender('admin.njk', { users })"), [])
})

test('no route file holds SQL: it lives in the stores', () => {
  const files = routeFiles()
  assert.ok(files.length > 20, `found ${files.length} route files under ${SRC}`)
  assert.ok(files.includes(join('people', 'api.ts')), 'the people API is checked too')
  assert.deepEqual(breaches(SQL, files), [])
})
