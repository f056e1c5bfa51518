import { test } from 'node:test'
import assert from 'node:assert/strict'
import { areaProtocol, protocolFromDays } from './settings.ts'
import { DEFAULT_PROTOCOL } from './protocol.ts'
import { ConfigError, SETTINGS } from '../config/settings.ts'

test('the escalation days are a setting, checked with a message that says what is expected', () => {
  assert.deepEqual(areaProtocol({}), DEFAULT_PROTOCOL)
  assert.deepEqual(
    areaProtocol({ THREADLINE_ESCALATION_DAYS: '3, 10, 1' }).stages.map((s) => s.workingDays),
    [3, 10, 1, null],
  )
  for (const bad of ['2,5', '2,0,2', '2,5,two', '2,5,2,1'])
    assert.throws(
      () => areaProtocol({ THREADLINE_ESCALATION_DAYS: bad }),
      (e: unknown) =>
        e instanceof ConfigError &&
        /THREADLINE_ESCALATION_DAYS must be 3 whole numbers of working days from 1 to 60 separated by commas/.test(
          e.message,
        ),
      bad,
    )
  assert.throws(() => protocolFromDays([2, 0, 2]), /working days must be a whole number of at least 1/)
})

test('the setting has one number for each stage that has a deadline', () => {
  const timed = DEFAULT_PROTOCOL.stages.filter((s) => s.workingDays !== null)
  assert.equal(SETTINGS.escalationDays.length, timed.length)
  assert.deepEqual(
    SETTINGS.escalationDays.default,
    timed.map((s) => s.workingDays),
  )
})
