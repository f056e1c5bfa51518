import assert from 'node:assert/strict'
import { test } from 'node:test'
import { handleKeys } from './online-keys.ts'

test('a handle written in other cases is one identity, keyed by the spelling first recorded', () => {
  const keys = handleKeys([
    { key: 'real_kane12@snapchat', recordedAt: new Date('2021-03-01T10:00:00Z') },
    { key: 'Real_Kane12@snapchat', recordedAt: new Date('2021-02-01T10:00:00Z') },
    { key: 'REAL_KANE12@SNAPCHAT', recordedAt: new Date('2021-04-01T10:00:00Z') },
    { key: 'other@tiktok', recordedAt: new Date('2021-01-01T10:00:00Z') },
  ])
  assert.equal(keys.get('real_kane12@snapchat'), 'Real_Kane12@snapchat')
  assert.equal(keys.get('other@tiktok'), 'other@tiktok')
  assert.equal(keys.size, 2)
})
