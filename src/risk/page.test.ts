import { test } from 'node:test'
import assert from 'node:assert/strict'
import { assessChild } from './assess.ts'
import { deriveEvidence } from './evidence.ts'
import { scoreChart } from './chart.ts'
import { evidenceLines, mashQueue, unansweredTimeline } from './page.ts'
import { serafCse } from './seraf-cse.ts'
import { DEFAULT_RISK_SETTINGS } from './settings.ts'
import { event, seen } from './testing.ts'
import type { AssessedChild } from './area.ts'

const asOf = new Date('2021-03-01T12:00:00Z')
function child(id: number, events: ReturnType<typeof event>[], dateOfBirth = '2006-01-01'): AssessedChild {
  return { id, dateOfBirth, events, screenings: [], risk: assessChild(serafCse, { events, dateOfBirth }, { asOf }) }
}

test("the MASH queue: highest band first, then longest waiting; the clock runs against the rating's hours", () => {
  const mild = child(1, [
    event('missing_episode', '2021-02-20'),
    seen(['gifts_money'], '2021-02-21', { agency: 'csc' }),
  ])
  const moderateLate = child(2, [
    event('missing_episode', '2021-02-25'),
    seen(['gifts_money', 'sti'], '2021-02-28T20:00:00Z', { agency: 'csc' }),
  ])
  const moderateEarly = child(3, [
    event('missing_episode', '2021-02-10'),
    seen(['gifts_money', 'sti'], '2021-02-11', { agency: 'csc' }),
  ])
  const none = child(4, [event('note', '2021-02-10')])
  const rows = mashQueue([mild, moderateLate, moderateEarly, none], DEFAULT_RISK_SETTINGS, asOf)
  assert.deepEqual(
    rows.map((r) => r.childId),
    [3, 2, 1],
  )
  const late = rows.find((r) => r.childId === 2)!
  assert.equal(late.rating, 'amber')
  assert.deepEqual(
    late.waitingSince,
    new Date('2021-02-28T20:00:00Z'),
    "since the first alert not yet screened: the band rose when the second agency's record arrived",
  )
  assert.deepEqual(late.dueAt, new Date(+late.waitingSince + 6 * 3_600_000))
  assert.equal(late.overdue, true)
  const green = rows.find((r) => r.childId === 1)!
  assert.equal(green.rating, 'green')
  const generous = mashQueue(
    [moderateLate],
    { ...DEFAULT_RISK_SETTINGS, mashHours: { red: 2, amber: 24 * 30, green: 24 } },
    asOf,
  )
  assert.equal(generous[0].overdue, false)
  assert.ok(generous[0].minutesLeft > 0)
})

test('the chart holds the same figures as the table, and restricted evidence says only whose and whom to ask', () => {
  const events = [
    event('missing_episode', '2021-01-05'),
    seen(['gifts_money'], '2021-01-20', { agency: 'csc' }),
    event('sexual_health', '2021-01-25', { agency: 'health', restricted: true }),
  ]
  const c = child(5, events)
  const chart = scoreChart(c.risk.trajectory.points, asOf, serafCse.bands)
  assert.deepEqual(
    chart.rows.map((r) => r.score),
    c.risk.trajectory.points.filter((p) => +p.at > +chart.from).map((p) => p.score),
  )
  assert.equal(chart.line.split(' ').length, 2 * chart.rows.length + 2)
  assert.ok(chart.thresholds.some((t) => t.score === 6))
  const evidence = deriveEvidence(events)
  const contacts = new Map([['health', 'Rochdale Health: named nurse']])
  const mash = evidenceLines(
    evidence,
    { kind: 'user', userId: 1, agency: 'csc', roles: ['mash'] },
    { level: 'full', because: 'mash' },
    contacts,
  )
  const hidden = mash.find((e) => e.agency === 'health')!
  assert.equal(hidden.shown, false)
  assert.deepEqual(hidden, {
    shown: false,
    date: '2021-01-25',
    agency: 'health',
    restricted: true,
    ask: 'Rochdale Health: named nurse',
  })
  const nurse = evidenceLines(
    evidence,
    { kind: 'user', userId: 2, agency: 'health', roles: ['practitioner'] },
    { level: 'signpost' },
    contacts,
  )
  assert.equal(nurse.find((e) => e.agency === 'health')!.shown, true)
  assert.equal(
    nurse.find((e) => e.agency === 'csc')!.shown,
    false,
    "another agency's record outside a signpost's reach",
  )
})

test('the unanswered timeline names who recorded what and what no one has yet done', () => {
  const c = child(6, [
    event('concern', '2021-01-04', { agency: 'school' }),
    event('concern', '2021-01-06', { agency: 'police' }),
    event('contact_referral', '2021-01-08', { agency: 'health' }),
  ])
  assert.equal(c.risk.unanswered.status, 'unanswered')
  const t = unansweredTimeline(c.risk.unanswered)
  assert.deepEqual(
    t.entries.filter((e) => e.agency).map((e) => e.agency),
    ['school', 'police', 'health'],
  )
  assert.match(
    t.missing!,
    /No strategy discussion, assessment, section 47 enquiry or child protection plan has been recorded on or after 2021-01-08/,
  )
})
