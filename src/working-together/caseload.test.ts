import { test } from 'node:test'
import assert from 'node:assert/strict'
import { allocationHistory, caseload, teamCaseload, workersInYear, type Allocation } from './caseload.ts'

const d = (iso: string) => new Date(iso)
const allocations: Allocation[] = [
  { childId: 'C1', worker: 'amy', from: d('2025-01-01T00:00:00Z'), to: d('2025-09-01T00:00:00Z') },
  { childId: 'C1', worker: 'ben', from: d('2025-09-01T00:00:00Z'), to: d('2026-02-01T00:00:00Z') },
  { childId: 'C1', worker: 'cat', from: d('2026-02-01T00:00:00Z') },
  { childId: 'C2', worker: 'cat', from: d('2026-01-01T00:00:00Z') },
  { childId: 'C3', worker: 'cat', from: d('2026-01-01T00:00:00Z') },
  { childId: 'C4', worker: 'ben', from: d('2026-01-01T00:00:00Z') },
]
const bands: Record<string, number | null> = { C1: 4, C2: 3, C3: null, C4: 1 }
const at = d('2026-06-01T00:00:00Z')

test('caseload weighs each child by risk band and each open task', () => {
  const c = caseload('cat', allocations, (id) => bands[id], 4, at)
  assert.equal(c.children, 3)
  assert.deepEqual(c.byBand, { '4': 1, '3': 1, none: 1 })
  assert.equal(c.weight, 5 + 3 + 1 + 4 * 0.5)
  assert.equal(caseload('cat', allocations, (id) => bands[id], 4, at, { capacity: 10 }).overloaded, true)
  const team = teamCaseload(
    ['ben', 'cat'],
    allocations,
    (id) => bands[id],
    () => 0,
    at,
    { capacity: 8 },
  )
  assert.deepEqual(
    team.map((t) => [t.worker, t.weight, t.overloaded]),
    [
      ['cat', 9, true],
      ['ben', 1, false],
    ],
  )
})

test("a child's page shows who has been responsible, for how long, and how many workers in a year", () => {
  const h = allocationHistory('C1', allocations, at)
  assert.deepEqual(
    h.map((r) => [r.worker, r.days]),
    [
      ['amy', 243],
      ['ben', 153],
      ['cat', 120],
    ],
  )
  assert.equal(workersInYear('C1', allocations, at), 3)
  assert.equal(workersInYear('C1', allocations, d('2027-03-01T00:00:00Z')), 1)
})
