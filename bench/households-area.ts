// Our household-heavy people sets (bench/household-people.ts) imported as agency records, file by file
// as agencies send them, into an embedded database with linkage as shipped (no linkage command): how
// many pairs of one person's records end up as one person (recall), how many held pairs are two
// people (false share), and the review queue per 1,000 records. Records with no address, phone or
// NHS number (a name and an approximate age) come from the charity; the rest go round five agencies.
//   node --import tsx bench/households-area.ts SET.csv [SET.csv ...]
import { readFileSync } from 'node:fs'
import { sql } from 'kysely'
import { parse } from 'csv-parse/sync'
import { openDatabase } from '../src/db/database.ts'
import { migrate } from '../src/db/migrate.ts'
import { addAgency } from '../src/agencies/agencies.ts'
import { importRecords, ndjsonLines } from '../src/import/importer.ts'

const AGENCIES = [
  ['police', 'police'],
  ['csc', 'childrens_social_care'],
  ['health', 'health'],
  ['school', 'education'],
  ['yjs', 'youth_justice'],
] as const
const actor = { kind: 'system', name: 'bench' } as const
const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`)

for (const file of process.argv.slice(2)) {
  const rows = parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[]
  // people from the truth pairs (connected records)
  const parent = new Map<string, string>()
  const find = (x: string): string => {
    const p = parent.get(x) ?? x
    if (p === x) return x
    const r = find(p)
    parent.set(x, r)
    return r
  }
  const truthPairs = parse(readFileSync(file.replace(/\.csv$/, '.truth-pairs.csv'), 'utf8'), { columns: true }) as {
    id_a: string
    id_b: string
  }[]
  for (const { id_a, id_b } of truthPairs) parent.set(find(id_a), find(id_b))
  const database = await openDatabase({ dataDir: 'memory://' })
  const db = database.db
  await migrate(db)
  for (const [code, kind] of [...AGENCIES, ['charity', 'voluntary'] as const])
    await addAgency(db, { code, name: code, kind })
  // five yearly deliveries of every agency
  const started = Date.now()
  const agencyOf = new Map<string, string>()
  for (let year = 0; year < 5; year++) {
    const lines: string[] = []
    rows.forEach((r, n) => {
      if (n % 5 !== year) return
      const sparse = !r.address_line && !r.postcode && !r.phone && !r.nhs_number
      const agency = sparse ? 'charity' : AGENCIES[(n * 7) % AGENCIES.length][0]
      agencyOf.set(r.record_id, agency)
      lines.push(
        JSON.stringify({
          type: 'person',
          agency,
          source_id: r.record_id,
          given_name: r.given_name || undefined,
          family_name: r.family_name || undefined,
          date_of_birth: r.date_of_birth || undefined,
          sex: r.sex || undefined,
          nhs_number: r.nhs_number || undefined,
          phone: r.phone || undefined,
          address:
            r.address_line || r.postcode
              ? { line1: r.address_line || undefined, postcode: r.postcode || undefined }
              : undefined,
          recorded_at: `${2018 + year}-03-01T09:00:00Z`,
        }),
      )
    })
    await importRecords(db, ndjsonLines(lines.join('\n')), {
      channel: 'file',
      skipInvalid: true,
      actor,
      receivedAt: new Date(`${2018 + year}-03-02T00:00:00Z`),
    })
  }
  const links = await sql<{
    source_id: string
    entity_id: number
  }>`select source_id, entity_id from entity_links`.execute(db)
  const byEntity = new Map<number, string[]>()
  for (const l of links.rows) {
    const list = byEntity.get(l.entity_id) ?? []
    list.push(l.source_id)
    byEntity.set(l.entity_id, list)
  }
  const truth = new Set(truthPairs.map((p) => key(p.id_a, p.id_b)))
  let held = 0
  let right = 0
  for (const ids of byEntity.values())
    for (let a = 0; a < ids.length; a++)
      for (let b = a + 1; b < ids.length; b++) {
        held++
        if (truth.has(key(ids[a], ids[b]))) right++
      }
  const queue = await sql<{ n: number }>`select count(*)::int as n from linkage_reviews where status = 'open'`.execute(
    db,
  )
  const charityTrue = truthPairs.filter((p) => agencyOf.get(p.id_a) === 'charity' || agencyOf.get(p.id_b) === 'charity')
  const entityOfRecord = new Map(links.rows.map((l) => [l.source_id, l.entity_id]))
  const charityTogether = charityTrue.filter((p) => entityOfRecord.get(p.id_a) === entityOfRecord.get(p.id_b)).length
  console.log(
    `${file.split('/').pop()}: ${rows.length} records; recall ${right}/${truth.size} = ${((100 * right) / truth.size).toFixed(2)}%; ` +
      `false share ${held - right}/${held} = ${((100 * (held - right)) / Math.max(1, held)).toFixed(2)}%; ` +
      `queue ${queue.rows[0].n} = ${((1000 * queue.rows[0].n) / rows.length).toFixed(1)} per 1,000; ` +
      `charity pairs together ${charityTogether}/${charityTrue.length}; ${((Date.now() - started) / 1000).toFixed(0)} s`,
  )
  if (process.env.DUMP) {
    const history = await sql<{ source_id: string; reason: string | null; actor: string }>`
      select source_id, reason, actor from entity_link_history`.execute(db)
    const why = new Map(history.rows.map((h) => [h.source_id, `${h.actor}: ${h.reason}`]))
    const method = await sql<{ source_id: string; method: string }>`select source_id, method from entity_links`.execute(
      db,
    )
    const methodOf = new Map(method.rows.map((m) => [m.source_id, m.method]))
    const wrong = new Map<string, number>()
    const rowOf = new Map(rows.map((r) => [r.record_id, r]))
    const show = (id: string) => {
      const r = rowOf.get(id)!
      return `${r.given_name} ${r.family_name} ${r.date_of_birth} ${r.sex} ${r.postcode} ${r.phone} ${r.nhs_number}`
    }
    let shown = 0
    for (const ids of byEntity.values())
      for (let a = 0; a < ids.length; a++)
        for (let b = a + 1; b < ids.length; b++)
          if (!truth.has(key(ids[a], ids[b]))) {
            const m = [methodOf.get(ids[a]), methodOf.get(ids[b])].sort().join('+')
            wrong.set(m, (wrong.get(m) ?? 0) + 1)
            if (shown++ < 12)
              console.log(
                `  WRONG ${show(ids[a])} [${methodOf.get(ids[a])} ${why.get(ids[a]) ?? ''}]\n        ${show(ids[b])} [${methodOf.get(ids[b])} ${why.get(ids[b]) ?? ''}]`,
              )
          }
    console.log('wrong pairs by method', Object.fromEntries(wrong))
    const reviews = await sql<{
      source_id: string
      candidate_source: string
      probability: number
      explanation: string
    }>`
      select source_id, candidate_source, probability, explanation::text as explanation from linkage_reviews where status = 'open'`.execute(
      db,
    )
    const patterns = new Map<string, [number, number]>()
    for (const r of reviews.rows) {
      const e = JSON.parse(r.explanation) as { comparisons: { comparison: string; level: string }[] }
      const pattern = e.comparisons
        .filter((c) => c.level !== 'null')
        .map((c) => `${c.comparison}=${c.level}`)
        .join('; ')
      const t = patterns.get(pattern) ?? [0, 0]
      t[truth.has(key(r.source_id, r.candidate_source)) ? 0 : 1]++
      patterns.set(pattern, t)
    }
    const buckets = new Map<number, [number, number]>()
    for (const r of reviews.rows) {
      const b = Math.floor(r.probability * 20) / 20
      const t = buckets.get(b) ?? [0, 0]
      t[truth.has(key(r.source_id, r.candidate_source)) ? 0 : 1]++
      buckets.set(b, t)
    }
    for (const [b, [t, f]] of [...buckets].sort((x, y) => x[0] - y[0]))
      console.log(`p >= ${b.toFixed(2)}: ${t} true ${f} false`)
    for (const [p, [t, f]] of [...patterns].sort((a, b) => b[1][0] + b[1][1] - a[1][0] - a[1][1]).slice(0, 25))
      console.log(`${t} true ${f} false  ${p}`)
  }
  await database.close()
}
