// must() and mustGet() hand back what is there and name what was expected when it is not.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { MissingValueError, must, mustGet } from './must.ts'

test('must gives back a present value, including falsy ones', () => {
  assert.equal(must(0, 'a count'), 0)
  assert.equal(must('', 'a name'), '')
  assert.equal(must(false, 'a flag'), false)
})

test('must stops on null or undefined and names what was expected', () => {
  assert.throws(
    () => must(null, 'the inserted row'),
    (e: unknown) => e instanceof MissingValueError && /the inserted row/.test(e.message),
  )
  assert.throws(() => must(undefined, 'a version'), MissingValueError)
})

test('mustGet reads a map entry or names the key it lacked', () => {
  const m = new Map([['a', 1]])
  assert.equal(mustGet(m, 'a'), 1)
  assert.throws(() => mustGet(m, 'b', 'a score'), /a score for b/)
})
