import { openDatabase } from './src/db/database.ts'
import { migrate } from './src/db/migrate.ts'
import { seedLinkageArea } from './src/linkage/test-area.ts'
import { trainAndStore, activeModel, currentRecords, productNicknames } from './src/linkage/storage.ts'
import { createLinker } from './src/linkage/linker.ts'
import { linkageRecordFromPerson } from './src/linkage/record.ts'
import { tradeOff } from './src/linkage/thresholds.ts'
const database = await openDatabase({ dataDir: 'memory://' })
await migrate(database.db)
const db = database.db
await seedLinkageArea(db, 300)
const s = await trainAndStore(db, 'test', new Date(), { seed: 1, randomPairs: 50_000 })
console.log('records', s.records, 'pairs', s.candidatePairs, [0.5, 0.95].map((t) => JSON.stringify(tradeOff(s.scores, t))))
const active = (await activeModel(db))!
const l = createLinker(active.model, productNicknames())
for (const r of await currentRecords(db)) l.add(r.record, String(r.entityId))
const P = (o: any) => linkageRecordFromPerson(o)
l.add(P({ agency: 'police', source_id: 'P-1', given_name: 'Aimee', family_name: 'Smyth', date_of_birth: '2007-03-14', sex: 'female', address: { line1: '12 Canal Street', town: 'Rochdale', postcode: 'OL11 2AB' }, phone: '07700900123' }), 'A')
const school = P({ agency: 'school', source_id: 'S-1', given_name: 'Amy', family_name: 'Smith', date_of_birth: '2007-03-14', sex: 'female', address: { line1: '12 Canal St', postcode: 'OL11 2AB' }, phone: '07700900123' })
console.log('school', l.match(school, { minProbability: 0 })[0])
l.add(school, 'A')
const clinic = P({ agency: 'clinic', source_id: 'C-1', given_name: 'Amy-Leigh', family_name: 'Smith', date_of_birth: '2007-12-03', sex: 'female', address: { line1: '3 Mill Lane', postcode: 'OL12 6QT' } })
console.log('clinic', l.match(clinic, { minProbability: 0 }).slice(0, 2), l.explain(clinic, 'school:S-1').comparisons.map((c) => `${c.comparison}:${c.level}:${c.weight.toFixed(1)}`).join(' '))
await database.close()
process.exit(0)
