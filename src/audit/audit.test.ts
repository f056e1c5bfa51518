import { test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { forEachDatabase } from '../testing/backends.ts'
import { audit, verifyAudit, viewsOf } from './audit.ts'
import { canonical, GENESIS, rowHash } from './chain.ts'

const actor = { kind: 'system' as const, name: 'test' }

test('the chain covers every field and the previous hash; key order does not matter', () => {
  const row = {
    id: 1,
    at: new Date('2020-01-01T00:00:00Z'),
    user_id: 3,
    actor: 'a@b',
    agency_code: 'police',
    action: 'view_record',
    entity_id: 7,
    details: { b: 1, a: [1, { d: 2, c: 3 }] },
    reason: null,
  }
  const h = rowHash(GENESIS, row)
  assert.equal(rowHash(GENESIS, { ...row, details: { a: [1, { c: 3, d: 2 }], b: 1 } }), h)
  for (const change of [
    { entity_id: 8 },
    { actor: 'x@b' },
    { reason: 'r' },
    { at: new Date('2020-01-01T00:00:01Z') },
    { details: { b: 2, a: [] } },
  ]) {
    assert.notEqual(rowHash(GENESIS, { ...row, ...change }), h, JSON.stringify(change))
  }
  assert.notEqual(rowHash('f'.repeat(64), row), h)
  assert.equal(canonical({ z: 1, a: undefined, b: null }), '{"b":null,"z":1}')
})

forEachDatabase(
  'the audit trail',
  (backend) => {
    test('who viewed a person includes views of the records merged into them, until the merge is undone', async () => {
      const { db } = backend().database
      const [kept, away, other] = await Promise.all(
        [0, 1, 2].map(
          async () =>
            (await db.insertInto('entities').values({ merged_into: null }).returning('id').executeTakeFirstOrThrow())
              .id,
        ),
      )
      const viewer = (email: string) => ({
        kind: 'user' as const,
        userId: 1,
        email,
        name: email,
        agency: 'csc',
        roles: [],
      })
      await audit(
        db,
        viewer('before@csc.test'),
        { action: 'view_record', entityId: away },
        new Date('2020-01-01T00:00:00Z'),
      )
      await audit(
        db,
        viewer('after@csc.test'),
        { action: 'view_record', entityId: kept },
        new Date('2020-01-02T00:00:00Z'),
      )
      await audit(
        db,
        viewer('elsewhere@csc.test'),
        { action: 'view_record', entityId: other },
        new Date('2020-01-03T00:00:00Z'),
      )
      assert.deepEqual(
        (await viewsOf(db, kept)).map((v) => v.actor),
        ['after@csc.test'],
      )
      await db.updateTable('entities').set({ merged_into: kept }).where('id', '=', away).execute()
      assert.deepEqual(
        (await viewsOf(db, kept)).map((v) => v.actor),
        ['after@csc.test', 'before@csc.test'],
      )
      await db.updateTable('entities').set({ merged_into: null }).where('id', '=', away).execute()
      assert.deepEqual(
        (await viewsOf(db, kept)).map((v) => v.actor),
        ['after@csc.test'],
      )
    })

    test('rows cannot be updated, deleted or truncated through the database', async () => {
      const { db } = backend().database
      await audit(db, actor, { action: 'view_record', entityId: 1 }, new Date())
      await assert.rejects(sql`update audit_log set action = 'nothing'`.execute(db), /append-only/)
      await assert.rejects(sql`delete from audit_log`.execute(db), /append-only/)
      await assert.rejects(sql`truncate audit_log`.execute(db), /append-only/)
    })

    test("verify finds the first row changed behind the application's back", async () => {
      const { db } = backend().database
      for (let i = 0; i < 5; i++)
        await audit(
          db,
          actor,
          [
            { action: 'view_record', entityId: i },
            { action: 'search', details: { q: `x${i}` } },
          ],
          new Date(Date.UTC(2020, 0, 1, 0, i)),
        )
      const ok = await verifyAudit(db)
      assert.equal(ok.firstBrokenRow, null)
      assert.ok(ok.checked >= 10)
      const rows = await db.selectFrom('audit_log').select('id').orderBy('id').execute()
      const target = rows[6].id
      // a database superuser can still get past the trigger: the chain is what shows it
      const original = await db
        .selectFrom('audit_log')
        .select('details')
        .where('id', '=', target)
        .executeTakeFirstOrThrow()
      await sql`alter table audit_log disable trigger audit_log_no_change`.execute(db)
      await sql`update audit_log set details = '{"q":"tampered"}' where id = ${target}`.execute(db)
      assert.equal((await verifyAudit(db)).firstBrokenRow, target)
      // put it back as it was, and the chain holds again
      await sql`update audit_log set details = ${JSON.stringify(original.details)}::jsonb where id = ${target}`.execute(
        db,
      )
      await sql`alter table audit_log enable trigger audit_log_no_change`.execute(db)
      assert.equal((await verifyAudit(db)).firstBrokenRow, null)
    })

    test('removing a row breaks the chain at the row after it', async () => {
      const { db } = backend().database
      await audit(db, actor, [{ action: 'a' }, { action: 'b' }, { action: 'c' }], new Date('2021-01-01'))
      const rows = await db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(2).execute()
      await sql`alter table audit_log disable trigger audit_log_no_change`.execute(db)
      await sql`delete from audit_log where id = ${rows[1].id}`.execute(db)
      await sql`alter table audit_log enable trigger audit_log_no_change`.execute(db)
      assert.equal((await verifyAudit(db)).firstBrokenRow, rows[0].id)
    })
  },
  { resetBetweenTests: false },
)
