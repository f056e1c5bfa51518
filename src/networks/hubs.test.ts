import assert from 'node:assert/strict'
import { test } from 'node:test'
import { absorbSmallNetworks } from './absorb.ts'
import { DEFAULT_HUB_OPTIONS, findBridges, findContexts, findHubs } from './hubs.ts'

const set = (...xs: string[]) => new Set(xs)
const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`)

test("a bus station tied to children of two groups and many others is a hub; the groups' place is not", () => {
  const g1 = range('a', 5)
  const g2 = range('b', 5)
  const others = range('x', 12)
  const units = new Map<string, Set<string>>([
    ['person:m1', set(...g1)],
    ['vehicle:V1', set(g1[0], g1[1], g1[2])],
    ['location:FLAT1', set(...g1.slice(1))],
    ['person:m2', set(...g2)],
    ['phone:0770', set(g2[0], g2[3])],
    ['location:FLAT2', set(...g2)],
    // the bus station and the school vouch for each other through the many children at both
    ['location:BUS', set(g1[0], g1[1], g2[0], g2[1], ...others.slice(0, 9))],
    ['location:SCHOOL', set(g1[2], g2[2], ...others.slice(3, 12))],
  ])
  const hubs = findHubs(units, 40)
  assert.deepEqual([...hubs].sort(), ['location:BUS', 'location:SCHOOL'])
})

test('a member tied to a large share of all children is a hub, but never one tied to few', () => {
  const units = new Map([
    ['location:P', set(...range('c', 6))],
    ['location:Q', set(...range('c', 4))],
  ])
  assert.deepEqual([...findHubs(units, 10)], ['location:P'])
  // among 100 children P is no large share, and Q ties most of its children together
  assert.deepEqual([...findHubs(units, 100)], [])
  assert.deepEqual([...findHubs(units, 100, { ...DEFAULT_HUB_OPTIONS, hubMinChildren: 7 })], [])
  // a man tied to most of the few children with any tie at all is the worst case, not a bus station
  assert.deepEqual([...findHubs(new Map([['person:m', set(...range('c', 6))]]), 10)], [])
})

test('a man tied to many unrelated children is not set aside as a hub', () => {
  const units = new Map([['person:m', set(...range('c', 9))]])
  assert.equal(findHubs(units, 100).size, 0)
  assert.equal(findHubs(new Map([['location:L', set(...range('c', 9))]]), 100).size, 1)
})

test("two schools each with both groups' cars at the gate bridge the groups, though neither alone splits them", () => {
  const g1 = range('a', 4)
  const g2 = range('b', 4)
  const candidates = new Map<string, Set<string>>([
    ['person:m1', set(...g1)],
    ['vehicle:V1', set(g1[0], g1[1], g1[2])],
    ['person:m2', set(...g2)],
    ['vehicle:V2', set(g2[0], g2[1], g2[2])],
    ['location:S1', set(g1[0], g2[0], 'x1', 'x2')],
    ['location:S2', set(g1[1], g2[1], 'x3', 'x4')],
  ])
  const edges: [string, string][] = [
    ['person:m1', 'vehicle:V1'],
    ['person:m2', 'vehicle:V2'],
    // recorded together at the gates
    ['location:S1', 'vehicle:V1'],
    ['location:S1', 'vehicle:V2'],
    ['location:S2', 'vehicle:V1'],
    ['location:S2', 'vehicle:V2'],
  ]
  assert.deepEqual([...findBridges(candidates, edges)].sort(), ['location:S1', 'location:S2'])
})

test("contexts: the school with one of a group's girls among its pupils; a small school standing alone; her school beside a group", () => {
  const unitsOf = new Map<string, Set<string>>([
    ['person:m', set('a', 'b', 'c')],
    ['vehicle:V', set('a', 'd')],
    ['location:SCHOOL', set('a', 'x', 'y')],
    ['location:FLAT', set('a', 'b', 'c')],
    ['location:SMALL', set('p', 'q', 'r')],
    ['phone:P', set('s', 't')],
    ['location:HERS', set('b', 'z')],
    ['location:FOUND', set('c', 'w')],
  ])
  const plain = new Map([
    ['location:SCHOOL', set('a', 'x', 'y')],
    ['location:HERS', set('b', 'z')],
    ['location:SMALL', set('p', 'q', 'r')],
  ])
  const networks = [
    set('person:m', 'vehicle:V', 'location:SCHOOL', 'location:FLAT'),
    set('location:SMALL'),
    set('phone:P'),
    set('location:HERS'),
    set('location:FOUND'),
  ]
  const contexts = findContexts(networks, { unitsOf, hubs: new Set(), plain })
  // the car ties one girl only it ties (d) and is kept; the flat's girls are all the man's; a lone phone
  // with two children may be all that is known of a group; where a girl was found is kept
  assert.deepEqual([...contexts].sort(), ['location:HERS', 'location:SCHOOL', 'location:SMALL'])
  // a member already judged and kept is not judged again
  assert.equal(
    findContexts(networks, { unitsOf, hubs: new Set(), plain, settled: set('location:SCHOOL') }).has('location:SCHOOL'),
    false,
  )
})

test('the edge of a group joins it; a group of its own that shares one girl, or could join two, stays apart', () => {
  const unitsOf = new Map<string, Set<string>>([
    ['person:m1', set('a', 'b', 'c', 'd')],
    ['vehicle:V1', set('a', 'b')],
    ['person:m2', set('e', 'f', 'g', 'h')],
    ['phone:P', set('a', 'c')], // two of the first group's girls
    ['person:m3', set('d', 'z')],
    ['phone:P3', set('d', 'z')], // one of its girls, and one no one else is tied to
    ['person:m4', set('b', 'u', 'v', 'w')], // one of its girls and three of his own
    ['phone:Q', set('a', 'e')], // a girl of each group
  ])
  const groups = new Map<string, Set<string>>([
    ['person:m1', set('person:m1', 'vehicle:V1')],
    ['person:m2', set('person:m2')],
    ['phone:P', set('phone:P')],
    ['person:m3', set('person:m3', 'phone:P3')],
    ['person:m4', set('person:m4')],
    ['phone:Q', set('phone:Q')],
  ])
  absorbSmallNetworks(groups, unitsOf)
  assert.deepEqual([...groups.keys()].sort(), ['person:m1', 'person:m2', 'person:m4', 'phone:Q'])
  assert.deepEqual([...(groups.get('person:m1') ?? [])].sort(), [
    'person:m1',
    'person:m3',
    'phone:P',
    'phone:P3',
    'vehicle:V1',
  ])
})

test('an adult left out as a possible family friend joins a network only when all his children are its', () => {
  const unitsOf = new Map([['person:m1', set('a', 'b', 'c')]])
  const groups = new Map([['person:m1', set('person:m1')]])
  absorbSmallNetworks(
    groups,
    unitsOf,
    new Map([
      ['person:f1', set('a', 'c')],
      ['person:f2', set('a', 'x')],
    ]),
  )
  assert.deepEqual([...(groups.get('person:m1') ?? [])].sort(), ['person:f1', 'person:m1'])
  assert.equal(groups.size, 1)
})
