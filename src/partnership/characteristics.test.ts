import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ageBand, disabilityCategory, ethnicityGroup, nationalityCategory, sexCategory } from './characteristics.ts'

test('ethnicity: long forms, DfE codes and police codes to the ONS 2021 groups; not recorded and refused apart', () => {
  const cases: [string | null, string][] = [
    ['White British', 'White'],
    ['Asian or Asian British Pakistani', 'Asian, Asian British or Asian Welsh'],
    ['Mixed White and Asian', 'Mixed or Multiple ethnic groups'],
    ['Black or Black British Caribbean', 'Black, Black British, Black Welsh, Caribbean or African'],
    ['Chinese', 'Asian, Asian British or Asian Welsh'],
    ['Any other ethnic group', 'Other ethnic group'],
    ['APKN', 'Asian, Asian British or Asian Welsh'],
    ['WIRT', 'White'],
    ['MWBC', 'Mixed or Multiple ethnic groups'],
    ['REFU', 'refused'],
    ['NOBT', 'not recorded'],
    ['IC1', 'White'],
    ['IC3', 'Black, Black British, Black Welsh, Caribbean or African'],
    ['IC6', 'Other ethnic group'],
    ['A2', 'Asian, Asian British or Asian Welsh'],
    ['O1', 'Other ethnic group'],
    ['Refused', 'refused'],
    ['', 'not recorded'],
    [null, 'not recorded'],
    ['Martian', 'recorded, not mapped'],
  ]
  for (const [given, group] of cases) assert.equal(ethnicityGroup(given), group, String(given))
})

test('sex, disability and nationality, each with not recorded', () => {
  assert.deepEqual(['female', 'M', 'unknown', null].map(sexCategory), [
    'female',
    'male',
    'not recorded',
    'not recorded',
  ])
  assert.deepEqual(['ADHD', 'none', 'not_recorded', 'refused', undefined].map(disabilityCategory), [
    'yes',
    'no',
    'not recorded',
    'refused',
    'not recorded',
  ])
  assert.deepEqual(['British', 'UK', 'polish', 'NOT KNOWN', ''].map(nationalityCategory), [
    'British',
    'British',
    'Polish',
    'not recorded',
    'not recorded',
  ])
})

test('age bands on the day, from full and partial dates of birth', () => {
  assert.equal(ageBand('2010-06-15', '2023-06-14'), '10-12')
  assert.equal(ageBand('2010-06-15', '2023-06-15'), '13-15')
  assert.equal(ageBand('1990-01-01', '2026-01-01'), '25-39')
  assert.equal(ageBand('1980', '2026-06-30'), '40 and over')
  assert.equal(ageBand('1986', '2026-06-30'), 'not recorded', '39 or 40')
  assert.equal(ageBand('2010', '2023-06-30'), 'not recorded', '12 or 13: the band cannot be told')
  assert.equal(ageBand('2012-03', '2026-06-30'), '13-15')
  assert.equal(ageBand(null, '2026-06-30'), 'not recorded')
})
