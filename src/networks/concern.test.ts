import assert from 'node:assert/strict'
import { test } from 'node:test'
import { link } from './fixture.ts'
import { suggestNetworks } from './suggest.ts'
import type { LinkFact, Population } from './types.ts'

const kids = Array.from({ length: 8 }, (_, i) => `k${i}`)
// the rest of the area's children, tied to nothing here
const others = Array.from({ length: 60 }, (_, i) => `o${i}`)
const population: Population = { children: new Set([...kids, ...others]), adults: new Set(['coach']) }
const day = (d: number) => new Date(Date.UTC(2022, 0, 1) + d * 86_400_000).toISOString()
const asOf = day(400)

/** A man and his phone on each child's record, written as `kind` with these indicators. */
function seenWith(kind: string | undefined, indicators: string[] = [], role = 'associate'): LinkFact[] {
  return kids
    .flatMap((k, i) => [
      link(k, 'person', 'coach', day(i * 30), { eventRef: `edu:N${i}`, role }),
      link(k, 'phone', '07700900600', day(i * 30), { eventRef: `edu:N${i}` }),
    ])
    .map((f) => ({ ...f, eventKind: kind, indicators }))
}

test('a man and his phone tied to many children only by ordinary records are not a network', () => {
  assert.deepEqual(suggestNetworks(seenWith('note'), { population, asOf }), [])
  assert.deepEqual(suggestNetworks(seenWith('health_attendance'), { population, asOf }), [])
  // indicators about the child's home say nothing about the man
  assert.deepEqual(suggestNetworks(seenWith('note', ['looked_after', 'family_breakdown']), { population, asOf }), [])
})

test('the same links written as concerns, with an exploitation indicator or a child found with him, are', () => {
  for (const facts of [
    seenWith('concern'),
    seenWith('intelligence'),
    seenWith('crime_report'),
    seenWith('note', ['older_associates']),
    seenWith('missing_episode', [], 'found_with'),
  ]) {
    const networks = suggestNetworks(facts, { population, asOf })
    assert.equal(networks.length, 1)
    assert.equal(networks[0].children.length, kids.length)
  }
})

test('half the families tied by a record of concern keep a network; records of unknown kind count as concern', () => {
  const half = seenWith('note').map((f, i) => (i < kids.length ? { ...f, eventKind: 'intelligence' } : f))
  assert.equal(suggestNetworks(half, { population, asOf }).length, 1)
  const fewer = seenWith('note').map((f, i) => (i < kids.length - 2 ? { ...f, eventKind: 'intelligence' } : f))
  assert.deepEqual(suggestNetworks(fewer, { population, asOf }), [])
  assert.equal(suggestNetworks(seenWith(undefined), { population, asOf }).length, 1)
})

test('a network set aside as ordinary is kept when an analyst confirmed one of its members', () => {
  const confirmed = suggestNetworks(seenWith('note'), { population, asOf, confirmed: new Set(['person:coach']) })
  assert.equal(confirmed.length, 1)
})

/** A car on one record per child (four girls of four families), each girl seen with nothing else. */
function carSeen(kind: string | undefined, role: string | null = null, girls = 4): LinkFact[] {
  return kids.slice(0, girls).map((k, i) => ({
    ...link(k, 'vehicle', 'AM69UMS', day(i * 40), { eventRef: `police:I${i}`, role }),
    eventKind: kind,
  }))
}

test('a car known only from intelligence about one girl after another is a network, not a school gate (0067)', () => {
  for (const facts of [carSeen('intelligence'), carSeen('concern'), carSeen('note', 'found_with')]) {
    const networks = suggestNetworks(facts, { population, asOf })
    assert.equal(networks.length, 1)
    assert.deepEqual(networks[0].children, kids.slice(0, 4))
    assert.deepEqual(
      networks[0].members.map((m) => m.key),
      ['AM69UMS'],
    )
  }
})

test('the same car on everyday records, records of unknown kind, or where a girl was only found at it, is set aside', () => {
  // its children tied by no one else: a small school's gate, as before decision 0067
  assert.deepEqual(suggestNetworks(carSeen('school_absence'), { population, asOf }), [])
  assert.deepEqual(suggestNetworks(carSeen(undefined), { population, asOf }), [])
  assert.deepEqual(suggestNetworks(carSeen('missing_episode', 'found_at'), { population, asOf }), [])
  // one everyday record among the worries is enough to judge it as a context
  const mixed = carSeen('intelligence').map((f, i) => (i === 0 ? { ...f, eventKind: 'school_absence' } : f))
  assert.deepEqual(suggestNetworks(mixed, { population, asOf }), [])
})

test('a venue known only from worries about six unconnected girls is not judged a bus station by coherence (0067)', () => {
  const networks = suggestNetworks(carSeen('intelligence', null, 6), { population, asOf })
  assert.equal(networks.length, 1)
  assert.equal(networks[0].children.length, 6)
  // on everyday records the same six unconnected girls make it a hub, as before
  assert.deepEqual(suggestNetworks(carSeen('health_attendance', null, 6), { population, asOf }), [])
})

test('a car known only from intelligence, half of whose girls a named man also ties, joins his network (0067)', () => {
  const man = kids.slice(0, 2).map((k, i) => ({
    ...link(k, 'person', 'coach', day(i * 40 + 5), { eventRef: `police:S${i}`, role: 'suspect' }),
    eventKind: 'crime_report',
  }))
  const networks = suggestNetworks([...man, ...carSeen('intelligence')], { population, asOf })
  assert.equal(networks.length, 1)
  assert.deepEqual(networks[0].children, kids.slice(0, 4))
  assert.deepEqual(networks[0].members.map((m) => `${m.kind}:${m.key}`).sort(), ['person:coach', 'vehicle:AM69UMS'])
})
