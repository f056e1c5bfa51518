import { test } from 'node:test'
import assert from 'node:assert/strict'
import { addressParts, canonicalName, dateParts, postcodeParts, validNhsNumber, phoneDigits } from './fields.ts'

test('names are compared in one canonical form', () => {
  assert.equal(canonicalName("O'Brien"), 'obrien')
  assert.equal(canonicalName('Smith Jones'), canonicalName('smith-jones'))
  assert.equal(canonicalName('  Zoë  '), 'zoe')
  // letters Unicode does not decompose are written as English speakers write them
  assert.equal(canonicalName('Michał Łukasiewicz'), 'michal-lukasiewicz')
  assert.equal(canonicalName('Søren STRAUß'), 'soren-strauss')
  assert.equal(canonicalName('Ægir Đorđević'), 'aegir-dordevic')
  assert.equal(canonicalName(undefined), '')
})

test('dates of birth in every common form, impossible ones kept as data', () => {
  assert.deepEqual(dateParts('2007-03-14'), { year: 2007, month: 3, day: 14 })
  assert.deepEqual(dateParts('14/03/2007'), { year: 2007, month: 3, day: 14 })
  assert.deepEqual(dateParts('20070314'), { year: 2007, month: 3, day: 14 })
  assert.deepEqual(dateParts('19371233'), { year: 1937, month: 12, day: 33 })
  assert.deepEqual(dateParts('2007-03'), { year: 2007, month: 3, day: 0 })
  assert.deepEqual(dateParts('2007'), { year: 2007, month: 0, day: 0 })
  assert.deepEqual(dateParts('not a date'), { year: 0, month: 0, day: 0 })
})

test('UK postcodes split into sector and district in any spacing', () => {
  assert.deepEqual(postcodeParts('ol11 1aa'), { full: 'OL11 1AA', sector: 'OL11 1', district: 'OL11' })
  assert.deepEqual(postcodeParts('M11AE'), { full: 'M1 1AE', sector: 'M1 1', district: 'M1' })
  assert.deepEqual(postcodeParts('4011'), { full: '4011', sector: '', district: '' })
})

test('NHS numbers count only with a valid check digit', () => {
  assert.equal(validNhsNumber('943 476 5919'), '9434765919')
  assert.equal(validNhsNumber('9434765918'), '')
  assert.equal(validNhsNumber('12345'), '')
})

test('house number and street are read from a first line of address', () => {
  assert.deepEqual(addressParts('12 Canal St'), { house: '12', street: 'canal street' })
  assert.deepEqual(addressParts('Flat 2, 12a Canal Street'), { house: '12a', street: 'canal street' })
  assert.equal(phoneDigits('+44 7700 900123'), '07700900123')
})
