#!/usr/bin/env node
// Independent re-count of partnership/p1/truth-quarters.csv from the NDJSON files themselves
// (times read with Intl's Europe/London, children from truth.csv). Exits 1 on any difference.
import { readFileSync, readdirSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
const P = join(dirname(fileURLToPath(import.meta.url)), '..', 'partnership', 'p1')
const child = new Map(readFileSync(join(P, 'truth.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')).map(([a, s, p]) => [`${a}:${s}`, p]))
const fmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
const londonOffsetMin = (ms) => {
  const p = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((x) => [x.type, x.value]))
  return (Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute) - ms) / 60000
}
const toMs = (s) => {
  if (/(Z|[+-]\d\d:\d\d)$/.test(s)) return Date.parse(s)
  const naive = Date.parse(s + 'Z')
  let ms = naive - londonOffsetMin(naive) * 60000
  ms = naive - londonOffsetMin(ms) * 60000
  return ms
}
const localDate = (ms) => { const p = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((x) => [x.type, x.value])); return `${p.year}-${p.month}-${p.day}` }
const objs = new Map()
for (const d of readdirSync(join(P, 'records')).sort())
  for (const f of readdirSync(join(P, 'records', d)))
    for (const l of readFileSync(join(P, 'records', d, f), 'utf8').split('\n').filter(Boolean)) {
      const o = JSON.parse(l)
      const k = `${o.type}|${o.agency}|${o.source_id}`
      const prev = objs.get(k)
      if (!prev || toMs(o.recorded_at) >= toMs(prev.recorded_at)) objs.set(k, o)
    }
const eps = new Map() // key child|start|end -> {endMs, ids:Set}
const idToEp = new Map()
for (const o of objs.values()) if (o.type === 'event' && o.kind === 'missing_episode' && o.ended_at) {
  const c = child.get(`${o.agency}:${o.subject}`)
  const k = `${c}|${toMs(o.occurred_at)}|${toMs(o.ended_at)}`
  if (!eps.has(k)) eps.set(k, { c, endMs: toMs(o.ended_at), ok: false })
  idToEp.set(`${o.agency}:${o.source_id}`, eps.get(k))
}
for (const o of objs.values()) if (o.type === 'event' && o.kind === 'return_interview' && o.status === 'done') {
  const t = toMs(o.occurred_at)
  let e = o.episode ? idToEp.get(o.episode) : null
  if (!o.episode) {
    const c = child.get(`${o.agency}:${o.subject}`)
    for (const x of eps.values()) if (x.c === c && x.endMs <= t && (!e || x.endMs > e.endMs)) e = x
  }
  if (e && t >= e.endMs && t - e.endMs <= 72 * 3600000) e.ok = true
}
const rows = readFileSync(join(P, 'truth-quarters.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','))
let bad = 0
for (const [s, e, n, w] of rows) {
  let cn = 0, cw = 0
  for (const x of eps.values()) { const d = localDate(x.endMs); if (d >= s && d <= e) { cn++; if (x.ok) cw++ } }
  const ok = cn === +n && cw === +w
  if (!ok) bad++
  console.log(`${s},${e},truth ${n}/${w},recount ${cn}/${cw}${ok ? '' : '  DIFFERENT'}`)
}
process.exit(bad ? 1 : 0)
