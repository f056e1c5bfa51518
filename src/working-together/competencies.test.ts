import { test } from 'node:test'
import assert from 'node:assert/strict'
import { assignmentCheck } from './assignment.ts'
import { expiringSoon, qualifiedFor, qualifiedWorkers, type CompetentWorker } from './competencies.ts'

const d = (iso: string) => new Date(iso)
const trained: CompetentWorker = {
  id: 'dc-trained',
  competencies: [
    { type: 'abe_interviewing', obtainedAt: d('2024-01-10T00:00:00Z'), expiresAt: d('2027-01-10T00:00:00Z') },
    { type: 'cse_specialist', obtainedAt: d('2025-03-01T00:00:00Z'), expiresAt: null },
  ],
}
const abeOnly: CompetentWorker = {
  id: 'dc-abe',
  competencies: [{ type: 'abe_interviewing', obtainedAt: d('2024-01-10T00:00:00Z'), expiresAt: null }],
}
const lapsed: CompetentWorker = {
  id: 'dc-lapsed',
  competencies: [
    { type: 'abe_interviewing', obtainedAt: d('2020-01-10T00:00:00Z'), expiresAt: d('2023-01-10T00:00:00Z') },
    {
      type: 'cse_specialist',
      obtainedAt: d('2020-01-10T00:00:00Z'),
      expiresAt: null,
      revokedAt: d('2025-06-01T00:00:00Z'),
    },
  ],
}
const task = 'evidential_interview_child_victim'
const at = d('2026-06-01T10:00:00Z')

test('an evidential interview of a child victim needs ABE and CSE training, both in date', () => {
  assert.equal(qualifiedFor(task, trained, at).qualified, true)
  assert.deepEqual(
    qualifiedFor(task, abeOnly, at).missing.map((m) => [m.type, m.lack]),
    [['cse_specialist', 'never_held']],
  )
  assert.deepEqual(
    qualifiedFor(task, lapsed, at).missing.map((m) => [m.type, m.lack]),
    [
      ['abe_interviewing', 'expired'],
      ['cse_specialist', 'revoked'],
    ],
  )
  assert.equal(qualifiedFor(task, trained, d('2027-01-10T00:00:00Z')).qualified, false, 'expired from its expiry on')
  assert.equal(qualifiedFor(task, trained, d('2025-02-28T00:00:00Z')).missing[0].lack, 'not_yet_valid')
  assert.equal(qualifiedFor('home_visit', abeOnly, at).qualified, true, 'a task with no requirements')
  assert.deepEqual(
    qualifiedWorkers(task, [abeOnly, trained, lapsed], at).map((w) => w.id),
    ['dc-trained'],
  )
  assert.deepEqual(
    expiringSoon(trained, d('2026-12-01T00:00:00Z')).map((c) => c.type),
    ['abe_interviewing'],
  )
})

test("assigning someone unqualified needs a manager's override with a reason, and is then flagged", () => {
  assert.deepEqual(assignmentCheck(task, trained, at), { outcome: 'allowed', flagged: false, missing: [] })
  const refused = assignmentCheck(task, abeOnly, at)
  assert.equal(refused.outcome, 'needs_override')
  assert.equal(refused.flagged, false)
  assert.match(refused.outcome === 'needs_override' ? refused.message : '', /cse specialist not held/)
  const noReason = assignmentCheck(task, abeOnly, at, { by: 'ds-manager', isManager: true, reason: '  ', at })
  assert.deepEqual(noReason.outcome === 'needs_override' && noReason.problems, ['an override needs a reason'])
  const notManager = assignmentCheck(task, abeOnly, at, { by: 'dc-abe', isManager: false, reason: 'urgent', at })
  assert.deepEqual(notManager.outcome === 'needs_override' && notManager.problems, [
    'only a manager can override',
    'a worker cannot override for their own assignment',
  ])
  const overridden = assignmentCheck(task, abeOnly, at, {
    by: 'ds-manager',
    isManager: true,
    reason: 'no trained officer on duty; CSE specialist to attend',
    at,
  })
  assert.equal(overridden.outcome, 'overridden')
  assert.equal(overridden.flagged, true)
  assert.deepEqual(
    overridden.missing.map((m) => m.type),
    ['cse_specialist'],
  )
})
