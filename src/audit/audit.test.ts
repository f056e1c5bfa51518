import { test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { forEachDatabase } from '../testing/backends.ts'
import { audit, verifyAudit, viewsOf } from './audit.ts'
import { canonical, GENESIS, rowHash } from './chain.ts'
import { checkAnchors, currentAnchor, describeBreak, parseAnchors } from './anchor.ts'

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

    test('who viewed a person includes the lists that showed them (details.children), merged ids too', async () => {
      const { db } = backend().database
      const [child, away, other] = await Promise.all(
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
        viewer('searcher@csc.test'),
        { action: 'search', details: { query: 'x', children: [other, child] } },
        new Date('2021-01-01T00:00:00Z'),
      )
      await audit(
        db,
        viewer('lister@csc.test'),
        { action: 'view_networks', details: { children: [away] } },
        new Date('2021-01-02T00:00:00Z'),
      )
      await audit(
        db,
        viewer('elsewhere@csc.test'),
        { action: 'search', details: { children: [other], results: child } },
        new Date('2021-01-03T00:00:00Z'),
      )
      assert.deepEqual(
        (await viewsOf(db, child)).map((v) => [v.actor, v.action]),
        [['searcher@csc.test', 'search']],
      )
      await db.updateTable('entities').set({ merged_into: child }).where('id', '=', away).execute()
      assert.deepEqual(
        (await viewsOf(db, child)).map((v) => v.actor),
        ['lister@csc.test', 'searcher@csc.test'],
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
      await audit(
        db,
        actor,
        [{ action: 'search' }, { action: 'view_home' }, { action: 'sign_out' }],
        new Date('2021-01-01'),
      )
      const rows = await db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(2).execute()
      await sql`alter table audit_log disable trigger audit_log_no_change`.execute(db)
      await sql`delete from audit_log where id = ${rows[1].id}`.execute(db)
      await sql`alter table audit_log enable trigger audit_log_no_change`.execute(db)
      assert.equal((await verifyAudit(db)).firstBrokenRow, rows[0].id)
    })

    test('an anchor kept outside catches the newest rows deleted, and a row removed with the chain computed again', async () => {
      const { db } = backend().database
      // a trail of its own: the tests before this one broke theirs on purpose
      await sql`alter table audit_log disable trigger audit_log_no_change`.execute(db)
      await sql`delete from audit_log`.execute(db)
      await sql`alter table audit_log enable trigger audit_log_no_change`.execute(db)
      await audit(
        db,
        actor,
        [{ action: 'search' }, { action: 'view_home' }, { action: 'sign_out' }],
        new Date('2022-01-01'),
      )
      const anchor = (await currentAnchor(db))!
      assert.match(`${anchor.id} ${anchor.hash}`, /^\d+ [0-9a-f]{64}$/)
      assert.deepEqual(await checkAnchors(db, [anchor]), [])
      // truncation: the newest two rows deleted; the chain alone still holds
      const newest = await db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(2).execute()
      await sql`alter table audit_log disable trigger audit_log_no_change`.execute(db)
      await sql`delete from audit_log where id >= ${newest[1].id}`.execute(db)
      const chain = await verifyAudit(db)
      assert.equal(chain.firstBrokenRow, null, 'the chain alone cannot see a truncation')
      const missing = await checkAnchors(db, [anchor])
      assert.deepEqual(
        missing.map((p) => [p.id, p.problem]),
        [[anchor.id, 'missing']],
      )
      assert.match(describeBreak(chain, missing)!, new RegExp(`lost row ${anchor.id}`))
      const kept = await db
        .selectFrom('audit_log')
        .select('id')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow()
      assert.equal(missing[0].intactUpTo, kept.id)
      assert.match(
        describeBreak(chain, missing)!,
        new RegExp(`the first row missing is the one after row ${kept.id}\\b`),
      )
      // a row removed in the middle and every later hash computed again
      await audit(
        db,
        actor,
        [{ action: 'sign_in' }, { action: 'search' }, { action: 'view_person' }],
        new Date('2022-01-02'),
      )
      const between = (await currentAnchor(db))!
      await audit(db, actor, [{ action: 'view_record' }, { action: 'sign_out' }], new Date('2022-01-02'))
      const second = (await currentAnchor(db))!
      const rows = await db.selectFrom('audit_log').selectAll().orderBy('id').execute()
      const victim = rows[rows.length - 2]
      await sql`alter table audit_log disable trigger audit_log_no_change`.execute(db)
      await sql`delete from audit_log where id = ${victim.id}`.execute(db)
      let prev = rows[rows.length - 3].hash
      const last = rows[rows.length - 1]
      const rehash = rowHash(prev, { ...last, details: last.details })
      await sql`update audit_log set prev_hash = ${prev}, hash = ${rehash} where id = ${last.id}`.execute(db)
      prev = rehash
      await sql`alter table audit_log enable trigger audit_log_no_change`.execute(db)
      const rewritten = await verifyAudit(db)
      assert.equal(rewritten.firstBrokenRow, null, 'a chain computed again holds by itself')
      const changed = await checkAnchors(db, [second])
      assert.deepEqual(
        changed.map((p) => [p.id, p.problem, p.intactUpTo]),
        [[second.id, 'changed', null]],
      )
      assert.match(describeBreak(rewritten, changed)!, /rewritten up to row/)
      // with an earlier anchor still holding (the server logs one an hour), the change is placed after it
      const narrowed = await checkAnchors(db, [second, between])
      assert.deepEqual(
        narrowed.map((p) => [p.id, p.problem, p.intactUpTo]),
        [[second.id, 'changed', between.id]],
      )
      assert.ok(between.id < victim.id, 'the removed row came after the anchor that holds')
      assert.match(
        describeBreak(rewritten, narrowed)!,
        new RegExp(`the first changed row is after row ${between.id}\\b`),
      )
    })
  },
  { resetBetweenTests: false },
)

test('anchors are read from lines of ID HASH or from log lines that carry one', () => {
  const h = 'ab'.repeat(32)
  assert.deepEqual(parseAnchors(`12 ${h}\n\n{"level":30,"msg":"audit anchor 40 ${h}"}\nnothing here\n`), [
    { id: 12, hash: h },
    { id: 40, hash: h },
  ])
  assert.deepEqual(parseAnchors(`12 ${h}0`), [], 'a longer hex string is not a hash')
})
