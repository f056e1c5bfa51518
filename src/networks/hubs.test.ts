import assert from 'node:assert/strict'
import { test } from 'node:test'
import { DEFAULT_HUB_OPTIONS, findHubs } from './hubs.ts'

const set = (...xs: string[]) => new Set(xs)
const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`)

test('a bus station tied to children of two groups and many others is a hub; the groups\' place is not', () => {
  const g1 = range('a', 5)
  const g2 = range('b', 5)
  const others = range('x', 12)
  const units = new Map<string, Set<string>>([
    ['person:m1', set(...g1)], ['vehicle:V1', set(g1[0], g1[1], g1[2])], ['location:FLAT1', set(...g1.slice(1))],
    ['person:m2', set(...g2)], ['phone:0770', set(g2[0], g2[3])], ['location:FLAT2', set(...g2)],
    // the bus station and the school vouch for each other through the many children at both
    ['location:BUS', set(g1[0], g1[1], g2[0], g2[1], ...others.slice(0, 9))],
    ['location:SCHOOL', set(g1[2], g2[2], ...others.slice(3, 12))],
  ])
  const hubs = findHubs(units, 40)
  assert.deepEqual([...hubs].sort(), ['location:BUS', 'location:SCHOOL'])
})

test('a member tied to a large share of all children is a hub, but never one tied to few', () => {
  const units = new Map([['location:P', set(...range('c', 6))], ['location:Q', set(...range('c', 4))]])
  assert.deepEqual([...findHubs(units, 10)], ['location:P'])
  // among 100 children P is no large share, and Q ties most of its children together
  assert.deepEqual([...findHubs(units, 100)], [])
  assert.deepEqual([...findHubs(units, 100, { ...DEFAULT_HUB_OPTIONS, hubMinChildren: 7 })], [])
})

test('a man tied to many unrelated children is not set aside as a hub', () => {
  const units = new Map([['person:m', set(...range('c', 9))]])
  assert.equal(findHubs(units, 100).size, 0)
  assert.equal(findHubs(new Map([['location:L', set(...range('c', 9))]]), 100).size, 1)
})
