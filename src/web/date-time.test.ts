// The one parser of dates and times typed on forms (pure).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseDayParts, parseDayText, parseTime, timeText, dayParts } from './date-time.ts'
import { FormErrors, readDateTime, readDay, readDayRange } from './forms.ts'

const label = 'the date of the decision'
const value = <T>(p: { ok: boolean; value?: T; message?: string }) => (p.ok ? p.value : `error: ${p.message}`)

test('UK dates typed in one box, day first', () => {
  for (const typed of [
    '04/12/2026',
    '4/12/2026',
    '4-12-2026',
    '4.12.2026',
    '4 Dec 2026',
    '4 December 2026',
    '2026-12-04',
  ])
    assert.deepEqual(value(parseDayText(typed, label)), { year: 2026, month: 12, day: 4 }, typed)
  assert.equal(value(parseDayText('', label)), null)
  assert.equal(value(parseDayText('', label, { required: true })), 'error: Enter the date of the decision')
  assert.equal(value(parseDayText('31/02/2026', label)), 'error: The date of the decision must be a real date')
  assert.equal(value(parseDayText('4/12/26', label)), 'error: Year must include 4 numbers')
  assert.equal(
    value(parseDayText('next Tuesday', label)),
    'error: The date of the decision must be a date, for example 27/3/2026',
  )
})

test('the GOV.UK date input: each missing or impossible box named', () => {
  assert.deepEqual(value(parseDayParts({ day: '4', month: '12', year: '2026' }, label)), {
    year: 2026,
    month: 12,
    day: 4,
  })
  assert.deepEqual(value(parseDayParts({ day: '4', month: 'dec', year: '2026' }, label)), {
    year: 2026,
    month: 12,
    day: 4,
  })
  assert.deepEqual(value(parseDayParts({ day: '4', month: 'Sept', year: '2026' }, label)), {
    year: 2026,
    month: 9,
    day: 4,
  })
  assert.equal(value(parseDayParts({}, label)), null)
  assert.equal(value(parseDayParts({}, label, { required: true })), 'error: Enter the date of the decision')
  const noMonth = parseDayParts({ day: '4', year: '2026' }, label)
  assert.equal(value(noMonth), 'error: The date of the decision must include a month')
  assert.deepEqual(noMonth.ok ? [] : noMonth.parts, ['month'])
  assert.equal(
    value(parseDayParts({ year: '2026' }, label)),
    'error: The date of the decision must include a day and a month',
  )
  assert.equal(
    value(parseDayParts({ day: '30', month: '2', year: '2026' }, label)),
    'error: The date of the decision must be a real date',
  )
  assert.equal(value(parseDayParts({ day: '3', month: '2', year: '26' }, label)), 'error: Year must include 4 numbers')
  assert.equal(
    value(parseDayParts({ day: 'x', month: '2', year: '2026' }, label)),
    'error: The date of the decision must be a real date',
  )
  assert.equal(
    value(parseDayParts({ day: '3', month: '2', year: '1850' }, label)),
    'error: The date of the decision must be between 1900 and 2100',
  )
})

test('times as people type them', () => {
  const cases: [string, [number, number] | null][] = [
    ['18:30', [18, 30]],
    ['18.30', [18, 30]],
    ['1830', [18, 30]],
    ['9:05', [9, 5]],
    ['6.30pm', [18, 30]],
    ['6:30 pm', [18, 30]],
    ['6pm', [18, 0]],
    ['6 PM', [18, 0]],
    ['6.30am', [6, 30]],
    ['12am', [0, 0]],
    ['12pm', [12, 0]],
    ['12.15am', [0, 15]],
    ['midday', [12, 0]],
    ['Noon', [12, 0]],
    ['12 noon', [12, 0]],
    ['midnight', [0, 0]],
    ['12 midnight', [0, 0]],
    ['', null],
  ]
  for (const [typed, want] of cases)
    assert.deepEqual(value(parseTime(typed)), want && { hour: want[0], minute: want[1] }, typed)
  for (const wrong of ['25:00', '18:75', '13pm', 'teatime', '0pm', '6.3pm'])
    assert.equal(
      value(parseTime(wrong)),
      'error: The time must be a time, for example 18:30, 6.30pm, midday or midnight',
      wrong,
    )
})

test('shown back in the boxes: the London day, and midday and midnight in words', () => {
  assert.deepEqual(dayParts(new Date('2026-06-01T23:30:00Z')), { day: '2', month: '6', year: '2026' })
  assert.equal(timeText(new Date('2026-06-01T11:00:00Z')), 'midday')
  assert.equal(timeText(new Date('2026-01-01T00:00:00Z')), 'midnight')
  assert.equal(timeText(new Date('2026-06-01T17:30:00Z')), '18:30')
})

test('a form: date input boxes or one typed box, a time, refused futures and befores, one error per field', () => {
  const now = new Date('2026-06-01T11:00:00Z') // midday in London
  let errors = new FormErrors()
  const at = readDateTime(
    { 'decided-day': '1', 'decided-month': '6', 'decided-year': '2026', 'decided-time': '9.15am' },
    'decided',
    errors,
    { label, notAfter: now },
    now,
  )
  assert.equal(at?.toISOString(), '2026-06-01T08:15:00.000Z')
  assert.equal(errors.any, false)
  // a day alone: midday, or now when that is earlier the same day
  assert.equal(
    readDateTime({ decided: '31/05/2026' }, 'decided', errors, { label }, now)?.toISOString(),
    '2026-05-31T11:00:00.000Z',
  )
  const morning = new Date('2026-06-01T07:00:00Z')
  assert.equal(
    readDateTime({ decided: '01/06/2026' }, 'decided', errors, { label }, morning)?.toISOString(),
    morning.toISOString(),
  )

  errors = new FormErrors()
  assert.equal(
    readDateTime({ decided: '02/06/2026', 'decided-time': '09:00' }, 'decided', errors, { label, notAfter: now }, now),
    null,
  )
  assert.deepEqual(errors.view().summary, [
    { text: 'The date of the decision must be today or in the past', href: '#decided-day' },
  ])

  errors = new FormErrors()
  const started = new Date('2026-05-30T21:00:00Z')
  readDateTime({ returned: '30/05/2026', 'returned-time': '6pm' }, 'returned', errors, {
    label: 'the date they came back',
    notBefore: { at: started, message: 'The return must be after the episode began (30 May 2026 at 10pm)' },
  })
  assert.equal(errors.view().summary[0].text, 'The return must be after the episode began (30 May 2026 at 10pm)')

  errors = new FormErrors()
  assert.equal(readDateTime({ 'd-day': '4', 'd-year': '2026', 'd-time': 'soon' }, 'd', errors, { label }), null)
  const bad = 'The time of the decision must be a time, for example 18:30, 6.30pm, midday or midnight'
  assert.deepEqual(errors.view(), {
    summary: [
      { text: 'The date of the decision must include a month', href: '#d-month' },
      { text: bad, href: '#d-time' },
    ],
    fields: { d: { text: 'The date of the decision must include a month' }, 'd-time': { text: bad } },
    parts: { d: ['month'] },
  })

  errors = new FormErrors()
  assert.equal(readDay({ 'd-day': '4', 'd-month': '', 'd-year': '2026' }, 'd', errors, { label }), null)
  assert.deepEqual(errors.view().summary, [{ text: 'The date of the decision must include a month', href: '#d-month' }])
  assert.deepEqual(errors.view().parts, { d: ['month'] })

  errors = new FormErrors()
  readDayRange({ from: '10/05/2026', to: '01/05/2026' }, { from: 'from', to: 'to' }, errors, {
    from: 'the from date',
    to: 'the to date',
  })
  assert.deepEqual(errors.view().summary, [
    { text: 'The to date must be the same as or after the from date', href: '#to' },
  ])
})
