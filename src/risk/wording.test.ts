// One wording for risk (issue 15): an unanswered concern carries the band the child had when it became
// unanswered and what has happened since, so "band 1" beside "unanswered" is explained, never contradictory.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { bandAt, unansweredStory } from './wording.ts'
import type { UnansweredStatus } from './unanswered.ts'

const LABELS: Record<number, string> = { 1: 'no identified risk', 2: 'mild', 3: 'moderate', 4: 'significant' }
const at = (d: string) => new Date(`${d}T12:00:00Z`)
const steps = [
  { at: at('2019-01-10'), band: 2 },
  { at: at('2019-02-01'), band: 3 },
  { at: at('2019-06-01'), band: 2 },
  { at: at('2019-06-01'), band: 2 },
  { at: at('2020-01-01'), band: 1 },
  { at: at('2021-01-01'), band: 3 },
]
const concern = (day: string) => ({
  ref: `police:${day}`,
  agency: 'police',
  kind: 'concern' as const,
  occurredAt: `${day}T10:00:00Z`,
  recordedAt: `${day}T12:00:00.000Z`,
})
const status = (since: Date | null): UnansweredStatus => ({
  status: since ? 'unanswered' : 'clear',
  unansweredSince: since,
  dueAt: since,
  trigger: since
    ? { kind: 'band', at: at('2019-02-01'), startDate: '2019-02-01', band: 3, concerns: [], dueAt: since }
    : null,
  concerns: [concern('2019-01-20'), concern('2019-09-01')],
  waiting: [],
  answered: [],
})

test('the band in force at a moment: 1 before any step, the latest step at or before it', () => {
  assert.equal(bandAt(steps, at('2018-12-31')), 1)
  assert.equal(bandAt(steps, at('2019-02-01')), 3)
  assert.equal(bandAt(steps, at('2019-12-31')), 2)
})

test('unanswered at band 3, band 1 now: the band then, each move since, the concerns recorded since', () => {
  const story = unansweredStory(status(at('2019-02-15')), steps, at('2020-06-01'), (n) => LABELS[n])
  assert.ok(story)
  assert.deepEqual(story.bandThen, { band: 3, label: 'moderate' })
  assert.deepEqual(
    story.bandMoves.map((m) => [m.band, m.label]),
    [
      [2, 'mild'],
      [1, 'no identified risk'],
    ],
    'a repeated step is one move; a move after the moment asked about is not yet known',
  )
  assert.deepEqual(
    story.laterConcerns.map((c) => c.ref),
    ['police:2019-09-01'],
  )
  assert.equal(story.trigger, 'band')
})

test('nothing to word when the child is not unanswered', () => {
  assert.equal(
    unansweredStory(status(null), steps, at('2020-06-01'), (n) => LABELS[n]),
    null,
  )
})
