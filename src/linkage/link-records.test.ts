// Linking imported person records on both databases: the exact rules respect identifiers that
// tell two people apart, and a placeholder date of birth is no evidence on its own.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDatabase } from '../testing/backends.ts'
import { personLine, importPersonLines } from '../testing/person-records.ts'
import type { Db } from '../db/database.ts'

const person = (agency: string, sourceId: string, extra: object) =>
  personLine(agency, sourceId, extra, '2020-01-01T09:00:00Z')

const load = (db: Db, lines: string[]) => importPersonLines(db, lines, new Date('2020-02-01T00:00:00Z'))

async function links(db: Db) {
  const rows = await db.selectFrom('entity_links').select(['agency_code', 'source_id', 'entity_id', 'method']).execute()
  return new Map(rows.map((r) => [`${r.agency_code}:${r.source_id}`, r]))
}

forEachDatabase('exact linking rules', (backend) => {
  test('two records with different NHS numbers are two people, whatever their name and date of birth', async () => {
    const { db } = backend().database
    const jo = { given_name: 'Jo', family_name: 'Smith', date_of_birth: '2012-06-14' }
    await load(db, [
      person('health', 'H-1', { ...jo, nhs_number: '9434765919' }),
      person('health', 'H-2', { ...jo, nhs_number: '4010232137' }),
    ])
    const l = await links(db)
    assert.notEqual(l.get('health:H-1')!.entity_id, l.get('health:H-2')!.entity_id)
    // a third record of that name and date, without an NHS number, could be either: no rule picks one
    await load(db, [person('csc', 'C-1', jo), person('police', 'P-1', { ...jo, nhs_number: '4010232137' })])
    const after = await links(db)
    assert.notEqual(after.get('csc:C-1')!.method, 'name_and_dob')
    assert.equal(after.get('police:P-1')!.entity_id, l.get('health:H-2')!.entity_id)
    assert.equal(after.get('police:P-1')!.method, 'nhs_number_and_dob')
  })

  test('different UPNs or PNC ids keep the name rule from joining two people', async () => {
    const { db } = backend().database
    const kai = { given_name: 'Kai', family_name: 'Jones', date_of_birth: '2010-03-09' }
    await load(db, [
      person('school', 'S-1', { ...kai, upn: 'A123456789012' }),
      person('police', 'P-1', { ...kai, pnc_id: '24/123456A' }),
    ])
    const first = await links(db)
    assert.equal(first.get('police:P-1')!.entity_id, first.get('school:S-1')!.entity_id, 'no conflict: one person')
    await load(db, [
      person('school', 'S-2', { ...kai, upn: 'R223456789013' }),
      person('police', 'P-2', { ...kai, pnc_id: '24/654321B' }),
    ])
    const l = await links(db)
    const kaiOne = first.get('school:S-1')!.entity_id
    assert.notEqual(l.get('school:S-2')!.entity_id, kaiOne)
    assert.notEqual(l.get('police:P-2')!.entity_id, kaiOne)
  })

  test('a name and a 1 January or 31 December birthday link only with something else that agrees', async () => {
    const { db } = backend().database
    const address = { line1: '4 Drake Street', town: 'Rochdale', postcode: 'OL16 1PA' }
    await load(db, [
      person('police', 'P-1', { given_name: 'Ali', family_name: 'Khan', date_of_birth: '2011-01-01', address }),
      person('csc', 'C-1', { given_name: 'Ali', family_name: 'Khan', date_of_birth: '2011-01-01', address }),
      person('police', 'P-2', { given_name: 'Sam', family_name: 'Khan', date_of_birth: '2011-12-31' }),
      person('csc', 'C-2', { given_name: 'Sam', family_name: 'Khan', date_of_birth: '2011-12-31' }),
    ])
    const l = await links(db)
    assert.equal(l.get('csc:C-1')!.entity_id, l.get('police:P-1')!.entity_id)
    assert.equal(l.get('csc:C-1')!.method, 'name_and_dob')
    assert.notEqual(l.get('csc:C-2')!.method, 'name_and_dob', 'a placeholder date alone is not an exact match')
  })
})
