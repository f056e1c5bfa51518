// Instrument 1.4.0 (decision 0058): the multi-agency pattern, and a record read with the records around it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { deriveEvidence, type EvidenceEvent } from './evidence.ts'
import { serafCse140 as serafCse, serafCse130 } from './seraf-cse.ts'
import { score } from './score.ts'
import { bandAtFifteen, event, FIFTEEN_YEAR_OLD } from './testing.ts'
import { trajectory } from './trajectory.ts'
import { validateInstrument } from './validate.ts'

const v13 = { readWords: true, readExplanations: true }
const v14 = { ...v13, readFollowUps: true }
const codesOf = (events: EvidenceEvent[], context: Parameters<typeof deriveEvidence>[1], asOf?: string) =>
  deriveEvidence(events, context)
    .filter((e) => asOf === undefined || (e.recordedMs <= Date.parse(asOf) && Date.parse(asOf) < e.untilMs))
    .map((e) => e.code)
    .sort()
const { dateOfBirth: dob, asOf } = FIFTEEN_YEAR_OLD
const bandWith = bandAtFifteen

test('1.4.0 is a valid instrument with the multi-agency pattern; a bad pattern rule is refused', () => {
  const checked = validateInstrument(JSON.parse(JSON.stringify(serafCse)))
  assert.ok(checked.ok, checked.ok ? '' : checked.errors.join('; '))
  assert.equal(serafCse.version, '1.4.0')
  assert.equal(serafCse.readsFollowUps, true)
  assert.equal(serafCse130.patternRules, undefined)
  const bad = validateInstrument({
    ...serafCse,
    readsFollowUps: 'yes',
    patternRules: [
      { id: 'x', description: 'x', domains: ['nowhere'], withinMonths: 0, minItems: 0, minAgencies: 2, minBand: 5 },
    ],
  })
  assert.ok(!bad.ok)
  for (const word of ['readsFollowUps', 'withinMonths', 'minItems', 'minBand', 'nowhere'])
    assert.ok(
      bad.errors.some((e) => e.includes(word)),
      word,
    )
})

// Three moderate indicators, from the school, the family hub and the hospital, within three months.
const pattern = [
  event('concern', '2024-03-04', {
    agency: 'school',
    indicators: ['peers_exploited'],
    summary: 'Spends breaks with girls known to the exploitation panel',
  }),
  event('note', '2024-04-11', {
    agency: 'earlyhelp',
    indicators: ['staying_out_late'],
    summary: 'Carer says she is out until 2am at weekends',
  }),
  event('health_attendance', '2024-05-20', {
    agency: 'ed',
    indicators: ['alcohol_misuse'],
    summary: 'Alcohol intoxication, brought in by friends',
  }),
]

test('three different indicators from two or more agencies within 6 months make a child at least mild', () => {
  assert.equal(bandWith(serafCse130, pattern), 1, '1.3.0: 3 points, no identified risk')
  assert.equal(bandWith(serafCse, pattern), 2)
  const now = score(serafCse, deriveEvidence(pattern, v14), { asOf, dateOfBirth: dob })
  assert.equal(now.score, 3)
  assert.deepEqual(now.patternRulesFired, ['multi-agency-pattern'])
  // The chart's sweep agrees: flagged from the day the third was recorded, until the first is 6 months old.
  const t = trajectory(serafCse, deriveEvidence(pattern, v14), dob)
  assert.equal(t.firstFlaggedAt(2)?.toISOString(), '2024-05-20T12:00:00.000Z')
  assert.equal(t.at(Date.parse('2024-09-03T12:00:00Z')).band, 2)
  assert.equal(t.at(Date.parse('2024-09-04T12:00:00Z')).band, 1)
  // One agency alone, or only two different indicators, is not the pattern.
  const oneAgency = pattern.map((e) => ({ ...e, agency: 'school' }))
  assert.equal(bandWith(serafCse, oneAgency), 1)
  assert.equal(bandWith(serafCse, pattern.slice(0, 2)), 1)
  // More than 6 months apart is not the pattern either.
  assert.equal(bandWith(serafCse, pattern, new Date('2024-10-01T12:00:00+01:00')), 1)
})

test('a missing episode to a known place does not make the pattern', () => {
  const withKnownPlace = [
    ...pattern.slice(0, 2),
    event('missing_episode', '2024-05-20', {
      summary: 'Missing overnight; found at a friend’s house',
      extra: { risk_grading: 'low' },
    }),
  ]
  assert.deepEqual(codesOf(withKnownPlace.slice(2), v14), ['missing_known_place', 'staying_out_late'])
  assert.equal(bandWith(serafCse, withKnownPlace), 1)
})

test('a follow-up that explains a sign answers it from when it was recorded', () => {
  const car = event('concern', '2024-05-02', {
    agency: 'school',
    recorded: '2024-05-03T10:00:00Z',
    summary: 'Seen getting into a car with an adult man after school',
    involves: [{ kind: 'vehicle', key: 'CX18YJG', display: 'CX18 YJG' }],
  })
  const followUp = event('note', '2024-05-06', {
    agency: 'school',
    recorded: '2024-05-10T10:00:00Z',
    summary: 'Follow-up: the driver is her uncle; parents confirm',
  })
  assert.deepEqual(
    codesOf([car, followUp], v13),
    ['older_associates', 'vehicle_unknown_adults'],
    '1.3.0 reads one record at a time',
  )
  // Before the follow-up was recorded the signs counted, as they did for whoever read them then.
  assert.deepEqual(codesOf([car, followUp], v14, '2024-05-05T12:00:00Z'), [
    'older_associates',
    'vehicle_unknown_adults',
  ])
  assert.deepEqual(codesOf([car, followUp], v14, '2024-05-11T12:00:00Z'), [])
  assert.equal(bandWith(serafCse130, [car, followUp]), 2)
  assert.equal(bandWith(serafCse, [car, followUp]), 1)
  // A known adult in a role, vetted, with the arrangement agreed with the parents, explains it too.
  const coach = event('note', '2024-05-06', {
    agency: 'school',
    summary: 'Follow-up: the driver is his rugby coach, DBS checked; lifts to training agreed with parents',
  })
  assert.deepEqual(codesOf([car, coach], v14, '2024-06-01T12:00:00Z'), [])
  // A follow-up more than 30 days later, or before the sign, explains nothing of it.
  const late = event('note', '2024-06-10', { agency: 'school', summary: 'The driver is her uncle; parents confirm' })
  assert.deepEqual(codesOf([car, late], v14, '2024-06-20T12:00:00Z'), ['older_associates', 'vehicle_unknown_adults'])
})

test('one missing episode recorded by two agencies counts once, as the record that says more', () => {
  const police = event('missing_episode', '2024-03-16T02:50:00Z', {
    agency: 'police',
    recorded: '2024-03-16T04:00:00Z',
    summary: 'Absent from placement past curfew',
    extra: { missing_from: 'care_placement', risk_grading: 'medium' },
  })
  const social = event('missing_episode', '2024-03-16T02:50:00Z', {
    agency: 'csc',
    recorded: '2024-03-23T10:00:00Z',
    summary: 'Missing from placement (notified by provider)',
    extra: { missing_from: 'care_placement' },
  })
  const lac = event('looked_after_start', '2023-10-05', { agency: 'csc' })
  // 1.3.0: the absence past curfew is not read, and social care's copy says nothing of where: both "missing".
  assert.deepEqual(codesOf([police, social], v13), ['missing', 'missing'])
  assert.deepEqual(codesOf([police, social], v14, '2024-04-01T12:00:00Z'), ['missing_known_place'])
  assert.equal(bandWith(serafCse130, [lac, police, social], new Date('2024-04-01T12:00:00+01:00')), 2)
  assert.equal(bandWith(serafCse, [lac, police, social], new Date('2024-04-01T12:00:00+01:00')), 1)
  // A second episode days later is its own episode.
  const another = { ...social, source_id: 'E-other', occurred_at: '2024-03-20T02:50:00Z' }
  assert.deepEqual(codesOf([police, another], v14, '2024-04-01T12:00:00Z'), ['missing', 'missing_known_place'])
})

test('a missing record that itself finds no concern of exploitation accounts for a high grading', () => {
  const wander = event('missing_episode', '2024-05-14T08:45:00Z', {
    summary: 'Missing from home. Has a learning disability and autism; wanders to look at trains and buses',
    details: 'No concerns of exploitation. Found alone.',
    extra: { risk_grading: 'high' },
  })
  assert.deepEqual(codesOf([wander], v13), ['missing_with_signs'])
  assert.deepEqual(codesOf([wander], v14), ['missing_known_place'])
  // Without the finding the high grading is still a sign; a negated finding is none.
  assert.deepEqual(codesOf([{ ...wander, details: 'Found alone.' }], v14), ['missing_with_signs'])
  assert.deepEqual(codesOf([{ ...wander, details: 'Not no concerns of exploitation. Found alone.' }], v14), [
    'missing_with_signs',
  ])
})
