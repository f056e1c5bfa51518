import { test } from 'node:test'
import assert from 'node:assert/strict'
import { assessChild } from './assess.ts'
import { deriveEvidence } from './evidence.ts'
import { scoreChart } from './chart.ts'
import { evidenceLines, unansweredTimeline } from './page.ts'
import { serafCse } from './seraf-cse.ts'
import { event, seen } from './testing.ts'
import type { AssessedChild } from './area.ts'

const asOf = new Date('2021-03-01T12:00:00Z')
function child(id: number, events: ReturnType<typeof event>[], dateOfBirth = '2006-01-01'): AssessedChild {
  return { id, dateOfBirth, events, screenings: [], risk: assessChild(serafCse, { events, dateOfBirth }, { asOf }) }
}

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
    /No strategy discussion, assessment, section 47 enquiry or child protection plan has been recorded on or after 8 January 2021/,
  )
})
