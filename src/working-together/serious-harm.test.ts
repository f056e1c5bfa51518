// Decisions about serious harm are always open to challenge (pure rules; the database path is in
// serious-harm-stored.test.ts).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { recorded } from '../missing/test-fixtures.ts'
import { challengeable } from './challengeable.ts'
import type { Decision } from './decisions.ts'
import { seriousHarmFacts, seriousHarmReason } from './serious-harm.ts'

const nfa = (at: string, rationale: string | null = 'victim did not support a prosecution'): Decision => ({
  childId: 'C1',
  agency: 'cps',
  kind: 'charging_decision',
  outcome: 'no_further_action',
  rationale,
  decidedAt: new Date(at),
  recordedAt: new Date(at),
  decidedBy: null,
  sourceRecord: 'cps:CD-1',
})

test('a no-further-action on a sexual offence is challengeable whatever the band', () => {
  const facts = seriousHarmFacts(
    [
      recorded({
        kind: 'crime_report',
        id: 'CR-1',
        at: '2021-03-01T10:00:00Z',
        recorded: '2021-03-01T12:00:00Z',
      }),
    ].map((r) => ({ ...r, event: { ...r.event, summary: 'Rape of a child under 16 reported by school' } })),
    new Date('2021-06-01T00:00:00Z'),
  )
  const prompt = challengeable(nfa('2021-05-01T10:00:00Z'), {
    asOf: new Date('2021-06-01T00:00:00Z'),
    band: 1,
    concerns: [],
    agencies: ['cps', 'police', 'csc', 'health'],
    seriousHarm: facts.get('C1'),
  })
  assert.equal(prompt.challengeable, true)
  assert.deepEqual(
    prompt.reasons.map((r) => r.code),
    ['serious_harm'],
  )
  assert.deepEqual(
    prompt.promptAgencies,
    ['csc', 'health', 'police'],
    'every agency working with the child but the decider',
  )
  // the decision's own words are enough, with no crime report
  assert.equal(
    challengeable(nfa('2021-05-01T10:00:00Z'), {
      asOf: new Date('2021-06-01T00:00:00Z'),
      band: null,
      concerns: [],
      agencies: ['police'],
      decisionTexts: ['Sexual activity with a child: insufficient evidence'],
    }).challengeable,
    true,
  )
  // not before it is recorded
  assert.equal(
    challengeable(nfa('2021-05-01T10:00:00Z'), {
      asOf: new Date('2021-04-30T00:00:00Z'),
      band: 1,
      concerns: [],
      agencies: ['police'],
      seriousHarm: facts.get('C1'),
    }).challengeable,
    false,
  )
})

test('plans in force, disclosures, and what is not serious harm', () => {
  const versions = [
    recorded({
      kind: 'cp_plan_start',
      agency: 'csc',
      id: 'PL-1',
      at: '2020-01-10T10:00:00Z',
      recorded: '2020-01-10T12:00:00Z',
    }),
    recorded({
      kind: 'cp_plan_end',
      agency: 'csc',
      id: 'PL-1E',
      at: '2020-09-10T10:00:00Z',
      recorded: '2020-09-10T12:00:00Z',
    }),
    recorded({ kind: 'crime_report', id: 'CR-2', at: '2020-02-01T10:00:00Z', recorded: '2020-02-01T12:00:00Z' }),
  ]
  versions[2].event.summary = 'Theft of a mobile phone'
  const asOf = new Date('2021-01-01T00:00:00Z')
  const facts = seriousHarmFacts(versions, asOf).get('C1') ?? []
  assert.deepEqual(seriousHarmReason(new Date('2020-05-01T00:00:00Z'), [], facts)?.codes, ['protection_plan'])
  assert.equal(seriousHarmReason(new Date('2020-10-01T00:00:00Z'), [], facts), null, 'the plan had ended')
  assert.equal(seriousHarmReason(new Date('2019-12-01T00:00:00Z'), [], facts), null, 'before the plan')
  // a disclosure made after the decision also calls it into question
  const disclosure = recorded({
    kind: 'disclosure',
    agency: 'school',
    id: 'D-1',
    at: '2020-11-01T10:00:00Z',
    recorded: '2020-11-01T12:00:00Z',
  })
  const withDisclosure = seriousHarmFacts([...versions, disclosure], asOf).get('C1') ?? []
  assert.deepEqual(seriousHarmReason(new Date('2020-10-01T00:00:00Z'), [], withDisclosure)?.codes, ['disclosure'])
  // the child as the suspect of a sexual offence is not harm to the child
  const suspect = recorded({
    kind: 'crime_report',
    id: 'CR-3',
    at: '2020-02-01T10:00:00Z',
    recorded: '2020-02-01T12:00:00Z',
    involves: [{ kind: 'person', person: 'P-1', role: 'suspect' }],
  })
  suspect.event.summary = 'Sexual assault on a peer'
  assert.deepEqual(seriousHarmFacts([suspect], asOf).get('C1'), undefined)
})
