import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createIdentifiers, nhsCheckDigit, pncId, upnCheckLetter } from './identifiers.ts'
import { createRng } from './prng.ts'
import {
  normaliseNhsNumber,
  normalisePhone,
  normalisePostcode,
  normaliseRegistration,
  normaliseUpn,
} from '../records/identifiers.ts'

test('check digits agree with published examples', () => {
  assert.equal(nhsCheckDigit('943476591'), 9) // 943 476 5919, the NHS's own example
  assert.equal(upnCheckLetter('123456789012'), 'A') // the format's example UPN A123456789012
  assert.match(pncId(8, 123456), /^08\/123456[A-Z]$/)
})

test('generated identifiers pass the import format checks and never repeat', () => {
  const ids = createIdentifiers(createRng('ids'))
  const seen = new Set<string>()
  for (let i = 0; i < 500; i++) {
    const nhs = ids.nhsNumber()
    assert.equal(normaliseNhsNumber(nhs), nhs)
    assert.ok(nhs.startsWith('999'), 'NHS numbers come from the 999 test range')
    const upn = ids.upn('4001', 2005 + (i % 5))
    assert.equal(normaliseUpn(upn), upn)
    const postcode = ids.postcode()
    assert.equal(normalisePostcode(postcode), postcode)
    const reg = ids.registration(2004 + (i % 6))
    assert.match(reg, /^[A-Z]{2}\d{2} [A-Z]{3}$/)
    assert.ok(normaliseRegistration(reg))
    for (const v of [nhs, upn, postcode, reg]) {
      assert.ok(!seen.has(v), `${v} repeated`)
      seen.add(v)
    }
  }
})

test('phones come from the Ofcom drama ranges and run out rather than repeat', () => {
  const ids = createIdentifiers(createRng('phones'))
  const mobiles = new Set<string>()
  for (let m = ids.mobile(); m !== null; m = ids.mobile()) {
    assert.match(m, /^07700 900\d{3}$/)
    assert.ok(normalisePhone(m))
    mobiles.add(m)
  }
  assert.equal(mobiles.size, 1000)
  assert.match(ids.landline()!, /^0161 496 0\d{3}$/)
})
