import { test } from 'node:test'
import assert from 'node:assert/strict'
import { DateTime } from 'luxon'
import { validateRecord } from './validate.ts'
import type { EventRecord } from './types.ts'

const agencies = new Set(['police'])
const event = (fields: Record<string, unknown>) =>
  validateRecord(
    { type: 'event', agency: 'police', source_id: 'E-1', kind: 'note', subject: 'P-1', ...fields },
    { agencies },
  )

test('times without an offset are Europe/London, across both clock changes', () => {
  const cases = [
    '2008-05-02T23:10:00',
    '2009-01-15T08:00',
    '2021-03-28T00:30:00',
    '2021-03-28T02:30:00',
    '2021-10-31T01:30:00',
    '2021-10-31T03:00:00.5',
    '2008-05-02',
    '2008-05-02T23:10:00+02:00',
    '2008-05-02T23:10:00Z',
  ]
  for (const value of cases) {
    const v = event({ occurred_at: value })
    assert.ok(v.ok, value)
    const expected = DateTime.fromISO(value, { zone: 'Europe/London' }).toUTC().toISO()
    assert.equal((v.record as EventRecord).occurred_at, expected, value)
  }
})

test('impossible dates and times are refused with the field and what was expected', () => {
  for (const value of ['2007-02-31T10:00:00', '2007-13-01', '2007-01-01T25:00', '01/02/2007', 'yesterday']) {
    const v = event({ occurred_at: value })
    assert.equal(v.ok, false, value)
    if (!v.ok) assert.match(v.errors[0].message, /is not an ISO 8601 time \(expected e\.g\./)
  }
})

test('kind-specific fields are checked and kept; unknown fields are kept as sent', () => {
  const v = validateRecord(
    {
      type: 'event',
      agency: 'police',
      source_id: 'R-1',
      kind: 'return_interview',
      subject: 'P-1',
      occurred_at: '2009-01-01',
      status: 'not_held',
      reason: 'child refused',
      episode: 'police:E-77',
      house_style: 3,
    },
    { agencies },
  )
  assert.ok(v.ok)
  assert.deepEqual((v.record as EventRecord).extra, {
    episode: 'police:E-77',
    status: 'not_held',
    reason: 'child refused',
    house_style: 3,
  })
  const missing = validateRecord(
    {
      type: 'event',
      agency: 'police',
      source_id: 'R-2',
      kind: 'return_interview',
      subject: 'P-1',
      occurred_at: '2009-01-01',
      status: 'declined',
    },
    { agencies },
  )
  assert.equal(missing.ok, false)
  if (!missing.ok)
    assert.deepEqual(missing.errors, [{ field: 'reason', message: 'is required when status is declined' }])
  const bad = validateRecord(
    {
      type: 'event',
      agency: 'police',
      source_id: 'X',
      kind: 'missing_episode',
      subject: 'P-1',
      occurred_at: '2009-01-01',
      risk_grading: 'extreme',
      involves: [{ vehicle: 'AB12 CDE', phone: '07700900123' }],
    },
    { agencies },
  )
  assert.equal(bad.ok, false)
  if (!bad.ok)
    assert.deepEqual(
      bad.errors.map((e) => e.field),
      ['involves[0]', 'risk_grading'],
    )
})

test('restricted by default for sexual health, pregnancy, termination and intelligence, unless sent false', () => {
  assert.equal(
    (event({ kind: 'sexual_health', occurred_at: '2009-01-01' }) as { record: EventRecord }).record.restricted,
    true,
  )
  assert.equal(
    (event({ kind: 'intelligence', occurred_at: '2009-01-01', restricted: false }) as { record: EventRecord }).record
      .restricted,
    false,
  )
  assert.equal(
    (event({ kind: 'concern', occurred_at: '2009-01-01', restricted: true }) as { record: EventRecord }).record
      .restricted,
    true,
  )
})

test('a withdrawal needs only its framing', () => {
  const v = validateRecord(
    { type: 'person', agency: 'police', source_id: 'P-1', withdrawn: true, reason: 'sent in error' },
    { agencies },
  )
  assert.ok(v.ok)
  const w = validateRecord({ type: 'person', source_id: 'P-1' }, { agencies, defaultAgency: 'police' })
  assert.equal(w.ok, false, 'a person needs a name')
})
