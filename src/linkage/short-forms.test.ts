import { test } from 'node:test'
import assert from 'node:assert/strict'
import { cutShortForm } from './short-forms.ts'

test('a name cut short with a pet ending starts the long name', () => {
  assert.ok(cutShortForm('debs', 'deborah', false))
  assert.ok(cutShortForm('ibby', 'ibrahim', false))
  assert.ok(cutShortForm('abdi', 'abdullahi', false))
  assert.ok(cutShortForm('danny', 'daniel', false))
  assert.ok(cutShortForm('tobi', 'tobiloba', false))
})

test('not a cut form: a name the tables know, no pet ending, too short a stem, or not the start', () => {
  assert.ok(!cutShortForm('mary', 'margaret', true))
  assert.ok(!cutShortForm('kai', 'kaiden', false))
  assert.ok(!cutShortForm('ali', 'alisha', false)) // "al" is too little to go on
  assert.ok(!cutShortForm('debs', 'adeborah', false))
  assert.ok(!cutShortForm('jaden', 'jade', false))
  assert.ok(!cutShortForm('bobby', 'robert', false)) // the tables' business
})
