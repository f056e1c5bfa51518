#!/usr/bin/env node
// Written, with its evaluation data, by a separate author who never read src/linkage (the data is kept
// outside the repository so that nobody tunes on it; see the linkage issue's closing note for where).
// Scores how a Threadline checkout links an area's agency records into children.
// Usage: node score-area.mjs <area-dir> <checkout> [--now ISO] [--keep] [--json]
// Makes a fresh embedded data folder (a temp dir, THREADLINE_DATA), runs the area's IMPORT.sh with
// the checkout's CLI (THREADLINE_CLI="node <checkout>/bin/threadline.js"), then reads which agency
// records Threadline holds as one child through read-only commands: `children --at-risk --min-band 1
// --format json` (source_records per child), and the per-child source_records of `missing
// --interviews`, `decisions` and `children --unanswered` (cross-checked against the first).
// Compares with the area's truth.csv (agency, source_id, person_id, is_child).
import { spawnSync } from 'node:child_process'
import { readFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const args = process.argv.slice(2)
const opt = (n, d) => {
  const i = args.indexOf(n)
  return i >= 0 ? args[i + 1] : d
}
const pos = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1] === '--now'))
if (pos.length < 2) {
  console.error('usage: node score-area.mjs <area-dir> <checkout> [--now ISO] [--keep] [--json]')
  process.exit(2)
}
const area = resolve(pos[0]),
  checkout = resolve(pos[1])
const cli = join(checkout, 'bin', 'threadline.js')
for (const f of [join(area, 'IMPORT.sh'), join(area, 'truth.csv'), cli])
  if (!existsSync(f)) {
    console.error(`missing ${f}`)
    process.exit(2)
  }
const now = opt('--now', '2025-01-31T12:00:00+00:00')
const tmp = mkdtempSync(join(tmpdir(), 'score-area-'))
const env = {
  ...process.env,
  THREADLINE_DATA: join(tmp, 'data'),
  THREADLINE_DEMO: '0',
  THREADLINE_NOW: now,
  THREADLINE_CLI: `${process.execPath} ${cli}`,
} // IMPORT.sh splits it on spaces
delete env.DATABASE_URL

const t0 = Date.now()
const imp = spawnSync('sh', [join(area, 'IMPORT.sh')], { cwd: tmp, env, encoding: 'utf8', maxBuffer: 1 << 28 })
const importSecs = (Date.now() - t0) / 1000
if (imp.status !== 0) {
  console.error(`IMPORT.sh failed (exit ${imp.status}):\n${(imp.stderr || '').slice(-4000)}`)
  if (!args.includes('--keep')) rmSync(tmp, { recursive: true, force: true })
  process.exit(1)
}
function run(cmdArgs) {
  const t = Date.now()
  const r = spawnSync(process.execPath, [cli, ...cmdArgs], { cwd: tmp, env, encoding: 'utf8', maxBuffer: 1 << 30 })
  if (r.status !== 0)
    return {
      error: `${cmdArgs.join(' ')}: exit ${r.status}: ${(r.stderr || '').slice(0, 1000)}`,
      secs: (Date.now() - t) / 1000,
    }
  try {
    return { rows: JSON.parse(r.stdout), secs: (Date.now() - t) / 1000 }
  } catch (e) {
    return { error: `${cmdArgs.join(' ')}: output is not JSON`, secs: (Date.now() - t) / 1000 }
  }
}
const t1 = Date.now()
const main = run(['children', '--at-risk', '--min-band', '1', '--format', 'json'])
const extra = {
  'missing --interviews': run(['missing', '--interviews', '--format', 'json']),
  decisions: run(['decisions', '--format', 'json']),
  'children --unanswered': run(['children', '--unanswered', '--format', 'json']),
}
const readSecs = (Date.now() - t1) / 1000
if (main.error) {
  console.error(main.error)
  process.exit(1)
}

// truth
const truthRows = readFileSync(join(area, 'truth.csv'), 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((l) => l.split(','))
const truth = new Map(truthRows.map(([a, s, p, c]) => [`${a}:${s}`, { person: p, child: c === '1', agency: a }]))
const agencyOf = (r) => r.split(':')[0]
const key = (a, b) => (a < b ? `${a}|${b}` : `${b}|${a}`)
const apair = (a, b) => {
  const x = agencyOf(a),
    y = agencyOf(b)
  return x < y ? `${x}+${y}` : `${y}+${x}`
}

// groups Threadline holds as one child (child_id -> set of records); extra commands add to the same child_id
const groups = new Map()
const inconsistencies = []
for (const row of main.rows)
  groups.set(String(row.child_id), new Set((row.source_records || []).map((s) => s.replace(/^'/, ''))))
for (const [name, res] of Object.entries(extra)) {
  if (res.error || !Array.isArray(res.rows)) continue
  for (const row of res.rows) {
    if (row.child_id == null || !row.source_records) continue
    const id = String(row.child_id),
      recs = (Array.isArray(row.source_records) ? row.source_records : String(row.source_records).split(';')).map((s) =>
        s.replace(/^'/, ''),
      )
    if (!groups.has(id)) {
      inconsistencies.push(`${name}: child ${id} not in children --at-risk --min-band 1`)
      groups.set(id, new Set())
    }
    const g = groups.get(id)
    for (const r of recs)
      if (!g.has(r)) {
        inconsistencies.push(`${name}: child ${id} has ${r}, not listed for it by children --at-risk`)
        g.add(r)
      }
  }
}
// a record listed under two children
const holder = new Map(),
  doubly = []
for (const [id, g] of groups)
  for (const r of g) {
    if (holder.has(r) && holder.get(r) !== id) doubly.push(r)
    holder.set(r, id)
  }

// true pairs: two records of one true child
const byChild = new Map()
for (const [r, t] of truth)
  if (t.child) {
    if (!byChild.has(t.person)) byChild.set(t.person, [])
    byChild.get(t.person).push(r)
  }
const truePairs = new Set()
for (const recs of byChild.values())
  for (let i = 0; i < recs.length; i++) for (let j = i + 1; j < recs.length; j++) truePairs.add(key(recs[i], recs[j]))
// held pairs
const held = new Set()
for (const g of groups.values()) {
  const a = [...g]
  for (let i = 0; i < a.length; i++) for (let j = i + 1; j < a.length; j++) held.add(key(a[i], a[j]))
}

const per = new Map()
const bump = (k, f) => {
  if (!per.has(k)) per.set(k, { true_pairs: 0, together: 0, held: 0, false_share: 0 })
  per.get(k)[f]++
}
let together = 0
for (const p of truePairs) {
  const [a, b] = p.split('|')
  bump(apair(a, b), 'true_pairs')
  if (held.has(p)) {
    together++
    bump(apair(a, b), 'together')
  }
}
let falseShare = 0,
  unknownPairs = 0
const falseExamples = []
for (const p of held) {
  const [a, b] = p.split('|')
  bump(apair(a, b), 'held')
  const ta = truth.get(a),
    tb = truth.get(b)
  if (!ta || !tb) {
    unknownPairs++
    continue
  }
  if (ta.person !== tb.person) {
    falseShare++
    bump(apair(a, b), 'false_share')
    if (falseExamples.length < 15)
      falseExamples.push(
        `${a} (${ta.person}${ta.child ? '' : ', adult'}) + ${b} (${tb.person}${tb.child ? '' : ', adult'})`,
      )
  }
}
const childRecords = [...truth].filter(([, t]) => t.child).map(([r]) => r)
const listed = new Set([...groups.values()].flatMap((g) => [...g]))
const notListed = childRecords.filter((r) => !listed.has(r))
// how many true children are exactly one listed child
let exact = 0
for (const recs of byChild.values()) {
  const ids = new Set(recs.map((r) => holder.get(r)))
  if (
    ids.size === 1 &&
    !ids.has(undefined) &&
    [...groups.get([...ids][0])].every((r) => truth.get(r)?.person === truth.get(recs[0]).person) &&
    groups.get([...ids][0]).size === recs.length
  )
    exact++
}

const result = {
  area,
  checkout,
  now,
  import_seconds: importSecs,
  read_seconds: readSecs,
  true_children: byChild.size,
  listed_children: main.rows.length,
  children_exactly_right: exact,
  child_records: childRecords.length,
  child_records_not_listed: notListed.length,
  true_pairs: truePairs.size,
  together,
  recall: truePairs.size ? together / truePairs.size : 1,
  held_pairs: held.size,
  false_share: falseShare,
  false_share_rate: held.size ? falseShare / held.size : 0,
  held_pairs_with_unknown_record: unknownPairs,
  records_under_two_children: doubly.length,
  cross_check_inconsistencies: inconsistencies.length,
  extra_commands: Object.fromEntries(
    Object.entries(extra).map(([k, v]) => [k, v.error ? v.error : `${v.rows.length} rows`]),
  ),
  per_agency_pair: Object.fromEntries([...per].sort()),
  false_share_examples: falseExamples,
  not_listed_examples: notListed.slice(0, 10),
  inconsistency_examples: inconsistencies.slice(0, 10),
}
if (args.includes('--keep')) result.data_dir = env.THREADLINE_DATA
else rmSync(tmp, { recursive: true, force: true })
if (args.includes('--json')) console.log(JSON.stringify(result, null, 2))
else {
  const pc = (x) => (100 * x).toFixed(2) + '%'
  console.log(`area ${area}\ncheckout ${checkout}  (THREADLINE_NOW=${now})`)
  console.log(`time: IMPORT.sh ${importSecs.toFixed(1)} s, reads ${readSecs.toFixed(1)} s`)
  console.log(
    `children: ${byChild.size} true, ${main.rows.length} listed by children --at-risk --min-band 1, ${exact} exactly right`,
  )
  console.log(`child records: ${childRecords.length}, not listed under any child: ${notListed.length}`)
  console.log(
    `recall (true pairs of one child's records held together): ${together}/${truePairs.size} = ${pc(result.recall)}`,
  )
  console.log(
    `false share (pairs held as one child that are two people): ${falseShare}/${held.size} = ${pc(result.false_share_rate)}`,
  )
  if (unknownPairs) console.log(`held pairs with a record not in truth: ${unknownPairs}`)
  if (doubly.length) console.log(`records listed under two children: ${doubly.length}`)
  console.log(
    `cross-check of other commands' source_records: ${inconsistencies.length} inconsistencies; ${JSON.stringify(result.extra_commands)}`,
  )
  console.log('agency_pair,true_pairs,together,recall,held_pairs,false_share')
  for (const [k, v] of [...per].sort())
    console.log(
      `${k},${v.true_pairs},${v.together},${v.true_pairs ? pc(v.together / v.true_pairs) : ''},${v.held},${v.false_share}`,
    )
  if (falseExamples.length) console.log('false share examples:\n  ' + falseExamples.join('\n  '))
  if (inconsistencies.length) console.log('inconsistency examples:\n  ' + inconsistencies.slice(0, 10).join('\n  '))
}
