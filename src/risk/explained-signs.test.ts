// Instrument 1.3.0: what a record's own words explain weighs as a practitioner weighs it (decision 0042).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { assessChild } from './assess.ts'
import { deriveEvidence, type EvidenceEvent } from './evidence.ts'
import { serafCse130 as serafCse, serafCse120 } from './seraf-cse.ts'
import { event } from './testing.ts'
import { validateInstrument } from './validate.ts'

const v13 = { readWords: true, readExplanations: true }
const v12 = { readWords: true }
const codesOf = (events: EvidenceEvent[], context: Parameters<typeof deriveEvidence>[1]) =>
  deriveEvidence(events, context)
    .map((e) => e.code)
    .sort()
const asOf = new Date('2024-06-30T12:00:00+01:00')
// Eleven on the day of scoring: the under-13 rule applies within the instrument's ages.
const dob = '2012-09-14'
const bandWith = (instrument: typeof serafCse, events: EvidenceEvent[]) =>
  assessChild(instrument, { events, dateOfBirth: dob }, { asOf }).band

test('1.3.0 is a valid instrument that weighs what the records explain; 1.2.0 does not', () => {
  const checked = validateInstrument(JSON.parse(JSON.stringify(serafCse)))
  assert.ok(checked.ok, checked.ok ? '' : checked.errors.join('; '))
  assert.equal(serafCse.version, '1.3.0')
  assert.equal(serafCse.readsExplanations, true)
  assert.equal(serafCse120.readsExplanations, undefined)
  const bad = validateInstrument({ ...serafCse, readsExplanations: 'sometimes' })
  assert.ok(!bad.ok && bad.errors.some((e) => /readsExplanations/.test(e)))
})

test('an adult the same record confirms as family or a known adult is not an unknown adult', () => {
  const lift = event('concern', '2024-05-02', {
    summary: 'Road check: Jade in the front seat of a silver estate, driven by a man in his thirties',
    details: 'Checked with the PNC and mum: the driver is her paternal uncle, taking her to swimming.',
    involves: [{ kind: 'vehicle', key: 'AB12CDE', display: 'AB12 CDE' }],
  })
  assert.deepEqual(codesOf([lift], v12), ['older_associates', 'vehicle_unknown_adults'])
  assert.deepEqual(codesOf([lift], v13), [])
  assert.equal(bandWith(serafCse120, [lift]), 3)
  assert.equal(bandWith(serafCse, [lift]), 1)
  // The child's own claim is not a confirmation: the signs stand.
  const claimed = event('concern', '2024-05-02', {
    summary: 'Seen getting into a black car with an older man outside the chip shop',
    details: 'Jade says he is her cousin; no surname given.',
  })
  assert.deepEqual(codesOf([claimed], v13), ['older_associates', 'vehicle_unknown_adults'])
  // A present whose source a parent confirms; money from a job the employer confirms.
  const present = event('note', '2024-05-10', {
    agency: 'school',
    summary: 'New laptop in class; dad confirmed it was bought by her gran for her birthday',
    indicators: ['gifts_money'],
  })
  assert.deepEqual(codesOf([present], v12), ['gifts_money'])
  assert.deepEqual(codesOf([present], v13), [])
  const unexplained = event('note', '2024-05-10', {
    agency: 'school',
    summary: 'Has a new mobile phone and £60 in cash; will not say where they came from',
  })
  assert.deepEqual(codesOf([unexplained], v13), ['gifts_money'])
})

test('a missing child found alone at a familiar place, or at a separated parent’s home, went to a known place', () => {
  const wandered = event('missing_episode', '2024-04-20', {
    summary:
      'Has autism; left the house when overwhelmed and was found sitting on the sea wall by the lifeboat station',
    extra: { risk_grading: 'high' },
  })
  // 1.2.0 counts the high grading as a sign; 1.3.0 weighs it as the child's own vulnerability.
  assert.deepEqual(codesOf([wandered], v12), ['missing_with_signs'])
  assert.deepEqual(codesOf([wandered], v13), ['missing_known_place'])
  assert.equal(bandWith(serafCse120, [wandered]), 3)
  assert.equal(bandWith(serafCse, [wandered]), 1)
  const toDad = event('missing_episode', '2024-04-20', {
    summary: 'Caught the bus to her estranged dad’s flat in Bridlington without telling her mother',
    extra: { risk_grading: 'medium' },
  })
  assert.deepEqual(codesOf([toDad], v12), ['missing'])
  assert.deepEqual(codesOf([toDad], v13), ['missing_known_place'])
  // A sign still outweighs the familiar place, and an unaccounted high grading is still a sign.
  const withAdult = event('missing_episode', '2024-04-20', {
    summary: 'Found sitting in a car outside the chip shop with two adult men',
    extra: { risk_grading: 'high' },
  })
  assert.ok(codesOf([withAdult], v13).includes('missing_with_signs'))
  const unaccounted = event('missing_episode', '2024-04-20', {
    summary: 'Missing overnight, returned in the morning',
    extra: { risk_grading: 'high' },
  })
  assert.ok(codesOf([unaccounted], v13).includes('missing_with_signs'))
})

test('1.3.0 reads the signs as practitioners also write them', () => {
  const taxis = event('note', '2024-03-01', {
    agency: 'earlyhelp',
    summary: 'Keeps coming home in taxis late at night; nobody at home knows who pays for them',
  })
  assert.deepEqual(codesOf([taxis], v12), [])
  assert.deepEqual(codesOf([taxis], v13), ['gifts_money', 'vehicle_unknown_adults'])
  const online = event('concern', '2024-03-01', {
    agency: 'school',
    summary: 'A classmate told us Mia is chatting with adult men on Instagram',
  })
  assert.deepEqual(codesOf([online], v13), ['older_associates'])
  const collected = event('school_absence', '2024-03-01', {
    agency: 'school',
    summary:
      'Left lessons at lunchtime twice this half term; was collected at the gate by someone we did not recognise',
  })
  assert.deepEqual(codesOf([collected], v13), ['school_disengagement', 'vehicle_unknown_adults'])
  // Transport the carers arranged explains the taxi.
  const arranged = event('missing_episode', '2024-03-01', {
    summary: 'Late back to the children’s home; returned by taxi the home paid for',
    extra: { risk_grading: 'low' },
  })
  assert.deepEqual(codesOf([arranged], v13), ['missing_known_place'])
})
