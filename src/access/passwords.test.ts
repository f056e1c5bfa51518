// Which passwords are refused, and why (NCSC guidance: length and a deny list, not composition rules).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { sourcePath } from '../config/paths.ts'
import { passwordProblem } from './passwords.ts'

const pat = { name: 'Patricia Okonkwo', email: 'p.okonkwo@police.test' }

test('long passwords of any kind are accepted: passphrases, spaces inside, any script', () => {
  for (const ok of [
    'correct-horse-battery',
    'a-long-enough-password',
    'purple tractor umbrella',
    'Ünïcödé wörds ärë fïnë',
    'мой пароль длинный',
    'x7#Kp9!qLm2$',
    'demo-password-1',
  ])
    assert.equal(passwordProblem(ok, pat), null, ok)
})

test('short, blank and overlong passwords are refused with what to do', () => {
  assert.match(passwordProblem('short-pass1')!, /at least 12 characters/)
  assert.match(passwordProblem(' '.repeat(12))!, /cannot be only spaces/)
  assert.match(passwordProblem('\t \n'.repeat(8))!, /cannot be only spaces/)
  assert.match(passwordProblem('   abc   def   ')!, /at least 12 characters/, 'spaces round it do not count')
  assert.match(passwordProblem('x'.repeat(257) + 'yz')!, /at most 256/)
  assert.match(passwordProblem('🐱🐱🐱🐱🐱🐱')!, /at least 12/, 'characters, not UTF-16 units')
})

test('common and breached passwords are refused, in any case and with digits or symbols round them', () => {
  for (const bad of [
    'qwertyuiopasdfghjkl',
    'PASSWORD1234',
    'password1234',
    'Password123!',
    '!!Password2026!!',
    '1234567890123',
    'iloveyou12345',
    'Liverpool2026!',
    'aaaaaaaaaaaaaa',
    'abcabcabcabcabc',
    '121212121212',
  ])
    assert.ok(passwordProblem(bad, pat), bad)
  assert.match(passwordProblem('Password123!')!, /most common/)
  assert.match(passwordProblem('zzzzzzzzzzzzzz')!, /repeated|most common/)
})

test("the person's own name or email address is refused", () => {
  for (const bad of ['Patricia Okonkwo', 'patriciaokonkwo', 'p.okonkwo@police.test', 'okonkwo12345', 'Patricia2026!'])
    assert.match(passwordProblem(bad, pat)!, /your own name or email address/, bad)
  assert.equal(passwordProblem('Okonkwo family holidays in Wales', pat), null, 'a long phrase that holds the name')
})

test('the deny list ships with its licence notice and holds tens of thousands of passwords', () => {
  const list = readFileSync(sourcePath('access', 'data', 'common-passwords.txt'), 'utf8')
    .split('\n')
    .filter(Boolean)
  assert.ok(list.length > 40_000, String(list.length))
  assert.ok(list.every((p) => p === p.toLowerCase()))
  const notice = readFileSync(sourcePath('access', 'data', 'common-passwords.NOTICE.txt'), 'utf8')
  assert.match(notice, /Permission is hereby granted/)
  assert.match(notice, /Dropbox/)
})

test("a name said twice, and this service's name with a year, are refused; a passphrase that contains a name is not", () => {
  const sam = { name: 'Sam Patel', email: 'sam.patel@csc.test' }
  assert.match(passwordProblem('sam patel sam patel', sam)!, /your own name/)
  assert.match(passwordProblem('Threadline2026', sam)!, /this service's name/)
  assert.match(passwordProblem('threadline threadline!', sam)!, /this service's name/)
  // the address whole, though the name it starts with is checked too
  assert.match(passwordProblem('nurse@health.test', { name: 'nurse', email: 'nurse@health.test' })!, /your own name/)
  assert.equal(passwordProblem('samosa with mango chutney', sam), null)
  assert.equal(passwordProblem('threadline of blue harbour lights', sam), null)
})
