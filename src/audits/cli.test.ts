// `threadline audits list` and `threadline audits report ID` as a user runs them, on each database:
// the programme, the report with children as Child 1..n and nothing that identifies them, and the
// usage error (exit 2) for an audit number that is not a number, the message (exit 1) for one unknown.
import { test } from 'node:test'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import assert from 'node:assert/strict'
import { BACKENDS, serverAvailable } from '../testing/backends.ts'
import { seedArea, importObjects, TEST_ACTOR } from '../testing/seed.ts'
import { pgliteTarget, postgresTarget, runCli, openTargetDatabase, type CliTarget } from '../testing/cli.ts'
import { addAgency } from '../agencies/agencies.ts'
import { startAudit } from './programme.ts'
import { cohortOf } from './store.ts'
import { auditArea, FAMILY } from './test-fixtures.ts'
import { AUDIT_TOOL_1_0 } from './tool.ts'

const targets: [string, () => CliTarget][] = [
  ['pglite', pgliteTarget],
  ...(BACKENDS.includes('postgres') && serverAvailable
    ? [['postgres', postgresTarget] as [string, () => CliTarget]]
    : []),
]

for (const [name, make] of targets)
  test(`audits list and audits report [${name}]`, { timeout: 360_000 }, async () => {
    const target = make()
    const env = { ...target.env, THREADLINE_NOW: '2026-07-01T12:00:00', THREADLINE_BUNDLE: '0' }
    try {
      const database = await openTargetDatabase(target)
      let id: number
      let children: number[]
      try {
        const { users } = await seedArea(database.db)
        await addAgency(database.db, { code: 'cps', name: 'Crown Prosecution Service', kind: 'prosecutor' })
        await importObjects(database.db, auditArea(), new Date('2026-06-01T00:00:00Z'))
        id = await startAudit(
          database.db,
          TEST_ACTOR,
          users.partnership,
          {
            theme: 'NFA after concern',
            criteria: 'nfa_after_concern',
            periodFrom: '2026-04-01',
            periodTo: '2026-04-30',
            sampleSize: 3,
            seed: 'cli',
            stratifyBy: 'none',
            toolVersion: '1.0.0',
            closesOn: '2026-09-30',
          },
          new Date('2026-07-01T11:00:00Z'),
        )
        children = (await cohortOf(database.db, id)).map((c) => c.childId)
      } finally {
        await database.close()
      }
      const list = await runCli(['audits', 'list', '--format', 'json'], env)
      assert.equal(list.code, 0, list.stderr)
      const rows = JSON.parse(list.stdout) as Record<string, unknown>[]
      assert.equal(rows.length, 1)
      assert.equal(rows[0].id, id)
      assert.equal(rows[0].children, 3)
      assert.equal(rows[0].status, 'open')
      assert.equal(rows[0].seed, 'cli')
      assert.equal(rows[0].criteria, 'nfa_after_concern')
      assert.equal(rows[0].criteria_version, 1)

      const report = await runCli(['audits', 'report', String(id)], env)
      assert.equal(report.code, 0, report.stderr)
      const lines = report.stdout.trim().split(/\r?\n/)
      assert.equal(lines[0].split(',').slice(0, 5).join(','), 'audit,theme,child,agencies_invited,returns_received')
      assert.deepEqual(
        lines.slice(1).map((l) => l.split(',')[2]),
        ['Child 1', 'Child 2', 'Child 3'],
      )
      assert.doesNotMatch(report.stdout, new RegExp(`${FAMILY}|2011-05-05`))
      for (const child of children) assert.doesNotMatch(report.stdout, new RegExp(`\\b${child}\\b(?!,NFA)`))
      // an area's own version of the tool, checked first; a version refused names its problems
      const dir = mkdtempSync(join(tmpdir(), 'threadline-tool-'))
      try {
        const good = join(dir, 'tool.json')
        writeFileSync(good, JSON.stringify({ ...AUDIT_TOOL_1_0, version: '1.1.0' }))
        const added = await runCli(['audits', 'tools', 'add', good], env)
        assert.equal(added.code, 0, added.stderr)
        assert.match(added.stdout, /^version,headings,questions\r?\n1\.1\.0,6,6/)
        // --format after FILE is honoured, though `audits tools` takes the option too
        writeFileSync(good, JSON.stringify({ ...AUDIT_TOOL_1_0, version: '1.2.0' }))
        const asJson = await runCli(['audits', 'tools', 'add', good, '--format', 'json'], env)
        assert.equal(asJson.code, 0, asJson.stderr)
        assert.deepEqual(JSON.parse(asJson.stdout), [{ version: '1.2.0', headings: 6, questions: 6 }])
        const bad = join(dir, 'bad.json')
        writeFileSync(bad, JSON.stringify({ version: 'x', headings: [], questions: [] }))
        const refused = await runCli(['audits', 'tools', 'add', bad], env)
        assert.equal(refused.code, 1)
        assert.match(refused.stderr, /version must be three numbers/)
        const versions = await runCli(['audits', 'tools', '--format', 'json'], env)
        assert.deepEqual(
          (JSON.parse(versions.stdout) as { version: string; in_use: boolean }[]).map((v) => [v.version, v.in_use]),
          [
            ['1.2.0', true],
            ['1.1.0', false],
            ['1.0.0', false],
          ],
        )
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }

      const usage = await runCli(['audits', 'report', 'abc'], env)
      assert.equal(usage.code, 2)
      assert.match(usage.stderr, /audit number must be a whole number/)
      const unknown = await runCli(['audits', 'report', '999'], env)
      assert.equal(unknown.code, 1)
      assert.match(unknown.stderr, /no audit with this number/)
    } finally {
      await target.cleanup()
    }
  })

for (const [name, make] of targets)
  test(`audits criteria and audits criteria add [${name}]`, { timeout: 360_000 }, async () => {
    const target = make()
    const env = { ...target.env, THREADLINE_NOW: '2026-07-01T12:00:00', THREADLINE_BUNDLE: '0' }
    const dir = mkdtempSync(join(tmpdir(), 'threadline-criteria-'))
    try {
      const shipped = await runCli(['audits', 'criteria'], env)
      assert.equal(shipped.code, 0, shipped.stderr)
      const lines = shipped.stdout.trim().split(/\r?\n/)
      assert.equal(lines[0], 'name,version,title,conditions,added_at,in_use')
      assert.deepEqual(
        lines.slice(1).map((l) => l.split(',').slice(0, 2).join(',')),
        ['missing_with_risk,1', 'nfa_after_concern,1'],
      )
      const v2 = join(dir, 'v2.json')
      writeFileSync(
        v2,
        JSON.stringify({
          name: 'nfa_after_concern',
          version: 2,
          title: "No further action soon after another agency's concern",
          description: 'An NFA decision within 30 days of a different agency raising a concern.',
          conditions: [{ type: 'nfa_after_concern', within_days: 30 }],
        }),
      )
      const added = await runCli(['audits', 'criteria', 'add', v2, '--format', 'json'], env)
      assert.equal(added.code, 0, added.stderr)
      assert.deepEqual(JSON.parse(added.stdout), [
        {
          name: 'nfa_after_concern',
          version: 2,
          conditions:
            "a decision of no further action in the period after another agency's concern raised at most 30 days before",
        },
      ])
      const again = await runCli(['audits', 'criteria', 'add', v2], env)
      assert.equal(again.code, 1)
      assert.match(again.stderr, /has version 2 already/)
      // a bad file: every problem named with its field and what was expected, never a stack trace
      const bad = join(dir, 'bad.json')
      writeFileSync(
        bad,
        JSON.stringify({
          name: 'x',
          version: 1,
          title: 'X',
          description: 'X',
          conditions: [{ type: 'missing_episodes', min_band: 'high' }, { type: 'hunch' }],
        }),
      )
      const refused = await runCli(['audits', 'criteria', 'add', bad], env)
      assert.equal(refused.code, 1)
      assert.match(refused.stderr, /conditions\[0\]\.min_band: expected a whole number from 1 to 4/)
      assert.match(refused.stderr, /conditions\[1\]\.type: expected one of missing_episodes, nfa_after_concern/)
      assert.doesNotMatch(refused.stderr, /\bat .*\.ts:\d+/)
      const notJson = join(dir, 'not.json')
      writeFileSync(notJson, '{ name: ')
      const unreadable = await runCli(['audits', 'criteria', 'add', notJson], env)
      assert.equal(unreadable.code, 1)
      assert.match(unreadable.stderr, /cannot read .*not\.json as JSON/)
      const versions = await runCli(['audits', 'criteria', '--format', 'json'], env)
      assert.deepEqual(
        (JSON.parse(versions.stdout) as { name: string; version: number; in_use: boolean }[]).map((v) => [
          v.name,
          v.version,
          v.in_use,
        ]),
        [
          ['missing_with_risk', 1, true],
          ['nfa_after_concern', 2, true],
          ['nfa_after_concern', 1, false],
        ],
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
      await target.cleanup()
    }
  })
