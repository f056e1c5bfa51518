// The morning page's overdue return interviews, sorted and paged over the whole list (manager-section.ts overdueList).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { overdueList } from './manager-section.ts'
import { episodeList } from './panels.ts'

const rows = Array.from({ length: 27 }, (_, i) => ({
  childId: i + 1,
  name: `Child ${i + 1}`,
  returnedAt: new Date(Date.UTC(2026, 0, 1 + i)),
  dueAt: new Date(Date.UTC(2026, 0, 30 - i)),
  assignedTo: i % 3 ? `Worker ${i % 3}` : null,
}))

test("the morning page's overdue interviews: page 2 follows page 1 in the order asked, with its count", () => {
  const own = overdueList(rows, { 'interviews-page': '2' })
  assert.deepEqual([own.first, own.last, own.total], [26, 27, 27])
  const byDue = overdueList(rows, { 'interviews-sort': 'due', 'interviews-page': '2' })
  assert.deepEqual(
    byDue.rows.map((r) => r.childId),
    [2, 1],
    'due longest ago first, over every interview',
  )
  const assigned = overdueList(rows, {
    'interviews-sort': 'assigned',
    'interviews-order': 'desc',
    'interviews-page': '2',
  })
  assert.deepEqual(
    assigned.rows.map((r) => r.assignedTo),
    ['Worker 1', 'Worker 1'],
    'Z to A over every interview',
  )
})

test("a child's missing episodes: 25 a page, newest first, page 2 in the order asked, with its count", () => {
  const episodes = Array.from({ length: 60 }, (_, i) => ({
    id: i,
    episode: {
      startedAt: new Date(Date.UTC(2025, 0, 1 + i)),
      returnedAt: i % 10 === 0 ? null : new Date(Date.UTC(2025, 0, 1 + i, 1 + (i % 7))),
    },
  }))
  const newest = [...episodes].reverse()
  const own = episodeList(newest, 7, { 'episodes-page': '2' })
  assert.deepEqual([own.first, own.last, own.total], [26, 50, 60])
  assert.deepEqual(
    own.rows.map((e) => e.id),
    Array.from({ length: 25 }, (_, i) => 34 - i),
  )
  const oldest = episodeList(newest, 7, { 'episodes-sort': 'missing', 'episodes-order': 'desc', 'episodes-page': '3' })
  assert.deepEqual(
    oldest.rows.map((e) => e.id),
    Array.from({ length: 10 }, (_, i) => 50 + i),
    'oldest first, over all',
  )
  assert.equal(own.pagination?.next?.href, '/people/7/missing?episodes-page=3')
})
