// The audit programme on both databases: the cohort drawn from the criteria is the same for the same
// seed and data and stratified in proportion, the pre-fill comes from the rules that decide each fact,
// and an auditor's access grant opens only the children their agency knew, each view recorded against
// the audit, and ends when the audit closes or its closing day is over.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDatabase } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
import { importObjects, seedArea, TEST_ACTOR, type SeededUsers } from '../testing/seed.ts'
import { addAgency } from '../agencies/agencies.ts'
import { childFor } from '../people/child-in-reach.ts'
import { viewPersonRecord } from '../people/record-view.ts'
import type { Viewer } from '../access/visibility.ts'
import type { Db } from '../db/database.ts'
import { addAuditor, drawFor, prefillFor, startAudit } from './programme.ts'
import { addCriterion, closeAudit, cohortOf, type NewAudit } from './store.ts'
import { SHIPPED_CRITERIA } from './criteria.ts'
import { auditArea, AUDIT_CHILDREN } from './test-fixtures.ts'

const clock = new TestClock('2026-07-01T12:00:00')

const nfa = (over: Partial<NewAudit> = {}): NewAudit => ({
  theme: "NFA decisions after another agency's concern",
  criteria: 'nfa_after_concern',
  periodFrom: '2026-04-01',
  periodTo: '2026-04-30',
  sampleSize: 6,
  seed: 'spring-2026',
  stratifyBy: 'none',
  toolVersion: '1.0.0',
  closesOn: '2026-09-30',
  ...over,
})

async function childId(db: Db, agency: string, source: string): Promise<number> {
  const row = await db
    .selectFrom('entity_links')
    .select('entity_id')
    .where('agency_code', '=', agency)
    .where('source_id', '=', source)
    .executeTakeFirstOrThrow()
  return row.entity_id
}

forEachDatabase(
  'the audit programme',
  (backend) => {
    let users: SeededUsers
    let db: Db
    before(async () => {
      db = backend().database.db
      ;({ users } = await seedArea(db))
      await addAgency(db, { code: 'cps', name: 'Crown Prosecution Service', kind: 'prosecutor' })
      await importObjects(db, auditArea(), new Date('2026-06-01T00:00:00Z'))
    })

    test('the same seed and the same data draw the same children; another seed another sample', async () => {
      const at = clock.now()
      const first = await drawFor(db, nfa(), at)
      const again = await drawFor(db, nfa(), at)
      assert.equal(first.length, 6)
      assert.deepEqual(
        again.map((c) => c.childId),
        first.map((c) => c.childId),
      )
      const other = await drawFor(db, nfa({ seed: 'another' }), at)
      assert.notDeepEqual(
        other.map((c) => c.childId),
        first.map((c) => c.childId),
      )
      // every child drawn met the criteria: all twelve had an NFA in April after social care's concern
      const all = await drawFor(db, nfa({ sampleSize: 50 }), at)
      assert.equal(all.length, AUDIT_CHILDREN)
      // the agencies that knew each child are those holding a record of them
      const ada = await childId(db, 'police', 'AP-1')
      assert.deepEqual(all.find((c) => c.childId === ada)?.agencies, ['csc', 'health', 'police'])
      // a period with no NFA draws no one
      assert.deepEqual(await drawFor(db, nfa({ periodFrom: '2026-01-01', periodTo: '2026-01-31' }), at), [])
    })

    test('stratified by agency: each agency’s share of the sample in proportion to its decisions', async () => {
      const at = clock.now()
      // ten police decisions and two of the prosecutor's: a sample of six gives five and one
      const drawn = await drawFor(db, nfa({ stratifyBy: 'agency', seed: 'strata' }), at)
      const by = (s: string) => drawn.filter((c) => c.stratum === s).length
      assert.equal(by('police'), 5)
      assert.equal(by('cps'), 1)
      assert.deepEqual(
        (await drawFor(db, nfa({ stratifyBy: 'agency', seed: 'strata' }), at)).map((c) => c.childId),
        drawn.map((c) => c.childId),
      )
    })

    test('missing with a risk of exploitation: the children missing in May with band 2 or more', async () => {
      const drawn = await drawFor(
        db,
        nfa({
          criteria: 'missing_with_risk',
          periodFrom: '2026-05-01',
          periodTo: '2026-05-31',
          sampleSize: 10,
          stratifyBy: 'band',
        }),
        clock.now(),
      )
      const missing = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => childId(db, 'police', `AP-${n}`)))
      assert.deepEqual(
        drawn.map((c) => c.childId).sort((a, b) => a - b),
        missing.sort((a, b) => a - b),
      )
      assert.ok(
        drawn.every((c) => /^band [234]$/.test(c.stratum)),
        drawn.map((c) => c.stratum).join(),
      )
    })

    test('the pre-fill: key dates, the interview held late and the one never held, decisions not challenged', async () => {
      const at = clock.now()
      const ada = await prefillFor(db, await childId(db, 'police', 'AP-1'), at)
      assert.deepEqual(
        ada.keyDates.map((k) => [k.day, k.what]),
        [
          ['2026-03-02', 'First concern raised'],
          ['2026-03-02', 'First record of the child'],
          ['2026-04-02', 'Decision: no further action'],
          ['2026-05-02', 'Missing until 2026-05-02'],
          ...ada.keyDates.filter((k) => k.what.startsWith('Risk')).map((k) => [k.day, k.what]),
        ].sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1])),
      )
      assert.deepEqual(ada.interviewsLateOrNotHeld, [
        { returnedDay: '2026-05-02', status: 'held after the due time', agencies: 'police' },
      ])
      assert.deepEqual(ada.decisions, [
        { day: '2026-04-02', agency: 'police', outcome: 'no further action', challenged: false },
      ])
      const bree = await prefillFor(db, await childId(db, 'police', 'AP-2'), at)
      assert.deepEqual(
        bree.interviewsLateOrNotHeld.map((i) => i.status),
        ['not held and overdue'],
      )
      const kit = await prefillFor(db, await childId(db, 'police', 'AP-11'), at)
      assert.deepEqual(kit.interviewsLateOrNotHeld, [])
      assert.deepEqual(
        kit.decisions.map((d) => d.agency),
        ['cps'],
      )
    })

    test("an auditor's grant opens the children their agency knew, is recorded with each view, and ends at close", async () => {
      const at = clock.now()
      const id = await startAudit(db, TEST_ACTOR, users.partnership, nfa({ sampleSize: 12 }), at)
      const cohort = await cohortOf(db, id)
      assert.equal(cohort.length, 12)
      const nurse: Viewer = { kind: 'user', userId: users.nurse, agency: 'health', roles: ['practitioner'] }
      const known = cohort.filter((c) => c.agencies.includes('health'))
      const unknown = cohort.filter((c) => !c.agencies.includes('health'))
      assert.equal(known.length, 4)
      assert.equal((await childFor(db, nurse, known[0].childId, at)).reach.level, 'signpost')
      await addAuditor(db, TEST_ACTOR, id, users.nurse, users.partnership, at)
      const reach = (await childFor(db, nurse, known[0].childId, at)).reach
      assert.equal(reach.level, 'full')
      assert.equal(reach.level === 'full' && reach.audit, id)
      // a child health never knew stays a signpost
      assert.equal((await childFor(db, nurse, unknown[0].childId, at)).reach.level, 'signpost')
      // every view through the grant names the audit
      await viewPersonRecord(
        db,
        nurse,
        {
          kind: 'user',
          userId: users.nurse,
          email: 'nurse@health.test',
          name: 'nurse',
          agency: 'health',
          roles: ['practitioner'],
        },
        known[0].childId,
        { at },
        at,
        {
          withEvents: false,
        },
      )
      const views = await db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'view_record')
        .where('entity_id', '=', known[0].childId)
        .execute()
      assert.ok(
        views.some((v) => (v.details as { audit_id?: number }).audit_id === id),
        JSON.stringify(views),
      )
      // an administrator cannot be named
      await assert.rejects(
        addAuditor(db, TEST_ACTOR, id, users.admin, users.partnership, at),
        /manager or practitioner/,
      )

      const later = new Date(at.getTime() + 3600_000)
      await closeAudit(db, TEST_ACTOR, id, users.partnership, later)
      assert.equal((await childFor(db, nurse, known[0].childId, later)).reach.level, 'signpost')
      await assert.rejects(closeAudit(db, TEST_ACTOR, id, users.partnership, later), /already closed/)
      await assert.rejects(addAuditor(db, TEST_ACTOR, id, users.officer, users.partnership, later), /closed/)
    })

    test('a grant ends at the end of the closing day when the audit is not closed by hand', async () => {
      const at = clock.now()
      const id = await startAudit(
        db,
        TEST_ACTOR,
        users.partnership,
        nfa({ sampleSize: 12, closesOn: '2026-07-10' }),
        at,
      )
      await addAuditor(db, TEST_ACTOR, id, users.nurse, users.partnership, at)
      const child = (await cohortOf(db, id)).find((c) => c.agencies.includes('health'))!.childId
      const nurse: Viewer = { kind: 'user', userId: users.nurse, agency: 'health', roles: ['practitioner'] }
      assert.equal((await childFor(db, nurse, child, new Date('2026-07-10T22:00:00Z'))).reach.level, 'full')
      assert.equal((await childFor(db, nurse, child, new Date('2026-07-10T23:00:00Z'))).reach.level, 'signpost')
    })

    test('an audit records the criterion version it drew with; a newer version leaves its draw reproducible', async () => {
      const at = clock.now()
      const input = nfa({ criteria: 'missing_with_risk', periodFrom: '2026-05-01', periodTo: '2026-05-31', seed: 'v1' })
      const id = await startAudit(db, TEST_ACTOR, users.partnership, input, at)
      const drawn = (await cohortOf(db, id)).map((c) => c.childId)
      assert.equal(drawn.length, 6)
      const recorded = await db
        .selectFrom('case_audits')
        .select('criteria_version')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      assert.equal(recorded.criteria_version, 1)
      // version 2 asks for band 4 at the end of May: fewer children
      await addCriterion(
        db,
        TEST_ACTOR,
        { ...SHIPPED_CRITERIA[0], version: 2, conditions: [{ type: 'missing_episodes', min_band: 4 }] },
        at,
      )
      const newer = await drawFor(db, input, at)
      assert.ok(newer.length < drawn.length, `version 2 drew ${newer.length}`)
      // the audit's own version, with its seed, draws the same children again
      assert.deepEqual(
        (await drawFor(db, { ...input, criteriaVersion: 1 }, at)).map((c) => c.childId),
        drawn,
      )
    })
  },
  { clock, resetBetweenTests: false },
)
