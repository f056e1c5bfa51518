#!/usr/bin/env node
// Linkage area e2: "Ashmead", a fictional Thames Valley town (SL1, SL2, SL3), 2020-2024.
// Writes areas/e2/{2020..2024}/AGENCY.ndjson, IMPORT.sh, truth.csv, stats.json beside this script
// (or in argv[2]). Standalone, fixed seed, no dependencies (lib-r8b.mjs beside it).
import { mkdirSync, writeFileSync, rmSync, existsSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { makeRng, makeStreets, buildPopulation, renderPerson, famAt, addrAt, yearOf, pad, addDays, upnFor, upnValid, nhsValid, newPnc, deaccent, COMM, fmtPhone } from './lib-r8b.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const out = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : join(here, 'areas', 'e2')
const R = makeRng(80412026)
const Y0 = 2020,
  Y1 = 2024
const TOWN = 'Ashmead'

const streets = makeStreets(R, [
  ['Farnham Road', 'SL1'], ['Stoke Poges Lane', 'SL1'], ['Bath Road', 'SL1'], ['Cippenham Lane', 'SL1'], ['Wexham Road', 'SL2'],
  ['Chalvey Road East', 'SL1'], ['Uxbridge Road', 'SL3'], ['Langley Road', 'SL3'], ['Whitby Road', 'SL1'], ['Montem Lane', 'SL1'],
  ['Baylis Road', 'SL1'], ['Lower Cippenham Lane', 'SL1'], ['Elliman Avenue', 'SL2'], ['Upton Court Road', 'SL3'], ['Station Road', 'SL3'],
  ['Shaggy Calf Lane', 'SL2'], ['Wexham Street', 'SL3'], ['High Street', 'SL3'], ['Trelawney Avenue', 'SL3'], ['Britwell Road', 'SL1'],
  ['Long Furlong Drive', 'SL2'], ['Kennedy Close', 'SL2'], ['Harrow Road', 'SL3'], ['Albert Street', 'SL1'], ['Ragstone Road', 'SL1'],
  ['Windsor Road', 'SL1'], ['Mill Street', 'SL2'], ['Parlaunt Road', 'SL3'], ['Common Road', 'SL3'], ['Northampton Avenue', 'SL1'],
])
const pop = buildPopulation(R, {
  prefix: 'E',
  mix: { pk: 22, wb: 24, pl: 12, ro: 10, so: 7, bd: 5, ng: 7, ie: 6, ar: 7 },
  streets,
  la: '871',
  birthFrom: 2008,
  birthTo: 2016,
  yearFrom: Y0,
  yearTo: Y1,
  targetPeople: 990,
  moves: 1.1,
  hard: { twins: 22, namesake: 13, simSib: 14, sameFirst: 5, common: 9, surnameChange: 8, dbl: 8 },
})
const byPid = new Map(pop.people.map((p) => [p.pid, p]))
for (const p of pop.people) if (p.twin) p.twinObj = byPid.get(p.twin)
const hhOf = new Map(pop.households.map((h) => [h.hid, h]))
const kids = pop.people.filter((p) => p.isChild)

// adults of concern (suspects), not family
const suspects = []
for (let i = 0; i < 34; i++) {
  const comm = R.wpick({ pk: 4, wb: 5, ro: 2, pl: 1, so: 1, ng: 1, ie: 1, ar: 1 })
  const p = { pid: `ES${String(i + 1).padStart(3, '0')}`, comm, role: 'suspect', sex: 'm', isChild: false, cases: ['adult-of-concern'], given: R.zipf(COMM[comm].adm), middle: '', dob: `${R.int(1978, 2003)}-${pad(R.int(1, 12))}-${pad(R.int(1, 28))}`, nhs: null }
  p.family = R.zipf(COMM[comm].sur)
  p.famHist = [{ from: 0, family: p.family }]
  p.mobile = pop.takeMob()
  p.pnc = newPnc(R, pop.usedPnc)
  p.vehicle = R.ch(0.5) ? `${R.pick(['KX', 'LR', 'YH', 'WF', 'BD', 'RK'])}${R.int(10, 24)} ${'ABCDEFGHJKLMNPRSTUVWXY'[R.int(0, 21)]}${'ABCDEFGHJKLMNPRSTUVWXY'[R.int(0, 21)]}${'ABCDEFGHJKLMNPRSTUVWXY'[R.int(0, 21)]}` : null
  const h = { hid: `HS${i}`, comm, members: [p], addrs: [{ from: 0, a: { line1: `${R.int(1, 200)} ${R.pick(streets).name}`, postcode: `SL${R.int(1, 3)} ${R.int(1, 9)}${'ABDEFGHJLNPQRSTUWXYZ'[R.int(0, 19)]}${'ABDEFGHJLNPQRSTUWXYZ'[R.int(0, 19)]}` } }], mother: { mobile: null }, landline: null }
  hhOf.set(h.hid, h)
  p.hh = h.hid
  suspects.push(p)
}

// agencies
const AG = {
  police: { name: 'Thames Valley Police (Ashmead LPA)', kind: 'police', st: { nick: 0.28, nickOther: 0.45, pet: 0.03, variant: 0.25, deacc: 0.85, upper: 0.35, addrUpper: 0.45, lagName: 0.45, swap: 0.03, typo: 0.06, lagAddr: 0.25, sexMissing: 0.03, sexWrong: 0.01, dob: { missing: 0.06, year: 0.02, ym: 0.03, swap: 0.04, typo: 0.04 }, phone: { own: 0.45, parent: 0.15, adult: 0.6 }, nospace: 0.4 } },
  csc: { name: 'Ashmead Children\'s Services', kind: 'childrens_social_care', st: { nhs: 0.6, nhsTypo: 0.01, middleInGiven: 0.25, middleOther: 0.3, nickOther: 0.5, nick: 0.1, lagName: 0.15, variant: 0.15, deacc: 0.5, lagAddr: 0.1, sexMissing: 0.01, dob: { missing: 0.02, year: 0.01, ym: 0.01, swap: 0.02, typo: 0.02 }, phone: { own: 0.2, parent: 0.5, adult: 0.7 } } },
  health: { name: 'Ashmead and Wexham NHS Trust', kind: 'health', st: { nhs: 0.96, nhsTypo: 0.02, motherNhs: 0.4, twinNhs: 0.04, nick: 0.06, middleInGiven: 0.2, variant: 0.12, deacc: 0.5, lagAddr: 0.3, sexMissing: 0.01, dob: { missing: 0.005, swap: 0.015, typo: 0.015 }, phone: { own: 0.1, parent: 0.55, land: 0.1, adult: 0.8 }, abbr: 0.5 } },
  school: { name: 'Ashmead schools (education)', kind: 'education', st: { nick: 0.3, pet: 0.02, variant: 0.06, deacc: 0.3, knownAs: 0.45, lagAddr: 0.08, sexMissing: 0, dob: { missing: 0, swap: 0.01, typo: 0.01 }, phone: { parent: 0.85, land: 0.1 } } },
  cps: { name: 'Crown Prosecution Service Thames and Chiltern', kind: 'prosecutor', st: { variant: 0.2, deacc: 0.7, upper: 0.5, addrMissing: 1, sexMissing: 0.6, typo: 0.05, dob: { missing: 0.12, swap: 0.03, typo: 0.03 }, phone: {} } },
  charity: { name: 'Ashmead Safe Return (charity)', kind: 'voluntary', st: { nick: 0.5, pet: 0.12, variant: 0.2, deacc: 0.9, famMissing: 0.35, famInitial: 0.15, typo: 0.06, knownAs: 0.5, addrMissing: 0.5, pcOnly: 0.4, district: 0.5, sexMissing: 0.25, dob: { missing: 0.25, year: 0.3, ym: 0.2, swap: 0.03, typo: 0.03 }, phone: { own: 0.7, parent: 0.1 } } },
  yjs: { name: 'Ashmead Youth Justice Service', kind: 'youth_justice', st: { nhs: 0.25, nickOther: 0.7, nick: 0.1, variant: 0.1, deacc: 0.5, middleInGiven: 0.3, lagAddr: 0.1, sexMissing: 0, dob: { missing: 0, swap: 0.01, typo: 0.01 }, phone: { own: 0.6, parent: 0.3 } } },
  asb: { name: 'Ashmead Council community safety team', kind: 'other', st: { nick: 0.2, variant: 0.2, deacc: 0.8, typo: 0.06, addrMissing: 1, sexMissing: 1, dob: { missing: 0.05, swap: 0.03, typo: 0.03 }, phone: {} } },
}
const NAME_DOB_ONLY = new Set(['cps', 'asb'])

// ---------- helpers ----------
const files = {} // year -> agency -> lines
const emit = (y, ag, obj) => {
  ;((files[y] ||= {})[ag] ||= []).push(obj)
}
const truth = []
const sids = {}
const newSid = (ag) => {
  sids[ag] ||= new Set()
  for (;;) {
    let s
    if (ag === 'police') s = `PN${R.int(100000, 999999)}`
    else if (ag === 'csc') s = String(R.int(1000000, 9999999))
    else if (ag === 'health') s = `RX${R.int(1000000, 9999999)}`
    else if (ag === 'school') s = `${R.int(100000, 149999)}-${R.int(1000, 9999)}`
    else if (ag === 'cps') s = `CPS-${R.int(10000, 99999)}`
    else if (ag === 'charity') s = `ASR${R.int(1000, 9999)}`
    else if (ag === 'yjs') s = `YJ/${R.int(1000, 9999)}`
    else s = `ASB${R.int(10000, 99999)}`
    if (!sids[ag].has(s)) return sids[ag].add(s), s
  }
}
const evSids = new Set()
const evId = (ag) => {
  for (;;) {
    const s = `${ag === 'police' ? 'OCC' : ag.toUpperCase()}-${R.int(100000, 999999)}`
    if (!evSids.has(s)) return evSids.add(s), s
  }
}
const LAST = Date.parse('2024-12-20T00:00:00Z')
function timeIn(y, after) {
  // a local London time between 08:00 and 21:59 on a day of year y (never the skipped hour)
  let lo = Date.parse(`${y}-01-05T00:00:00Z`),
    hi = Date.parse(`${y}-12-08T00:00:00Z`)
  if (after) lo = Math.max(lo, Date.parse(after.slice(0, 10) + 'T00:00:00Z') + 864e5)
  if (lo >= hi) lo = hi - 5 * 864e5
  const d = new Date(lo + R.r() * (hi - lo)).toISOString().slice(0, 10)
  return `${d}T${pad(R.int(8, 21))}:${pad(R.int(0, 59))}:00`
}
const plusDays = (t, n, h = null) => `${addDays(t.slice(0, 10), n)}T${h != null ? pad(h) : t.slice(11, 13)}:${t.slice(14, 16)}:00`
const recAt = (t, y) => {
  let r = plusDays(t, R.int(0, 9))
  if (Date.parse(r.slice(0, 10)) > Date.parse(`${y}-12-20`)) r = `${y}-12-20T17:00:00`
  return r
}

// a person record of an agency: first sent in year y (recorded rt), re-sent when the agency learns a move
function personObj(ag, sid, p, r, extra = {}) {
  const o = { type: 'person', agency: ag, source_id: sid }
  if (r.given) o.given_name = r.given
  if (r.family) o.family_name = r.family
  if (!o.given_name && !o.family_name) o.given_name = deaccent(p.given)
  if (r.other.length && !NAME_DOB_ONLY.has(ag)) o.other_names = [...new Set(r.other)].filter((x) => x !== o.given_name)
  if (o.other_names && !o.other_names.length) delete o.other_names
  if (r.dob) o.date_of_birth = r.dob
  if (!NAME_DOB_ONLY.has(ag)) {
    if (r.sex) o.sex = r.sex
    if (r.nhs) o.nhs_number = r.nhs
    if (r.pc && !/^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i.test(r.pc)) r.pc = '' // a district alone is no postcode
    if (r.line || r.pc) {
      o.address = {}
      if (r.line) o.address.line1 = r.line
      if (r.line) o.address.town = ag === 'police' && R.ch(0.4) ? TOWN.toUpperCase() : TOWN
      if (r.pc) o.address.postcode = r.pc
    }
    if (r.phone) o.phone = r.phone
  }
  Object.assign(o, extra)
  if (p.isChild) {
    if (!/^\d{4}-\d\d-\d\d$/.test(o.date_of_birth || '') || R.ch(0.2)) o.is_child = true
  } else o.is_child = false
  return o
}
const records = [] // {ag, sid, p, h, firstYear, r, extra, obj}
function makeRecord(ag, p, y, extra = {}, stOver = {}) {
  const h = hhOf.get(p.hh)
  const st = { ...AG[ag].st, ...stOver }
  if (p.cases.includes('namesake-parent') && !p.isChild) st.dob = { ...st.dob, missing: 0.35 }
  const r = renderPerson(R, p, h, st, y, true)
  const sid = newSid(ag)
  const rec = { ag, sid, p, h, y, r, extra, events: [] }
  records.push(rec)
  truth.push([ag, sid, p.pid, p.isChild ? 1 : 0, [...p.cases, ...r.tags].join(';')])
  return rec
}
function ev(rec, y, kind, fields = {}, after) {
  const t = fields.occurred_at || timeIn(y, after)
  const o = { type: 'event', agency: rec.ag, source_id: evId(rec.ag), kind, subject: rec.sid, occurred_at: t, ...fields }
  o.recorded_at = recAt(o.ended_at || t, y)
  rec.events.push(o)
  return o
}

// ---------- which agency knows which child ----------
const SUMM = {
  concern: ['Concern raised about the child\'s wellbeing', 'Worries shared by a neighbour', 'Seen late at night with older youths'],
  school_absence: ['Unexplained absence, 6 sessions', 'Absent without explanation, 4 sessions', 'Persistent absence this half term'],
}
for (const k of kids) {
  const h = hhOf.get(k.hh)
  const age = (y) => y - yearOf(k.dob)
  const older = age(2024) >= 11
  const w = {
    school: 0.97,
    health: 0.72,
    csc: older ? 0.45 : 0.3,
    police: older ? 0.42 : 0.08,
    yjs: older ? 0.07 : 0,
    asb: older ? 0.08 : 0,
  }
  if (k.cases.some((c) => /twin|namesake|common|similar|brothers/.test(c))) (w.health = 0.85), (w.police = Math.max(w.police, 0.3))
  const ags = Object.keys(w).filter((a) => R.ch(w[a]))
  if (!ags.length) ags.push('school')
  if (ags.includes('yjs') && !ags.includes('police')) ags.push('police')
  k.ags = ags
  const firstY = (a) => R.int(Y0, Math.max(Y0, Math.min(Y1, a === 'school' ? Y0 : Y1 - 1)))
  // school: one record per school; a move of house often means a second record at a new school
  if (ags.includes('school') && age(Y1) >= 4) {
    const moveY = h.addrs.length > 1 ? h.addrs[1].from : null
    const y = Math.max(Y0, yearOf(k.dob) + 4)
    const upn = k.upn
    const rec = makeRecord('school', k, y, { upn })
    k.schoolRec = rec
    if (moveY && moveY > y && R.ch(0.3)) {
      const newUpn = R.ch(0.15) ? upnFor('871', String(R.int(3000, 3999)), upn.slice(8, 10), R.int(0, 999)) : upn
      const rec2 = makeRecord('school', k, moveY, { upn: newUpn })
      rec2.secondSchool = true
      truth[truth.length - 1][4] += ';school-second-record' + (newUpn !== upn ? ';new-upn' : '')
      rec.until = moveY
    }
  }
  for (const a of ags.filter((a) => a !== 'school')) {
    const y = Math.max(firstY(a), yearOf(k.dob))
    const extra = {}
    if (a === 'csc' && R.ch(0.45)) extra.upn = k.upn
    if (a === 'yjs' || (a === 'police' && ags.includes('yjs'))) {
      k.pnc ||= newPnc(R, pop.usedPnc)
      if (a === 'yjs' && R.ch(0.3)) extra.upn = k.upn
      extra.pnc_id = k.pnc
    }
    if (a === 'csc' && k.comm !== 'wb') extra.nationality = R.pick(['British', 'British', COMM[k.comm].label === 'Polish' ? 'Polish' : COMM[k.comm].label === 'Romanian' ? 'Romanian' : 'British'])
    if (a === 'csc' || a === 'school') extra.ethnicity = { wb: 'WBRI', pk: 'APKN', bd: 'ABAN', so: 'BAFR', ar: 'OOTH', pl: 'WOTH', ro: R.pick(['WOTH', 'WROM']), ie: R.pick(['WIRI', 'WIRT']), ng: 'BAFR' }[k.comm]
    makeRecord(a, k, y, extra)
    if (a === 'police' && R.ch(0.07)) makeRecord(a, k, R.int(y, Y1), {}, { nick: 0.5, dob: { missing: 0.2, year: 0.1, swap: 0.1, typo: 0.1 } }), (truth[truth.length - 1][4] += ';second-record-same-agency')
    if (a === 'health' && R.ch(0.04)) makeRecord(a, k, R.int(y, Y1), {}, { nhs: 0.3 }), (truth[truth.length - 1][4] += ';second-record-same-agency')
  }
}
// adults: parents at csc and police; namesake parents at police (and health)
for (const h of pop.households) {
  const cscKids = records.filter((r) => r.ag === 'csc' && r.h === h && r.p.isChild)
  if (cscKids.length) {
    for (const par of [h.mother, h.father].filter(Boolean)) {
      if (!R.ch(par === h.mother ? 0.95 : 0.6)) continue
      const y = Math.min(...cscKids.map((r) => r.y))
      const rec = makeRecord('csc', par, y)
      for (const kr of cscKids.filter((r) => r.y === y || R.ch(0.8)))
        rec.rels = [...(rec.rels || []), { type: 'relationship', agency: 'csc', source_id: `REL-${rec.sid}-${kr.sid}`, from: rec.sid, to: kr.sid, kind: 'parent', reliability: 'confirmed', recorded_at: null, y }]
    }
  }
  const polKids = records.filter((r) => r.ag === 'police' && r.h === h && r.p.isChild)
  const ns = [h.father, h.mother].filter((x) => x && x.cases.includes('namesake-parent'))
  for (const par of ns) {
    makeRecord('police', par, R.int(Y0, Y1 - 1))
    if (R.ch(0.5)) makeRecord('health', par, R.int(Y0, Y1 - 1), {}, { motherNhs: 0 })
  }
  if (polKids.length && h.father && !ns.includes(h.father) && R.ch(0.3)) makeRecord('police', h.father, R.int(Y0, Y1 - 1))
  if (R.ch(0.06) && h.mother) makeRecord('health', h.mother, R.int(Y0, Y1 - 1), {}, { motherNhs: 0 })
}
for (const s of suspects) makeRecord('police', s, R.int(Y0, Y1 - 1), { pnc_id: s.pnc })

// ---------- events ----------
const polRecs = records.filter((r) => r.ag === 'police')
const byPidAg = (p, ag) => records.filter((r) => r.p === p && r.ag === ag)
const PLACES = [
  { name: 'Chicken shop, Farnham Road', postcode: 'SL1 4XA' },
  { name: 'Bus station, Wellington Street', postcode: 'SL1 1XW' },
  { name: 'Salt Hill Park', postcode: 'SL1 3SR' },
  { name: 'Queensmere shopping centre', postcode: 'SL1 1DQ' },
  { name: 'Hotel, Bath Road', postcode: 'SL1 3UA' },
  { name: 'Flat above shops, Stoke Poges Lane', postcode: 'SL1 3LB' },
]
const missingEps = new Map()
for (const rec of records) {
  const { ag, p } = rec
  const y0 = rec.y
  const yEnd = rec.until ?? Y1
  const years = []
  for (let y = y0; y <= yEnd; y++) if (y === y0 || R.ch(0.4)) years.push(y)
  if (!p.isChild) {
    if (ag === 'police' && p.role === 'suspect') ev(rec, y0, 'intelligence', { summary: 'Adult seen with local children in a vehicle', involves: p.vehicle ? [{ vehicle: p.vehicle }, { phone: p.mobile }] : [{ phone: p.mobile }] })
    else if (ag === 'police') ev(rec, y0, 'note', { summary: R.pick(['Domestic incident attended at the home address', 'Named as parent in a missing report', 'Stop and account, town centre']) })
    else if (ag === 'health') ev(rec, y0, 'health_attendance', { summary: 'Adult attendance, emergency department' })
    continue
  }
  for (const y of years) {
    const n = R.int(1, ag === 'school' ? 2 : 2)
    let last = null
    for (let i = 0; i < n; i++) {
      let e
      if (ag === 'school') e = ev(rec, y, R.pick(['school_absence', 'school_absence', 'concern', 'school_exclusion']), { summary: R.pick(SUMM.school_absence), indicators: R.ch(0.3) ? ['school_disengagement'] : undefined }, last)
      else if (ag === 'health') e = ev(rec, y, R.pick(['health_attendance', 'health_attendance', 'self_harm', 'substance_misuse', ...(y - yearOf(p.dob) >= 13 ? ['sexual_health'] : [])]), { summary: 'Attended the emergency department' }, last)
      else if (ag === 'csc') e = ev(rec, y, i === 0 ? 'contact_referral' : R.pick(['assessment', 'strategy_discussion', 'section47_enquiry']), { summary: 'Referral received' }, last)
      else if (ag === 'yjs') e = ev(rec, y, 'youth_justice', { summary: 'Referral order, assessment started' }, last)
      else if (ag === 'asb') e = ev(rec, y, R.pick(['concern', 'note']), { summary: R.pick(['Named in an anti-social behaviour report, town centre', 'Warning letter, group of youths at the bus station']) }, last)
      else if (ag === 'police') {
        const kind = R.pick(['missing_episode', 'missing_episode', 'crime_report', 'concern', 'intelligence', ...(p.pnc ? ['arrest'] : [])])
        if (kind === 'missing_episode') {
          const t = timeIn(y, last)
          const end = plusDays(t, R.int(0, 2), R.int(8, 21))
          const f = { occurred_at: t, ended_at: end > t ? end : plusDays(t, 1), missing_from: R.pick(['home', 'home', 'care_placement', 'school']), risk_grading: R.pick(['low', 'medium', 'medium', 'high']), summary: 'Reported missing by parent', involves: [{ location: R.pick(PLACES), role: 'found_at' }] }
          const s = R.ch(0.25) ? R.pick(suspects) : null
          if (s) {
            const sr = byPidAg(s, 'police')[0]
            if (sr) f.involves.push({ person: sr.sid, role: 'found_with' })
          }
          e = ev(rec, y, 'missing_episode', f)
          missingEps.set(e, rec)
        } else if (kind === 'crime_report') {
          const s = R.pick(suspects)
          const sr = byPidAg(s, 'police')[0]
          e = ev(rec, y, 'crime_report', { summary: 'Child reported as victim of an offence', involves: sr ? [{ person: sr.sid, role: 'suspect' }] : [] }, last)
          if (R.ch(0.35)) rec.cpsCase = { y: yearOf(e.occurred_at), s, t: e.occurred_at }
        } else e = ev(rec, y, kind, { summary: kind === 'arrest' ? 'Arrested on suspicion of possession with intent to supply' : 'Information received about the child', indicators: R.ch(0.4) ? [R.pick(['older_associates', 'vehicle_unknown_adults', 'staying_out_late', 'hotspot_location', 'gifts_money'])] : undefined }, last)
      }
      last = e.occurred_at
    }
  }
}
// charity return interviews after police missing episodes; CPS charging decisions after crimes
const charityRecOf = new Map()
const cpsSusp = new Map()
for (const [e, prec] of missingEps) {
  const p = prec.p
  if (!R.ch(0.75)) continue
  const y = yearOf(e.ended_at)
  let crec = charityRecOf.get(p)
  if (!crec) {
    crec = makeRecord('charity', p, y)
    crec.events = []
    charityRecOf.set(p, crec)
  }
  const status = R.pick(['done', 'done', 'done', 'declined', 'not_held'])
  const t = plusDays(e.ended_at, R.int(1, 5), R.int(9, 19))
  if (yearOf(t) !== y || Date.parse(t.slice(0, 10)) > Date.parse(`${y}-12-18`)) continue
  const f = { occurred_at: t, status, summary: 'Return home interview' }
  if (R.ch(0.6)) f.episode = `police:${e.source_id}`
  if (status !== 'done') f.reason = status === 'declined' ? 'Young person did not want to talk' : 'Could not make contact with the family'
  ev(crec, y, 'return_interview', f)
}
for (const rec of records.filter((r) => r.cpsCase)) {
  const { y, s, t } = rec.cpsCase
  if (y > Y1 || Date.parse(t.slice(0, 10)) > Date.parse(`${y}-11-20`)) continue
  const crec = makeRecord('cps', rec.p, y)
  let srec = cpsSusp.get(s)
  if (!srec) srec = makeRecord('cps', s, y)
  cpsSusp.set(s, srec)
  ev(crec, y, 'charging_decision', { occurred_at: plusDays(t, R.int(10, 25), R.int(9, 17)), outcome: R.pick(['charge', 'no_further_action', 'further_evidence_needed']), rationale: 'Review of the file', involves: [{ person: srec.sid, role: 'suspect' }] })
}
// every record holds at least one event (so the child is known to that agency for something)
for (const rec of records) if (rec.p.isChild && !rec.events.length) ev(rec, rec.y, rec.ag === 'cps' ? 'note' : 'concern', { summary: 'Recorded contact' })
for (const rec of records) if (!rec.p.isChild && !rec.events.length && rec.ag !== 'csc' && rec.ag !== 'cps') ev(rec, rec.y, 'note', { summary: 'Recorded contact' })

// ---------- write: person versions, events, relationships by the year of recorded_at ----------
for (const rec of records) {
  const evs = rec.events.sort((a, b) => (a.occurred_at < b.occurred_at ? -1 : 1))
  const firstT = evs.length ? evs[0].occurred_at : `${rec.y}-${pad(R.int(2, 11))}-${pad(R.int(1, 28))}T10:00:00`
  const fy = yearOf(firstT)
  const obj = personObj(rec.ag, rec.sid, rec.p, rec.r, rec.extra)
  obj.recorded_at = firstT
  emit(fy, rec.ag, obj)
  // re-send after a move the agency learns of (not name + DOB agencies)
  if (!NAME_DOB_ONLY.has(rec.ag) && rec.ag !== 'charity' && obj.address) {
    for (const a of rec.h.addrs.filter((a) => a.from > fy && a.from <= (rec.until ?? Y1))) {
      if (!R.ch(rec.ag === 'police' ? 0.5 : 0.75)) continue
      const o2 = { ...obj }
      o2.address = { line1: a.a.line1, town: TOWN, postcode: a.a.postcode }
      const fam = famAt(rec.p, a.from)
      if (rec.h.change && a.from >= rec.h.change.year && rec.p.famHist.length > 1 && R.ch(0.6)) o2.family_name = deaccent(fam)
      o2.recorded_at = `${a.from}-${pad(R.int(2, 11))}-${pad(R.int(1, 28))}T11:${pad(R.int(0, 59))}:00`
      emit(a.from, rec.ag, o2)
      rec.h.addrKnown = true
    }
  }
  for (const e of evs) {
    for (const k of Object.keys(e)) if (e[k] === undefined) delete e[k]
    emit(yearOf(e.recorded_at), rec.ag, e)
  }
  for (const rel of rec.rels || []) {
    const o = { ...rel }
    delete o.y
    o.recorded_at = obj.recorded_at
    emit(fy, 'csc', o)
  }
}

// ---------- check against the import format (docs/import-format.md 1.4) ----------
const KINDS = new Set('concern contact_referral assessment strategy_discussion section47_enquiry cp_conference cp_plan_start cp_plan_end looked_after_start looked_after_end placement_move missing_episode return_interview crime_report arrest charge charging_decision police_nfa intelligence disclosure disclosure_withdrawn health_attendance sexual_health pregnancy termination self_harm substance_misuse school_absence school_exclusion education_change youth_justice note'.split(' '))
const PC = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i
const DATE = /^\d{4}(-\d\d(-\d\d)?)?$/
const errs = []
const personSids = new Map()
for (const y in files) for (const ag in files[y]) for (const o of files[y][ag]) if (o.type === 'person') (personSids.get(ag) || personSids.set(ag, new Set()).get(ag)).add(o.source_id)
const realDate = (d) => {
  if (!/^\d{4}-\d\d-\d\d$/.test(d)) return /^\d{4}(-(0[1-9]|1[0-2]))?$/.test(d)
  const [a, b, c] = d.split('-').map(Number)
  const t = new Date(Date.UTC(a, b - 1, c))
  return t.getUTCMonth() === b - 1 && t.getUTCDate() === c
}
for (const y in files)
  for (const ag in files[y])
    for (const o of files[y][ag]) {
      const bad = (m) => errs.push(`${y}/${ag} ${o.type} ${o.source_id}: ${m}`)
      if (o.agency !== ag) bad('agency')
      if (!o.recorded_at || Date.parse(o.recorded_at.slice(0, 10)) > LAST || yearOf(o.recorded_at) !== Number(y)) bad(`recorded_at ${o.recorded_at}`)
      for (const [k, v] of Object.entries(o)) if (typeof v === 'number') bad(`number in ${k}`)
      if (o.type === 'person') {
        if (!o.given_name && !o.family_name) bad('no name')
        if (o.date_of_birth && (!DATE.test(o.date_of_birth) || !realDate(o.date_of_birth))) bad(`dob ${o.date_of_birth}`)
        if (o.nhs_number && !nhsValid(o.nhs_number)) bad(`nhs ${o.nhs_number}`)
        if (o.upn && !upnValid(o.upn)) bad(`upn ${o.upn}`)
        if (o.address?.postcode && !PC.test(o.address.postcode)) bad(`postcode ${o.address.postcode}`)
        if (o.sex && !['male', 'female', 'other', 'unknown'].includes(o.sex)) bad('sex')
        for (const f of ['given_name', 'family_name']) if (o[f] && (/[\t\n\r]/.test(o[f]) || o[f].length > 200)) bad(f)
      } else if (o.type === 'event') {
        if (!KINDS.has(o.kind)) bad(`kind ${o.kind}`)
        if (!personSids.get(ag)?.has(o.subject)) bad(`subject ${o.subject}`)
        if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/.test(o.occurred_at)) bad('occurred_at')
        if (o.ended_at && o.ended_at < o.occurred_at) bad('ended before it began')
        if (o.recorded_at < o.occurred_at) bad('recorded before it happened')
        for (const i of o.involves || []) if (i.person && !personSids.get(ag)?.has(i.person)) bad(`involves ${i.person}`)
        if (o.kind === 'return_interview' && o.status !== 'done' && !o.reason) bad('reason')
      } else if (o.type === 'relationship') {
        if (!personSids.get(ag)?.has(o.from) || !personSids.get(ag)?.has(o.to)) bad('relationship ends')
      } else bad('type')
    }
if (errs.length) {
  console.error(errs.slice(0, 20).join('\n'))
  console.error(`${errs.length} problems`)
  process.exit(1)
}

// ---------- files ----------
if (existsSync(out)) rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })
let nObj = 0,
  nEv = 0,
  nFiles = 0
const years = Object.keys(files).sort()
for (const y of years) {
  mkdirSync(join(out, y), { recursive: true })
  for (const ag of Object.keys(files[y]).sort()) {
    const lines = files[y][ag].sort((a, b) => (a.recorded_at < b.recorded_at ? -1 : a.recorded_at > b.recorded_at ? 1 : 0))
    nObj += lines.length
    nEv += lines.filter((o) => o.type === 'event').length
    nFiles++
    writeFileSync(join(out, y, `${ag}.ndjson`), lines.map((o) => JSON.stringify(o)).join('\n') + '\n')
  }
}
const sh = [
  '#!/bin/sh',
  '# Linkage area e2 ("Ashmead"): registers the eight agencies, then imports year by year.',
  '# Run with THREADLINE_CLI (as bench/score-linkage-area.mjs sets it) and THREADLINE_NOW on or after 2025-01-01.',
  'set -e',
  'D=$(cd "$(dirname "$0")" && pwd)',
  'CLI=${THREADLINE_CLI:-threadline}',
  '$CLI migrate',
  ...Object.entries(AG).map(([c, a]) => `$CLI agencies add ${c} --name "${a.name}" --kind ${a.kind} >/dev/null`),
  ...years.map((y) => `$CLI import ${Object.keys(files[y]).sort().map((ag) => `"$D/${y}/${ag}.ndjson"`).join(' ')}`),
  '',
]
writeFileSync(join(out, 'IMPORT.sh'), sh.join('\n'), { mode: 0o755 })
truth.sort((a, b) => (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : a[0] < b[0] ? -1 : 1))
writeFileSync(join(out, 'truth.csv'), ['agency,source_id,person_id,is_child,cases', ...truth.map((t) => t.join(','))].join('\n') + '\n')
const childPer = new Map()
for (const t of truth) if (t[3] === 1) childPer.set(t[2], (childPer.get(t[2]) || 0) + 1)
let truePairs = 0
for (const n of childPer.values()) truePairs += (n * (n - 1)) / 2
const perAg = {}
for (const t of truth) {
  perAg[t[0]] ||= { child_records: 0, adult_records: 0 }
  perAg[t[0]][t[3] ? 'child_records' : 'adult_records']++
}
const stats = { children: childPer.size, child_records: truth.filter((t) => t[3] === 1).length, adult_records: truth.filter((t) => t[3] === 0).length, true_child_pairs: truePairs, objects: nObj, events: nEv, files: nFiles, per_agency: perAg }
writeFileSync(join(out, 'stats.json'), JSON.stringify(stats, null, 2) + '\n')
console.error(JSON.stringify(stats))
