import { test } from 'node:test'
import assert from 'node:assert/strict'
import { COMPARISONS, compareInto } from './comparisons.ts'
import { jaroWinkler, oneTypoApart } from './jaro-winkler.ts'
import { phoneticKey } from './phonetic.ts'
import { nicknameTable, BRITISH_DIMINUTIVES, areNicknames } from './nicknames.ts'
import { PreparedRecords } from './prepared.ts'
import type { LinkageRecord } from './record.ts'

const nicknames = nicknameTable([
  { name: 'robert', nickname: 'bob' },
  { name: 'aaron', nickname: 'ron' },
  { name: 'ronald', nickname: 'ron' },
  ...BRITISH_DIMINUTIVES,
])

/** The label of each comparison's level for two records. */
function levels(a: Partial<LinkageRecord>, b: Partial<LinkageRecord>): Record<string, string> {
  const p = new PreparedRecords(nicknames)
  p.add({ id: 'a', ...a })
  p.add({ id: 'b', ...b })
  const out = new Uint8Array(COMPARISONS.length)
  compareInto(p, 0, 1, out)
  return Object.fromEntries(COMPARISONS.map((c, k) => [c.name, out[k] === 0 ? 'null' : c.levels[out[k] - 1]]))
}

test('jaro-winkler matches the published examples', () => {
  assert.equal(jaroWinkler('martha', 'marhta').toFixed(3), '0.961')
  assert.equal(jaroWinkler('dwayne', 'duane').toFixed(2), '0.84')
  assert.equal(jaroWinkler('dixon', 'dicksonx').toFixed(3), '0.813')
  assert.equal(jaroWinkler('abc', 'xyz'), 0)
  assert.ok(oneTypoApart('9004242', '9004224'))
  assert.ok(oneTypoApart('smith', 'smth'))
  assert.ok(!oneTypoApart('smith', 'jones'))
})

test('the phonetic key joins spellings that sound alike', () => {
  assert.equal(phoneticKey('Smith'), phoneticKey('Smyth'))
  assert.equal(phoneticKey('Philips'), phoneticKey('Filips'))
  assert.equal(phoneticKey('Catherine'), phoneticKey('Kathryn'))
  assert.notEqual(phoneticKey('Smith'), phoneticKey('Jones'))
})

test('diminutives share a formal name but are not chained through it', () => {
  assert.ok(areNicknames(nicknames, 'bob', 'robert'))
  assert.ok(areNicknames(nicknames, 'ron', 'ronald'))
  assert.ok(!areNicknames(nicknames, 'aaron', 'ronald'))
})

test('given names: exact, nickname, first part, typo, initial, swapped', () => {
  assert.equal(levels({ given_name: 'Amy' }, { given_name: 'amy' }).given_name, 'exact')
  assert.equal(levels({ given_name: 'Bob' }, { given_name: 'Robert' }).given_name, 'nickname or first part')
  assert.equal(levels({ given_name: 'Amy-Leigh' }, { given_name: 'Amy' }).given_name, 'nickname or first part')
  assert.equal(levels({ given_name: 'Aimee' }, { given_name: 'Amy' }).given_name, 'phonetic')
  assert.equal(levels({ given_name: 'Jonathon' }, { given_name: 'Jonathan' }).given_name, 'jaro-winkler >= 0.92')
  assert.equal(levels({ given_name: 'A' }, { given_name: 'Amy' }).given_name, 'initial')
  const swapped = levels({ given_name: 'Smith', family_name: 'Amy' }, { given_name: 'Amy', family_name: 'Smith' })
  assert.equal(swapped.given_name, 'swapped with family name')
  assert.equal(swapped.family_name, 'swapped with given name')
  assert.equal(levels({ given_name: 'Amy' }, { given_name: 'Zainab' }).given_name, 'else')
  assert.equal(levels({ given_name: 'Amy' }, {}).given_name, 'null')
})

test('family names: double-barrelled parts and a recorded previous name', () => {
  assert.equal(levels({ family_name: 'Smith-Jones' }, { family_name: 'Jones' }).family_name, 'double-barrelled part')
  assert.equal(levels({ family_name: 'Smith Jones' }, { family_name: 'Smith-Jones' }).family_name, 'exact')
  assert.equal(levels({ family_name: 'Smyth' }, { family_name: 'Smith' }).family_name, 'phonetic')
  assert.equal(
    levels({ family_name: 'Khan', other_names: ['Begum'] }, { family_name: 'Begum' }).family_name,
    'other or previous name',
  )
})

test('dates of birth: transposed, a digit wrong, within a month, partial, placeholders', () => {
  const dob = (a: string, b: string) => levels({ date_of_birth: a }, { date_of_birth: b }).date_of_birth
  assert.equal(dob('2007-03-14', '14/03/2007'), 'exact')
  assert.equal(dob('2007-03-12', '2007-12-03'), 'day and month transposed')
  assert.equal(dob('2007-03-14', '2007-03-19'), 'one digit wrong')
  assert.equal(dob('2007-03-14', '2007-03-31'), 'within a month')
  assert.equal(dob('2007-03-14', '2007-09-30'), 'same year')
  assert.equal(dob('2007-03', '2007-03-14'), 'partial date agrees to the month')
  assert.equal(dob('2007', '2007-03-14'), 'partial date agrees to the year')
  assert.equal(dob('2007', '2007'), 'partial date agrees to the year')
  assert.equal(dob('2007-03', '2007-03'), 'partial date agrees to the month')
  assert.equal(dob('19371233', '19371223'), 'one digit wrong')
  assert.equal(dob('1990-01-01', '2007-03-14'), 'else')
  for (const placeholder of ['2007-01-01', '2007-12-31'])
    assert.equal(dob(placeholder, placeholder), 'exact, a placeholder date')
  assert.equal(dob('2007-06-01', '2007-06-23'), 'partial date agrees to the month', 'the 1st for a day not known')
  assert.equal(dob('2007-01-01', '2007-08-23'), 'partial date agrees to the year', '1 January for a date not known')
})

test('address: same address, postcode sector, weighed apart when family names agree', () => {
  const a = { family_name: 'Smith', address_line: '12 Canal Street', postcode: 'OL11 1AA' }
  assert.equal(
    levels(a, { family_name: 'Jones', address_line: '12 canal st', postcode: 'ol111aa' }).address,
    'same address, family names differ',
  )
  assert.equal(
    levels(a, { family_name: 'Smith', address_line: '12 canal st', postcode: 'ol111aa' }).address,
    'same address, family names agree',
  )
  assert.equal(
    levels(a, { family_name: 'Jones', address_line: '3 Mill Lane', postcode: 'OL11 1BX' }).address,
    'postcode sector or similar street, family names differ',
  )
  assert.equal(
    levels(a, { family_name: 'Jones', address_line: '3 Mill Lane', postcode: 'OL11 3BX' }).address,
    'postcode district or town, family names differ',
  )
  assert.equal(levels(a, { family_name: 'Jones', nhs_number: '9434765919' }).address, 'null')
  assert.equal(levels({ nhs_number: '9434765919' }, { nhs_number: '9434765919' }).nhs_number, 'exact')
  assert.equal(levels({ nhs_number: '9434765918' }, { nhs_number: '9434765918' }).nhs_number, 'null')
})
