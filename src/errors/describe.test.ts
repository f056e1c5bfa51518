import { test } from 'node:test'
import assert from 'node:assert/strict'
import { describeError } from './describe.ts'

test('an Error is its message, or its name when it has none', () => {
  assert.equal(describeError(new Error('disk full')), 'disk full')
  assert.equal(describeError(new TypeError('')), 'TypeError')
})

test('an error-like object thrown by a library says its message, never [object Object]', () => {
  assert.equal(describeError({ message: 'could not open the data folder' }), 'could not open the data folder')
  assert.equal(describeError({ name: 'ExitStatus', status: 1 }), 'ExitStatus 1')
  const shown = describeError({ code: 'ENOENT', path: '/tmp/gone' })
  assert.doesNotMatch(shown, /\[object Object\]/)
  assert.match(shown, /ENOENT/)
  assert.match(shown, /\/tmp\/gone/)
})

test('other values are shown as they are', () => {
  assert.equal(describeError('timed out'), 'timed out')
  assert.equal(describeError(42), '42')
  assert.equal(describeError(undefined), 'no reason given')
})
