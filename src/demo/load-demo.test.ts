// The demo area loads only into an empty database, and never over real data.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDatabase } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
import { withClock } from '../config/clock.ts'
import { DemoRefused, isEmpty, loadDemo } from './load-demo.ts'
import { addAgency } from '../agencies/agencies.ts'
import { checkPassword } from '../access/passwords.ts'
import { DEMO_PASSWORD } from './users.ts'
import { planActions } from '../reviews/store-actions.ts'
import { shownStatus } from '../reviews/actions.ts'
import { overdueActionsByAgency } from '../reviews/pages.ts'
import { rapidReviewClocks } from '../reviews/clocks.ts'
import type { Db } from '../db/database.ts'

const listReviewClocks = async (db: Db, at: Date) =>
  (await db.selectFrom('reviews').select(['incident_known_on', 'notified_on', 'decided_on']).execute()).map((r) =>
    rapidReviewClocks(
      { incidentKnownOn: r.incident_known_on ?? '', notifiedOn: r.notified_on, decidedOn: r.decided_on },
      at,
    ).map((c) => c.state),
  )

forEachDatabase('loading the demo area', (backend) => {
  test('loads agencies, records, users for each role, and allocations; then refuses a second time', async () => {
    const { db } = backend().database
    assert.equal(await isEmpty(db), true)
    // the demo's years end the day before now, a clock set in the past's too: none of it is recorded in the future
    const loaded = await withClock(new TestClock('2009-01-01T00:00:00'), () =>
      loadDemo(db, { area: { children: 200, exploitedShare: 0.03 } }),
    )
    assert.ok(loaded.objects > 500)
    const roles = new Set((await db.selectFrom('users').select('roles').execute()).flatMap((u) => u.roles))
    assert.deepEqual([...roles].sort(), ['admin', 'manager', 'mash', 'partnership', 'practitioner'])
    const sw = (
      await db.selectFrom('users').select(['password_hash', 'roles']).where('email', 'like', '%@csc.demo').execute()
    ).find((u) => u.roles.includes('practitioner'))!
    assert.equal(await checkPassword(sw.password_hash, DEMO_PASSWORD), true)
    assert.ok(
      (await db.selectFrom('allocations').select('id').execute()).length > 0,
      'story children have allocated workers',
    )
    assert.ok((await db.selectFrom('agencies').select('code').where('is_demo', '=', true).execute()).length >= 7)
    // the learning and assurance, through the services the pages use (src/demo/learning.ts)
    const at = new Date('2009-01-01T00:00:00Z')
    const [review] = await db.selectFrom('reviews').select(['id', 'pseudonym', 'notified_on', 'decided_on']).execute()
    assert.equal(review.pseudonym, 'Child Q')
    const clocks = (await listReviewClocks(db, at))[0]
    assert.deepEqual(clocks, ['met', 'met_late'], 'the notification in time, the rapid review late')
    const actions = await planActions(db)
    assert.deepEqual(
      actions
        .filter((a) => a.reviewId !== null)
        .map((a) => [a.agency, shownStatus(a, at)])
        .sort(),
      [
        ['csc', 'overdue'],
        ['health', 'in_progress'],
        ['police', 'done'],
      ],
    )
    const chair = (await db.selectFrom('users').select(['id', 'agency_code', 'roles']).execute()).find((u) =>
      u.roles.includes('partnership'),
    )!
    const byAgency = await overdueActionsByAgency(
      db,
      { id: chair.id, agency: chair.agency_code, roles: chair.roles },
      at,
    )
    assert.deepEqual(
      byAgency.filter((r) => r.overdue > 0).map((r) => r.agency),
      ['csc'],
      'the partnership page shows the overdue action',
    )
    assert.deepEqual(
      (await db.selectFrom('self_assessments').select(['kind', 'standards_version']).orderBy('kind').execute()).map(
        (r) => [r.kind, r.standards_version],
      ),
      [
        ['section_11', 1],
        ['section_175', 1],
      ],
    )
    const [auditRow] = await db.selectFrom('case_audits').select(['id', 'theme']).execute()
    assert.equal(auditRow.theme, 'Children missing from care with exploitation risk')
    await assert.rejects(loadDemo(db), DemoRefused)
  })

  test('refuses a database that holds anything that is not demo data', async () => {
    const { db } = backend().database
    await addAgency(db, { code: 'police', name: 'Real Police', kind: 'police' })
    await assert.rejects(loadDemo(db), /not the demo area/)
    assert.equal((await db.selectFrom('person_versions').select('id').execute()).length, 0)
  })
})
