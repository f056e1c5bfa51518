#!/usr/bin/env node
// Blind round r9b, people set p: "Wednesford", a fictional Black Country town (WS10, WV14, DY4).
// Writes people/p.csv (the person CSV `threadline link` reads), p.truth-pairs.csv (id_a,id_b: every pair of
// records of one real person), p.truth-clusters.csv (record_id, person_id, agency, is_child, community,
// household, year_known, cases) and p.stats.json. Usage: node gen-people-p.mjs [OUTDIR]  (default: ./people)
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { R, COMM, PLACE_P, buildPopulation, renderName, renderDob, dobText, addrAt, prevAddr, spellAddress, spellPhone, mistypeNhs, csvLine } from './lib-r9b.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const out = process.argv[2] || join(here, 'people')
mkdirSync(out, { recursive: true })
const r = new R(20261209)
const Y0 = 2018,
  Y1 = 2024
const pop = buildPopulation(r, {
  place: PLACE_P,
  mix: [['sikh', 22], ['wbr', 26], ['car', 12], ['kur', 9], ['roma', 10], ['eri', 8], ['yem', 7], ['vie', 6]],
  households: 205,
  childYears: [2007, 2020],
  yearRange: [Y0, Y1],
  hard: { twins: 27, namesakes: 22, siblings: 18, clusters: 17, surnameChange: 15, doubleBarrel: 12, ageDisputed: 8 },
})
const hh = new Map(pop.households.map((h) => [h.hid, h]))
const byPid = new Map(pop.people.map((p) => [p.pid, p]))

const AG = {
  GPR: { label: 'GP practices', accents: 0.55, translit: 0.06, known: 0, typo: 0.015, swap: 0.008, lag: 0.35, nhs: 0.97, sex: ['M', 'F'], fmts: [['iso', 1]] },
  HOS: { label: 'hospital trust (incl. maternity)', accents: 0.2, translit: 0.15, known: 0.05, upperFamily: 0.6, typo: 0.03, lag: 0.2, nhs: 0.86, sex: ['Male', 'Female'], fmts: [['iso', 1]], addr: 'abbr' },
  EDU: { label: 'schools', accents: 0.3, translit: 0.18, known: 0.6, typo: 0.02, lag: 0.1, nhs: 0.04, sex: ['M', 'F'], fmts: [['iso', 7], ['uk', 3]], assessed: 0.3 },
  CYP: { label: "children's services", accents: 0.4, translit: 0.15, known: 0.15, aliasOther: 0.3, keepOld: 0.15, typo: 0.02, lag: 0.15, nhs: 0.5, sex: ['male', 'female'], fmts: [['iso', 3], ['uk', 1]], assessed: 0.9 },
  POL: { label: 'police', accents: 0.05, translit: 0.3, known: 0.25, aliasOther: 0.6, upperFamily: 0.92, keepOld: 0.4, typo: 0.035, swap: 0.02, swapDM: 0.04, partial: 0.04, noDob: 0.03, lag: 0.25, nhs: 0, sex: ['Male', 'Female'], fmts: [['iso', 3], ['compact', 2]], addr: 'upper', assessed: 0.9 },
  HSG: { label: 'council housing', accents: 0.1, translit: 0.25, known: 0.1, pet: 0.35, typo: 0.03, keepOld: 0.35, noDob: 0.35, lag: 0, nhs: 0, sex: ['M', 'F'], fmts: [['iso', 1], ['uk', 1]], addr: 'mixed' },
  VOL: { label: "young people's charity", accents: 0.2, translit: 0.3, known: 0.55, pet: 0.2, initialOnly: 0.2, noFamily: 0.3, partial: 0.45, noDob: 0.12, typo: 0.04, lag: 0, nhs: 0, sex: ['M', 'F'], fmts: [['iso', 1]] },
  YOS: { label: 'youth offending service', accents: 0.3, translit: 0.12, known: 0.1, aliasOther: 0.7, keepOld: 0.2, typo: 0.015, lag: 0.1, nhs: 0.3, sex: ['male', 'female'], fmts: [['iso', 1]], assessed: 0.9 },
}
const usedIds = new Set()
function rid(prefix) {
  for (;;) {
    const id = `${prefix}${r.int(100000, 999999)}`
    if (!usedIds.has(id)) {
      usedIds.add(id)
      return id
    }
  }
}
const ageAt = (p, y) => y - Number(p.dob.slice(0, 4))
const rows = []
const truth = []

function emit(agency, p, year, opt = {}) {
  const a = AG[agency]
  const h = hh.get(p.hid)
  const nm = renderName(r, p, a, year)
  const cases = [...p.cases, ...nm.cases]
  let given = nm.given,
    family = nm.family
  const other = [...nm.other]
  let dob = renderDob(r, p, agency === 'HSG' ? { ...a, parentNoDob: true } : a, year)
  cases.push(...dob.cases)
  let dobT = dobText(r, dob, a.fmts)
  // newborn in the hospital: "Baby" and the mother's surname, sometimes the mother's NHS number
  let nhs = ''
  if (opt.baby) {
    given = r.chance(0.6) ? 'Baby' : `Baby ${p.sex === 'm' ? 'Boy' : 'Girl'}`
    const mom = h.mother
    family = mom ? (r.chance(0.5) ? mom.family || mom.middle : renderName(r, mom, a, year).family) : family
    if (mom && COMM[p.comm].naming === 'sikh' && !mom.family) family = 'Kaur'
    if (a.upperFamily && r.chance(a.upperFamily)) family = family.toUpperCase()
    other.length = 0
    if (mom && r.chance(0.5)) other.push(`Baby of ${mom.given} ${mom.family || mom.middle}`)
    cases.push('baby-record')
    dob = { iso: p.dob }
    dobT = p.dob
  }
  if (a.nhs && p.nhs && r.chance(a.nhs)) {
    nhs = p.nhs
    if (opt.baby && h.mother?.nhs && r.chance(0.45)) {
      nhs = h.mother.nhs
      cases.push('mothers-nhs-number')
    } else if (p.newborn && year === Number(p.dob.slice(0, 4)) && h.mother?.nhs && r.chance(0.12)) {
      nhs = h.mother.nhs
      cases.push('mothers-nhs-number')
    } else if (r.chance(0.025)) {
      nhs = mistypeNhs(r, nhs)
      cases.push('nhs-mistyped')
    } else if (p.twin && r.chance(0.03)) {
      nhs = byPid.get(p.twin).nhs
      cases.push('twins-nhs-number')
    }
    if (r.chance(0.3)) nhs = `${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}`
  }
  // address: where the family lived that year, or one behind
  let addr = r.chance(a.lag) ? prevAddr(h, year) : addrAt(h, year)
  if (addr !== addrAt(h, year)) cases.push('old-address')
  addr = spellAddress(r, addr, a.addr || 'plain')
  let postcode = addr.postcode,
    line = addr.line1,
    town = addr.town
  if (agency === 'VOL') {
    postcode = r.chance(0.6) ? postcode.replace(/\s*\d[A-Z]{2}$/i, '') : r.chance(0.5) ? postcode : ''
    line = ''
    if (r.chance(0.5)) town = ''
  }
  // phone
  let phone = ''
  if (agency === 'POL' || agency === 'VOL' || agency === 'YOS') phone = p.phone || (r.chance(0.4) ? h.phone : '')
  else if (agency === 'EDU' || agency === 'HSG' || agency === 'CYP') phone = p.role === 'child' ? (r.chance(0.8) ? h.phone : '') : p.phone || h.phone
  else if (agency === 'GPR' || agency === 'HOS') phone = p.role === 'parent' ? p.phone || '' : r.chance(0.5) ? h.phone : p.phone || ''
  if (phone && r.chance(0.5)) phone = spellPhone(r, phone)
  // name + date of birth only (the charity's drop-in sheet, a police name check)
  if (opt.nameDobOnly) {
    line = town = postcode = phone = nhs = ''
    cases.push('name-dob-only')
  }
  if (p.junior === true && agency === 'POL' && r.chance(0.3)) other.push(`${p.given} ${p.family} Junior`)
  let sex = p.sex === 'm' ? a.sex[0] : a.sex[1]
  if (agency === 'HSG' && r.chance(0.5)) sex = ''
  if (agency === 'VOL' && r.chance(0.3)) sex = ''
  if (r.chance(0.008)) {
    sex = p.sex === 'm' ? a.sex[1] : a.sex[0]
    cases.push('sex-wrong')
  }
  const id = rid(agency)
  rows.push([id, given, family, other.join(';'), dobT, sex, line, town, postcode, phone, nhs])
  truth.push({ id, pid: p.pid, agency, isChild: p.role === 'child' ? 1 : 0, comm: p.comm, hid: p.hid, year, cases: [...new Set(cases)] })
}

const yearFor = (p, lo = Y0) => {
  const b = Number(p.dob.slice(0, 4))
  return r.int(Math.max(lo, p.role === 'child' ? b : lo), Y1)
}
for (const p of pop.people) {
  const start = rows.length
  if (p.role === 'child') {
    const b = Number(p.dob.slice(0, 4))
    if (p.kind === 'uasc' || p.assessedDob) {
      const y = p.arrived
      emit('CYP', p, y)
      if (r.chance(0.8)) emit('CYP', p, Math.min(Y1, y + r.int(1, 2)))
      if (r.chance(0.7)) emit('EDU', p, Math.min(Y1, y + 1))
      if (r.chance(0.6)) emit('GPR', p, y)
      if (r.chance(0.35)) emit('POL', p, Math.min(Y1, y + r.int(0, 2)))
      if (r.chance(0.3)) emit('VOL', p, Math.min(Y1, y + r.int(0, 2)))
      if (r.chance(0.3)) emit('HSG', p, Math.min(Y1, y + 2))
      continue
    }
    if (p.newborn && r.chance(0.75)) emit('HOS', p, b, { baby: true })
    if (r.chance(0.7)) emit('GPR', p, yearFor(p))
    const schoolFrom = b + 5
    if (schoolFrom <= Y1 && b + 16 >= Y0 && r.chance(0.75)) emit('EDU', p, r.int(Math.max(Y0, schoolFrom), Math.min(Y1, b + 16)))
    if (r.chance(0.3)) emit('HOS', p, yearFor(p))
    if (r.chance(0.3)) emit('CYP', p, yearFor(p))
    if (b + 10 <= Y1 && r.chance(0.34)) {
      emit('POL', p, r.int(Math.max(Y0, b + 10), Y1))
      if (r.chance(0.1)) emit('POL', p, r.int(Math.max(Y0, b + 10), Y1)) // a second nominal record
      if (b + 10 <= Y1 && r.chance(0.3)) emit('YOS', p, r.int(Math.max(Y0, b + 11), Y1))
    }
    if (b + 11 <= Y1 && r.chance(0.2)) emit('VOL', p, r.int(Math.max(Y0, b + 11), Y1), { nameDobOnly: r.chance(0.3) })
    if (r.chance(0.16)) emit('HSG', p, yearFor(p))
    if (p.cases.some((c) => c.startsWith('common-name') || c.startsWith('twin') || c.startsWith('namesake')) && rows.length - start < 2) emit(r.pick(['GPR', 'EDU', 'CYP']), p, yearFor(p))
    if (rows.length === start) emit(r.pick(['GPR', 'EDU', 'HOS']), p, yearFor(p))
  } else {
    // most parents are in the set only through the child: a third are known to no agency here
    if (!p.cases.length && r.chance(0.3)) continue
    if (r.chance(0.3)) emit('GPR', p, yearFor(p))
    if (r.chance(0.4)) emit('HSG', p, yearFor(p))
    if (r.chance(0.3)) emit('CYP', p, yearFor(p))
    if (r.chance(p.cases.includes('namesake-parent') ? 0.6 : 0.14)) emit('POL', p, yearFor(p))
    if (r.chance(0.12)) emit('HOS', p, yearFor(p))
    if (p.cases.includes('namesake-parent') && rows.length - start < 2) emit(r.pick(['HSG', 'GPR']), p, yearFor(p))
    if (rows.length === start) emit(r.pick(['HSG', 'GPR', 'CYP']), p, yearFor(p))
  }
}

// shuffle rows (and truth with them)
const order = r.shuffle(rows.map((_, i) => i))
const header = ['record_id', 'given_name', 'family_name', 'other_names', 'date_of_birth', 'sex', 'address_line', 'town', 'postcode', 'phone', 'nhs_number']
writeFileSync(join(out, 'p.csv'), [header.join(','), ...order.map((i) => csvLine(rows[i]))].join('\n') + '\n')
const byP = new Map()
for (const t of truth) {
  if (!byP.has(t.pid)) byP.set(t.pid, [])
  byP.get(t.pid).push(t.id)
}
const pairs = []
for (const ids of byP.values()) {
  ids.sort()
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) pairs.push([ids[i], ids[j]])
}
pairs.sort((a, b) => (a[0] + a[1] < b[0] + b[1] ? -1 : 1))
writeFileSync(join(out, 'p.truth-pairs.csv'), ['id_a,id_b', ...pairs.map((x) => x.join(','))].join('\n') + '\n')
writeFileSync(
  join(out, 'p.truth-clusters.csv'),
  ['record_id,person_id,agency,is_child,community,household,year_known,cases', ...order.map((i) => truth[i]).map((t) => csvLine([t.id, t.pid, t.agency, t.isChild, t.comm, t.hid, t.year, t.cases.join(';')]))].join('\n') + '\n',
)
const count = (f) => truth.filter(f).length
const people = [...byP.keys()].map((k) => byPid.get(k))
const stats = {
  records: rows.length,
  people: byP.size,
  children: people.filter((p) => p.role === 'child').length,
  adults: people.filter((p) => p.role !== 'child').length,
  true_pairs: pairs.length,
  single_record_people: [...byP.values()].filter((x) => x.length === 1).length,
  by_agency: Object.fromEntries(Object.keys(AG).map((a) => [a, count((t) => t.agency === a)])),
  by_community: Object.fromEntries(Object.keys(COMM).map((c) => [c, people.filter((p) => p.comm === c).length])),
  people_by_case: {},
  records_by_case: {},
}
for (const p of people) for (const c of new Set(p.cases.map((c) => c.replace(/:.*/, '')))) stats.people_by_case[c] = (stats.people_by_case[c] || 0) + 1
for (const t of truth) for (const c of new Set(t.cases.map((c) => c.replace(/:.*/, '')))) stats.records_by_case[c] = (stats.records_by_case[c] || 0) + 1
writeFileSync(join(out, 'p.stats.json'), JSON.stringify(stats, null, 2) + '\n')
console.log(JSON.stringify({ records: stats.records, people: stats.people, children: stats.children, adults: stats.adults, true_pairs: stats.true_pairs, single: stats.single_record_people, by_agency: stats.by_agency }))
