// A record is compared with the person, not with one of its records: what one agency holds (a phone,
// an address) counts for the person its other records hold it for (PairScorer.personLevels).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { defaultModel } from './default-model.ts'
import { createLinker } from './linker.ts'
import { BRITISH_DIMINUTIVES, nicknameTable } from './nicknames.ts'
import type { LinkageRecord } from './record.ts'

const nicknames = nicknameTable(BRITISH_DIMINUTIVES)
// the school knows the home; police wrote the family name its own way and hold her mobile
const school: LinkageRecord = {
  id: 'school:1',
  given_name: 'Amelia',
  family_name: 'Nowak',
  date_of_birth: '2010-05-06',
  sex: 'female',
  address_line: '12 Canal Street',
  postcode: 'OL11 1AA',
}
const police: LinkageRecord = {
  id: 'police:1',
  given_name: 'Amelia',
  family_name: 'Nowack',
  date_of_birth: '2010-05-06',
  phone: '07700900123',
}
// the charity: a familiar name, the home and the mobile, no date of birth
const charity: LinkageRecord = {
  id: 'charity:1',
  given_name: 'Millie',
  family_name: 'Nowak',
  address_line: '12 Canal Street',
  postcode: 'OL11 1AA',
  phone: '07700900123',
}

test("a charity's record that agrees with the home one agency holds and the phone another holds links to the person", () => {
  const linker = createLinker(defaultModel(), nicknames)
  linker.add(school, 'child')
  linker.add(police, 'child')
  const [best] = linker.match(charity)
  assert.equal(best.id, 'child')
  assert.ok(best.probability >= 0.95, `probability ${best.probability}`)
  // the explanation a reviewer sees says so: the address and the phone both agree
  const levels = Object.fromEntries(
    linker.explain(charity, best.recordId).comparisons.map((c) => [c.comparison, c.level]),
  )
  assert.match(levels.address, /^same address/)
  assert.match(levels.phone, /^exact/)
})

test('the same records held as two people are each short of a link', () => {
  const linker = createLinker(defaultModel(), nicknames)
  linker.add(school, 'a')
  linker.add(police, 'b')
  for (const m of linker.match(charity)) assert.ok(m.probability < 0.95, `${m.id} ${m.probability}`)
})

test("a person's records that no longer belong to it (moved by an unmerge, or withdrawn) no longer count", () => {
  const linker = createLinker(defaultModel(), nicknames)
  linker.add(school, 'child')
  linker.add(police, 'child')
  linker.setEntity('school:1', 'other')
  const child = linker.match(charity).find((m) => m.id === 'child')
  assert.ok(child && child.probability < 0.95, `after the move ${child?.probability}`)
  linker.setEntity('school:1', 'child')
  linker.remove('school:1')
  const again = linker.match(charity).find((m) => m.id === 'child')
  assert.ok(again && again.probability < 0.95, `after the withdrawal ${again?.probability}`)
})
