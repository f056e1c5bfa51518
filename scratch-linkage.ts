import { openDatabase } from './src/db/database.ts'
import { migrate } from './src/db/migrate.ts'
import { seedLinkageArea } from './src/linkage/test-area.ts'
import { trainAndStore, activeModel, currentRecords, productNicknames } from './src/linkage/storage.ts'
import { createLinker } from './src/linkage/linker.ts'
import { linkageRecordFromPerson } from './src/linkage/record.ts'
const database = await openDatabase({ dataDir: 'memory://' })
await migrate(database.db)
const db = database.db
await seedLinkageArea(db, Number(process.argv[2] ?? 300))
for (const rp of [50_000, 400_000]) {
await trainAndStore(db, 'test', new Date(), { seed: 1, randomPairs: rp })
const active = (await activeModel(db))!
const l = createLinker(active.model, productNicknames())
for (const s of await currentRecords(db)) l.add(s.record, String(s.entityId))
const ADDRESS = { line1: '12 Canal Street', town: 'Rochdale', postcode: 'OL11 2AB' }
const a: any = linkageRecordFromPerson({ agency: 'police', source_id: 'P-1', given_name: 'Aimee', family_name: 'Smyth', date_of_birth: '2007-03-14', sex: 'female', address: ADDRESS, phone: '07700900123' } as any)
l.add(a)
const b: any = linkageRecordFromPerson({ agency: 'school', source_id: 'S-1', given_name: 'Amy', family_name: 'Smith', date_of_birth: '2007-03-14', sex: 'female', address: { line1: '12 Canal St', postcode: 'OL11 2AB' }, phone: '07700900123' } as any)
const e = l.explain(b, 'police:P-1'); console.log(rp, e.probability.toFixed(4), e.prior.toFixed(1), e.comparisons.map((c) => `${c.comparison}:${c.level}:${c.weight.toFixed(1)}`).join(' '))
console.log(active.model.comparisons.find((c) => c.name === 'phone'))
}
await database.close()
process.exit(0)
