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
