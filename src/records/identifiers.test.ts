import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  isCalendarDate,
  isPartialDate,
  normaliseName,
  normaliseNhsNumber,
  normalisePncId,
  normalisePhone,
  normalisePostcode,
  normaliseRegistration,
  normaliseUpn,
} from './identifiers.ts'

test('nhs numbers pass only with their modulus 11 check digit', () => {
  assert.equal(normaliseNhsNumber('943 476 5919'), '9434765919')
  assert.equal(normaliseNhsNumber('9434765918'), null)
  assert.equal(normaliseNhsNumber('943476591'), null)
  // remainder 1 gives check 10, which no valid number has
  assert.equal(normaliseNhsNumber('0000000060'), null)
})

test('upns pass only with their check letter, temporary ones included', () => {
  // A + 801 2000 01 001 → weights 2..13 over the 12 characters
  const body = '801200001001'
  let sum = 0
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i + 2)
  const letter = 'ABCDEFGHJKLMNPQRTUVWXYZ'[sum % 23]
  assert.equal(normaliseUpn(letter + body), letter + body)
  const wrong = letter === 'A' ? 'B' : 'A'
  assert.equal(normaliseUpn(wrong + body), null)
  assert.equal(normaliseUpn('A12345'), null)
  // temporary: last character a letter, valued by its place in the alphabet
  const tempBody = '80120000100'
  let tsum = 0
  for (let i = 0; i < 11; i++) tsum += Number(tempBody[i]) * (i + 2)
  tsum += 'ABCDEFGHJKLMNPQRTUVWXYZ'.indexOf('C') * 13
  const tletter = 'ABCDEFGHJKLMNPQRTUVWXYZ'[tsum % 23]
  assert.equal(normaliseUpn(`${tletter}${tempBody}C`.toLowerCase()), `${tletter}${tempBody}C`)
})

test('postcodes are normalised in any spacing or case and nonsense is refused', () => {
  assert.equal(normalisePostcode('ol111aa'), 'OL11 1AA')
  assert.equal(normalisePostcode(' OL16  1PA '), 'OL16 1PA')
  assert.equal(normalisePostcode('SW1A1AA'), 'SW1A 1AA')
  assert.equal(normalisePostcode('M1 1AE'), 'M1 1AE')
  assert.equal(normalisePostcode('12345'), null)
  assert.equal(normalisePostcode('QQ1 1AA'), null)
})

test('phones become national digits and registrations lose their spaces', () => {
  assert.equal(normalisePhone('+44 7700 900123'), '07700900123')
  assert.equal(normalisePhone('07700 900123'), '07700900123')
  assert.equal(normalisePhone('12'), null)
  assert.equal(normaliseRegistration('ab12 cde'), 'AB12CDE')
  assert.equal(normaliseRegistration('!!'), null)
})

test('dates must exist; a date of birth may be partial', () => {
  assert.equal(isCalendarDate('2007-02-31'), false)
  assert.equal(isCalendarDate('2008-02-29'), true)
  assert.equal(isPartialDate('2007'), true)
  assert.equal(isPartialDate('2007-13'), false)
  assert.equal(isPartialDate('31/02/2007'), false)
  assert.equal(normaliseName("  O'Brien-Smith  Amy "), 'obrien smith amy')
  assert.equal(normaliseName('Zoë Smith–Jones'), 'zoe smith jones')
})

test('PNC ids take one form: two-digit year, serial without leading zeros, capitals', () => {
  assert.equal(normalisePncId('2009/0012345A'), '09/12345A')
  assert.equal(normalisePncId(' 09/12345a '), '09/12345A')
  assert.equal(normalisePncId('0912345A'), '09/12345A')
  assert.equal(normalisePncId('not a pnc'), null)
})
