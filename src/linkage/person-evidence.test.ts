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

test("a person's date of birth is any of its records': a record of another age does not join through a record that holds none", () => {
  // housing holds the boy by name and home only; the school holds his date of birth
  const housing: LinkageRecord = {
    id: 'housing:1',
    given_name: 'Ollie',
    family_name: 'Jones',
    sex: 'male',
    address_line: '81 Akroyd Grove',
    postcode: 'HX2 3GX',
  }
  const school: LinkageRecord = {
    id: 'school:2',
    given_name: 'Oliver',
    family_name: 'Jones',
    date_of_birth: '2008-02-09',
    sex: 'male',
    address_line: '81 Akroyd Grove',
    postcode: 'HX2 3GX',
  }
  // police: another Ollie Jones, three years older, no address
  const other: LinkageRecord = {
    id: 'police:2',
    given_name: 'Ollie',
    family_name: 'Jones',
    date_of_birth: '2005-03-30',
    sex: 'male',
  }
  const linker = createLinker(defaultModel(), nicknames)
  linker.add(housing, 'boy')
  linker.add(school, 'boy')
  const boy = linker.match(other, { minProbability: 0 }).find((m) => m.id === 'boy')!
  assert.equal(boy.recordId, 'housing:1', 'the best record by itself holds no date')
  assert.ok(boy.probability < 0.5, `probability ${boy.probability}`)
  const dob = linker.explain(other, boy.recordId).comparisons.find((c) => c.comparison === 'date_of_birth')!
  assert.equal(dob.level, 'else')
  // his own record with the school's date does join
  const same = linker.match({ ...other, id: 'police:3', date_of_birth: '2008-02-09' }).find((m) => m.id === 'boy')
  assert.ok(same && same.probability >= 0.95, `probability ${same?.probability}`)
})
