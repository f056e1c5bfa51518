// The partnership's figures (pure) and the hidden field of accepted suggestions.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { partnershipFigures } from './figures.ts'
import { acceptedRulesFrom } from './storage.ts'
import { SHIPPED_LEXICON } from './lexicon.ts'

const row = (month: string, agency: string, rule: string, fired: number, accepted: number) => ({
  month,
  agency_code: agency,
  agency_name: agency.toUpperCase(),
  context: 'supervision',
  rule,
  fired,
  accepted,
})

test('figures add up per rule across agencies and months, with the share of suggestions taken', () => {
  const rule = SHIPPED_LEXICON.rules[0].id
  const f = partnershipFigures(
    [
      row('2024-03', 'csc', rule, 3, 1),
      row('2024-04', 'police', rule, 1, 1),
      row('2024-04', 'police', 'area-only-rule', 2, 0),
    ],
    [{ month: '2024-01', agency_code: 'health', agency_name: 'HEALTH', rule, fired: 5 }],
    SHIPPED_LEXICON,
  )
  const first = f.rules.find((r) => r.rule === rule)!
  assert.deepEqual([first.fired, first.accepted, first.acceptedPercent, first.imported], [4, 2, 50, 5])
  assert.equal(first.reason, SHIPPED_LEXICON.rules[0].reason)
  const areaRule = f.rules.find((r) => r.rule === 'area-only-rule')!
  assert.deepEqual([areaRule.acceptedPercent, areaRule.reason], [0, ''])
  assert.deepEqual(f.totals, { fired: 6, accepted: 2, acceptedPercent: 33, imported: 5 })
  assert.equal(f.rules[0].rule, rule, 'the rule found most often comes first')
  assert.deepEqual(
    f.written.map((w) => w.acceptedPercent),
    [33, 100, 0],
  )
})

test('nothing found: no percentages invented', () => {
  const f = partnershipFigures([], [], SHIPPED_LEXICON)
  assert.deepEqual(f.totals, { fired: 0, accepted: 0, acceptedPercent: null, imported: 0 })
  assert.deepEqual(f.rules, [])
})

test('the accepted field is read however the form sent it, and nothing else gets through', () => {
  assert.deepEqual(acceptedRulesFrom('lifestyle-choice,putting-self-at-risk'), [
    'lifestyle-choice',
    'putting-self-at-risk',
  ])
  assert.deepEqual(acceptedRulesFrom(['a-rule', 'b-rule,c-rule']), ['a-rule', 'b-rule', 'c-rule'])
  assert.deepEqual(acceptedRulesFrom(undefined), [])
  assert.deepEqual(acceptedRulesFrom('<script>,ok-rule, ,Drop Table'), ['ok-rule'])
  assert.equal(acceptedRulesFrom(Array(80).fill('x-rule').join(',')).length, 50)
})
