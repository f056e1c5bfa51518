import { test } from 'node:test'
import assert from 'node:assert/strict'
import { stageOwner, type OwnerCandidate } from './stage-owner.ts'
import { londonTime } from './forms.ts'

const person = (id: number, agency: string, roles: string[], extra: Partial<OwnerCandidate> = {}): OwnerCandidate => ({
  id,
  agency,
  roles,
  jobTitle: null,
  active: true,
  managerId: null,
  ...extra,
})

const people = [
  person(1, 'cps', ['practitioner'], { managerId: 3 }),
  person(2, 'cps', ['manager'], { jobTitle: 'Unit manager' }),
  person(3, 'cps', ['manager'], { jobTitle: 'Team leader' }),
  person(4, 'cps', ['manager'], { jobTitle: 'Chief Crown Prosecutor' }),
  person(5, 'police', ['practitioner']),
  person(6, 'lscp', ['partnership']),
]

test('each stage of a challenge is owned by a person where Threadline can tell', () => {
  const facts = { againstAgency: 'cps', allocated: [5, 1], people }
  assert.equal(stageOwner('practitioner', facts), 1, "the challenged agency's allocated worker")
  assert.equal(stageOwner('line_manager', facts), 3, "that worker's own manager")
  assert.equal(stageOwner('senior_officer', facts), 4, 'a senior manager of the agency')
  assert.equal(stageOwner('independent_chair', facts), 6)
  assert.equal(stageOwner('unknown_role', facts), null)
})

test("without an allocated worker the stage falls back to the agency's managers, or no one", () => {
  const facts = { againstAgency: 'cps', allocated: [5], people }
  assert.equal(stageOwner('practitioner', facts), null)
  assert.equal(stageOwner('line_manager', facts), 2)
  const inactiveManager = people.map((p) => (p.id === 3 ? { ...p, active: false } : p))
  assert.equal(
    stageOwner('line_manager', { againstAgency: 'cps', allocated: [1], people: inactiveManager }),
    2,
    'a manager who has left does not own it',
  )
  assert.equal(
    stageOwner('independent_chair', { againstAgency: 'cps', allocated: [], people: people.filter((p) => p.id !== 6) }),
    null,
  )
})

test('dates typed on forms are London times; a day alone is midday, or now when that is earlier', () => {
  assert.equal(londonTime('2009-06-01', '14:05')?.toISOString(), '2009-06-01T13:05:00.000Z')
  assert.equal(londonTime('2009-12-01')?.toISOString(), '2009-12-01T12:00:00.000Z')
  const morning = new Date('2009-06-01T08:00:00Z')
  assert.equal(londonTime('2009-06-01', '', morning)?.toISOString(), morning.toISOString())
  assert.equal(londonTime('2009-05-31', '', morning)?.toISOString(), '2009-05-31T11:00:00.000Z')
  assert.equal(londonTime('2009-02-30'), null)
  assert.equal(londonTime('1/6/2009'), null)
  assert.equal(londonTime('2009-06-01', '25:99'), null)
})
