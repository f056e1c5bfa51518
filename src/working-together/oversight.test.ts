// The CSE training rule on an imported allocation, and what counts as a child with a
// sexual-exploitation concern (decision 0037): pure.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { cseTrainingLapse, isCseTraining, sexualExploitationConcern } from './oversight.ts'
import { deriveEvidence, type EvidenceEvent } from '../risk/evidence.ts'
import { mayViewStaffRecords } from './access.ts'

const ROLES = ['interviewer', 'investigating_officer']
const cse = (completed_on: string, expires_on?: string) => [
  { name: 'CSE awareness level 2', completed_on, ...(expires_on ? { expires_on } : {}) },
]
const interviewer = { role: 'interviewer', from: '2010-06-01' }

test('a training is a CSE training when its name says so', () => {
  assert.ok(isCseTraining('CSE level 2'))
  assert.ok(isCseTraining('Child Sexual Exploitation: awareness'))
  assert.ok(!isCseTraining('Achieving Best Evidence'))
  assert.ok(!isCseTraining('Course on CSEC accounting'), 'CSE as a word, not inside another')
})

test('the rule needs a CSE training completed by the first day and not expired on it', () => {
  assert.equal(cseTrainingLapse(interviewer, cse('2010-06-01'), true, ROLES), null, 'completed that day')
  assert.equal(cseTrainingLapse(interviewer, cse('2009-01-01', '2010-06-01'), true, ROLES), null, 'expires that day')
  assert.equal(cseTrainingLapse(interviewer, cse('2009-01-01', '2010-05-31'), true, ROLES)?.lack, 'expired')
  assert.equal(cseTrainingLapse(interviewer, cse('2010-06-02'), true, ROLES)?.lack, 'not_yet_valid')
  assert.equal(cseTrainingLapse(interviewer, [], true, ROLES)?.lack, 'never_held')
})

test('the rule applies only to the roles of the setting, and only for a child with a concern', () => {
  assert.equal(cseTrainingLapse(interviewer, [], false, ROLES), null, 'no concern: no rule')
  assert.equal(cseTrainingLapse({ ...interviewer, role: 'allocated_worker' }, [], true, ROLES), null)
  assert.equal(cseTrainingLapse(interviewer, [], true, []), null, 'the area turned the rule off')
})

const event = (e: Partial<EvidenceEvent>): EvidenceEvent => ({
  agency: 'police',
  source_id: 'E-1',
  kind: 'note',
  occurred_at: '2010-05-01T10:00:00Z',
  recorded_at: '2010-05-01T12:00:00Z',
  indicators: [],
  involves: [],
  restricted: false,
  subject: 'P-1',
  ...e,
})
const concernOf = (events: EvidenceEvent[], at: string, band: number | null = 1) =>
  sexualExploitationConcern({ band, evidence: deriveEvidence(events), events }, new Date(at))

test('a sexual offence reported against the child is a concern from when it was recorded', () => {
  const rape = [event({ kind: 'crime_report', summary: 'Rape reported' })]
  assert.equal(concernOf(rape, '2010-05-01T11:00:00Z'), false, 'before it was recorded')
  assert.equal(concernOf(rape, '2010-05-01T13:00:00Z'), true)
  assert.equal(concernOf([event({ kind: 'crime_report', summary: 'Theft of a bicycle' })], '2010-06-01'), false)
})

test('a plan for sexual abuse or exploitation found at assessment is a concern; a neglect plan or criminal exploitation is not', () => {
  assert.ok(concernOf([event({ kind: 'cp_plan_start', extra: { category: 'SAB' } })], '2010-06-01'))
  assert.ok(!concernOf([event({ kind: 'cp_plan_start', extra: { category: 'NEG' } })], '2010-06-01'))
  assert.ok(concernOf([event({ kind: 'assessment', extra: { factors: ['11A'] } })], '2010-06-01'))
  assert.ok(!concernOf([event({ kind: 'assessment', extra: { factors: ['24A'] } })], '2010-06-01'))
})

test("the sexual-exploitation screen's band 2 or above is a concern", () => {
  assert.ok(concernOf([], '2010-06-01', 2))
  assert.ok(!concernOf([], '2010-06-01', 1))
  assert.ok(!concernOf([], '2010-06-01', null))
})

test("staff records are their own agency's managers' alone", () => {
  assert.ok(mayViewStaffRecords({ roles: ['manager'], agency: 'police' }, 'police'))
  assert.ok(!mayViewStaffRecords({ roles: ['manager'], agency: 'csc' }, 'police'))
  assert.ok(!mayViewStaffRecords({ roles: ['practitioner'], agency: 'police' }, 'police'))
  assert.ok(!mayViewStaffRecords({ roles: ['partnership'], agency: 'police' }, 'police'))
})
