// The competency register's staff, sorted and paged over every member of staff (supervision-routes.ts staffList).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { staffList } from './supervision-routes.ts'

const staff = Array.from({ length: 40 }, (_, i) => ({
  id: i + 1,
  agency: 'csc',
  roles: ['practitioner'],
  person: { id: i + 1, name: `Worker ${String(40 - i).padStart(2, '0')}`, asyeStartedOn: null },
  held: [],
  heldNow: Array.from({ length: i % 5 }, (_, k) => ({ valid: k % 2 === 0 })),
})) as unknown as Parameters<typeof staffList>[0]

test('the register pages its staff 25 at a time, sorted by name or valid competencies over everyone', () => {
  const own = staffList(staff, { page: '2' })
  assert.deepEqual([own.first, own.last, own.total], [26, 40, 40])
  const byName = staffList(staff, { sort: 'name', page: '2' })
  assert.deepEqual(
    byName.rows.map((w) => w.person.name),
    Array.from({ length: 15 }, (_, i) => `Worker ${26 + i}`),
  )
  const valid = (w: (typeof staff)[number]) => w.heldNow.filter((c) => c.valid).length
  const most = staffList(staff, { sort: 'valid' })
  assert.deepEqual(
    most.rows.map(valid),
    staff
      .map(valid)
      .sort((a, b) => b - a)
      .slice(0, 25),
    'most valid competencies first',
  )
  assert.equal(most.headers.valid.href, '/competencies?sort=valid&order=desc')
})
