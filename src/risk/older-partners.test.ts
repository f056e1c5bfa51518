// Instrument 1.6.0 (decision 0073): a partner described as older or as an adult is an older "boyfriend",
// and peers known to be exploited together with drug or alcohol misuse within 6 months make a child at
// least mild (band 2). 1.5.0 (`serafCse150`) scores exactly as before.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { serafCse, serafCse150 } from './seraf-cse.ts'
import { bandAtFifteen, event, evidenceCodes } from './testing.ts'
import { validateInstrument } from './validate.ts'

const v15 = { readWords: true, readExplanations: true, readFollowUps: true, readPlainWording: true }
const v16 = { ...v15, readOlderPartners: true }
const codesOf = evidenceCodes
const bandWith = bandAtFifteen

test('1.6.0 is a valid instrument that reads older partners; 1.5.0 is kept as it was', () => {
  const checked = validateInstrument(JSON.parse(JSON.stringify(serafCse)))
  assert.ok(checked.ok, checked.ok ? '' : checked.errors.join('; '))
  assert.equal(serafCse.version, '1.6.0')
  assert.equal(serafCse.readsOlderPartners, true)
  assert.equal(serafCse150.version, '1.5.0')
  assert.equal(serafCse150.readsOlderPartners, undefined)
  assert.ok(!serafCse150.patternRules?.some((r) => r.id === 'exploited-peers-and-substances'))
  const bad = validateInstrument({ ...serafCse, readsOlderPartners: 'sometimes' })
  assert.ok(!bad.ok && bad.errors.some((e) => /readsOlderPartners/.test(e)))
})

test('a partner described as older or as an adult is an older "boyfriend" from 1.6.0', () => {
  const clinic = event('sexual_health', '2024-05-20', {
    agency: 'sh',
    summary: 'Attended for testing; chlamydia positive. Partner described as "older", no details given',
  })
  assert.ok(!codesOf([clinic], v15).includes('older_associates'))
  assert.ok(codesOf([clinic], v16).includes('older_associates'))
  assert.equal(bandWith(serafCse150, [clinic]), 1)
  assert.equal(bandWith(serafCse, [clinic]), 2)
  const adult = event('concern', '2024-05-20', { agency: 'school', summary: 'Friend says her boyfriend is an adult' })
  assert.ok(codesOf([adult], v16).includes('older_associates'))
  // not older, or said not to be, or no partner older: no sign
  for (const summary of [
    'Partner described as the same age, from school',
    'Partner is not older; same year group',
    'No older partner; attended with mum',
  ]) {
    const e = event('sexual_health', '2024-05-20', { agency: 'sh', summary })
    assert.ok(!codesOf([e], v16).includes('older_associates'), summary)
  }
})

test('peers known to be exploited and drink or drugs within 6 months: band 2 from 1.6.0', () => {
  const peers = event('concern', '2024-02-01', { agency: 'school', indicators: ['peers_exploited'] })
  const drunk = event('health_attendance', '2024-04-20', { agency: 'ed', indicators: ['alcohol_misuse'] })
  assert.equal(bandWith(serafCse150, [peers, drunk]), 1, '1.5.0: two moderate signs, 2 points')
  assert.equal(bandWith(serafCse, [peers, drunk]), 2)
  // either alone is not enough
  assert.equal(bandWith(serafCse, [peers]), 1)
  assert.equal(bandWith(serafCse, [drunk]), 1)
  // more than 6 months apart: no pattern
  const longAfter = event('health_attendance', '2024-06-20', { agency: 'ed', indicators: ['alcohol_misuse'] })
  const longBefore = event('concern', '2023-10-01', { agency: 'school', indicators: ['peers_exploited'] })
  assert.equal(bandWith(serafCse, [longBefore, longAfter]), 1)
})
