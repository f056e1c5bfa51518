import { test } from 'node:test'
import assert from 'node:assert/strict'
import { recorded } from '../missing/test-fixtures.ts'
import { challengeable, CHALLENGE_PROMPT, type Concern } from './challengeable.ts'
import { decisionProblems, decisionsFromEvents, isNoFurtherAction, type Decision } from './decisions.ts'

test('imported charging decisions and police NFAs become decisions, as known at the moment asked about', () => {
  const versions = [
    recorded({
      kind: 'police_nfa',
      agency: 'police',
      id: 'N-1',
      at: '2026-05-01T10:00:00+01:00',
      recorded: '2026-05-01T12:00:00+01:00',
    }),
    recorded({
      kind: 'charging_decision',
      agency: 'cps',
      id: 'CD-1',
      at: '2026-05-03T10:00:00+01:00',
      recorded: '2026-05-04T09:00:00+01:00',
    }),
    recorded({
      kind: 'charging_decision',
      agency: 'cps',
      id: 'CD-1',
      at: '2026-05-03T10:00:00+01:00',
      recorded: '2026-05-05T09:00:00+01:00',
    }),
    recorded({
      kind: 'concern',
      agency: 'school',
      id: 'C-1',
      at: '2026-05-01T09:00:00+01:00',
      recorded: '2026-05-01T09:00:00+01:00',
    }),
  ]
  versions[2].event.outcome = 'No Further Action'
  versions[2].event.rationale = 'insufficient evidence'
  versions[1].event.outcome = 'further_evidence_needed'
  const early = decisionsFromEvents(versions, new Date('2026-05-04T12:00:00+01:00'))
  assert.deepEqual(
    early.map((d) => [d.sourceRecord, d.kind, d.outcome]),
    [
      ['police:N-1', 'police_nfa', 'no_further_action'],
      ['cps:CD-1', 'charging_decision', 'further_evidence_needed'],
    ],
  )
  const later = decisionsFromEvents(versions, new Date('2026-05-06T00:00:00Z'))
  const cps = later.find((d) => d.agency === 'cps')!
  assert.equal(cps.outcome, 'no_further_action', 'the re-sent outcome, normalised')
  assert.equal(cps.rationale, 'insufficient evidence')
  assert.equal(isNoFurtherAction(cps), true)
  assert.equal(cps.recordedAt.toISOString(), '2026-05-04T08:00:00.000Z', 'known from its first version')
})

const decision = (over: Partial<Decision> = {}): Decision => ({
  childId: 'C1',
  agency: 'police',
  kind: 'police_nfa',
  outcome: 'no_further_action',
  rationale: 'no evidence',
  decidedAt: new Date('2026-05-20T10:00:00Z'),
  recordedAt: new Date('2026-05-20T11:00:00Z'),
  decidedBy: 'DS 1',
  sourceRecord: 'police:N-1',
  ...over,
})
const concern = (agency: string, at: string, recordedAt = at): Concern => ({
  agency,
  at: new Date(at),
  recordedAt: new Date(recordedAt),
})
const asOf = new Date('2026-06-30T00:00:00Z')

test('no further action on a child whose band requires action is put to the other agencies', () => {
  const p = challengeable(decision(), { asOf, band: 3, concerns: [], agencies: ['police', 'csc', 'school'] })
  assert.equal(p.challengeable, true)
  assert.equal(p.prompt, CHALLENGE_PROMPT)
  assert.deepEqual(
    p.reasons.map((r) => r.code),
    ['band_requires_action'],
  )
  assert.deepEqual(p.promptAgencies, ['csc', 'school'])
  assert.equal(
    challengeable(decision(), { asOf, band: 1, concerns: [], agencies: ['police', 'csc'] }).challengeable,
    false,
  )
  assert.equal(
    challengeable(decision(), { asOf, band: 2, bandRequiringAction: 3, concerns: [], agencies: [] }).challengeable,
    false,
    'the band is a setting',
  )
  assert.equal(
    challengeable(decision({ kind: 'charging_decision', outcome: 'charge' }), {
      asOf,
      band: 4,
      concerns: [],
      agencies: ['csc'],
    }).challengeable,
    false,
    'a charge closes no door',
  )
})

test("an NFA within 30 days of another agency's concern is challengeable; its own concerns, older ones and unrecorded ones are not", () => {
  const ctx = (concerns: Concern[]) => challengeable(decision(), { asOf, band: null, concerns, agencies: ['police'] })
  const p = ctx([concern('school', '2026-04-25T09:00:00Z')])
  assert.equal(p.challengeable, true)
  assert.deepEqual(
    p.reasons.map((r) => r.code),
    ['nfa_after_other_agency_concern'],
  )
  assert.deepEqual(p.promptAgencies, ['school'])
  assert.equal(ctx([concern('school', '2026-04-19T09:00:00Z')]).challengeable, false, '31 days before')
  assert.equal(ctx([concern('police', '2026-05-10T09:00:00Z')]).challengeable, false, 'its own agency')
  assert.equal(
    ctx([concern('school', '2026-05-10T09:00:00Z', '2026-07-01T00:00:00Z')]).challengeable,
    false,
    'recorded after the moment asked about',
  )
  assert.equal(
    ctx([concern('health', '2026-06-10T09:00:00Z')]).challengeable,
    true,
    'a concern after the NFA calls it into question too',
  )
})

test('a decision recorded by hand needs a rationale and a known outcome', () => {
  assert.deepEqual(
    decisionProblems({
      kind: 'threshold_decision',
      outcome: 'early help',
      rationale: 'needs met by school',
      decidedAt: new Date(),
    }),
    [],
  )
  assert.deepEqual(decisionProblems({ kind: 'case_closure', decidedAt: new Date() }), [
    'give the rationale: why this decision was made, on what information',
  ])
  assert.equal(
    decisionProblems({ kind: 'charging_decision', outcome: 'maybe', rationale: 'x', decidedAt: new Date() }).length,
    1,
  )
  assert.equal(decisionProblems({ kind: 'guess', rationale: 'x', decidedAt: new Date() }).length, 1)
})
