#!/usr/bin/env node
// Partnership area p1: ~300 children, 2023-04-01 to 2026-03-31, missing-from-home episodes recorded
// by police (some also by children's social care, same child and same times), return interviews held
// by a charity at varied delays. Writes records/, IMPORT.sh, truth.csv and truth-quarters.csv.
// Fixed seed 31337. See README.md for the exact definitions used in truth-quarters.csv.
import { mkdirSync, writeFileSync, rmSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { rng, nhsNumber, pad, NICK, stripAccents, typo } from './lib.mjs'
import { CULTURES } from './area-lib.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const OUT = join(here, '..', 'partnership', 'p1')
const R = rng(31337)
const H = 3600000

// ---- Europe/London ----
function lastSundayUTC(y, m) { // m: 0-based month; returns Date.UTC of last Sunday at 01:00 UTC
  const d = new Date(Date.UTC(y, m + 1, 0))
  d.setUTCDate(d.getUTCDate() - d.getUTCDay())
  return Date.UTC(y, m, d.getUTCDate(), 1)
}
const offsetH = (ms) => { const y = new Date(ms).getUTCFullYear(); return ms >= lastSundayUTC(y, 2) && ms < lastSundayUTC(y, 9) ? 1 : 0 }
const localParts = (ms) => { const d = new Date(ms + offsetH(ms) * H); return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes() } }
const localDate = (ms) => { const p = localParts(ms); return `${p.y}-${pad(p.mo)}-${pad(p.d)}` }
// ambiguous local hour (autumn fall-back): local 01:00-01:59 on the last Sunday of October
const ambiguous = (ms) => { const y = new Date(ms).getUTCFullYear(), fb = lastSundayUTC(y, 9); return ms >= fb - H && ms < fb + H }
function fmt(ms, style = 'local') {
  if (style === 'local' && ambiguous(ms)) style = 'offset'
  if (style === 'Z') { const d = new Date(ms); return `${d.toISOString().slice(0, 16)}:00Z` }
  const p = localParts(ms)
  const s = `${p.y}-${pad(p.mo)}-${pad(p.d)}T${pad(p.h)}:${pad(p.mi)}:00`
  return style === 'offset' ? `${s}${offsetH(ms) ? '+01:00' : '+00:00'}` : s
}
const pickStyle = () => (R.chance(0.85) ? 'local' : R.chance(0.5) ? 'Z' : 'offset')

const START = Date.UTC(2023, 3, 1), END = Date.UTC(2026, 2, 31, 23) // period (London)
const NOWMAX = Date.UTC(2026, 4, 31) // nothing recorded after 31 May 2026

rmSync(OUT, { recursive: true, force: true })
mkdirSync(join(OUT, 'records'), { recursive: true })
const lines = { police: [], csc: [], charity: [], health: [] }
const truth = []
let n = { police: 0, csc: 0, charity: 0, health: 0, e: 0 }
const sid = (a) => `${{ police: 'MP', csc: 'CS', charity: 'RHI', health: 'NHS' }[a]}${String(++n[a]).padStart(5, '0')}`
const eid = (a) => `${{ police: 'MISPER', csc: 'CSE', charity: 'RHI-E', health: 'HE' }[a]}-${String(++n.e).padStart(6, '0')}`

const cultures = [['british', 55], ['pakistani', 15], ['polish', 6], ['traveller', 5], ['somali', 5], ['westafrican', 7], ['romanian', 4], ['arabic', 3]]
const pickW = (l) => { let t = l.reduce((s, [, w]) => s + w, 0), x = R.next() * t; for (const [k, w] of l) if ((x -= w) <= 0) return k; return l[0][0] }
const streets = ['Albert', 'Mill', 'Church', 'Park', 'Queen', 'Station', 'Moss', 'Canal', 'Bury', 'Yorkshire', 'Oldham', 'Rochdale', 'Drake', 'Spotland', 'Milkstone']

const episodes = [] // truth episodes: {child, startMs, endMs|null, interviews:[{ms,status}]}
const children = []
for (let i = 0; i < 300; i++) {
  const cult = pickW(cultures), C = CULTURES[cult]
  const sex = R.chance(0.55) ? 'female' : 'male'
  const given = R.zipf(C[sex === 'female' ? 'f' : 'm'], 0.7)
  const family = R.zipf(C.s, 0.8)
  const dobY = R.int(2007, 2013)
  const dob = `${dobY}-${pad(R.int(1, 12))}-${pad(R.int(1, 28))}`
  const addr = { line1: `${R.int(1, 200)} ${R.pick(streets)} ${R.pick(['Street', 'Road', 'Lane'])}`, town: 'Pennine Vale', postcode: `OL${R.int(11, 16)} ${R.int(1, 9)}${R.pick('ABDEFGHJLNPQRSTUWXYZ'.split(''))}${R.pick('ABDEFGHJLNPQRSTUWXYZ'.split(''))}` }
  const c = { id: `P1C${String(i + 1).padStart(4, '0')}`, given, family, sex, dob, addr, nhs: nhsNumber(R), cult }
  children.push(c)
  // police record
  c.police = sid('police')
  lines.police.push({ type: 'person', agency: 'police', source_id: c.police, given_name: stripAccents(given), family_name: R.chance(0.2) ? family.toUpperCase() : family, date_of_birth: R.chance(0.92) ? dob : undefined, sex, address: addr, recorded_at: '2023-03-01T09:00:00' })
  truth.push(['police', c.police, c.id, 1])
  if (R.chance(0.55)) {
    c.csc = sid('csc')
    lines.csc.push({ type: 'person', agency: 'csc', source_id: c.csc, given_name: given, family_name: family, date_of_birth: dob, sex, nhs_number: R.chance(0.5) ? c.nhs : undefined, address: addr, is_child: true, recorded_at: '2023-03-01T09:00:00' })
    truth.push(['csc', c.csc, c.id, 1])
  }
  if (R.chance(0.4)) {
    c.health = sid('health')
    lines.health.push({ type: 'person', agency: 'health', source_id: c.health, given_name: given, family_name: family, date_of_birth: dob, sex, nhs_number: c.nhs, address: addr, recorded_at: '2023-03-01T09:00:00' })
    truth.push(['health', c.health, c.id, 1])
  }
}

// episodes
const missingKids = children.filter(() => R.chance(0.8))
for (const c of missingKids) {
  const k = R.zipf([1, 2, 3, 4, 6, 9], 0.8)
  const starts = [...Array(k)].map(() => START - 6 * 24 * H + Math.floor(R.next() * (END - START + 4 * 24 * H))).sort((a, b) => a - b)
  for (let j = 0; j < k; j++) {
    const t = starts[j]
    // start in the evening London time
    const day = Math.floor(t / (24 * H)) * 24 * H
    const startMs = day + R.int(15, 23) * H + R.int(0, 59) * 60000 - offsetH(day) * H
    let durH = R.zipf([4, 8, 14, 20, 30, 48, 72, 120], 0.6) + R.int(0, 3)
    let endMs = startMs + durH * H + R.int(0, 59) * 60000
    if (endMs > NOWMAX - 10 * 24 * H) break
    episodes.push({ c, startMs, endMs, interviews: [] })
  }
}
// boundary cases: returns just either side of a quarter's end in London time
for (const [y, mo, d, hh, mm, useZ] of [
  [2023, 6, 30, 22, 45, true], // 23:45 BST 30 Jun -> Q2 2023 (22:45Z)
  [2023, 6, 30, 23, 30, true], // 00:30 BST 1 Jul -> Q3 2023 (23:30Z on 30 Jun)
  [2023, 12, 31, 23, 50, false], // GMT: local = UTC, Q4 2023
  [2024, 3, 31, 0, 30, false], // 31 Mar 2024 is clock-change day: 00:30 GMT -> Q1 2024
  [2024, 9, 30, 23, 15, true], // 00:15 BST 1 Oct -> Q4 2024
  [2025, 3, 31, 23, 10, true], // 00:10 BST 1 Apr -> Q2 2025
  [2025, 12, 31, 23, 59, false],
  [2026, 3, 31, 22, 30, true], // 23:30 BST 31 Mar 2026 -> Q1 2026 (last quarter)
  [2026, 3, 31, 23, 30, true], // 00:30 BST 1 Apr 2026 -> outside the period
  [2023, 3, 31, 23, 30, false], // 31 Mar 2023 23:30 -> 00:30 BST 1 Apr? (BST since 26 Mar) -> Q2 2023
]) {
  const c = R.pick(missingKids)
  const endMs = Date.UTC(y, mo - 1, d, hh, mm)
  episodes.push({ c, startMs: endMs - R.int(5, 40) * H, endMs, interviews: [], forceZ: useZ })
}
// one still missing at the end (no ended_at) and one begun before the period returning in it
episodes.push({ c: R.pick(missingKids), startMs: Date.UTC(2026, 2, 29, 20), endMs: null, interviews: [] })
episodes.push({ c: R.pick(missingKids), startMs: Date.UTC(2023, 2, 28, 19), endMs: Date.UTC(2023, 3, 2, 11), interviews: [] })
// one returning before the period (not counted)
episodes.push({ c: R.pick(missingKids), startMs: Date.UTC(2023, 2, 20, 19), endMs: Date.UTC(2023, 2, 22, 11), interviews: [] })

episodes.sort((a, b) => a.startMs - b.startMs)
// drop episodes overlapping another of the same child (a child cannot be missing twice at once)
const lastEnd = new Map()
const eps = []
for (const e of episodes) {
  const le = lastEnd.get(e.c.id)
  if (le !== undefined && (le === null || e.startMs <= le + H)) continue
  eps.push(e)
  lastEnd.set(e.c.id, e.endMs)
}

// write episodes and interviews
const charityRec = new Map()
const charityPerson = (c, atMs) => {
  if (charityRec.has(c.id)) return charityRec.get(c.id)
  const s = sid('charity')
  let given = c.given
  if (NICK[given] && R.chance(0.3)) given = R.pick(NICK[given])
  if (R.chance(0.05)) given = typo(R, given)
  const dobR = R.next()
  const o = { type: 'person', agency: 'charity', source_id: s, given_name: stripAccents(given), family_name: c.family, is_child: true, recorded_at: fmt(atMs - 24 * H) }
  if (dobR < 0.7) o.date_of_birth = c.dob
  else if (dobR < 0.85) o.date_of_birth = c.dob.slice(0, 7)
  if (R.chance(0.5)) o.address = { postcode: c.addr.postcode }
  lines.charity.push(o)
  truth.push(['charity', s, c.id, 1])
  charityRec.set(c.id, s)
  return s
}
const byChild = new Map()
for (const e of eps) { if (!byChild.has(e.c.id)) byChild.set(e.c.id, []); byChild.get(e.c.id).push(e) }
for (const e of eps) {
  const st = e.forceZ ? 'Z' : pickStyle()
  e.pid = eid('police')
  const o = { type: 'event', agency: 'police', source_id: e.pid, kind: 'missing_episode', subject: e.c.police, occurred_at: fmt(e.startMs, st), missing_from: R.chance(0.85) ? 'home' : 'care_placement', risk_grading: R.pick(['low', 'medium', 'medium', 'high']), reported_by: R.pick(['mother', 'father', 'carer', 'residential staff']), summary: 'Missing from home', recorded_at: fmt(e.startMs + 2 * H) }
  if (e.endMs) o.ended_at = fmt(e.endMs, st)
  lines.police.push(o)
  if (e.endMs) lines.police.push({ ...o, recorded_at: fmt(e.endMs + 3 * H), outcome: 'Returned home' }) // second version once found
  if (e.endMs) lines.police.at(-2).ended_at = undefined // the first version was recorded while still missing
  // the same episode recorded by children's social care too
  if (e.c.csc && e.endMs && R.chance(0.3)) {
    e.cid = eid('csc')
    const st2 = R.chance(0.3) ? (st === 'Z' ? 'local' : 'Z') : st // same times, sometimes written another way
    lines.csc.push({ type: 'event', agency: 'csc', source_id: e.cid, kind: 'missing_episode', subject: e.c.csc, occurred_at: fmt(e.startMs, st2), ended_at: fmt(e.endMs, st2), missing_from: o.missing_from, summary: 'Missing episode (notified by police)', recorded_at: fmt(e.endMs + 20 * H) })
  }
  if (!e.endMs) continue
  // return interview: within 72h, exactly 72h, just over, later, declined, never
  const r = R.next()
  const next = byChild.get(e.c.id).find((x) => x.startMs > e.startMs)
  const plan = []
  if (r < 0.45) plan.push(['done', R.int(2, 71) * H + R.int(0, 59) * 60000])
  else if (r < 0.5) plan.push(['done', 72 * H]) // exactly 72 hours: counts
  else if (r < 0.54) plan.push(['done', 72 * H + 60000]) // one minute late: does not count
  else if (r < 0.72) plan.push(['done', R.int(73, 400) * H])
  else if (r < 0.78) plan.push(['declined', R.int(10, 70) * H])
  else if (r < 0.81) plan.push(['declined', R.int(10, 40) * H], ['done', R.int(80, 200) * H]) // declined then held late
  else if (r < 0.83) plan.push(['done', R.int(10, 60) * H], ['done', R.int(100, 300) * H]) // a follow-up
  else if (r < 0.86) plan.push(['not_held', R.int(80, 200) * H])
  // else never
  for (const [status, delay] of plan) {
    const ms = e.endMs + delay
    if (ms > NOWMAX) continue
    const refOk = !next || next.startMs > ms // no later return between: an unreferenced interview is unambiguous
    const useRef = !refOk || R.chance(0.55)
    const s = charityPerson(e.c, Math.min(ms, e.startMs))
    const ev = { type: 'event', agency: 'charity', source_id: eid('charity'), kind: 'return_interview', subject: s, occurred_at: fmt(ms, pickStyle()), status, recorded_at: fmt(ms + R.int(1, 96) * H) }
    if (useRef) ev.episode = e.cid && R.chance(0.3) ? `csc:${e.cid}` : `police:${e.pid}`
    if (status !== 'done') ev.reason = status === 'declined' ? 'Young person declined' : 'Could not contact family'
    else ev.child_account = R.pick(['Stayed at a friend\'s', 'Would not say', 'Was with older friends in town', 'Argument at home'])
    if (Date.parse(ev.recorded_at.length === 19 ? ev.recorded_at + 'Z' : ev.recorded_at) > NOWMAX) ev.recorded_at = fmt(ms + H)
    lines.charity.push(ev)
    e.interviews.push({ ms, status })
  }
}
// some concerns so every child has something
for (const c of children) if (c.csc && R.chance(0.5)) lines.csc.push({ type: 'event', agency: 'csc', source_id: eid('csc'), kind: 'contact_referral', subject: c.csc, occurred_at: fmt(START + Math.floor(R.next() * (END - START))), summary: 'Referral following missing episodes' })
for (const c of children) if (c.health && R.chance(0.6)) lines.health.push({ type: 'event', agency: 'health', source_id: eid('health'), kind: 'health_attendance', subject: c.health, occurred_at: fmt(START + Math.floor(R.next() * (END - START))), summary: 'ED attendance' })
for (const c of children) if (!byChild.has(c.id)) lines.police.push({ type: 'event', agency: 'police', source_id: eid('police'), kind: 'concern', subject: c.police, occurred_at: fmt(START + Math.floor(R.next() * (END - START))), summary: 'Child seen with older males late at night' })

// write: one file per agency per financial year, by recorded_at
const fy = (s) => { const ms = Date.parse(/[Z+]/.test(s.slice(16)) ? s : s + 'Z'); const d = new Date(ms); const y = d.getUTCFullYear(); return d.getUTCMonth() >= 3 ? y : y - 1 }
const importFiles = []
for (const y of [2022, 2023, 2024, 2025, 2026]) {
  for (const a of ['police', 'csc', 'health', 'charity']) {
    const ls = lines[a].map((o) => { const x = { ...o }; for (const k of Object.keys(x)) if (x[k] === undefined) delete x[k]; if (!x.recorded_at) x.recorded_at = x.occurred_at; return x }).filter((o) => fy(o.recorded_at) === y)
    if (!ls.length) continue
    ls.sort((p, q) => (p.type === 'person' ? 0 : 1) - (q.type === 'person' ? 0 : 1) || Date.parse(p.recorded_at.slice(0, 19)) - Date.parse(q.recorded_at.slice(0, 19)))
    mkdirSync(join(OUT, 'records', `fy${y}`), { recursive: true })
    writeFileSync(join(OUT, 'records', `fy${y}`, `${a}.ndjson`), ls.map((o) => JSON.stringify(o)).join('\n') + '\n')
    importFiles.push(`$CLI import "$DIR/records/fy${y}/${a}.ndjson" >/dev/null`)
  }
}
writeFileSync(join(OUT, 'IMPORT.sh'), ['#!/bin/sh', '# Partnership area p1 (Pennine Vale), 2023-04-01 to 2026-03-31 (generated by gen/partnership-p1.mjs).', '# Needs "now" on or after 2026-05-31 (the last recorded_at); THREADLINE_CLI runs Threadline.', 'set -e', 'DIR=$(cd "$(dirname "$0")" && pwd)', 'CLI=${THREADLINE_CLI:-threadline}', '$CLI migrate',
  '$CLI agencies add police --name "Pennine Vale Police" --kind police >/dev/null',
  '$CLI agencies add csc --name "Pennine Vale Children\'s Social Care" --kind childrens_social_care >/dev/null',
  '$CLI agencies add health --name "Pennine Vale NHS Trust" --kind health >/dev/null',
  '$CLI agencies add charity --name "Runaway Support Service (return interviews)" --kind voluntary >/dev/null',
  ...importFiles, ''].join('\n'), { mode: 0o755 })
writeFileSync(join(OUT, 'truth.csv'), 'agency,source_id,person_id,is_child\n' + truth.map((r) => r.join(',')).join('\n') + '\n')

// truth quarters
const quarters = []
for (let y = 2023, m = 4; quarters.length < 12; m += 3) {
  if (m > 12) (m -= 12), y++
  const em = m + 2, last = new Date(Date.UTC(y, em, 0)).getUTCDate()
  quarters.push({ start: `${y}-${pad(m)}-01`, end: `${y}-${pad(em)}-${pad(last)}`, ended: 0, within: 0 })
}
let counted = 0, within = 0, doubles = 0
for (const e of eps) {
  if (e.endMs == null) continue
  const ld = localDate(e.endMs)
  const q = quarters.find((q) => q.start <= ld && ld <= q.end)
  if (!q) continue
  q.ended++, counted++
  if (e.cid) doubles++
  if (e.interviews.some((iv) => iv.status === 'done' && iv.ms >= e.endMs && iv.ms - e.endMs <= 72 * H)) q.within++, within++
}
writeFileSync(join(OUT, 'truth-quarters.csv'), 'period_start,period_end,missing_episodes_ended,episodes_with_interview_within_72h\n' + quarters.map((q) => `${q.start},${q.end},${q.ended},${q.within}`).join('\n') + '\n')
const stats = { children: children.length, children_with_episodes: byChild.size, episodes_written: eps.length, episodes_counted: counted, also_recorded_by_csc: doubles, with_interview_within_72h: within, interviews: eps.reduce((s, e) => s + e.interviews.length, 0), lines: Object.fromEntries(Object.entries(lines).map(([k, v]) => [k, v.length])) }
writeFileSync(join(OUT, 'stats.json'), JSON.stringify(stats, null, 2) + '\n')
console.log(JSON.stringify(stats))
