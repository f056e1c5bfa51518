import { test } from 'node:test'
import assert from 'node:assert/strict'
import { DateTime } from 'luxon'
import { createRng } from './prng.ts'
import { isoLondon, londonTime, parseDay, parseIso } from './london-time.ts'

test('London offsets and wall-clock times agree with luxon, across clock changes', () => {
  const rng = createRng('time')
  const from = Date.UTC(2003, 0, 1)
  const to = Date.UTC(2013, 0, 1)
  for (let i = 0; i < 3000; i++) {
    const ms = Math.floor(rng.between(from, to) / 60000) * 60000
    const expected = DateTime.fromMillis(ms, { zone: 'Europe/London' })
      .toISO({ suppressMilliseconds: true, includeOffset: true })!
      .replace(/Z$/, '+00:00')
    assert.equal(isoLondon(ms), expected)
    assert.equal(parseIso(isoLondon(ms)), ms)
  }
  // 2008: clocks went forward on 30 March and back on 26 October
  assert.equal(isoLondon(Date.UTC(2008, 2, 30, 0, 59)), '2008-03-30T00:59:00+00:00')
  assert.equal(isoLondon(Date.UTC(2008, 2, 30, 1, 0)), '2008-03-30T02:00:00+01:00')
  assert.equal(isoLondon(Date.UTC(2008, 9, 26, 0, 59)), '2008-10-26T01:59:00+01:00')
  assert.equal(isoLondon(Date.UTC(2008, 9, 26, 1, 0)), '2008-10-26T01:00:00+00:00')
  assert.equal(londonTime(2008, 7, 1, 12, 0), Date.UTC(2008, 6, 1, 11, 0))
  assert.equal(parseDay('2008-01-15'), Date.UTC(2008, 0, 15))
})
