// `threadline linkage train` and `threadline linkage thresholds`, run as a user would: the model is
// trained on the database's person records, stored and made active, with a summary on stderr.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { serverAvailable } from '../testing/backends.ts'
import { pgliteTarget, postgresTarget, runCli, openTargetDatabase } from '../testing/cli.ts'
import { seedLinkageArea } from '../testing/linkage-area.ts'

test(
  'linkage train stores an active model; thresholds shows and sets the trade-off',
  { timeout: 120_000 },
  async () => {
    const target = serverAvailable ? postgresTarget() : pgliteTarget()
    try {
      const database = await openTargetDatabase(target)
      await seedLinkageArea(database.db, 200)
      const records = await database.db
        .selectFrom('person_versions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      await database.close()

      const before = await runCli(['linkage', 'thresholds', '--format', 'json'], target.env)
      assert.equal(before.code, 0, before.stderr)
      assert.match(before.stderr, /linking with the shipped default model/)
      assert.deepEqual(
        JSON.parse(before.stdout)
          .map((r: { expected_precision: string }) => r.expected_precision)
          .filter(Boolean),
        [],
      )

      const trained = await runCli(['linkage', 'train', '--seed', '3'], target.env)
      assert.equal(trained.code, 0, trained.stderr)
      assert.equal(trained.stdout, '')
      assert.match(
        trained.stderr,
        new RegExp(`trained linkage model 2 on ${Number(records.n)} person records \\(\\d+ candidate pairs`),
      )
      assert.match(trained.stderr, /auto-link at 0\.95: expected precision 0\.\d+, recall 0\.\d+/)

      const set = await runCli(
        ['linkage', 'thresholds', '--auto', '0.9', '--review', '0.4', '--format', 'json'],
        target.env,
      )
      assert.equal(set.code, 0, set.stderr)
      const rows = JSON.parse(set.stdout) as {
        threshold: number
        use: string
        expected_precision: string
        expected_recall: string
      }[]
      assert.deepEqual(
        rows.filter((r) => r.use).map((r) => [r.threshold, r.use]),
        [
          [0.4, 'review'],
          [0.9, 'auto'],
        ],
      )
      for (const r of rows) assert.ok(Number(r.expected_recall) <= 1 && Number(r.expected_precision) <= 1)
      const recalls = rows.map((r) => Number(r.expected_recall))
      assert.deepEqual(
        recalls,
        [...recalls].sort((a, b) => b - a),
        'recall falls as the threshold rises',
      )

      const wrong = await runCli(['linkage', 'thresholds', '--auto', '0.3', '--review', '0.4'], target.env)
      assert.equal(wrong.code, 2)
      assert.match(wrong.stderr, /review threshold must be below/)
    } finally {
      await target.cleanup()
    }
  },
)
