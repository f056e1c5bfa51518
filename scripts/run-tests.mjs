// Runs every `*.test.ts` under src/ with Node's own runner: the files are found by walking the tree,
// never listed by hand, so a new test file runs without anyone adding it anywhere.
// A file is a database suite when it says so by using the database test backends or drivers
// (src/testing/backends.ts, cli.ts or web.ts); every other file is a pure suite. Database suites
// loop over PGlite and the PostgreSQL server inside the file; with DATABASE_URL set (CI's second run)
// only the database suites run, on that server, and the pure suites are not run twice.
// Arguments filter the files by substring (`npm test -- linkage/`). A run that executes no test fails.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, sep } from 'node:path'

const root = 'src'
const files = readdirSync(root, { recursive: true })
  .map((f) => join(root, String(f)))
  .filter((f) => f.endsWith('.test.ts') && !f.split(sep).includes('node_modules'))
  .sort()

const usesDatabase = (file) => /testing\/(backends|cli|web)\.ts/.test(readFileSync(file, 'utf8'))

const only = process.argv.slice(2)
let selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files
if (process.env.DATABASE_URL) selected = selected.filter(usesDatabase)
if (selected.length === 0) {
  console.error(
    `no test files selected (found ${files.length} under ${root}/${only.length ? `, none matching ${only.join(' ')}` : ''})`,
  )
  process.exit(1)
}
console.log(`${selected.length} test files (${selected.filter(usesDatabase).length} database suites)`)
const concurrency = Number(process.env.THREADLINE_TEST_CONCURRENCY || 2)
if (!Number.isInteger(concurrency) || concurrency < 1) {
  console.error(
    `THREADLINE_TEST_CONCURRENCY must be a whole number from 1, got "${process.env.THREADLINE_TEST_CONCURRENCY}"`,
  )
  process.exit(2)
}
const tap = join(mkdtempSync(join(tmpdir(), 'threadline-test-')), 'report.tap')
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    // two test files at a time: most wait on a database, a child process or a browser, so two share
    // two cores well (CI time roughly 1.5x faster); THREADLINE_TEST_CONCURRENCY=1 runs them one by one
    `--test-concurrency=${concurrency}`,
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...selected,
  ],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
)
const report = existsSync(tap) ? readFileSync(tap, 'utf8') : ''
const count = (name) => Number(report.match(new RegExp(`^# ${name} (\\d+)`, 'm'))?.[1] ?? 0)
const tests = count('tests')
const passed = count('pass')
const failed = count('fail') + count('cancelled')
console.log(`${passed} passed, ${failed} failed, ${count('skipped')} skipped`)
if (tests === 0) {
  console.error('no test ran: a run of 0 tests fails')
  process.exit(1)
}
process.exit(result.status ?? 1)
