// `threadline reviews list` and `threadline reviews actions`, run as a user would, on each database:
// the clocks and overdue counts as at --as-of, the overdue actions escalated to the agency's lead, the
// columns docs/cli.md gives, usage errors, and the audit rows.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parse } from 'csv-parse/sync'
import { BACKENDS, serverAvailable } from '../testing/backends.ts'
import { pgliteTarget, postgresTarget, runCli, openTargetDatabase, type CliTarget } from '../testing/cli.ts'
import { seedArea, TEST_ACTOR } from '../testing/seed.ts'
import { addRecommendation, createReview } from './store.ts'
import { addPlanAction, updatePlanAction } from './store-actions.ts'
import { ACTION_COLUMNS, REVIEW_COLUMNS } from './cli.ts'

const targets: [string, () => CliTarget][] = [
  ...(BACKENDS.includes('pglite') ? [['pglite', pgliteTarget] as [string, () => CliTarget]] : []),
  ...(BACKENDS.includes('postgres') && serverAvailable
    ? [['postgres', postgresTarget] as [string, () => CliTarget]]
    : []),
]

for (const [name, make] of targets) {
  test(`reviews list and reviews actions [${name}]`, { timeout: 240_000 }, async () => {
    const target = make()
    try {
      const database = await openTargetDatabase(target)
      const { db } = database
      const { users } = await seedArea(db)
      const at = new Date('2026-12-21T10:00:00Z')
      const review = await createReview(
        db,
        TEST_ACTOR,
        users.partnership,
        { kind: 'rapid_review', title: 'Rapid review: Child Q', pseudonym: 'Child Q', incidentKnownOn: '2026-12-21' },
        at,
      )
      const rec = await addRecommendation(
        db,
        TEST_ACTOR,
        users.partnership,
        review,
        { text: 'Brief officers', agencies: ['police'] },
        at,
      )
      const plan = { for: { recommendationId: rec }, agency: 'police', ownerId: users.officer }
      await addPlanAction(
        db,
        TEST_ACTOR,
        users.officerManager,
        { ...plan, text: 'Brief the unit', dueOn: '2026-12-23' },
        at,
      )
      const done = await addPlanAction(
        db,
        TEST_ACTOR,
        users.officerManager,
        { ...plan, text: 'Update the policy', dueOn: '2026-12-22' },
        at,
      )
      await updatePlanAction(
        db,
        TEST_ACTOR,
        users.officerManager,
        done,
        1,
        { status: 'done', evidenceKind: 'document', evidence: 'Policy CP-12 v3', doneOn: '2026-12-22' },
        at,
      )
      await database.close()

      const before = await runCli(['reviews', 'list', '--as-of', '2026-12-22'], target.env)
      assert.equal(before.code, 0, before.stderr)
      assert.equal(before.stdout.split(/\r?\n/)[0], REVIEW_COLUMNS.join(','))
      const [row] = parse(before.stdout, { columns: true }) as Record<string, string>[]
      assert.deepEqual(
        [row.title, row.pseudonym, row.notification_due_on, row.notification_clock, row.rapid_review_due_on],
        ['Rapid review: Child Q', 'Child Q', '2026-12-30', 'running', '2027-01-14'],
      )
      assert.deepEqual([row.recommendations, row.actions, row.actions_done, row.actions_overdue], ['1', '2', '1', '0'])

      const later = await runCli(['reviews', 'list', '--as-of', '2026-12-31', '--format', 'json'], target.env)
      assert.equal(later.code, 0, later.stderr)
      const [json] = JSON.parse(later.stdout) as Record<string, unknown>[]
      assert.equal(json.notification_clock, 'overdue')
      assert.equal(json.actions_overdue, 1)

      const overdue = await runCli(
        ['reviews', 'actions', '--overdue', '--as-of', '2026-12-24', '--format', 'json'],
        target.env,
      )
      assert.equal(overdue.code, 0, overdue.stderr)
      const rows = JSON.parse(overdue.stdout) as Record<string, unknown>[]
      assert.deepEqual(Object.keys(rows[0]), [...ACTION_COLUMNS])
      assert.deepEqual(
        rows.map((r) => [r.action, r.status, r.overdue, r.escalated_to, r.recommendation, r.agency]),
        [['Brief the unit', 'overdue', true, 'manager', 1, 'police']],
      )
      const all = await runCli(['reviews', 'actions', '--as-of', '2026-12-23'], target.env)
      const listed = parse(all.stdout, { columns: true }) as Record<string, string>[]
      assert.deepEqual(
        listed.map((r) => [r.action, r.status, r.evidence_kind, r.evidence]),
        [
          ['Update the policy', 'done', 'document', 'Policy CP-12 v3'],
          ['Brief the unit', 'not_started', '', ''],
        ],
      )

      const wrong = await runCli(['reviews', 'list', '--as-of', '31/12/2026'], target.env)
      assert.equal(wrong.code, 2)
      assert.match(wrong.stderr, /--as-of "31\/12\/2026" is not a date/)

      const check = await openTargetDatabase(target)
      try {
        const audited = await check.db
          .selectFrom('audit_log')
          .select('action')
          .where('action', 'in', ['reviews_list', 'reviews_actions'])
          .execute()
        assert.equal(audited.length, 4, 'each run that ran (the refused --as-of did not)')
      } finally {
        await check.close()
      }
    } finally {
      await target.cleanup()
    }
  })
}
