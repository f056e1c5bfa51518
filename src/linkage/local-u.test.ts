// The shipped default's u of the home comparisons (address, phone) read from the records held
// (train.ts withLocalHomeU): in one town most people share a postcode sector, so sharing one is no
// evidence that two records are one person; a shared address still is.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ADDRESS, COMPARISONS } from './comparisons.ts'
import { defaultModel } from './default-model.ts'
import { levelWeights, LEVEL_STRIDE } from './model.ts'
import { BRITISH_DIMINUTIVES, nicknameTable } from './nicknames.ts'
import { prepareRecords } from './pipeline.ts'
import type { LinkageRecord } from './record.ts'
import { PairScorer } from './scorer.ts'
import { LOCAL_U_MIN_RECORDS, withLocalHomeU } from './train.ts'

const nicknames = nicknameTable(BRITISH_DIMINUTIVES)
const GIVEN = ['Amelia', 'Oliver', 'Zara', 'Kacper', 'Siobhan', 'Ibrahim', 'Chloe', 'Declan', 'Maya', 'Tomasz']
const FAMILY = ['Khan', 'Smith', 'Nowak', 'Murphy', 'Begum', 'Taylor', 'Kelly', 'Ahmed', 'Wilson', 'Byrne', 'Ali']
const STREETS = ['Canal Street', 'Drake Street', 'Spotland Road', 'Milkstone Road', 'Oldham Road', 'Yorkshire Street']
const LETTERS = 'ABDEFGHJLNPQRSTUWXYZ'

/** One town: every home in postcode sector OL11 1, in a handful of streets. */
function town(size: number): LinkageRecord[] {
  return Array.from({ length: size }, (_, n) => ({
    id: `r${n}`,
    given_name: GIVEN[n % GIVEN.length],
    family_name: FAMILY[(n * 7) % FAMILY.length],
    date_of_birth: `${1975 + (n % 40)}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`,
    address_line: `${1 + (n % 97)} ${STREETS[n % STREETS.length]}`,
    postcode: `OL11 1${LETTERS[n % LETTERS.length]}${LETTERS[(n * 3) % LETTERS.length]}`,
    phone: `0170600${String(n).padStart(4, '0')}`,
  }))
}

const level = (label: string) => COMPARISONS[ADDRESS].levels.indexOf(label) + 1

test('in one town, sharing a postcode sector weighs nothing; sharing an address still weighs', () => {
  const records = town(800)
  const local = withLocalHomeU(defaultModel(), prepareRecords([records], nicknames))
  const shipped = levelWeights(defaultModel())
  const weights = levelWeights(local)
  const sector = ADDRESS * LEVEL_STRIDE + level('postcode sector or similar street, family names agree')
  assert.ok(shipped[sector] > 3, `shipped ${shipped[sector]}`)
  assert.ok(weights[sector] <= 0.5, `local ${weights[sector]}`)
  const sameAddress = ADDRESS * LEVEL_STRIDE + level('same address, family names agree')
  assert.ok(weights[sameAddress] > 2, `same address ${weights[sameAddress]}`)
  // only the home comparisons change; m is the model's
  local.comparisons.forEach((c, k) =>
    c.levels.forEach((l, x) => {
      const d = defaultModel().comparisons[k].levels[x]
      assert.equal(l.m, d.m)
      if (c.name !== 'address' && c.name !== 'phone') assert.equal(l.u, d.u)
    }),
  )
})

test('a housing record (a name and an address, no date) is not linked to a namesake in another street of the town', () => {
  const records = town(800)
  const child = {
    given_name: 'Siobhan',
    family_name: 'Kelly',
    date_of_birth: '2010-06-04',
    sex: 'female',
    address_line: '4 Canal Street',
    postcode: 'OL11 1AB',
  }
  const elsewhere = {
    given_name: 'Siobhan',
    family_name: 'Kelly',
    sex: 'female',
    address_line: '61 Drake Street',
    postcode: 'OL11 1ZY',
  }
  const sameHome = { ...elsewhere, address_line: '4 Canal Street', postcode: 'OL11 1AB' }
  const p = prepareRecords(
    [[...records, { id: 'child', ...child }, { id: 'x', ...elsewhere }, { id: 'y', ...sameHome }]],
    nicknames,
  )
  const [c, x, y] = [records.length, records.length + 1, records.length + 2]
  const shipped = new PairScorer(defaultModel(), p)
  const local = new PairScorer(withLocalHomeU(defaultModel(), p), p)
  // the shipped u (a country's) weighs sharing a sector; the town's own u weighs it less, so the namesake
  // in another street is not linked (a name with no date and no shared home is weak evidence already)
  assert.ok(
    local.probability(c, x) < shipped.probability(c, x),
    `local ${local.probability(c, x)}, shipped ${shipped.probability(c, x)}`,
  )
  assert.ok(local.probability(c, x) < 0.95, `local ${local.probability(c, x)}`)
  // the child's own housing record, at her address, still links
  assert.ok(local.probability(c, y) >= 0.95, `same home ${local.probability(c, y)}`)
})

test('too few records, or a group of levels seen too rarely, keep the shipped u', () => {
  const few = prepareRecords([town(LOCAL_U_MIN_RECORDS - 1)], nicknames)
  assert.deepEqual(withLocalHomeU(defaultModel(), few), defaultModel())
  // records without phones: the phone's u stay the shipped ones
  const noPhones = prepareRecords([town(800).map((r) => ({ ...r, phone: undefined }))], nicknames)
  const local = withLocalHomeU(defaultModel(), noPhones)
  assert.deepEqual(
    local.comparisons.find((c) => c.name === 'phone'),
    defaultModel().comparisons.find((c) => c.name === 'phone'),
  )
})
