// Reading forms the one way every page does (web/forms.ts): here, text longer than its field holds, and lists typed one a line.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { FormErrors, checkLengths, linesOf } from './forms.ts'

test('text longer than its limit is a field error naming the field and the limit; text within it is none', () => {
  const errors = new FormErrors()
  const limits = { summary: { label: 'The summary', max: 1000 }, found_by: { label: 'Who found the child', max: 10 } }
  checkLengths({ summary: `  ${'a'.repeat(1000)}  `, found_by: 'PC 1234 of Calderbrook' }, limits, errors)
  assert.deepEqual(errors.list, [
    {
      field: 'found_by',
      href: '#found_by',
      message: 'Who found the child must be 10 characters or less (you typed 22)',
    },
  ])
  checkLengths({ summary: 'b'.repeat(1001) }, limits, errors)
  assert.equal(errors.view().fields.summary.text, 'The summary must be 1,000 characters or less (you typed 1,001)')
})

test('a list typed one a line: more lines than it holds, or a line longer than it holds, is a field error; blank lines do not count', () => {
  const errors = new FormErrors()
  const limits = { places: { label: 'The places', lines: { most: 3, max: 10 } } }
  checkLengths({ places: '\n a \n\n b \r\nc\n' }, limits, errors)
  assert.equal(errors.any, false, 'three lines once blanks are left out, each within its limit')
  checkLengths({ places: 'a\nb\nc\nd' }, limits, errors)
  assert.equal(errors.view().fields.places.text, 'The places must be 3 lines or fewer (you typed 4)')
  const again = new FormErrors()
  checkLengths({ places: `the park\n  ${'x'.repeat(10)}  \n${'y'.repeat(11)}` }, limits, again)
  assert.deepEqual(again.list, [
    { field: 'places', href: '#places', message: 'Line 3 of the places must be 10 characters or less (it has 11)' },
  ])
})

test('linesOf: each line trimmed, blank lines left out, none cut or dropped', () => {
  const many = Array.from({ length: 80 }, (_, i) => ` line ${i} `).join('\r\n')
  assert.equal(linesOf(many).length, 80)
  assert.deepEqual(linesOf('a\n\n  b  '), ['a', 'b'])
  assert.deepEqual(linesOf(undefined), [])
})
