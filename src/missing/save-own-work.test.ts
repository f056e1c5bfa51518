// A practitioner's save does its own work in one short transaction (issue 20, decision 0061): the
// records it writes, its subject's link, its child's score marked and its own events' language checked,
// all inside its transaction; nothing about the rest of the area (the planner's statistics, the linkage
// model's re-estimation count, the linking lock that imports hold, other children's unchecked records).
// Asserted on what happened: which records were checked, which statements ran and where.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { PostgresDriver, sql, type CompiledQuery, type DatabaseConnection } from 'kysely'
import { forEachDatabase } from '../testing/backends.ts'
import { seedArea } from '../testing/seed.ts'
import { addAgency } from '../agencies/agencies.ts'
import { createUser } from '../access/users.ts'
import type { Db } from '../db/database.ts'
import type { SignedInUser } from '../access/signed-in-user.ts'
import { actorOfUser } from '../access/signed-in-user.ts'
import { newSourceId, recordOnPage } from './store.ts'

/** Every statement any connection runs while `recording` is on, with its parameters. */
const ran: { sql: string; parameters: readonly unknown[] }[] = []
let recording = false
const driver = PostgresDriver.prototype as unknown as { acquireConnection(): Promise<DatabaseConnection> }
const acquire = driver.acquireConnection
const watched = new WeakSet<DatabaseConnection>()

const at = new Date('2026-06-01T10:00:00Z')

forEachDatabase(
  "a practitioner's save does its own work",
  (backend) => {
    let db: Db
    let amy: number
    const user = async (agency: string, email: string): Promise<SignedInUser> => {
      const id = await createUser(db, {
        email,
        name: email,
        agency,
        roles: ['practitioner'],
        password: 'a long pass phrase for the test 7',
      })
      return {
        id,
        email,
        name: email,
        agency,
        agencyName: agency,
        roles: ['practitioner'],
        jobTitle: null,
        isDemo: false,
      }
    }
    const save = (by: SignedInUser, summary: string) =>
      recordOnPage(db, actorOfUser(by), by, amy, at, (subject) => ({
        records: [
          {
            type: 'event',
            agency: by.agency,
            source_id: newSourceId(),
            subject,
            kind: 'missing_episode',
            occurred_at: '2026-05-31T22:00:00Z',
            recorded_at: at.toISOString(),
            summary,
          },
        ],
        action: 'record_missing_episode',
        details: {},
      }))
    const unchecked = async () =>
      (
        await sql<{ id: number }>`select e.id from events e where e.is_current and e.summary is not null
        and not exists (select 1 from language_event_checks k where k.event_id = e.id) order by e.id`.execute(db)
      ).rows.map((r) => r.id)

    before(async () => {
      db = backend().database.db
      amy = (await seedArea(db)).amy
      await addAgency(db, { code: 'charity', name: 'Runaways charity', kind: 'other' })
      driver.acquireConnection = async function (this: unknown) {
        const connection = await acquire.call(this)
        if (!watched.has(connection)) {
          watched.add(connection)
          const execute = connection.executeQuery.bind(connection)
          connection.executeQuery = <R>(query: CompiledQuery) => {
            if (recording) ran.push({ sql: query.sql.replace(/\s+/g, ' ').trim(), parameters: query.parameters })
            return execute<R>(query)
          }
        }
        return connection
      }
    })
    after(() => {
      driver.acquireConnection = acquire
    })

    test('a save checks the language of its own record, not the records of the area a bulk load left unchecked', async () => {
      // as after a load too big to check at import: the area's records wait to be checked when first read
      await sql`delete from language_event_checks`.execute(db)
      const waiting = await unchecked()
      assert.ok(waiting.length > 0, 'the seed area has records with text')
      await save(await user('csc', 'sw2@csc.test'), 'Missing overnight; she was putting herself at risk')
      const after = await unchecked()
      assert.deepEqual(after, waiting, "the area's unchecked records are left as they were")
      const own = await sql<{ findings: unknown }>`select k.findings from language_event_checks k
      join events e on e.id = k.event_id where e.summary like 'Missing overnight%'`.execute(db)
      assert.equal(own.rows.length, 1, "the save's own record is checked")
    })

    test('a save with a new subject: one transaction, its link and audit in it, nothing area-wide, no linking lock', async () => {
      const worker = await user('charity', 'worker@charity.test')
      await db.deleteFrom('risk_stale').execute()
      ran.length = 0
      recording = true
      try {
        await save(worker, 'Found at the bus station')
      } finally {
        recording = false
      }
      const statements = ran.map((r) => r.sql)
      const begins = statements.flatMap((s, i) => (/^begin/i.test(s) ? [i] : []))
      assert.equal(begins.length, 1, `one transaction:\n${statements.join('\n')}`)
      const commit = statements.findIndex((s) => /^commit/i.test(s))
      assert.ok(commit > begins[0])
      // every write of the save, the subject's link among them, is inside that transaction
      statements.forEach((s, i) => {
        if (/^(insert|update|delete)\b/i.test(s))
          assert.ok(i > begins[0] && i < commit, `a write outside the save's transaction: ${s}`)
      })
      assert.ok(
        statements.some((s, i) => i > begins[0] && i < commit && /insert into "entity_links"/.test(s)),
        "the subject's link is written in the save's transaction",
      )
      // nothing about the area: no statistics, no count of every person record, no linking lock (7300003)
      for (const { sql: s, parameters } of ran) {
        assert.doesNotMatch(s, /\banalyze\b|pg_relation_size/i, 'the planner statistics are not the save’s work')
        assert.doesNotMatch(s, /count\(\*\)::int as n from person_versions where is_current and not withdrawn/)
        assert.ok(!(/pg_advisory_xact_lock/.test(s) && parameters.includes(7_300_003)), 'no linking lock')
        assert.doesNotMatch(s, /from "linkage_state"|into linkage_state/, 'no linker session')
      }
      // and the save kept what it guarantees: the new record linked to the child, audited with it, the score marked
      const linked = await db
        .selectFrom('entity_links')
        .select(['entity_id', 'method'])
        .where('agency_code', '=', 'charity')
        .execute()
      assert.deepEqual(linked, [{ entity_id: amy, method: 'person_decision' }])
      const event = await db
        .selectFrom('events')
        .select('id')
        .where('summary', '=', 'Found at the bus station')
        .executeTakeFirstOrThrow()
      const checked = await db
        .selectFrom('language_event_checks')
        .select('event_id')
        .where('event_id', '=', event.id)
        .execute()
      assert.equal(checked.length, 1)
      const audited = await db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'record_missing_episode')
        .where('entity_id', '=', amy)
        .where('user_id', '=', worker.id)
        .execute()
      assert.equal(audited.length, 1)
      const stale = await db.selectFrom('risk_stale').select('entity_id').where('entity_id', '=', amy).execute()
      assert.equal(stale.length, 1, "the child's score is marked to be worked out again")
    })
  },
  { resetBetweenTests: false },
)
