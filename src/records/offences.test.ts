import { test } from 'node:test'
import assert from 'node:assert/strict'
import { assessedExploitation, namesSexualOffence, planCategory } from './offences.ts'

test('sexual offences named in the words agencies use, and not in unrelated ones', () => {
  for (const t of [
    'Rape of a child under 13',
    'Sexual activity with a child (s.9 SOA 2003)',
    'sexual assault by touching',
    'indecent images of children',
    'Meeting a child following sexual grooming',
    'CSE: suspected',
    'inciting a child to engage in sexual activity',
  ])
    assert.ok(namesSexualOffence(t), t)
  for (const t of ['Shoplifting', 'Theft of a pedal cycle', 'criminal damage to a bus shelter', 'assault ABH', null])
    assert.equal(namesSexualOffence(t), false, String(t))
})

test("a plan's category and an assessment's factors, as codes or words", () => {
  assert.equal(planCategory({ extra: { category: 'SAB' } }), 'sexual_abuse')
  assert.equal(planCategory({ extra: { category: 'Sexual abuse' } }), 'sexual_abuse')
  assert.equal(planCategory({ extra: { category: 'NEG' } }), 'other')
  assert.equal(planCategory({ extra: { category: 'NEG', latest_category: 'SAB' } }), 'sexual_abuse')
  assert.equal(planCategory({ summary: 'Initial conference: plan under neglect' }), 'other')
  assert.equal(planCategory({ summary: 'Plan agreed' }), 'unknown')
  assert.equal(assessedExploitation({ extra: { factors: ['11A'] } }), true)
  assert.equal(assessedExploitation({ extra: { factors: '24A' } }), true)
  assert.equal(assessedExploitation({ extra: { factors: ['3A', '16A'] } }), false)
  assert.equal(assessedExploitation({ summary: 'Concerns of county lines involvement' }), true)
})
