// The test runner finds test files by walking src/, and a run that checks nothing fails.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'

// the runner is started as a fresh command: without the outer runner's context variable
const { NODE_TEST_CONTEXT: _outer, ...env } = process.env
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/run-tests.mjs', ...args], { encoding: 'utf8', env })

test('a filter that selects no test file fails, saying how many files were found', () => {
  const result = run('no-such-test-file-anywhere')
  assert.equal(result.status, 1)
  assert.match(result.stderr, /no test files selected \(found \d+ under src\//)
})

test('a test file anywhere under src/ is found without being listed', () => {
  const result = run('calendar/days.test.ts')
  assert.equal(result.status, 0, result.stderr)
  assert.match(result.stdout, /^1 test files \(0 database suites\)/m)
  assert.match(result.stdout, /[1-9]\d* passed, 0 failed/)
})
