// A bad setting stops every command, `serve` included, before it starts: one message naming each bad
// variable and what it expects, exit code 1, no stack trace, nothing opened.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { projectRoot } from './paths.ts'

const bin = join(projectRoot, 'bin', 'threadline.js')

function run(args: string[], settings: Record<string, string>) {
  const data = join(mkdtempSync(join(tmpdir(), 'threadline-settings-')), 'data')
  const env = { ...process.env, DATABASE_URL: '', THREADLINE_NOW: '', THREADLINE_DATA: data, ...settings }
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: projectRoot,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { ...result, data }
}

test('threadline serve with bad settings names every one and exits 1 before opening anything', () => {
  const r = run(['serve', '--port', '0'], {
    THREADLINE_LOCKOUT_ATTEMPTS: 'five',
    THREADLINE_MFA_ROLES: 'manager,boss',
    THREADLINE_INTERVIEW_HOURS: '-1',
  })
  assert.equal(r.status, 1, r.stderr)
  assert.equal(r.stdout, '')
  assert.equal(
    r.stderr,
    [
      'threadline: 3 settings are wrong:',
      "  - THREADLINE_LOCKOUT_ATTEMPTS must be a whole number from 1 to 100, got 'five'",
      "  - THREADLINE_MFA_ROLES must be a comma-separated list of practitioner, manager, mash, partnership, admin, got 'manager,boss' ('boss' not among them)",
      "  - THREADLINE_INTERVIEW_HOURS must be a number of hours more than 0 and at most 720, got '-1'",
      '(the settings are listed in README.md, "Settings")',
      '',
    ].join('\n'),
  )
  assert.equal(existsSync(r.data), false, 'no data folder made')
})

test('any command stops the same way; production without DATABASE_URL is refused; help still works', () => {
  const bad = run(['missing', '--interviews'], { THREADLINE_NOW: 'last tuesday' })
  assert.equal(bad.status, 1, bad.stderr)
  assert.match(bad.stderr, /^threadline: THREADLINE_NOW must be an ISO 8601 time, e\.g\. .*, got 'last tuesday'\n/)
  assert.doesNotMatch(bad.stderr, /\n\s+at /, 'no stack trace')
  const production = run(['missing', '--interviews'], { NODE_ENV: 'production' })
  assert.equal(production.status, 1, production.stderr)
  assert.match(production.stderr, /^threadline: DATABASE_URL must be set in production \(NODE_ENV=production\)/)
  const help = run(['--help'], { THREADLINE_LOCKOUT_ATTEMPTS: 'five' })
  assert.equal(help.status, 0, help.stderr)
  assert.match(help.stdout, /Usage: threadline/)
})
