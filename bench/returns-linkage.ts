// How well one child's records link when children's social care arrives only as DfE returns (CIN
// census and SSDA903, which carry no names) and health only as FHIR bundles, against the same area
// sent entirely as NDJSON, in the same run: the share of true pairs of one child's records held as
// one person, and the share of pairs held together that belong to two different people.
//   npm run bench -- returns-linkage [--quick] [--seed S] [--children N]
//   node --import tsx bench/returns-linkage.ts --fresh /work/fresh/areas/a3   (an area written by others:
//   agencies.json, YYYY/<agency>.ndjson, truth.json with persons{"agency:source_id": {person}})
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import { openDatabase } from '../src/db/database.ts'
import { migrate } from '../src/db/migrate.ts'
import { addAgency } from '../src/agencies/agencies.ts'
import { importRecords } from '../src/import/importer.ts'
import { generateArea } from '../src/demo/generate-area.ts'
import { formatNamed } from '../src/returns/formats.ts'
import { importReturns, textInput } from '../src/returns/import.ts'
import { writeReturns } from '../src/returns/write.ts'
import { fmt, report, timed } from './support.ts'

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    seed: { type: 'string' },
    children: { type: 'string' },
    fresh: { type: 'string' },
  },
})
const children = Number(values.children ?? (values.quick ? 300 : 1000))
type Obj = Record<string, unknown> & { type: string; agency: string; source_id: string }
interface AreaLike {
  agencies: { code: string; name: string; kind: string }[]
  objects: Obj[]
  truth: { personOf: Record<string, string>; children: string[] }
  csc: string
  health: string
}
function freshArea(dir: string): AreaLike {
  const agencies = JSON.parse(readFileSync(join(dir, 'agencies.json'), 'utf8')) as AreaLike['agencies']
  const objects: Obj[] = []
  for (const year of readdirSync(dir)
    .filter((d) => /^\d{4}$/.test(d))
    .sort())
    for (const f of readdirSync(join(dir, year)).filter((f) => f.endsWith('.ndjson')))
      for (const line of readFileSync(join(dir, year, f), 'utf8').split('\n'))
        if (line.trim()) objects.push(JSON.parse(line) as Obj)
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as {
    persons: Record<string, { person: string }>
    children: { person: string }[]
  }
  const personOf = Object.fromEntries(Object.entries(truth.persons).map(([k, v]) => [k, v.person]))
  const code = (kind: string) => agencies.find((a) => a.kind === kind)?.code ?? kind
  return {
    agencies,
    objects,
    truth: { personOf, children: truth.children.map((c) => c.person) },
    csc: code('childrens_social_care'),
    health: code('health'),
  }
}
const area: AreaLike = values.fresh
  ? freshArea(values.fresh)
  : (() => {
      const a = generateArea({
        seed: values.seed ?? 'returns-linkage',
        children,
        end: '2025-03-31',
        years: 10,
        exploitedShare: 0.03,
        groups: 3,
        hardVariantShare: 0.1,
      })
      return { ...a, objects: a.objects as Obj[], truth: a.truth, csc: 'csc', health: 'health' }
    })()
const actor = { kind: 'system', name: 'bench' } as const
const receivedAt = new Date('2026-01-01T00:00:00Z')

async function measure(mode: 'ndjson' | 'returns') {
  const database = await openDatabase({ dataDir: 'memory://', command: 'import' })
  const db = database.db
  await migrate(db)
  for (const a of area.agencies)
    await addAgency(db, { code: a.code, name: a.name, kind: a.kind, laNumber: a.code === area.csc ? '354' : undefined })
  const viaReturns = new Set(mode === 'returns' ? [area.csc, area.health] : [])
  const ndjson = area.objects.filter((o) => !viaReturns.has(String(o.agency)))
  const load = await timed(async () => {
    await importRecords(
      db,
      ndjson.map((o, i) => ({ line: i + 1, text: JSON.stringify(o), value: o })),
      { channel: 'file', skipInvalid: true, actor, receivedAt },
    )
    if (mode === 'returns') {
      const files = writeReturns(area.objects as never, {
        csc: area.csc,
        laNumber: '354',
        health: area.health,
        personOf: area.truth.personOf,
      })
      const inputs = (prefix: string) =>
        [...files.files].filter(([n]) => n.startsWith(prefix)).map(([n, t]) => textInput(n, t))
      const opts = (agency: string) => ({
        agency,
        skipInvalid: true,
        check: false,
        actor,
        receivedAt,
        channel: 'file' as const,
      })
      await importReturns(db, formatNamed('cin-census')!, inputs('cin-census-'), opts(area.csc))
      for (const y of files.years)
        if (files.files.has(`ssda903-${y}-Header.csv`))
          await importReturns(db, formatNamed('ssda903')!, inputs(`ssda903-${y}-`), opts(area.csc))
      await importReturns(db, formatNamed('fhir')!, inputs('fhir-'), opts(area.health))
    }
  })
  const links = await sql<{ agency_code: string; source_id: string; entity_id: number }>`
    select l.agency_code, l.source_id, coalesce(e.merged_into, e.id) as entity_id
    from entity_links l join entities e on e.id = l.entity_id`.execute(db)
  await database.close()
  const childSet = new Set(area.truth.children)
  const byTrue = new Map<string, { ref: string; entity: number }[]>()
  const byEntity = new Map<number, string[]>()
  for (const l of links.rows) {
    const ref = `${l.agency_code}:${l.source_id}`
    const who = area.truth.personOf[ref as keyof typeof area.truth.personOf]
    if (!who) continue
    byEntity.set(l.entity_id, [...(byEntity.get(l.entity_id) ?? []), who])
    if (!childSet.has(who)) continue
    byTrue.set(who, [...(byTrue.get(who) ?? []), { ref, entity: l.entity_id }])
  }
  let pairs = 0
  let together = 0
  let socialCareHealth = 0
  let socialCareHealthTogether = 0
  let onlyTheTwo = 0
  for (const records of byTrue.values())
    for (let i = 0; i < records.length; i++)
      for (let j = i + 1; j < records.length; j++) {
        pairs++
        const same = records[i].entity === records[j].entity
        if (same) together++
        const agencies = new Set([records[i].ref.split(':')[0], records[j].ref.split(':')[0]])
        if (agencies.has(area.csc) && agencies.has(area.health)) {
          socialCareHealth++
          if (same) socialCareHealthTogether++
          // the census and the 903 carry no name and no NHS number, FHIR no UPN: a child known to no
          // third agency has nothing in common between the two files but a date of birth and sex
          if (records.every((r) => [area.csc, area.health].includes(r.ref.split(':')[0]))) onlyTheTwo++
        }
      }
  let heldPairs = 0
  let wrongPairs = 0
  for (const people of byEntity.values())
    for (let i = 0; i < people.length; i++)
      for (let j = i + 1; j < people.length; j++) {
        heldPairs++
        if (people[i] !== people[j]) wrongPairs++
      }
  return {
    seconds: load.seconds,
    pairs,
    together,
    socialCareHealth,
    socialCareHealthTogether,
    onlyTheTwo,
    heldPairs,
    wrongPairs,
  }
}

const base = await measure('ndjson')
const returns = await measure('returns')
const pct = (a: number, b: number) => (b === 0 ? '-' : `${fmt((100 * a) / b, 2)}%`)
report(`one child's record pairs, ${values.fresh ?? `${children} generated children, ten years`} (PGlite)`, [
  ['all NDJSON: pairs together', pct(base.together, base.pairs)],
  ['all NDJSON: pairs held together that are two people', pct(base.wrongPairs, base.heldPairs)],
  ['returns + FHIR: pairs together', pct(returns.together, returns.pairs)],
  [
    'returns + FHIR: social care-health pairs together',
    pct(returns.socialCareHealthTogether, returns.socialCareHealth),
  ],
  [
    '  of them, children known to no third agency (no identifier the two share)',
    pct(returns.onlyTheTwo, returns.socialCareHealth),
  ],
  ['returns + FHIR: pairs held together that are two people', pct(returns.wrongPairs, returns.heldPairs)],
  [
    '  ratio of pairs together, returns / NDJSON',
    fmt(returns.together / returns.pairs / (base.together / base.pairs), 3),
  ],
  ['import time, returns / NDJSON', fmt(returns.seconds / base.seconds, 2)],
])
