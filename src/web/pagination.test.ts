import { test } from 'node:test'
import assert from 'node:assert/strict'
import { pageAsked, pagination } from './pagination.ts'

const href = (n: number) => `/x?page=${n}`
const numbers = (p: ReturnType<typeof pagination>) =>
  p?.items.map((i) => ('ellipsis' in i ? '…' : i.current ? `[${i.number}]` : String(i.number))).join(' ')

test('one page needs no pagination', () => {
  assert.equal(pagination(1, 1, href), null)
  assert.equal(pagination(1, 0, href), null)
})

test('the first, the last and two either side of the current page, with ellipses between', () => {
  assert.equal(numbers(pagination(1, 10, href)), '[1] 2 3 … 10')
  assert.equal(numbers(pagination(6, 10, href)), '1 … 4 5 [6] 7 8 … 10')
  assert.equal(numbers(pagination(10, 10, href)), '1 … 8 9 [10]')
  assert.equal(numbers(pagination(4, 5, href)), '1 2 3 [4] 5')
  const middle = pagination(6, 10, href)!
  assert.deepEqual([middle.previous?.href, middle.next?.href], ['/x?page=5', '/x?page=7'])
  assert.equal(pagination(1, 3, href)!.previous, undefined)
  assert.equal(pagination(3, 3, href)!.next, undefined)
})

test('a page asked for is a whole number within its bounds', () => {
  assert.deepEqual(
    ['2', '0', '-3', 'x', undefined, '2.7', '99999'].map((v) => pageAsked(v)),
    [2, 1, 1, 1, 1, 2, 1000],
  )
  assert.equal(pageAsked('12', 5), 5)
})
