#!/usr/bin/env node
// Which true pairs of one child's records an imported area keeps apart, and what the two records hold.
// Usage (from the checkout): node bench/linkage-misses.mjs <area-dir> <data-dir> [--list N]
// <data-dir>: the embedded data folder a `score-linkage-area.mjs --keep --json` run leaves (its data_dir).
// Reads the area's truth.csv and records/*/*.ndjson (every version), and the database's entity_links and
// linkage_reviews. Prints missed pairs by agency pair and by what the records hold, wrong pairs, and
// the queue; --list N prints N missed pairs with both records' latest versions.
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

const [area, dataDir] = process.argv.slice(2)
const listN = process.argv.includes('--list') ? Number(process.argv[process.argv.indexOf('--list') + 1]) : 0
const truth = new Map(
  readFileSync(join(area, 'truth.csv'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(','))
    .map(([a, s, p, c]) => [`${a}:${s}`, { person: p, child: c === '1' }]),
)
const versions = new Map()
// the records by year: under records/ (rounds up to 8) or beside truth.csv (round 9: 2020/, 2021/...)
const recordsDir = existsSync(join(area, 'records')) ? join(area, 'records') : area
const years = readdirSync(recordsDir)
  .filter((y) => /^\d{4}$/.test(y) || recordsDir !== area)
  .sort()
for (const year of years)
  for (const f of readdirSync(join(recordsDir, year)).sort())
    for (const line of readFileSync(join(recordsDir, year, f), 'utf8').split('\n')) {
      if (!line.trim()) continue
      const o = JSON.parse(line)
      if (o.type !== 'person') continue
      const k = `${o.agency}:${o.source_id}`
      if (!versions.has(k)) versions.set(k, [])
      versions.get(k).push(o)
    }

const db = await PGlite.create(dataDir, { extensions: { pg_trgm } })
const links = (await db.query('select agency_code, source_id, entity_id, method from entity_links')).rows
const entityOf = new Map(links.map((r) => [`${r.agency_code}:${r.source_id}`, r.entity_id]))
const methodOf = new Map(links.map((r) => [`${r.agency_code}:${r.source_id}`, r.method]))
const reviews = (
  await db
    .query(
      "select agency_code, source_id, candidate_entity, candidate_agency, candidate_source, probability from linkage_reviews where coalesce(status, 'open') = 'open'",
    )
    .catch(() =>
      db.query(
        'select agency_code, source_id, candidate_entity, candidate_agency, candidate_source, probability from linkage_reviews',
      ),
    )
).rows
await db.close()

const latest = (k) => versions.get(k)?.at(-1) ?? {}
const dobKind = (d) => (!d ? 'none' : /^\d{4}$/.test(d) ? 'Y' : /^\d{4}-\d\d$/.test(d) ? 'YM' : 'full')
const initialOnly = (n) => !!n && /^[A-Za-z]\.?$/.test(n.trim())
function holds(k) {
  const r = latest(k)
  const parts = []
  if (r.nhs_number) parts.push('nhs')
  if (r.upn) parts.push('upn')
  parts.push(`dob:${dobKind(r.date_of_birth)}`)
  if (initialOnly(r.family_name)) parts.push('fam:initial')
  if (!r.address) parts.push('addr:none')
  else if (!r.address.line1) parts.push('addr:pc-only')
  return parts.join(' ')
}
const apair = (a, b) => [a.split(':')[0], b.split(':')[0]].sort().join('+')
const byChild = new Map()
for (const [k, t] of truth) if (t.child) (byChild.get(t.person) ?? byChild.set(t.person, []).get(t.person)).push(k)
const reviewPairs = new Set(reviews.map((r) => `${r.agency_code}:${r.source_id}|${r.candidate_entity}`))
const missed = []
let truePairs = 0
for (const recs of byChild.values())
  for (let i = 0; i < recs.length; i++)
    for (let j = i + 1; j < recs.length; j++) {
      truePairs++
      const [a, b] = [recs[i], recs[j]]
      if (entityOf.get(a) !== undefined && entityOf.get(a) === entityOf.get(b)) continue
      const queued = reviewPairs.has(`${a}|${entityOf.get(b)}`) || reviewPairs.has(`${b}|${entityOf.get(a)}`)
      missed.push({ a, b, queued })
    }
const count = (xs, f) => {
  const m = new Map()
  for (const x of xs) m.set(f(x), (m.get(f(x)) ?? 0) + 1)
  return [...m].sort((x, y) => y[1] - x[1])
}
console.log(
  `true pairs ${truePairs}, missed ${missed.length}, of which queued ${missed.filter((m) => m.queued).length}`,
)
console.log(`open reviews ${reviews.length}, person records ${entityOf.size}`)
console.log('\nmissed by agency pair:')
for (const [k, n] of count(missed, (m) => apair(m.a, m.b))) console.log(`  ${n}\t${k}`)
// fragments: how many groups each true child is split into
let split = 0
const fragmentsOf = new Map()
for (const [p, recs] of byChild) {
  const ids = new Set(recs.map((r) => entityOf.get(r)))
  if (ids.size > 1) split++
  fragmentsOf.set(p, ids.size)
}
console.log(`\nchildren split: ${split} of ${byChild.size}`)
const singletons = new Map()
for (const e of entityOf.values()) singletons.set(e, (singletons.get(e) ?? 0) + 1)
// record level: child records alone (their own person, size 1) though the child has others
const alone = []
for (const recs of byChild.values())
  if (recs.length > 1) for (const r of recs) if (singletons.get(entityOf.get(r)) === 1) alone.push(r)
console.log(`child records left a person of one record (child has other records): ${alone.length}`)
console.log(
  '  by agency:',
  count(alone, (r) => r.split(':')[0])
    .map(([k, n]) => `${k} ${n}`)
    .join(', '),
)
console.log('  by what they hold:')
for (const [k, n] of count(alone, holds).slice(0, 25)) console.log(`    ${n}\t${k}`)
// wrong: records of two people in one entity
const members = new Map()
for (const [k, e] of entityOf) (members.get(e) ?? members.set(e, []).get(e)).push(k)
let wrong = 0
const wrongEx = []
for (const recs of members.values()) {
  const people = new Set(recs.map((r) => truth.get(r)?.person))
  if (people.size > 1) {
    wrong++
    if (wrongEx.length < 20) wrongEx.push(recs.map((r) => `${r}(${truth.get(r)?.person},${methodOf.get(r)})`).join(' '))
  }
}
console.log(`\npeople holding records of two or more true people: ${wrong}`)
for (const w of wrongEx) console.log('  ' + w)
const show = (k) => {
  const r = latest(k)
  const a = r.address ? [r.address.line1, r.address.town, r.address.postcode].filter(Boolean).join(', ') : ''
  return `${k} [${truth.get(k)?.person} e${entityOf.get(k)} ${methodOf.get(k)}] ${r.given_name ?? ''} / ${r.family_name ?? ''} ${(r.other_names ?? []).length ? `(${r.other_names.join(';')}) ` : ''}${r.date_of_birth ?? '-'} ${r.sex ?? ''} ${r.nhs_number ?? ''} ${r.upn ?? ''} | ${a} | ${r.phone ?? ''} v${versions.get(k)?.length}`
}
if (listN) {
  console.log('\nmissed pairs:')
  // one line per record alone, with the child's other records
  const seen = new Set()
  for (const r of alone.slice(0, listN)) {
    const p = truth.get(r).person
    if (seen.has(p)) continue
    seen.add(p)
    console.log('* ' + show(r))
    for (const o of byChild.get(p)) if (o !== r) console.log('    ' + show(o))
  }
}
