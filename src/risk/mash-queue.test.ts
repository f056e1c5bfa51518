import { test } from 'node:test'
import assert from 'node:assert/strict'
import { assessChild } from './assess.ts'
import { mashQueue, reasonInWords, triage, type MashDecision, type TriageRow } from './mash-queue.ts'
import { serafCse } from './seraf-cse.ts'
import { DEFAULT_RISK_SETTINGS } from './settings.ts'
import { event, seen } from './testing.ts'
import type { AssessedChild } from './area.ts'

const HOUR = 3_600_000
function child(id: number, events: ReturnType<typeof event>[], asOf: Date, dateOfBirth = '2006-01-01'): AssessedChild {
  return { id, dateOfBirth, events, screenings: [], risk: assessChild(serafCse, { events, dateOfBirth }, { asOf }) }
}
const decision = (childId: number, at: string): MashDecision => ({
  id: 1,
  childId,
  outcome: 'early_help',
  rationale: 'family support first',
  decidedAt: new Date(at),
  decidedById: 1,
  decidedBy: 'Mo Mash',
})
/** Significant signs from two agencies: band 3 and the multi-agency alert, recorded at `at`. */
const rise = (at: string) => [
  event('missing_episode', at, { agency: 'police' }),
  seen(['gifts_money', 'sti'], at, { agency: 'csc' }),
]

test("the MASH queue: highest band first, then longest waiting; the clock runs against the rating's hours", () => {
  const asOf = new Date('2021-03-01T12:00:00Z')
  const mild = child(
    1,
    [event('missing_episode', '2021-02-20'), seen(['gifts_money'], '2021-02-21', { agency: 'csc' })],
    asOf,
  )
  const moderateLate = child(2, rise('2021-03-01T09:00:00Z'), asOf)
  const moderateEarly = child(3, rise('2021-02-10'), asOf)
  const none = child(4, [event('note', '2021-02-10')], asOf)
  const rows = mashQueue([mild, moderateLate, moderateEarly, none], DEFAULT_RISK_SETTINGS, asOf)
  assert.deepEqual(
    rows.map((r) => r.childId),
    [3, 2, 1],
  )
  const late = rows.find((r) => r.childId === 2)!
  assert.equal(late.rating, 'amber')
  assert.deepEqual(late.waitingSince, new Date('2021-03-01T09:00:00Z'))
  assert.deepEqual(late.dueAt, new Date(+late.waitingSince + 6 * HOUR), 'amber: 6 hours from the rise')
  assert.equal(late.overdue, false, 'a child whose response time has not run out is not overdue')
  assert.equal(late.minutesLeft, 3 * 60)
  assert.equal(rows.find((r) => r.childId === 3)!.overdue, true)
  assert.equal(rows.find((r) => r.childId === 1)!.rating, 'green')
})

test('the clock starts when the child last rose to band 2: an earlier rise the band fell back from is history', () => {
  const asOf = new Date('2021-03-01T12:00:00Z')
  // signs a year and a half ago (counted for 12 months at most) answered then, and a new rise this morning
  const old = [...rise('2019-08-01'), event('strategy_discussion', '2019-08-02', { agency: 'csc' })]
  const c = child(5, [...old, ...rise('2021-03-01T10:00:00Z')], asOf)
  assert.ok(
    c.risk.alerts.some((a) => +a.at < +new Date('2020-01-01')),
    'the old rise raised alerts',
  )
  const [row] = mashQueue([c], DEFAULT_RISK_SETTINGS, asOf)
  assert.deepEqual(row.waitingSince, new Date('2021-03-01T10:00:00Z'))
  assert.equal(row.overdue, false)
  assert.ok(row.reasons.every((r) => +r.at >= +new Date('2021-03-01T10:00:00Z')))
})

test('a toddler is not rated on the instrument: listed at band 1 with the reason when concerns went unanswered', () => {
  const asOf = new Date('2021-03-01T12:00:00Z')
  const events = [
    seen(['older_associates'], '2021-01-02', { agency: 'police' }),
    event('concern', '2021-01-04', { agency: 'police' }),
    event('concern', '2021-01-06', { agency: 'health' }),
    event('contact_referral', '2021-01-08', { agency: 'police' }),
  ]
  const toddler = child(6, events, asOf, '2018-02-01')
  const [row] = mashQueue([toddler], DEFAULT_RISK_SETTINGS, asOf, {
    agencyName: (code) => ({ police: 'Police', health: 'Rochdale Health' })[code] ?? code,
  })
  assert.equal(row.band, 1, 'the under-13 rule does not apply outside the ages (a score of 1 is no band 3)')
  assert.match(row.bandLabel, /^not screened: under 10/)
  assert.equal(row.score, null)
  assert.equal(row.rating, 'red', 'unanswered concerns')
  const unanswered = row.reasons.find((r) => r.text.endsWith('unanswered'))!
  assert.equal(unanswered.text, 'concerns from Police and Rochdale Health unanswered')
  assert.equal(unanswered.word, 'since')
  assert.deepEqual(unanswered.at, row.unansweredSince)
  // within the ages the same signs of a 12-year-old make band 3 (the under-13 rule)
  const twelve = child(7, events, asOf, '2008-06-01')
  assert.equal(mashQueue([twelve], DEFAULT_RISK_SETTINGS, asOf)[0].band, 3)
  // a toddler with a sign but no trigger waiting is not on the queue
  assert.deepEqual(mashQueue([child(8, events.slice(0, 1), asOf, '2018-02-01')], DEFAULT_RISK_SETTINGS, asOf), [])
})

test('a MASH decision clears the child from the queue; a later alert brings them back', () => {
  const at = new Date('2021-03-01T12:00:00Z')
  const events = rise('2021-03-01T09:00:00Z')
  const decisions = new Map([[9, [decision(9, '2021-03-01T10:00:00Z')]]])
  assert.equal(mashQueue([child(9, events, at)], DEFAULT_RISK_SETTINGS, at).length, 1)
  assert.deepEqual(mashQueue([child(9, events, at)], DEFAULT_RISK_SETTINGS, at, { decisions }), [])
  const before = new Date('2021-03-01T09:30:00Z')
  assert.equal(
    mashQueue([child(9, events, before)], DEFAULT_RISK_SETTINGS, before, { decisions }).length,
    1,
    'as known before the decision, the child was waiting',
  )
  const later = new Date('2021-03-02T12:00:00Z')
  const more = [...events, seen(['older_associates', 'vehicle_unknown_adults'], '2021-03-02T08:00:00Z')]
  const [back] = mashQueue([child(9, more, later)], DEFAULT_RISK_SETTINGS, later, { decisions })
  assert.equal(back.childId, 9)
  assert.deepEqual(back.waitingSince, new Date('2021-03-02T08:00:00Z'))
  assert.deepEqual(back.lastDecidedAt, new Date('2021-03-01T10:00:00Z'))
})

test('triage: filters by rating, overdue, agency, allocation and name; sorts by a column either way', () => {
  const base = {
    band: 3,
    bandLabel: 'moderate',
    score: 9,
    minutesLeft: 0,
    reasons: [],
    unansweredSince: null,
    lastDecidedAt: null,
  }
  const row = (childId: number, extra: Partial<TriageRow>): TriageRow => ({
    ...base,
    childId,
    name: `Child ${childId}`,
    rating: 'amber',
    waitingSince: new Date(2021, 0, childId),
    dueAt: new Date(2021, 1, 10 - childId),
    overdue: false,
    agencies: ['police'],
    allocated: [],
    ...extra,
  })
  const rows = [
    row(1, { name: 'Ava Brown', rating: 'red', band: 4, overdue: true, allocated: ['Sofia Socialworker'] }),
    row(2, { name: 'Ben Carter', agencies: ['health'] }),
    row(3, { name: 'Cara Avery', rating: 'green', band: 2, overdue: true }),
  ]
  const ids = (t: Parameters<typeof triage>[1]) => triage(rows, t).map((r) => r.childId)
  assert.deepEqual(ids({}), [1, 2, 3])
  assert.deepEqual(ids({ rating: 'amber' }), [2])
  assert.deepEqual(ids({ overdueOnly: true }), [1, 3])
  assert.deepEqual(ids({ agency: 'health' }), [2])
  assert.deepEqual(ids({ allocated: 'no' }), [2, 3])
  assert.deepEqual(ids({ allocated: 'yes' }), [1])
  assert.deepEqual(ids({ name: 'AV' }), [1, 3])
  assert.deepEqual(ids({ sort: 'name', descending: true }), [3, 2, 1])
  assert.deepEqual(ids({ sort: 'due' }), [3, 2, 1])
  assert.deepEqual(ids({ sort: 'waiting' }), [1, 2, 3])
})

test('a reason in words: the words, "on" or "since", and the day as UK pages say it (in London)', () => {
  assert.equal(
    reasonInWords({ text: 'risk rose from band 2 to band 3', word: 'on', at: new Date('2026-03-01T10:00:00Z') }),
    'risk rose from band 2 to band 3 on 1 March 2026',
  )
  // 23:30 UTC on 31 May is 00:30 on 1 June in London
  assert.equal(
    reasonInWords({ text: 'screening due again', word: 'since', at: new Date('2026-05-31T23:30:00Z') }),
    'screening due again since 1 June 2026',
  )
})
