// Property-based tests (fast-check) of the validator and of POST /api/v1/records: whatever is sent,
// the validator answers (never throws) and what it accepts is within the format's limits, and the
// API never answers 500 and accounts for every line. Runs are bounded to fit CI's time; a failure
// prints its seed (`fc.assert` reports it), and FUZZ_RUNS=N runs more locally.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../testing/backends.ts'
import { seedArea } from '../testing/seed.ts'
import { testApp } from '../testing/web.ts'
import { createToken } from '../access/tokens.ts'
import { validateLine } from './validate.ts'
import { FIELD_TEXT, TEXT_LIMITS, textKindOf, YEARS } from './limits.ts'
import type { AgencyRecord } from './types.ts'

const RUNS = Number(process.env.FUZZ_RUNS ?? 0)
const agencies = new Set(['police', 'csc'])

// Text a hostile or careless sender might put anywhere.
const nasty = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007',
  '\u0085',
  'x\ud800',
  '\udc00y',
  '\t',
  '\r\n',
  '0050-01-01',
  '0099',
  '1899-12-31',
  '2101-01-01',
  '99999-01-01',
  '+275760-09-13',
  '2008-05-02T23:10:00+99:99',
  '2008-05-02T23:10:00+14:01',
  '2008-05-02T23:10:00[Europe/London]',
  '2008-05-02T23:10:00.123456789Z',
  '=HYPERLINK("http://evil.example","x")',
  '__proto__',
  'constructor',
  'Ha\u2028na',
  'Ward\u202Eexe.',
  '\u2066x\u2069',
  '2026-03-29T01:30:00',
  '2026-03-28T24:00:00',
)
const text = fc.oneof(
  nasty,
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.integer({ min: 190, max: 230 }).map((n) => 'x'.repeat(n)),
)
const nestedList = fc.integer({ min: 1, max: 40 }).map((d) => JSON.parse('['.repeat(d) + ']'.repeat(d)) as unknown)
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: text },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: nestedList },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)) },
  { weight: 1, arbitrary: fc.array(text, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.array(fc.dictionary(fc.constantFrom('person', 'role', 'location', 'phone'), text)) },
)

const templates: Record<string, unknown>[] = [
  {
    type: 'person',
    agency: 'police',
    source_id: 'P',
    given_name: 'Amy',
    family_name: 'Ward',
    date_of_birth: '2008-02-03',
  },
  {
    type: 'event',
    agency: 'police',
    source_id: 'E',
    kind: 'concern',
    subject: 'P',
    occurred_at: '2009-01-01T10:00:00',
  },
  {
    type: 'event',
    agency: 'police',
    source_id: 'M',
    kind: 'missing_episode',
    subject: 'P',
    occurred_at: '2009-01-01',
    ended_at: '2009-01-02',
    involves: [{ vehicle: 'AB12 CDE' }, { location: { name: 'Park', postcode: 'OL11 1AA' } }],
  },
  { type: 'relationship', agency: 'police', source_id: 'R', from: 'P', to: 'Q', kind: 'associate' },
  { type: 'person', agency: 'police', source_id: 'W', withdrawn: true },
]
const fieldNames = fc.oneof(
  fc.constantFrom(...Object.keys(FIELD_TEXT), 'address', 'involves'),
  fc.string({ maxLength: 8 }),
)

/** A valid record with some of its fields replaced or added, each id made unique by `n`. */
const mutated = fc
  .tuple(fc.constantFrom(...templates), fc.dictionary(fieldNames, value, { maxKeys: 4 }), fc.nat())
  .map(([template, changes, n]) => ({ ...template, source_id: `${template.source_id}-${n}`, ...changes }))

const line: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: mutated.map((o) => JSON.stringify(o)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
)

/** Every text value of an accepted record is within its field's limit and holds no control character. */
function assertWithinLimits(record: AgencyRecord): void {
  const walk = (v: unknown, key: string): void => {
    if (typeof v === 'string') {
      const kind = TEXT_LIMITS[textKindOf(key)]
      assert.ok(v.length <= kind.chars, `${key} is ${v.length} long`)
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(v, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/, key)
      if (!kind.lineBreaks) assert.doesNotMatch(v, /[\t\n\r\u2028\u2029]/, key)
      if (!kind.bidiControls) assert.doesNotMatch(v, /[\u202A-\u202E\u2066-\u2069]/, key)
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key))
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k)
  }
  walk(record, '')
  for (const field of ['occurred_at', 'ended_at', 'recorded_at'] as const) {
    const iso = (record as unknown as Record<string, string | undefined>)[field]
    if (!iso) continue
    const year = new Date(iso).getUTCFullYear()
    assert.ok(year >= YEARS.min - 1 && year <= YEARS.max + 1, `${field} ${iso}`)
  }
}

test('the validator answers every line, never throws, and accepts only what is within the limits', () => {
  fc.assert(
    fc.property(line, (text) => {
      const v = validateLine({ text }, { agencies })
      if (v.ok) assertWithinLimits(v.record)
      else
        for (const e of v.errors) {
          assert.equal(typeof e.field, 'string')
          assert.ok(e.message.length > 0 && e.message.length < 1000)
        }
    }),
    { numRuns: RUNS || 2000 },
  )
})

test('an element of a JSON array is judged as the same line would be', () => {
  fc.assert(
    fc.property(mutated, (o) => {
      const text = JSON.stringify(o)
      assert.equal(
        validateLine({ text, value: JSON.parse(text) }, { agencies }).ok,
        validateLine({ text }, { agencies }).ok,
      )
    }),
    { numRuns: RUNS || 500 },
  )
})

// Text that is not a reference read from a number: the format's text fields refuse a number outright
const notReferences = Object.keys(FIELD_TEXT).filter(
  (f) => !['type', 'agency', 'source_id', 'subject', 'from', 'to', 'person', 'withdrawn'].includes(f),
)
test('a number where text belongs is refused naming the field, never stored as its text', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...templates.slice(0, 4)),
      fc.constantFrom(...notReferences),
      fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
      (template, field, n) => {
        const v = validateLine({ text: JSON.stringify({ ...template, [field]: n }) }, { agencies })
        if (v.ok) {
          // a field the template's type does not read is kept as content, as any unknown field is
          const record = v.record as unknown as Record<string, unknown>
          assert.notEqual(record[field], String(n), `${field}: ${n} stored as text`)
        }
      },
    ),
    { numRuns: RUNS || 1000 },
  )
})

test('a London wall-clock time is accepted only if it happened, and then read back as sent', () => {
  const london = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  })
  const wallClock = (iso: string) => {
    const p = Object.fromEntries(london.formatToParts(new Date(iso)).map((x) => [x.type, x.value]))
    return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`
  }
  // the last Sunday of March and of October, around the changes, and any time at all
  const around = fc
    .tuple(fc.integer({ min: 1972, max: 2100 }), fc.constantFrom(3, 10), fc.integer({ min: 0, max: 179 }))
    .map(([y, m, minutes]) => {
      const last = new Date(Date.UTC(y, m, 0))
      const day = last.getUTCDate() - last.getUTCDay()
      const h = Math.floor(minutes / 60)
      return `${y}-${String(m).padStart(2, '0')}-${day}T${String(h).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`
    })
  const any = fc
    .date({ min: new Date('1900-01-02T00:00:00Z'), max: new Date('2100-12-30T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 19))
  fc.assert(
    fc.property(fc.oneof(around, any), (wall) => {
      const v = validateLine({ text: JSON.stringify({ ...templates[1], occurred_at: wall }) }, { agencies })
      const happened = (() => {
        // a wall-clock time happened if some instant within ±2 hours of it reads as it in London
        const t = Date.parse(wall + 'Z')
        for (let off = -2; off <= 2; off++)
          if (wallClock(new Date(t + off * 3_600_000).toISOString()) === wall) return true
        return false
      })()
      assert.equal(v.ok, happened, `${wall}: ${v.ok ? 'accepted' : JSON.stringify(v.errors)}`)
      if (v.ok) assert.equal(wallClock((v.record as { occurred_at: string }).occurred_at), wall)
    }),
    { numRuns: RUNS || 1000 },
  )
})

forEachDatabase(
  'POST /api/v1/records under fuzzing',
  (backend) => {
    let app: FastifyInstance
    let token: string
    before(async () => {
      const { db } = backend().database
      await seedArea(db)
      token = await createToken(db, 'police')
      app = await testApp(backend().database)
    })
    after(async () => app?.close())

    test('never a 500; with skip_invalid every line is counted once and the validator decides which', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(line, { minLength: 1, maxLength: 6 }),
          fc.boolean(),
          fc.boolean(),
          async (lines, skipInvalid, asArray) => {
            const parsedAll = lines.map((l) => {
              try {
                return { ok: true as const, value: JSON.parse(l) as unknown }
              } catch {
                return { ok: false as const }
              }
            })
            // a JSON array can only carry what parses; NDJSON carries anything
            const array = asArray && parsedAll.every((p) => p.ok)
            const body = array ? `[${lines.join(',')}]` : lines.join('\n')
            const res = await app.inject({
              method: 'POST',
              url: `/api/v1/records${skipInvalid ? '?skip_invalid=true' : ''}`,
              payload: body,
              headers: {
                'content-type': array ? 'application/json' : 'application/x-ndjson',
                authorization: `Bearer ${token}`,
              },
            })
            assert.ok(res.statusCode < 500, `${res.statusCode}: ${res.body.slice(0, 300)}`)
            if (!skipInvalid || res.statusCode !== 200) return
            const out = JSON.parse(res.body)
            const counted = out.created + out.updated + out.unchanged + out.withdrawn + out.rejected
            const blank = array ? 0 : lines.filter((l) => l.trim() === '' || /[\r\n\uFEFF]/.test(l)).length
            if (blank === 0) assert.equal(counted, lines.length, res.body.slice(0, 300))
            const expectedRejected = lines.filter(
              (text) =>
                !validateLine(
                  { text },
                  { agencies: new Set(['police']), defaultAgency: 'police', onlyAgency: 'police' },
                ).ok,
            ).length
            if (blank === 0) assert.equal(out.rejected, expectedRejected, res.body.slice(0, 300))
          },
        ),
        { numRuns: RUNS || 150 },
      )
    })
  },
  { resetBetweenTests: false },
)
