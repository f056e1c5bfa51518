import assert from 'node:assert/strict'
import { test } from 'node:test'
import { link } from './fixture.ts'
import { suggestNetworks } from './suggest.ts'
import type { LinkFact, Population } from './types.ts'

const kids = ['c1', 'c2', 'c3', 'c4', 'c5', 'x1', 'x2', 'x3', 'x4']
const population: Population = { children: new Set(kids), adults: new Set(['al', 'bo', 'pal1', 'pal2']) }
const day = (d: number) => new Date(Date.UTC(2021, 0, 1) + d * 86_400_000).toISOString()
const keysOf = (members: { kind: string; key: string }[]) => members.map((m) => `${m.kind}:${m.key}`).sort()

// c1 - al - c2 - car - c3 - phone - c4 - bo - c5: every record shows one child and one member
const chain: LinkFact[] = [
  link('c1', 'person', 'al', day(0), { role: 'associate' }),
  link('c2', 'person', 'al', day(40), { role: 'associate' }),
  link('c2', 'vehicle', 'AB12CDE', day(80)),
  link('c3', 'vehicle', 'AB12CDE', day(120)),
  link('c3', 'phone', '07700900123', day(160)),
  link('c4', 'phone', '07700900123', day(200)),
  link('c4', 'person', 'bo', day(240), { role: 'associate' }),
  link('c5', 'person', 'bo', day(280), { role: 'associate' }),
]

test('a group seen only in pairs that share a child is one network (its men stay as decision 0005 has them)', () => {
  const networks = suggestNetworks(chain, { population, asOf: day(400) })
  assert.equal(networks.length, 1, JSON.stringify(networks.map((n) => n.members)))
  assert.deepEqual(keysOf(networks[0].members), ['phone:07700900123', 'vehicle:AB12CDE'])
  assert.deepEqual(networks[0].children, ['c2', 'c3', 'c4'])
})

test('pairs sharing no child stay apart; a pair at the edge of a larger network is not chained through it', () => {
  const apart: LinkFact[] = [
    link('x1', 'vehicle', 'CAR1', day(0)),
    link('x2', 'vehicle', 'CAR1', day(10)),
    link('x3', 'phone', '07700900999', day(20)),
    link('x4', 'phone', '07700900999', day(30)),
  ]
  const networks = suggestNetworks(apart, { population, asOf: day(100) })
  assert.equal(networks.length, 2)
  // a network of three families (a car with c1, c2, c3) shares c3 with a pair (a phone with c3, c4)
  // and c1 with another (a phone with c1, x1): the pairs are its edges, not a chain through it
  const larger: LinkFact[] = [
    link('c1', 'vehicle', 'BIG1', day(0)),
    link('c2', 'vehicle', 'BIG1', day(5)),
    link('c3', 'vehicle', 'BIG1', day(6)),
    link('c3', 'phone', '07700900111', day(10)),
    link('c4', 'phone', '07700900111', day(20)),
    link('c1', 'phone', '07700900222', day(30)),
    link('x1', 'phone', '07700900222', day(40)),
  ]
  const edges = suggestNetworks(larger, { population, asOf: day(100) })
  const pairs = edges.filter((n) => n.children.length === 2)
  assert.equal(pairs.length, 2, JSON.stringify(edges.map((n) => n.members)))
})

test('two possible family friends sharing a child are not a chain on their own', () => {
  const friends: LinkFact[] = [
    link('x1', 'person', 'pal1', day(0), { role: 'associate' }),
    link('x2', 'person', 'pal1', day(10), { role: 'associate' }),
    link('x2', 'person', 'pal2', day(20), { role: 'associate' }),
    link('x3', 'person', 'pal2', day(30), { role: 'associate' }),
  ]
  // long after the 30 days in which a lone man is suggested all the same
  assert.deepEqual(suggestNetworks(friends, { population, asOf: day(300) }), [])
})

test('possible family friends sharing children are not chained to one suggested only for now', () => {
  const friends: LinkFact[] = [
    link('x1', 'person', 'pal1', day(0), { role: 'associate' }),
    link('x2', 'person', 'pal1', day(10), { role: 'associate' }),
    link('x2', 'person', 'pal2', day(300), { role: 'associate' }),
    link('x3', 'person', 'pal2', day(310), { role: 'associate' }),
  ]
  // pal2 was tied to his second child 5 days ago: suggested for now, alone
  const networks = suggestNetworks(friends, { population, asOf: day(315) })
  assert.deepEqual(
    networks.map((n) => keysOf(n.members)),
    [['person:pal2']],
  )
})
