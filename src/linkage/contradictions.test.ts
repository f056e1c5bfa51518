// Clustering refuses a person whose records contradict each other (decision 0064): twins of
// near-identical names, one date, each with their own NHS number, and a third record that fits both.
// The third goes with one of them, and `threadline link` writes no pair that joins the twins.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { defaultModel } from './default-model.ts'
import { BRITISH_DIMINUTIVES, nicknameTable } from './nicknames.ts'
import { contradictions, linkRecords, prepareRecords } from './pipeline.ts'
import { candidatePairs } from './blocking.ts'
import type { LinkageRecord } from './record.ts'

const nicknames = nicknameTable(BRITISH_DIMINUTIVES)
const home = { address_line: '131 Chapel Street', town: 'Luton', postcode: 'LU1 5WJ' }
const twin = { family_name: 'Brown', date_of_birth: '2013-06-30', sex: 'male', ...home }
const records: LinkageRecord[] = [
  { id: 'NHS-1', given_name: 'Aidan', nhs_number: '9434765919', ...twin },
  { id: 'NHS-2', given_name: 'Aodan', nhs_number: '4010232137', ...twin },
  { id: 'POL-1', given_name: 'Aiden', ...twin },
]

const pairsOf = (r: ReturnType<typeof linkRecords>) => {
  const out: string[] = []
  for (let x = 0; x < r.pairs.count; x++)
    out.push([r.records.ids[r.pairs.a[x]], r.records.ids[r.pairs.b[x]]].sort().join(' '))
  return out.sort()
}

test('two valid NHS numbers that differ are a contradiction; a number held a generation apart is not', () => {
  const p = prepareRecords([records], nicknames)
  const apart = contradictions(p, candidatePairs(p, { link: false }))
  assert.deepEqual(
    apart.map((d) => [p.ids[d.a], p.ids[d.b]].sort().join(' ')),
    ['NHS-1 NHS-2'],
  )
  // the second number is also held by a mother's record: it says nothing about who is who
  const mother = { id: 'CSC-9', given_name: 'Hodan', nhs_number: '4010232137', ...twin, date_of_birth: '1988-02-11' }
  const q = prepareRecords([[...records, mother]], nicknames)
  const twins = contradictions(q, candidatePairs(q, { link: false })).filter((d) => q.ids[d.b] !== 'CSC-9')
  assert.deepEqual(twins, [])
})

test('a record that fits twins with their own NHS numbers is linked to one of them, never joining the two', () => {
  const result = linkRecords([records], nicknames, { threshold: 0.5, model: defaultModel() })
  const pairs = pairsOf(result)
  assert.ok(!pairs.includes('NHS-1 NHS-2'), pairs.join(', '))
  assert.ok(pairs.length <= 1, `one pair at most, got ${pairs.join(', ')}`)
  assert.notEqual(result.entities[0], result.entities[1])
})

test('one child written two ways, with one NHS number, is still linked', () => {
  const one = [records[0], { ...records[2] }, { ...records[0], id: 'EDU-1', nhs_number: undefined }]
  const pairs = pairsOf(linkRecords([one], nicknames, { threshold: 0.5, model: defaultModel() }))
  assert.deepEqual(pairs, ['EDU-1 NHS-1', 'EDU-1 POL-1', 'NHS-1 POL-1'])
})

test('a generation apart, full dates years apart, and a brother and a sister are contradictions too', () => {
  const michael = { given_name: 'Michael', family_name: 'Lord', sex: 'male', ...home }
  const people: LinkageRecord[] = [
    { id: 'A', ...michael, date_of_birth: '1988-03-04' },
    { id: 'B', ...michael, date_of_birth: '2012-07-19' },
    { id: 'C', ...michael, given_name: 'Andrei', family_name: 'Popescu', date_of_birth: '2011-02-02' },
    { id: 'D', ...michael, given_name: 'Andreea', family_name: 'Popescu', date_of_birth: '2011-02-02', sex: 'female' },
  ]
  const p = prepareRecords([people], nicknames)
  const found = contradictions(p, candidatePairs(p, { link: false })).map((d) =>
    [p.ids[d.a], p.ids[d.b]].sort().join(' '),
  )
  assert.ok(found.includes('A B'), found.join(', '))
  assert.ok(found.includes('C D'), found.join(', '))
})
