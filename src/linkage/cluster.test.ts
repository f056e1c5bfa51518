import { test } from 'node:test'
import assert from 'node:assert/strict'
import { clusterPairs } from './cluster.ts'

function pairs(list: [number, number, number][]) {
  return { a: list.map((p) => p[0]), b: list.map((p) => p[1]), probability: list.map((p) => p[2]), count: list.length }
}

test('strongly linked records form one person', () => {
  const entity = clusterPairs(
    4,
    pairs([
      [0, 1, 0.99],
      [1, 2, 0.98],
      [0, 2, 0.97],
    ]),
  )
  assert.deepEqual([...entity], [0, 0, 0, 3])
})

test('a chain of links does not make the ends one person', () => {
  // 0~1~2~3~4, each only to its neighbour
  const entity = clusterPairs(
    5,
    pairs([
      [0, 1, 0.9],
      [1, 2, 0.9],
      [2, 3, 0.9],
      [3, 4, 0.9],
    ]),
  )
  const people = new Set(entity)
  assert.ok(people.size >= 2, 'the chain was split')
  assert.notEqual(entity[0], entity[4])
})

test('pairs below the threshold do not link', () => {
  const entity = clusterPairs(2, pairs([[0, 1, 0.4]]), { threshold: 0.5 })
  assert.notEqual(entity[0], entity[1])
})

test("a person's decision overrides the model both ways", () => {
  const entity = clusterPairs(
    4,
    pairs([
      [0, 1, 0.99],
      [2, 3, 0.1],
    ]),
    {
      decisions: [
        { a: 0, b: 1, same: false },
        { a: 2, b: 3, same: true },
      ],
    },
  )
  assert.notEqual(entity[0], entity[1])
  assert.equal(entity[2], entity[3])
})
