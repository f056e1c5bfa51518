// SERAF examples worked by hand, the windows at their edges, and the age rules.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { deriveEvidence } from './evidence.ts'
import { firstFlagged, score } from './score.ts'
import { riskSettings } from './settings.ts'
import { validateInstrument } from './validate.ts'
// SERAF's arithmetic as 1.4.0 has it (1.5.0 adds the any-significant floor: plain-wording.test.ts)
import { serafCse140 as serafCse } from './seraf-cse.ts'
import { event, seen } from './testing.ts'

const at = (events: Parameters<typeof deriveEvidence>[0], asOf: string, dateOfBirth: string | null = '2005-03-01') =>
  score(serafCse, deriveEvidence(events), { asOf, dateOfBirth })
const pointsOf = (s: ReturnType<typeof score>) => Object.fromEntries(s.items.map((i) => [i.code, i.points]))

test('a worked example: vulnerabilities, moderate and significant indicators by recency', () => {
  const s = at(
    [
      seen(['family_breakdown'], '2012-01-01'), // vulnerability: counts for life
      seen(['looked_after'], '2019-01-01'),
      seen(['domestic_abuse_at_home'], '2010-06-01'),
      seen(['missing'], '2020-05-01'), // within 6 months: 5
      seen(['missing'], '2019-10-01'), // 6 to 12 months ago: 1 (so 6 in all)
      seen(['vehicle_unknown_adults'], '2019-09-15'), // only 6 to 12 months ago: 1
      seen(['gifts_money'], '2020-06-01'), // 5
      seen(['staying_out_late'], '2020-03-01'), // moderate within 6 months: 1
      seen(['school_disengagement'], '2019-12-01'), // moderate, 7 months ago: 0
      seen(['staying_out_late'], '2020-04-01'), // the same item again: still 1
      seen(['sti'], '2020-06-20', { agency: 'health', restricted: true }), // 15 years old: moderate only
    ],
    '2020-06-30T12:00:00+01:00',
  )
  assert.deepEqual(pointsOf(s), {
    family_breakdown: 1,
    domestic_abuse_at_home: 1,
    looked_after: 1,
    staying_out_late: 1,
    sti: 1,
    vehicle_unknown_adults: 1,
    gifts_money: 5,
    missing: 6,
  })
  assert.equal(s.score, 17)
  assert.equal(s.band, 4)
  assert.equal(s.bandLabel, 'significant')
  assert.equal(s.ageRuleFired, false)
  assert.equal(s.instrumentVersion, serafCse.version)
  assert.equal(s.items.find((i) => i.code === 'missing')!.evidence.length, 2)
  assert.equal(s.items.find((i) => i.code === 'staying_out_late')!.evidence.length, 2)
  const sti = s.items.find((i) => i.code === 'sti')!.evidence[0]
  assert.equal(sti.restricted, true)
  assert.equal(sti.agency, 'health')
  assert.deepEqual(s.indicatorAgencies, ['health', 'police'])
})

test('band edges: 5 is no identified risk, 6 mild, 10 mild, 11 moderate, 15 moderate, 16 significant', () => {
  const asOf = '2020-06-30T12:00:00+01:00'
  const moderate = [
    'staying_out_late',
    'unknown_callers',
    'self_harm',
    'peers_exploited',
    'unexplained_injury',
    'sexualised_behaviour',
  ] as const
  const cases: [Parameters<typeof seen>[0], number, number, string][] = [
    [['missing'], 5, 1, 'no identified risk'],
    [['missing', 'self_harm'], 6, 2, 'mild'],
    [['missing', 'gifts_money'], 10, 2, 'mild'],
    [['missing', 'gifts_money', 'self_harm'], 11, 3, 'moderate'],
    [['missing', 'gifts_money', 'hotspot_location'], 15, 3, 'moderate'],
    [['missing', 'gifts_money', 'hotspot_location', 'self_harm'], 16, 4, 'significant'],
    [[...moderate], 6, 2, 'mild'],
    [[], 0, 1, 'no identified risk'],
  ]
  for (const [indicators, expectedScore, band, label] of cases) {
    const s = at([seen(indicators, '2020-06-01')], asOf)
    assert.equal(s.score, expectedScore, indicators.join('+'))
    assert.equal(s.band, band, indicators.join('+'))
    assert.equal(s.bandLabel, label)
  }
})

test('windows at their edges, measured by London date', () => {
  const missing = [seen(['missing'], '2020-01-15')]
  const late = [seen(['staying_out_late'], '2020-01-15')]
  // 23:59 BST on 14 July: still within 6 months.
  assert.equal(at(missing, '2020-07-14T23:59:00+01:00').score, 5)
  assert.equal(at(late, '2020-07-14T23:59:00+01:00').score, 1)
  // 00:00 BST on 15 July (still 14 July in UTC): 6 months ago.
  assert.equal(at(missing, '2020-07-14T23:00:00Z').score, 1)
  assert.equal(at(late, '2020-07-14T23:00:00Z').score, 0)
  assert.equal(at(missing, '2021-01-14T23:59:00Z').score, 1)
  assert.equal(at(missing, '2021-01-15T00:00:00Z').score, 0)
  // The end of a month: 31 August + 6 months is 29 February in a leap year.
  const august = [seen(['missing'], '2019-08-31')]
  assert.equal(at(august, '2020-02-28T12:00:00Z').score, 5)
  assert.equal(at(august, '2020-02-29T12:00:00Z').score, 1)
  // Vulnerabilities never age out.
  assert.equal(at([seen(['isolated'], '2006-01-01')], '2020-01-01T12:00:00Z').score, 1)
})

test('under 13 with any significant indicator is at least band 3, until the 13th birthday', () => {
  const events = [seen(['missing'], '2020-06-01')]
  const young = (asOf: string, dob: string | null) => at(events, asOf, dob)
  let s = young('2020-07-01T12:00:00+01:00', '2008-05-10')
  assert.equal(s.score, 5)
  assert.equal(s.scoreBand, 1)
  assert.equal(s.band, 3)
  assert.equal(s.bandLabel, 'moderate')
  assert.equal(s.ageRuleFired, true)
  assert.deepEqual(s.ageRulesFired, ['under-13-significant'])
  s = young('2021-05-09T12:00:00+01:00', '2008-05-10') // 1 point (6 to 12 months), still 12
  assert.equal(s.score, 1)
  assert.equal(s.band, 3)
  s = young('2021-05-10T12:00:00+01:00', '2008-05-10') // 13 today
  assert.equal(s.band, 1)
  assert.equal(s.ageRuleFired, false)
  // A partial date of birth gives the lower bar for as long as the child might be under 13.
  assert.equal(young('2021-05-10T12:00:00+01:00', '2008').band, 3)
  assert.equal(young('2021-05-10T12:00:00+01:00', '2008-05').band, 3)
  // Unknown date of birth: the rule cannot fire.
  assert.equal(young('2020-07-01T12:00:00+01:00', null).band, 1)
  // Moderate indicators alone never fire it.
  assert.equal(at([seen(['self_harm'], '2020-06-01')], '2020-07-01T12:00:00Z', '2010-01-01').band, 1)
})

test('sexual activity of a child under 13 is a significant indicator', () => {
  const sti = [seen(['sti'], '2021-06-01', { agency: 'health' })]
  const twelve = at(sti, '2021-07-01T12:00:00Z', '2009-01-01')
  assert.deepEqual(pointsOf(twelve), { sti: 1, sexual_activity_under_13: 5 })
  assert.equal(twelve.band, 3)
  const fifteen = at(sti, '2021-07-01T12:00:00Z', '2006-01-01')
  assert.deepEqual(pointsOf(fifteen), { sti: 1 })
  assert.equal(fifteen.band, 1)
})

test('as of a time, only what had been recorded by then counts', () => {
  const events = [
    seen(['missing'], '2020-03-01', { recorded: '2020-09-01T10:00:00Z' }),
    seen(['self_harm'], '2020-03-02'),
  ]
  assert.equal(at(events, '2020-06-01T12:00:00Z').score, 1)
  assert.equal(at(events, '2020-09-01T09:59:59Z').score, 1) // self-harm until 1 September inclusive; missing not yet known
  // Recorded now, but 1 March + 6 months = 1 September: the missing episode is already 6 months ago.
  assert.equal(at(events, '2020-09-01T10:00:00Z').score, 2)
  assert.equal(at(events, '2020-09-02T10:00:00Z').score, 1)
})

test('a withdrawn record stops counting from its withdrawal on', () => {
  const events = [
    seen(['gifts_money'], '2020-06-01', { until: '2020-06-10T00:00:00Z' }),
    seen(['missing'], '2020-06-01'),
  ]
  assert.equal(at(events, '2020-06-09T12:00:00Z').score, 10)
  assert.equal(at(events, '2020-06-10T12:00:00Z').score, 5)
})

test('the instrument applies from age 10 to 17: a toddler with a significant indicator is band 1, not screened', () => {
  const events = [seen(['gifts_money'], '2020-06-01')]
  const toddler = at(events, '2020-06-30T12:00:00+01:00', '2017-04-10')
  assert.equal(toddler.outsideAges, 'under')
  assert.equal(toddler.band, 1, 'the under-13 rule does not reach a 3-year-old')
  assert.equal(toddler.ageRuleFired, false)
  assert.match(toddler.bandLabel, /^not screened: under 10, .*\(10 to 17\)/)
  assert.equal(toddler.score, 5, 'the evidence is still scored, for when the instrument applies')
  const eleven = at(events, '2020-06-30T12:00:00+01:00', '2009-04-10')
  assert.equal(eleven.outsideAges, null)
  assert.equal(eleven.band, 3, 'within the ages, the under-13 rule applies')
  // The day before and the day of the 10th birthday (London time).
  const born = '2010-07-01'
  assert.equal(at(events, '2020-06-30T23:30:00+01:00', born).band, 1)
  assert.equal(at(events, '2020-07-01T00:00:00+01:00', born).band, 3)
  // A year-only date of birth: the instrument applies from the earliest possible 10th birthday.
  assert.equal(at(events, '2020-01-01T00:00:00Z', '2010').outsideAges, null)
  assert.equal(at(events, '2019-12-31T12:00:00Z', '2010').outsideAges, 'under')
  // Unknown date of birth: an agency says it is a child, so the instrument applies.
  assert.equal(at(events, '2020-06-30T12:00:00+01:00', null).outsideAges, null)
})

test('an area may start the instrument younger (ages.from), never older than 10', () => {
  const events = [seen(['gifts_money'], '2020-06-01')]
  const younger = { ...serafCse, ages: { from: 8, to: 17 } }
  const s = score(younger, deriveEvidence(events), { asOf: '2020-06-30T12:00:00+01:00', dateOfBirth: '2011-04-10' })
  assert.equal(s.band, 3)
  const check = validateInstrument({ ...serafCse, ages: { from: 12, to: 17 } })
  assert.equal(check.ok, false)
  assert.match(check.ok ? '' : check.errors.join(' '), /ages\.from must be 10 or younger/)
  assert.equal(validateInstrument({ ...serafCse, ages: { from: 9, to: 17 } }).ok, true)
  assert.throws(() => riskSettings({ THREADLINE_RISK_FROM_AGE: '11' }), /from 0 to 10/)
  assert.equal(riskSettings({ THREADLINE_RISK_FROM_AGE: '8' }).fromAge, 8)
})

test('first flagged: the first moment at band 2 or more, or none; --min-band 1 never flags band 1', () => {
  const points = [
    { at: new Date(0), band: 1 },
    { at: new Date('2021-03-01T00:00:00Z'), band: 2 },
    { at: new Date('2021-05-01T00:00:00Z'), band: 3 },
  ]
  assert.deepEqual(firstFlagged(points, 1), new Date('2021-03-01T00:00:00Z'))
  assert.deepEqual(firstFlagged(points, 3), new Date('2021-05-01T00:00:00Z'))
  assert.equal(firstFlagged(points, 4), null)
  assert.equal(firstFlagged([{ at: new Date(0), band: 1 }], 1), null)
  assert.equal(firstFlagged(points, 2, Date.parse('2021-02-01T00:00:00Z')), null)
})

test('evidence of sexual abuse is at least band 3 within the ages; a neglect plan is a vulnerability', () => {
  const disclosure = { ...event('disclosure', '2020-06-01'), subject: 'P-1' }
  const s = at([disclosure], '2020-06-30T12:00:00+01:00', '2005-03-01')
  assert.equal(s.score, 5)
  assert.equal(s.band, 3)
  assert.deepEqual(s.ageRulesFired, ['evidence-of-sexual-abuse'])
  const plan = { ...event('cp_plan_start', '2020-06-01'), subject: 'P-1', extra: { category: 'NEG' } }
  const neglect = at([plan], '2020-06-30T12:00:00+01:00', '2005-03-01')
  assert.deepEqual(pointsOf(neglect), { abuse_or_neglect_at_home: 1 })
  assert.equal(neglect.band, 1)
})
