import { test } from 'node:test'
import assert from 'node:assert/strict'
import { event } from './testing.ts'
import { unanswered, type ConcernEvent } from './unanswered.ts'

const concern = (occurred: string, agency: string, recorded?: string, extra: { until?: string } = {}) =>
  event('concern', occurred, { agency, ...(recorded ? { recorded } : {}), ...extra }) as ConcernEvent
const response = (kind: 'strategy_discussion' | 'assessment', occurred: string, recorded?: string) =>
  event(kind, occurred, { agency: 'csc', ...(recorded ? { recorded } : {}) }) as ConcernEvent
const iso = (d: Date | null) => d?.toISOString() ?? null

// Three concerns from two agencies; the third known on Thursday 24 May 2012. Ten working days skip the
// Diamond Jubilee holidays (Monday 4 and Tuesday 5 June): the 10th is Monday 11 June, overdue from 00:00 BST on 12 June.
const concerns = [
  concern('2012-04-02', 'school'),
  concern('2012-05-10', 'police'),
  concern('2012-05-24T09:00:00+01:00', 'health', '2012-05-24T15:00:00+01:00'),
]

test('three concerns from two agencies with no response become unanswered after 10 working days, bank holidays excluded', () => {
  const before = unanswered(concerns, [], { asOf: '2012-06-11T23:59:59+01:00' })
  assert.equal(before.status, 'awaiting_response')
  assert.equal(iso(before.dueAt), '2012-06-11T23:00:00.000Z')
  assert.equal(before.trigger?.kind, 'concerns')
  assert.equal(iso(before.trigger!.at), '2012-05-24T14:00:00.000Z')
  const after = unanswered(concerns, [], { asOf: '2012-06-12T00:00:00+01:00' })
  assert.equal(after.status, 'unanswered')
  assert.equal(iso(after.unansweredSince), '2012-06-11T23:00:00.000Z')
  assert.deepEqual(
    after.trigger!.concerns.map((c) => c.agency),
    ['school', 'police', 'health'],
  )
  assert.deepEqual(
    after.concerns.map((c) => c.agency),
    ['school', 'police', 'health'],
  )
  assert.equal(after.trigger!.startDate, '2012-05-24') // a response must follow the last of them
  // As of before the third concern was recorded: nothing.
  assert.equal(unanswered(concerns, [], { asOf: '2012-05-24T14:00:00+01:00' }).status, 'clear')
  // With 5 working days instead: Friday 25, Monday 28 … Thursday 31 May, due by the end of 31 May.
  assert.equal(
    iso(unanswered(concerns, [], { asOf: '2012-06-20T00:00:00Z', workingDays: 5 }).unansweredSince),
    '2012-05-31T23:00:00.000Z',
  )
})

test('a response answers the trigger from the moment it is recorded, not before', () => {
  const events = [
    ...concerns,
    response('strategy_discussion', '2012-06-08T10:00:00+01:00', '2012-06-14T10:00:00+01:00'),
  ]
  const lateRecord = unanswered(events, [], { asOf: '2012-06-13T12:00:00+01:00' })
  assert.equal(lateRecord.status, 'unanswered') // what was known on 13 June
  const known = unanswered(events, [], { asOf: '2012-06-14T12:00:00+01:00' })
  assert.equal(known.status, 'clear')
  assert.equal(known.unansweredSince, null)
  assert.equal(known.answered.length, 1)
  assert.equal(known.answered[0].answeredLate, true)
  assert.deepEqual(known.concerns, []) // all answered
  const inTime = unanswered([...concerns, response('assessment', '2012-05-30')], [], { asOf: '2012-07-01T00:00:00Z' })
  assert.equal(inTime.status, 'clear')
  assert.equal(inTime.answered[0].answeredLate, false)
})

test('a response must follow the concerns: one before or between them does not answer them', () => {
  const asOf = '2012-07-01T00:00:00Z'
  assert.equal(unanswered([response('assessment', '2012-03-01'), ...concerns], [], { asOf }).status, 'unanswered')
  assert.equal(unanswered([response('assessment', '2012-05-11'), ...concerns], [], { asOf }).status, 'unanswered')
  // Took place after the last concern but was recorded before that concern was: answers it at once.
  const early = [
    concerns[0],
    concerns[1],
    response('assessment', '2012-05-25', '2012-05-25T12:00:00Z'),
    concern('2012-05-24T09:00:00+01:00', 'health', '2012-05-30T12:00:00Z'),
  ]
  const s = unanswered(early, [], { asOf })
  assert.equal(s.status, 'clear')
  assert.equal(s.answered.length, 1)
  assert.equal(s.answered[0].answeredLate, false)
})

test('concerns recorded late count by the dates they happened; the clock starts when the last is recorded', () => {
  const late = [
    concern('2012-01-10', 'school'),
    concern('2012-02-20', 'police'),
    concern('2012-04-05', 'health', '2012-06-01T09:00:00+01:00'),
  ]
  assert.equal(unanswered(late, [], { asOf: '2012-05-31T12:00:00Z' }).status, 'clear')
  const s = unanswered(late, [], { asOf: '2012-07-01T00:00:00Z' })
  assert.equal(s.status, 'unanswered')
  assert.equal(iso(s.trigger!.at), '2012-06-01T08:00:00.000Z')
  assert.equal(iso(s.unansweredSince), '2012-06-19T23:00:00.000Z') // 10 working days after Friday 1 June: Jubilee excluded, Tuesday 19
  // After a response to them, only concerns after it count towards the next trigger.
  const more = [
    ...late,
    response('strategy_discussion', '2012-06-05', '2012-06-05T12:00:00Z'),
    concern('2012-06-10', 'school'),
    concern('2012-06-11', 'police'),
  ]
  assert.equal(unanswered(more, [], { asOf: '2012-09-01T00:00:00Z' }).status, 'clear')
  assert.equal(
    unanswered([...more, concern('2012-06-12', 'health')], [], { asOf: '2012-09-01T00:00:00Z' }).status,
    'unanswered',
  )
})

test('fewer than 3 concerns, one agency, or concerns spread over more than 90 days do not trigger', () => {
  const asOf = '2012-12-01T00:00:00Z'
  assert.equal(unanswered(concerns.slice(1), [], { asOf }).status, 'clear')
  const oneAgency = [concern('2012-05-01', 'police'), concern('2012-05-02', 'police'), concern('2012-05-03', 'police')]
  assert.equal(unanswered(oneAgency, [], { asOf }).status, 'clear')
  const spread = [concern('2012-02-24', 'school'), concern('2012-04-01', 'police'), concern('2012-05-24', 'health')]
  assert.equal(unanswered(spread, [], { asOf }).status, 'clear') // 24 February is 90 days before 24 May
  const within = [concern('2012-02-25', 'school'), concern('2012-04-01', 'police'), concern('2012-05-24', 'health')]
  assert.equal(unanswered(within, [], { asOf }).status, 'unanswered')
  const contact = [...within.slice(0, 2), event('contact_referral', '2012-05-24', { agency: 'health' }) as ConcernEvent]
  assert.equal(unanswered(contact, [], { asOf }).status, 'unanswered')
  // A withdrawn concern is out of the rule from its withdrawal on.
  const withdrawn = [
    ...within.slice(0, 2),
    concern('2012-05-24', 'health', undefined, { until: '2012-06-01T00:00:00Z' }),
  ]
  assert.equal(unanswered(withdrawn, [], { asOf }).status, 'clear')
})

test('band 3 with no response: due 10 working days after the rise, over the Platinum Jubilee', () => {
  const timeline = [
    { at: '2022-04-01T10:00:00+01:00', band: 2 },
    { at: '2022-05-27T10:00:00+01:00', band: 3 }, // Friday; Thursday 2 and Friday 3 June were bank holidays
    { at: '2022-06-06T10:00:00+01:00', band: 4 },
  ]
  const s = unanswered([], timeline, { asOf: '2022-06-20T00:00:00Z' })
  assert.equal(s.status, 'unanswered')
  assert.equal(s.trigger?.kind, 'band')
  assert.equal(s.trigger?.band, 4)
  assert.equal(iso(s.unansweredSince), '2022-06-14T23:00:00.000Z') // end of Tuesday 14 June
  assert.equal(unanswered([], timeline, { asOf: '2022-06-14T23:59:59+01:00' }).status, 'awaiting_response')
  assert.equal(unanswered([], timeline.slice(0, 1), { asOf: '2022-06-20T00:00:00Z' }).status, 'clear')
  // Falling back below 3 is not a response.
  const fell = [...timeline.slice(0, 2), { at: '2022-06-01T00:00:00Z', band: 2 }]
  assert.equal(unanswered([], fell, { asOf: '2022-06-20T00:00:00Z' }).status, 'unanswered')
  // A response answers; a later rise needs a response of its own.
  const answered = unanswered([response('strategy_discussion', '2022-05-30')], timeline.slice(0, 2), {
    asOf: '2022-09-01T00:00:00Z',
  })
  assert.equal(answered.status, 'clear')
  const again = unanswered(
    [response('strategy_discussion', '2022-05-30')],
    [...timeline.slice(0, 2), { at: '2022-07-01T10:00:00+01:00', band: 4 }],
    {
      asOf: '2022-09-01T00:00:00Z',
    },
  )
  assert.equal(again.status, 'unanswered')
  assert.equal(iso(again.unansweredSince), '2022-07-15T23:00:00.000Z')
})

test('Christmas substitute days in the count', () => {
  // Band 3 on Friday 17 December 2021: Monday 27 and Tuesday 28 December and Monday 3 January are holidays.
  const s = unanswered([], [{ at: '2021-12-17T10:00:00Z', band: 3 }], { asOf: '2022-02-01T00:00:00Z' })
  assert.equal(iso(s.unansweredSince), '2022-01-06T00:00:00.000Z') // end of Wednesday 5 January
})
