import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { projectRoot } from '../config/paths.ts'
import { dayFromIso } from '../calendar/days.ts'
import { DEFAULT_MISSING_SETTINGS } from '../missing/settings.ts'
import { CONCERN_KINDS } from '../records/types.ts'
import type { Challenge, ChallengeState, StageSpan } from '../working-together/escalation.ts'
import {
  MEASURES,
  auditGradeFacts,
  challengeFacts,
  decisionFacts,
  definitionOf,
  endStateFacts,
  eventFacts,
  type GradeVersion,
} from './catalogue.ts'
import { figureRows, type Fact } from './measures.ts'
import { periodsFor } from './periods.ts'

const count = (facts: Fact[], quantity: string) => facts.filter((f) => f.quantity === quantity).length

test('every measure is written in docs/cli.md with its definition (the settings at their defaults)', () => {
  const doc = readFileSync(join(projectRoot, 'docs', 'cli.md'), 'utf8')
  for (const m of MEASURES) {
    assert.ok(doc.includes(`| \`${m.id}\` |`), `${m.id} listed`)
    assert.ok(doc.includes(definitionOf(m, DEFAULT_MISSING_SETTINGS)), `${m.id}'s definition as catalogue.ts gives it`)
  }
})

test('definitions name the area’s own numbers', () => {
  const m = MEASURES.find((x) => x.id === 'return_interviews_within_72h')!
  assert.match(definitionOf(m, { ...DEFAULT_MISSING_SETTINGS, dueHours: 48 }), /within the due time \(48 hours/)
})

test('a referral is a re-referral when the same child had one on an earlier day within 12 calendar months', () => {
  const e = (childId: string, day: string, kind = 'contact_referral', agency = 'csc') => ({
    childId,
    agency,
    kind,
    day: dayFromIso(day),
  })
  const facts = eventFacts(
    [
      e('1', '2025-03-31'),
      e('1', '2026-03-31'), // 12 months to the day: within
      e('2', '2025-01-31'),
      e('2', '2026-02-01'), // a day over 12 months: not
      e('3', '2026-05-05'),
      e('3', '2026-05-05'), // the same day twice: one referral sent twice, not a re-referral
      e('4', '2026-05-05', 'concern', 'health'),
    ],
    CONCERN_KINDS,
  )
  assert.equal(count(facts, 'referrals'), 6)
  assert.equal(count(facts, 're_referrals'), 1)
  assert.equal(count(facts, 'concerns'), 7, 'concerns are concern and contact_referral events (CONCERN_KINDS)')
})

test('NFA decisions and the challenged ones; other outcomes are not counted', () => {
  const at = new Date('2026-02-01T10:00:00Z')
  const facts = decisionFacts(
    [
      { id: 'police:N-1', agency: 'police', outcome: 'no_further_action', decidedAt: at },
      { id: '7', agency: 'csc', outcome: 'no_further_action', decidedAt: at },
      { id: 'cps:C-1', agency: 'cps', outcome: 'charge', decidedAt: at },
    ],
    new Set(['7', 'cps:C-1']),
  )
  assert.equal(count(facts, 'nfa_decisions'), 2)
  assert.deepEqual(
    facts.filter((f) => f.quantity === 'nfa_challenged').map((f) => f.agencies),
    [['csc']],
  )
})

test('a challenge is resolved by its deadline unless a stage ran past one', () => {
  const t = (s: string) => new Date(s)
  const span = (stage: number, start: string, due: string, end: string | null, endedBy: StageSpan['endedBy']) => ({
    stage,
    ownerRole: 'practitioner',
    startedAt: t(start),
    dueAt: t(due),
    endedAt: end ? t(end) : null,
    endedBy,
  })
  const challenge = { raisedByAgency: 'police' } as Challenge
  const state = (stages: StageSpan[], resolvedAt: string | null): ChallengeState =>
    ({
      status: resolvedAt ? 'resolved' : 'open',
      resolvedAt: resolvedAt ? t(resolvedAt) : null,
      stages,
    }) as ChallengeState
  const facts = challengeFacts([
    { challenge, state: state([span(1, '2026-01-05', '2026-01-07', '2026-01-06', 'resolved')], '2026-01-06') },
    {
      challenge,
      state: state(
        [
          span(1, '2026-01-05', '2026-01-07', '2026-01-07', 'deadline'),
          span(2, '2026-01-07', '2026-01-14', '2026-01-08', 'resolved'),
        ],
        '2026-01-08',
      ),
    },
    { challenge, state: state([span(1, '2026-01-05', '2026-01-07', null, null)], null) },
  ])
  assert.equal(count(facts, 'challenges_resolved'), 2, 'open ones wait')
  assert.equal(count(facts, 'challenges_resolved_in_time'), 1)
})

test('states at a period’s end: bands 2 to 4 by band, unanswered, repeat missing, supervision by agency', () => {
  const [q] = periodsFor('2026-01-01', '2026-03-31', 'quarter')
  const facts = endStateFacts({
    day: q.endDay,
    children: [
      { band: 1, unanswered: false },
      { band: 2, unanswered: true },
      { band: 4, unanswered: false },
      { band: 4, unanswered: true },
    ],
    repeatWithoutStrategy: 2,
    supervision: [
      { agency: 'csc', overdue: false },
      { agency: 'csc', overdue: true },
    ],
  })
  const rows = figureRows([q], MEASURES, facts, { agencies: ['csc', 'police'], suppress: false })
  const value = (measure: string, agency: string | null = null, category: string | null = null) =>
    rows.find((r) => r.measure === measure && r.agency === agency && r.category === category)?.value
  assert.equal(value('unanswered_children'), 2)
  assert.deepEqual(
    ['2', '3', '4'].map((band) => value('children_at_risk', null, band)),
    [1, 0, 2],
  )
  assert.equal(value('repeat_missing_without_strategy'), 2)
  assert.equal(value('supervision_on_time'), 0.5)
  assert.equal(value('supervision_on_time', 'csc'), 0.5)
  assert.equal(value('supervision_on_time', 'police'), null, 'no allocations: no rate')
  assert.equal(rows.filter((r) => r.measure === 'children_at_risk').length, 3, 'area only, one row per band')
})

const graded = (
  position: number,
  agency: string | null,
  at: string,
  grades: Record<string, string>,
  auditId = 1,
): GradeVersion => ({ auditId, position, agency, grades, recordedAt: new Date(at) })
const SIX_GOOD = {
  recognition: 'good',
  assessment: 'good',
  planning: 'good',
  joint_working: 'good',
  voice: 'good',
  impact: 'good',
}

test('audit grades: each child’s grades as last saved, on the day first saved; the theme and ungraded areas not counted', () => {
  const [q1, q2] = periodsFor('2026-01-01', '2026-06-30', 'quarter')
  const facts = auditGradeFacts([
    // child 1 agreed in March (London: 31 March 23:30 BST is still March), revised in May: counted in Q1 as revised
    graded(1, null, '2026-03-31T22:30:00Z', { ...SIX_GOOD, impact: 'inadequate' }),
    graded(1, null, '2026-05-02T10:00:00Z', { ...SIX_GOOD, impact: 'requires_improvement' }),
    // child 2 in April, two areas graded, one left as not agreed
    graded(2, null, '2026-04-10T10:00:00Z', { recognition: 'outstanding', voice: 'inadequate', impact: '' }),
    // the theme's grades are not a child's
    graded(0, null, '2026-04-10T10:00:00Z', SIX_GOOD),
    // the police's and health's returns for child 1
    graded(1, 'police', '2026-03-20T10:00:00Z', { recognition: 'requires_improvement', assessment: 'good' }),
    graded(1, 'health', '2026-04-20T10:00:00Z', { recognition: 'good' }),
    // another audit's child 1 is another child
    graded(1, null, '2026-04-11T10:00:00Z', { recognition: 'good' }, 2),
  ])
  const rows = figureRows(
    [q1, q2],
    MEASURES.filter((m) => m.id === 'audit_grades'),
    facts,
    {
      agencies: ['health', 'police'],
      suppress: false,
    },
  )
  const value = (start: string, agency: string | null, grade: string) =>
    rows.find((r) => r.period_start === start && r.agency === agency && r.category === grade)?.value
  const all = (start: string, agency: string | null) =>
    ['outstanding', 'good', 'requires_improvement', 'inadequate'].map((g) => value(start, agency, g))
  assert.deepEqual(all('2026-01-01', null), [0, 5, 1, 0])
  assert.deepEqual(all('2026-04-01', null), [1, 1, 0, 1])
  assert.deepEqual(all('2026-01-01', 'police'), [0, 1, 1, 0], 'the return’s grades, by the agency that completed it')
  assert.deepEqual(all('2026-04-01', 'health'), [0, 1, 0, 0])
  assert.deepEqual(all('2026-04-01', 'police'), [0, 0, 0, 0], 'a row for every grade, zeros included')
  // one row per period, agency (area first) and grade, and nothing else
  assert.equal(rows.length, 2 * 3 * 4)
  assert.ok(rows.every((r) => r.denominator === null && r.numerator === r.value))
})

test('audit grades suppressed: a hidden grade is never the only one hidden among the four of its period and agency', () => {
  const [q] = periodsFor('2026-01-01', '2026-03-31', 'quarter')
  const agreed = Array.from({ length: 10 }, (_, i) =>
    graded(i + 1, null, '2026-02-01T10:00:00Z', i < 3 ? { recognition: 'inadequate' } : { recognition: 'good' }),
  )
  const audit = MEASURES.filter((m) => m.id === 'audit_grades')
  const rows = figureRows([q], audit, auditGradeFacts(agreed), { agencies: ['police'], suppress: true })
  const area = rows.filter((r) => r.agency === null).map((r) => [r.category, r.suppressed ? 'hidden' : r.value])
  // 7 good and 3 inadequate of 10 children discussed: were 3 alone hidden, 10 − 7 would give it away
  assert.deepEqual(area, [
    ['outstanding', 0],
    ['good', 'hidden'],
    ['requires_improvement', 0],
    ['inadequate', 'hidden'],
  ])
  // the same facts without the categories adding up would hide the 3 alone: the rule is what hides 7
  const apart = figureRows([q], [{ ...audit[0], categoriesAddUp: false }], auditGradeFacts(agreed), {
    agencies: ['police'],
    suppress: true,
  })
  assert.equal(apart.find((r) => r.agency === null && r.category === 'good')?.suppressed, false)
  // one grade alone and small: a zero beside it is hidden too, so the total gives nothing away
  const one = figureRows(
    [q],
    audit,
    auditGradeFacts([graded(1, 'police', '2026-02-01T10:00:00Z', { voice: 'good' })]),
    {
      agencies: ['police'],
      suppress: true,
    },
  )
  assert.equal(one.filter((r) => r.agency === 'police' && r.suppressed).length, 2)
})
