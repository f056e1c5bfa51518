// A child whose records were left as two people is not a contest between them (decision 0057): a
// later record that fits both at the auto threshold joins the best of them, where before every later
// record of that child was queued for the MASH. Twins (and any two people with an identifier apart)
// stay a person's question.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDatabase } from '../testing/backends.ts'
import { personLine, importPersonLines, setLinkThresholds, personOf } from '../testing/person-records.ts'
import type { Db } from '../db/database.ts'
import { defaultThresholds } from './storage.ts'
import type { Thresholds } from './thresholds.ts'

const AT = new Date('2020-02-01T00:00:00Z')
const person = (agency: string, sourceId: string, extra: object) =>
  personLine(agency, sourceId, extra, '2020-01-01T09:00:00Z')

const load = (db: Db, lines: string[]) => importPersonLines(db, lines, AT)

const setThresholds = (db: Db, t: Thresholds) => setLinkThresholds(db, t, AT)

const entityOf = personOf

const openReviews = async (db: Db) =>
  (await db.selectFrom('linkage_reviews').select('id').where('status', '=', 'open').execute()).length

const aimee = {
  given_name: 'Aimee',
  family_name: 'Clarke',
  date_of_birth: '2011-05-02',
  sex: 'female',
}
const home = { address: { line1: '14 Lincoln Road', town: 'Peterborough', postcode: 'PE1 2RL' } }
const phone = '07700900461'

forEachDatabase('one child left as two people', (backend) => {
  test('a later record that fits both people of one child joins the best, not the queue', async () => {
    const { db } = backend().database
    // the child's first two records are left apart (thresholds set out of reach for the second)
    await load(db, [person('health', 'H-1', { ...aimee, ...home, phone, nhs_number: '9434765919' })])
    await setThresholds(db, { auto: 0.9999999999, review: 0.9999999998 })
    await load(db, [person('school', 'S-1', { ...aimee, family_name: 'Clark', ...home })])
    assert.notEqual(await entityOf(db, 'health:H-1'), await entityOf(db, 'school:S-1'))
    await setThresholds(db, defaultThresholds())
    // a police record fits both at the auto threshold (no exact rule: the given name is spelt
    // another way): one child recorded as two people
    await load(db, [person('police', 'P-1', { ...aimee, given_name: 'Amie', ...home, phone })])
    assert.equal(await openReviews(db), 0)
    const p = await entityOf(db, 'police:P-1')
    assert.ok([await entityOf(db, 'health:H-1'), await entityOf(db, 'school:S-1')].includes(p))
  })

  test('two people with NHS numbers apart stay a contest: the record is queued', async () => {
    const { db } = backend().database
    await load(db, [person('health', 'H-1', { ...aimee, ...home, phone, nhs_number: '9434765919' })])
    await setThresholds(db, { auto: 0.9999999999, review: 0.9999999998 })
    await load(db, [person('health', 'H-2', { ...aimee, ...home, phone, nhs_number: '4010232137' })])
    await setThresholds(db, defaultThresholds())
    await load(db, [person('police', 'P-1', { ...aimee, given_name: 'Amie', ...home, phone })])
    assert.equal(await openReviews(db), 1)
  })
})

forEachDatabase("a mother's NHS number on her newborn's record", (backend) => {
  test('held by records a generation apart, the number keeps no record from its child', async () => {
    const { db } = backend().database
    const amira = { given_name: 'Amira', family_name: 'Hassan', date_of_birth: '2019-03-02', sex: 'female', ...home }
    const mothers = '9434765919'
    await load(db, [
      person('csc', 'C-1', { ...amira, phone, nhs_number: '4010232137' }),
      person('police', 'P-9', { ...amira, given_name: 'Hodan', date_of_birth: '1990-07-14', nhs_number: mothers }),
    ])
    // the newborn's record, the given name spelt another way (no exact rule), the mother's number on it
    await load(db, [person('health', 'H-1', { ...amira, given_name: 'Amirah', phone, nhs_number: mothers })])
    assert.equal(await entityOf(db, 'health:H-1'), await entityOf(db, 'csc:C-1'))
    assert.equal(await openReviews(db), 0)
  })
})
