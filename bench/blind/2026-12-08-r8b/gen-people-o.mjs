#!/usr/bin/env node
// People set o: "Leaside", a fictional east London borough (E6, E7, E12, E13, E15, E16).
// Writes people/o.csv, o.truth-pairs.csv, o.truth-clusters.csv beside this script (or in argv[2]).
// Standalone, fixed seed, no dependencies (lib-r8b.mjs beside it).
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { makeRng, makeStreets, buildPopulation, renderPerson, csvRow, yearOf } from './lib-r8b.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const out = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : join(here, 'people')
const R = makeRng(20261208)

const streets = makeStreets(R, [
  ['Romford Road', 'E7'], ['Green Street', 'E7'], ['Plashet Grove', 'E6'], ['Katherine Road', 'E6'], ['Barking Road', 'E13'],
  ['High Street North', 'E6'], ['Upton Lane', 'E7'], ['Woodgrange Road', 'E7'], ['Shrewsbury Road', 'E7'], ['Sebert Road', 'E7'],
  ['Carlton Road', 'E12'], ['Church Road', 'E12'], ['Browning Road', 'E12'], ['Station Road', 'E12'], ['Balaam Street', 'E13'],
  ['Prince Regent Lane', 'E16'], ['Freemasons Road', 'E16'], ['Butchers Road', 'E16'], ['Vicarage Lane', 'E15'], ['West Ham Lane', 'E15'],
  ['Water Lane', 'E15'], ['Crownfield Road', 'E15'], ['Tennyson Road', 'E15'], ['Boleyn Road', 'E6'], ['Stopford Road', 'E13'],
  ['Greengate Street', 'E13'], ['Howards Road', 'E13'], ['Tollgate Road', 'E6'], ['Lonsdale Avenue', 'E6'], ['Napier Road', 'E15'],
  ['Field Road', 'E7'], ['Ham Park Road', 'E7'], ['Mafeking Avenue', 'E6'], ['Kempton Road', 'E6'], ['Hartington Road', 'E16'],
])
const pop = buildPopulation(R, {
  prefix: 'O',
  mix: { bd: 20, wb: 14, pk: 12, ng: 13, ro: 11, so: 8, pl: 8, ar: 7, ie: 7 },
  streets,
  la: '316',
  birthFrom: 2007,
  birthTo: 2017,
  yearFrom: 2017,
  yearTo: 2024,
  targetPeople: 1400,
  hard: { twins: 30, namesake: 24, simSib: 24, sameFirst: 8, common: 20, surnameChange: 18, dbl: 14 },
})
const byPid = new Map(pop.people.map((p) => [p.pid, p]))
for (const p of pop.people) if (p.twin) p.twinObj = byPid.get(p.twin)
const hhOf = new Map(pop.households.map((h) => [h.hid, h]))

// agency styles
const A = {
  GP: { name: 'GP practices', nhs: 0.97, nhsTypo: 0.02, motherNhs: 0.3, twinNhs: 0.03, nick: 0.03, middleInGiven: 0.3, variant: 0.08, deacc: 0.35, lagAddr: 0.3, sexMissing: 0.01, dob: { missing: 0.005, swap: 0.01, typo: 0.01 }, phone: { parent: 0.5, land: 0.2, adult: 0.8 } },
  HLT: { name: 'hospital trust', nhs: 0.85, nhsTypo: 0.03, motherNhs: 0.45, twinNhs: 0.04, nick: 0.1, variant: 0.15, deacc: 0.6, lagAddr: 0.2, sexMissing: 0.02, dob: { missing: 0.01, swap: 0.02, typo: 0.02 }, phone: { own: 0.15, parent: 0.5, adult: 0.7 }, abbr: 0.5 },
  SCH: { name: 'schools', nhs: 0.04, nick: 0.3, pet: 0.02, variant: 0.08, deacc: 0.3, knownAs: 0.45, lagAddr: 0.1, sexMissing: 0, dob: { missing: 0, swap: 0.01, typo: 0.01 }, phone: { parent: 0.8, land: 0.1 }, fmtSlash: 0.2 },
  CSC: { name: "children's social care", nhs: 0.5, nhsTypo: 0.01, middleInGiven: 0.25, middleOther: 0.3, nickOther: 0.5, nick: 0.12, lagName: 0.15, variant: 0.15, deacc: 0.5, lagAddr: 0.12, sexMissing: 0.02, dob: { missing: 0.02, year: 0.01, ym: 0.01, swap: 0.02, typo: 0.02 }, phone: { own: 0.2, parent: 0.5, adult: 0.7 }, fmtSlash: 0.3 },
  MPS: { name: 'police', nhs: 0, nick: 0.28, nickOther: 0.4, pet: 0.03, variant: 0.25, deacc: 0.85, upper: 0.4, addrUpper: 0.5, lagName: 0.45, swap: 0.03, typo: 0.06, lagAddr: 0.25, sexMissing: 0.03, sexWrong: 0.01, dob: { missing: 0.06, year: 0.02, ym: 0.02, swap: 0.04, typo: 0.04 }, phone: { own: 0.45, parent: 0.15, adult: 0.6 }, fmtCompact: 0.4, nospace: 0.4 },
  YJS: { name: 'youth justice', nhs: 0.3, nickOther: 0.7, nick: 0.1, variant: 0.1, deacc: 0.5, middleInGiven: 0.3, lagAddr: 0.1, sexMissing: 0, dob: { missing: 0, swap: 0.01, typo: 0.01 }, phone: { own: 0.6, parent: 0.3 } },
  HSG: { name: 'council housing', nhs: 0, nick: 0.05, variant: 0.2, deacc: 0.6, lagName: 0.5, typo: 0.06, lagAddr: 0, sexMissing: 0.5, dob: { missing: 0.3, year: 0.03, swap: 0.03, typo: 0.03 }, phone: { parent: 0.4, land: 0.3, adult: 0.8 }, abbr: 0.6 },
  CHA: { name: 'young people\'s charity', nhs: 0, nick: 0.5, pet: 0.12, variant: 0.2, deacc: 0.9, famMissing: 0.4, famInitial: 0.15, typo: 0.06, knownAs: 0.5, addrMissing: 0.45, pcOnly: 0.4, district: 0.5, sexMissing: 0.2, dob: { missing: 0.25, year: 0.3, ym: 0.2, swap: 0.03, typo: 0.03 }, phone: { own: 0.65, parent: 0.1 } },
}
const childW = { GP: 0.58, HLT: 0.36, SCH: 0.66, CSC: 0.36, MPS: 0.27, YJS: 0.06, HSG: 0.12, CHA: 0.12 }
const adultW = { GP: 0.35, HLT: 0.25, CSC: 0.35, MPS: 0.2, HSG: 0.35 }

const usedIds = new Set()
const rid = (pre) => {
  for (;;) {
    const id = `${pre}-${R.int(100000, 999999)}`
    if (!usedIds.has(id)) return usedIds.add(id), id
  }
}
const rows = [],
  truth = []
const included = []
for (const p of pop.people) {
  const h = hhOf.get(p.hh)
  let ags
  if (p.isChild) {
    ags = Object.keys(childW).filter((a) => R.ch(childW[a]))
    if (p.cases.some((c) => /twin|namesake|common|similar|brothers/.test(c)) && ags.length < 2) ags.push(...R.shuffle(['GP', 'SCH', 'HLT', 'MPS', 'CSC']).filter((a) => !ags.includes(a)).slice(0, 2 - ags.length))
    if (!ags.length) ags = [R.pick(['GP', 'SCH', 'HLT'])]
    if (ags.includes('YJS') && !ags.includes('MPS') && R.ch(0.7)) ags.push('MPS')
  } else {
    const namesake = p.cases.includes('namesake-parent')
    if (!namesake && !R.ch(p.role === 'mother' ? 0.62 : 0.4)) continue
    ags = Object.keys(adultW).filter((a) => R.ch(adultW[a]))
    if (namesake && !ags.includes('MPS')) ags.push('MPS')
    if (!ags.length) ags = [R.pick(Object.keys(adultW))]
  }
  included.push(p)
  for (const ag of ags) {
    const n = (ag === 'MPS' && R.ch(0.09)) || (ag === 'HLT' && R.ch(0.05)) || (ag === 'CSC' && R.ch(0.03)) ? 2 : 1
    for (let k = 0; k < n; k++) {
      const minY = Math.max(2017, p.isChild ? yearOf(p.dob) : 2017)
      const y = R.int(minY, 2024)
      const st = { ...A[ag] }
      if (p.cases.includes('namesake-parent') && !p.isChild) st.dob = { ...st.dob, missing: 0.4 }
      const r = renderPerson(R, p, h, st, y, false)
      if (!r.given && !r.family) r.given = p.given
      const id = rid(ag)
      rows.push([id, r.given, r.family, r.other.join(';'), r.dob, r.sex, r.line, r.line || r.pc ? 'London' : '', r.pc, r.phone, r.nhs])
      truth.push({ id, p, ag, tags: r.tags, y, second: k > 0 })
    }
  }
}
R.shuffle(rows)
mkdirSync(out, { recursive: true })
const head = ['record_id', 'given_name', 'family_name', 'other_names', 'date_of_birth', 'sex', 'address_line', 'town', 'postcode', 'phone', 'nhs_number']
writeFileSync(join(out, 'o.csv'), [head, ...rows].map(csvRow).join('\n') + '\n')
const byP = new Map()
for (const t of truth) {
  if (!byP.has(t.p.pid)) byP.set(t.p.pid, [])
  byP.get(t.p.pid).push(t.id)
}
const pairs = []
for (const ids of byP.values()) for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) pairs.push([ids[i], ids[j]])
writeFileSync(join(out, 'o.truth-pairs.csv'), ['id_a,id_b', ...pairs.map(csvRow)].join('\n') + '\n')
writeFileSync(
  join(out, 'o.truth-clusters.csv'),
  [
    'record_id,person_id,agency,is_child,community,household,year_known,cases',
    ...truth
      .sort((a, b) => (a.p.pid < b.p.pid ? -1 : a.p.pid > b.p.pid ? 1 : 0))
      .map((t) => csvRow([t.id, t.p.pid, t.ag, t.p.isChild ? 1 : 0, t.p.comm, t.p.hh, t.y, [...t.p.cases, ...t.tags, ...(t.second ? ['second-record-same-agency'] : [])].join(';')])),
  ].join('\n') + '\n',
)
const perAg = {}
for (const t of truth) perAg[t.ag] = (perAg[t.ag] || 0) + 1
const single = [...byP.values()].filter((x) => x.length === 1).length
const stats = { records: rows.length, people: byP.size, children: included.filter((p) => p.isChild).length, adults: included.filter((p) => !p.isChild).length, true_pairs: pairs.length, single_record_people: single, per_agency: perAg }
writeFileSync(join(out, 'o.stats.json'), JSON.stringify(stats, null, 2) + '\n')
console.error(JSON.stringify(stats))
