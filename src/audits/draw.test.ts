// The draw on its own: the same seed and candidates give the same children whatever order the
// candidates come in, another seed another sample, a stratified sample in proportion (largest
// remainder), never more than there are, and a child in two strata drawn once.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { allocate, drawCohort, type Candidate } from './draw.ts'

const candidates = (n: number, stratum = ''): Candidate[] =>
  Array.from({ length: n }, (_, i) => ({ childId: 100 + i, stratum }))

test('the same seed draws the same children, in the same order, whatever order they came in', () => {
  const all = candidates(40)
  const drawn = drawCohort(all, 8, 'seed-1', false)
  assert.equal(drawn.length, 8)
  assert.equal(new Set(drawn).size, 8)
  assert.deepEqual(drawCohort([...all].reverse(), 8, 'seed-1', false), drawn)
  assert.notDeepEqual(drawCohort(all, 8, 'seed-2', false), drawn)
  assert.ok(drawn.every((id) => id >= 100 && id < 140))
})

test('a sample larger than the candidates takes them all', () => {
  assert.deepEqual(
    drawCohort(candidates(3), 10, 's', false).sort((a, b) => a - b),
    [100, 101, 102],
  )
  assert.deepEqual(drawCohort([], 10, 's', true), [])
})

test('stratified: each stratum in proportion by largest remainder, never more than it has', () => {
  assert.deepEqual(
    allocate(
      new Map([
        ['police', 10],
        ['cps', 2],
      ]),
      6,
    ),
    new Map([
      ['cps', 1],
      ['police', 5],
    ]),
  )
  assert.deepEqual(
    allocate(
      new Map([
        ['a', 1],
        ['b', 1],
        ['c', 1],
      ]),
      2,
    ),
    new Map([
      ['a', 1],
      ['b', 1],
      ['c', 0],
    ]),
  )
  const mixed = [
    ...candidates(30, 'band 2'),
    ...candidates(10, 'band 4').map((c) => ({ ...c, childId: c.childId + 50 })),
  ]
  const drawn = drawCohort(mixed, 8, 'strata', true)
  assert.equal(drawn.filter((id) => id >= 150).length, 2)
  assert.equal(drawn.filter((id) => id < 150).length, 6)
  assert.deepEqual(drawCohort(mixed, 8, 'strata', true), drawn)
})

test('a child who is a candidate in two strata is drawn once', () => {
  const both: Candidate[] = [
    { childId: 1, stratum: 'csc' },
    { childId: 1, stratum: 'police' },
    { childId: 2, stratum: 'police' },
  ]
  assert.deepEqual(drawCohort(both, 5, 'x', true).sort(), [1, 2])
})
