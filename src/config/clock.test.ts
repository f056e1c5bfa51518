import { test } from 'node:test'
import assert from 'node:assert/strict'
import { DateTime } from 'luxon'
import { setTimeout as sleep } from 'node:timers/promises'
import { clockInScope, formatLondon, londonDate, now, withClock, ZONE, type Clock } from './clock.ts'
import { seededRandom } from '../linkage/random.ts'

// luxon's own rendering is the reference the fast one must match, to the character
const reference = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE }).toISO({ suppressMilliseconds: true })

test('London times are written as luxon writes them, across clock changes and before the fast tables', () => {
  const random = seededRandom(7)
  const instants: number[] = []
  for (let i = 0; i < 20_000; i++) instants.push(Date.UTC(1970, 0, 1) + Math.floor(random() * 70 * 365.25 * 86_400_000))
  for (const year of [1980, 1995, 1996, 2002, 2011, 2021, 2026, 2035]) {
    // every quarter hour through each day on which the clocks change
    for (const month of [2, 9]) {
      for (let day = 20; day <= 31; day++) {
        for (let q = 0; q < 96; q++) instants.push(Date.UTC(year, month, day) + q * 900_000)
      }
    }
  }
  instants.push(Date.UTC(2016, 7, 6, 1, 0, 0, 123), Date.UTC(2009, 0, 1, 0, 0, 0, 5))
  for (const ms of instants) assert.equal(formatLondon(new Date(ms)), reference(ms), new Date(ms).toISOString())
})

test('text is read as an ISO time; nothing and nonsense give null', () => {
  assert.equal(formatLondon('2026-07-01T09:30:00Z'), '2026-07-01T10:30:00+01:00')
  assert.equal(formatLondon('2026-01-01T09:30:00.250Z'), '2026-01-01T09:30:00.250+00:00')
  assert.equal(formatLondon(null), null)
  assert.equal(formatLondon(undefined), null)
  assert.equal(formatLondon('not a time'), null)
  assert.equal(formatLondon(new Date(Number.NaN)), null)
})

const at = (iso: string): Clock => ({ now: () => new Date(iso) })

test('a clock passed in is "now" for the work it scopes, before THREADLINE_NOW', () => {
  const env = { THREADLINE_NOW: '2030-01-01T00:00:00Z' }
  assert.equal(now(env).toISOString(), '2030-01-01T00:00:00.000Z')
  withClock(at('2026-03-20T12:00:00Z'), () => {
    assert.equal(now(env).toISOString(), '2026-03-20T12:00:00.000Z')
    assert.equal(now().toISOString(), '2026-03-20T12:00:00.000Z')
  })
  assert.equal(clockInScope(), undefined, 'the scope ends with the work')
  assert.equal(now(env).toISOString(), '2030-01-01T00:00:00.000Z')
})

test('two scopes running at once each see their own time, across awaits and timers', async () => {
  const seen: string[] = []
  const work = (name: string, first: number, second: number) => async () => {
    await sleep(first)
    seen.push(`${name} ${now().toISOString()}`)
    await new Promise<void>((resolve) => setTimeout(resolve, second))
    seen.push(`${name} ${now().toISOString()}`)
  }
  await Promise.all([
    withClock(at('2009-06-02T09:00:00Z'), work('a', 20, 1)),
    withClock(at('2026-03-20T12:00:00Z'), work('b', 1, 40)),
  ])
  // interleaved: b, a, a, b; each saw its own clock every time
  assert.deepEqual(seen, [
    'b 2026-03-20T12:00:00.000Z',
    'a 2009-06-02T09:00:00.000Z',
    'a 2009-06-02T09:00:00.000Z',
    'b 2026-03-20T12:00:00.000Z',
  ])
})

test('a clock moved during the work is read afresh at each call', async () => {
  let moment = '2026-01-01T00:00:00Z'
  await withClock({ now: () => new Date(moment) }, async () => {
    assert.equal(now().toISOString(), '2026-01-01T00:00:00.000Z')
    await sleep(1)
    moment = '2026-02-01T00:00:00Z'
    assert.equal(now().toISOString(), '2026-02-01T00:00:00.000Z')
  })
})

test("a London date is the date on London's wall clock, across clock changes and in every era", () => {
  assert.equal(londonDate(new Date('2020-03-28T23:30:00Z')), '2020-03-28') // GMT the night before spring
  assert.equal(londonDate(new Date('2020-06-30T23:30:00Z')), '2020-07-01') // summer time
  assert.equal(londonDate(new Date('2020-10-24T23:30:00Z')), '2020-10-25') // the night the clocks go back
  assert.equal(londonDate(new Date('1970-01-15T23:30:00Z')), '1970-01-16') // British Standard Time, 1968-71
  const random = seededRandom(7)
  const from = Date.UTC(1900, 0, 1)
  const to = Date.UTC(2100, 0, 1)
  for (let i = 0; i < 5000; i++) {
    const at = new Date(from + Math.floor(random() * (to - from)))
    assert.equal(londonDate(at), DateTime.fromJSDate(at).setZone('Europe/London').toISODate(), at.toISOString())
  }
})
