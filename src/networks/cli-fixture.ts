// A small hand-made area for the storage, command-line and page tests: Bea (police, social care) and
// Cal (health, social care) are tied by one adult, Gus, recorded as "Gus Lee" by the police and
// "Gustav Lee" by social care, and by his car (YR61 KLM, written "yr61klm" by health), first tied on
// 10 February 2026; Dee and Eve are sisters sharing a parent, Fay, which is no association.
export const NETWORKS_RECEIVED_AT = new Date('2026-03-01T00:00:00Z')

const person = (
  agency: string,
  id: string,
  given: string,
  family: string,
  dob: string,
  recorded: string,
  extra: object = {},
) => ({
  type: 'person',
  agency,
  source_id: id,
  given_name: given,
  family_name: family,
  date_of_birth: dob,
  recorded_at: recorded,
  ...extra,
})

const AREA: object[] = [
  person('police', 'P-B', 'Bea', 'Moss', '2011-05-01', '2026-01-02T09:00:00', { is_child: true }),
  person('csc', 'C-B', 'Bea', 'Moss', '2011-05-01', '2026-01-02T09:00:00', { is_child: true }),
  // Cal is known to be a child by her date of birth alone
  person('health', 'H-C', 'Cal', 'Nash', '2010-09-09', '2026-01-02T09:00:00'),
  person('csc', 'C-C', 'Cal', 'Nash', '2010-09-09', '2026-01-02T09:00:00'),
  person('csc', 'C-D', 'Dee', 'Oak', '2012-01-01', '2026-01-02T09:00:00', { is_child: true }),
  person('csc', 'C-E', 'Eve', 'Oak', '2013-02-02', '2026-01-02T09:00:00', { is_child: true }),
  person('csc', 'C-F', 'Fay', 'Oak', '1985-03-03', '2026-01-02T09:00:00'),
  person('police', 'P-G', 'Gus', 'Lee', '1980-02-02', '2026-01-10T09:00:00'),
  person('csc', 'C-G', 'Gus', 'Lee', '1980-02-02', '2026-02-10T09:00:00'),
  {
    type: 'event',
    agency: 'police',
    source_id: 'E-1',
    kind: 'missing_episode',
    subject: 'P-B',
    occurred_at: '2026-01-09T22:00:00',
    ended_at: '2026-01-10T06:00:00',
    summary: 'Found in a car with an adult',
    involves: [
      { person: 'P-G', role: 'found_with' },
      { vehicle: 'YR61 KLM' },
      { location: { name: 'Bus station', postcode: 'OL16 1AA' }, role: 'found_at' },
    ],
    recorded_at: '2026-01-10T10:00:00',
  },
  {
    type: 'event',
    agency: 'health',
    source_id: 'HE-2',
    kind: 'health_attendance',
    subject: 'H-C',
    occurred_at: '2026-02-09T02:00:00',
    summary: 'Dropped at A&E by a man in a car',
    involves: [{ vehicle: 'yr61klm' }, { location: { name: 'Bus station', postcode: 'ol16 1aa' }, role: 'found_at' }],
    recorded_at: '2026-02-10T08:00:00',
  },
  {
    type: 'event',
    agency: 'csc',
    source_id: 'CE-3',
    kind: 'concern',
    subject: 'C-C',
    occurred_at: '2026-02-10T09:00:00',
    summary: 'Cal is seen with an older man',
    involves: [{ person: 'C-G', role: 'associate' }],
    recorded_at: '2026-02-10T12:00:00',
  },
  {
    type: 'relationship',
    agency: 'csc',
    source_id: 'R-1',
    from: 'C-F',
    to: 'C-D',
    kind: 'parent',
    reliability: 'confirmed',
    recorded_at: '2026-01-02T09:00:00',
  },
  {
    type: 'relationship',
    agency: 'csc',
    source_id: 'R-2',
    from: 'C-F',
    to: 'C-E',
    kind: 'parent',
    reliability: 'confirmed',
    recorded_at: '2026-01-02T09:00:00',
  },
  {
    type: 'event',
    agency: 'csc',
    source_id: 'CE-4',
    kind: 'concern',
    subject: 'C-D',
    occurred_at: '2026-01-20T09:00:00',
    summary: 'Neglect at home',
    involves: [{ person: 'C-F', role: 'family' }, { phone: '07700 900111' }],
    recorded_at: '2026-01-20T12:00:00',
  },
  {
    type: 'event',
    agency: 'csc',
    source_id: 'CE-5',
    kind: 'concern',
    subject: 'C-E',
    occurred_at: '2026-01-21T09:00:00',
    summary: 'Neglect at home',
    involves: [{ person: 'C-F', role: 'family' }, { phone: '07700900111' }],
    recorded_at: '2026-01-21T12:00:00',
  },
]

/** The area as records to import (a fresh copy each time: a test may change its own). */
export function networksArea(): object[] {
  return structuredClone(AREA)
}

export const toNdjson = (records: object[]) => records.map((r) => JSON.stringify(r)).join('\n')
