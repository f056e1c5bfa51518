// The compact index (linker.ts, decision 0054) decides as the index before it did
// (linker-reference.ts): the same candidates, probabilities and best records for every probe, after
// adds, merges, removals and records added again changed.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { sharedDataFile } from '../config/shared-data.ts'
import { defaultModel } from './default-model.ts'
import { generatePeople } from './generate.ts'
import { personRecordsFromCsv } from './input.ts'
import { createLinker, IntTable, type Linker } from './linker.ts'
import { createReferenceLinker } from './linker-reference.ts'
import { loadNicknames } from './nicknames-file.ts'
import type { LinkageRecord } from './record.ts'

const nicknames = loadNicknames()

function both(): [Linker, Linker] {
  return [createReferenceLinker(defaultModel(), nicknames), createLinker(defaultModel(), nicknames)]
}

function assertSameDecisions(reference: Linker, compact: Linker, probes: readonly LinkageRecord[]): number {
  assert.equal(compact.size, reference.size)
  let candidates = 0
  for (const probe of probes) {
    const expected = reference.match(probe, { minProbability: 0 })
    const got = compact.match(probe, { minProbability: 0 })
    assert.deepEqual(got, expected, `probe ${probe.id}`)
    candidates += got.length
    if (got[0]) assert.deepEqual(compact.explain(probe, got[0].recordId), reference.explain(probe, got[0].recordId))
  }
  return candidates
}

test('the compact index gives the same candidates and probabilities as the reference, generated records', () => {
  const people = generatePeople({ records: 12_000, seed: 54 })
  const held = people.records.slice(0, 11_000)
  const probes = people.records.slice(11_000)
  const [reference, compact] = both()
  for (const linker of [reference, compact]) {
    // numeric entities as incremental.ts names them, and named ones
    held.forEach((r, x) =>
      linker.add(r, x % 3 === 0 ? `E${people.entityOf.get(r.id)}` : String(people.entityOf.get(r.id))),
    )
  }
  const candidates = assertSameDecisions(reference, compact, probes)
  assert.ok(candidates > probes.length, `${candidates} candidates for ${probes.length} probes`)

  // merges (one person into another), withdrawals, and records added again changed
  for (const linker of [reference, compact]) {
    for (let x = 0; x < 600; x += 2) linker.setEntity(held[x].id, String(people.entityOf.get(held[x + 1].id)))
    for (let x = 1000; x < 1300; x++) linker.remove(held[x].id)
    for (let x = 2000; x < 2300; x++) linker.add({ ...held[x], postcode: undefined, phone: undefined }, `E${x}`)
  }
  assertSameDecisions(reference, compact, probes)
  assert.ok(compact.size === held.length - 300)
})

const febrl = sharedDataFile('febrl')
test('the compact index gives the same candidates and probabilities as the reference, FEBRL', { skip: !febrl }, () => {
  const read = (name: string) => personRecordsFromCsv(readFileSync(sharedDataFile('febrl', name) ?? '', 'utf8')).records
  const [reference, compact] = both()
  for (const linker of [reference, compact]) for (const r of read('dataset4a.csv')) linker.add(r)
  // dataset4b holds the other record of most of dataset4a's people
  const candidates = assertSameDecisions(reference, compact, read('dataset4b.csv').slice(0, 1500))
  assert.ok(candidates >= 1500, `${candidates} candidates`)
})

test('IntTable holds keys to values across growth', () => {
  const t = new IntTable()
  for (let k = 0; k < 50_000; k++) t.set(k * 7919, k)
  for (let k = 0; k < 50_000; k++) assert.equal(t.get(k * 7919), k)
  assert.equal(t.get(3), -1)
  assert.equal(t.size, 50_000)
})
