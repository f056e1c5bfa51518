import assert from 'node:assert/strict'
import { must } from '../errors/must.ts'
import { test } from 'node:test'
import { communities, components, shortestPath } from './analytics.ts'
import { facts, population } from './fixture.ts'
import { buildGraph, type LinkGraph } from './graph.ts'
import { bidirectional, connectedComponents, louvain, UndirectedGraph } from './graphology.ts'
import { personNode } from './nodes.ts'
import { memberReach } from './reach.ts'
import { generateLinkArea } from './synthetic.ts'

test('the graph has one node per person or object and every link on its edge', () => {
  const graph = buildGraph(facts, { population })
  assert.equal(graph.attributesOf('person:amy')?.child, true)
  assert.equal(graph.attributesOf('person:mo')?.child, false)
  assert.equal(graph.attributesOf('vehicle:AB12CDE')?.kind, 'vehicle')
  const amyMo = facts.filter(
    (f) => [f.personEntityId, f.memberKey].includes('amy') && [f.personEntityId, f.memberKey].includes('mo'),
  )
  const twice = buildGraph([...facts, amyMo[0]], { population })
  const edge = must(twice.edgeBetween('person:mo', 'person:amy'), 'an edge between Amy and Mo')
  assert.deepEqual(twice.linksOf(edge), [...amyMo, amyMo[0]])
  assert.equal(twice.weightOf(edge), amyMo.length + 1)
  assert.equal(twice.size, graph.size)
  assert.deepEqual(graph.neighbors('vehicle:AB12CDE').sort(), ['person:amy', 'person:beth'])
  // every link is on exactly one edge, between its two ends
  let carried = 0
  graph.forEachEdge((_e, links, a, b) => {
    carried += links.length
    for (const l of links)
      assert.deepEqual([a, b].sort(), [`person:${l.personEntityId}`, `${l.memberKind}:${l.memberKey}`].sort())
  })
  assert.equal(carried, facts.filter((f) => `person:${f.personEntityId}` !== `${f.memberKind}:${f.memberKey}`).length)
})

/** The same graph in graphology, whose own algorithms are the reference the array passes are checked against. */
function asGraphology(graph: LinkGraph) {
  const reference = new UndirectedGraph()
  graph.forEachNode((node) => reference.addNode(node))
  graph.forEachEdge((_e, links, a, b) => reference.addEdge(a, b, { weight: links.length }))
  return reference
}

test('components, shortest paths and communities agree with graphology on generated areas', () => {
  for (const seed of [3, 11, 29]) {
    const area = generateLinkArea({ seed, children: 150 })
    const graph = buildGraph(area.facts, { population: area.population })
    const reference = asGraphology(graph)
    const sizes = (parts: string[][]) => parts.map((p) => p.length).sort((x, y) => y - x)
    assert.deepEqual(sizes(components(graph)), sizes(connectedComponents(reference)))
    const partOf = new Map(components(graph).flatMap((p, i) => p.map((n) => [n, i] as const)))
    for (const p of connectedComponents(reference)) assert.equal(new Set(p.map((n) => partOf.get(n))).size, 1)
    const people = graph.nodes.filter((n) => n.startsWith('person:'))
    for (let q = 0; q < 40; q++) {
      const from = people[(q * 7919) % people.length]
      const to = people[(q * 104729 + 13) % people.length]
      const ours = shortestPath(graph, from, to)
      const theirs = bidirectional(reference, from, to)
      assert.equal(ours?.nodes.length ?? null, theirs?.length ?? null, `${from} to ${to}`)
      if (!ours) continue
      assert.equal(ours.nodes[0], from)
      assert.equal(ours.nodes[ours.nodes.length - 1], to)
      for (const step of ours.steps) assert.equal(graph.edgeBetween(step.from, step.to) !== undefined, true)
    }
    const ours = communities(graph, { seed: 5 })
    const theirs = louvain.detailed(reference, { rng: () => 0.5, getEdgeWeight: 'weight' })
    assert.ok(
      ours.modularity >= theirs.modularity - 0.02,
      `modularity ${ours.modularity} against graphology's ${theirs.modularity}`,
    )
    assert.equal(ours.communityOf.size, graph.order)
  }
})

test('as of a date the graph holds only what was recorded by then', () => {
  const graph = buildGraph(facts, { population, asOf: '2009-06-30T23:59:59+01:00' })
  assert.equal(graph.hasNode('phone:07700900456'), false)
  assert.equal(graph.hasNode('vehicle:AB12CDE'), true)
})

test('connected components separate people who share nothing', () => {
  const parts = components(buildGraph(facts, { population }))
  const partOf = (node: string) => parts.findIndex((p) => p.includes(node))
  assert.equal(partOf('person:amy'), partOf('person:beth'))
  assert.equal(partOf('person:amy'), partOf('phone:07700900456'))
  assert.notEqual(partOf('person:amy'), partOf('person:cara'))
  assert.equal(partOf('person:cara'), partOf('person:dee'))
  assert.equal(parts.flat().length, buildGraph(facts).order)
})

test('the shortest path between two people gives the links on each step', () => {
  const graph = buildGraph(facts, { population })
  const path = must(shortestPath(graph, personNode('amy'), personNode('beth')), 'a path from Amy to Beth')
  assert.deepEqual(path.nodes, ['person:amy', 'vehicle:AB12CDE', 'person:beth'])
  assert.equal(path.steps.length, 2)
  assert.deepEqual(
    path.steps[1].links.map((l) => l.eventRef),
    ['school:S7'],
  )
  assert.equal(shortestPath(graph, personNode('amy'), personNode('cara')), null)
  assert.equal(shortestPath(graph, personNode('amy'), personNode('nobody')), null)
})

test('Louvain communities are the same for the same seed and follow the planted groups', () => {
  const area = generateLinkArea({ seed: 3, children: 120 })
  const graph = buildGraph(
    area.facts.filter((f) => f.role !== 'professional'),
    { population: area.population },
  )
  const a = communities(graph, { seed: 7 })
  const b = communities(graph, { seed: 7 })
  assert.deepEqual([...a.communityOf], [...b.communityOf])
  assert.ok(a.count > 1)
  assert.ok(a.modularity > 0.3, `modularity ${a.modularity}`)
  // most of a planted group's members fall in one community
  for (const group of area.truth.groups) {
    const counts = new Map<number, number>()
    for (const m of group.members) {
      const c = must(a.communityOf.get(`${m.kind}:${m.key}`), "a member's community")
      counts.set(c, (counts.get(c) ?? 0) + 1)
    }
    assert.ok(Math.max(...counts.values()) >= group.members.length / 2)
  }
})

test('each member tells how many distinct children it is tied to and when', () => {
  const reach = memberReach(facts, { population })
  const car = must(
    reach.find((r) => r.kind === 'vehicle'),
    'the car',
  )
  assert.deepEqual(car.child_ids, ['amy', 'beth'])
  assert.equal(car.first_recorded_at, '2009-03-01T10:00:00Z'.replace('Z', '+00:00'))
  assert.equal(car.last_recorded_at, '2009-06-10T09:00:00+01:00')
  // the phone reaches beth directly and amy not at all; mo's intelligence is not a child tie
  assert.deepEqual(reach.find((r) => r.kind === 'phone')?.child_ids, ['beth'])
  // professionals are not an association
  assert.equal(
    reach.some((r) => r.key === 'sw'),
    false,
  )
  const asOfMarch = memberReach(facts, { population, asOf: '2009-03-31T23:59:59+01:00' })
  assert.deepEqual(asOfMarch.find((r) => r.kind === 'vehicle')?.child_ids, ['amy'])
})
