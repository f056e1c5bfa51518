import { test } from 'node:test'
import assert from 'node:assert/strict'
import { missingEpisodes } from './episodes.ts'
import { interviewFigures } from './figures.ts'
import { interviewsFor } from './interviews.ts'
import { recorded } from './test-fixtures.ts'

test('share of interviews done within 72 hours, by agency and month of return', () => {
  const ri = (id: string, episode: string, at: string, agency = 'ri', status = 'done') =>
    recorded({ kind: 'return_interview', agency, id, at, recorded: at, extra: { episode, status, reason: 'r' } })
  const versions = [
    recorded({
      id: 'E-1',
      at: '2026-05-01T18:00:00+01:00',
      end: '2026-05-02T08:00:00+01:00',
      recorded: '2026-05-02T09:00:00+01:00',
    }),
    recorded({
      id: 'E-2',
      at: '2026-05-10T18:00:00+01:00',
      end: '2026-05-11T08:00:00+01:00',
      recorded: '2026-05-11T09:00:00+01:00',
    }),
    recorded({
      id: 'E-3',
      at: '2026-05-20T18:00:00+01:00',
      end: '2026-05-21T08:00:00+01:00',
      recorded: '2026-05-21T09:00:00+01:00',
    }),
    recorded({
      id: 'E-4',
      at: '2026-05-25T18:00:00+01:00',
      end: '2026-05-26T08:00:00+01:00',
      recorded: '2026-05-26T09:00:00+01:00',
    }),
    recorded({
      id: 'E-5',
      at: '2026-06-01T18:00:00+01:00',
      end: '2026-06-02T08:00:00+01:00',
      recorded: '2026-06-02T09:00:00+01:00',
    }),
    recorded({
      id: 'E-6',
      at: '2026-06-29T18:00:00+01:00',
      end: '2026-06-30T08:00:00+01:00',
      recorded: '2026-06-30T09:00:00+01:00',
    }),
    ri('RI-1', 'police:E-1', '2026-05-03T10:00:00+01:00'),
    ri('RI-2', 'police:E-2', '2026-05-16T10:00:00+01:00'),
    ri('RI-3', 'police:E-3', '2026-05-22T10:00:00+01:00', 'csc'),
    ri('RI-5', 'police:E-5', '2026-06-03T10:00:00+01:00'),
  ]
  const asOf = new Date('2026-06-30T12:00:00+01:00')
  const figures = interviewFigures(interviewsFor(missingEpisodes(versions, { asOf }), versions, { asOf }))
  const f = (agency: string, month: string) => figures.find((x) => x.agency === agency && x.month === month)
  assert.equal(f('ALL', '2026-05')?.returns, 4)
  assert.equal(f('ALL', '2026-05')?.shareInTime, 0.5)
  assert.equal(f('ri', '2026-05')?.shareInTime, 0.5, 'one in time, one late')
  assert.equal(f('csc', '2026-05')?.shareInTime, 1)
  assert.equal(f('police', '2026-05')?.overdue, 1, 'no interview: counted against the agency that reported the episode')
  assert.equal(f('ALL', '2026-06')?.returns, 1, 'an interview still due is not counted yet')
})
