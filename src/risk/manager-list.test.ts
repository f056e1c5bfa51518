// The morning page's unanswered children, sorted and paged over the whole list (manager-section.ts unansweredList),
// by their own keys so the page's other lists keep theirs.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { unansweredList } from './manager-section.ts'

const rows = Array.from({ length: 30 }, (_, i) => ({
  childId: i + 1,
  name: `Child ${String(30 - i).padStart(2, '0')}`,
  band: (i % 4) + 1,
  since: new Date(Date.UTC(2026, 0, 1 + i)),
}))

test("the morning page's unanswered children: page 2 follows page 1 in the order asked, with its count", () => {
  const own = unansweredList(rows, { 'unanswered-page': '2' })
  assert.deepEqual([own.first, own.last, own.total], [26, 30, 30])
  assert.deepEqual(
    own.rows.map((r) => r.childId),
    [26, 27, 28, 29, 30],
  )
  const byName = unansweredList(rows, { 'unanswered-sort': 'child', 'unanswered-page': '2' })
  assert.deepEqual(
    byName.rows.map((r) => r.childId),
    [5, 4, 3, 2, 1],
  )
  const byBand = unansweredList(rows, { 'unanswered-sort': 'band' })
  assert.deepEqual([...new Set(byBand.rows.map((r) => r.band))], [4, 3, 2, 1], 'highest band first')
  assert.equal(
    unansweredList(rows, { 'actions-page': '2', 'unanswered-sort': 'since' }).headers.since.href,
    '/manager?actions-page=2&unanswered-sort=since&unanswered-order=desc',
    "the other lists' pages are kept",
  )
  assert.equal(unansweredList(rows, { page: '2' }).page, 1, 'another key does not page this list')
})
