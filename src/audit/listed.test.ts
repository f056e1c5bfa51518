import { test } from 'node:test'
import assert from 'node:assert/strict'
import { childrenListed } from './listed.ts'

test('the children a list names: child_id, child_ids and children, each once, whatever their form', () => {
  assert.deepEqual(
    childrenListed([
      { child_id: 3, name: 'x' },
      { child_id: '4' },
      { child_ids: [5, '6'] },
      { children: [3, 7] },
      { child_id: '' },
      { child_id: null },
      { person_id: 9 },
    ]),
    [3, 4, 5, 6, 7],
  )
  assert.deepEqual(childrenListed([]), [])
})
