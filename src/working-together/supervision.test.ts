import { test } from 'node:test'
import assert from 'node:assert/strict'
import { formatLondon } from '../config/clock.ts'
import { nextSupervisionDue, ruleAt } from './supervision.ts'

const d = (iso: string) => new Date(iso)
const asye = { id: 'sw-new', asyeStartedAt: d('2026-01-05T09:00:00Z') } // a Monday
const experienced = { id: 'sw-old' }

test('ASYE: weekly for 6 weeks, fortnightly to 6 months, monthly to the end of the year, then every 4 weeks', () => {
  const next = (last: string) => nextSupervisionDue(d(last), asye, d(last))!
  assert.deepEqual(
    [next('2026-01-12T10:00:00Z').rule, next('2026-01-12T10:00:00Z').dueDay],
    ['asye_weekly', '2026-01-19'],
  )
  assert.deepEqual(
    [next('2026-02-13T10:00:00Z').rule, next('2026-02-13T10:00:00Z').dueDay],
    ['asye_weekly', '2026-02-20'],
    'day 39: still weekly',
  )
  assert.deepEqual(
    [next('2026-02-16T10:00:00Z').rule, next('2026-02-16T10:00:00Z').dueDay],
    ['asye_fortnightly', '2026-03-02'],
    'week 6 on: fortnightly',
  )
  assert.deepEqual(
    [next('2026-07-03T10:00:00+01:00').rule, next('2026-07-03T10:00:00+01:00').dueDay],
    ['asye_fortnightly', '2026-07-17'],
  )
  assert.deepEqual(
    [next('2026-07-06T10:00:00+01:00').rule, next('2026-07-06T10:00:00+01:00').dueDay],
    ['asye_monthly', '2026-08-06'],
    '6 months on: monthly',
  )
  assert.deepEqual(
    [next('2027-01-05T10:00:00Z').rule, next('2027-01-05T10:00:00Z').dueDay],
    ['standard', '2027-02-02'],
    'after the ASYE year: every 4 weeks',
  )
  assert.equal(ruleAt(d('2026-01-05T00:30:00Z'), experienced), 'standard')
})

test('a standard worker is due every 4 weeks; due in the last week, overdue from the end of the due day', () => {
  const last = d('2026-03-02T15:00:00Z')
  const at = (now: string) => nextSupervisionDue(last, experienced, d(now))!
  assert.equal(at('2026-03-10T10:00:00Z').dueDay, '2026-03-30')
  assert.equal(
    formatLondon(at('2026-03-10T10:00:00Z').nextDueAt),
    '2026-03-31T00:00:00+01:00',
    'the clocks changed on the 29th',
  )
  assert.equal(at('2026-03-22T22:59:00Z').status, 'ok')
  assert.equal(at('2026-03-23T00:00:00Z').status, 'due')
  assert.equal(at('2026-03-30T22:59:59Z').status, 'due')
  assert.equal(at('2026-03-30T23:00:00Z').status, 'overdue')
  assert.equal(
    nextSupervisionDue(last, experienced, d('2026-03-10T10:00:00Z'), { settings: { everyWeeks: 6 } })!.dueDay,
    '2026-04-13',
    'the interval is a setting',
  )
})

test('never supervised: counted from the allocation; nothing to count from gives null', () => {
  const s = nextSupervisionDue(null, experienced, d('2026-05-01T10:00:00Z'), { since: d('2026-04-01T10:00:00+01:00') })!
  assert.equal(s.dueDay, '2026-04-29')
  assert.equal(s.status, 'overdue')
  assert.equal(
    nextSupervisionDue(null, asye, d('2026-01-06T10:00:00Z'))!.dueDay,
    '2026-01-12',
    'an ASYE worker from their start',
  )
  assert.equal(nextSupervisionDue(null, experienced, d('2026-01-06T10:00:00Z')), null)
})
