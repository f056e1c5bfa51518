// Instrument 1.5.0 (decision 0065): the records as they are also worded, and any one significant
// indicator at least band 2. 1.4.0 (`serafCse140`) scores exactly as before.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { assessChild } from './assess.ts'
import { deriveEvidence } from './evidence.ts'
import { serafCse150 as serafCse, serafCse140 } from './seraf-cse.ts'
import { bandAtFifteen, event, evidenceCodes, FIFTEEN_YEAR_OLD } from './testing.ts'
import { trajectory } from './trajectory.ts'
import { validateInstrument } from './validate.ts'

const v14 = { readWords: true, readExplanations: true, readFollowUps: true }
const v15 = { ...v14, readPlainWording: true }
const codesOf = evidenceCodes
const { dateOfBirth: dob, asOf } = FIFTEEN_YEAR_OLD
const bandWith = bandAtFifteen

test('1.5.0 is a valid instrument that reads plain wording; 1.4.0 is kept as it was', () => {
  const checked = validateInstrument(JSON.parse(JSON.stringify(serafCse)))
  assert.ok(checked.ok, checked.ok ? '' : checked.errors.join('; '))
  assert.equal(serafCse.version, '1.5.0')
  assert.equal(serafCse.readsPlainWording, true)
  assert.equal(serafCse140.version, '1.4.0')
  assert.equal(serafCse140.readsPlainWording, undefined)
  assert.ok(!serafCse140.patternRules?.some((r) => r.id === 'any-significant'))
  const bad = validateInstrument({ ...serafCse, readsPlainWording: 'often' })
  assert.ok(!bad.ok && bad.errors.some((e) => /readsPlainWording/.test(e)))
})

test('a known adult named through whose relative they are explains the lift; a claim alone does not', () => {
  const checked = event('concern', '2024-05-20', {
    agency: 'school',
    summary: 'DSL: Ellie seen getting into a car with an adult man after school',
    details: "Rang dad: the man is Ellie's godfather, collecting her by arrangement.",
  })
  assert.ok(codesOf([checked], v14).includes('older_associates'))
  assert.deepEqual(codesOf([checked], v15), [])
  const partner = event('concern', '2024-05-20', {
    agency: 'school',
    summary: 'Seen getting into a car with an adult man',
    details: "Checked with mum: the driver is the child's mum's partner. No concern.",
  })
  assert.deepEqual(codesOf([partner], v15), [])
  // only the child says so: still a sign
  const claimed = event('concern', '2024-05-20', {
    agency: 'school',
    summary: 'Seen getting into a car with an adult man',
    details: "Ellie says the man is her friend's uncle.",
  })
  assert.deepEqual(codesOf([claimed], v15), ['older_associates', 'vehicle_unknown_adults'])
  // an older "boyfriend" named through whose relative he is stays what he is
  const boyfriend = event('concern', '2024-05-20', {
    agency: 'school',
    summary: 'Seen getting into a car with an adult man',
    details: "The man is her friend's boyfriend, 24.",
  })
  assert.ok(codesOf([boyfriend], v15).includes('vehicle_unknown_adults'))
})

test('family who cannot account for a possession are the ones asking, not the ones giving', () => {
  const unexplained = event('youth_justice', '2024-05-01', {
    agency: 'yjs',
    summary: 'Referral order review',
    details: 'Has an expensive new jacket and trainers his mother cannot explain.',
  })
  assert.deepEqual(codesOf([unexplained], v14), [])
  assert.deepEqual(codesOf([unexplained], v15), ['gifts_money'])
  // a present from family is still not a sign
  const present = event('note', '2024-05-01', {
    agency: 'school',
    summary: 'New trainers bought by his mother for his birthday',
  })
  assert.deepEqual(codesOf([present], v15), [])
})

test('a cost paid by someone unnamed is money from an unknown source; possession of drugs is drug misuse', () => {
  const fare = event('note', '2024-05-01', {
    agency: 'ews',
    summary: 'Train ticket to Cardiff paid for in advance by someone else',
  })
  assert.deepEqual(codesOf([fare], v14), [])
  assert.deepEqual(codesOf([fare], v15), ['gifts_money'])
  const byDad = event('note', '2024-05-01', { agency: 'ews', summary: 'Ticket paid for in advance by his dad' })
  assert.deepEqual(codesOf([byDad], v15), [])
  const possession = event('youth_justice', '2024-05-01', {
    agency: 'yjs',
    summary: 'Youth caution: possession of cannabis',
  })
  assert.deepEqual(codesOf([possession], v14), [])
  assert.deepEqual(codesOf([possession], v15), ['drug_misuse'])
  const none = event('note', '2024-05-01', { agency: 'yjs', summary: 'Searched: no possession of drugs found' })
  assert.deepEqual(codesOf([none], v15), [])
})

test('one significant indicator makes a child mild (band 2) for 12 months under 1.5.0, not under 1.4.0', () => {
  const older = event('concern', '2024-03-01', { agency: 'charity', indicators: ['older_associates'] })
  assert.equal(bandWith(serafCse140, [older]), 1)
  assert.equal(bandWith(serafCse, [older]), 2)
  // still band 2 between 6 and 12 months (1 point), band 1 after 12 months
  assert.equal(bandWith(serafCse, [older], new Date('2024-12-31T23:59:00Z')), 2)
  assert.equal(bandWith(serafCse, [older], new Date('2025-03-31T23:59:00+01:00')), 1)
  // a moderate indicator alone is not enough
  const late = event('concern', '2024-03-01', { agency: 'charity', indicators: ['staying_out_late'] })
  assert.equal(bandWith(serafCse, [late]), 1)
  // the trajectory (first_flagged_at) agrees with the band
  const evidence = deriveEvidence([older], v15)
  const t = trajectory(serafCse, evidence, dob)
  assert.equal(t.firstFlaggedAt(2)?.toISOString(), new Date('2024-03-01T12:00:00Z').toISOString())
  // outside the instrument's ages the rule does not apply
  assert.equal(
    assessChild(serafCse, { events: [older], dateOfBirth: '2016-01-01' }, { asOf }).band,
    1,
    'a child of 8 is outside the ages',
  )
})
