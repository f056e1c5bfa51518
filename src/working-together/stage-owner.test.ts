import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  challengeWork,
  ownerName,
  stageOwner,
  workerKeys,
  workKeys,
  type OwnerCandidate,
  type WorkFacts,
} from './stage-owner.ts'
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

const cps = (person: number | null) => ({ person, managersOf: 'cps' })

test('each stage of a challenge is owned by a person where Threadline can tell, and held by the agency challenged', () => {
  const facts = { againstAgency: 'cps', allocated: [5, 1], people }
  assert.deepEqual(stageOwner('practitioner', facts), cps(1), "the challenged agency's allocated worker")
  assert.deepEqual(stageOwner('line_manager', facts), cps(3), "that worker's own manager")
  assert.deepEqual(stageOwner('senior_officer', facts), cps(4), 'a senior manager of the agency')
  assert.deepEqual(stageOwner('independent_chair', facts), { person: 6, managersOf: null })
  assert.deepEqual(stageOwner('unknown_role', facts), cps(null), 'a stage an area adds stays with the agency')
})

test("without an allocated worker the stage is the agency's managers'", () => {
  const facts = { againstAgency: 'cps', allocated: [5], people }
  assert.deepEqual(stageOwner('practitioner', facts), cps(null), "no one named: the agency's managers hold it")
  assert.deepEqual(stageOwner('line_manager', facts), cps(2))
  const inactive = (id: number) => people.map((p) => (p.id === id ? { ...p, active: false } : p))
  assert.deepEqual(
    stageOwner('line_manager', { againstAgency: 'cps', allocated: [1], people: inactive(3) }),
    cps(2),
    'a manager who has left does not own it',
  )
  assert.deepEqual(
    stageOwner('practitioner', { againstAgency: 'cps', allocated: [1], people: inactive(1) }),
    cps(null),
    'nor does a worker who has left',
  )
  assert.deepEqual(
    stageOwner('independent_chair', { againstAgency: 'cps', allocated: [], people: people.filter((p) => p.id !== 6) }),
    { person: null, managersOf: null },
  )
})

test('the owner is named as a person or as the agency’s managers, never by a role word', () => {
  const person = (id: number) => ({ 1: 'Paul Prosecutor' })[id]
  const agency = (code: string) => ({ cps: 'Crown Prosecution Service' })[code]
  assert.equal(ownerName(cps(1), person, agency), 'Paul Prosecutor')
  assert.equal(ownerName(cps(null), person, agency), "Crown Prosecution Service's managers")
  assert.equal(ownerName({ person: null, managersOf: null }, person, agency), "The partnership's independent chair")
  for (const role of ['practitioner', 'line_manager', 'senior_officer', 'independent_chair', 'other']) {
    const name = ownerName(stageOwner(role, { againstAgency: 'cps', allocated: [], people: [] }), person, agency)
    assert.doesNotMatch(name, /^(practitioner|line manager|senior officer|independent chair|other)$/i, role)
  }
})

test("a challenge is in the work of its owner, the challenged agency's managers from the start, and who raised it", () => {
  const raised: WorkFacts = {
    status: 'open',
    stageOwnerRole: 'practitioner',
    owner: { person: null, managersOf: 'police' },
    raisedBy: 10,
    raisedByAgency: 'csc',
    againstAgency: 'police',
  }
  const inspector = { id: 20, agency: 'police', roles: ['manager'] }
  const officer = { id: 21, agency: 'police', roles: ['practitioner'] }
  const socialWorker = { id: 10, agency: 'csc', roles: ['practitioner'] }
  const teamLeader = { id: 11, agency: 'csc', roles: ['manager'] }
  const prosecutorManager = { id: 30, agency: 'cps', roles: ['manager'] }
  assert.equal(challengeWork(inspector, raised), 'your_agency', 'the managers of the agency challenged, at once')
  assert.equal(challengeWork(officer, raised), null, 'a worker not allocated does not own it')
  assert.equal(challengeWork(socialWorker, raised), 'raised')
  assert.equal(challengeWork(teamLeader, raised), null, "the raiser's managers come in at the managers' stage")
  assert.equal(challengeWork(prosecutorManager, raised), null)
  const owned = { ...raised, owner: { person: 21, managersOf: 'police' } }
  assert.equal(challengeWork(officer, owned), 'you')
  assert.equal(challengeWork(inspector, owned), 'your_agency', 'still in the managers’ view while a worker owns it')
  const managers = { ...owned, stageOwnerRole: 'line_manager', owner: { person: 20, managersOf: 'police' } }
  assert.equal(challengeWork(inspector, managers), 'you')
  assert.equal(challengeWork(teamLeader, managers), 'raised_by_your_agency')
  assert.equal(
    challengeWork(inspector, { ...managers, status: 'resolved' }),
    null,
    'a resolved challenge is no one’s work',
  )
})

test('dates typed on forms are London times; a day alone is midday, or now when that is earlier', () => {
  assert.equal(londonTime('2009-06-01', '14:05')?.toISOString(), '2009-06-01T13:05:00.000Z')
  assert.equal(londonTime('2009-12-01')?.toISOString(), '2009-12-01T12:00:00.000Z')
  const morning = new Date('2009-06-01T08:00:00Z')
  assert.equal(londonTime('2009-06-01', '', morning)?.toISOString(), morning.toISOString())
  assert.equal(londonTime('2009-05-31', '', morning)?.toISOString(), '2009-05-31T11:00:00.000Z')
  assert.equal(londonTime('2009-02-30'), null)
  assert.equal(londonTime('1/6/2009', '2.05pm')?.toISOString(), '2009-06-01T13:05:00.000Z', 'a UK date, a spoken time')
  assert.equal(londonTime('2009-06-01', '25:99'), null)
})

test("a challenge's keys meet a worker's exactly when it is their work (the maintained lists' filter in SQL)", () => {
  const workers = [1, 2, 3].flatMap((id) =>
    ['police', 'csc'].flatMap((agency) =>
      [['practitioner'], ['manager'], ['manager', 'practitioner']].map((roles) => ({ id, agency, roles })),
    ),
  )
  let compared = 0
  for (const status of ['open', 'resolved'] as const)
    for (const stageOwnerRole of ['practitioner', 'line_manager', 'senior_officer', 'partnership_chair'])
      for (const person of [null, 1, 2])
        for (const raisedBy of [1, 3])
          for (const [raisedByAgency, againstAgency] of [
            ['police', 'csc'],
            ['csc', 'police'],
          ]) {
            const c: WorkFacts = {
              status,
              stageOwnerRole,
              owner: { person, managersOf: null },
              raisedBy,
              raisedByAgency,
              againstAgency,
            }
            for (const w of workers) {
              const work = challengeWork(w, c)
              const meets = (keys: string[]) => keys.some((k) => workKeys(c).includes(k))
              assert.equal(meets(workerKeys(w)), work !== null, JSON.stringify({ c, w, work }))
              assert.equal(meets(workerKeys(w, false)), work !== null && work !== 'raised', JSON.stringify({ c, w }))
              compared++
            }
          }
  assert.ok(compared > 500)
})
