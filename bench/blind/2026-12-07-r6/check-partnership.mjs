// Independent re-count of a partnership area's truth-quarters.csv from its NDJSON files (shared by
// check-p2.mjs and check-p3.mjs). It reads only the area's files: records/**/*.ndjson, truth.csv (which
// person record is which child) and children.csv (dates of birth). Times are read with Intl's
// Europe/London zone (not the generator's own rule). Rules (README, "Truth definitions"):
//  - each object's current version is its version with the latest recorded_at (ties: the later line,
//    files read in IMPORT.sh order); a withdrawn current version is left out;
//  - missing_episode records of one child from different agencies whose starts are within 15 minutes
//    of each other and whose returns are within 15 minutes (or both absent) are one episode;
//  - an episode counts when it has a return whose London date lies in the quarter and the child was
//    under 18 on the London date it began;
//  - an interview with `episode` belongs to that record's episode; without, to the child's episode
//    with the latest return at or before the interview;
//  - within 72 h: status done, held at or after the return and at most 72 elapsed hours after it.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

function csv(text) {
  return text.trim().split('\n').map((l) => l.split(','))
}
const dtf = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
function londonWall(ms) {
  const p = Object.fromEntries(dtf.formatToParts(new Date(ms)).map((x) => [x.type, x.value]))
  return { date: `${p.year}-${p.month}-${p.day}`, wall: Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute) }
}
function parseTime(s) {
  if (/[zZ]$|[+-]\d\d:\d\d$/.test(s)) return Date.parse(s)
  const [d, t = '00:00:00'] = s.split('T')
  const [y, mo, da] = d.split('-').map(Number)
  const [h, mi, se = 0] = t.split(':').map(Number)
  const wall = Date.UTC(y, mo - 1, da, h, mi, se)
  // the earlier instant first: a time that happens twice is read as the summer one
  for (const off of [60, 0]) {
    const ms = wall - off * 60000
    if (londonWall(ms).wall === wall - (se * 1000)) return ms
  }
  throw new Error(`no such London time ${s}`)
}
const londonDate = (ms) => londonWall(ms).date

export function check(dir) {
  const owner = new Map()
  for (const [a, s, p] of csv(readFileSync(join(dir, 'truth.csv'), 'utf8')).slice(1)) owner.set(`${a}:${s}`, p)
  const dob = new Map()
  for (const row of csv(readFileSync(join(dir, 'children.csv'), 'utf8')).slice(1)) dob.set(row[0], row[5])
  const sh = readFileSync(join(dir, 'IMPORT.sh'), 'utf8')
  const files = [...sh.matchAll(/"\$D\/(records\/[^"]+)"/g)].map((m) => m[1])
  const cur = new Map()
  let line = 0
  for (const f of files) {
    for (const l of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (!l.trim()) continue
      const o = JSON.parse(l)
      line++
      if (o.type !== 'event') continue
      const k = `${o.agency}:${o.source_id}`
      const at = parseTime(o.recorded_at)
      const had = cur.get(k)
      if (!had || at >= had.at) cur.set(k, { at, o })
    }
  }
  const eps = [] // {child, recs:[{key,start,end}]}
  const byKey = new Map()
  const ivs = []
  for (const [k, { o }] of cur) {
    if (o.withdrawn) continue
    const child = owner.get(`${o.agency}:${o.subject}`)
    if (!child) throw new Error(`no child for ${k}`)
    if (o.kind === 'missing_episode') {
      const rec = { key: k, child, start: parseTime(o.occurred_at), end: o.ended_at ? parseTime(o.ended_at) : null }
      let ep = eps.find((e) => e.child === child && e.recs.some((x) => x.key.split(':')[0] !== o.agency && Math.abs(x.start - rec.start) <= 15 * 60000 && (x.end == null ? rec.end == null : rec.end != null && Math.abs(x.end - rec.end) <= 15 * 60000)))
      if (!ep) eps.push((ep = { child, recs: [] }))
      ep.recs.push(rec)
      byKey.set(k, ep)
    } else if (o.kind === 'return_interview') ivs.push({ child, at: parseTime(o.occurred_at), status: o.status, episode: o.episode ?? null })
  }
  for (const e of eps) {
    e.start = Math.min(...e.recs.map((x) => x.start))
    const ends = e.recs.map((x) => x.end).filter((x) => x != null)
    e.end = ends.length ? Math.min(...ends) : null
    e.ends = ends
    e.done = []
  }
  for (const iv of ivs) {
    let ep
    if (iv.episode) ep = byKey.get(iv.episode)
    else {
      let best = null
      for (const e of eps) if (e.child === iv.child) for (const end of e.ends) if (end <= iv.at && (!best || end > best.end)) best = { e, end }
      ep = best?.e
    }
    if (!ep) { console.error('interview without an episode', iv); continue }
    if (iv.status === 'done') ep.done.push(iv.at)
  }
  const rows = csv(readFileSync(join(dir, 'truth-quarters.csv'), 'utf8')).slice(1)
  let ok = true
  const out = []
  for (const [ps, pe, te, tw] of rows) {
    let n = 0, w = 0
    for (const e of eps) {
      if (e.end == null) continue
      const d = londonDate(e.end)
      if (d < ps || d > pe) continue
      const b = dob.get(e.child)
      const b18 = `${Number(b.slice(0, 4)) + 18}${b.slice(4)}`
      if (londonDate(e.start) >= b18) continue
      n++
      const within = e.ends.map((end) => e.done.some((t) => t >= end && t - end <= 72 * 3600000))
      if (within.some((x) => x !== within[0])) throw new Error('72 h depends on which agency\'s return is read')
      if (within[0]) w++
    }
    const agree = n === Number(te) && w === Number(tw)
    if (!agree) ok = false
    out.push(`${ps} ${pe} ended ${n} (truth ${te}) within ${w} (truth ${tw}) ${agree ? 'ok' : 'DIFFERENT'}`)
  }
  console.log(out.join('\n'))
  console.log(`${line} lines, ${eps.length} episodes, ${ivs.length} interviews: ${ok ? 'agrees on every row' : 'DISAGREES'}`)
  process.exitCode = ok ? 0 : 1
}
