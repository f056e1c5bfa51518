#!/usr/bin/env node
// Written, with its evaluation data, by a separate author who never read src/linkage (the data is kept
// outside the repository so that nobody tunes on it; see the linkage issue's closing note for where).
// Scores `threadline link` on the people sets: runs the checkout's CLI per the CLI contract
// (`link FILE --out PAIRS.csv --clusters-out CLUSTERS.csv`, default threshold) and compares
// every pair written with the truth pairs. Usage:
//   node score-people.mjs <checkout> [set.csv ...] [--json]
// Without set files, every people/*.csv that has a .truth-pairs.csv beside it is scored.
import { spawnSync } from 'node:child_process'
import { readFileSync, readdirSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve, dirname, basename } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const asJson = args.includes('--json')
const pos = args.filter((a) => !a.startsWith('--'))
if (pos.length < 1) {
  console.error('usage: node score-people.mjs <checkout> [set.csv ...] [--json]')
  process.exit(2)
}
const checkout = resolve(pos[0])
const cli = join(checkout, 'bin', 'threadline.js')
if (!existsSync(cli)) {
  console.error(`no ${cli}: give the path of a Threadline checkout`)
  process.exit(2)
}
let sets = pos.slice(1).map((p) => resolve(p))
if (sets.length === 0) {
  const d = join(here, 'people')
  sets = readdirSync(d)
    .filter((f) => f.endsWith('.csv') && !f.includes('.truth-'))
    .sort()
    .map((f) => join(d, f))
}

export function parseCsv(text) {
  const rows = []
  let row = [],
    cell = '',
    q = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (q) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"'
          i++
        } else q = false
      } else cell += c
    } else if (c === '"') q = true
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else cell += c
  }
  if (cell !== '' || row.length) {
    row.push(cell)
    rows.push(row)
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''))
}
const unq = (s) => (s.startsWith("'") ? s.slice(1) : s).trim()
const key = (a, b) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`)

function pairsFromClusters(rows, idCol, entCol) {
  const by = new Map()
  for (const r of rows) {
    const e = r[entCol]
    if (!by.has(e)) by.set(e, [])
    by.get(e).push(unq(r[idCol]))
  }
  const s = new Set()
  for (const ids of by.values())
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) s.add(key(ids[i], ids[j]))
  return s
}
function prf(pred, truth) {
  let tp = 0
  for (const p of pred) if (truth.has(p)) tp++
  const precision = pred.size ? tp / pred.size : 0
  const recall = truth.size ? tp / truth.size : 0
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0
  return {
    predicted: pred.size,
    true_pairs: truth.size,
    tp,
    fp: pred.size - tp,
    fn: truth.size - tp,
    precision,
    recall,
    f1,
  }
}

const results = []
for (const set of sets) {
  const stem = set.replace(/\.csv$/, '')
  const truthFile = `${stem}.truth-pairs.csv`
  if (!existsSync(truthFile)) {
    console.error(`skip ${set}: no ${truthFile}`)
    continue
  }
  const tmp = mkdtempSync(join(tmpdir(), 'score-people-'))
  const out = join(tmp, 'pairs.csv'),
    cl = join(tmp, 'clusters.csv')
  const t0 = Date.now()
  const r = spawnSync(process.execPath, [cli, 'link', set, '--out', out, '--clusters-out', cl], {
    cwd: tmp,
    env: { ...process.env, THREADLINE_DATA: join(tmp, 'data'), THREADLINE_DEMO: '0' },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  })
  const secs = (Date.now() - t0) / 1000
  if (r.status !== 0 || !existsSync(out)) {
    results.push({ set: basename(set), error: `exit ${r.status}: ${(r.stderr || '').slice(0, 2000)}`, seconds: secs })
    rmSync(tmp, { recursive: true, force: true })
    continue
  }
  const truth = new Set(
    parseCsv(readFileSync(truthFile, 'utf8'))
      .slice(1)
      .map((x) => key(x[0], x[1])),
  )
  const prows = parseCsv(readFileSync(out, 'utf8'))
  const ph = prows[0].map((h) => h.trim())
  const ia = ph.indexOf('id_a'),
    ib = ph.indexOf('id_b')
  const pred = new Set(prows.slice(1).map((x) => key(unq(x[ia]), unq(x[ib]))))
  const res = {
    set: basename(set),
    rows: parseCsv(readFileSync(set, 'utf8')).length - 1,
    seconds: secs,
    pairs_file: prf(pred, truth),
  }
  if (existsSync(cl)) {
    const crows = parseCsv(readFileSync(cl, 'utf8'))
    const ch = crows[0].map((h) => h.trim())
    res.clusters_file = prf(pairsFromClusters(crows.slice(1), ch.indexOf('record_id'), ch.indexOf('entity_id')), truth)
  }
  results.push(res)
  rmSync(tmp, { recursive: true, force: true })
}

if (asJson) console.log(JSON.stringify(results, null, 2))
else {
  const f = (x) => x.toFixed(4)
  console.log(
    'set,rows,seconds,predicted_pairs,true_pairs,tp,fp,fn,precision,recall,f1,cluster_precision,cluster_recall,cluster_f1',
  )
  for (const r of results) {
    if (r.error) {
      console.log(`${r.set},ERROR,${r.seconds},"${r.error.replace(/"/g, "'").replace(/\n/g, ' ')}"`)
      continue
    }
    const p = r.pairs_file,
      c = r.clusters_file
    console.log(
      [
        r.set,
        r.rows,
        r.seconds.toFixed(1),
        p.predicted,
        p.true_pairs,
        p.tp,
        p.fp,
        p.fn,
        f(p.precision),
        f(p.recall),
        f(p.f1),
        c ? f(c.precision) : '',
        c ? f(c.recall) : '',
        c ? f(c.f1) : '',
      ].join(','),
    )
  }
}
