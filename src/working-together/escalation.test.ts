import { test } from 'node:test'
import assert from 'node:assert/strict'
import { formatLondon } from '../config/clock.ts'
import { englandAndWalesWorkingDays } from './calendar.ts'
import { challengeState, resolutionProblems, type Challenge, type StageEvent } from './escalation.ts'
import { weekendCalendar } from './fake-calendar.ts'
import { DEFAULT_PROTOCOL, protocolProblems } from './protocol.ts'
import { challengeReport } from './report.ts'

// a prosecutor's decision not to charge, challenged by the police on Wednesday 23 December 2026
const challenge: Challenge = {
  openedAt: new Date('2026-12-23T10:00:00Z'),
  raisedBy: 'DS Khan',
  raisedByAgency: 'police',
  againstAgency: 'cps',
  subject: 'prosecutor_decision',
  decision: { kind: 'charging_decision', outcome: 'no_further_action' },
}
const fake = weekendCalendar(['2026-12-25', '2026-12-28', '2027-01-01'])
const calendars = [
  ['the weekend-and-holidays fake', fake],
  ['the England and Wales calendar', englandAndWalesWorkingDays],
] as const

for (const [name, calendar] of calendars) {
  test(`an unresolved challenge moves up a stage each time a deadline passes, over Christmas bank holidays (${name})`, () => {
    const at = (iso: string) => challengeState(challenge, [], DEFAULT_PROTOCOL, new Date(iso), calendar)
    // stage 1, 2 working days after Wednesday 23rd: Thursday 24th and (after Christmas and the Boxing Day substitute) Tuesday 29th
    const s1 = at('2026-12-24T09:00:00Z')
    assert.equal(s1.stage, 1)
    assert.equal(s1.stageOwnerRole, 'practitioner')
    assert.equal(formatLondon(s1.stageDueAt), '2026-12-30T00:00:00+00:00')
    assert.equal(at('2026-12-29T23:59:59Z').stage, 1)
    // stage 2, 5 working days from Wednesday 30th: 30, 31, (New Year's Day) 4, 5, 6 January
    const s2 = at('2026-12-30T00:00:00Z')
    assert.equal(s2.stage, 2)
    assert.equal(s2.stageOwnerRole, 'line_manager')
    assert.equal(formatLondon(s2.stageDueAt), '2027-01-07T00:00:00+00:00')
    // stage 3, 2 working days: 7 and 8 January
    const s3 = at('2027-01-07T10:00:00Z')
    assert.equal(s3.stage, 3)
    assert.equal(formatLondon(s3.stageDueAt), '2027-01-09T00:00:00+00:00')
    // stage 4, the independent chair, has no deadline
    const s4 = at('2027-03-01T10:00:00Z')
    assert.equal(s4.stage, 4)
    assert.equal(s4.stageOwnerRole, 'independent_chair')
    assert.equal(s4.stageDueAt, null)
    assert.equal(s4.status, 'open')
    assert.deepEqual(
      s4.stages.map((s) => s.endedBy),
      ['deadline', 'deadline', 'deadline', null],
    )
  })
}

test('with weekends only, the same challenge would have moved up days earlier: the holidays count', () => {
  const s = challengeState(challenge, [], DEFAULT_PROTOCOL, new Date('2026-12-29T10:00:00Z'), weekendCalendar())
  assert.equal(s.stage, 2)
})

test('a person may move it up early; the next stage counts its days from then', () => {
  const events: StageEvent[] = [{ kind: 'escalated', at: new Date('2027-02-01T15:00:00Z'), by: 'DS Khan' }]
  const c = { ...challenge, openedAt: new Date('2027-02-01T09:00:00Z') }
  const s = challengeState(c, events, DEFAULT_PROTOCOL, new Date('2027-02-02T10:00:00Z'), fake)
  assert.equal(s.stage, 2)
  assert.equal(formatLondon(s.stageDueAt), '2027-02-09T00:00:00+00:00', '5 working days after Monday 1st')
  assert.deepEqual(
    s.stages.map((x) => x.endedBy),
    ['escalated', null],
  )
})

test('resolved with a request for a review of the no-charge decision; nothing moves after resolution', () => {
  const events: StageEvent[] = [
    {
      kind: 'resolved',
      at: new Date('2027-01-05T12:00:00Z'),
      outcome: 'review_requested',
      note: 'VRR request made to CPS',
    },
  ]
  const before = challengeState(challenge, events, DEFAULT_PROTOCOL, new Date('2027-01-05T11:00:00Z'), fake)
  assert.equal(before.status, 'open')
  const s = challengeState(challenge, events, DEFAULT_PROTOCOL, new Date('2027-06-01T00:00:00Z'), fake)
  assert.equal(s.status, 'resolved')
  assert.equal(s.stage, 2)
  assert.equal(s.outcome, 'review_requested')
  assert.equal(s.resolvedAt?.toISOString(), '2027-01-05T12:00:00.000Z')
  assert.deepEqual(resolutionProblems(challenge, 'review_requested', 'VRR'), [])
  const police = {
    ...challenge,
    againstAgency: 'police',
    decision: { kind: 'police_nfa' as const, outcome: 'no_further_action' },
  }
  assert.deepEqual(resolutionProblems(police, 'review_requested', 'x'), [
    "a review can be requested only of a prosecutor's decision not to charge",
  ])
  assert.deepEqual(resolutionProblems(police, 'decision_changed', ''), ['record what was agreed and why'])
})

test('a stage event recorded after the moment asked about does not count yet', () => {
  const events: StageEvent[] = [
    {
      kind: 'resolved',
      at: new Date('2026-12-24T12:00:00Z'),
      recordedAt: new Date('2027-01-02T09:00:00Z'),
      outcome: 'decision_upheld',
    },
  ]
  assert.equal(
    challengeState(challenge, events, DEFAULT_PROTOCOL, new Date('2026-12-31T00:00:00Z'), fake).status,
    'open',
  )
  assert.equal(challengeState(challenge, events, DEFAULT_PROTOCOL, new Date('2027-01-03T00:00:00Z'), fake).stage, 1)
})

test('the protocol is settings: other stages and days work, bad ones are reported', () => {
  const two = {
    stages: [
      { stage: 1, ownerRole: 'lead', label: 'leads', workingDays: 1 },
      { stage: 2, ownerRole: 'chair', label: 'chair', workingDays: 3 },
    ],
  }
  assert.deepEqual(protocolProblems(two), [])
  const s = challengeState(challenge, [], two, new Date('2027-02-01T00:00:00Z'), fake)
  assert.equal(s.stage, 2)
  assert.equal(s.overdue, true, 'the last stage ran out of time')
  assert.equal(protocolProblems({ stages: [{ stage: 2, ownerRole: '', label: 'x', workingDays: 0 }] }).length, 3)
})

test('the partnership report counts challenges by agency, subject and outcome, and time at each stage', () => {
  const open = challengeState(challenge, [], DEFAULT_PROTOCOL, new Date('2027-01-08T00:00:00Z'), fake)
  const resolved = challengeState(
    challenge,
    [{ kind: 'resolved', at: new Date('2026-12-24T10:00:00Z'), outcome: 'decision_upheld' }],
    DEFAULT_PROTOCOL,
    new Date('2027-01-08T00:00:00Z'),
    fake,
  )
  const r = challengeReport(
    [
      { challenge, state: open },
      { challenge, state: resolved },
    ],
    new Date('2027-01-08T00:00:00Z'),
  )
  assert.equal(r.raised, 2)
  assert.equal(r.open, 1)
  assert.deepEqual(r.byOutcome, { decision_upheld: 1 })
  assert.deepEqual(r.bySubject, { prosecutor_decision: 2 })
  assert.equal(r.stages[0].reached, 2)
  assert.equal(r.stages[0].movedUpByDeadline, 1)
  assert.equal(r.stages[1].reached, 1)
})
