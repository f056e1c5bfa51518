// A small area for the partnership's tests: returns either side of a quarter's end (in summer time),
// one absence reported by two agencies, an interview recorded months after its quarter, an NFA, and
// referrals a year apart. Names are fictional.
const person = (agency: string, id: string, given: string) => ({
  type: 'person',
  agency,
  source_id: id,
  given_name: given,
  family_name: 'Quillfeather',
  date_of_birth: '2011-05-05',
  recorded_at: '2026-01-02T09:00:00',
})
const event = (
  agency: string,
  id: string,
  kind: string,
  subject: string,
  at: string,
  recorded: string,
  extra = {},
) => ({
  type: 'event',
  agency,
  source_id: id,
  kind,
  subject,
  occurred_at: at,
  recorded_at: recorded,
  ...extra,
})

export function figuresArea(): object[] {
  return [
    person('police', 'P-1', 'Ava'),
    person('csc', 'C-1', 'Ava'),
    person('police', 'P-2', 'Bea'),
    person('csc', 'C-2', 'Bea'),
    person('health', 'H-1', 'Ava'),
    // back at 23:30 on 31 March (summer time): the first quarter; reported by the police and the carer
    event('police', 'E-1', 'missing_episode', 'P-1', '2026-03-30T20:00:00', '2026-03-31T23:45:00', {
      ended_at: '2026-03-31T23:30:00',
    }),
    event('csc', 'M-1', 'missing_episode', 'C-1', '2026-03-30T21:00:00', '2026-04-01T09:00:00', {
      ended_at: '2026-03-31T23:30:00',
    }),
    // held in time, recorded in July: still the first quarter's
    event('csc', 'RI-1', 'return_interview', 'C-1', '2026-04-02T10:00:00', '2026-07-10T09:00:00', {
      episode: 'police:E-1',
      status: 'done',
    }),
    // back at 00:30 on 1 April, London time (still 31 March in UTC): the second quarter; seen late
    event('police', 'E-2', 'missing_episode', 'P-2', '2026-03-31T22:00:00', '2026-04-01T01:00:00', {
      ended_at: '2026-04-01T00:30:00',
    }),
    event('csc', 'RI-2', 'return_interview', 'C-2', '2026-04-05T10:00:00', '2026-04-05T12:00:00', {
      episode: 'police:E-2',
      status: 'done',
    }),
    event('police', 'E-3', 'missing_episode', 'P-2', '2026-05-10T20:00:00', '2026-05-11T09:00:00', {
      ended_at: '2026-05-11T08:00:00',
    }),
    event('csc', 'RI-3', 'return_interview', 'C-2', '2026-05-12T10:00:00', '2026-05-12T12:00:00', {
      episode: 'police:E-3',
      status: 'declined',
      reason: 'Did not want to talk.',
    }),
    event('police', 'E-4', 'missing_episode', 'P-1', '2026-06-01T20:00:00', '2026-06-02T09:00:00', {
      ended_at: '2026-06-02T08:00:00',
    }),
    event('csc', 'RI-4', 'return_interview', 'C-1', '2026-06-03T10:00:00', '2026-06-03T12:00:00', {
      episode: 'police:E-4',
    }),
    // still missing: not ended, not counted
    event('police', 'E-5', 'missing_episode', 'P-2', '2026-08-01T20:00:00', '2026-08-01T21:00:00'),
    event('police', 'N-1', 'police_nfa', 'P-2', '2026-05-20T10:00:00', '2026-05-20T12:00:00'),
    event('health', 'HC-1', 'concern', 'H-1', '2026-02-01T10:00:00', '2026-02-01T12:00:00'),
    event('csc', 'R-1', 'contact_referral', 'C-1', '2026-01-10T10:00:00', '2026-01-10T12:00:00'),
    event('csc', 'R-2', 'contact_referral', 'C-2', '2026-02-15T10:00:00', '2026-02-15T12:00:00'),
    event('csc', 'R-3', 'contact_referral', 'C-1', '2026-11-20T10:00:00', '2026-11-20T12:00:00'),
  ]
}

/** Seven more returns in July to September 2026 (police), five seen in time: figures big enough to show. */
export function summerEpisodes(): object[] {
  const out: object[] = []
  for (let i = 1; i <= 7; i++) {
    const d = String(i * 3).padStart(2, '0')
    out.push(
      event(
        'police',
        `S-${i}`,
        'missing_episode',
        i % 2 ? 'P-1' : 'P-2',
        `2026-08-${d}T20:00:00`,
        `2026-08-${d}T23:00:00`,
        {
          ended_at: `2026-08-${d}T22:00:00`,
        },
      ),
    )
    if (i <= 5)
      out.push(
        event(
          'csc',
          `SI-${i}`,
          'return_interview',
          i % 2 ? 'C-1' : 'C-2',
          `2026-08-${d}T23:00:00`,
          `2026-08-${d}T23:30:00`,
          {
            episode: `police:S-${i}`,
          },
        ),
      )
  }
  return out
}
