// The MASH queue sorted and paged through web/list-view.ts (mash-routes.ts queueList): the whole filtered
// queue is sorted before the page is cut, so page 2 follows page 1 in the order asked.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { triage, type TriageRow } from './mash-queue.ts'
import { queueList, readTriage } from './mash-routes.ts'

const row = (childId: number): TriageRow => ({
  childId,
  // names in the reverse order of the ids, so a sort by name is not the list's own order
  name: `Child ${String(100 - childId).padStart(3, '0')}`,
  band: (childId % 3) + 2,
  bandLabel: 'moderate',
  score: 9,
  minutesLeft: 0,
  reasons: [],
  unansweredSince: null,
  lastDecidedAt: null,
  rating: childId % 2 ? 'red' : 'amber',
  waitingSince: new Date(Date.UTC(2026, 0, 1, childId)),
  dueAt: new Date(Date.UTC(2026, 1, 1, 60 - childId)),
  overdue: childId % 4 === 0,
  agencies: ['police'],
  allocated: [],
})
const rows = Array.from({ length: 60 }, (_, i) => row(i + 1))
const ids = (q: Record<string, string>) => {
  const list = queueList(triage(rows, readTriage(q)), q)
  return { ids: list.rows.map((r) => r.childId), first: list.first, last: list.last, total: list.total }
}

test("the queue's page 2 follows page 1 in the order asked, with its count", () => {
  const byName = ids({ sort: 'name', page: '2' })
  assert.deepEqual(
    byName.ids,
    Array.from({ length: 25 }, (_, i) => 35 - i),
  )
  assert.deepEqual([byName.first, byName.last, byName.total], [26, 50, 60])
  const reversed = ids({ sort: 'name', order: 'desc', page: '2' })
  assert.deepEqual(
    reversed.ids,
    Array.from({ length: 25 }, (_, i) => 26 + i),
  )
  const last = ids({ sort: 'waiting', page: '3' })
  assert.deepEqual(
    last.ids,
    Array.from({ length: 10 }, (_, i) => 51 + i),
  )
  assert.deepEqual([last.first, last.last, last.total], [51, 60, 60])
})

test('the queue sorts by priority unless asked, a descending column runs highest first, filters keep it', () => {
  const priority = triage(rows, {}).map((r) => r.childId)
  assert.deepEqual(ids({}).ids, priority.slice(0, 25))
  assert.deepEqual(ids({ page: '2' }).ids, priority.slice(25, 50))
  const band = ids({ sort: 'band' }).ids.map((id) => row(id).band)
  assert.deepEqual(
    band,
    [...band].sort((a, b) => b - a),
  )
  assert.equal(band[0], 4)
  const overdue = ids({ overdue: 'yes', sort: 'due' })
  assert.equal(overdue.total, 15)
  assert.deepEqual(overdue.ids.slice(0, 3), [60, 56, 52], 'due soonest first')
})
