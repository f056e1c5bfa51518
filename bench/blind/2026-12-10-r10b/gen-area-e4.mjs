#!/usr/bin/env node
// Linkage area e4 ("Wantsum Sands", a fictional Thanet coastal town, Kent): eight agencies, 2020-2024,
// year-by-year NDJSON (import format 1.1 objects), IMPORT.sh, truth.csv.
// Usage: node gen-area-e4.mjs [OUT_DIR]   (default: areas/e4 beside this script). Fixed seed; same bytes every run.
import { writeFileSync, mkdirSync, rmSync, existsSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { population, render, ageAt, addrAt, COMM, phoneForm, R, upn, pnc, pad, addDays, realDate } from './lib-r10b.mjs'
import { plant } from './build-r10b.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const out = process.argv[2] || join(here, 'areas', 'e4')
if (existsSync(out)) rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })
const SEED = 10122026
const Y0 = 2020,
  Y1 = 2024
const LAST = '2024-12-20'
const N = { people: 1100, childBirth: [2008, 2016], yearFrom: Y0, yearTo: Y1, twins: 22, parentChild: 14, sibs: 14, clusters: 12, surnameChange: 9, dbl: 7, chosen: 5, hosted: 10 }
let hard
const pop = population({ seed: SEED, place: 'e4', yearFrom: Y0, yearTo: Y1, childBirth: N.childBirth, build: (ctx) => (hard = plant(ctx, N)) })
const { people, households } = pop
const r = new R(SEED + 7)
const H = new Map(households.map((h) => [h.hid, h]))
const ETH = { wb: 'White British', np: 'Asian or Asian British: Nepali', hk: 'Chinese', ua: 'White: Ukrainian', af: 'Asian: Afghan', ta: 'Asian: Sri Lankan Tamil', gh: 'Black African: Ghanaian', go: 'Asian: Indian (Goan)' }
const NAT = { hk: 'British National (Overseas)', ua: 'Ukrainian', af: 'Afghan', go: 'Portuguese' }

const AG = {
  school: { kind: 'education', name: 'Wantsum Sands schools (MIS extracts)', st: { known: 0.55, chosen: true, translit: 0.35, dropAccents: 0.5, dobSwap: 0.02, dobWrong: 0.01, phone: 0.9, addrLag: 0.05, pet: 0.05, patronymic: 0.05, keepOld: 0.2, swapNames: 0.01 } },
  health: { kind: 'health', name: 'East Kent coast NHS trust', st: { nhs: 0.95, nhsWrong: 0.02, legacy: true, upper: 'all', translit: 0.15, accents: false, placeholder: 0.04, dobWrong: 0.015, addrLag: 0.25, phone: 0.6, keepOld: 0.3 } },
  csc: { kind: 'childrens_social_care', name: 'Kent children\u2019s services (Thanet)', st: { nhs: 0.55, known: 0.2, chosen: true, translit: 0.3, dobWrong: 0.02, dobMissing: 0.02, phone: 0.6, pet: 0.1, patronymic: 0.4, keepOld: 0.25 } },
  police: { kind: 'police', name: 'Kent Police', st: { upper: 'family', known: 0.35, translit: 0.45, dropAccents: 0.8, dobSwap: 0.05, dobYear: 0.03, dobYM: 0.03, dobMissing: 0.04, dobWrong: 0.03, pet: 0.3, phone: 0.7, ownPhone: true, keepOld: 0.45, typo: 0.06, sexMissing: 0.03, swapNames: 0.03 } },
  yjs: { kind: 'youth_justice', name: 'Thanet youth justice service', st: { known: 0.1, translit: 0.2, phone: 0.6, ownPhone: true, patronymic: 0.3, keepOld: 0.3 } },
  cps: { kind: 'prosecutor', name: 'CPS South East', st: { upper: 'family', translit: 0.3, dropAccents: 1, dobMissing: 0.1, phone: 0, noAddr: 1, sexMissing: 1, typo: 0.04 } },
  charity: { kind: 'voluntary', name: 'Tideline young people\u2019s project', st: { known: 0.7, chosen: true, translit: 0.5, pet: 0.4, fullInGiven: 0.35, noFamily: 0.2, familyInitial: 0.1, placeholder: 0.15, dobYear: 0.25, dobMissing: 0.1, phone: 0.8, ownPhone: true, noAddr: 0.45, sexMissing: 0.3, typo: 0.06 } },
  resettle: { kind: 'other', name: 'Thanet resettlement and Homes for Ukraine team', st: { upper: 'all', translit: 0.02, documents: true, fnu: true, usOrder: 0.4, phone: 0.9, patronymic: 0.5, addrLag: 0, dropAccents: 1, swap: 0.02 } },
}
const PRE = { school: 'MIS', health: 'RVV', csc: '', police: 'NOM', yjs: 'YJ', cps: 'URN-', charity: 'TL', resettle: 'RS' }
const ids = new Set()
const newId = (ag) => {
  for (;;) {
    const id = ag === 'csc' ? String(r.int(300000, 899999)) : ag === 'cps' ? `${PRE.cps}${r.int(10, 99)}SE${r.int(100000, 999999)}` : `${PRE[ag]}${r.int(10000, 99999)}`
    if (!ids.has(`${ag}:${id}`)) {
      ids.add(`${ag}:${id}`)
      return id
    }
  }
}
const objs = [] // { year, agency, obj }
const truth = []
const usedUpn = new Set()
const dt = (day, h = r.int(8, 21), m = r.int(0, 59)) => `${day}T${pad(h)}:${pad(m)}:00`
const dayIn = (y, from = `${y}-01-01`) => {
  const a = new Date(from + 'T00:00:00Z').getTime(),
    b = Math.min(new Date(`${y}-12-31T00:00:00Z`).getTime(), new Date(LAST + 'T00:00:00Z').getTime())
  if (b < a) return null
  return new Date(a + Math.floor(r.next() * ((b - a) / 86400000 + 1)) * 86400000).toISOString().slice(0, 10)
}
function emit(obj, recordedDay) {
  if (recordedDay > LAST) recordedDay = LAST
  obj.recorded_at = dt(recordedDay)
  const floor = obj.ended_at || obj.occurred_at
  if (floor && obj.recorded_at < floor) obj.recorded_at = floor
  objs.push({ year: +obj.recorded_at.slice(0, 4), agency: obj.agency, obj })
}
const strictPc = (pc) => {
  const k = r.int(0, 9)
  return k === 0 ? pc.replace(' ', '') : k === 1 ? pc.toLowerCase() : pc
}
function personObj(ag, sid, p, h, y, x, extra) {
  const o = { type: 'person', agency: ag, source_id: sid }
  if (x.given) o.given_name = x.given
  if (x.family) o.family_name = x.family
  if (!o.given_name && !o.family_name) o.family_name = p.family
  if (x.other.length) o.other_names = [...new Set(x.other)]
  if (x.dob) o.date_of_birth = x.dob.length === 10 && x.dobForm === 'us' ? `${x.dob.slice(0, 4)}-${x.dob.slice(8, 10)}-${x.dob.slice(5, 7)}` : x.dob
  if (x.sex) o.sex = x.sex
  if (ag !== 'cps' && ag !== 'charity' && r.chance(0.6)) o.ethnicity = ETH[p.comm]
  if (NAT[p.comm] && ['csc', 'resettle', 'police'].includes(ag) && r.chance(0.7)) o.nationality = NAT[p.comm]
  if (x.nhs) o.nhs_number = r.chance(0.3) ? `${x.nhs.slice(0, 3)} ${x.nhs.slice(3, 6)} ${x.nhs.slice(6)}` : x.nhs
  Object.assign(o, extra)
  if (x.addr && ag !== 'cps') o.address = { line1: x.addr.line1, town: x.addr.town, postcode: strictPc(x.addr.postcode) }
  if (x.phone) o.phone = phoneForm(r, x.phone)
  const child = p.role === 'child'
  if (!child) o.is_child = false
  else if (!o.date_of_birth || o.date_of_birth.length < 10 || o.date_of_birth === '1900-01-01' || r.chance(0.25)) o.is_child = true
  return o
}
function yearsKnown(p) {
  const h = H.get(p.hid)
  let a = Math.max(Y0, Number(p.dob.slice(0, 4)))
  if (h.arrival) a = Math.max(a, h.arrival)
  return [a, Y1]
}
let evN = 0
const evId = (ag) => `${ag === 'police' ? 'OCC' : 'E'}${String(++evN).padStart(6, '0')}`
const policeEpisodes = new Map() // pid -> [{sid, end}]
const KINDS = {
  school: [['school_absence', 5], ['concern', 3], ['school_exclusion', 1]],
  health: [['health_attendance', 5], ['self_harm', 1], ['substance_misuse', 1], ['sexual_health', 1]],
  csc: [['contact_referral', 4], ['assessment', 3], ['strategy_discussion', 1], ['section47_enquiry', 1]],
  police: [['missing_episode', 4], ['crime_report', 2], ['intelligence', 1], ['concern', 2]],
  yjs: [['youth_justice', 1]],
  cps: [['charging_decision', 1]],
  charity: [['note', 2], ['concern', 1]],
  resettle: [['note', 3], ['concern', 1]],
}
const wpick = (l) => {
  let t = 0
  for (const [, w] of l) t += w
  let x = r.next() * t
  for (const [k, w] of l) if ((x -= w) <= 0) return k
  return l[0][0]
}
const SUMMARY = {
  school_absence: 'Unexplained absence, sessions missed', concern: 'Safeguarding concern logged', school_exclusion: 'Fixed-term exclusion',
  health_attendance: 'Attended emergency department', self_harm: 'Attended after self-harm', substance_misuse: 'Alcohol intoxication', sexual_health: 'Clinic attendance',
  contact_referral: 'Contact received from partner agency', assessment: 'Child and family assessment', strategy_discussion: 'Strategy discussion held', section47_enquiry: 'Section 47 enquiry',
  missing_episode: 'Reported missing from home', crime_report: 'Crime report, child victim', intelligence: 'Partner intelligence received',
  youth_justice: 'Youth justice involvement', charging_decision: 'Charging decision', note: 'Contact recorded', return_interview: 'Return home interview',
}
const HOTSPOTS = [['Wantsum Sands bus station', 'CT9 1AA'], ['Harbour arcades', 'CT11 8LS'], ['Dane Park', 'CT9 2QZ'], ['Minster Marsh station', 'CT12 4BE'], ['Westwood retail park', 'CT10 2BF']]
function events(ag, sid, p, y0, y1, adultsOfConcern, cpsSuspects) {
  const n = ag === 'school' || ag === 'police' ? r.int(1, 4) : r.int(1, 2)
  for (let i = 0; i < n; i++) {
    let kind = wpick(KINDS[ag])
    const y = r.int(y0, y1)
    const day = dayIn(y)
    if (!day) continue
    if (kind === 'sexual_health' && ageAt(p, y) < 13) kind = 'health_attendance'
    const e = { type: 'event', agency: ag, source_id: evId(ag), kind, subject: sid, occurred_at: dt(day), summary: SUMMARY[kind] }
    if (kind === 'missing_episode') {
      let end = addDays(day, r.int(0, 2))
      if (end > LAST) end = day
      e.ended_at = dt(end, r.int(8, 21))
      if (e.ended_at <= e.occurred_at) e.ended_at = dt(addDays(day, 1), 9)
      e.missing_from = r.pick(['home', 'home', 'care_placement', 'school'])
      e.risk_grading = r.pick(['low', 'medium', 'medium', 'high'])
      if (r.chance(0.5)) {
        const [nm, pc] = r.pick(HOTSPOTS)
        e.involves = [{ location: { name: nm, postcode: pc }, role: 'found_at' }]
      }
      if (!policeEpisodes.has(p.pid)) policeEpisodes.set(p.pid, [])
      policeEpisodes.get(p.pid).push({ sid: e.source_id, end: e.ended_at.slice(0, 10) })
    }
    if (kind === 'crime_report' && adultsOfConcern.length && r.chance(0.5)) e.involves = [{ person: r.pick(adultsOfConcern), role: 'suspect' }]
    if (kind === 'charging_decision') {
      e.outcome = r.pick(['charge', 'no_further_action', 'further_evidence_needed'])
      e.rationale = 'Reviewed against the Full Code Test'
      if (cpsSuspects.length) e.involves = [{ person: r.pick(cpsSuspects), role: 'suspect' }]
    }
    if (kind === 'assessment') e.outcome = r.pick(['No further action', 'Child in need plan', 'Step down to early help'])
    if (['concern', 'intelligence', 'note'].includes(kind) && r.chance(0.4)) e.indicators = [r.pick(['staying_out_late', 'older_associates', 'school_disengagement', 'concerning_phone_use', 'family_breakdown', 'isolated'])]
    const rec = addDays(day, r.int(0, 6))
    emit(e, rec)
  }
}
// ---- adults of concern: unrelated adults known to police and the CPS ----
const childrenIn = people.filter((p) => p.role === 'child')
const adults = people.filter((p) => p.role !== 'child')
const concern = r.shuffle(adults.filter((p) => p.role === 'father' || p.role === 'stepfather' || (p.role === 'mother' && r.chance(0.1)))).slice(0, 40)
const policeAdultIds = [],
  cpsAdultIds = []
const recOf = new Map() // pid -> { agency: [sid] }
const note = (p, ag, sid) => {
  if (!recOf.has(p.pid)) recOf.set(p.pid, {})
  const m = recOf.get(p.pid)
  ;(m[ag] ||= []).push(sid)
}
function addRecord(ag, p, y, extra = {}, opts = {}) {
  const h = H.get(p.hid)
  const st = { ...AG[ag].st }
  if (p.dobUnknownOften && p.role !== 'child') st.dobMissing = 0.45
  const x = render(r, p, h, y, st, true)
  if (p.jnr && p.role === 'child' && r.chance(0.3) && ag !== 'health') {
    x.other.push(`${x.given} Jnr`)
    x.tags.push('jnr')
  }
  const sid = opts.sid || newId(ag)
  const o = personObj(ag, sid, p, h, y, x, extra)
  const day = dayIn(y)
  emit(o, day)
  // re-send after a move (the agency that hears of it)
  if (!opts.noResend && ['school', 'csc', 'health', 'resettle'].includes(ag)) {
    for (const a of h.addrs) {
      if (a.from > y && a.from <= Y1 && r.chance(ag === 'health' ? 0.4 : 0.7)) {
        const o2 = { ...o, address: { line1: a.line1, town: a.town, postcode: strictPc(a.postcode) } }
        const d2 = dayIn(a.from, `${a.from}-03-01`)
        if (d2 && d2 > day) emit(o2, d2)
      }
    }
  }
  truth.push({ agency: ag, sid, pid: p.pid, child: p.role === 'child' ? 1 : 0, cases: [...new Set([...p.cases, ...x.tags])].join(';') })
  note(p, ag, sid)
  return { sid, x }
}
for (const p of concern) {
  const [a, b] = yearsKnown(p)
  const y = r.int(a, b)
  const { sid } = addRecord('police', p, y, { pnc_id: pnc(r, r.int(5, 19)) }, { noResend: true })
  p.cases.push('adult_of_concern')
  policeAdultIds.push(sid)
  emit({ type: 'event', agency: 'police', source_id: evId('police'), kind: 'arrest', subject: sid, occurred_at: dt(dayIn(y) || `${y}-06-01`), summary: 'Arrested' }, dayIn(y) || `${y}-06-01`)
  if (r.chance(0.55)) {
    const { sid: c } = addRecord('cps', p, Math.min(Y1, y + r.int(0, 1)), {}, { noResend: true })
    cpsAdultIds.push(c)
  }
}
// ---- children ----
let kids = 0
for (const p of childrenIn) {
  const h = H.get(p.hid)
  const [a, b] = yearsKnown(p)
  if (a > b) continue
  const refugee = ['ua', 'af', 'hk'].includes(p.comm)
  const pr = { school: ageAt(p, b) >= 5 ? 0.86 : 0, health: 0.5, csc: 0.3, police: ageAt(p, b) >= 10 ? 0.3 : 0.03, yjs: ageAt(p, b) >= 12 ? 0.08 : 0, cps: ageAt(p, b) >= 11 ? 0.08 : 0, charity: ageAt(p, b) >= 11 ? 0.11 : 0, resettle: refugee ? (p.comm === 'hk' ? 0.4 : 0.85) : 0 }
  if (p.chosen) pr.charity = pr.csc = 0.6
  const chosen = Object.keys(pr).filter((ag) => r.chance(pr[ag]))
  if (!chosen.length) continue
  kids++
  const upnOf = upn(r, 886, usedUpn)
  const pncOf = chosen.includes('yjs') || (chosen.includes('police') && r.chance(0.15)) ? pnc(r, r.int(20, 24)) : null
  for (const ag of chosen) {
    const y = r.int(a, b)
    const extra = {}
    if (ag === 'school') extra.upn = upnOf
    if (ag === 'csc' && r.chance(0.4)) extra.upn = upnOf
    if (ag === 'yjs') {
      extra.pnc_id = pncOf
      if (r.chance(0.3)) extra.upn = upnOf
    }
    if (ag === 'police' && pncOf && r.chance(0.7)) extra.pnc_id = pncOf
    const { sid } = addRecord(ag, p, y, extra)
    events(ag, sid, p, y, b, policeAdultIds, cpsAdultIds)
    // second records: a new school after a move, a second police nominal, a duplicate hospital registration
    let second = false
    if (ag === 'school' && h.addrs.length > 1 && h.addrs[1].from > y && r.chance(0.35)) second = h.addrs[1].from
    if (ag === 'police' && r.chance(0.1)) second = r.int(y, b)
    if (ag === 'health' && r.chance(0.05)) second = r.int(y, b)
    if (second) {
      const ex2 = { ...extra }
      if (ag === 'school') ex2.upn = r.chance(0.2) ? upn(r, 886, usedUpn) : upnOf
      const { sid: s2 } = addRecord(ag, p, second, ex2, { noResend: true })
      truth[truth.length - 1].cases += ';second_record'
      events(ag, s2, p, second, b, policeAdultIds, cpsAdultIds)
    }
    if (ag === 'charity' && policeEpisodes.has(p.pid) && r.chance(0.8)) {
      for (const ep of policeEpisodes.get(p.pid).slice(0, 2)) {
        const d = addDays(ep.end, r.int(1, 6))
        if (d > LAST) continue
        const status = r.chance(0.75) ? 'done' : r.pick(['declined', 'not_held'])
        const e = { type: 'event', agency: 'charity', source_id: evId('charity'), kind: 'return_interview', subject: sid, occurred_at: dt(d), summary: SUMMARY.return_interview, status }
        if (r.chance(0.7)) e.episode = `police:${ep.sid}`
        if (status !== 'done') e.reason = status === 'declined' ? 'Young person did not want to talk' : 'Could not be contacted within 72 hours'
        emit(e, d)
      }
    }
  }
}
// ---- parents and carers as the agencies hold them ----
const kidsWith = (hid, ag) => [...recOf.entries()].filter(([pid, m]) => m[ag] && people.find((x) => x.pid === pid)?.hid === hid && people.find((x) => x.pid === pid)?.role === 'child')
const byPid = new Map(people.map((p) => [p.pid, p]))
for (const p of adults) {
  const h = H.get(p.hid)
  const [a, b] = yearsKnown(p)
  const hk = h.members.filter((m) => m.role === 'child' && recOf.has(m.pid))
  if (!hk.length && !p.hostOf) continue
  const cscKids = hk.filter((m) => recOf.get(m.pid).csc)
  if (cscKids.length && r.chance(p.role === 'mother' ? 0.75 : 0.45)) {
    const { sid } = addRecord('csc', p, r.int(a, b))
    for (const k of cscKids) {
      const ks = recOf.get(k.pid).csc[0]
      emit({ type: 'relationship', agency: 'csc', source_id: `REL-${sid}-${ks}`, from: sid, to: ks, kind: p.role === 'stepfather' ? 'carer' : 'parent', reliability: 'confirmed' }, dayIn(r.int(a, b)) || `${Y1}-06-01`)
    }
  }
  if (p.cases.includes('parent_child_same_name') && !recOf.get(p.pid)?.police && r.chance(0.7)) {
    const { sid } = addRecord('police', p, r.int(a, b), {}, { noResend: true })
    emit({ type: 'event', agency: 'police', source_id: evId('police'), kind: 'note', subject: sid, occurred_at: dt(dayIn(b) || `${b}-03-01`), summary: 'Domestic incident attended' }, dayIn(b) || `${b}-03-01`)
  }
  if (p.role === 'mother' && hk.some((m) => recOf.get(m.pid).health) && r.chance(0.12)) addRecord('health', p, r.int(a, b))
  if ((['ua', 'af', 'hk'].includes(p.comm) && hk.some((m) => recOf.get(m.pid).resettle) && r.chance(0.9)) || p.hostOf) addRecord('resettle', p, r.int(a, b))
}
// ---- write ----
const years = [...new Set(objs.map((o) => o.year))].sort()
for (const y of years) {
  mkdirSync(join(out, String(y)), { recursive: true })
  for (const ag of Object.keys(AG)) {
    const lines = objs.filter((o) => o.year === y && o.agency === ag).map((o) => o.obj)
    if (!lines.length) continue
    lines.sort((u, v) => (u.recorded_at < v.recorded_at ? -1 : u.recorded_at > v.recorded_at ? 1 : 0))
    writeFileSync(join(out, String(y), `${ag}.ndjson`), lines.map((o) => JSON.stringify(o)).join('\n') + '\n')
  }
}
const sh = [
  '#!/bin/sh',
  '# Imports linkage area e4 year by year into an empty Threadline database. THREADLINE_CLI is the command',
  '# (the area scorer sets it: "node CHECKOUT/bin/threadline.js"); THREADLINE_NOW must be on or after 2025-01-01.',
  'set -e',
  'CLI=${THREADLINE_CLI:-threadline}',
  'DIR=$(cd "$(dirname "$0")" && pwd)',
  '$CLI migrate',
  ...Object.entries(AG).map(([c, a]) => `$CLI agencies add ${c} --name "${a.name}" --kind ${a.kind} >/dev/null`),
  ...years.map((y) => `$CLI import "$DIR/${y}"/*.ndjson >/dev/null`),
  '',
]
writeFileSync(join(out, 'IMPORT.sh'), sh.join('\n'), { mode: 0o755 })
truth.sort((u, v) => (u.agency + ':' + u.sid < v.agency + ':' + v.sid ? -1 : 1))
writeFileSync(join(out, 'truth.csv'), ['agency,source_id,person_id,is_child,cases', ...truth.map((t) => [t.agency, t.sid, t.pid, t.child, t.cases.replace(/,/g, ' ')].join(','))].join('\n') + '\n')
const childPids = new Set(truth.filter((t) => t.child).map((t) => t.pid))
let tp = 0
const byC = new Map()
for (const t of truth) if (t.child) byC.set(t.pid, (byC.get(t.pid) || 0) + 1)
for (const v of byC.values()) tp += (v * (v - 1)) / 2
const stats = {
  seed: SEED,
  children: childPids.size,
  child_records: truth.filter((t) => t.child).length,
  adult_records: truth.filter((t) => !t.child).length,
  true_child_pairs: tp,
  objects: objs.length,
  events: objs.filter((o) => o.obj.type === 'event').length,
  files: years.length,
  per_agency: Object.fromEntries(Object.keys(AG).map((c) => [c, { child: truth.filter((t) => t.agency === c && t.child).length, adult: truth.filter((t) => t.agency === c && !t.child).length }])),
  per_community: Object.fromEntries(Object.keys(COMM).map((c) => [c, [...childPids].filter((pid) => byPid.get(pid).comm === c).length])),
  hard,
}
writeFileSync(join(out, 'stats.json'), JSON.stringify(stats, null, 2) + '\n')
console.log(JSON.stringify(stats))
