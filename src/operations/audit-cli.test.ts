// `threadline audit anchor` and `threadline audit verify --anchor FILE`, run as a user would.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { serverAvailable } from '../testing/backends.ts'
import { pgliteTarget, postgresTarget, runCli, openTargetDatabase } from '../testing/cli.ts'
import { audit } from '../audit/audit.ts'

test(
  'audit anchor prints ID HASH; verify --anchor fails naming the row when the newest rows are deleted',
  { timeout: 180_000 },
  async () => {
    const target = serverAvailable ? postgresTarget() : pgliteTarget()
    const dir = mkdtempSync(join(tmpdir(), 'threadline-anchor-'))
    try {
      let database = await openTargetDatabase(target)
      const actor = { kind: 'system' as const, name: 'test' }
      await audit(
        database.db,
        actor,
        [{ action: 'search' }, { action: 'view_home' }, { action: 'sign_out' }],
        new Date('2023-01-01'),
      )
      await database.close()

      const anchored = await runCli(['audit', 'anchor'], target.env)
      assert.equal(anchored.code, 0, anchored.stderr)
      assert.match(anchored.stdout, /^\d+ [0-9a-f]{64}\n$/)
      const file = join(dir, 'anchors.txt')
      writeFileSync(file, anchored.stdout)
      const ok = await runCli(['audit', 'verify', '--anchor', file, '--format', 'json'], target.env)
      assert.equal(ok.code, 0, ok.stderr)
      assert.equal(JSON.parse(ok.stdout)[0].anchors_checked, 1)

      const id = Number(anchored.stdout.split(' ')[0])
      database = await openTargetDatabase(target)
      await sql`alter table audit_log disable trigger audit_log_no_change`.execute(database.db)
      await sql`delete from audit_log where id >= ${id - 1}`.execute(database.db)
      await sql`alter table audit_log enable trigger audit_log_no_change`.execute(database.db)
      await database.close()
      const plain = await runCli(['audit', 'verify'], target.env)
      assert.equal(plain.code, 0, 'the chain alone still holds after a truncation')
      const caught = await runCli(['audit', 'verify', '--anchor', file], target.env)
      assert.equal(caught.code, 1)
      assert.match(caught.stderr, new RegExp(`lost row ${id}\\b`))

      const empty = join(dir, 'empty.txt')
      writeFileSync(empty, 'no anchors here\n')
      const none = await runCli(['audit', 'verify', '--anchor', empty], target.env)
      assert.notEqual(none.code, 0)
      assert.match(none.stderr, /has no anchor: expected lines "ID HASH"/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
      await target.cleanup()
    }
  },
)
