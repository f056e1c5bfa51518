// UK-style records from the seeded generator: nicknames, day-month swaps, double-barrelled and
// changed names, UK postcodes, households with siblings and twins.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { accuracy, describeAccuracy } from './accuracy.ts'
import { generatePeople, truePairs } from './generate.ts'
import { loadNicknames } from './nicknames-file.ts'
import { linkRecords } from './pipeline.ts'

test('generated UK-style records deduplicate with high precision and recall', (t) => {
  const people = generatePeople({ records: 15_000, seed: 2026 })
  const result = linkRecords([people.records], loadNicknames(), { threshold: 0.5 })
  const a = accuracy(
    result,
    [...truePairs(people)].map((k) => k.split('|') as [string, string]),
  )
  t.diagnostic(describeAccuracy('uk-style 15,000', a))
  assert.ok(a.reachable / a.truePairs >= 0.97, describeAccuracy('uk-style', a))
  assert.ok(a.precision >= 0.95, describeAccuracy('uk-style', a))
  assert.ok(a.recall >= 0.93, describeAccuracy('uk-style', a))
  // clusters: most records of one person end in one entity, few entities mix people
  const entityOfRecord = new Map(result.records.ids.map((id, i) => [id, result.entities[i]]))
  const peopleInEntity = new Map<number, Set<number>>()
  for (const [id, person] of people.entityOf) {
    const e = entityOfRecord.get(id)!
    if (!peopleInEntity.has(e)) peopleInEntity.set(e, new Set())
    peopleInEntity.get(e)!.add(person)
  }
  const mixed = [...peopleInEntity.values()].filter((s) => s.size > 1).length
  t.diagnostic(`entities ${peopleInEntity.size} for ${people.entities} people; ${mixed} entities mix people`)
  assert.ok(mixed / peopleInEntity.size < 0.02)
})

test('the cases of the issue: a nickname and spelling, a swapped date, a double-barrelled name', () => {
  const people = generatePeople({ records: 4000, seed: 5 })
  const records = [
    ...people.records,
    {
      id: 'police-1',
      given_name: 'Aimee',
      family_name: 'Smyth',
      date_of_birth: '12/03/2007',
      sex: 'female',
      postcode: 'OL11 1AA',
      address_line: '12 Canal Street',
    },
    {
      id: 'school-1',
      given_name: 'Amy',
      family_name: 'Smith',
      date_of_birth: '2007-03-12',
      sex: 'female',
      postcode: 'OL11 1AA',
      address_line: '12 Canal St',
    },
    {
      id: 'clinic-1',
      given_name: 'Amy-Leigh',
      family_name: 'Smith',
      date_of_birth: '2007-12-03',
      sex: 'female',
      postcode: 'OL16 4XY',
      address_line: '3 Mill Lane',
    },
    {
      id: 'other-1',
      given_name: 'Amy',
      family_name: 'Smith',
      date_of_birth: '1981-06-22',
      sex: 'female',
      postcode: 'B2 9XP',
    },
  ]
  const result = linkRecords([records], loadNicknames(), { threshold: 0.5 })
  const index = new Map(result.records.ids.map((id, i) => [id, i]))
  const entity = (id: string) => result.entities[index.get(id)!]
  assert.equal(entity('police-1'), entity('school-1'))
  assert.equal(entity('school-1'), entity('clinic-1'))
  assert.notEqual(entity('school-1'), entity('other-1'))
})
