// Runs every test file listed below with Node's own runner (Node 20 does not expand globs).
// Database suites loop over PGlite and the PostgreSQL server inside each file (src/testing/backends.ts);
// with DATABASE_URL set, only the database suites run, on that server (pure suites run once).
// A run that executes no test fails: a green run must mean something was checked.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const files = [
  // pure domain suites
  'src/linkage/fields.test.ts',
  'src/linkage/comparisons.test.ts',
  'src/linkage/train.test.ts',
  'src/linkage/cluster.test.ts',
  'src/linkage/blocking.test.ts',
  'src/linkage/linker.test.ts',
  'src/linkage/febrl.test.ts',
  'src/linkage/uk.test.ts',
  'src/linkage/cli.test.ts',
  'src/linkage/product.test.ts',
  'src/linkage/routes.test.ts',
  'src/linkage/db-cli.test.ts',
  'src/linkage/journey.test.ts',
  'src/linkage/follow.test.ts',
  'src/linkage/relink.test.ts',
  'src/demo/prng.test.ts',
  'src/demo/identifiers.test.ts',
  'src/demo/london-time.test.ts',
  'src/demo/generate-area.test.ts',
  'src/demo/screening.test.ts',
  'src/demo/users.test.ts',
  'src/demo/ndjson.test.ts',
  'src/records/identifiers.test.ts',
  'src/networks/analytics.test.ts',
  'src/networks/shared.test.ts',
  'src/networks/hubs.test.ts',
  'src/networks/suggest.test.ts',
  'src/networks/decision.test.ts',
  'src/networks/link-rows.test.ts',
  'src/networks/demo-area.test.ts',
  'src/networks/cli.test.ts',
  'src/networks/imported-area.test.ts',
  'src/networks/routes.test.ts',
  'src/networks/chart-browser.test.ts',
  'src/access/visibility.test.ts',
  'src/working-together/settings.test.ts',
  'src/records/validate.test.ts',
  'src/missing/episodes.test.ts',
  'src/missing/interviews.test.ts',
  'src/missing/repeat.test.ts',
  'src/missing/pattern.test.ts',
  'src/missing/figures.test.ts',
  'src/missing/time.test.ts',
  'src/working-together/decisions.test.ts',
  'src/working-together/escalation.test.ts',
  'src/working-together/meetings.test.ts',
  'src/working-together/supervision.test.ts',
  'src/working-together/competencies.test.ts',
  'src/working-together/caseload.test.ts',
  'src/working-together/stage-owner.test.ts',
  'src/language/tokenize.test.ts',
  'src/language/pattern.test.ts',
  'src/language/age.test.ts',
  'src/language/check.test.ts',
  'src/language/suggestion.test.ts',
  'src/language/area-rules.test.ts',
  'src/language/corpus/corpus.test.ts',
  'src/language/cli.test.ts',
  'src/language/figures.test.ts',
  'src/calendar/bank-holidays.test.ts',
  'src/calendar/days.test.ts',
  'src/calendar/working-days.test.ts',
  'src/config/clock.test.ts',
  'src/risk/score.test.ts',
  'src/risk/evidence.test.ts',
  'src/risk/trajectory.test.ts',
  'src/risk/validate.test.ts',
  'src/risk/screening.test.ts',
  'src/risk/alerts.test.ts',
  'src/risk/unanswered.test.ts',
  'src/risk/assess.test.ts',
  'src/risk/redact.test.ts',
  'src/risk/page.test.ts',
  'src/risk/synthetic-area.test.ts',
  'src/risk/demo-area.test.ts',
  // database and web suites
  'src/working-together/store.test.ts',
  'src/working-together/routes.test.ts',
  'src/working-together/cli.test.ts',
  'src/working-together/journey.test.ts',
  'src/missing/cli.test.ts',
  'src/risk/cli.test.ts',
  'src/risk/routes.test.ts',
  'src/risk/journey.test.ts',
  'src/missing/routes.test.ts',
  'src/missing/journey.test.ts',
  'src/missing/page-input.test.ts',
  'src/records/import.test.ts',
  'src/records/api.test.ts',
  'src/demo/load-demo.test.ts',
  'src/web/access.test.ts',
  'src/audit/audit.test.ts',
  'src/access/sign-in.test.ts',
  'src/access/admin.test.ts',
  'src/cli/cli.test.ts',
  'src/records/kill.test.ts',
  'src/web/journey.test.ts',
  'src/language/routes.test.ts',
  'src/language/browser.test.ts',
]

const missing = files.filter((f) => !existsSync(f))
if (missing.length && !process.env.TEST_SKIP_MISSING) {
  console.error(`listed test files that do not exist: ${missing.join(', ')}`)
  process.exit(1)
}
// a database suite is one that uses the database test backends or runs the command line
const usesDatabase = (file) => /testing\/(backends|cli|web)\.ts/.test(readFileSync(file, 'utf8'))
const only = process.argv.slice(2)
let selected = (only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files).filter((f) => existsSync(f))
if (process.env.DATABASE_URL) selected = selected.filter(usesDatabase)
if (selected.length === 0) {
  console.error('no test files selected')
  process.exit(1)
}
const tap = join(mkdtempSync(join(tmpdir(), 'threadline-test-')), 'report.tap')
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...selected],
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
