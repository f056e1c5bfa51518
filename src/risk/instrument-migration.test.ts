// Each migration that ships a new version of the instrument, on a database from before it, on both
// databases: the shipped version (the code's own, whichever migration adds it) is put in use over the
// shipped version before it, and an area's own version added after that stays in use.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Kysely } from 'kysely'
import { forEachDatabase } from '../testing/backends.ts'
import * as riskInstrument12 from '../db/migrations/0022_risk_instrument_1_2.ts'
import * as riskInstrument13 from '../db/migrations/0032_risk_instrument_1_3.ts'
import * as riskInstrument14 from '../db/migrations/0041_risk_instrument_1_4.ts'
import * as riskInstrument15 from '../db/migrations/0046_risk_instrument_1_5.ts'
import * as riskInstrument16 from '../db/migrations/0051_risk_instrument_1_6.ts'
import { serafCse, serafCse110, serafCse120, serafCse130, serafCse140, serafCse150 } from './seraf-cse.ts'
import { currentInstrument } from './store.ts'

const migrations = [
  { name: '0022', up: riskInstrument12.up, before: serafCse110 },
  { name: '0032', up: riskInstrument13.up, before: serafCse120 },
  { name: '0041', up: riskInstrument14.up, before: serafCse130 },
  { name: '0046', up: riskInstrument15.up, before: serafCse140 },
  { name: '0051', up: riskInstrument16.up, before: serafCse150 },
] as const

forEachDatabase('the shipped instrument put in use by each migration', (backend) => {
  migrations.forEach(({ name, up, before }, i) => {
    test(`migration ${name} puts ${serafCse.version} in use over ${before.version}, and an area’s own version stays in use`, async () => {
      const { db } = backend().database
      const migrate = () => up(db as unknown as Kysely<unknown>)
      // A database from before the migration: the shipped version before it in use.
      await db.deleteFrom('risk_instruments').execute()
      await db
        .insertInto('risk_instruments')
        .values({
          instrument_id: 'seraf-cse',
          version: before.version,
          definition: JSON.stringify(before),
          added_at: new Date(Date.UTC(1970, 0, 1, 0, 0, i + 1)),
        })
        .execute()
      await migrate()
      const inUse = await currentInstrument(db)
      // every migration adds the code's shipped instrument (a database migrating from long ago runs them all)
      assert.equal(inUse.version, serafCse.version)
      assert.equal(inUse.readsExplanations, true)
      assert.equal(inUse.readsFollowUps, true)
      assert.equal(inUse.readsPlainWording, true)
      assert.equal(inUse.readsOlderPartners, true)
      assert.ok(inUse.patternRules?.some((r) => r.id === 'multi-agency-pattern'))
      assert.ok(inUse.patternRules?.some((r) => r.id === 'any-significant'))
      assert.ok(inUse.patternRules?.some((r) => r.id === 'exploited-peers-and-substances'))
      // An area that had added its own after the shipped version before keeps it.
      await db.deleteFrom('risk_instruments').where('version', '=', serafCse.version).execute()
      await db
        .insertInto('risk_instruments')
        .values({
          instrument_id: 'area-own',
          version: '2.0.0',
          definition: JSON.stringify({ ...before, id: 'area-own', version: '2.0.0' }),
          added_at: new Date('2025-01-01T00:00:00Z'),
        })
        .execute()
      await migrate()
      assert.equal((await currentInstrument(db)).id, 'area-own')
    })
  })
})
