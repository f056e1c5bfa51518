import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ageOn, DateInputError } from './age.ts'

test("age in whole years on the note's date", () => {
  assert.equal(ageOn('2013-06-15', '2026-06-14'), 12)
  assert.equal(ageOn('2013-06-15', '2026-06-15'), 13)
  assert.equal(ageOn('2012-02-29', '2025-02-28'), 12, 'a leap-day child turns 13 on 1 March')
  assert.equal(ageOn('2012-02-29', '2025-03-01'), 13)
})

test('bad dates are refused', () => {
  assert.throws(() => ageOn('2013-02-30', '2026-01-01'), DateInputError)
  assert.throws(() => ageOn('2013-01-01', '26-01-01'), DateInputError)
  assert.throws(() => ageOn('2013-01-01', '2012-01-01'), /before/)
})
