// The import path refuses what `threadline link` refuses (decision 0068): a person holding one record
// that is another person than the new record whatever else agrees (scorer.ts twoPeople) is no
// candidate, however well the new record fits that person's other records. Before, the import path
// scored a record against each person's best record only: a father's housing record with no date of
// birth took his son of the same name into the father's person.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDatabase } from '../testing/backends.ts'
import { personLine, importPersonLines, setLinkThresholds, personOf } from '../testing/person-records.ts'
import { TEST_ACTOR } from '../testing/seed.ts'
import type { Db } from '../db/database.ts'
import { mergePeople } from './merge.ts'
import { defaultThresholds } from './storage.ts'
import type { Thresholds } from './thresholds.ts'

const AT = new Date('2024-02-01T00:00:00Z')
const person = (agency: string, sourceId: string, extra: object) =>
  personLine(agency, sourceId, extra, '2024-01-01T09:00:00Z')

const load = (db: Db, lines: string[]) => importPersonLines(db, lines, AT)

const setThresholds = (db: Db, t: Thresholds) => setLinkThresholds(db, t, AT)

const entityOf = personOf

const home = { address: { line1: '7 Coble Dene', town: 'South Shields', postcode: 'NE33 1QT' } }
const kevin = { given_name: 'Kevin', family_name: 'Walsh', sex: 'male', ...home }

forEachDatabase('the import path refuses a person whose records contradict the new one', (backend) => {
  test("a son of his father's name does not join the father through a record with no date of birth", async () => {
    const { db } = backend().database
    await load(db, [person('csc', 'C-1', { ...kevin, date_of_birth: '1984-06-12' })])
    // housing's tenant: the name and the home, no date of birth; a practitioner found him the father
    await load(db, [person('hsg', 'T-1', { ...kevin })])
    const father = await entityOf(db, 'csc:C-1')
    const tenant = await entityOf(db, 'hsg:T-1')
    if (tenant !== father)
      await db
        .transaction()
        .execute((trx) => mergePeople(trx, TEST_ACTOR, tenant, father, 'the tenant is the father', AT))
    assert.equal(await entityOf(db, 'hsg:T-1'), father)
    // an area that links at 0.05: the son's name and home fit the tenant's record
    await setThresholds(db, { auto: 0.05, review: 0.01 })
    // the son: the name and the home fit the tenant's record; his date of birth is a generation
    // from the father's
    await load(db, [person('school', 'S-1', { ...kevin, date_of_birth: '2012-09-03' })])
    assert.notEqual(await entityOf(db, 'school:S-1'), father)
    await setThresholds(db, defaultThresholds())
  })

  test('a record that contradicts none of the person joins it as before', async () => {
    const { db } = backend().database
    // the same, but the person is the son himself
    await load(db, [person('csc', 'C-1', { ...kevin, date_of_birth: '2012-09-03' })])
    await load(db, [person('hsg', 'T-1', { ...kevin })])
    const child = await entityOf(db, 'csc:C-1')
    const tenant = await entityOf(db, 'hsg:T-1')
    if (tenant !== child)
      await db.transaction().execute((trx) => mergePeople(trx, TEST_ACTOR, tenant, child, 'the same child', AT))
    await setThresholds(db, { auto: 0.05, review: 0.01 })
    await load(db, [person('school', 'S-1', { ...kevin, date_of_birth: '2012-09-03', phone: '07700900123' })])
    assert.equal(await entityOf(db, 'school:S-1'), child)
    await setThresholds(db, defaultThresholds())
  })
})
