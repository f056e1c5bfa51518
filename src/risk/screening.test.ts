import { test } from 'node:test'
import assert from 'node:assert/strict'
import { deriveEvidence } from './evidence.ts'
import { score } from './score.ts'
import { completeScreening, effectiveBand, effectiveTimeline, screeningDue } from './screening.ts'
import { serafCse } from './seraf-cse.ts'
import { seen } from './testing.ts'

const dob = '2006-04-01'
const suggested = score(
  serafCse,
  deriveEvidence([
    seen(['missing'], '2023-11-01'),
    seen(['self_harm'], '2023-11-10', { agency: 'health' }),
    seen(['isolated'], '2020-01-01'),
  ]),
  { asOf: '2023-11-30T10:00:00Z', dateOfBirth: dob },
)

test('a practitioner confirms, rejects and adds items; the next screening is due at the interval', () => {
  assert.equal(suggested.score, 7)
  const result = completeScreening(serafCse, {
    suggested,
    decisions: [
      { code: 'missing', decision: 'confirmed' },
      {
        code: 'self_harm',
        decision: 'rejected',
        note: 'the injury was a sports accident, confirmed by the school nurse',
      },
      { code: 'isolated', decision: 'confirmed' },
    ],
    added: [{ code: 'gifts_money', note: 'new phone and trainers, no explanation', date: '2023-11-20' }],
    signedBy: 'sw-17',
    signedAt: '2023-11-30T10:30:00Z',
    dateOfBirth: dob,
  })
  assert.ok(result.ok, result.ok ? '' : result.errors.join('\n'))
  const s = result.screening
  assert.equal(s.score, 11) // missing 5 + isolated 1 + gifts 5
  assert.equal(s.screenedBand, 3)
  assert.equal(s.band, 3)
  assert.equal(s.suggestedScore, 7)
  assert.equal(s.suggestedBand, 2)
  assert.deepEqual(
    s.rejected.map((r) => r.code),
    ['self_harm'],
  )
  assert.equal(s.items.find((i) => i.code === 'gifts_money')?.basis, 'added')
  assert.equal(s.nextDueOn, '2024-02-29') // 30 November + 3 months, clamped
  assert.equal(s.nextDueAt, '2024-03-01T00:00:00.000Z')
  assert.equal(s.instrumentVersion, serafCse.version)
  assert.equal(screeningDue(s, '2024-02-29T23:59:00Z'), false)
  assert.equal(screeningDue(s, '2024-03-01T00:00:00Z'), true)
  assert.equal(screeningDue(null, '2024-03-01T00:00:00Z'), true)
})

test('an override needs a written reason; every suggested item needs a decision', () => {
  const base = { suggested, signedBy: 'sw-17', signedAt: '2023-11-30T10:30:00Z', dateOfBirth: dob }
  const r1 = completeScreening(serafCse, {
    ...base,
    decisions: [
      { code: 'missing', decision: 'confirmed' },
      { code: 'missing', decision: 'rejected' },
    ],
    added: [
      { code: 'missing', note: 'x' },
      { code: 'no_such_item', note: 'x' },
      { code: 'unsuitable_accommodation', note: ' ' },
    ],
    override: { band: 1, reason: '  ' },
  })
  assert.equal(r1.ok, false)
  const errors = r1.ok ? [] : r1.errors
  for (const re of [
    /"missing" is decided twice/,
    /"self_harm" needs a decision/,
    /"isolated" needs a decision/,
    /"missing" is already counted/,
    /"no_such_item" is not an item/,
    /"unsuitable_accommodation" needs a note/,
    /an override needs a written reason/,
  ]) {
    assert.ok(
      errors.some((e) => re.test(e)),
      `${re}\n${errors.join('\n')}`,
    )
  }
  const r2 = completeScreening(serafCse, {
    ...base,
    decisions: suggested.items.map((i) => ({ code: i.code, decision: 'confirmed' as const })),
    override: { band: 4, reason: 'seen getting into a car with an adult outside school on Tuesday' },
  })
  assert.ok(r2.ok)
  assert.equal(r2.screening.screenedBand, 2)
  assert.equal(r2.screening.band, 4)
  assert.equal(r2.screening.bandLabel, 'significant')
})

test('a downward override stands until the computed band rises past what the practitioner saw', () => {
  const screening = { band: 1, suggestedBand: 2, override: { band: 1, reason: 'r' } }
  assert.deepEqual(effectiveBand(2, screening), { band: 1, basis: 'override' })
  assert.deepEqual(effectiveBand(1, screening), { band: 1, basis: 'override' })
  assert.deepEqual(effectiveBand(3, screening), { band: 3, basis: 'risen_since_screening' })
  const upward = { band: 4, suggestedBand: 2, override: { band: 4, reason: 'r' } }
  assert.deepEqual(effectiveBand(3, upward), { band: 4, basis: 'override' })
  assert.deepEqual(effectiveBand(3, null), { band: 3, basis: 'score' })
  const timeline = effectiveTimeline(
    [
      { at: new Date('2023-01-01T00:00:00Z'), band: 2 },
      { at: new Date('2023-03-01T00:00:00Z'), band: 2 },
      { at: new Date('2023-04-01T00:00:00Z'), band: 3 },
    ],
    [{ signedAt: '2023-02-01T00:00:00.000Z', ...screening }],
  )
  assert.deepEqual(
    timeline.map((p) => [p.at.toISOString().slice(0, 10), p.band]),
    [
      ['2023-01-01', 2],
      ['2023-02-01', 1],
      ['2023-04-01', 3],
    ],
  )
})
