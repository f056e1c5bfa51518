import assert from 'node:assert/strict'
import { must } from '../errors/must.ts'
import { test } from 'node:test'
import { facts, link, population, relationships } from './fixture.ts'
import { sharedAssociations } from './shared.ts'

test('a car tied to two unrelated girls is a shared association, first linked when the second link was recorded', () => {
  const rows = sharedAssociations(facts, { population, relationships })
  const car = must(
    rows.find((r) => r.kind === 'vehicle'),
    'the car',
  )
  assert.deepEqual(car, {
    kind: 'vehicle',
    key: 'AB12CDE',
    children_count: 2,
    child_ids: ['amy', 'beth'],
    agencies: ['police', 'school'],
    first_linked_at: '2009-06-10T09:00:00+01:00',
  })
  // the man is tied to amy only (beth was seen with his car, not him): no alert on him
  assert.equal(
    rows.some((r) => r.key === 'mo'),
    false,
  )
})

test('as of a date, only links recorded by then count (recorded_at, not when it happened)', () => {
  assert.equal(
    sharedAssociations(facts, { population, relationships, asOf: '2009-06-09T23:59:59+01:00' }).some(
      (r) => r.kind === 'vehicle',
    ),
    false,
  )
  // a link that happened early but was recorded late does not move the alert earlier
  const late = [
    ...facts,
    link('cara', 'vehicle', 'AB12CDE', '2010-01-01T12:00:00Z', { occurredAt: '2009-01-01T12:00:00Z' }),
  ]
  const rows = sharedAssociations(late, { population, relationships })
  const car = must(
    rows.find((r) => r.kind === 'vehicle'),
    'the car',
  )
  assert.equal(car.first_linked_at, '2009-06-10T09:00:00+01:00')
  assert.equal(car.children_count, 3)
})

test('sisters sharing their home are not otherwise unconnected, unless family is switched off', () => {
  const rows = sharedAssociations(facts, { population, relationships })
  assert.equal(
    rows.some((r) => r.key === 'OL111AA'),
    false,
  )
  const ignoringFamily = sharedAssociations(facts, { population, relationships, familyKinds: [] })
  assert.deepEqual(ignoringFamily.find((r) => r.key === 'OL111AA')?.child_ids, ['cara', 'dee'])
  // a relationship recorded after the as-of date does not count yet
  const later = [{ ...relationships[0], recordedAt: '2011-01-01T00:00:00Z' }]
  assert.ok(
    sharedAssociations(facts, { population, relationships: later, asOf: '2010-01-01T00:00:00Z' }).some(
      (r) => r.key === 'OL111AA',
    ),
  )
})

test('siblings count once toward the threshold, and a third unrelated child makes it shared', () => {
  const withAmy = [...facts, link('amy', 'location', 'OL111AA', '2009-05-01T12:00:00+01:00')]
  const home = must(
    sharedAssociations(withAmy, { population, relationships }).find((r) => r.key === 'OL111AA'),
    'the home',
  )
  assert.equal(home.children_count, 3)
  assert.equal(home.first_linked_at, '2009-05-01T12:00:00+01:00')
})

test('a professional tie is never an association, and minChildren raises the bar', () => {
  assert.equal(
    sharedAssociations(facts, { population, relationships }).some((r) => r.key === 'sw'),
    false,
  )
  assert.equal(sharedAssociations(facts, { population, relationships, minChildren: 3 }).length, 0)
})

test('a recorded relationship ties a child to an adult like an involvement; kinship does not', () => {
  const rels = [
    ...relationships,
    {
      from: 'erin',
      to: 'mo',
      kind: 'claimed_partner',
      recordedAt: '2009-09-01T12:00:00+01:00',
      agency: 'csc',
      ref: 'csc:R1',
    },
    { from: 'beth', to: 'mum', kind: 'parent', recordedAt: '2009-01-01T12:00:00Z', agency: 'csc', ref: 'csc:R2' },
  ]
  const withMum = [
    ...facts,
    link('beth', 'person', 'mum', '2009-05-01T12:00:00+01:00', { role: 'witness', agency: 'csc' }),
  ]
  const rows = sharedAssociations(withMum, { population, relationships: rels })
  const mo = must(
    rows.find((r) => r.key === 'mo'),
    'Mo',
  )
  assert.deepEqual(mo.child_ids, ['amy', 'erin'])
  assert.deepEqual(mo.agencies, ['csc', 'police'])
  assert.equal(mo.first_linked_at, '2009-09-01T12:00:00+01:00')
  // mum is tied to cara and to beth, but she is beth's recorded parent: a child's own parent is no association
  assert.equal(
    rows.some((r) => r.key === 'mum'),
    false,
  )
  // without the parent record she is still cara's family by cara's own record (role family, decision
  // 0069), so she is tied to one child outside her family; written there with no role she ties two
  assert.equal(
    sharedAssociations(withMum, { population, relationships }).some((r) => r.key === 'mum'),
    false,
  )
  const noRole = withMum.map((f) => (f.eventRef === 'csc:C1' && f.memberKey === 'mum' ? { ...f, role: null } : f))
  assert.ok(sharedAssociations(noRole, { population, relationships }).some((r) => r.key === 'mum'))
  // recorded as family of both in their own events, and in no other role, she makes them sisters
  const asFamily = [
    ...facts,
    link('beth', 'person', 'mum', '2009-05-01T12:00:00+01:00', { role: 'family', agency: 'csc' }),
  ]
  assert.equal(
    sharedAssociations(asFamily, { population, relationships }).some((r) => r.key === 'mum'),
    false,
  )
})
