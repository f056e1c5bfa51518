import { test } from 'node:test'
import assert from 'node:assert/strict'
import { formatLondon } from '../config/clock.ts'
import { missingEpisodes } from './episodes.ts'
import { interviewsFor, interviewRecordProblems, unmatchedInterviews } from './interviews.ts'
import { recorded, type EventInput } from './test-fixtures.ts'
import type { RecordedEvent } from './types.ts'

const interview = (input: Omit<EventInput, 'kind'>) =>
  recorded({ ...input, kind: 'return_interview', agency: input.agency ?? 'ri' })

function rowsAt(versions: RecordedEvent[], asOf: string, dueHours?: number) {
  const at = new Date(asOf)
  return interviewsFor(missingEpisodes(versions, { asOf: at }), versions, { asOf: at, dueHours })
}

test('72 hours across the spring clock change are 72 real hours (due an hour later on the wall clock)', () => {
  // clocks go forward at 01:00 GMT on Sunday 29 March 2026
  const versions = [
    recorded({ id: 'E-1', at: '2026-03-26T18:00:00Z', end: '2026-03-27T20:00:00Z', recorded: '2026-03-27T20:30:00Z' }),
  ]
  const [row] = rowsAt(versions, '2026-03-28T12:00:00Z')
  assert.equal(row.interviewDueAt.getTime() - row.returnedAt.getTime(), 72 * 3_600_000)
  assert.equal(formatLondon(row.returnedAt), '2026-03-27T20:00:00Z'.replace('Z', '+00:00'))
  assert.equal(formatLondon(row.interviewDueAt), '2026-03-30T21:00:00+01:00')
  assert.equal(row.status, 'due')
})

test('72 hours across the autumn clock change are 72 real hours (due an hour earlier on the wall clock)', () => {
  // clocks go back at 01:00 GMT on Sunday 25 October 2026
  const versions = [
    recorded({
      id: 'E-2',
      at: '2026-10-23T18:00:00+01:00',
      end: '2026-10-23T22:30:00+01:00',
      recorded: '2026-10-23T23:00:00+01:00',
    }),
  ]
  const [row] = rowsAt(versions, '2026-10-24T12:00:00Z')
  assert.equal(formatLondon(row.interviewDueAt), '2026-10-26T21:30:00+00:00')
  // held at 21:45 on the Monday: the wall clock says less than 72 hours after 22:30, but it is late
  const late = [
    ...versions,
    interview({
      id: 'RI-2',
      at: '2026-10-26T21:45:00+00:00',
      recorded: '2026-10-26T22:00:00+00:00',
      extra: { episode: 'police:E-2' },
    }),
  ]
  assert.equal(rowsAt(late, '2026-10-27T12:00:00Z')[0].status, 'done_late')
})

test('a return late at night: due 72 hours later to the minute; overdue once that passes with nothing recorded', () => {
  const versions = [
    recorded({
      id: 'E-3',
      at: '2026-06-05T20:00:00+01:00',
      end: '2026-06-05T23:50:00+01:00',
      recorded: '2026-06-06T00:10:00+01:00',
    }),
  ]
  assert.equal(rowsAt(versions, '2026-06-08T22:49:00Z')[0].status, 'due')
  const [overdue] = rowsAt(versions, '2026-06-08T22:51:00Z')
  assert.equal(overdue.status, 'overdue')
  assert.equal(overdue.interviewDoneAt, null)
  const inTime = [
    ...versions,
    interview({ id: 'RI-3', at: '2026-06-08T23:49:00+01:00', recorded: '2026-06-09T09:00:00+01:00' }),
  ]
  const [done] = rowsAt(inTime, '2026-06-09T10:00:00+01:00')
  assert.equal(done.status, 'done')
  assert.equal(done.interviewDoneAt?.toISOString(), '2026-06-08T22:49:00.000Z')
  const justLate = [
    ...versions,
    interview({ id: 'RI-3', at: '2026-06-08T23:51:00+01:00', recorded: '2026-06-09T09:00:00+01:00' }),
  ]
  assert.equal(rowsAt(justLate, '2026-06-09T10:00:00+01:00')[0].status, 'done_late')
  assert.equal(rowsAt(versions, '2026-06-07T00:00:00Z', 24)[0].status, 'overdue', 'the due hours are a setting')
})

test('as of a moment: an interview recorded later does not count yet, a return recorded later is not a return yet', () => {
  const versions = [
    recorded({ id: 'E-4', at: '2026-02-01T18:00:00Z', recorded: '2026-02-01T19:00:00Z' }),
    recorded({ id: 'E-4', at: '2026-02-01T18:00:00Z', end: '2026-02-02T10:00:00Z', recorded: '2026-02-02T12:00:00Z' }),
    interview({
      id: 'RI-4',
      at: '2026-02-03T15:00:00Z',
      recorded: '2026-02-09T09:00:00Z',
      extra: { status: 'done', child_account: 'I was at a flat' },
    }),
  ]
  assert.equal(rowsAt(versions, '2026-02-02T11:00:00Z').length, 0, 'still missing as far as anyone knew')
  assert.equal(rowsAt(versions, '2026-02-02T13:00:00Z')[0].status, 'due')
  assert.equal(rowsAt(versions, '2026-02-06T00:00:00Z')[0].status, 'overdue', 'held in time but not yet recorded')
  const [row] = rowsAt(versions, '2026-02-10T00:00:00Z')
  assert.equal(row.status, 'done')
  assert.equal(row.interview?.childAccount, 'I was at a flat')
})

test('declined and not held carry their reasons; a missing reason is flagged; a held interview outranks a refusal', () => {
  const base = [
    recorded({ id: 'E-5', at: '2026-01-10T18:00:00Z', end: '2026-01-11T02:00:00Z', recorded: '2026-01-11T03:00:00Z' }),
    recorded({ id: 'E-6', at: '2026-01-20T18:00:00Z', end: '2026-01-21T02:00:00Z', recorded: '2026-01-21T03:00:00Z' }),
    recorded({ id: 'E-7', at: '2026-01-25T18:00:00Z', end: '2026-01-26T02:00:00Z', recorded: '2026-01-26T03:00:00Z' }),
  ]
  const versions = [
    ...base,
    interview({
      id: 'RI-5',
      at: '2026-01-12T10:00:00Z',
      recorded: '2026-01-12T11:00:00Z',
      extra: { episode: 'police:E-5', status: 'declined', reason: 'did not want to talk to anyone' },
    }),
    interview({
      id: 'RI-6',
      at: '2026-01-22T10:00:00Z',
      recorded: '2026-01-22T11:00:00Z',
      extra: { episode: 'police:E-6', status: 'not_held' },
    }),
    interview({
      id: 'RI-7a',
      at: '2026-01-27T10:00:00Z',
      recorded: '2026-01-27T11:00:00Z',
      extra: { episode: 'police:E-7', status: 'declined', reason: 'tired' },
    }),
    interview({
      id: 'RI-7b',
      at: '2026-01-30T10:00:00Z',
      recorded: '2026-01-30T11:00:00Z',
      extra: { episode: 'police:E-7', status: 'done' },
    }),
  ]
  const rows = rowsAt(versions, '2026-02-15T00:00:00Z')
  const by = (id: string) => rows.find((r) => r.episodeSource === id)!
  assert.equal(by('police:E-5').status, 'declined')
  assert.equal(by('police:E-5').reason, 'did not want to talk to anyone')
  assert.equal(by('police:E-5').reasonMissing, false)
  assert.equal(by('police:E-6').status, 'not_held')
  assert.equal(by('police:E-6').reasonMissing, true)
  assert.equal(by('police:E-7').status, 'done_late')
  assert.equal(by('police:E-7').interviews.length, 2)
  assert.deepEqual(interviewRecordProblems({ outcome: 'not_held', heldAt: new Date() }), [
    'a reason is required when the interview is not held',
  ])
  assert.deepEqual(interviewRecordProblems({ outcome: 'declined', heldAt: new Date(), reason: 'asleep' }), [])
})

test("an interview without `episode` belongs to the child's latest return before it; `episode` may name any merged report", () => {
  const versions = [
    recorded({
      id: 'E-8',
      at: '2026-04-01T18:00:00+01:00',
      end: '2026-04-02T08:00:00+01:00',
      recorded: '2026-04-02T09:00:00+01:00',
    }),
    recorded({
      id: 'E-9',
      at: '2026-04-03T18:00:00+01:00',
      end: '2026-04-04T08:00:00+01:00',
      recorded: '2026-04-04T09:00:00+01:00',
    }),
    recorded({
      agency: 'carehome',
      id: 'M-9',
      at: '2026-04-03T17:00:00+01:00',
      end: '2026-04-04T08:30:00+01:00',
      recorded: '2026-04-04T10:00:00+01:00',
    }),
    recorded({
      id: 'E-X',
      child: 'C2',
      at: '2026-04-04T18:00:00+01:00',
      end: '2026-04-05T08:00:00+01:00',
      recorded: '2026-04-05T09:00:00+01:00',
    }),
    interview({ id: 'RI-9', at: '2026-04-05T10:00:00+01:00', recorded: '2026-04-05T11:00:00+01:00' }),
    interview({
      id: 'RI-8',
      at: '2026-04-06T10:00:00+01:00',
      recorded: '2026-04-06T11:00:00+01:00',
      extra: { episode: 'carehome:M-9', status: 'not_held', reason: 'duplicate offer' },
    }),
    interview({ id: 'RI-0', at: '2026-03-01T10:00:00+01:00', recorded: '2026-03-01T11:00:00+01:00' }),
  ]
  const at = new Date('2026-04-10T00:00:00Z')
  const episodes = missingEpisodes(versions, { asOf: at })
  const rows = interviewsFor(episodes, versions, { asOf: at })
  assert.equal(rows.length, 3)
  const e8 = rows.find((r) => r.episodeSource === 'police:E-8')!
  const e9 = rows.find((r) => r.episodeSource === 'police:E-9')!
  assert.equal(e8.status, 'overdue')
  assert.equal(e9.status, 'done', 'the carer-named refusal does not undo the held interview')
  assert.equal(e9.interviews.length, 2)
  assert.equal(rows.find((r) => r.childId === 'C2')!.status, 'overdue', "another child's interview never counts")
  assert.deepEqual(
    unmatchedInterviews(episodes, versions, { asOf: at }).map((i) => i.source),
    ['ri:RI-0'],
  )
})
