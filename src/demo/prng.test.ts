import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRng } from './prng.ts'

test('the same seed gives the same numbers, another seed other numbers', () => {
  const draw = (seed: string) => {
    const r = createRng(seed)
    return Array.from({ length: 50 }, () => r.next())
  }
  assert.deepEqual(draw('a'), draw('a'))
  assert.notDeepEqual(draw('a'), draw('b'))
})

test('forks are independent streams, repeatable from the parent seed', () => {
  const a = createRng('s').fork('x')
  const b = createRng('s').fork('x')
  const c = createRng('s').fork('y')
  const xs = Array.from({ length: 10 }, () => a.next())
  assert.deepEqual(
    xs,
    Array.from({ length: 10 }, () => b.next()),
  )
  assert.notDeepEqual(
    xs,
    Array.from({ length: 10 }, () => c.next()),
  )
})

test('int stays within its bounds and reaches both ends; chance follows its probability', () => {
  const r = createRng(7)
  const seen = new Set<number>()
  for (let i = 0; i < 2000; i++) {
    const v = r.int(3, 6)
    assert.ok(v >= 3 && v <= 6)
    seen.add(v)
  }
  assert.deepEqual([...seen].sort(), [3, 4, 5, 6])
  let hits = 0
  for (let i = 0; i < 10000; i++) if (r.chance(0.2)) hits++
  assert.ok(hits > 1800 && hits < 2200, `${hits} hits of 10000 at p=0.2`)
  const mean = Array.from({ length: 5000 }, () => r.poisson(3)).reduce((s, v) => s + v, 0) / 5000
  assert.ok(Math.abs(mean - 3) < 0.15, `poisson mean ${mean}`)
})
