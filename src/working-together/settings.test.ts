import { test } from 'node:test'
import assert from 'node:assert/strict'
import { protocolFromSettings } from './settings.ts'
import { DEFAULT_PROTOCOL } from './protocol.ts'

test('the escalation days are a setting, checked with a message that says what is expected', () => {
  assert.equal(protocolFromSettings(undefined), DEFAULT_PROTOCOL)
  assert.deepEqual(
    protocolFromSettings('3, 10, 1').stages.map((s) => s.workingDays),
    [3, 10, 1, null],
  )
  assert.throws(() => protocolFromSettings('2,5'), /must be 3 whole numbers of working days separated by commas/)
  assert.throws(() => protocolFromSettings('2,0,2'), /working days must be a whole number of at least 1/)
})
