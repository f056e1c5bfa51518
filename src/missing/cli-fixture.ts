// A file in the agency-record format with returns at awkward times, for the command line's tests:
// a return late at night before the May bank holiday, returns across both changes of the clocks,
// re-sent updates, interviews late, never, declined and not held, and two children who cross the
// repeat-missing threshold (one answered by a strategy discussion). Times without an offset are
// London local time, as the format says.
const person = (agency: string, id: string, given: string, family: string, dob: string) => ({
  type: 'person',
  agency,
  source_id: id,
  given_name: given,
  family_name: family,
  date_of_birth: dob,
  recorded_at: '2026-01-05T09:00:00',
})

const episode = (
  id: string,
  subject: string,
  at: string,
  end: string | undefined,
  recorded: string,
  extra: Record<string, unknown> = {},
) => ({
  type: 'event',
  agency: 'police',
  source_id: id,
  kind: 'missing_episode',
  subject,
  occurred_at: at,
  ...(end ? { ended_at: end } : {}),
  recorded_at: recorded,
  ...extra,
})

const interview = (id: string, subject: string, at: string, recorded: string, extra: Record<string, unknown> = {}) => ({
  type: 'event',
  agency: 'csc',
  source_id: id,
  kind: 'return_interview',
  subject,
  occurred_at: at,
  recorded_at: recorded,
  ...extra,
})

/** Ben, Cara and Dan, each known to the police and to children's social care. */
const children = (): object[] => [
  person('police', 'P-3001', 'Ben', 'Jones', '2011-02-02'),
  person('csc', 'C-300', 'Ben', 'Jones', '2011-02-02'),
  person('police', 'P-4001', 'Cara', 'Brown', '2012-04-04'),
  person('csc', 'C-400', 'Cara', 'Brown', '2012-04-04'),
  person('police', 'P-5001', 'Dan', 'Green', '2010-09-09'),
  person('csc', 'C-500', 'Dan', 'Green', '2010-09-09'),
]

/** Ben: returns late at night, across both changes of the clocks and before a bank holiday. */
const bensReturns = (): object[] => [
  // Ben, March: sent while missing, re-sent on return, late at night just before the clocks go forward (29 March)
  episode('E-B2', 'P-3001', '2026-03-27T22:00:00', undefined, '2026-03-27T23:00:00', {
    missing_from: 'home',
    risk_grading: 'medium',
  }),
  episode('E-B2', 'P-3001', '2026-03-27T22:00:00', '2026-03-28T01:30:00', '2026-03-28T02:00:00', {
    missing_from: 'home',
    risk_grading: 'medium',
    involves: [{ location: { name: 'Bus station', postcode: 'OL16 1NT' }, role: 'found_at' }],
  }),
  // Ben, May: back at 23:45 on the Friday before the bank holiday (Monday 4 May); the carer reported the same absence
  episode('E-B1', 'P-3001', '2026-05-01T20:00:00', '2026-05-01T23:45:00', '2026-05-02T00:30:00', {
    risk_grading: 'low',
    involves: [
      { location: { name: 'Bus station', postcode: 'OL16 1NT' }, role: 'found_at' },
      { vehicle: 'AB12 CDE', role: 'found_with' },
    ],
  }),
  {
    type: 'event',
    agency: 'csc',
    source_id: 'M-B1',
    kind: 'missing_episode',
    subject: 'C-300',
    occurred_at: '2026-05-01T19:30:00',
    ended_at: '2026-05-02T00:10:00',
    recorded_at: '2026-05-02T08:00:00',
    missing_from: 'care_placement',
    risk_grading: 'high',
  },
  interview('RI-B1', 'C-300', '2026-05-05T10:00:00', '2026-05-05T12:00:00', {
    episode: 'police:E-B1',
    status: 'done',
    child_account: 'I went to see my friends in town.',
  }),
  // Ben, October: back at 23:30 the night before the clocks go back (25 October); seen 15 minutes after 72 real hours
  episode('E-B3', 'P-3001', '2026-10-23T21:00:00', '2026-10-24T23:30:00', '2026-10-25T00:30:00'),
  interview('RI-B3', 'C-300', '2026-10-27T22:45:00', '2026-10-28T09:00:00', {
    child_account: 'A man I know gave me a lift.',
  }),
]

/** Cara: interviews declined, not held and done in time; repeatedly missing. */
const carasReturns = (): object[] => [
  // Cara: declined, not held, done in time; her third episode in 30 days makes her repeatedly missing
  episode('E-C1', 'P-4001', '2026-06-10T14:00:00', '2026-06-10T18:00:00', '2026-06-10T19:00:00', {
    risk_grading: 'low',
  }),
  episode('E-C1', 'P-4001', '2026-06-10T14:00:00', '2026-06-10T18:00:00', '2026-06-12T09:00:00', {
    risk_grading: 'medium',
  }),
  interview('RI-C1', 'C-400', '2026-06-11T10:00:00', '2026-06-11T11:00:00', {
    episode: 'police:E-C1',
    status: 'declined',
    reason: 'Cara said she did not want to talk to anyone.',
  }),
  episode('E-C2', 'P-4001', '2026-06-20T23:30:00', '2026-06-21T02:15:00', '2026-06-21T03:00:00'),
  interview('RI-C2', 'C-400', '2026-06-23T09:00:00', '2026-06-23T09:30:00', {
    episode: 'police:E-C2',
    status: 'not_held',
    reason: 'Placement moved Cara out of the area the next day.',
  }),
  episode('E-C3', 'P-4001', '2026-06-30T16:00:00', '2026-07-01T09:00:00', '2026-07-01T10:00:00'),
  interview('RI-C3', 'C-400', '2026-07-02T15:00:00', '2026-07-02T17:00:00', {
    episode: 'police:E-C3',
    status: 'done',
    child_account: 'I stayed at a flat.',
  }),
]

/** Dan: three episodes in July and no interviews; a strategy discussion answers the crossing. */
const dansReturns = (): object[] => [
  // Dan: three in July, no interviews; the third sent open then re-sent; a strategy discussion answers the crossing
  {
    type: 'event',
    agency: 'csc',
    source_id: 'SD-D0',
    kind: 'strategy_discussion',
    subject: 'C-500',
    occurred_at: '2026-06-01T10:00:00',
    recorded_at: '2026-06-01T12:00:00',
  },
  episode('E-D1', 'P-5001', '2026-07-01T20:00:00', '2026-07-02T08:00:00', '2026-07-02T09:00:00'),
  episode('E-D2', 'P-5001', '2026-07-10T21:00:00', '2026-07-11T07:00:00', '2026-07-11T08:00:00'),
  episode('E-D3', 'P-5001', '2026-07-25T22:00:00', undefined, '2026-07-25T23:00:00'),
  episode('E-D3', 'P-5001', '2026-07-25T22:00:00', '2026-07-26T06:00:00', '2026-07-26T07:00:00'),
  {
    type: 'event',
    agency: 'csc',
    source_id: 'SD-D1',
    kind: 'strategy_discussion',
    subject: 'C-500',
    occurred_at: '2026-07-28T10:00:00',
    recorded_at: '2026-07-28T12:00:00',
    next_episode_plan: 'Check the bus station first; call the allocated social worker.',
  },
]

export function awkwardReturns(): object[] {
  return [...children(), ...bensReturns(), ...carasReturns(), ...dansReturns()]
}

export const toNdjson = (objects: object[]) => objects.map((o) => JSON.stringify(o)).join('\n') + '\n'
