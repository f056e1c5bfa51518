// Lines a careless or hostile sender might send, each with the field its rejection must name, and
// good lines to put between them. The validator's, the importer's, the command's and the API's
// tests all read this one list, so a new case is checked on every path at once.

export interface HostileLine {
  why: string
  /** The NDJSON text of the line as sent. */
  text: string
  /** The field the rejection names. */
  field: string
}

const person = (fields: Record<string, unknown>, id: string) =>
  JSON.stringify({
    type: 'person',
    agency: 'police',
    source_id: id,
    given_name: 'Hana',
    family_name: 'Ward',
    ...fields,
  })
const event = (fields: Record<string, unknown>, id: string) =>
  JSON.stringify({
    type: 'event',
    agency: 'police',
    source_id: id,
    kind: 'concern',
    subject: 'GOOD-P1',
    occurred_at: '2009-01-01T10:00:00',
    ...fields,
  })
const relationship = (fields: Record<string, unknown>, id: string) =>
  JSON.stringify({
    type: 'relationship',
    agency: 'police',
    source_id: id,
    from: 'GOOD-P1',
    to: 'GOOD-P2',
    kind: 'associate',
    ...fields,
  })
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)

/** Valid lines: two people and an event and a relationship between them. */
export function goodLines(prefix = 'GOOD'): string[] {
  return [
    person({ given_name: 'Hana', date_of_birth: '2008-02-03' }, `${prefix}-P1`),
    person({ given_name: 'Ian', family_name: 'Ward', date_of_birth: '1980-07-01' }, `${prefix}-P2`),
    event({ subject: `${prefix}-P1`, details: 'Line one\nline two\twith a tab' }, `${prefix}-E1`),
    relationship({ from: `${prefix}-P1`, to: `${prefix}-P2`, kind: 'parent' }, `${prefix}-R1`),
    // what stays valid beside the refusals: a London time the autumn change makes happen twice, a
    // fraction of a second beyond milliseconds, right-to-left text and a line separator in details
    event(
      {
        subject: `${prefix}-P1`,
        occurred_at: '2009-03-29T02:00:00',
        ended_at: '2009-10-25T01:30:00.123456',
        summary: 'قالت إنها كانت مع صديقة',
        details: 'Line one\u2028line two',
      },
      `${prefix}-E2`,
    ),
  ]
}

export function hostileLines(): HostileLine[] {
  return [...unsafeCharactersBlanksAndTimes(), ...emptyCodesSizesAndShapes(), ...skippedTimesAndBidiControls()]
}

/** Control and invisible characters, blanks, years out of range and offsets out of range. */
function unsafeCharactersBlanksAndTimes(): HostileLine[] {
  return [
    { why: 'a NUL byte in a name', text: person({ given_name: 'Ha\u0000na' }, 'H-1'), field: 'given_name' },
    { why: 'a NUL byte in details', text: event({ details: 'before\u0000after' }, 'H-2'), field: 'details' },
    { why: 'a NUL byte in an unknown field', text: event({ house_note: '\u0000' }, 'H-3'), field: 'house_note' },
    { why: 'a NUL byte in a field name', text: event({ 'bad\u0000name': 1 }, 'H-4'), field: '(field name)' },
    { why: 'a bell character', text: person({ family_name: 'Wa\u0007rd' }, 'H-5'), field: 'family_name' },
    { why: 'a C1 control', text: person({ ethnicity: 'x\u0085y' }, 'H-6'), field: 'ethnicity' },
    { why: 'a tab in an identifier', text: person({}, 'H-\t7'), field: 'source_id' },
    { why: 'a line break in a name', text: person({ given_name: 'Ha\nna' }, 'H-8'), field: 'given_name' },
    { why: 'a lone surrogate', text: event({ summary: 'x\ud800y' }, 'H-9'), field: 'summary' },
    {
      why: 'a NUL byte in a nested field',
      text: person({ address: { town: 'Roch\u0000dale' } }, 'H-10'),
      field: 'address.town',
    },
    { why: 'a blank occurred_at', text: event({ occurred_at: '' }, 'H-11'), field: 'occurred_at' },
    { why: 'a blank occurred_at (spaces)', text: event({ occurred_at: '   ' }, 'H-12'), field: 'occurred_at' },
    { why: 'no occurred_at', text: event({ occurred_at: null }, 'H-13'), field: 'occurred_at' },
    { why: 'a blank subject', text: event({ subject: ' ' }, 'H-14'), field: 'subject' },
    { why: 'a blank source_id', text: person({}, ''), field: 'source_id' },
    { why: 'a five-digit year', text: event({ occurred_at: '99999-01-01' }, 'H-15'), field: 'occurred_at' },
    { why: 'an expanded year', text: event({ occurred_at: '+275760-09-13T00:00:00Z' }, 'H-16'), field: 'occurred_at' },
    { why: 'the year 9999', text: event({ occurred_at: '9999-12-31T23:59:59-14:00' }, 'H-17'), field: 'occurred_at' },
    { why: 'the year 0050', text: event({ occurred_at: '0050-01-01T00:00' }, 'H-18'), field: 'occurred_at' },
    { why: 'the year 0099 (a date)', text: event({ occurred_at: '0099-06-01' }, 'H-19'), field: 'occurred_at' },
    { why: 'the year 1899', text: event({ occurred_at: '1899-12-31T23:00:00Z' }, 'H-20'), field: 'occurred_at' },
    { why: 'the year 2101', text: event({ ended_at: '2101-01-01' }, 'H-21'), field: 'ended_at' },
    { why: 'a birth in the year 0001', text: person({ date_of_birth: '0001-01-01' }, 'H-22'), field: 'date_of_birth' },
    { why: 'a partial birth year 0099', text: person({ date_of_birth: '0099' }, 'H-23'), field: 'date_of_birth' },
    { why: 'recorded in the year 0010', text: person({ recorded_at: '0010-01-01' }, 'H-24'), field: 'recorded_at' },
    {
      why: 'an offset of +99:99',
      text: event({ occurred_at: '2008-05-02T23:10:00+99:99' }, 'H-25'),
      field: 'occurred_at',
    },
    {
      why: 'an offset of +14:30',
      text: event({ occurred_at: '2008-05-02T23:10:00+14:30' }, 'H-26'),
      field: 'occurred_at',
    },
    {
      why: 'an offset of -1500',
      text: event({ occurred_at: '2008-05-02T23:10:00-1500' }, 'H-27'),
      field: 'occurred_at',
    },
    {
      why: 'an offset of +01:60',
      text: event({ occurred_at: '2008-05-02T23:10:00+01:60' }, 'H-28'),
      field: 'occurred_at',
    },
    {
      why: 'a zone name in brackets',
      text: event({ occurred_at: '2008-05-02T23:10:00[Europe/London]' }, 'H-29'),
      field: 'occurred_at',
    },
    {
      why: 'an offset and a zone name in brackets',
      text: event({ occurred_at: '2008-05-02T23:10:00+01:00[Europe/London]' }, 'H-30'),
      field: 'occurred_at',
    },
  ]
}

/** Empty codes, text over its limits, nesting too deep, and values of the wrong shape. */
function emptyCodesSizesAndShapes(): HostileLine[] {
  return [
    { why: 'an empty relationship kind', text: relationship({ kind: '' }, 'H-31'), field: 'kind' },
    { why: 'no relationship kind', text: relationship({ kind: null }, 'H-32'), field: 'kind' },
    { why: 'an empty event kind', text: event({ kind: '' }, 'H-33'), field: 'kind' },
    { why: 'an empty sex', text: person({ sex: '' }, 'H-34'), field: 'sex' },
    { why: 'an empty reliability', text: relationship({ reliability: ' ' }, 'H-35'), field: 'reliability' },
    {
      why: 'an empty involvement role',
      text: event({ involves: [{ person: 'GOOD-P2', role: '' }] }, 'H-36'),
      field: 'involves[0].role',
    },
    {
      why: 'an empty missing_from',
      text: event({ kind: 'missing_episode', missing_from: '' }, 'H-37'),
      field: 'missing_from',
    },
    { why: 'a 201-character name', text: person({ given_name: 'x'.repeat(201) }, 'H-38'), field: 'given_name' },
    { why: 'a 15 MB name', text: person({ family_name: 'y'.repeat(15_000_000) }, 'H-39'), field: 'family_name' },
    { why: 'details over 100,000 characters', text: event({ details: 'd'.repeat(100_001) }, 'H-40'), field: 'details' },
    {
      why: 'an other name over the limit',
      text: person({ other_names: ['ok', 'z'.repeat(201)] }, 'H-41'),
      field: 'other_names[1]',
    },
    {
      why: 'a record over 1,000,000 characters in all',
      text: event(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`note_${i}`, 'n'.repeat(99_000)])), 'H-42'),
      field: '(line)',
    },
    {
      why: 'an unknown field nested 10,000 deep',
      text: event({}, 'H-43').replace(/}$/, `,"deep":${nested(10_000)}}`),
      field: 'deep' + '[0]'.repeat(15),
    },
    { why: 'a whole line nested 10,000 deep', text: nested(10_000), field: '(line)' },
    {
      why: 'an address nested too deep',
      text: person({ address: { line1: 'x', more: JSON.parse(nested(20)) } }, 'H-44'),
      field: 'address.more' + '[0]'.repeat(14),
    },
    { why: 'not JSON', text: '{"type":"person",', field: '(line)' },
    { why: 'a number where an object belongs', text: '42', field: '(line)' },
    { why: 'text where a list belongs', text: event({ indicators: 'missing' }, 'H-45'), field: 'indicators' },
    { why: 'a number where a name belongs', text: person({ given_name: 12345 }, 'H-46'), field: 'given_name' },
    { why: 'a number in a nested address', text: person({ address: { town: 7 } }, 'H-47'), field: 'address.town' },
    { why: 'a number where a code belongs', text: person({ sex: 1 }, 'H-48'), field: 'sex' },
  ]
}

/** London times that never happened, the hour 24, line separators and bidirectional controls. */
function skippedTimesAndBidiControls(): HostileLine[] {
  return [
    {
      why: 'a London time the clocks skipped',
      text: event({ occurred_at: '2026-03-29T01:30:00' }, 'H-49'),
      field: 'occurred_at',
    },
    {
      why: 'a London time the clocks skipped, without seconds',
      text: event({ occurred_at: '2009-03-29T01:00' }, 'H-50'),
      field: 'occurred_at',
    },
    { why: 'the hour 24', text: event({ occurred_at: '2026-03-28T24:00:00' }, 'H-51'), field: 'occurred_at' },
    {
      why: 'the hour 24 with an offset',
      text: person({ recorded_at: '2020-01-01T24:00Z' }, 'H-52'),
      field: 'recorded_at',
    },
    { why: 'a line separator in a name', text: person({ given_name: 'Ha\u2028na' }, 'H-53'), field: 'given_name' },
    {
      why: 'a paragraph separator in a name',
      text: person({ other_names: ['Ha\u2029na'] }, 'H-54'),
      field: 'other_names[0]',
    },
    {
      why: 'a right-to-left override in a name',
      text: person({ family_name: 'Ward\u202Eexe.' }, 'H-55'),
      field: 'family_name',
    },
    {
      why: 'a bidirectional isolate in a name',
      text: person({ given_name: '\u2067Hana\u2069' }, 'H-56'),
      field: 'given_name',
    },
    { why: 'a bidirectional embedding in an identifier', text: person({}, 'H-\u202A57'), field: 'source_id' },
    {
      why: 'a bidirectional override in a reference',
      text: event({ subject: 'GOOD-P1\u202D' }, 'H-58'),
      field: 'subject',
    },
  ]
}

/** Good and hostile lines interleaved, numbered as a file would be (from 1). */
export function mixedFile(prefix = 'GOOD'): {
  text: string
  good: number
  bad: { line: number; field: string; why: string }[]
} {
  const good = goodLines(prefix)
  const hostile = hostileLines()
  const out: string[] = []
  const bad: { line: number; field: string; why: string }[] = []
  let g = 0
  for (const [i, h] of hostile.entries()) {
    if (i % 12 === 0 && g < good.length) out.push(good[g++])
    out.push(h.text)
    bad.push({ line: out.length, field: h.field, why: h.why })
  }
  while (g < good.length) out.push(good[g++])
  return { text: out.join('\n') + '\n', good: good.length, bad }
}
