// The reviews' rules alone: a rapid review's clocks over a bank holiday, an action done only with its
// evidence, overdue from the end of its due day, sign-off refused while any action is open, and who may
// do what.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { rapidReviewClocks } from './clocks.ts'
import {
  isOverdue,
  recommendationSignOffProblems,
  reviewSignOffProblems,
  shownStatus,
  updateProblems,
} from './actions.ts'
import { reviewProblems } from './reviews.ts'
import { assessmentKindOf, assessmentProblems } from './self-assessments.ts'
import { SECTION_11_V1 } from './standards.ts'
import { mayReadPlan, mayReadReview, mayRunReviews, mayWritePlan } from './access.ts'

const at = (iso: string) => new Date(iso)

test("a rapid review's clocks skip Christmas Day and the Boxing Day substitute bank holiday", () => {
  // known Monday 21 December 2026: working days 22, 23, 24, (25 and 28 are bank holidays) 29, 30
  const facts = { incidentKnownOn: '2026-12-21', notifiedOn: null, decidedOn: null }
  const [notification, review] = rapidReviewClocks(facts, at('2026-12-30T12:00:00Z'))
  assert.equal(notification.dueOn, '2026-12-30')
  assert.equal(notification.state, 'running', 'in time until the end of the due day')
  assert.equal(review.dueOn, '2027-01-14', '15 working days, 1 January a bank holiday too')
  assert.equal(rapidReviewClocks(facts, at('2026-12-31T00:00:00Z'))[0].state, 'overdue', 'overdue from midnight')
  const done = rapidReviewClocks(
    { ...facts, notifiedOn: '2026-12-30', decidedOn: '2027-01-15' },
    at('2027-02-01T12:00:00Z'),
  )
  assert.deepEqual(
    done.map((c) => c.state),
    ['met', 'met_late'],
  )
})

test('an action cannot be marked done without evidence, and the message says so', () => {
  const today = '2026-12-07'
  const bare = updateProblems({ status: 'done', evidenceKind: '', evidence: '', doneOn: null }, today)
  assert.deepEqual(
    bare.map((p) => p.field),
    ['evidenceKind', 'evidence', 'doneOn'],
  )
  assert.match(bare[1].message, /cannot be marked done without evidence/)
  assert.deepEqual(
    updateProblems(
      { status: 'done', evidenceKind: 'document', evidence: 'Policy v3, ref CP-12', doneOn: today },
      today,
    ),
    [],
  )
  assert.deepEqual(updateProblems({ status: 'in_progress', evidenceKind: '', evidence: '', doneOn: null }, today), [])
  assert.equal(
    updateProblems({ status: 'done', evidenceKind: 'figure', evidence: 'x', doneOn: '2026-12-08' }, today)[0].field,
    'doneOn',
  )
  assert.equal(
    updateProblems({ status: 'finished', evidenceKind: '', evidence: '', doneOn: null }, today)[0].field,
    'status',
  )
})

test('an action is overdue from the end of its due day (London) until it is done with evidence', () => {
  const open = { status: 'in_progress' as const, dueOn: '2026-06-30', evidenceKind: null, evidence: null, doneOn: null }
  assert.equal(isOverdue(open, at('2026-06-30T22:59:59Z')), false, '23:59 in London, summer time')
  assert.equal(isOverdue(open, at('2026-06-30T23:00:00Z')), true)
  assert.equal(shownStatus(open, at('2026-07-01T12:00:00Z')), 'overdue')
  const done = {
    ...open,
    status: 'done' as const,
    evidenceKind: 're_audit' as const,
    evidence: 'Re-audit of 20 cases',
    doneOn: '2026-07-10',
  }
  assert.equal(isOverdue(done, at('2026-08-01T12:00:00Z')), false)
})

test('sign-off is refused while any action is open or an agency has no plan, and the review waits for every recommendation', () => {
  const done = {
    agency: 'police',
    status: 'done' as const,
    dueOn: '2026-06-30',
    evidenceKind: 'document' as const,
    evidence: 'ref',
    doneOn: '2026-06-01',
  }
  const open = {
    ...done,
    agency: 'health',
    status: 'in_progress' as const,
    evidenceKind: null,
    evidence: null,
    doneOn: null,
  }
  const names = (c: string) => ({ police: 'Police', health: 'Health', csc: 'Social care' })[c] ?? c
  assert.deepEqual(
    recommendationSignOffProblems(
      { agencies: ['police', 'health', 'csc'], actions: [done, open], signedOffAt: null },
      names,
    ),
    ['Social care has no action in its plan', '1 action is not done with evidence'],
  )
  assert.deepEqual(recommendationSignOffProblems({ agencies: ['police'], actions: [done], signedOffAt: null }), [])
  assert.deepEqual(reviewSignOffProblems({ signedOffAt: null, recommendations: [] }), ['It has no recommendations'])
  assert.deepEqual(
    reviewSignOffProblems({
      signedOffAt: null,
      recommendations: [
        { number: 1, signedOffAt: new Date() },
        { number: 2, signedOffAt: null },
      ],
    }),
    ['Recommendation 2 is not signed off'],
  )
})

test('a review names a child only by a pseudonym, and a rapid review needs the day its clocks start', () => {
  const ok = {
    kind: 'rapid_review',
    title: 'Rapid review: Child Q',
    pseudonym: 'Child Q',
    incidentKnownOn: '2026-12-01',
  }
  assert.deepEqual(reviewProblems(ok), [])
  assert.deepEqual(
    reviewProblems({ ...ok, pseudonym: 'Amy Smith', incidentKnownOn: null }).map((p) => p.field),
    ['pseudonym', 'incidentKnownOn'],
  )
  assert.deepEqual(reviewProblems({ ...ok, kind: 'national_review', incidentKnownOn: null, pseudonym: '' }), [])
})

test('section 175 for education, section 11 for every other agency, each standard rated', () => {
  assert.equal(assessmentKindOf('education'), 'section_175')
  assert.equal(assessmentKindOf('police'), 'section_11')
  const ratings = Object.fromEntries(SECTION_11_V1.standards.map((s) => [s.id, 'met']))
  assert.deepEqual(assessmentProblems(SECTION_11_V1.standards, { period: '2026 to 2027', ratings }), [])
  assert.deepEqual(
    assessmentProblems(SECTION_11_V1.standards, { period: '', ratings: { ...ratings, training: 'great' } }).map(
      (p) => p.field,
    ),
    ['period', 'rating_training'],
  )
})

test('who may do what: the partnership runs reviews, an agency’s managers write its plan, its staff read it', () => {
  const chair = { id: 1, agency: 'lscp', roles: ['partnership'] }
  const manager = { id: 2, agency: 'police', roles: ['manager'] }
  const officer = { id: 3, agency: 'police', roles: ['practitioner'] }
  const nurse = { id: 4, agency: 'health', roles: ['practitioner'] }
  const admin = { id: 5, agency: 'csc', roles: ['admin'] }
  assert.deepEqual([chair, manager, officer, admin].map(mayRunReviews), [true, false, false, false])
  assert.deepEqual(
    [chair, manager, officer, nurse, admin].map((a) => mayReadReview(a, ['police'])),
    [true, true, true, false, false],
  )
  assert.deepEqual(
    [chair, manager, officer, nurse, admin].map((a) => mayReadPlan(a, 'police')),
    [true, true, true, false, false],
  )
  assert.deepEqual(
    [chair, manager, officer, nurse, admin].map((a) => mayWritePlan(a, 'police')),
    [false, true, false, false, false],
  )
})

test('what a version of an action changed, and the reasons some changes need', async () => {
  const { changesBetween, reasonProblems } = await import('./actions.ts')
  const base = {
    ownerId: 1,
    dueOn: '2026-12-10',
    status: 'not_started' as const,
    evidenceKind: null,
    evidence: null,
    doneOn: null,
  }
  const done = {
    ...base,
    status: 'done' as const,
    evidenceKind: 'document' as const,
    evidence: 'BN-4',
    doneOn: '2026-12-09',
  }
  assert.deepEqual(changesBetween(base, { ...base, ownerId: 2, dueOn: '2026-12-20' }), ['owner_changed', 'due_changed'])
  assert.deepEqual(changesBetween(base, done), ['done'], 'evidence given with done is the done')
  assert.deepEqual(changesBetween(done, { ...base, status: 'in_progress' }), ['reopened'])
  assert.deepEqual(changesBetween(base, { ...base, evidenceKind: 'figure', evidence: '12 to 30' }), ['evidence_added'])
  assert.deepEqual(changesBetween(base, { ...base, status: 'in_progress' }), ['status_changed'])
  assert.deepEqual(changesBetween(base, base), [])
  assert.deepEqual(
    reasonProblems(['reopened'], '').map((p) => p.field),
    ['reason'],
  )
  assert.deepEqual(
    reasonProblems(['due_changed'], '').map((p) => p.field),
    ['reason'],
  )
  assert.deepEqual(reasonProblems(['owner_changed'], ''), [])
  assert.deepEqual(
    reasonProblems([], 'x').map((p) => p.field),
    ['nothing'],
  )
})

test('an action’s history shows when it became overdue while a version stood', async () => {
  const { historyOf } = await import('./actions.ts')
  const v = (version: number, at: string, dueOn: string, status: 'not_started' | 'done' = 'not_started') => ({
    version,
    changes: [] as never[],
    ownerId: 1,
    ownerName: 'A',
    dueOn,
    status,
    evidenceKind: status === 'done' ? ('document' as const) : null,
    evidence: status === 'done' ? 'D' : null,
    doneOn: status === 'done' ? '2026-12-20' : null,
    note: null,
    recordedBy: 'A',
    recordedAt: new Date(at),
  })
  const h = historyOf(
    [
      v(1, '2026-12-01T10:00:00Z', '2026-12-05'),
      v(2, '2026-12-08T10:00:00Z', '2026-12-18'),
      v(3, '2026-12-20T10:00:00Z', '2026-12-18', 'done'),
    ],
    new Date('2026-12-21T10:00:00Z'),
  )
  assert.deepEqual(
    h.map((e) => (e.kind === 'overdue' ? `overdue ${e.dueOn}` : `v${e.entry.version}`)),
    ['v1', 'overdue 2026-12-05', 'v2', 'overdue 2026-12-18', 'v3'],
  )
})

test('a standard set file is checked field by field, and must be the next version', async () => {
  const { standardSetProblems, SECTION_175_V1 } = await import('./standards.ts')
  assert.deepEqual(standardSetProblems({ ...SECTION_175_V1, version: 2 }, { section_175: 1 }), [])
  const fields = (value: unknown) => standardSetProblems(value, { section_11: 1, section_175: 1 }).map((p) => p.field)
  assert.deepEqual(fields([]), ['(the file)'])
  assert.deepEqual(fields({ ...SECTION_175_V1, kind: 's175', version: 2 }), ['kind'])
  assert.deepEqual(fields({ ...SECTION_175_V1, version: 3 }), ['version'])
  assert.deepEqual(fields({ ...SECTION_175_V1, version: 2, title: '' }), ['title'])
  assert.deepEqual(
    fields({
      ...SECTION_175_V1,
      version: 2,
      standards: [
        { id: 'a', text: 'x' },
        { id: 'a', text: 'y' },
        { id: 'B', text: '' },
      ],
    }),
    ['standards[1].id', 'standards[2].id', 'standards[2].text'],
  )
  assert.deepEqual(fields({ ...SECTION_175_V1, version: 2, standards: [] }), ['standards'])
})
