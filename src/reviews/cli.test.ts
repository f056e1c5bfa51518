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
import { addPlanAction, reassignPlanAction, updatePlanAction } from './store-actions.ts'
import { writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SECTION_175_V1 } from './standards.ts'
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

  test(
    `reviews actions --as-of answers as things stood; reviews standards [${name}]`,
    { timeout: 240_000 },
    async () => {
      const target = make()
      try {
        const database = await openTargetDatabase(target)
        const { db } = database
        const { users } = await seedArea(db)
        const t0 = new Date('2026-12-01T10:00:00Z')
        const review = await createReview(
          db,
          TEST_ACTOR,
          users.partnership,
          {
            kind: 'local_practice_review',
            title: 'Learning review: Child R',
            pseudonym: 'Child R',
            incidentKnownOn: null,
          },
          t0,
        )
        const rec = await addRecommendation(
          db,
          TEST_ACTOR,
          users.partnership,
          review,
          { text: 'Train', agencies: ['police'] },
          t0,
        )
        const id = await addPlanAction(
          db,
          TEST_ACTOR,
          users.officerManager,
          {
            for: { recommendationId: rec },
            agency: 'police',
            ownerId: users.officer,
            text: 'Train the unit',
            dueOn: '2026-12-05',
          },
          t0,
        )
        await reassignPlanAction(
          db,
          TEST_ACTOR,
          users.officerManager,
          id,
          1,
          { ownerId: users.officerManager, dueOn: '2026-12-18', reason: 'Trainer ill' },
          new Date('2026-12-08T10:00:00Z'),
        )
        await updatePlanAction(
          db,
          TEST_ACTOR,
          users.officerManager,
          id,
          2,
          { status: 'done', evidenceKind: 'figure', evidence: 'Trained 40 of 42', doneOn: '2026-12-12' },
          new Date('2026-12-12T10:00:00Z'),
        )
        await database.close()
        const at = async (day: string, ...more: string[]) => {
          const run = await runCli(['reviews', 'actions', '--as-of', day, ...more, '--format', 'json'], target.env)
          assert.equal(run.code, 0, run.stderr)
          return (JSON.parse(run.stdout) as Record<string, unknown>[]).map((r) => [
            r.owner,
            r.due_on,
            r.status,
            r.overdue,
            r.evidence,
          ])
        }
        assert.deepEqual(await at('2026-12-06'), [['officer', '2026-12-05', 'overdue', true, null]])
        assert.deepEqual(await at('2026-12-06', '--overdue'), [['officer', '2026-12-05', 'overdue', true, null]])
        assert.deepEqual(await at('2026-12-09', '--overdue'), [], 'its due date had moved by then')
        assert.deepEqual(await at('2026-12-09'), [['manager', '2026-12-18', 'not_started', false, null]])
        assert.deepEqual(await at('2026-12-13'), [['manager', '2026-12-18', 'done', false, 'Trained 40 of 42']])
        const today = await runCli(['reviews', 'actions', '--format', 'json'], target.env)
        assert.deepEqual(
          (JSON.parse(today.stdout) as Record<string, unknown>[]).map((r) => [r.owner, r.status]),
          [['manager', 'done']],
        )

        const list = await runCli(['reviews', 'standards', 'list'], target.env)
        assert.equal(list.code, 0, list.stderr)
        const sets = parse(list.stdout, { columns: true }) as Record<string, string>[]
        assert.deepEqual(
          sets.map((r) => [r.kind, r.version, r.standards, r.in_use]),
          [
            ['section_11', '1', '8', 'true'],
            ['section_175', '1', '9', 'true'],
          ],
        )
        assert.match(sets[0].source, /Children Act 2004/)
        assert.match(sets[1].source, /Keeping Children Safe in Education/)
        const dir = mkdtempSync(join(tmpdir(), 'standards-'))
        const bad = join(dir, 'bad.json')
        writeFileSync(
          bad,
          JSON.stringify({
            ...SECTION_175_V1,
            version: 2,
            standards: [
              { id: 'ok', text: 'x' },
              { id: 'Bad Id', text: '' },
            ],
          }),
        )
        const refused = await runCli(['reviews', 'standards', 'add', bad], target.env)
        assert.equal(refused.code, 1)
        assert.match(refused.stderr, /standards\[1\]\.id: expected lower-case letters/)
        assert.match(refused.stderr, /standards\[1\]\.text: expected text of 1 to 500 characters/)
        const good = join(dir, 'good.json')
        writeFileSync(good, JSON.stringify({ ...SECTION_175_V1, version: 2 }))
        const added = await runCli(['reviews', 'standards', 'add', good, '--format', 'json'], target.env)
        assert.equal(added.code, 0, added.stderr)
        // --format after FILE is honoured, though the parent command takes the option too
        assert.deepEqual(JSON.parse(added.stdout), [
          { kind: 'section_175', version: 2, title: SECTION_175_V1.title, standards: SECTION_175_V1.standards.length },
        ])
        const after = parse((await runCli(['reviews', 'standards', 'list'], target.env)).stdout, {
          columns: true,
        }) as Record<string, string>[]
        assert.deepEqual(
          after.map((r) => [r.kind, r.version, r.in_use]),
          [
            ['section_11', '1', 'true'],
            ['section_175', '2', 'true'],
            ['section_175', '1', 'false'],
          ],
        )
      } finally {
        await target.cleanup()
      }
    },
  )
}
