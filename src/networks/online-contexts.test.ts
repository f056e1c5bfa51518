import assert from 'node:assert/strict'
import { test } from 'node:test'
import { link } from './fixture.ts'
import { suggestNetworks } from './suggest.ts'
import type { LinkFact, Population } from './types.ts'

const kids = ['g1', 'g2', 'g3', 'g4', 'g5', 'g6']
const others = Array.from({ length: 60 }, (_, i) => `o${i}`)
const population: Population = { children: new Set([...kids, ...others]) }
const day = (d: number) => new Date(Date.UTC(2021, 0, 1) + d * 86_400_000).toISOString()

test("handles that wrote to a group's girls one at a time, reported together once, are one network", () => {
  const facts: LinkFact[] = [
    // each girl shown messages from one handle; one crime report names both
    ...['g1', 'g2', 'g3'].map((g, i) => link(g, 'online', 'kane@snapchat', day(i * 30), { eventRef: `edu:K${i}` })),
    ...['g4', 'g5', 'g6'].map((g, i) => link(g, 'online', 'jay@snapchat', day(i * 30 + 10), { eventRef: `edu:J${i}` })),
    link('g1', 'online', 'kane@snapchat', day(100), { eventRef: 'police:CR1' }),
    link('g1', 'online', 'jay@snapchat', day(100), { eventRef: 'police:CR1' }),
  ]
  const networks = suggestNetworks(facts, { population, asOf: day(200) })
  assert.equal(networks.length, 1, JSON.stringify(networks.map((n) => n.members)))
  assert.deepEqual(
    networks[0].members.map((m) => m.key),
    ['jay@snapchat', 'kane@snapchat'],
  )
})
