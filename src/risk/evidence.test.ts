import { test } from 'node:test'
import assert from 'node:assert/strict'
import { deriveEvidence, findHotspots, isAdultOn, type EvidenceEvent } from './evidence.ts'
import { event } from './testing.ts'

const codes = (events: Parameters<typeof deriveEvidence>[0], context?: Parameters<typeof deriveEvidence>[1]) =>
  deriveEvidence(events, context)
    .map((e) => `${e.code}/${e.basis}`)
    .sort()

test('kinds derive indicators so an agency that sends none still counts', () => {
  const pairs: [Parameters<typeof event>[0], string][] = [
    ['missing_episode', 'missing'],
    ['sexual_health', 'sti'],
    ['pregnancy', 'pregnancy'],
    ['termination', 'pregnancy'],
    ['self_harm', 'self_harm'],
    ['substance_misuse', 'substance_misuse'],
    ['disclosure_withdrawn', 'disclosure_withdrawn'],
    ['school_absence', 'school_disengagement'],
    ['school_exclusion', 'school_disengagement'],
    ['looked_after_start', 'looked_after'],
  ]
  for (const [kind, code] of pairs) assert.deepEqual(codes([event(kind, '2020-01-01')]), [`${code}/kind`], kind)
  assert.deepEqual(codes([event('note', '2020-01-01'), event('assessment', '2020-01-01')]), [])
})

test("an indicator the agency sent is kept once, as the agency's", () => {
  assert.deepEqual(codes([event('missing_episode', '2020-01-01', { indicators: ['missing', 'older_associates'] })]), [
    'missing/indicator',
    'older_associates/indicator',
  ])
})

test('involvements: vehicles, phones, online identities, adults, hotspots', () => {
  const e = event('missing_episode', '2020-05-02T23:10:00', {
    agency: 'police',
    recorded: '2020-05-04T09:00:00+01:00',
    involves: [
      { kind: 'vehicle', key: 'AB12CDE', display: 'AB12 CDE' },
      { kind: 'phone', key: '07700900456', display: '07700 900456' },
      { kind: 'online', key: 'x@snap', display: 'x@snap' },
      { kind: 'person', person: 'P-2001', role: 'found_with' },
      { kind: 'person', person: 'P-3001', role: 'family' },
      { kind: 'location', key: 'OL161PA', display: 'Takeaway' },
    ],
  })
  const adults = new Set(['police:P-2001', 'police:P-3001'])
  const context = {
    isAdult: (ref: string) => adults.has(ref),
    hotspots: new Map([['OL161PA', '2020-06-01T00:00:00Z']]),
  }
  const evidence = deriveEvidence([e], context)
  assert.deepEqual(evidence.map((x) => `${x.code}/${x.basis}`).sort(), [
    'concerning_internet_use/involvement',
    'hotspot_location/involvement',
    'missing/kind',
    'older_associates/involvement',
    'unknown_callers/involvement',
    'vehicle_unknown_adults/involvement',
  ])
  const hotspot = evidence.find((x) => x.code === 'hotspot_location')!
  assert.equal(hotspot.recordedAt, '2020-06-01T00:00:00.000Z') // known as a hotspot only from then
  const missing = evidence.find((x) => x.code === 'missing')!
  assert.equal(missing.date, '2020-05-02') // London date of a local time
  assert.equal(missing.eventRef, `police:${e.source_id}`)
  assert.equal(Date.parse(missing.recordedAt), Date.parse('2020-05-04T08:00:00.000Z'))
  // A person of unknown age, or a family member, is never assumed to be an older associate.
  assert.deepEqual(
    codes([event('note', '2020-01-01', { involves: [{ kind: 'person', person: 'P-9', role: 'suspect' }] })]),
    [],
  )
})

test('restricted events count, and carry their flag', () => {
  const [e] = deriveEvidence([event('sexual_health', '2020-01-01', { agency: 'health', restricted: true })])
  assert.equal(e.restricted, true)
  assert.equal(e.agency, 'health')
})

test('hotspots are places tied to several children, from the moment the last of them is recorded', () => {
  const place = { kind: 'location' as const, key: 'OL161PA', display: 'Takeaway' }
  const hotspots = findHotspots([
    { child: 'a', recorded_at: '2020-01-01T00:00:00Z', involves: [place] },
    { child: 'a', recorded_at: '2020-01-02T00:00:00Z', involves: [place] },
    { child: 'b', recorded_at: '2020-02-01T00:00:00Z', involves: [place] },
    { child: 'c', recorded_at: '2020-03-01T00:00:00Z', involves: [place] },
    {
      child: 'c',
      recorded_at: '2020-03-01T00:00:00Z',
      involves: [{ kind: 'location', key: 'M11AA', display: 'Park' }],
    },
  ])
  assert.deepEqual([...hotspots], [['OL161PA', '2020-03-01T00:00:00.000Z']])
})

test('adulthood from a full or partial date of birth', () => {
  assert.equal(isAdultOn('1990-01-01', '2020-01-01'), true)
  assert.equal(isAdultOn('2002-01-02', '2020-01-01T12:00:00Z'), false)
  assert.equal(isAdultOn('2002-01-01', '2020-01-01T12:00:00Z'), true)
  assert.equal(isAdultOn('2002', '2020-06-01'), false) // might be born in December
  assert.equal(isAdultOn(undefined, '2020-06-01'), undefined)
  assert.equal(isAdultOn(undefined, '2020-06-01', false), true)
  // born on 29 February: 18 on 1 March of a common year, judged on the London date
  assert.equal(isAdultOn('2008-02-29', '2026-02-28T23:30:00Z'), false)
  assert.equal(isAdultOn('2008-02-29', '2026-03-01T00:30:00Z'), true)
  assert.equal(isAdultOn('2008-06-15', '2026-06-14T23:30:00Z'), true, '00:30 on the birthday in London')
})

test('the evidence of sexual abuse agencies record: disclosures, offences, plans by category, assessment factors', () => {
  const with_ = (kind: Parameters<typeof event>[0], extra: Partial<EvidenceEvent>) => ({
    ...event(kind, '2020-01-01'),
    subject: 'P-1',
    ...extra,
  })
  assert.deepEqual(codes([event('disclosure', '2020-01-01')]), ['disclosure/kind'])
  assert.deepEqual(codes([with_('crime_report', { summary: 'Rape of a child under 16' })]), [
    'sexual_offence_victim/content',
  ])
  assert.deepEqual(codes([with_('crime_report', { extra: { offence: 'Sexual activity with a child' } })]), [
    'sexual_offence_victim/content',
  ])
  assert.deepEqual(codes([with_('crime_report', { summary: 'Theft of a bicycle' })]), [], 'not a sexual offence')
  assert.deepEqual(
    codes([
      with_('crime_report', {
        summary: 'Sexual assault on a peer',
        involves: [{ kind: 'person', person: 'P-1', role: 'suspect' }],
      }),
    ]),
    [],
    'the child as suspect is not harm to the child',
  )
  // an adult's arrest or charge naming the child as victim
  assert.deepEqual(codes([with_('arrest', { summary: 'Arrested: rape of a child', childAsVictim: true })]), [
    'sexual_offence_victim/content',
  ])
  assert.deepEqual(codes([with_('charge', { summary: 'Assault occasioning ABH', childAsVictim: true })]), [
    'offence_against_child/content',
  ])
  assert.deepEqual(
    codes([with_('arrest', { summary: 'Arrested: rape' })]),
    [],
    'an arrest of the child is not a sign of abuse',
  )
  // plans by category: the DfE's code or words; neglect counts as what it is
  assert.deepEqual(codes([with_('cp_plan_start', { extra: { category: 'SAB' } })]), ['cp_plan_sexual_abuse/content'])
  assert.deepEqual(codes([with_('cp_plan_start', { summary: 'Plan under category: sexual abuse' })]), [
    'cp_plan_sexual_abuse/content',
  ])
  assert.deepEqual(codes([with_('cp_plan_start', { extra: { category: 'NEG' } })]), ['cp_plan/content'])
  // assessment factors (CIN census codes) or words
  assert.deepEqual(codes([with_('assessment', { extra: { factors: ['11A', '3A'] } })]), [
    'assessed_exploitation/content',
  ])
  assert.deepEqual(codes([with_('assessment', { extra: { factors: ['24A'] } })]), ['assessed_exploitation/content'])
  assert.deepEqual(codes([with_('assessment', { extra: { factors: ['16A'] } })]), [])
  assert.deepEqual(codes([with_('assessment', { summary: 'Assessment found child sexual exploitation' })]), [
    'assessed_exploitation/content',
  ])
})
