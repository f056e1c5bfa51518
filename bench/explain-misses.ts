// For each child record left a person of its own although its child has other records: the product's
// judgement of it against the child's person now (the final state of an imported area), level by level.
//   node --import tsx bench/explain-misses.ts AREA_DIR DATA_DIR
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { openDatabase } from '../src/db/database.ts'
import { linkSession } from '../src/linkage/incremental.ts'
import { currentRecords } from '../src/linkage/storage.ts'

const [area, dataDir] = process.argv.slice(2)
const truth = new Map(
  readFileSync(join(area, 'truth.csv'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(','))
    .map(([a, s, p, c]) => [`${a}:${s}`, { person: p, child: c === '1' }]),
)
const { db, close } = await openDatabase({ dataDir, command: 'explain' })
await db
  .transaction()
  .execute(async (trx) => {
    const session = await linkSession(trx, new Date('2025-01-31T12:00:00Z'))
    const stored = await currentRecords(trx)
    const size = new Map<number, number>()
    for (const s of stored) size.set(s.entityId, (size.get(s.entityId) ?? 0) + 1)
    const byPerson = new Map<string, typeof stored>()
    for (const s of stored) {
      const t = truth.get(`${s.agency}:${s.sourceId}`)
      if (!t?.child) continue
      if (!byPerson.has(t.person)) byPerson.set(t.person, [])
      byPerson.get(t.person)!.push(s)
    }
    const patterns = new Map<string, number>()
    for (const s of stored) {
      const t = truth.get(`${s.agency}:${s.sourceId}`)
      if (!t?.child || size.get(s.entityId) !== 1) continue
      const mates = byPerson.get(t.person)!.filter((o) => o.entityId !== s.entityId)
      if (mates.length === 0) continue
      // the largest other fragment of the child
      const counts = new Map<number, number>()
      for (const m of mates) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1)
      const target = [...counts].sort((a, b) => b[1] - a[1])[0][0]
      const decision = session.reconsider(s.record, s.entityId)
      const a = session.against(s.record, target, 0)
      let line = `${s.record.id} -> e${target}: decision ${decision.kind}${'entityId' in decision ? ` e${decision.entityId}${decision.entityId === target ? '' : ' (WRONG)'} p=${decision.probability.toFixed(3)}` : ''}; against true p=${a ? a.probability.toFixed(4) : 'apart'}`
      if (a) {
        const e = (
          session as unknown as {
            linker: {
              explain: (
                r: unknown,
                k: string,
              ) => { comparisons: { comparison: string; level: string; weight: number }[] }
            }
          }
        ).linker.explain(s.record, a.recordId)
        const parts = e.comparisons
          .filter((c) => c.level !== 'null')
          .map((c) => `${c.comparison}=${c.level}(${c.weight.toFixed(1)})`)
        line += `\n    vs ${a.recordId}: ${parts.join(' ')}`
        const key = e.comparisons
          .filter(
            (c) =>
              ['given_name', 'family_name', 'date_of_birth'].includes(c.comparison) ||
              !['sex', 'nhs_number', 'identifier', 'address', 'phone'].includes(c.comparison),
          )
          .map((c) => `${c.comparison}=${c.level.split(',')[0].slice(0, 28)}`)
          .join(' ')
        patterns.set(key, (patterns.get(key) ?? 0) + 1)
      }
      console.log(line)
    }
    console.log('\npatterns:')
    for (const [k, n] of [...patterns].sort((x, y) => y[1] - x[1])) console.log(`${n}\t${k}`)
    throw new Error('rollback')
  })
  .catch((e) => {
    if ((e as Error).message !== 'rollback') throw e
  })
await close()
