#!/usr/bin/env node
// Blind round r9b, linkage area e3: "Marsden Staithes", a fictional South Tyneside coastal town (NE32-NE34).
// Writes areas/e3/{2020..2024}/AGENCY.ndjson (import format 1.4), IMPORT.sh, truth.csv
// (agency, source_id, person_id, is_child, cases) and stats.json. Usage: node gen-area-e3.mjs [OUTDIR]
import { mkdirSync, writeFileSync, rmSync, chmodSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { R, COMM, PLACE_E, buildPopulation, renderName, renderDob, addrAt, prevAddr, spellAddress, spellPhone, mistypeNhs, nhsValid, makeNhs, makeUpn, upnValid, makePnc, phoneMobile, addDays, pad, csvLine, stripAccents } from './lib-r9b.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const out = process.argv[2] || join(here, 'areas', 'e3')
rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })
const r = new R(9032026)
const Y0 = 2020,
  Y1 = 2024
const LAST = '2024-12-20'
const pop = buildPopulation(r, {
  place: PLACE_E,
  mix: [['wbr', 52], ['kur', 11], ['roma', 9], ['yem', 8], ['eri', 6], ['sikh', 5], ['vie', 5], ['car', 4]],
  households: 165,
  childYears: [2008, 2016],
  minChildYear: 2009,
  minAssessedYear: 2008,
  yearRange: [Y0, Y1],
  hard: { twins: 22, namesakes: 13, siblings: 13, clusters: 10, surnameChange: 9, doubleBarrel: 8, ageDisputed: 8 },
})
const hh = new Map(pop.households.map((h) => [h.hid, h]))
const byPid = new Map(pop.people.map((p) => [p.pid, p]))
// children must be under 18 at 2025-01-31; age-disputed young people keep a claimed date that is
for (const p of pop.people) if (p.role === 'child' && p.dob < '2007-02-01') p.dob = '2007-0' + r.int(3, 9) + '-1' + r.int(0, 9)

const AGENCIES = [
  ['police', 'Northumbria-style police force (fictional)', 'police'],
  ['csc', "Marsden Staithes children's social care", 'childrens_social_care'],
  ['health', 'South Tyne NHS foundation trust (fictional)', 'health'],
  ['school', 'Marsden Staithes schools (MIS extracts)', 'education'],
  ['cps', 'Crown Prosecution Service, North East', 'prosecutor'],
  ['charity', 'Harbour Lights young people’s project', 'voluntary'],
  ['yjs', 'South Tyne youth justice service', 'youth_justice'],
  ['hsg', 'Staithes Homes housing association', 'other'],
]
const HAB = {
  police: { accents: 0.02, translit: 0.3, known: 0.2, aliasOther: 0.65, upperFamily: 0.95, keepOld: 0.4, typo: 0.03, swap: 0.02, swapDM: 0.04, partial: 0.05, noDob: 0.02, lag: 0.2 },
  csc: { accents: 0.5, translit: 0.12, known: 0.1, aliasOther: 0.3, keepOld: 0.1, typo: 0.015, lag: 0.1, assessed: 0.95 },
  health: { accents: 0.25, translit: 0.15, known: 0.03, upperFamily: 0.5, typo: 0.025, lag: 0.35 },
  school: { accents: 0.35, translit: 0.15, known: 0.6, typo: 0.015, lag: 0.05, assessed: 0.2 },
  cps: { accents: 0.05, translit: 0.25, known: 0.05, upperFamily: 0.7, keepOld: 0.4, typo: 0.03, swap: 0.02, noDob: 0.12 },
  charity: { accents: 0.2, translit: 0.3, known: 0.55, pet: 0.2, initialOnly: 0.25, noFamily: 0.35, partial: 0.5, noDob: 0.15, typo: 0.04 },
  yjs: { accents: 0.3, translit: 0.1, known: 0.1, aliasOther: 0.7, typo: 0.01, lag: 0.05, assessed: 0.95 },
  hsg: { accents: 0.1, translit: 0.3, known: 0.45, pet: 0.35, typo: 0.03, keepOld: 0.5, noDob: 0.4, lag: 0 },
}
const ETH = { wbr: 'White British', kur: 'Kurdish', roma: 'Roma (Slovak)', yem: 'Arab (Yemeni)', eri: 'Black African (Eritrean)', sikh: 'Indian (Punjabi)', vie: 'Vietnamese', car: 'Black Caribbean' }
const DFE = { wbr: 'WBRI', kur: 'OOTH', roma: 'WROM', yem: 'OARA', eri: 'BAFR', sikh: 'AIND', vie: 'OOTH', car: 'BCRB' }
const NAT = { wbr: 'British', kur: 'Iraqi', roma: 'Slovak', yem: 'Yemeni', eri: 'Eritrean', sikh: 'British', vie: 'Vietnamese', car: 'British' }

// ---------- objects, by year file ----------
const files = new Map() // `${year}/${agency}` -> [objects]
const truth = []
const counters = {}
function put(obj) {
  const y = obj.recorded_at.slice(0, 4)
  const k = `${y}/${obj.agency}`
  if (!files.has(k)) files.set(k, [])
  files.get(k).push(obj)
}
function sid(agency) {
  counters[agency] = (counters[agency] || 0) + 1
  const n = counters[agency]
  if (agency === 'police') return `NOM${String(3100000 + n * 7 + r.int(0, 6))}`
  if (agency === 'csc') return String(480000 + n * 3)
  if (agency === 'health') return `RTD${String(770000 + n * 11)}`
  if (agency === 'school') return `MIS-${String(n).padStart(5, '0')}`
  if (agency === 'cps') return `URN-${pad(r.int(10, 99))}SM${String(1000 + n)}`
  if (agency === 'charity') return `HL-${n}`
  if (agency === 'yjs') return `YJ${String(n).padStart(4, '0')}`
  return `TEN-${String(20000 + n)}`
}
const evId = {}
function eid(agency) {
  evId[agency] = (evId[agency] || 0) + 1
  return `${agency.toUpperCase().slice(0, 3)}-E${String(evId[agency]).padStart(5, '0')}`
}
function when(year, lo = 1, hi = 12) {
  const m = r.int(lo, hi)
  let d = `${year}-${pad(m)}-${pad(r.int(1, 28))}`
  if (d > '2024-12-10') d = `2024-${pad(r.int(1, 11))}-${pad(r.int(1, 28))}`
  // avoid the clock-change hour entirely: times 08:00-23:00
  return `${d}T${pad(r.int(8, 22))}:${pad(r.pick([0, 5, 10, 15, 20, 30, 40, 45, 50]))}:00`
}
const after = (t, days) => {
  let d = addDays(t.slice(0, 10), days)
  if (d > LAST) d = LAST
  const x = `${d}T${pad(r.int(8, 18))}:${pad(r.int(0, 59))}:00`
  return x < t ? t : x
}
const maxT = (a, b) => (a > b ? a : b)

// a person object as an agency writes it in a year
function personObj(agency, p, year, extra = {}) {
  const h = hh.get(p.hid)
  const hab = HAB[agency]
  const nm = renderName(r, p, hab, year)
  const cases = [...p.cases, ...nm.cases]
  const o = { type: 'person', agency, source_id: extra.sid || sid(agency) }
  if (nm.given) o.given_name = nm.given
  if (nm.family) o.family_name = nm.family
  if (!o.given_name && !o.family_name) o.given_name = p.given
  if (nm.other.length) o.other_names = nm.other
  const dob = renderDob(r, p, hab, year)
  cases.push(...dob.cases)
  if (dob.iso) o.date_of_birth = dob.iso
  const nameDobOnly = agency === 'cps' || extra.nameDobOnly
  if (!nameDobOnly) {
    if (agency !== 'charity' || r.chance(0.4)) o.sex = p.sex === 'm' ? 'male' : 'female'
    if (agency === 'hsg' && r.chance(0.5)) delete o.sex
    if (agency !== 'charity') {
      let a = r.chance(hab.lag || 0) ? prevAddr(h, year) : addrAt(h, year)
      if (a !== addrAt(h, year)) cases.push('old-address')
      a = spellAddress(r, a, agency === 'police' ? 'upper' : agency === 'health' ? 'abbr' : 'plain')
      o.address = { line1: a.line1, town: a.town, postcode: a.postcode }
      if (p.assessedDob && agency === 'csc' && r.chance(0.3)) o.address.confidential = true
    } else if (r.chance(0.45)) {
      o.address = { postcode: addrAt(h, year).postcode }
    }
    let phone = ''
    if (['police', 'charity', 'yjs'].includes(agency)) phone = p.phone || (r.chance(0.3) ? h.phone : '')
    else if (agency === 'school' || agency === 'hsg' || agency === 'csc') phone = p.role === 'child' ? (r.chance(0.8) ? h.phone : '') : p.phone || h.phone
    else phone = p.role === 'parent' ? p.phone || '' : r.chance(0.4) ? h.phone : ''
    if (phone) o.phone = r.chance(0.4) ? spellPhone(r, phone) : phone
  } else cases.push('name-dob-only')
  // identifiers
  if (p.nhs && !nameDobOnly) {
    const share = { health: 0.95, csc: 0.55, yjs: 0.3, school: 0.03 }[agency] || 0
    if (r.chance(share)) {
      let n = p.nhs
      if (agency === 'health' && r.chance(0.02) && p.twin) {
        n = byPid.get(p.twin).nhs || n
        cases.push('twins-nhs-number')
      } else if (r.chance(0.02)) {
        const m = mistypeNhs(r, n)
        if (nhsValid(m)) {
          n = m
          cases.push('nhs-mistyped-valid')
        }
      }
      if (n) o.nhs_number = n
    }
  }
  if (p.role === 'child' && !nameDobOnly) {
    if (agency === 'school') o.upn = extra.upn || p.upn
    else if (agency === 'csc' && r.chance(0.4)) o.upn = p.upn
    else if (agency === 'yjs' && r.chance(0.3)) o.upn = p.upn
    if ((agency === 'yjs' || (agency === 'police' && p.pnc && r.chance(0.8))) && p.pnc) o.pnc_id = p.pnc
  }
  if (p.role !== 'child' && p.pnc && (agency === 'police' || agency === 'cps' && r.chance(0.3)) && !nameDobOnly) o.pnc_id = p.pnc
  if (!nameDobOnly) {
    if (agency === 'school') o.ethnicity = DFE[p.comm]
    else if (agency === 'csc' || agency === 'health' || agency === 'yjs') o.ethnicity = ETH[p.comm]
    if (agency === 'csc' && p.role === 'child') o.nationality = NAT[p.comm]
  }
  if (p.role === 'child' && (!o.date_of_birth || o.date_of_birth.length < 10 || agency === 'charity' || agency === 'hsg')) o.is_child = true
  else if (p.role === 'child' && r.chance(0.2)) o.is_child = true
  if (p.role !== 'child') o.is_child = false
  return { o, cases }
}
function addPerson(agency, p, year, extra = {}) {
  const { o, cases } = personObj(agency, p, year, extra)
  o.recorded_at = extra.recorded_at || when(year)
  put(o)
  truth.push({ agency, source_id: o.source_id, pid: p.pid, isChild: p.role === 'child' ? 1 : 0, cases: [...new Set(cases)] })
  return o
}
// a later re-send: the family moved, the agency knew
function resend(o, p, year) {
  const h = hh.get(p.hid)
  const a = addrAt(h, year)
  if (!o.address || !o.address.line1) return
  if (o.address.postcode.replace(/\s/g, '').toUpperCase() === a.postcode.replace(/\s/g, '')) return
  const n = { ...o, address: { line1: o.agency === 'police' ? a.line1.toUpperCase() : a.line1, town: a.town, postcode: a.postcode } }
  if (p.prevFamily && p.changeYear <= year && o.family_name && r.chance(0.5)) {
    n.family_name = o.agency === 'police' ? stripAccents(p.family).toUpperCase() : p.family
    n.other_names = [...(o.other_names || []), `${o.given_name || p.given} ${o.family_name}`]
  }
  n.recorded_at = maxT(when(year), addDays(o.recorded_at.slice(0, 10), 1) + 'T09:00:00')
  if (n.recorded_at.slice(0, 10) > LAST) return
  put(n)
}

// ---------- identifiers for the population ----------
const upns = new Set()
for (const p of pop.people) if (p.role === 'child') p.upn = makeUpn(r, '393', upns)

// ---------- adults of concern ----------
const suspects = []
const suspectUsedNhs = pop.used.nhs
for (let i = 0; i < 36; i++) {
  const comm = r.weighted([['wbr', 60], ['kur', 12], ['yem', 6], ['roma', 8], ['car', 6], ['vie', 8]])
  const c = COMM[comm]
  const hid = `S${i}`
  const addr = { hid, comm, members: [], hist: [{ from: 2015, addr: { line1: `${r.int(1, 90)} ${r.pick(PLACE_E.streets)}`, town: PLACE_E.town, postcode: `NE3${r.int(2, 4)} ${r.int(1, 9)}${r.pick('ABDEFGHJLNPQRSTUWXYZ'.split(''))}${r.pick('ABDEFGHJLNPQRSTUWXYZ'.split(''))}` } }], phone: phoneMobile(r, pop.used.phone) }
  hh.set(hid, addr)
  const given = r.zipf(c.male)
  const p = { pid: `A${String(i + 1).padStart(4, '0')}`, hid, comm, role: 'suspect', sex: r.chance(0.9) ? 'm' : 'f', given, middle: comm === 'sikh' ? 'Singh' : comm === 'vie' ? 'Văn' : '', family: r.zipf(c.family), dob: `${r.int(1975, 2003)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`, phone: addr.phone, cases: ['adult-of-concern'], pnc: makePnc(r, r.int(2005, 2022)), known: c.nick[given] ? r.pick(c.nick[given]) : undefined, noDobP: 0.05 }
  if (p.sex === 'f') p.given = r.zipf(c.female)
  if (r.chance(0.5)) p.nhs = makeNhs(r, suspectUsedNhs)
  suspects.push(p)
  byPid.set(p.pid, p)
  p.vehicle = r.chance(0.5) ? `${r.pick(['NA', 'NL', 'NK', 'YT', 'ND'])}${r.int(15, 23)} ${'ABCDEFGHJKLMNPRSTUVWXYZ'[r.int(0, 22)]}${'ABCDEFGHJKLMNPRSTUVWXYZ'[r.int(0, 22)]}${'ABCDEFGHJKLMNPRSTUVWXYZ'[r.int(0, 22)]}` : ''
}
const suspectRec = new Map() // pid -> {police, cps}
function suspectIn(agency, s, year) {
  const k = `${agency}:${s.pid}`
  if (!suspectRec.has(k)) suspectRec.set(k, addPerson(agency, s, year))
  return suspectRec.get(k)
}

// ---------- children ----------
const children = pop.people.filter((p) => p.role === 'child')
const PLACES = [['Ocean Road takeaway', 'NE33 2JQ'], ['Harbour Lights bus station', 'NE33 1EZ'], ['Sea View House stairwell', 'NE33 4PL'], ['Bents Park', 'NE33 2LD'], ['Laygate shops', 'NE33 5RP'], ['Boldon Lane garages', 'NE34 0AY'], ['Metro station, Chichester', 'NE33 4JZ'], ['Derelict pub, Frederick St', 'NE33 5EA']]
const recByChild = new Map()
const ev = (o) => {
  put(o)
  return o
}
function events(agency, pr, p, year, story, policeEp) {
  const s = pr.source_id
  const n = r.int(1, story === 'high' ? 4 : 2)
  const made = []
  const base = pr.recorded_at
  for (let i = 0; i < n; i++) {
    let occ = when(year)
    if (occ < base) occ = after(base, r.int(0, 90))
    const rec = after(occ, r.int(0, agency === 'cps' ? 30 : 6))
    const o = { type: 'event', agency, source_id: eid(agency), subject: s, occurred_at: occ, recorded_at: rec }
    const sus = story === 'high' && r.chance(0.5) ? r.pick(suspects) : null
    if (agency === 'police') {
      const k = story === 'high' ? r.pick(['missing_episode', 'missing_episode', 'crime_report', 'intelligence', 'concern']) : r.pick(['missing_episode', 'concern', 'crime_report', 'arrest'])
      o.kind = k
      if (k === 'missing_episode') {
        o.ended_at = after(occ, r.int(0, 2)).replace(/T.*/, `T${pad(r.int(6, 23))}:15:00`)
        if (o.ended_at <= occ) o.ended_at = after(occ, 1)
        o.recorded_at = maxT(o.recorded_at, o.ended_at)
        o.missing_from = r.pick(['home', 'home', 'care_placement'])
        o.risk_grading = r.pick(['low', 'medium', 'medium', 'high'])
        o.summary = r.pick(['MFH - not returned after school', 'Missing overnight, found by patrol', 'Reported missing by carer, returned of own accord', 'Absent from placement, located at friend\u2019s address'])
        const pl = r.pick(PLACES)
        o.involves = [{ location: { name: pl[0], postcode: pl[1] }, role: 'found_at' }]
        if (sus) o.involves.push({ person: suspectIn('police', sus, year).source_id, role: 'found_with' })
        if (sus?.vehicle && r.chance(0.5)) o.involves.push({ vehicle: sus.vehicle })
        o.indicators = story === 'high' ? ['missing', 'older_associates'] : ['missing']
      } else if (k === 'crime_report') {
        o.summary = story === 'high' ? 'Child victim: sexual offence reported by school' : r.pick(['Assault - victim', 'Theft of mobile phone - victim', 'Malicious communications - victim'])
        if (sus) o.involves = [{ person: suspectIn('police', sus, year).source_id, role: 'suspect' }]
      } else if (k === 'intelligence') {
        o.summary = 'Seen getting into vehicle with older males near Ocean Road'
        o.involves = sus ? [{ person: suspectIn('police', sus, year).source_id, role: 'associate' }] : []
        if (sus?.vehicle) o.involves.push({ vehicle: sus.vehicle })
        o.indicators = ['vehicle_unknown_adults']
      } else if (k === 'arrest') o.summary = r.pick(['Arrested - criminal damage', 'Arrested - possession with intent (cannabis)', 'Arrested - shoplifting'])
      else o.summary = 'Concern for welfare - child found intoxicated'
      o.recorded_by = `PC ${r.int(1000, 9999)}`
    } else if (agency === 'csc') {
      o.kind = r.pick(story === 'high' ? ['contact_referral', 'strategy_discussion', 'section47_enquiry', 'assessment'] : ['contact_referral', 'assessment', 'contact_referral'])
      o.summary = { contact_referral: 'Referral received', strategy_discussion: 'Strategy discussion held', section47_enquiry: 'S47 enquiry commenced', assessment: 'C&F assessment completed' }[o.kind]
      if (o.kind === 'assessment') o.outcome = r.pick(['NFA', 'Early help', 'Child in need plan', 'Strategy discussion'])
    } else if (agency === 'health') {
      o.kind = r.pick(story === 'high' ? ['health_attendance', 'self_harm', 'sexual_health', 'substance_misuse'] : ['health_attendance', 'health_attendance', 'health_attendance', 'health_attendance', 'health_attendance', 'self_harm'])
      o.summary = { health_attendance: 'ED attendance', self_harm: 'Attended ED following overdose', sexual_health: 'Sexual health clinic attendance', substance_misuse: 'Attended intoxicated' }[o.kind]
    } else if (agency === 'school') {
      o.kind = r.pick(story === 'high' ? ['school_absence', 'concern', 'school_exclusion'] : ['school_absence', 'concern'])
      o.summary = { school_absence: 'Unauthorised absence', concern: 'DSL log: concern raised', school_exclusion: 'Fixed-term exclusion' }[o.kind]
      if (o.kind === 'school_absence') o.details = `${r.int(4, 30)} sessions missed this half term`
    } else if (agency === 'cps') {
      o.kind = 'charging_decision'
      o.outcome = r.pick(['charge', 'no_further_action', 'further_evidence_needed'])
      o.rationale = o.outcome === 'charge' ? 'Evidential and public interest stages met' : 'Insufficient evidence at this stage'
      const ss = sus || r.pick(suspects)
      o.involves = [{ person: suspectIn('cps', ss, year).source_id, role: 'suspect' }]
    } else if (agency === 'charity') {
      const pe = policeEp
      if (pe && r.chance(0.7)) {
        o.kind = 'return_interview'
        if (r.chance(0.6)) o.episode = `police:${pe.source_id}`
        o.occurred_at = maxT(o.occurred_at, after(pe.ended_at || pe.occurred_at, r.int(1, 4)))
        o.recorded_at = maxT(o.recorded_at, after(o.occurred_at, r.int(0, 3)))
        o.status = r.pick(['done', 'done', 'done', 'declined', 'not_held'])
        if (o.status !== 'done') o.reason = o.status === 'declined' ? 'Young person did not want to talk' : 'Could not make contact within 72 hours'
        else o.child_account = r.pick(p.sex === 'f' ? ['Said she was at a mate\u2019s and lost track of time', 'Would not say where she had been', 'Said she stayed at her boyfriend\u2019s, would not give his name'] : ['Said he was at a mate\u2019s and lost track of time', 'Would not say where he had been', 'Said older lads gave him a lift'])
      } else {
        o.kind = r.pick(['note', 'concern'])
        o.summary = o.kind === 'note' ? 'Drop-in session attended' : 'Worker concerned about older boyfriend'
      }
    } else if (agency === 'yjs') {
      o.kind = 'youth_justice'
      o.summary = r.pick(['Referral order', 'Youth conditional caution', 'Out of court disposal - triage'])
    } else {
      o.kind = r.pick(['note', 'concern'])
      o.summary = o.kind === 'note' ? 'Tenancy visit: household composition checked' : 'ASB complaint from neighbours about young people at the address'
    }
    if (o.involves && !o.involves.length) delete o.involves
    if (o.recorded_at < o.occurred_at) o.recorded_at = after(o.occurred_at, 1)
    if (o.recorded_at.slice(0, 10) > LAST || o.occurred_at.slice(0, 10) > LAST) continue
    made.push(ev(o))
  }
  if (!made.length) {
    // every child record holds an event
    const occ = maxT(`${year}-06-01T10:00:00`, base)
    made.push(ev({ type: 'event', agency, source_id: eid(agency), kind: 'note', subject: s, occurred_at: occ, recorded_at: after(occ, 0) > occ ? after(occ, 0) : occ, summary: 'Record opened' }))
  }
  return made
}

const firstYear = (p, minAge) => Math.max(Y0, Number(p.dob.slice(0, 4)) + minAge)
let kids = 0
for (const p of children) {
  const b = Number(p.dob.slice(0, 4))
  const age24 = 2024 - b
  const story = age24 >= 11 && r.chance(p.assessedDob ? 0.5 : 0.22) ? 'high' : 'low'
  const recs = []
  const y = (minAge) => {
    const lo = p.assessedDob ? Math.max(p.arrived, Y0) : firstYear(p, minAge)
    return lo > Y1 ? null : r.int(lo, Y1)
  }
  // school: one record per school; a move of house may bring a new school and a second record
  const moved = hh.get(p.hid).hist.filter((x) => x.from >= Y0)
  if (age24 >= 5 && r.chance(0.82)) {
    const ys = y(5)
    if (ys) {
      const o = addPerson('school', p, ys)
      recs.push(o)
      events('school', o, p, ys, story)
      if (moved.length && moved[0].from > ys && r.chance(0.6)) {
        const y2 = moved[0].from
        const upn = r.chance(0.15) ? makeUpn(r, '393', upns) : p.upn
        const o2 = addPerson('school', p, y2, { upn })
        truth[truth.length - 1].cases.push(upn === p.upn ? 'second-school-record' : 'second-school-record-new-upn')
        recs.push(o2)
        events('school', o2, p, y2, story)
      } else if (moved.length && r.chance(0.4)) resend(o, p, Math.max(ys, moved[moved.length - 1].from))
    }
  }
  if (r.chance(p.assessedDob ? 0.7 : 0.5)) {
    const yh = y(0)
    if (yh) {
      const o = addPerson('health', p, yh)
      recs.push(o)
      events('health', o, p, yh, story)
      if (r.chance(0.04)) {
        const o2 = addPerson('health', p, Math.min(Y1, yh + 1))
        truth[truth.length - 1].cases.push('second-health-record')
        recs.push(o2)
        events('health', o2, p, Math.min(Y1, yh + 1), story)
      }
    }
  }
  if (r.chance(p.assessedDob ? 1 : story === 'high' ? 0.8 : 0.3)) {
    const yc = y(0)
    if (yc) {
      const o = addPerson('csc', p, yc)
      recs.push(o)
      events('csc', o, p, yc, story)
      if (moved.some((m) => m.from > yc)) resend(o, p, moved.find((m) => m.from > yc).from)
      p.cscRec = o
    }
  }
  let policeMissing = null
  if (age24 >= 10 && r.chance(story === 'high' ? 0.85 : 0.2)) {
    const yp = y(10)
    if (yp) {
      if (story === 'high' || r.chance(0.3)) p.pnc = p.pnc || makePnc(r, yp)
      const o = addPerson('police', p, yp)
      recs.push(o)
      const evs = events('police', o, p, yp, story)
      policeMissing = evs.find((e) => e.kind === 'missing_episode')
      if (r.chance(0.07)) {
        const yp2 = Math.min(Y1, yp + r.int(0, 1))
        const o2 = addPerson('police', p, yp2)
        truth[truth.length - 1].cases.push('second-police-record')
        recs.push(o2)
        events('police', o2, p, yp2, story)
      }
    }
  }
  if (age24 >= 11 && r.chance(story === 'high' ? 0.45 : policeMissing ? 0.3 : 0.04)) {
    const yv = policeMissing ? Number(policeMissing.recorded_at.slice(0, 4)) : y(11)
    if (yv) {
      const o = addPerson('charity', p, yv, { recorded_at: policeMissing ? after(policeMissing.ended_at || policeMissing.occurred_at, 1) : undefined })
      recs.push(o)
      events('charity', o, p, yv, story, policeMissing)
    }
  }
  if (story === 'high' && age24 >= 11 && r.chance(0.22)) {
    const yc = y(11)
    if (yc) {
      const o = addPerson('cps', p, yc)
      recs.push(o)
      events('cps', o, p, yc, story)
    }
  }
  if (age24 >= 11 && p.pnc && r.chance(0.35)) {
    const yy = y(11)
    if (yy) {
      const o = addPerson('yjs', p, yy)
      recs.push(o)
      events('yjs', o, p, yy, story)
    }
  }
  if (r.chance(0.12)) {
    const yq = y(0)
    if (yq) {
      const o = addPerson('hsg', p, yq)
      recs.push(o)
      events('hsg', o, p, yq, story)
    }
  }
  if (recs.length) {
    kids++
    recByChild.set(p.pid, recs)
  }
}

// ---------- adults: parents known to csc (with relationships), namesake fathers known to police, tenants ----------
let relN = 0
for (const h of pop.households) {
  const kidsHere = h.members.filter((m) => m.role === 'child' && m.cscRec)
  for (const par of h.members.filter((m) => m.role === 'parent')) {
    const ns = par.cases.includes('namesake-parent')
    if (kidsHere.length && r.chance(0.75)) {
      const y0 = Math.min(...kidsHere.map((k) => Number(k.cscRec.recorded_at.slice(0, 4))))
      const o = addPerson('csc', par, y0, { recorded_at: kidsHere[0].cscRec.recorded_at })
      for (const k of kidsHere)
        put({ type: 'relationship', agency: 'csc', source_id: `REL-${++relN}`, from: o.source_id, to: k.cscRec.source_id, kind: 'parent', reliability: 'confirmed', recorded_at: maxT(o.recorded_at, k.cscRec.recorded_at) })
    }
    if (ns && r.chance(0.8)) {
      par.pnc = makePnc(r, r.int(2005, 2020))
      const yy = r.int(Y0, Y1)
      const o = addPerson('police', par, yy)
      const occ = maxT(when(yy), o.recorded_at)
      put({ type: 'event', agency: 'police', source_id: eid('police'), kind: r.pick(['arrest', 'intelligence', 'concern']), subject: o.source_id, occurred_at: occ, recorded_at: after(occ, 1), summary: r.pick(['Arrested - drink driving', 'Domestic incident at home address', 'Intelligence: supplying cannabis from address']) })
      if (r.chance(0.4)) addPerson('health', par, r.int(Y0, Y1))
    }
    if (r.chance(ns ? 0.5 : 0.12) && h.members.some((m) => recByChild.has(m.pid))) {
      const yy = r.int(Y0, Y1)
      const o = addPerson('hsg', par, yy)
      const occ = maxT(when(yy), o.recorded_at)
      put({ type: 'event', agency: 'hsg', source_id: eid('hsg'), kind: 'note', subject: o.source_id, occurred_at: occ, recorded_at: after(occ, 0), summary: 'Tenancy sign-up' })
    }
  }
}

// ---------- write ----------
// check every object against the format before writing
const err = []
const seen = new Set()
const persons = new Set()
for (const [k, objs] of files) for (const o of objs) if (o.type === 'person') persons.add(`${o.agency}:${o.source_id}`)
const isDate = (s) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(s) && (s.length < 10 || !isNaN(Date.parse(s + 'T00:00:00Z')) && new Date(s + 'T00:00:00Z').toISOString().startsWith(s))
for (const [k, objs] of files)
  for (const o of objs) {
    if (!o.recorded_at || o.recorded_at.slice(0, 10) > LAST) err.push(`${k}: recorded_at ${o.recorded_at}`)
    if (o.type === 'person') {
      if (!o.given_name && !o.family_name) err.push(`${o.source_id}: no name`)
      if (o.date_of_birth && !isDate(o.date_of_birth)) err.push(`${o.source_id}: dob ${o.date_of_birth}`)
      if (o.nhs_number && !nhsValid(o.nhs_number)) err.push(`${o.source_id}: nhs ${o.nhs_number}`)
      if (o.upn && !upnValid(o.upn)) err.push(`${o.source_id}: upn ${o.upn}`)
      if (o.address?.postcode && !/^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i.test(o.address.postcode)) err.push(`${o.source_id}: postcode ${o.address.postcode}`)
    }
    if (o.type === 'event') {
      if (!persons.has(`${o.agency}:${o.subject}`)) err.push(`${o.source_id}: subject ${o.subject}`)
      if (o.recorded_at < o.occurred_at) err.push(`${o.source_id}: recorded before it happened`)
      if (o.ended_at && o.ended_at < o.occurred_at) err.push(`${o.source_id}: ends before it starts`)
      for (const i of o.involves || []) if (i.person && !persons.has(`${o.agency}:${i.person}`)) err.push(`${o.source_id}: involves ${i.person}`)
    }
  }
if (err.length) {
  console.error(err.slice(0, 20).join('\n'))
  process.exit(1)
}
let nObj = 0,
  nEv = 0
const fileList = []
for (const k of [...files.keys()].sort()) {
  const objs = files.get(k).sort((a, b) => (a.recorded_at < b.recorded_at ? -1 : a.recorded_at > b.recorded_at ? 1 : (a.type === 'person' ? 0 : 1) - (b.type === 'person' ? 0 : 1)))
  mkdirSync(join(out, k.split('/')[0]), { recursive: true })
  writeFileSync(join(out, `${k}.ndjson`), objs.map((o) => JSON.stringify(o)).join('\n') + '\n')
  nObj += objs.length
  nEv += objs.filter((o) => o.type === 'event').length
  fileList.push(k)
}
const years = [...new Set(fileList.map((k) => k.split('/')[0]))].sort()
const sh = [
  '#!/bin/sh',
  '# Linkage area e3 ("Marsden Staithes"): migrate, register the eight agencies, import year by year.',
  '# Needs THREADLINE_CLI (e.g. "node /path/to/checkout/bin/threadline.js") and THREADLINE_NOW on or after 2025-01-01.',
  'set -e',
  'CLI=${THREADLINE_CLI:-threadline}',
  'HERE=$(cd "$(dirname "$0")" && pwd)',
  '$CLI migrate',
  ...AGENCIES.map(([c, n, k]) => `$CLI agencies add ${c} --name "${n}" --kind ${k}`),
  ...years.map((y) => `$CLI import ${fileList.filter((k) => k.startsWith(y)).map((k) => `"$HERE/${k}.ndjson"`).join(' ')}`),
  '',
]
writeFileSync(join(out, 'IMPORT.sh'), sh.join('\n'))
chmodSync(join(out, 'IMPORT.sh'), 0o755)
writeFileSync(join(out, 'truth.csv'), ['agency,source_id,person_id,is_child,cases', ...truth.map((t) => csvLine([t.agency, t.source_id, t.pid, t.isChild, t.cases.join(';')]))].join('\n') + '\n')
// stats
const childRecs = truth.filter((t) => t.isChild)
const byChild = new Map()
for (const t of childRecs) byChild.set(t.pid, (byChild.get(t.pid) || 0) + 1)
let truePairs = 0
for (const n of byChild.values()) truePairs += (n * (n - 1)) / 2
const per = {}
for (const t of truth) {
  per[t.agency] = per[t.agency] || { child: 0, adult: 0 }
  per[t.agency][t.isChild ? 'child' : 'adult']++
}
const caseCount = {}
for (const [pid] of byChild) for (const c of new Set(byPid.get(pid).cases.map((c) => c.replace(/:.*/, '')))) caseCount[c] = (caseCount[c] || 0) + 1
const stats = { children: byChild.size, child_records: childRecs.length, adult_records: truth.length - childRecs.length, true_child_pairs: truePairs, objects: nObj, events: nEv, files: fileList.length, per_agency: per, children_by_case: caseCount }
writeFileSync(join(out, 'stats.json'), JSON.stringify(stats, null, 2) + '\n')
console.log(JSON.stringify(stats))
