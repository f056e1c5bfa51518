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
    await assert.rejects(loadDemo(db), DemoRefused)
  })

  test('refuses a database that holds anything that is not demo data', async () => {
    const { db } = backend().database
    await addAgency(db, { code: 'police', name: 'Real Police', kind: 'police' })
    await assert.rejects(loadDemo(db), /not the demo area/)
    assert.equal((await db.selectFrom('person_versions').select('id').execute()).length, 0)
  })
})
