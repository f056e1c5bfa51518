import { test } from 'node:test'
import assert from 'node:assert/strict'
import { serafCse } from './seraf-cse.ts'
import { validateInstrument } from './validate.ts'

const copy = () => JSON.parse(JSON.stringify(serafCse))

test('the shipped instrument is valid, and survives a round trip through JSON', () => {
  const result = validateInstrument(copy())
  assert.equal(result.ok, true, result.ok ? '' : result.errors.join('\n'))
})

test("an area's broken instrument gets every error at once, with where it is", () => {
  const bad = copy()
  bad.version = ''
  bad.items[0].domain = 'nowhere'
  bad.items[1].code = bad.items[2].code
  bad.items[3].evidence = ['missing', 'moon_phase']
  bad.items[10].weights = [
    { fromMonths: 0, toMonths: 6, points: 5 },
    { fromMonths: 3, toMonths: 12, points: 1 },
  ]
  bad.items[11].weights = [{ fromMonths: 6, toMonths: 6, points: 1 }]
  bad.bands[0].label = 'safe'
  bad.bands[3].minScore = 10
  bad.ageRules[0].domains = ['nowhere']
  bad.reassessMonths = 0
  const result = validateInstrument(bad)
  assert.equal(result.ok, false)
  const errors = result.ok ? [] : result.errors
  const expect = [
    /^version must be a non-empty string$/,
    /items\[0\] "abuse_or_neglect_at_home": domain "nowhere" is not one of the domains/,
    /items\[2\] "domestic_abuse_at_home": code is used twice/,
    /items\[3\] .*evidence "moon_phase" is not an indicator Threadline knows/,
    /items\[10\] .*weights\[1\] overlaps another window/,
    /items\[11\] .*weights\[0\]: toMonths must be after fromMonths/,
    /bands\[0\]: label "safe" must not say a child is safe/,
    /band 4 must start at a higher score than band 3/,
    /ageRules\[0\]: domain "nowhere" is not one of the domains/,
    /reassessMonths must be a whole number/,
  ]
  for (const re of expect)
    assert.ok(
      errors.some((e) => re.test(e)),
      `expected an error like ${re}\n${errors.join('\n')}`,
    )
  assert.equal(errors.length, expect.length, errors.join('\n'))
})

test('bands keep the numbers 1 to 4', () => {
  const bad = copy()
  bad.bands = bad.bands.slice(0, 3)
  const result = validateInstrument(bad)
  assert.equal(result.ok, false)
  assert.match(
    result.ok ? '' : result.errors.join('\n'),
    /bands must be numbered 1, 2, 3 and 4 once each \(found 1,2,3\)/,
  )
  assert.deepEqual(validateInstrument('nope'), { ok: false, errors: ['an instrument must be a JSON object'] })
})
