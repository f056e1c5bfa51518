import { test } from 'node:test'
import assert from 'node:assert/strict'
import { formatLondon } from '../config/clock.ts'
import { actionStatus, completionProblems, doneLate, dueAtEndOf, type Action } from './actions.ts'
import { englandAndWalesWorkingDays } from './calendar.ts'
import { weekendCalendar } from './fake-calendar.ts'
import { attendance, initialConferenceDue, meetingProblems } from './meetings.ts'

test('an initial conference is due within 15 working days of the strategy discussion, bank holidays excluded', () => {
  // Thursday 26 March 2026; Good Friday 3 April and Easter Monday 6 April are bank holidays
  const sd = new Date('2026-03-26T14:00:00Z')
  assert.equal(formatLondon(initialConferenceDue(sd)), '2026-04-21T00:00:00+01:00', 'by the end of Monday 20 April')
  assert.equal(
    formatLondon(initialConferenceDue(sd, weekendCalendar())),
    '2026-04-17T00:00:00+01:00',
    'by the end of Thursday 16 April without the holidays',
  )
  assert.equal(
    formatLondon(initialConferenceDue(sd, englandAndWalesWorkingDays, 1)),
    '2026-03-28T00:00:00+00:00',
    'the timescale is a setting',
  )
})

test('an absent agency is recorded as absent', () => {
  assert.deepEqual(attendance(['police', 'csc', 'health', 'school'], ['police', 'csc', 'ri']), {
    present: ['csc', 'police', 'ri'],
    absent: ['health', 'school'],
    uninvited: ['ri'],
  })
  assert.deepEqual(
    meetingProblems({ type: 'strategy_discussion', heldAt: new Date(), chair: 'Team manager', invited: ['police'] }),
    [],
  )
  assert.equal(meetingProblems({ type: 'coffee', heldAt: null, chair: '', invited: [] }).length, 4)
})

test('an action is open, overdue from the end of its due day, and done once completion is recorded', () => {
  const action: Action = {
    title: 'Disrupt the address',
    owner: 'PC Lee',
    ownerAgency: 'police',
    dueAt: dueAtEndOf('2026-06-12'),
  }
  assert.equal(action.dueAt.toISOString(), '2026-06-12T23:00:00.000Z')
  assert.equal(actionStatus(action, new Date('2026-06-12T22:59:59Z')), 'open')
  assert.equal(actionStatus(action, new Date('2026-06-12T23:00:00Z')), 'overdue')
  const done = {
    ...action,
    completedAt: new Date('2026-06-14T10:00:00Z'),
    completionRecordedAt: new Date('2026-06-15T09:00:00Z'),
    evidence: 'closure order',
  }
  assert.equal(actionStatus(done, new Date('2026-06-14T12:00:00Z')), 'overdue', 'done but not yet recorded')
  assert.equal(actionStatus(done, new Date('2026-06-15T09:00:00Z')), 'done')
  assert.equal(doneLate(done), true)
  assert.deepEqual(completionProblems({ completedAt: new Date() }), ['evidence of completion is required'])
  assert.throws(() => dueAtEndOf('12/06/2026'), /not a date/)
})
