// Migration 0022 on a database from before 1.2.0, on both databases.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDatabase } from '../testing/backends.ts'
import * as riskInstrument12 from '../db/migrations/0022_risk_instrument_1_2.ts'
import * as riskInstrument13 from '../db/migrations/0032_risk_instrument_1_3.ts'
import * as riskInstrument14 from '../db/migrations/0041_risk_instrument_1_4.ts'
import * as riskInstrument15 from '../db/migrations/0046_risk_instrument_1_5.ts'
import { serafCse, serafCse110, serafCse120, serafCse130, serafCse140 } from './seraf-cse.ts'
import { currentInstrument } from './store.ts'

forEachDatabase('the shipped instrument 1.2.0', (backend) => {
  test('migration 0022 puts the shipped version in use over 1.1.0, and an area’s own version stays in use', async () => {
    const { db } = backend().database
    // A database from before 1.2.0: the shipped 1.1.0 in use.
    await db.deleteFrom('risk_instruments').execute()
    await db
      .insertInto('risk_instruments')
      .values({
        instrument_id: 'seraf-cse',
        version: '1.1.0',
        definition: JSON.stringify(serafCse110),
        added_at: new Date('1970-01-01T00:00:01Z'),
      })
      .execute()
    await riskInstrument12.up(db as never)
    assert.equal((await currentInstrument(db)).version, serafCse.version)
    // An area that had added its own keeps it.
    await db.deleteFrom('risk_instruments').where('version', '=', serafCse.version).execute()
    await db
      .insertInto('risk_instruments')
      .values({
        instrument_id: 'area-own',
        version: '1.0.0',
        definition: JSON.stringify({ ...serafCse110, id: 'area-own', version: '1.0.0' }),
        added_at: new Date('2025-01-01T00:00:00Z'),
      })
      .execute()
    await riskInstrument12.up(db as never)
    assert.equal((await currentInstrument(db)).id, 'area-own')
  })
})

forEachDatabase('the shipped instrument 1.3.0', (backend) => {
  test('migration 0032 puts 1.3.0 in use over 1.2.0, and an area’s own version stays in use', async () => {
    const { db } = backend().database
    // A database from before 1.3.0: the shipped 1.2.0 in use.
    await db.deleteFrom('risk_instruments').execute()
    await db
      .insertInto('risk_instruments')
      .values({
        instrument_id: 'seraf-cse',
        version: '1.2.0',
        definition: JSON.stringify(serafCse120),
        added_at: new Date('1970-01-01T00:00:02Z'),
      })
      .execute()
    await riskInstrument13.up(db as never)
    const inUse = await currentInstrument(db)
    // 0032 adds the shipped instrument of its code (1.4.0 since migration 0041; a database migrating from
    // before 1.3.0 runs both): a version that reads explanations.
    assert.equal(inUse.version, serafCse.version)
    assert.equal(inUse.readsExplanations, true)
    // An area that had added its own after 1.2.0 keeps it.
    await db.deleteFrom('risk_instruments').where('version', '=', serafCse.version).execute()
    await db
      .insertInto('risk_instruments')
      .values({
        instrument_id: 'area-own',
        version: '2.0.0',
        definition: JSON.stringify({ ...serafCse120, id: 'area-own', version: '2.0.0' }),
        added_at: new Date('2025-01-01T00:00:00Z'),
      })
      .execute()
    await riskInstrument13.up(db as never)
    assert.equal((await currentInstrument(db)).id, 'area-own')
  })
})

forEachDatabase('the shipped instrument 1.4.0', (backend) => {
  test('migration 0041 puts 1.4.0 in use over 1.3.0, and an area’s own version stays in use', async () => {
    const { db } = backend().database
    // A database from before 1.4.0: the shipped 1.3.0 in use.
    await db.deleteFrom('risk_instruments').execute()
    await db
      .insertInto('risk_instruments')
      .values({
        instrument_id: 'seraf-cse',
        version: '1.3.0',
        definition: JSON.stringify(serafCse130),
        added_at: new Date('1970-01-01T00:00:03Z'),
      })
      .execute()
    await riskInstrument14.up(db as never)
    const inUse = await currentInstrument(db)
    // 0041 adds the shipped instrument of its code (1.5.0 since migration 0046): one that reads follow-ups.
    assert.equal(inUse.version, serafCse.version)
    assert.equal(inUse.readsFollowUps, true)
    assert.equal(inUse.patternRules?.[0]?.id, 'multi-agency-pattern')
    // An area that had added its own after 1.3.0 keeps it.
    await db.deleteFrom('risk_instruments').where('version', '=', serafCse.version).execute()
    await db
      .insertInto('risk_instruments')
      .values({
        instrument_id: 'area-own',
        version: '2.0.0',
        definition: JSON.stringify({ ...serafCse130, id: 'area-own', version: '2.0.0' }),
        added_at: new Date('2025-01-01T00:00:00Z'),
      })
      .execute()
    await riskInstrument14.up(db as never)
    assert.equal((await currentInstrument(db)).id, 'area-own')
  })
})

forEachDatabase('the shipped instrument 1.5.0', (backend) => {
  test('migration 0046 puts 1.5.0 in use over 1.4.0, and an area’s own version stays in use', async () => {
    const { db } = backend().database
    // A database from before 1.5.0: the shipped 1.4.0 in use.
    await db.deleteFrom('risk_instruments').execute()
    await db
      .insertInto('risk_instruments')
      .values({
        instrument_id: 'seraf-cse',
        version: '1.4.0',
        definition: JSON.stringify(serafCse140),
        added_at: new Date('1970-01-01T00:00:04Z'),
      })
      .execute()
    await riskInstrument15.up(db as never)
    const inUse = await currentInstrument(db)
    assert.equal(inUse.version, '1.5.0')
    assert.equal(inUse.readsPlainWording, true)
    assert.ok(inUse.patternRules?.some((r) => r.id === 'any-significant'))
    // An area that had added its own after 1.4.0 keeps it.
    await db.deleteFrom('risk_instruments').where('version', '=', '1.5.0').execute()
    await db
      .insertInto('risk_instruments')
      .values({
        instrument_id: 'area-own',
        version: '2.0.0',
        definition: JSON.stringify({ ...serafCse140, id: 'area-own', version: '2.0.0' }),
        added_at: new Date('2025-01-01T00:00:00Z'),
      })
      .execute()
    await riskInstrument15.up(db as never)
    assert.equal((await currentInstrument(db)).id, 'area-own')
  })
})
