import assert from 'node:assert/strict'
import { must } from '../errors/must.ts'
import { test } from 'node:test'
import { facts, population, relationships } from './fixture.ts'
import { LINK_ROW_COLUMNS, linkRows } from './link-rows.ts'
import { networkRow, objectSourcesFromFacts } from './network-row.ts'
import { suggestNetworks } from './suggest.ts'

test('links as table rows: who, what, link, source agency, date, reliability; restricted shown, not hidden', () => {
  const rows = linkRows(facts)
  assert.equal(rows.length, facts.length)
  assert.deepEqual(
    Object.keys(rows[0]).filter((k) => k !== 'personId'),
    [...LINK_ROW_COLUMNS],
    'every column but the person id is exported',
  )
  const intel = must(
    rows.find((r) => r.event === 'police:I3'),
    'the row of police:I3',
  )
  assert.deepEqual(intel, {
    personId: 'mo',
    who: 'person:mo',
    what: 'restricted',
    link: 'restricted',
    source_agency: 'police',
    date: '2009-07-01T12:00:00+01:00',
    reliability: null,
    event: 'police:I3',
    restricted: true,
  })
  const seen = must(
    linkRows(facts, { canSee: () => true, label: (n) => n.replace('person:', '') }).find(
      (r) => r.event === 'police:I3',
    ),
    'the row of police:I3',
  )
  assert.equal(seen.what, 'phone:07700900456')
  assert.equal(seen.who, 'mo')
  // in date order
  assert.ok(rows.every((r, i) => i === 0 || Date.parse(rows[i - 1].date) <= Date.parse(r.date)))
})

test('a network as the networks command prints it, with source records from linkage', () => {
  const [network] = suggestNetworks(facts, { population, relationships })
  const row = networkRow(network, { ofPerson: (id) => [`police:P-${id}`], ofObject: objectSourcesFromFacts(facts) })
  assert.deepEqual(Object.keys(row), [
    'id',
    'status',
    'children',
    'children_source_records',
    'members',
    'agencies',
    'first_seen',
    'last_seen',
  ])
  assert.deepEqual(row.children_source_records, [['police:P-amy'], ['police:P-beth']])
  assert.deepEqual(row.members[1], { kind: 'vehicle', key: 'AB12CDE', source_records: ['police:E1', 'school:S7'] })
  assert.deepEqual(row.members[0].source_records, ['police:P-mo'])
})
