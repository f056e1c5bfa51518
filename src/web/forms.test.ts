// Reading forms the one way every page does (web/forms.ts): here, text longer than its field holds.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { FormErrors, checkLengths } from './forms.ts'

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
