import { test } from 'node:test'
import assert from 'node:assert/strict'
import { missingEpisodes } from './episodes.ts'
import { recorded, place, person, vehicle } from './test-fixtures.ts'

const asOf = new Date('2026-06-30T12:00:00Z')

test('the same episode reported by police and by the care provider is one episode with both sources', () => {
  const eps = missingEpisodes(
    [
      recorded({
        agency: 'carehome',
        id: 'M-9',
        at: '2026-05-02T21:30:00+01:00',
        end: '2026-05-04T09:30:00+01:00',
        recorded: '2026-05-02T22:00:00+01:00',
        extra: { missing_from: 'care_placement', risk_grading: 'medium' },
        involves: [place('OL161PA')],
      }),
      recorded({
        agency: 'police',
        id: 'E-77',
        at: '2026-05-02T23:10:00+01:00',
        end: '2026-05-04T09:00:00+01:00',
        recorded: '2026-05-03T00:05:00+01:00',
        extra: { risk_grading: 'high', reported_by: 'care home manager' },
        involves: [place('OL161PA'), vehicle('AB12CDE')],
      }),
    ],
    { asOf },
  )
  assert.equal(eps.length, 1)
  const ep = eps[0]
  assert.deepEqual(ep.sources, ['carehome:M-9', 'police:E-77'])
  assert.equal(ep.id, 'carehome:M-9', 'the first-known report names the episode')
  assert.equal(ep.startedAt.toISOString(), '2026-05-02T20:30:00.000Z')
  assert.equal(ep.returnedAt?.toISOString(), '2026-05-04T08:00:00.000Z', 'the earliest return')
  assert.equal(ep.riskGrading, 'high', 'the highest grading wins')
  assert.equal(ep.missingFrom, 'care_placement')
  assert.equal(ep.reportedBy, 'care home manager')
  assert.equal(ep.foundAt.length, 1, 'a place named by both reports counts once')
  assert.equal(ep.foundWith.map((x) => x.key).join(), 'vehicle:AB12CDE')
})

test('reports are separate episodes when intervals do not overlap, starts are far apart, agencies or children differ', () => {
  const eps = missingEpisodes(
    [
      // returned at 22:30, gone again at 01:00 reported by the carer: two episodes
      recorded({
        agency: 'police',
        id: 'E-1',
        at: '2026-05-10T20:00:00+01:00',
        end: '2026-05-10T22:30:00+01:00',
        recorded: '2026-05-10T20:30:00+01:00',
      }),
      recorded({
        agency: 'carehome',
        id: 'M-1',
        at: '2026-05-11T01:00:00+01:00',
        end: '2026-05-11T06:00:00+01:00',
        recorded: '2026-05-11T01:10:00+01:00',
      }),
      // starts 8 hours apart, both open: two episodes
      recorded({ agency: 'police', id: 'E-2', at: '2026-05-20T08:00:00+01:00', recorded: '2026-05-20T08:30:00+01:00' }),
      recorded({
        agency: 'carehome',
        id: 'M-2',
        at: '2026-05-20T16:00:00+01:00',
        recorded: '2026-05-20T16:30:00+01:00',
      }),
      // the same agency twice: its own ids say they differ
      recorded({ agency: 'police', id: 'E-3', at: '2026-06-01T08:00:00+01:00', recorded: '2026-06-01T08:30:00+01:00' }),
      recorded({ agency: 'police', id: 'E-4', at: '2026-06-01T09:00:00+01:00', recorded: '2026-06-01T09:30:00+01:00' }),
      // another child at the same time
      recorded({
        agency: 'carehome',
        id: 'M-5',
        child: 'C2',
        at: '2026-06-01T08:00:00+01:00',
        recorded: '2026-06-01T08:30:00+01:00',
      }),
    ],
    { asOf },
  )
  assert.equal(eps.length, 7)
})

test('an open police report merges with the carer report that already has the return, within the merge window', () => {
  const eps = missingEpisodes(
    [
      recorded({ agency: 'police', id: 'E-5', at: '2026-05-02T23:00:00+01:00', recorded: '2026-05-02T23:30:00+01:00' }),
      recorded({
        agency: 'carehome',
        id: 'M-5',
        at: '2026-05-02T18:00:00+01:00',
        end: '2026-05-03T10:00:00+01:00',
        recorded: '2026-05-03T10:05:00+01:00',
      }),
    ],
    { asOf, mergeWithinHours: 6 },
  )
  assert.equal(eps.length, 1)
  assert.equal(eps[0].id, 'police:E-5')
  assert.equal(eps[0].returnedAt?.toISOString(), '2026-05-03T09:00:00.000Z')
  assert.equal(
    missingEpisodes(
      [
        recorded({
          agency: 'police',
          id: 'E-5',
          at: '2026-05-02T23:00:00+01:00',
          recorded: '2026-05-02T23:30:00+01:00',
        }),
        recorded({
          agency: 'carehome',
          id: 'M-5',
          at: '2026-05-02T18:00:00+01:00',
          recorded: '2026-05-03T10:05:00+01:00',
        }),
      ],
      { asOf, mergeWithinHours: 4 },
    ).length,
    2,
    'the window is a setting',
  )
})

test('a re-sent episode updates it, and as of a moment the version recorded by then is used', () => {
  const versions = [
    recorded({
      id: 'E-9',
      at: '2026-03-01T19:00:00Z',
      recorded: '2026-03-01T19:30:00Z',
      extra: { risk_grading: 'low' },
    }),
    recorded({
      id: 'E-9',
      at: '2026-03-01T19:00:00Z',
      end: '2026-03-02T07:00:00Z',
      recorded: '2026-03-02T08:00:00Z',
      extra: { risk_grading: 'medium' },
      involves: [person('P-2001')],
    }),
  ]
  const before = missingEpisodes(versions, { asOf: new Date('2026-03-02T07:59:00Z') })
  assert.equal(before.length, 1)
  assert.equal(before[0].returnedAt, null)
  assert.equal(before[0].riskGrading, 'low')
  const after = missingEpisodes(versions, { asOf })
  assert.equal(after.length, 1, 'a re-send never duplicates')
  assert.equal(after[0].returnedAt?.toISOString(), '2026-03-02T07:00:00.000Z')
  assert.equal(after[0].returnRecordedAt?.toISOString(), '2026-03-02T08:00:00.000Z')
  assert.equal(after[0].recordedAt.toISOString(), '2026-03-01T19:30:00.000Z', 'first known when first recorded')
  assert.equal(after[0].durationHours, 12)
  assert.equal(after[0].foundWith[0].key, 'person:police:P-2001')
  assert.equal(missingEpisodes(versions, { asOf: new Date('2026-03-01T19:00:00Z') }).length, 0, 'not yet recorded')
})

test('a withdrawn episode drops out from its recorded time on', () => {
  const versions = [
    recorded({ id: 'E-10', at: '2026-04-01T19:00:00+01:00', recorded: '2026-04-01T20:00:00+01:00' }),
    recorded({ id: 'E-10', at: '2026-04-01T19:00:00+01:00', recorded: '2026-04-03T09:00:00+01:00', withdrawn: true }),
  ]
  assert.equal(missingEpisodes(versions, { asOf: new Date('2026-04-02T00:00:00Z') }).length, 1)
  assert.equal(missingEpisodes(versions, { asOf }).length, 0)
})

test('a time without an offset is London local time', () => {
  const [ep] = missingEpisodes(
    [recorded({ id: 'E-11', at: '2026-07-01T23:10:00', end: '2026-07-02T01:00:00', recorded: '2026-07-02T02:00:00Z' })],
    { asOf: new Date('2026-07-03T00:00:00Z') },
  )
  assert.equal(ep.startedAt.toISOString(), '2026-07-01T22:10:00.000Z')
})
