// `threadline person export ID` and `threadline retention report`, run as a user would.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { serverAvailable } from '../testing/backends.ts'
import { pgliteTarget, postgresTarget, runCli, openTargetDatabase } from '../testing/cli.ts'
import { seedArea } from '../testing/seed.ts'
import { parse } from 'csv-parse/sync'

test('person export and retention report as commands, audited', { timeout: 240_000 }, async () => {
  const target = serverAvailable ? postgresTarget() : pgliteTarget()
  try {
    const database = await openTargetDatabase(target)
    const { amy } = await seedArea(database.db)
    await database.close()

    const json = await runCli(['person', 'export', String(amy), '--format', 'json'], target.env)
    assert.equal(json.code, 0, json.stderr)
    const data = JSON.parse(json.stdout) as { format: string; person_id: number; third_parties: { name: string }[] }
    assert.equal(data.format, 'threadline-subject-access')
    assert.equal(data.person_id, amy)
    assert.deepEqual(
      data.third_parties.map((t) => t.name),
      ['Kamal Hussain'],
    )
    const csv = await runCli(['person', 'export', String(amy)], target.env)
    assert.equal(csv.code, 0, csv.stderr)
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[]
    assert.deepEqual(Object.keys(rows[0]), ['section', 'ref', 'field', 'value', 'redact'])
    assert.ok(rows.some((r) => r.section === 'third_parties' && r.value === 'Kamal Hussain' && r.redact === 'yes'))

    const missing = await runCli(['person', 'export', '999999'], target.env)
    assert.equal(missing.code, 1)
    assert.match(missing.stderr, /there is no person 999999/)
    const wrong = await runCli(['person', 'export', 'amy'], target.env)
    assert.equal(wrong.code, 2)
    assert.match(wrong.stderr, /"amy" is not a person id/)

    const env = { ...target.env, THREADLINE_NOW: '2034-01-01T12:00:00' }
    const report = await runCli(['retention', 'report'], env)
    assert.equal(report.code, 0, report.stderr)
    const listed = parse(report.stdout, { columns: true }) as Record<string, string>[]
    assert.deepEqual(
      listed.map((r) => [r.person_id, r.agency, r.source_id, r.due]),
      [[String(amy), 'health', 'H-5', '2033-03-14']],
    )
    assert.match(report.stderr, /1 of 4 agency records are past retention/)
    const badly = await runCli(['retention', 'report'], { ...env, THREADLINE_RETENTION: 'health=25' })
    assert.equal(badly.code, 1)
    assert.match(badly.stderr, /THREADLINE_RETENTION must be KIND=birthday:YEARS or KIND=after:YEARS.*got 'health=25'/)

    const verify = await runCli(['audit', 'verify', '--format', 'json'], target.env)
    assert.equal(verify.code, 0, verify.stderr)
    const check = await openTargetDatabase(target)
    try {
      const actions = await check.db
        .selectFrom('audit_log')
        .select(['action', 'entity_id'])
        .where('action', 'in', ['subject_access_export', 'retention_report'])
        .orderBy('id')
        .execute()
      assert.deepEqual(
        actions.map((a) => [a.action, a.entity_id]),
        [
          ['subject_access_export', amy],
          ['subject_access_export', amy],
          ['retention_report', null],
        ],
      )
    } finally {
      await check.close()
    }
  } finally {
    await target.cleanup()
  }
})
