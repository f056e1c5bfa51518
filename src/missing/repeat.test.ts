import { test } from 'node:test'
import assert from 'node:assert/strict'
import { missingEpisodes } from './episodes.ts'
import { repeatMissing, strategyDiscussionsFrom } from './repeat.ts'
import { recorded } from './test-fixtures.ts'
import type { RecordedEvent } from './types.ts'

const ep = (id: string, at: string, recordedAt = at, agency = 'police', child = 'C1') =>
  recorded({
    id,
    agency,
    child,
    at,
    end: new Date(new Date(at).getTime() + 6 * 3_600_000).toISOString(),
    recorded: recordedAt,
  })
const sd = (id: string, at: string, recordedAt = at, child = 'C1') =>
  recorded({ kind: 'strategy_discussion', agency: 'csc', id, child, at, recorded: recordedAt })

function rowAt(versions: RecordedEvent[], asOf: string, child = 'C1', threshold?: number, days?: number) {
  const at = new Date(asOf)
  return repeatMissing(missingEpisodes(versions, { asOf: at }), strategyDiscussionsFrom(versions, at), {
    asOf: at,
    threshold,
    days,
  }).find((r) => r.childId === child)
}

const three = [
  ep('E-1', '2026-03-01T22:00:00Z'),
  ep('E-2', '2026-03-10T22:00:00Z'),
  ep('E-3', '2026-03-30T21:00:00+01:00', '2026-03-31T08:00:00+01:00'), // 29 days later, after the clocks changed
]

test('three episodes starting within 30 days cross the threshold when the third is recorded', () => {
  assert.equal(rowAt(three, '2026-03-31T06:00:00Z')?.listed, false, 'the third was not recorded yet')
  const row = rowAt(three, '2026-03-31T12:00:00Z')!
  assert.equal(row.listed, true)
  assert.equal(row.episodesInWindow, 3)
  assert.equal(row.firstCrossedAt?.toISOString(), '2026-03-31T07:00:00.000Z')
  assert.equal(row.strategyDiscussionAt, null)
  assert.equal(rowAt(three, '2026-06-01T00:00:00Z')?.listed, true, 'the alert stays until a strategy discussion')
  assert.equal(rowAt(three, '2026-04-01T00:00:00Z', 'C1', 4)?.listed, false, 'the count is a setting')
  assert.equal(rowAt(three, '2026-04-01T00:00:00Z', 'C1', 3, 20)?.listed, false, 'the days are a setting')
})

test('three episodes spread over more than 30 days do not cross', () => {
  const spread = [
    ep('E-1', '2026-03-01T22:00:00Z'),
    ep('E-2', '2026-03-10T22:00:00Z'),
    ep('E-3', '2026-03-31T23:30:00+01:00'),
  ]
  const row = rowAt(spread, '2026-04-05T00:00:00Z')!
  assert.equal(row.listed, false)
  assert.equal(row.firstCrossedAt, null)
  assert.equal(row.episodesInWindow, 2)
})

test('a police and carer report of the same absence counts once', () => {
  const dup = [
    ep('E-1', '2026-03-01T22:00:00Z'),
    ep('M-1', '2026-03-01T21:00:00Z', '2026-03-01T22:30:00Z', 'carehome'),
    ep('E-2', '2026-03-10T22:00:00Z'),
  ]
  assert.equal(rowAt(dup, '2026-03-20T00:00:00Z')?.listed, false)
})

test('a strategy discussion after the crossing clears the child, from when it is recorded', () => {
  const versions = [...three, sd('S-1', '2026-04-02T10:00:00+01:00', '2026-04-03T09:00:00+01:00')]
  assert.equal(rowAt(versions, '2026-04-02T23:00:00Z')?.listed, true, 'held but not yet recorded')
  const row = rowAt(versions, '2026-04-03T12:00:00Z')!
  assert.equal(row.listed, false)
  assert.equal(row.strategyDiscussionAt?.toISOString(), '2026-04-02T09:00:00.000Z')
  assert.equal(row.firstCrossedAt?.toISOString(), '2026-03-31T07:00:00.000Z')
})

test('a strategy discussion before the crossing does not answer it', () => {
  const versions = [...three, sd('S-0', '2026-03-15T10:00:00Z')]
  const row = rowAt(versions, '2026-04-01T00:00:00Z')!
  assert.equal(row.listed, true)
  assert.equal(row.lastStrategyDiscussionAt?.toISOString(), '2026-03-15T10:00:00.000Z')
})

test('after a discussion, only new episodes count: one more does not re-list, three more do', () => {
  const cleared = [...three, sd('S-1', '2026-04-02T09:00:00Z')]
  const oneMore = [...cleared, ep('E-4', '2026-04-05T22:00:00Z')]
  assert.equal(rowAt(oneMore, '2026-04-06T12:00:00Z')?.listed, false)
  const threeMore = [...oneMore, ep('E-5', '2026-04-12T22:00:00Z'), ep('E-6', '2026-04-20T22:00:00Z')]
  const row = rowAt(threeMore, '2026-04-21T12:00:00Z')!
  assert.equal(row.listed, true)
  assert.equal(row.crossings.length, 2)
  assert.equal(row.firstCrossedAt?.toISOString(), '2026-04-20T22:00:00.000Z')
  assert.equal(row.episodesInWindow, 3)
})

test('an episode recorded late crosses the threshold when it is recorded, not when it happened', () => {
  const versions = [
    ep('E-1', '2026-05-01T22:00:00Z', '2026-05-20T09:00:00Z'),
    ep('E-2', '2026-05-05T22:00:00Z'),
    ep('E-3', '2026-05-09T22:00:00Z'),
  ]
  assert.equal(rowAt(versions, '2026-05-15T00:00:00Z')?.listed, false)
  assert.equal(rowAt(versions, '2026-05-21T00:00:00Z')?.firstCrossedAt?.toISOString(), '2026-05-20T09:00:00.000Z')
})
