// The working-together access rules alone (access.ts): who sees a meeting, an action, a challenge,
// a decision and supervision notes, at each reach.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Reach, Viewer } from '../access/visibility.ts'
import { actionView, challengeView, decisionView, meetingView, supervisionView } from './access.ts'

const user = (userId: number, agency: string, ...roles: string[]): Viewer => ({ kind: 'user', userId, agency, roles })
const signpost: Reach = { level: 'signpost' }
const full: Reach = { level: 'full', because: 'allocated' }
const none: Reach = { level: 'none' }
const strategy = { type: 'strategy_discussion', invited: ['csc'], chairId: 7, chairAgency: 'police', recordedBy: 7 }

test('a meeting: those in it in full; a strategy discussion only that it was held to others at full reach', () => {
  const nurse = user(1, 'health', 'practitioner')
  assert.equal(meetingView(nurse, signpost, strategy), 'hidden', 'not invited, signpost')
  assert.equal(meetingView(nurse, full, strategy), 'summary', 'allocated, not invited')
  assert.equal(meetingView(nurse, full, { ...strategy, type: 'child_protection_conference' }), 'full')
  assert.equal(meetingView(user(2, 'csc', 'practitioner'), signpost, strategy), 'full', 'invited agency')
  assert.equal(meetingView(user(3, 'police', 'practitioner'), signpost, strategy), 'full', "chair's agency")
  assert.equal(meetingView(user(7, 'other', 'manager'), signpost, strategy), 'full', 'the chair')
  assert.equal(meetingView(user(9, 'csc', 'partnership'), none, strategy), 'hidden', 'no casework, no meeting')
})

test("an action: its owner, the owner's agency, the chair, and those who see its meeting in full", () => {
  const action = { owner: { id: 5 }, ownerAgency: 'police', chairId: 7 }
  assert.equal(actionView(user(5, 'police', 'practitioner'), signpost, action, 'hidden'), 'full')
  assert.equal(actionView(user(6, 'police', 'manager'), signpost, action, 'hidden'), 'full')
  assert.equal(actionView(user(1, 'health', 'practitioner'), full, action, 'summary'), 'hidden')
  assert.equal(actionView(user(1, 'health', 'practitioner'), full, action, 'full'), 'full')
})

test('a challenge: the two agencies and full reach; the partnership its stage only', () => {
  const c = { raisedByAgency: 'police', againstAgency: 'cps' }
  assert.equal(challengeView(user(1, 'health', 'practitioner'), signpost, c), 'hidden')
  assert.equal(challengeView(user(1, 'health', 'practitioner'), full, c), 'full')
  assert.equal(challengeView(user(1, 'cps', 'practitioner'), signpost, c), 'full')
  assert.equal(challengeView(user(1, 'lscp', 'partnership'), none, c), 'summary')
})

test("a decision by hand is its agency's and full reach's; an imported one follows its event", () => {
  const byHand = { agency: 'police', sourceRecord: null, restricted: false }
  assert.equal(decisionView(user(1, 'health', 'practitioner'), signpost, byHand), 'hidden')
  assert.equal(decisionView(user(1, 'police', 'practitioner'), signpost, byHand), 'full')
  const restricted = { agency: 'police', sourceRecord: 'police:N-1', restricted: true }
  assert.equal(decisionView(user(1, 'health', 'practitioner'), full, restricted), 'restricted')
})

test("supervision notes: the worker, the supervisor and their agency's managers; no other agency", () => {
  const note = { workerId: 5, workerAgency: 'csc', supervisorId: 6, supervisorAgency: 'csc' }
  assert.equal(supervisionView(user(5, 'csc', 'practitioner'), full, note), 'full')
  assert.equal(supervisionView(user(8, 'csc', 'manager'), signpost, note), 'full')
  assert.equal(supervisionView(user(8, 'csc', 'practitioner'), full, note), 'hidden')
  assert.equal(supervisionView(user(9, 'police', 'manager'), full, note), 'hidden')
  assert.equal(supervisionView(user(9, 'csc', 'mash'), full, note), 'hidden')
})
