// A record's key: made and split in one place, whatever the source id holds.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { recordKey, splitRecordKey, splitRecordKeys } from './keys.ts'

test('a key splits back into the agency and the whole source id, colons and all', () => {
  assert.equal(recordKey('police', 'P-1'), 'police:P-1')
  assert.deepEqual(splitRecordKey(recordKey('health', 'NHS:12:3')), { agency: 'health', sourceId: 'NHS:12:3' })
  assert.deepEqual(splitRecordKeys([recordKey('a', '1'), recordKey('b', 'x:y')]), [
    ['a', 'b'],
    ['1', 'x:y'],
  ])
})
