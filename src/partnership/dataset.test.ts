import { test } from 'node:test'
import assert from 'node:assert/strict'
import { dayFromIso } from '../calendar/days.ts'
import { casePeople } from './cases.ts'
import { datasetRows, type DatasetPerson, type Traits } from './dataset.ts'
import { areaTraits } from './dataset-store.ts'
import { periodsFor } from './periods.ts'

const day = (d: string) => dayFromIso(d)

test('who a record names: victims and suspects of sexual offences, disclosures and assessments of exploitation', () => {
  const crime = casePeople({
    event: {
      agency: 'police',
      kind: 'crime_report',
      subject: 'P-1',
      summary: 'Child sexual exploitation reported by a youth worker',
      involves: [{ kind: 'person', person: 'P-9', role: 'suspect' }],
    },
    day: day('2026-02-01'),
  })
  assert.deepEqual(
    crime.map((c) => [c.role, c.ref]),
    [
      ['victim', 'police:P-1'],
      ['suspect', 'police:P-9'],
    ],
  )
  const arrest = casePeople({
    event: {
      agency: 'police',
      kind: 'arrest',
      subject: 'P-9',
      summary: 'Arrested on suspicion of rape of a child',
      involves: [{ kind: 'person', person: 'P-1', role: 'victim' }],
    },
    day: day('2026-02-03'),
  })
  assert.deepEqual(
    arrest.map((c) => [c.role, c.ref]),
    [
      ['suspect', 'police:P-9'],
      ['victim', 'police:P-1'],
    ],
  )
  const burglary = { agency: 'police', kind: 'crime_report' as const, subject: 'P-1', summary: 'Burglary' }
  assert.deepEqual(casePeople({ event: burglary, day: 0 }), [])
  const assessed = { agency: 'csc', kind: 'assessment' as const, subject: 'C-1', extra: { factors: ['11A'] } }
  assert.deepEqual(
    casePeople({ event: assessed, day: 0 }).map((c) => [c.role, c.ref]),
    [['victim', 'csc:C-1']],
  )
  const criminal = { agency: 'csc', kind: 'assessment' as const, subject: 'C-1', extra: { factors: ['24A'] } }
  assert.deepEqual(casePeople({ event: criminal, day: 0 }), [], 'criminal exploitation is not in this data set')
})

const traits = (t: Partial<Traits> = {}): Traits => ({
  sex: null,
  dateOfBirth: null,
  ethnicity: null,
  nationality: null,
  disability: null,
  ...t,
})

test('the area’s view: what most records say; a refusal only when nothing else is recorded; the fullest date of birth', () => {
  const t = areaTraits([
    traits({ ethnicity: 'APKN', sex: 'female', dateOfBirth: '2011' }),
    traits({ ethnicity: 'Asian or Asian British Pakistani', dateOfBirth: '2011-04-02' }),
    traits({ ethnicity: 'Refused', nationality: 'refused' }),
  ])
  assert.equal(t.sex, 'female')
  assert.equal(t.dateOfBirth, '2011-04-02')
  assert.match(t.ethnicity!, /APKN|Pakistani/)
  assert.equal(t.nationality, 'refused')
})

test('rows: each person once per period, role and agency; completeness counts a refusal as recorded', () => {
  const [q] = periodsFor('2026-01-01', '2026-03-31', 'quarter')
  const person = (id: number, agency: string | null, t: Partial<Traits>, d = '2026-02-01'): DatasetPerson => ({
    role: 'victim',
    person: id,
    agency,
    day: day(d),
    traits: traits(t),
    groupBased: id === 1,
  })
  const people = [
    person(1, null, { ethnicity: 'White British', dateOfBirth: '2012-01-01' }),
    person(1, null, { ethnicity: 'White British', dateOfBirth: '2012-01-01' }, '2026-03-01'),
    person(2, null, { ethnicity: 'REFU' }),
    person(3, null, {}),
    person(1, 'police', { ethnicity: 'IC1' }),
  ]
  const rows = datasetRows([q], people, { agencies: ['police', 'csc'], suppress: false })
  const find = (ch: string, cat: string, agency: string | null = null) =>
    rows.find((r) => r.role === 'victim' && r.characteristic === ch && r.category === cat && r.agency === agency)!
  assert.equal(find('ethnicity', 'White').count, 1, 'the same child twice in the quarter is one child')
  assert.equal(find('ethnicity', 'refused').count, 1)
  assert.equal(find('ethnicity', 'not recorded').count, 1)
  assert.equal(find('ethnicity', 'White').recorded_share, 0.6667, 'two of three recorded (a refusal is an answer)')
  assert.equal(find('ethnicity', 'White', 'police').count, 1)
  assert.equal(find('ethnicity', 'White', 'csc').count, 0)
  assert.equal(find('ethnicity', 'White', 'csc').recorded_share, null, 'nobody: no share')
  assert.equal(find('age_band', '13-15').count, 1)
  assert.equal(find('group_based', 'group-based').count, 1)
  assert.equal(find('group_based', 'group-based').recorded_share, null)
  assert.equal(find('sex', 'not recorded').count, 3)
  assert.deepEqual(
    rows.slice(0, 3).map((r) => [r.characteristic, r.category, r.agency]),
    [
      ['sex', 'female', null],
      ['sex', 'female', 'csc'],
      ['sex', 'female', 'police'],
    ],
  )
})

test('suppressed: no count from 1 to 4, never one hidden category of a characteristic or one hidden agency', () => {
  const [q] = periodsFor('2026-01-01', '2026-03-31', 'quarter')
  const people: DatasetPerson[] = []
  const groups = ['White British', 'APKN', 'BCRB', null]
  for (let i = 0; i < 23; i++)
    for (const agency of [null, i % 3 === 0 ? 'csc' : 'police'])
      people.push({
        role: 'victim',
        person: i,
        agency,
        day: day('2026-02-01'),
        traits: traits({ ethnicity: groups[i % 4 === 3 && i > 10 ? 1 : i % 4], sex: i < 20 ? 'female' : 'male' }),
        groupBased: false,
      })
  const rows = datasetRows([q], people, { agencies: ['police', 'csc', 'health'], suppress: true })
  for (const r of rows) {
    assert.ok(r.count === null || r.count === 0 || r.count >= 5, JSON.stringify(r))
    assert.equal(r.suppressed, r.count === null)
  }
  const byChar = new Map<string, number>()
  const byCat = new Map<string, number>()
  for (const r of rows.filter((x) => x.suppressed)) {
    const a = `${r.role}/${r.characteristic}/${r.agency}`
    byChar.set(a, (byChar.get(a) ?? 0) + 1)
    const b = `${r.role}/${r.characteristic}/${r.category}`
    byCat.set(b, (byCat.get(b) ?? 0) + 1)
  }
  for (const [k, n] of byChar) assert.notEqual(n, 1, `one hidden category in ${k}`)
  for (const [k, n] of byCat) assert.notEqual(n, 1, `one hidden cell among the area and agencies in ${k}`)
  const male = rows.find((r) => r.characteristic === 'sex' && r.category === 'male' && r.agency === null)!
  assert.equal(male.suppressed, true, '3 men')
  const female = rows.find((r) => r.characteristic === 'sex' && r.category === 'female' && r.agency === null)!
  assert.equal(female.suppressed, true, 'hidden with them, or the men are 23 less the women')
})
