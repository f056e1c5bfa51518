// The exact rules alone: conflicting identifiers, placeholder dates of birth, more than one fit.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ExactIndex } from './exact-match.ts'
import { placeholderDate } from './comparisons.ts'

const known = (entityId: number, extra: Partial<Parameters<ExactIndex['add']>[0]> = {}) => ({
  entityId,
  nhsNumber: null,
  dateOfBirth: '2009-06-14',
  nameKey: 'amy smith',
  ...extra,
})
const probe = (extra: Partial<Parameters<ExactIndex['match']>[0]> = {}) => ({
  nhsNumber: null,
  dateOfBirth: '2009-06-14',
  nameKey: 'amy smith',
  ...extra,
})

test('the same name and full date of birth link; the same NHS number and date link', () => {
  const index = new ExactIndex()
  index.add(known(1, { nhsNumber: '9434765919' }))
  assert.deepEqual(index.match(probe()), { entityId: 1, method: 'name_and_dob' })
  assert.deepEqual(index.match(probe({ nameKey: 'amelia smyth', nhsNumber: '9434765919' })), {
    entityId: 1,
    method: 'nhs_number_and_dob',
  })
  assert.equal(index.match(probe({ dateOfBirth: '2009-06' })), null, 'a partial date never links exactly')
})

test('a different NHS number, UPN or PNC id held for the person keeps the name rule from linking', () => {
  for (const [held, sent] of [
    [{ nhsNumber: '9434765919' }, { nhsNumber: '4010232137' }],
    [{ upn: 'A123456789012' }, { upn: 'B123456789013' }],
    [{ pncId: '09/123456A' }, { pncId: '09/654321B' }],
  ] as const) {
    const index = new ExactIndex()
    index.add(known(1, held))
    assert.equal(index.match(probe(sent)), null, JSON.stringify(sent))
    assert.deepEqual(index.match(probe()), { entityId: 1, method: 'name_and_dob' }, 'no identifier sent: no conflict')
  }
  // the identifier may sit on another record of the same person, not the one whose name matched
  const index = new ExactIndex()
  index.add(known(1))
  index.add(known(1, { nameKey: 'amelia smith', nhsNumber: '9434765919' }))
  assert.equal(index.match(probe({ nhsNumber: '4010232137' })), null)
  assert.deepEqual(index.match(probe({ nhsNumber: '9434765919' }))?.entityId, 1)
})

test('two people known with the same name and date: the new record is linked to neither by the rule', () => {
  const index = new ExactIndex()
  index.add(known(1, { nhsNumber: '9434765919' }))
  index.add(known(2, { nhsNumber: '4010232137' }))
  assert.equal(index.match(probe()), null)
  assert.deepEqual(index.match(probe({ nhsNumber: '4010232137' }))?.entityId, 2)
})

test('a placeholder date of birth links by name only with a postcode, phone or identifier that agrees', () => {
  assert.equal(placeholderDate('2009-01-01'), true)
  assert.equal(placeholderDate('2009-12-31'), true)
  assert.equal(placeholderDate('2009-06-01'), false, 'the 1st of a month is a birthday like any other')
  assert.equal(placeholderDate('2009-06-14'), false)
  const index = new ExactIndex()
  index.add(known(1, { dateOfBirth: '2009-01-01', postcode: 'OL16 1PA', phone: '07700900123', upn: 'A123456789012' }))
  assert.equal(index.match(probe({ dateOfBirth: '2009-01-01' })), null)
  assert.equal(index.match(probe({ dateOfBirth: '2009-01-01', postcode: 'M1 1AA' })), null)
  assert.equal(index.match(probe({ dateOfBirth: '2009-01-01', postcode: 'ol161pa' }))?.entityId, 1)
  assert.equal(index.match(probe({ dateOfBirth: '2009-01-01', phone: '07700900123' }))?.entityId, 1)
  assert.equal(index.match(probe({ dateOfBirth: '2009-01-01', upn: 'A123456789012' }))?.entityId, 1)
})
