#!/usr/bin/env node
// People set j for `threadline link` (bench/score-linkage-people.mjs): a northern city of households
// (parents, grandparents, children with one surname at one address and one phone), twins, namesakes
// (father/son, mother/daughter, Sikh families sharing Singh/Kaur, cousins), written by five sources with
// corruption. Writes people/j-households.csv and people/j-households.truth-pairs.csv (id_a,id_b: every
// pair of records of one person). Usage: node gen-people-j.mjs
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as L from './lib.mjs'
import * as N from './names.mjs'
import { GROUPS, TR } from './groups-c2.mjs'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const R = L.rng(30061206)
const TARGET_RECORDS = 3000

const STREETS = ['Manningham Lane', 'Lumb Lane', 'Oak Lane', 'Leeds Road', 'Thornbury Road', 'Killinghall Road', 'Allerton Road', 'Cemetery Road', 'Legrams Lane', 'Great Horton Road', 'Tong Street', 'Holme Wood Road', 'Ravenscliffe Avenue', 'Canterbury Avenue', 'Duckworth Lane', 'Toller Lane', 'St Mary\'s Road', 'Wilmer Road', 'Whetley Lane', 'Heaton Road']
const ABBR = { Road: 'Rd', Lane: 'Ln', Street: 'St', Avenue: 'Ave' }
const OUT = ['BD1', 'BD3', 'BD4', 'BD5', 'BD7', 'BD8', 'BD9', 'BD2', 'BD6', 'BD10']
const TOWNS = ['Bradford', 'Bradford', 'Bradford', 'Shipley', 'Keighley']

const SIKH = {
  family(R) {
    const fam = R.pick(['Singh', 'Kaur', 'Sandhu', 'Gill', 'Dhillon', 'Sidhu', 'Bains'])
    return { fam }
  },
}

const people = []
let pid = 0
function addr() {
  const st = R.pick(STREETS)
  return { line: `${R.int(1, 220)} ${st}`, town: R.pick(TOWNS), postcode: L.postcode(R, R.pick(OUT)) }
}
function person(o) {
  const p = { id: ++pid, ...o }
  people.push(p)
  return p
}
const stats = { households: 0, twins: 0, father_son_namesakes: 0, mother_daughter_namesakes: 0, sikh_households: 0, grandparents: 0 }

function household() {
  stats.households++
  const x = R.next()
  const a = addr()
  const ph = R.chance(0.7) ? L.phone(R) : L.landline(R, '01274')
  const moved = R.chance(0.3) ? addr() : null
  let mk // (sex, role, i) -> {given, family, middle, nicks}
  let famName
  if (x < 0.5) {
    famName = R.zipf([...N.C1_SURNAMES.slice(20), 'Smith', 'Jones', 'Sutcliffe', 'Holroyd', 'Ackroyd', 'Priestley', 'Hirst', 'Firth', 'Crowther', 'Illingworth', 'Murgatroyd', 'Wood', 'Shaw'], 0.5)
    mk = (sex, role) => {
      const tab = sex === 'female' ? N.EN_GIRLS : N.EN_BOYS
      if (role === 'child') {
        const g = R.zipf(Object.keys(tab), 0.7)
        return { given: g, family: famName, middle: R.chance(0.5) ? R.pick(sex === 'female' ? N.EN_MIDDLE_G : N.EN_MIDDLE_B) : undefined, nicks: tab[g] ?? [] }
      }
      const g = role === 'grand' ? R.pick(sex === 'female' ? ['Margaret', 'Susan', 'Patricia', 'Jean', 'Brenda', 'Linda'] : ['Brian', 'Keith', 'Peter', 'John', 'Derek', 'Barry']) : R.pick(sex === 'female' ? N.EN_ADULT_F : N.EN_ADULT_M)
      return { given: g, family: famName, nicks: { Margaret: ['Maggie', 'Peggy'], Susan: ['Sue'], Patricia: ['Pat', 'Trish'], Peter: ['Pete'], Richard: ['Rich', 'Dick'], Robert: ['Rob', 'Bob'], Andrew: ['Andy'], Steven: ['Steve'], Nicola: ['Nicky'], Rachel: ['Rach'], Joanne: ['Jo'], Stuart: ['Stu'] }[g] ?? [] }
    }
  } else if (x < 0.62) {
    stats.sikh_households++
    const fam = SIKH.family(R).fam
    famName = fam
    mk = (sex, role) => {
      const pool = sex === 'female' ? ['Harpreet', 'Gurpreet', 'Manpreet', 'Jasleen', 'Simran', 'Navneet', 'Amrit', 'Jaspreet'] : ['Harpreet', 'Gurpreet', 'Jaswinder', 'Manjit', 'Amrit', 'Harjit', 'Arjun', 'Gurdeep']
      const g = R.pick(pool)
      // the family name is often Singh for men and Kaur for women, or a clan name, or both
      const clan = fam === 'Singh' || fam === 'Kaur' ? null : fam
      const fn = clan ? (R.chance(0.6) ? clan : sex === 'female' ? 'Kaur' : 'Singh') : sex === 'female' ? 'Kaur' : 'Singh'
      return { given: g, family: fn, middle: clan && fn === clan ? (sex === 'female' ? 'Kaur' : 'Singh') : undefined, nicks: [], alt: clan ? [clan, sex === 'female' ? 'Kaur' : 'Singh'] : [] }
    }
  } else if (x < 0.72) {
    // Irish Traveller families: few surnames, repeated given names
    famName = R.zipf(['McDonagh', 'Ward', 'Joyce', 'Connors', 'McGinley', 'Maughan', 'Doherty'], 0.9)
    mk = (sex) => {
      const g = R.zipf(sex === 'female' ? ['Mary', 'Bridget', 'Margaret', 'Kathleen', 'Ellen', 'Nora'] : ['John', 'Patrick', 'Michael', 'Martin', 'Thomas', 'James'], 1.2)
      return { given: g, family: famName, nicks: { Patrick: ['Paddy', 'Pat'], Michael: ['Mikey'], Bridget: ['Biddy', 'Bridie'], Margaret: ['Maggie'], Thomas: ['Tom'], James: ['Jimmy'], Kathleen: ['Kathy'] }[g] ?? [] }
    }
  } else {
    const gname = R.pick(['pakistani', 'pakistani', 'bangladeshi', 'polish', 'caribbean', 'romanian', 'somali'])
    const G = GROUPS[gname]
    const F = G.family(R)
    famName = F.family
    mk = (sex, role) => {
      if (role === 'child') return G.child(R, sex, F)
      if (role === 'grand') return { ...G.child(R, sex, F), middle: undefined, knownAs: undefined }
      const full = sex === 'male' ? F.father : F.mother
      const [g, ...f] = full.split(' ')
      return { given: g, family: f.join(' ') || famName, nicks: [] }
    }
  }
  const members = []
  const mumN = mk('female', 'adult')
  const mum = person({ ...mumN, sex: 'female', dob: L.ymd(L.randDate(R, '1968-01-01', '1995-12-31')), a, moved, ph, role: 'mother' })
  members.push(mum)
  let dad = null
  if (R.chance(0.7)) {
    const n = mk('male', 'adult')
    dad = person({ ...n, sex: 'male', dob: L.ymd(L.randDate(R, '1962-01-01', '1993-12-31')), a, moved, ph: R.chance(0.6) ? ph : L.phone(R), role: 'father' })
    members.push(dad)
  }
  if (R.chance(0.22)) {
    stats.grandparents++
    const s = R.chance(0.6) ? 'female' : 'male'
    const n = mk(s, 'grand')
    members.push(person({ ...n, sex: s, dob: L.ymd(L.randDate(R, '1938-01-01', '1962-12-31')), a, moved: null, ph, role: 'grandparent' }))
  }
  const nk = R.int(0, 4)
  let prev = L.randDate(R, '2000-01-01', '2012-12-31')
  for (let i = 0; i < nk; i++) {
    const s = R.chance(0.5) ? 'female' : 'male'
    let n = mk(s, 'child')
    let dob
    if (i > 0 && R.chance(0.12)) {
      dob = prev
      stats.twins++
    } else dob = i === 0 ? prev : L.addDays(prev, R.int(330, 1600))
    if (dob > L.dateFrom('2023-06-01')) break
    prev = dob
    // namesakes: a first son named after his father, a first daughter after her mother
    if (i === 0 && s === 'male' && dad && R.chance(0.15)) {
      n = { ...n, given: dad.given, nicks: dad.nicks, junior: true }
      stats.father_son_namesakes++
    } else if (i === 0 && s === 'female' && R.chance(0.08)) {
      n = { ...n, given: mum.given, nicks: mum.nicks }
      stats.mother_daughter_namesakes++
    }
    members.push(person({ ...n, sex: s, dob: L.ymd(dob), a, moved, ph: R.chance(0.5) ? ph : L.phone(R), role: 'child' }))
  }
  return members
}

// how each source writes a person
const SRC = {
  gp: { nhs: 0.9, nick: 0.03, middle: 0.5, typo: 0.03, dob: { missing: 0.005, swap: 0.01, offDay: 0.01 }, addr: 0.98, old: 0.25, phone: 0.8, caps: 0.05 },
  council: { nhs: 0.15, nick: 0.08, middle: 0.3, typo: 0.05, dob: { missing: 0.05, swap: 0.03, offDay: 0.02, yearTypo: 0.02 }, addr: 0.97, old: 0.1, phone: 0.6, caps: 0.1 },
  police: { nhs: 0, nick: 0.25, middle: 0.2, typo: 0.08, dob: { missing: 0.08, swap: 0.05, offDay: 0.03, yearTypo: 0.03 }, addr: 0.75, old: 0.3, phone: 0.6, caps: 0.4 },
  school: { nhs: 0, nick: 0.1, middle: 0.4, typo: 0.02, dob: { swap: 0.01 }, addr: 0.95, old: 0.1, phone: 0.8, caps: 0 },
  charity: { nhs: 0, nick: 0.5, middle: 0, typo: 0.1, dob: { missing: 0.35, partialYear: 0.12, partialMonth: 0.1, swap: 0.05, yearTypo: 0.04 }, addr: 0.4, old: 0.3, phone: 0.8, caps: 0.05 },
}
function write(p, src) {
  const s = SRC[src]
  let given = p.given
  let family = p.family
  const other = []
  if (p.callsMiddle && R.chance(0.4)) given = p.middle
  else if (p.knownAs && R.chance(src === 'school' ? 0.7 : 0.3)) given = p.knownAs
  else if (p.nicks?.length && R.chance(s.nick)) given = R.pick(p.nicks)
  else if (p.middle && R.chance(s.middle)) given = `${given} ${p.middle}`
  if (p.alt?.length && R.chance(0.4)) family = R.pick(p.alt)
  if (p.second && R.chance(0.35)) family = R.chance(0.5) ? `${family} ${p.second}` : p.second
  if (TR[given] && R.chance(0.3)) given = R.pick(TR[given])
  if (TR[family] && R.chance(0.3)) family = R.pick(TR[family])
  if (R.chance(src === 'gp' ? 0.4 : 0.9)) [given, family] = [L.stripAccents(given), L.stripAccents(family)]
  if (R.chance(s.typo)) given = L.typo(R, given)
  if (R.chance(s.typo)) family = L.typo(R, family)
  if (p.junior && R.chance(0.3)) given = `${given} Jnr`
  if (p.nicks?.length && src === 'police' && R.chance(0.15)) other.push(R.pick(p.nicks))
  if (R.chance(s.caps)) family = family.toUpperCase()
  if (src === 'charity' && R.chance(0.15)) family = family[0]
  if (R.chance(0.015)) [given, family] = [family, given]
  let dob = L.dobVariant(R, p.dob, s.dob)
  // impossible dates as typed
  if (dob && dob.length === 10 && R.chance(0.005)) dob = `${dob.slice(0, 8)}3${R.int(2, 9)}`
  let a = p.moved && R.chance(0.6) ? (R.chance(s.old) ? p.a : p.moved) : p.a
  const row = { given_name: given, family_name: family, other_names: other.join(';'), date_of_birth: dob ?? '', sex: R.chance(0.96) ? p.sex : '', address_line: '', town: '', postcode: '', phone: '', nhs_number: '' }
  if (R.chance(s.addr)) {
    row.address_line = R.chance(0.25) ? a.line.replace(/\b(Road|Lane|Street|Avenue)\b/, (m) => ABBR[m]) : a.line
    row.town = R.chance(0.85) ? a.town : ''
    row.postcode = R.chance(0.9) ? (R.chance(0.15) ? a.postcode.replace(' ', '') : a.postcode) : ''
  }
  if (R.chance(s.phone)) row.phone = R.chance(0.2) ? p.ph.replace(/ /g, '') : p.ph
  if (p.nhs && R.chance(s.nhs)) row.nhs_number = p.nhs
  return row
}

const rows = []
while (rows.length < TARGET_RECORDS) {
  for (const p of household()) {
    p.nhs = L.nhsNumber(R)
    const isChild = p.role === 'child'
    const srcs = ['gp']
    if (R.chance(0.45)) srcs.push('council')
    if (R.chance(isChild ? 0.2 : 0.25)) srcs.push('police')
    if (isChild && Number(p.dob.slice(0, 4)) <= 2019 && R.chance(0.75)) srcs.push('school')
    if (R.chance(0.15)) srcs.push('charity')
    if (R.chance(0.1)) srcs.push(R.pick(['gp', 'police', 'council'])) // a duplicate within a source
    if (!R.chance(0.92)) srcs.shift() // not registered with this GP
    for (const src of srcs) rows.push({ person: p.id, src, ...write(p, src) })
  }
}
const ids = R.shuffle(Array.from({ length: rows.length }, (_, i) => 100000 + i * 7 + R.int(0, 6)))
const shuffled = R.shuffle(rows).map((r, i) => ({ record_id: `J${ids[i]}`, ...r }))
const cols = ['record_id', 'given_name', 'family_name', 'other_names', 'date_of_birth', 'sex', 'address_line', 'town', 'postcode', 'phone', 'nhs_number']
L.writeFileMk(path.join(HERE, 'people', 'j-households.csv'), cols.join(',') + '\n' + shuffled.map((r) => cols.map((c) => L.csvCell(r[c])).join(',')).join('\n') + '\n')
const by = new Map()
for (const r of shuffled) {
  if (!by.has(r.person)) by.set(r.person, [])
  by.get(r.person).push(r.record_id)
}
const pairs = []
for (const ids2 of by.values()) for (let i = 0; i < ids2.length; i++) for (let j = i + 1; j < ids2.length; j++) pairs.push(`${ids2[i]},${ids2[j]}`)
L.writeFileMk(path.join(HERE, 'people', 'j-households.truth-pairs.csv'), 'id_a,id_b\n' + pairs.join('\n') + '\n')
// record -> person, for analysis (not read by the scorer)
L.writeFileMk(path.join(HERE, 'people', 'j-households.truth-people.csv'), 'record_id,person,source\n' + shuffled.map((r) => `${r.record_id},${r.person},${r.src}`).join('\n') + '\n')
console.log(JSON.stringify({ rows: shuffled.length, people: by.size, people_with_2plus: [...by.values()].filter((v) => v.length > 1).length, true_pairs: pairs.length, ...stats }))
