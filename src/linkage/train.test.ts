import { test } from 'node:test'
import assert from 'node:assert/strict'
import { COMPARISONS, COMPARISON_COUNT } from './comparisons.ts'
import { expectationMaximisation, patternCode, patternLevels } from './train.ts'
import { seededRandom } from './random.ts'
import { modelFromJson, modelToJson } from './model.ts'
import { trainModel } from './pipeline.ts'
import { generatePeople } from './generate.ts'
import { nicknameTable, BRITISH_DIMINUTIVES } from './nicknames.ts'

/** A distribution over a comparison's levels: most mass on `top` for matches, on "else" otherwise. */
function distribution(levels: number, match: boolean): number[] {
  if (match) return Array.from({ length: levels }, (_, l) => (l === 0 ? 0.9 : 0.1 / (levels - 1)))
  return Array.from({ length: levels }, (_, l) => (l === levels - 1 ? 0.98 : 0.02 / (levels - 1)))
}

function draw(d: number[], r: number): number {
  let acc = 0
  for (let l = 0; l < d.length; l++) if ((acc += d[l]) >= r) return l + 1
  return d.length
}

test('level patterns encode and decode', () => {
  const levels = Uint8Array.from({ length: COMPARISON_COUNT }, (_, k) => (k * 3) % 11)
  assert.deepEqual(patternLevels(patternCode(levels)), levels)
})

test('expectation-maximisation recovers m and the match share from unlabelled pairs', () => {
  const random = seededRandom(3)
  // only the plain comparisons (no groups) take part; the others are null in every pair
  const used = COMPARISONS.map((c) => c.groupSize === undefined)
  const m = COMPARISONS.map((c) => distribution(c.levels.length, true))
  const u = COMPARISONS.map((c) => distribution(c.levels.length, false))
  const patterns = new Map<number, number>()
  const lambda = 0.2
  const levels = new Uint8Array(COMPARISON_COUNT)
  for (let n = 0; n < 40_000; n++) {
    const match = random() < lambda
    for (let k = 0; k < COMPARISON_COUNT; k++) levels[k] = used[k] ? draw(match ? m[k] : u[k], random()) : 0
    const code = patternCode(levels)
    patterns.set(code, (patterns.get(code) ?? 0) + 1)
  }
  const start = COMPARISONS.map((c) =>
    new Array<number>(c.levels.length)
      .fill(1 / c.levels.length)
      .map((x, l) => (l === 0 ? 0.5 : 0.5 / (c.levels.length - 1))),
  )
  const result = expectationMaximisation(patterns, start, u, used, 0.5, 100)
  assert.ok(Math.abs(result.lambda - lambda) < 0.02, `lambda ${result.lambda}`)
  for (let k = 0; k < COMPARISON_COUNT; k++) {
    if (!used[k]) continue
    assert.ok(
      Math.abs(result.m[k][0] - m[k][0]) < 0.03,
      `${COMPARISONS[k].name}: m ${result.m[k][0]} expected ${m[k][0]}`,
    )
  }
})

test('a trained model survives JSON and learns that agreement is evidence', () => {
  const people = generatePeople({ records: 3000, seed: 11 })
  const model = trainModel([people.records], nicknameTable(BRITISH_DIMINUTIVES))
  const again = modelFromJson(modelToJson(model))
  assert.deepEqual(again, model)
  for (const c of model.comparisons) {
    const exact = c.levels[0]
    assert.ok(exact.m > exact.u, `${c.name}: exact agreement should favour a match (m ${exact.m}, u ${exact.u})`)
  }
  assert.ok(model.lambda > 0 && model.lambda < 0.01)
  assert.throws(() => modelFromJson('{"version":2}'), /not a linkage model/)
})
