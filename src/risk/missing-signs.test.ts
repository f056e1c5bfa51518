// Instrument 1.2.0: the records' own words count, and going missing weighs by what the episode shows.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { assessChild } from './assess.ts'
import { deriveEvidence, type EvidenceEvent } from './evidence.ts'
import { score } from './score.ts'
import { serafCse, serafCse110, serafCse120 } from './seraf-cse.ts'
import { event } from './testing.ts'
import { validateInstrument } from './validate.ts'

const words = { readWords: true }
const codesOf = (events: Parameters<typeof deriveEvidence>[0], context = words) =>
  deriveEvidence(events, context)
    .map((e) => e.code)
    .sort()
const asOf = '2024-06-30T12:00:00+01:00'
const dob = '2009-03-01'
const risk = (instrument: typeof serafCse, events: EvidenceEvent[]) =>
  assessChild(instrument, { events, dateOfBirth: dob }, { asOf: new Date(asOf) }).score

test('1.2.0 is a valid instrument that reads the words, and explains its missing items', () => {
  const checked = validateInstrument(JSON.parse(JSON.stringify(serafCse)))
  assert.ok(checked.ok, checked.ok ? '' : checked.errors.join('; '))
  assert.equal(serafCse120.version, '1.2.0')
  assert.equal(serafCse.readsRecordWords, true)
  assert.equal(serafCse110.readsRecordWords, undefined)
  for (const code of ['missing', 'missing_with_signs', 'missing_known_place'])
    assert.ok(serafCse.items.find((i) => i.code === code)?.explanation, code)
  const bad = validateInstrument({ ...serafCse, readsRecordWords: 'yes' })
  assert.ok(!bad.ok && bad.errors.some((e) => /readsRecordWords/.test(e)))
})

test('a missing episode is one of three: with signs of exploitation, to a known place, or not recorded', () => {
  const withSigns = event('missing_episode', '2024-05-01', {
    indicators: ['missing'],
    summary: 'Missing overnight; police found her in a car with two adult men',
  })
  assert.deepEqual(codesOf([withSigns]), [
    'missing_with_signs',
    'older_associates',
    'staying_out_late',
    'vehicle_unknown_adults',
  ])
  const known = event('missing_episode', '2024-05-01', { summary: 'Found at her nan’s house the next morning' })
  assert.deepEqual(codesOf([known]), ['missing_known_place'])
  assert.deepEqual(codesOf([event('missing_episode', '2024-05-01', { summary: 'Missing from home' })]), ['missing'])
  // A sign outweighs a known place; a high risk grading is a sign; negation is not.
  assert.deepEqual(
    codesOf([
      event('missing_episode', '2024-05-01', { summary: 'At a friend’s house; would not say who else was there' }),
    ]),
    ['missing_with_signs'],
  )
  assert.deepEqual(
    codesOf([
      event('missing_episode', '2024-05-01', { summary: 'Missing from home', extra: { risk_grading: 'high' } }),
    ]),
    ['missing_with_signs'],
  )
  assert.deepEqual(
    codesOf([event('missing_episode', '2024-05-01', { summary: 'At her aunt’s; no older males involved' })]),
    ['missing_known_place'],
  )
  // The police's own grading of no apparent or low risk, or a family member found with the child, accounts for it.
  for (const grading of ['no_apparent_risk', 'low'])
    assert.deepEqual(
      codesOf([event('missing_episode', '2024-05-01', { extra: { risk_grading: grading } })]),
      ['missing_known_place'],
      grading,
    )
  assert.deepEqual(codesOf([event('missing_episode', '2024-05-01', { extra: { risk_grading: 'medium' } })]), [
    'missing',
  ])
  assert.deepEqual(
    codesOf([
      event('missing_episode', '2024-05-01', { involves: [{ kind: 'person', person: 'P-8', role: 'family' }] }),
    ]),
    ['missing_known_place'],
  )
  assert.deepEqual(codesOf([event('missing_episode', '2024-05-01', { summary: 'Wandered off; found nearby' })]), [
    'missing_known_place',
  ])
  // An adult found with the child (an involvement) is a sign too, without any words.
  const adult = event('missing_episode', '2024-05-01', {
    involves: [{ kind: 'person', person: 'P-9', role: 'found_with' }],
  })
  assert.deepEqual(codesOf([adult], { ...words, isAdult: () => true } as typeof words), [
    'missing_with_signs',
    'older_associates',
  ])
  // The return interview: the child's account can show the signs.
  const interview = event('return_interview', '2024-05-03', {
    agency: 'charity',
    extra: { child_account: '"An older lad picked us up and we went to a flat. I don\'t know whose it was."' },
  })
  assert.deepEqual(codesOf([interview]), ['missing_with_signs', 'older_associates', 'vehicle_unknown_adults'])
  // The word sign is shown to the practitioner as the record's words.
  const shown = deriveEvidence([withSigns], words).find((e) => e.code === 'missing_with_signs')!
  assert.equal(shown.detail, 'missing episode with signs of exploitation: "found her in a car", "adult men"')
})

test('without reading the words (1.1.0 and an area’s own older versions), nothing changes', () => {
  const e = event('missing_episode', '2024-05-01', {
    summary: 'Found at her nan’s house; earlier seen getting into a car with an older man',
  })
  assert.deepEqual(codesOf([e], {} as typeof words), ['missing'])
  assert.equal(risk(serafCse110, [e]).score, 5)
})

test('1.2.0: a missing child found with family scores 1, with signs of exploitation far more', () => {
  const toNan = [
    event('missing_episode', '2024-05-01', { summary: 'Stayed at her grandmother’s; went after a row with mum' }),
    event('missing_episode', '2024-06-01', { summary: 'Found at a friend’s house the next morning' }),
    event('looked_after_start', '2023-01-01', { agency: 'csc' }),
  ]
  const calm = risk(serafCse, toNan)
  assert.equal(calm.score, 2, 'missing to known places (moderate, 1) + looked after (vulnerability, 1)')
  assert.equal(calm.band, 1)
  assert.equal(risk(serafCse110, toNan).score, 6, '1.1.0 scored every missing episode 5')
  const worrying = risk(serafCse, [
    event('missing_episode', '2024-05-01', {
      summary: 'Returned at 3am intoxicated, dropped off by a man in his thirties',
    }),
  ])
  assert.ok(worrying.band >= 3, `band ${worrying.band}`)
  const item = worrying.items.find((i) => i.code === 'missing_with_signs')!
  assert.equal(item.points, 5)
  assert.match(item.explanation ?? '', /sign of exploitation/)
  // Where the child was is not recorded: still a significant indicator, as SERAF has it.
  assert.equal(score(serafCse, deriveEvidence([event('missing_episode', '2024-05-01')], words), { asOf }).score, 5)
})
