import { randomBytes } from 'node:crypto'
import { openDatabase } from './src/db/database.ts'
import { migrate } from './src/db/migrate.ts'
import { addAgency } from './src/agencies/agencies.ts'
import { importRecords, ndjsonLines } from './src/records/importer.ts'
import { generatedPersonLines } from './src/linkage/test-area.ts'
import { trainAndStore } from './src/linkage/storage.ts'
import { linkSession } from './src/linkage/incremental.ts'
const schema = `bench_${randomBytes(5).toString('hex')}`
const database = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/test', schema })
const db = database.db
await migrate(db, schema)
for (const [code, kind] of [['police', 'police'], ['school', 'education'], ['clinic', 'health'], ['csc', 'childrens_social_care']]) await addAgency(db, { code, name: code, kind })
await importRecords(db, ndjsonLines(generatedPersonLines(20000, 11, '2019-01-01T09:00:00')), { channel: 'file', skipInvalid: true, actor: { kind: 'system', name: 'x' }, receivedAt: new Date('2019-01-02T00:00:00Z') })
await trainAndStore(db, 'bench', new Date())
for (let i = 0; i < 8; i++) {
  const t0 = performance.now()
  let t1 = 0, t2 = 0
  await db.transaction().execute(async (trx) => {
    const s = (await linkSession(trx))!
    t1 = performance.now()
    s.decide({ agency: 'csc', source_id: 'Q' + i, given_name: 'Amy', family_name: 'Smith' + i, date_of_birth: '2007-03-14' } as any)
    t2 = performance.now()
  })
  console.log('open', (t1 - t0).toFixed(1), 'decide', (t2 - t1).toFixed(1), 'commit', (performance.now() - t2).toFixed(1))
}
await db.schema.dropSchema(schema).cascade().execute()
await database.close()
