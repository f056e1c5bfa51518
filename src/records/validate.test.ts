import { test } from 'node:test'
import assert from 'node:assert/strict'
import { DateTime } from 'luxon'
import { validateLine, validateRecord } from './validate.ts'
import { goodLines, hostileLines } from './hostile-fixtures.ts'
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

test('every hostile line is refused, naming the field, and nothing in it throws', () => {
  for (const h of hostileLines()) {
    const v = validateLine({ text: h.text }, { agencies })
    assert.equal(v.ok, false, h.why)
    if (v.ok) continue
    assert.ok(
      v.errors.some((e) => e.field === h.field),
      `${h.why}: expected ${h.field}, got ${JSON.stringify(v.errors).slice(0, 300)}`,
    )
    for (const e of v.errors) assert.ok(e.message.length < 1000, `${h.why}: a short message (${e.message.length})`)
  }
  for (const text of goodLines()) assert.ok(validateLine({ text }, { agencies }).ok, text)
})

test('the same element from a JSON array, already parsed, is refused the same way', () => {
  for (const h of hostileLines().filter((h) => h.field !== '(line)' && !h.why.startsWith('a 15 MB'))) {
    const v = validateLine({ text: h.text, value: JSON.parse(h.text) }, { agencies })
    assert.equal(v.ok, false, h.why)
  }
})

test('times at the edges: 1900 and 2100 are in, offsets up to ±14:00 are in, years 0000–0099 are never 19xx', () => {
  for (const value of [
    '1900-01-01T00:00:00Z',
    '2100-12-31T23:59:59',
    '2008-05-02T23:10:00+14:00',
    '2008-05-02T23:10:00-14:00',
    '2008-05-02T23:10:00+0530',
    '2008-05-02T23:10:00,5+01',
  ]) {
    const v = event({ occurred_at: value })
    assert.ok(v.ok, `${value}: ${JSON.stringify(!v.ok && v.errors)}`)
  }
  const y50 = event({ occurred_at: '0050-01-01' })
  assert.equal(y50.ok, false)
  if (!y50.ok) assert.match(y50.errors[0].message, /outside the years 1900 to 2100/)
  const bracket = event({ occurred_at: '2008-05-02T23:10:00[Europe/London]' })
  if (!bracket.ok) assert.match(bracket.errors[0].message, /zone name in brackets; give the offset/)
})

test('an empty relationship kind is refused, not stored as associate; an absent optional code stays absent', () => {
  const rel = (fields: Record<string, unknown>) =>
    validateRecord(
      { type: 'relationship', agency: 'police', source_id: 'R-1', from: 'A', to: 'B', ...fields },
      { agencies },
    )
  const empty = rel({ kind: '' })
  assert.equal(empty.ok, false)
  if (!empty.ok)
    assert.deepEqual(
      empty.errors.map((e) => e.field),
      ['kind'],
    )
  const ok = rel({ kind: 'peer' })
  assert.ok(ok.ok)
  const person = validateRecord({ type: 'person', agency: 'police', source_id: 'P', given_name: 'A' }, { agencies })
  assert.ok(person.ok && person.record.type === 'person' && person.record.sex === undefined)
})

test('a PNC id is stored in its normal form; one in no known shape is kept as sent', () => {
  const person = (pnc_id: string) =>
    validateRecord(
      { type: 'person', agency: 'police', source_id: 'P-1', given_name: 'Kai', family_name: 'Ward', pnc_id },
      { agencies },
    )
  for (const [sent, stored] of [
    ['2009/0012345A', '09/12345A'],
    ['09/12345a', '09/12345A'],
    ['PNC-UNKNOWN-7', 'PNC-UNKNOWN-7'],
  ]) {
    const v = person(sent)
    assert.ok(v.ok, sent)
    assert.equal((v.record as { pnc_id?: string }).pnc_id, stored, sent)
  }
})

const staff = (fields: Record<string, unknown>) =>
  validateRecord({ agency: 'police', source_id: 'X-1', ...fields }, { agencies })
const errorsOf = (v: ReturnType<typeof validateRecord>) => (v.ok ? [] : v.errors.map((e) => e.field))

test('1.4: a worker with trainings, each checked field by field', () => {
  const ok = staff({
    type: 'worker',
    name: 'DC Lee',
    manager: 2,
    trainings: [{ name: 'CSE level 2', completed_on: '2008-01-01', expires_on: '2011-01-01' }],
  })
  assert.ok(ok.ok)
  assert.deepEqual(ok.ok && ok.record.type === 'worker' && [ok.record.manager, ok.record.trainings.length], ['2', 1])
  assert.deepEqual(
    errorsOf(
      staff({
        type: 'worker',
        trainings: [
          { name: 'CSE', completed_on: '2008-02-30' },
          { completed_on: '2008-01-01' },
          { name: 'ABE', completed_on: '2008-01-01', expires_on: '2007-01-01' },
          'CSE',
        ],
      }),
    ),
    ['name', 'trainings[0].completed_on', 'trainings[1].name', 'trainings[2].expires_on', 'trainings[3]'],
  )
  assert.deepEqual(errorsOf(staff({ type: 'worker', name: 'A', manager: 'X-1' })), ['manager'])
})

test('1.4: an allocation needs its worker, child, role and first day; a last day before it is refused', () => {
  const base = { type: 'allocation', worker: 'W-1', subject: 'P-1', role: 'interviewer', from: '2009-03-05' }
  const ok = staff({ ...base, to: '2009-03-05T17:00:00' })
  assert.ok(ok.ok && ok.record.type === 'allocation' && ok.record.to === '2009-03-05', 'a time is read as its day')
  assert.deepEqual(errorsOf(staff({ type: 'allocation' })), ['worker', 'subject', 'role', 'from'])
  const late = staff({ ...base, to: '2009-03-01' })
  assert.deepEqual(late.ok ? [] : late.errors, [{ field: 'to', message: 'is before from (2009-03-01 < 2009-03-05)' }])
})

test('1.4: a supervision names its worker, a supervisor other than them, and a child or an event', () => {
  const base = { type: 'supervision', worker: 'W-1', supervisor: 'W-2', occurred_at: '2009-03-10T14:00:00' }
  assert.ok(staff({ ...base, event: 'CR-9' }).ok)
  assert.ok(staff({ ...base, subject: 'P-1' }).ok)
  assert.deepEqual(errorsOf(staff(base)), ['subject'])
  assert.deepEqual(errorsOf(staff({ ...base, subject: 'P-1', supervisor: 'W-1' })), ['supervisor'])
  assert.deepEqual(errorsOf(staff({ type: 'supervision', subject: 'P-1' })), ['worker', 'supervisor', 'occurred_at'])
})

test('1.4: a staff record is withdrawn with its framing alone', () => {
  for (const type of ['worker', 'allocation', 'supervision']) assert.ok(staff({ type, withdrawn: true }).ok, type)
})
