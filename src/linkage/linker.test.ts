import { test } from 'node:test'
import assert from 'node:assert/strict'
import { generatePeople } from './generate.ts'
import { createLinker } from './linker.ts'
import { modelFromJson, modelToJson } from './model.ts'
import { BRITISH_DIMINUTIVES, nicknameTable } from './nicknames.ts'
import { trainModel } from './pipeline.ts'
import { linkageRecordFromPerson } from './record.ts'

const nicknames = nicknameTable([{ name: 'robert', nickname: 'bob' }, ...BRITISH_DIMINUTIVES])
const people = generatePeople({ records: 4000, seed: 21 })
const model = trainModel([people.records], nicknames)

test('a new record links to the entity of its person at once, without retraining', () => {
  const linker = createLinker(modelFromJson(modelToJson(model)), nicknames)
  // index every record but the last few of each person, then link those
  const byPerson = new Map<number, string>()
  const held: typeof people.records = []
  for (const r of people.records) {
    const person = people.entityOf.get(r.id)!
    if (byPerson.has(person) && held.length < 300) held.push(r)
    else {
      byPerson.set(person, r.id)
      linker.add(r, `person-${person}`)
    }
  }
  assert.equal(linker.size, people.records.length - held.length)
  let top = 0
  for (const r of held) {
    const matches = linker.match(r)
    assert.ok(
      matches.every((m, x) => x === 0 || matches[x - 1].probability >= m.probability),
      'most probable first',
    )
    if (matches[0]?.id === `person-${people.entityOf.get(r.id)}` && matches[0].probability >= 0.5) top++
  }
  assert.ok(top / held.length >= 0.9, `${top} of ${held.length} linked to their person`)
})

test('entities follow merges, and removed records no longer match', () => {
  const linker = createLinker(model, nicknames)
  linker.add({
    id: 'a',
    given_name: 'Bob',
    family_name: 'Okafor',
    date_of_birth: '2008-05-02',
    postcode: 'OL11 1AA',
    address_line: '4 Mill Lane',
  })
  linker.add({ id: 'b', given_name: 'Zara', family_name: 'Nowak', date_of_birth: '2009-07-30' })
  const probe = {
    id: 'new',
    given_name: 'Robert',
    family_name: 'Okafor',
    date_of_birth: '2008-02-05',
    postcode: 'OL11 1AA',
  }
  assert.equal(linker.match(probe)[0].id, 'a')
  linker.setEntity('a', 'child-7')
  const [best] = linker.match(probe)
  assert.equal(best.id, 'child-7')
  assert.equal(best.recordId, 'a')
  const explanation = linker.explain(probe, 'a')
  assert.equal(explanation.comparisons.find((c) => c.comparison === 'given_name')!.level, 'nickname or first part')
  assert.equal(explanation.comparisons.find((c) => c.comparison === 'date_of_birth')!.level, 'day and month transposed')
  assert.ok(Math.abs(explanation.probability - best.probability) < 1e-9)
  linker.remove('a')
  assert.equal(linker.match(probe).length, 0)
  assert.equal(linker.size, 1)
})

test('an agency person record maps to a linkage record keyed agency:source_id', () => {
  const r = linkageRecordFromPerson({
    type: 'person',
    agency: 'police',
    source_id: 'P-1',
    given_name: 'Amy',
    family_name: 'Smith',
    date_of_birth: '2007-03-14',
    address: { line1: '12 Canal Street', town: 'Rochdale', postcode: 'OL11 1AA' },
    nhs_number: '9434765919',
    upn: 'A123',
  })
  assert.equal(r.id, 'police:P-1')
  assert.equal(r.address_line, '12 Canal Street')
  assert.equal(r.postcode, 'OL11 1AA')
  assert.equal(r.identifier, 'A123')
})

test('as in batch blocking, a large block of one name sound meets a dated record only through the undated', () => {
  const linker = createLinker(model, nicknames)
  // "Smyth" and "Smith" share a sound but not a spelling (the exact-name rule does not join them)
  for (let k = 0; k < 8; k++)
    linker.add({ id: `d${k}`, given_name: 'Amy', family_name: 'Smyth', date_of_birth: `${1990 + k}-0${k + 1}-1${k}` })
  linker.add({ id: 'u', given_name: 'Amy', family_name: 'Smyth' })
  const dated = linker.match(
    { id: 'p', given_name: 'Amy', family_name: 'Smith', date_of_birth: '2001-09-20' },
    { minProbability: 0 },
  )
  assert.deepEqual(
    dated.map((m) => m.id),
    ['u'],
  )
  const undated = linker.match({ id: 'q', given_name: 'Amy', family_name: 'Smith' }, { minProbability: 0 })
  assert.equal(undated.length, 9)
})
