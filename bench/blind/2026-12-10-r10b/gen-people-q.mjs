#!/usr/bin/env node
// People set q ("Brookhythe", a fictional Folkestone & Hythe / Ashford town, Kent): person CSV for `threadline link`.
// Usage: node gen-people-q.mjs [OUT_DIR]   (default: people/ beside this script). Fixed seed; same bytes every run.
import { writeFileSync, mkdirSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { population, render, dobString, ageAt, COMM, phoneForm, postcodeForm, R } from './lib-r10b.mjs'
import { plant } from './build-r10b.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const out = process.argv[2] || join(here, 'people')
mkdirSync(out, { recursive: true })
const SEED = 20261210
const Y0 = 2018,
  Y1 = 2024
const N = { people: 1230, childBirth: [2006, 2020], yearFrom: Y0, yearTo: Y1, twins: 26, parentChild: 20, sibs: 18, clusters: 18, surnameChange: 12, dbl: 9, chosen: 6, hosted: 14 }
let hard
const pop = population({ seed: SEED, place: 'q', yearFrom: Y0, yearTo: Y1, childBirth: N.childBirth, build: (ctx) => (hard = plant(ctx, N)) })
const { people, households } = pop
const r = new R(SEED + 1)
const H = new Map(households.map((h) => [h.hid, h]))

// how each agency writes a person
const AG = {
  GPR: { child: 0.8, adult: 0.55, st: { nhs: 0.97, nhsWrong: 0.025, known: 0.05, translit: 0.12, dropAccents: 0.35, bs: 0.45, addrLag: 0.3, dobWrong: 0.01, phone: 0.8, sexForm: 'MF', dobForm: 'iso', keepOld: 0.35 } },
  HOS: { child: 0.3, adult: 0.16, st: { nhs: 0.85, nhsWrong: 0.02, legacy: true, upper: 'all', translit: 0.15, accents: false, placeholder: 0.08, dobWrong: 0.015, dobForm: 'compact', addrLag: 0.2, phone: 0.6, keepOld: 0.3 } },
  EDU: { child: 0.85, adult: 0, st: { known: 0.55, chosen: true, translit: 0.35, dropAccents: 0.5, dobForm: 'dmy', dobSwap: 0.02, dobWrong: 0.01, phone: 0.9, addrLag: 0.05, pet: 0.05, patronymic: 0.05, keepOld: 0.2, swapNames: 0.01 } },
  CYP: { child: 0.22, adult: 0.15, st: { nhs: 0.5, known: 0.2, chosen: true, translit: 0.3, dobForm: 'dmy', dobWrong: 0.02, dobMissing: 0.03, phone: 0.6, pet: 0.1, patronymic: 0.4, keepOld: 0.25, assessed: true } },
  POL: { child: 0.13, adult: 0.1, st: { upper: 'family', known: 0.35, translit: 0.45, dropAccents: 0.8, dobForm: 'compact', dobSwap: 0.05, dobYear: 0.03, dobYM: 0.03, dobMissing: 0.05, dobWrong: 0.03, pet: 0.3, phone: 0.7, ownPhone: true, keepOld: 0.45, typo: 0.06, sexMissing: 0.03, swapNames: 0.03 } },
  RST: { child: 0.85, adult: 0.9, st: { upper: 'all', translit: 0.02, documents: true, fnu: true, usOrder: 0.5, dobForm: 'dmy', phone: 0.9, patronymic: 0.5, addrLag: 0, dropAccents: 1, swap: 0.02 } },
  SNS: { child: 0.35, adult: 0.3, st: { nhs: 0.9, nhsWrong: 0.01, known: 0.3, chosen: true, translit: 0.25, pet: 0.2, dobForm: 'iso', phone: 0.95, addrLag: 0.02, keepOld: 0.2 } },
  VOL: { child: 0.09, adult: 0.01, st: { known: 0.7, chosen: true, translit: 0.5, pet: 0.4, fullInGiven: 0.35, noFamily: 0.2, familyInitial: 0.1, placeholder: 0.15, dobYear: 0.25, dobMissing: 0.1, dobForm: 'dmy', phone: 0.8, ownPhone: true, noAddr: 0.3, sexMissing: 0.3, typo: 0.06 } },
}
const ids = new Set()
const newId = (pre) => {
  for (;;) {
    const id = `${pre}${r.int(100000, 999999)}`
    if (!ids.has(id)) {
      ids.add(id)
      return id
    }
  }
}
const rows = [],
  truth = []
function yearsKnown(p) {
  const h = H.get(p.hid)
  let a = Math.max(Y0, Number(p.dob.slice(0, 4)))
  if (h.arrival) a = Math.max(a, h.arrival)
  return [a, Y1]
}
for (const p of people) {
  const h = H.get(p.hid)
  const child = p.role === 'child'
  const [a, b] = yearsKnown(p)
  if (a > b) continue
  const refugee = ['ua', 'af', 'hk'].includes(p.comm)
  for (const [code, ag] of Object.entries(AG)) {
    let pr = child ? ag.child : ag.adult
    if (code === 'RST') pr = refugee ? (p.comm === 'hk' ? 0.45 : pr) : p.hostOf ? 0.95 : 0
    if (code === 'EDU' && ageAt(p, b) < 5) pr = 0
    if (code === 'POL' && child && ageAt(p, b) < 10) pr = 0.02
    if (code === 'POL' && p.cases.includes('parent_child_same_name') && !child) pr = 0.6
    if (code === 'VOL' && child && ageAt(p, b) < 11) pr = 0
    if (code === 'SNS' && !child && p.role !== 'mother') pr = 0
    if (code === 'CYP' && p.chosen) pr = 0.5
    if (!r.chance(pr)) continue
    let n = 1
    if (code === 'POL' && r.chance(0.1)) n = 2 // a second nominal
    if (code === 'EDU' && h.addrs.length > 1 && r.chance(0.3)) n = 2 // a new school after a move
    if (code === 'HOS' && r.chance(0.04)) n = 2 // a duplicate registration
    for (let k = 0; k < n; k++) {
      const y = k === 0 ? r.int(a, b) : Math.min(b, (h.addrs[1]?.from ?? b) + r.int(0, 1))
      const st = { ...ag.st }
      if (p.dobUnknownOften && !child) st.dobMissing = 0.45
      const x = render(r, p, h, y, st)
      const id = newId(code)
      const sex = x.sex === '' ? '' : ag.st.sexForm === 'MF' ? { male: 'M', female: 'F', other: 'X' }[x.sex] : x.sex
      let given = x.given
      if (p.jnr && child && r.chance(0.3) && code !== 'GPR') {
        x.other.push(`${given} Jnr`)
        x.tags.push('jnr')
      }
      rows.push([id, given, x.family, x.other.join(';'), dobString(x.dob, x.dobForm), sex, x.addr ? x.addr.line1 : '', x.addr ? x.addr.town : '', x.addr ? (code === 'VOL' ? x.addr.postcode.split(' ')[0] : postcodeForm(r, x.addr.postcode)) : '', x.phone ? phoneForm(r, x.phone) : '', x.nhs])
      truth.push({ id, pid: p.pid, agency: code, child: child ? 1 : 0, comm: p.comm, hid: p.hid, year: y, cases: [...new Set([...p.cases, ...x.tags])].join(';') })
    }
  }
}
r.shuffle(rows)
const q = (v) => (/[",\r\n]/.test(v) || /^[=+\-@]/.test(v) ? `"${String(v).replace(/"/g, '""')}"` : v)
const header = 'record_id,given_name,family_name,other_names,date_of_birth,sex,address_line,town,postcode,phone,nhs_number'
writeFileSync(join(out, 'q.csv'), [header, ...rows.map((x) => x.map(q).join(','))].join('\n') + '\n')
const byP = new Map()
for (const t of truth) {
  if (!byP.has(t.pid)) byP.set(t.pid, [])
  byP.get(t.pid).push(t.id)
}
const pairs = []
for (const idsOf of byP.values()) {
  const s = [...idsOf].sort()
  for (let i = 0; i < s.length; i++) for (let j = i + 1; j < s.length; j++) pairs.push(`${s[i]},${s[j]}`)
}
pairs.sort()
writeFileSync(join(out, 'q.truth-pairs.csv'), ['id_a,id_b', ...pairs].join('\n') + '\n')
truth.sort((x, y) => (x.id < y.id ? -1 : 1))
writeFileSync(
  join(out, 'q.truth-clusters.csv'),
  ['record_id,person_id,agency,is_child,community,household,year_known,cases', ...truth.map((t) => [t.id, t.pid, t.agency, t.child, t.comm, t.hid, t.year, q(t.cases)].join(','))].join('\n') + '\n',
)
const stats = {
  seed: SEED,
  records: rows.length,
  people: byP.size,
  children: [...new Set(truth.filter((t) => t.child).map((t) => t.pid))].length,
  true_pairs: pairs.length,
  singletons: [...byP.values()].filter((v) => v.length === 1).length,
  per_agency: Object.fromEntries(Object.keys(AG).map((c) => [c, truth.filter((t) => t.agency === c).length])),
  per_community: Object.fromEntries(Object.keys(COMM).map((c) => [c, new Set(truth.filter((t) => t.comm === c).map((t) => t.pid)).size])),
  hard,
}
writeFileSync(join(out, 'q.stats.json'), JSON.stringify(stats, null, 2) + '\n')
console.log(JSON.stringify(stats))
