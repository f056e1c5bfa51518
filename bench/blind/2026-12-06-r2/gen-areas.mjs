#!/usr/bin/env node
// Linkage areas c1 (rural coastal county) and c2 (inner-city borough), in the layout
// bench/score-linkage-area.mjs reads: IMPORT.sh, truth.csv, records/YEAR/AGENCY.ndjson, stats.json.
// Usage: node gen-areas.mjs [c1|c2 ...]   (default both; writes ./areas/c1 and ./areas/c2)
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as L from './lib.mjs'
import * as N from './names.mjs'
import { GROUPS, TR } from './groups-c2.mjs'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const YEARS = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]

// ---------------------------------------------------------------- how each agency writes a person
// p* are probabilities per record version
const STYLE = {
  health: { nhs: 0.97, nhsSpaced: 0.4, upn: 0.0, middle: 0.6, nick: 0.02, translit: 0.12, typo: 0.02, caps: 0.05, accent: 0.5, initial: 0, swap: 0.005, stale: 0.3, dob: { missing: 0.005, swap: 0.005, offDay: 0.005 }, phone: 0.5, noAddr: 0.02, dup: 0.03 },
  school: { nhs: 0.0, upn: 0.97, middle: 0.5, nick: 0.03, known: 0.8, translit: 0.15, typo: 0.02, caps: 0.02, accent: 0.6, initial: 0, swap: 0.005, stale: 0.12, dob: { swap: 0.005, offDay: 0.005 }, phone: 0.6, noAddr: 0.01, dup: 0 },
  csc: { nhs: 0.45, upn: 0.35, middle: 0.7, nick: 0.05, known: 0.2, translit: 0.25, typo: 0.04, caps: 0.05, accent: 0.6, initial: 0, swap: 0.01, stale: 0.15, dob: { missing: 0.02, swap: 0.02, offDay: 0.02, yearTypo: 0.01 }, phone: 0.5, noAddr: 0.05, dup: 0.03 },
  police: { nhs: 0.0, upn: 0, middle: 0.2, nick: 0.25, known: 0.3, translit: 0.4, typo: 0.07, caps: 0.3, accent: 0.9, initial: 0, swap: 0.03, stale: 0.2, dob: { missing: 0.06, swap: 0.05, offDay: 0.03, yearTypo: 0.03 }, phone: 0.6, noAddr: 0.1, dup: 0.07 },
  police2: { nhs: 0.0, upn: 0, middle: 0.1, nick: 0.35, known: 0.4, translit: 0.5, typo: 0.09, caps: 0.5, accent: 1, initial: 0, swap: 0.04, stale: 0.45, dob: { missing: 0.12, swap: 0.06, offDay: 0.03, yearTypo: 0.04 }, phone: 0.7, noAddr: 0.35, dup: 0.03 },
  charity: { nhs: 0, upn: 0, middle: 0, nick: 0.55, known: 0.7, translit: 0.5, typo: 0.1, caps: 0.05, accent: 1, initial: 0.18, swap: 0.03, stale: 0.3, dob: { missing: 0.35, partialYear: 0.15, partialMonth: 0.1, swap: 0.05, offDay: 0.03, yearTypo: 0.05 }, phone: 0.75, noAddr: 0.55, dup: 0.08, postcodeOnly: 0.4 },
  housing: { nhs: 0, upn: 0, middle: 0, nick: 0.3, known: 0.3, translit: 0.45, typo: 0.1, caps: 0.2, accent: 1, initial: 0.15, swap: 0.04, stale: 0, dob: { missing: 0.55, partialYear: 0.15, swap: 0.05, offDay: 0.03, yearTypo: 0.04 }, phone: 0.3, noAddr: 0, dup: 0.02 },
  yjs: { nhs: 0.3, upn: 0.4, middle: 0.5, nick: 0.08, known: 0.3, translit: 0.25, typo: 0.03, caps: 0.1, accent: 0.8, initial: 0, swap: 0.01, stale: 0.1, dob: { missing: 0.01, swap: 0.02, offDay: 0.01 }, phone: 0.7, noAddr: 0.05, dup: 0 },
  cps: { nhs: 0, upn: 0, middle: 0.4, nick: 0.02, known: 0.1, translit: 0.35, typo: 0.05, caps: 0.6, accent: 1, initial: 0, swap: 0.02, stale: 0.2, dob: { missing: 0.05, swap: 0.04, offDay: 0.02 }, phone: 0, noAddr: 0.6, dup: 0 },
}
const KIND = { police: 'police', police2: 'police', csc: 'childrens_social_care', health: 'health', school: 'education', charity: 'voluntary', housing: 'other', yjs: 'youth_justice', cps: 'prosecutor' }

// ---------------------------------------------------------------- area configs
const CONFIG = {
  c1: {
    seed: 61206101, children: 500,
    agencies: { police: 'Kernow and Scilly Police', police2: 'Devon and Tamar Police', csc: 'Kernow Council Children\'s Services', health: 'Royal Kernow Hospitals and Primary Care', school: 'Kernow Education (schools MIS)', charity: 'Coastline Young People\'s Trust', housing: 'Kernow Homes', yjs: 'Kernow Youth Justice Service', cps: 'CPS South West' },
    la: 908,
  },
  c2: {
    seed: 61206202, children: 600,
    agencies: { police: 'Metropolitan Police (Central East BCU)', csc: 'Northbank Children\'s Social Care', health: 'Northbank Health (ED, GP, school nursing)', school: 'Northbank Schools', charity: 'Harbour Refugee and Youth Project', housing: 'Northbank Housing Options', yjs: 'Northbank Youth Justice Service', cps: 'CPS London North' },
    la: 211,
  },
}

function gen(areaName) {
  const cfg = CONFIG[areaName]
  const R = L.rng(cfg.seed)
  const people = []
  let pid = 0
  const newPerson = (o) => {
    const p = { id: `${areaName.toUpperCase()}-${String(++pid).padStart(5, '0')}`, recs: [], ...o }
    people.push(p)
    return p
  }
  // ---------- addresses
  const usedAddr = new Set()
  function makeAddr(kind) {
    for (;;) {
      let a
      if (areaName === 'c1') {
        if (kind === 'site') {
          const s = R.pick(N.C1_SITES)
          a = { line1: `Plot ${R.int(1, 24)}, ${s}`, town: R.pick(N.C1_TOWNS).town, postcode: null }
          a.postcode = L.postcode(R, R.pick(['TR4', 'TR3', 'TR20', 'PL26']))
        } else if (R.chance(0.25)) {
          const h = R.pick(N.C1_HAMLETS)
          a = { line1: R.chance(0.5) ? `${R.pick(['Rose Cottage', 'Chy an Mor', 'Bosvean', 'The Old Forge', 'Trewartha Farm Cottage', 'Higher Barn', '2 Coastguard Cottages', 'Ocean View'])}, ${h}` : `${R.int(1, 40)} ${h} Road`, town: R.pick(N.C1_TOWNS).town }
          a.postcode = L.postcode(R, R.pick(N.C1_TOWNS).out[0])
        } else {
          const t = R.pick(N.C1_TOWNS)
          a = { line1: `${R.int(1, 120)} ${R.pick(t.streets)}`, town: t.town, postcode: L.postcode(R, R.pick(t.out)) }
        }
      } else {
        const t = R.pick(N.C2_AREAS)
        if (kind === 'temp') a = { line1: R.pick(N.C2_TEMP), town: 'London', postcode: L.postcode(R, R.pick(t.out)) }
        else if (R.chance(0.6)) a = { line1: `Flat ${R.int(1, 96)}, ${R.pick(N.C2_BLOCKS)}, ${R.pick(t.streets)}`, town: 'London', postcode: L.postcode(R, R.pick(t.out)) }
        else a = { line1: `${R.int(1, 300)}${R.chance(0.2) ? R.pick(['A', 'B']) : ''} ${R.pick(t.streets)}`, town: 'London', postcode: L.postcode(R, R.pick(t.out)) }
      }
      const k = a.line1 + a.postcode
      if (kind === 'temp' || !usedAddr.has(k)) {
        usedAddr.add(k)
        return a
      }
    }
  }
  function addrHistory(kind, moves) {
    const h = [{ from: L.dateFrom('2000-01-01'), addr: makeAddr(kind) }]
    const dates = Array.from({ length: moves }, () => L.randDate(R, '2016-06-01', '2024-09-01')).sort((a, b) => a - b)
    for (const d of dates) h.push({ from: d, addr: makeAddr(areaName === 'c2' && R.chance(0.2) ? 'temp' : kind === 'site' && R.chance(0.6) ? 'site' : 'house') })
    return h
  }

  // ---------- households
  const groupNames = Object.keys(GROUPS)
  const groupWeights = groupNames.map((g) => GROUPS[g].weight)
  let nChildren = 0
  const stats = { households: 0, twins: 0, step_families: 0, grt_households: 0, uasc: 0, renamed: 0, age_assessed: 0, known_as: 0, double_barrelled: 0 }
  while (nChildren < cfg.children) {
    stats.households++
    let H
    if (areaName === 'c1') H = householdC1()
    else H = R.chance(0.14) ? uasc() : householdC2()
    nChildren += H
  }

  function adult(given, family, sex, dobFrom, dobTo, hist, phoneNo) {
    return newPerson({ kind: 'adult', given, family, sex, dob: L.ymd(L.randDate(R, dobFrom, dobTo)), hist, phone: phoneNo, nicks: [] })
  }
  function childDobs(n) {
    const first = L.randDate(R, '2002-03-01', '2016-06-30')
    const out = [first]
    for (let i = 1; i < n; i++) {
      const prev = out[i - 1]
      if (R.chance(0.07)) {
        out.push(prev) // twin
        stats.twins++
      } else out.push(L.addDays(prev, R.int(300, 1800)))
    }
    return out.filter((d) => d < L.dateFrom('2020-01-01'))
  }
  function finishChild(c) {
    c.nhs = L.nhsNumber(R)
    c.upn = L.upn(R, cfg.la)
    nChildren
    return c
  }

  function householdC1() {
    const grt = R.chance(0.1)
    if (grt) stats.grt_households++
    const fam = grt ? R.zipf(N.GRT_SURNAMES, 0.8) : R.chance(0.05) ? R.pick(N.C1_DOUBLE) : R.zipf(N.C1_SURNAMES, 0.6)
    const hist = addrHistory(grt ? 'site' : 'house', R.chance(0.65) ? R.int(2, 4) : R.int(0, 1))
    const ph = L.phone(R)
    const mum = adult(R.pick(N.EN_ADULT_F), fam, 'female', '1970-01-01', '1992-12-31', hist, ph)
    const step = !grt && R.chance(0.25)
    let dad
    const stepFam = step ? R.zipf(N.C1_SURNAMES, 0.6) : null
    if (step) stats.step_families++
    if (R.chance(0.7)) dad = adult(grt ? R.pick(Object.keys(N.GRT_BOYS)) : R.pick(N.EN_ADULT_M), step ? stepFam : fam, 'male', '1965-01-01', '1990-12-31', hist, R.chance(0.5) ? ph : L.phone(R))
    const n = R.int(1, 4)
    const dobs = childDobs(n)
    let made = 0
    dobs.forEach((d, i) => {
      const sex = R.chance(0.5) ? 'female' : 'male'
      const tab = grt ? (sex === 'female' ? N.GRT_GIRLS : N.GRT_BOYS) : sex === 'female' ? N.EN_GIRLS : N.EN_BOYS
      let given = R.zipf(Object.keys(tab), grt ? 0.9 : 0.7)
      // father/son namesake in Traveller families
      if (grt && sex === 'male' && dad && i === 0 && R.chance(0.4)) given = dad.given
      // step-family: older children keep their father's surname, younger carry the stepfather's
      const family = step ? (i < Math.ceil(dobs.length / 2) ? fam : stepFam) : fam
      const c = newPerson({
        kind: 'child', given, middle: R.chance(0.6) ? R.pick(sex === 'female' ? N.EN_MIDDLE_G : N.EN_MIDDLE_B) : undefined, family, sex,
        dob: L.ymd(d), nicks: tab[given] ?? [], hist, phone: R.chance(0.5) ? ph : L.phone(R), grt,
        ethnicity: grt ? R.pick(['White - Gypsy/Roma', 'White - Irish Traveller', 'Gypsy/Romany']) : R.chance(0.95) ? 'White British' : R.pick(['White - Other', 'Mixed - White and Asian', 'Mixed - White and Black Caribbean']),
      })
      if (step && family === fam && R.chance(0.6)) {
        c.schoolFamily = R.chance(0.5) ? stepFam : `${fam}-${stepFam}`
        stats.known_as++
      }
      if (family.includes('-')) stats.double_barrelled++
      finishChild(c)
      made++
    })
    // a few children move out to care (own address history) and one in ~60 changes surname as a care leaver
    for (const c of people.slice(-made)) {
      if (R.chance(0.08)) {
        const out = L.randDate(R, '2018-01-01', '2023-12-31')
        c.hist = [...c.hist.filter((h) => h.from < out), { from: out, addr: { ...makeAddr('house'), confidential: true } }, ...(R.chance(0.5) ? [{ from: L.addDays(out, R.int(120, 600)), addr: { ...makeAddr('house'), confidential: true } }] : [])]
        c.lac = out
        const age17 = L.addDays(L.dateFrom(c.dob), 365.25 * 16.5)
        if (R.chance(0.35) && age17 < L.dateFrom('2024-06-01') && age17 > out) {
          c.renamed = { from: age17, family: R.pick(['Rowe', 'Kitto', 'Carter', 'Lanyon', 'Sleeman', 'Morwen']) }
          stats.renamed++
        }
      }
    }
    return made
  }

  function pickGroup() {
    let x = R.next() * groupWeights.reduce((a, b) => a + b, 0)
    for (let i = 0; i < groupNames.length; i++) if ((x -= groupWeights[i]) <= 0) return groupNames[i]
    return groupNames[0]
  }
  function householdC2() {
    const g = pickGroup()
    const G = GROUPS[g]
    const F = G.family(R)
    const hist = addrHistory('house', R.chance(0.75) ? R.int(1, 5) : 0)
    const ph = L.phone(R)
    const [mg, ...mf] = F.mother.split(' ')
    const mum = adult(mg, mf.join(' ') || F.motherFamily, 'female', '1972-01-01', '1994-12-31', hist, ph)
    if (R.chance(0.6)) {
      const [fg, ...ff] = F.father.split(' ')
      adult(F.vietOrder ? ff.slice(-1)[0] : fg, F.vietOrder ? fg : ff.join(' '), 'male', '1965-01-01', '1990-12-31', hist, R.chance(0.5) ? ph : L.phone(R))
    }
    void mum
    const dobs = childDobs(R.int(1, 4))
    let made = 0
    for (const d of dobs) {
      const sex = R.chance(0.5) ? 'female' : 'male'
      const ch = G.child(R, sex, F)
      const c = newPerson({ kind: 'child', ...ch, sex, dob: L.ymd(d), hist, phone: R.chance(0.5) ? ph : L.phone(R), group: g, ethnicity: G.ethnicity, nationality: G.nationality })
      if (c.knownAs) stats.known_as++
      finishChild(c)
      made++
    }
    return made
  }
  function uasc() {
    stats.uasc++
    const g = R.pick(['eritrean', 'kurdish', 'vietnamese', 'somali', 'eritrean', 'kurdish'])
    const G = GROUPS[g]
    const F = G.family(R)
    const sex = R.chance(0.85) ? 'male' : 'female'
    const ch = G.child(R, sex, F)
    const arrive = L.randDate(R, '2018-03-01', '2023-10-01')
    const claimedAge = R.int(14, 16)
    const estYear = arrive.getUTCFullYear() - claimedAge
    const estDob = `${estYear}-01-01`
    // age assessment some months later: changes the date of birth (usually older)
    const assessed = R.chance(0.6) ? { at: L.addDays(arrive, R.int(60, 300)), dob: L.ymd(L.randDate(R, `${estYear - R.int(0, 2)}-01-01`, `${estYear}-12-31`)) } : null
    if (assessed) stats.age_assessed++
    const hist = [{ from: L.dateFrom('2000-01-01'), addr: makeAddr('temp') }, { from: arrive, addr: { ...makeAddr('house'), confidential: true } }]
    if (R.chance(0.6)) hist.push({ from: L.addDays(arrive, R.int(90, 500)), addr: makeAddr('house') })
    const c = newPerson({ kind: 'child', ...ch, knownAs: undefined, sex, dob: estDob, uasc: { arrive, assessed }, hist, phone: L.phone(R), group: g, ethnicity: G.ethnicity, nationality: G.nationality })
    finishChild(c)
    return 1
  }

  // namesakes: in c2, pairs of unrelated children with the same common name and birth year are left as drawn;
  // count them for stats
  const nameYear = new Map()
  for (const p of people.filter((x) => x.kind === 'child')) {
    const k = `${p.given}|${p.family}|${p.dob.slice(0, 4)}`
    nameYear.set(k, (nameYear.get(k) ?? 0) + 1)
  }
  stats.same_name_same_birth_year_children = [...nameYear.values()].filter((v) => v > 1).reduce((a, b) => a + b, 0)

  // ---------------------------------------------------------------- which agencies know each child
  const objects = new Map() // year -> agency -> lines
  const push = (year, agency, obj) => {
    if (!objects.has(year)) objects.set(year, new Map())
    const m = objects.get(year)
    if (!m.has(agency)) m.set(agency, [])
    m.get(agency).push(obj)
  }
  const truth = []
  const sid = {}
  const nextSid = (agency, prefix) => {
    sid[agency] = (sid[agency] ?? R.int(1000, 5000)) + R.int(1, 9)
    return `${prefix}${sid[agency]}`
  }
  const PREFIX = { police: 'KP-', police2: 'DT', csc: 'LL', health: 'H', school: 'SCH', charity: 'CYP', housing: 'HSG/', yjs: 'YJ', cps: 'URN' }
  if (areaName === 'c2') Object.assign(PREFIX, { police: 'MP', charity: 'HRY-', housing: 'HO' })

  const agenciesFor = (c) => {
    const a = []
    const schoolAgeSomeYear = YEARS.some((y) => { const age = y - Number(c.dob.slice(0, 4)); return age >= 4 && age <= 16 })
    if (c.uasc) {
      a.push('csc')
      if (R.chance(0.9)) a.push('health')
      if (R.chance(0.7)) a.push('school')
      if (R.chance(0.7)) a.push('charity')
      if (R.chance(0.4)) a.push('police')
      if (R.chance(0.25)) a.push('housing')
      if (R.chance(0.06)) a.push('yjs')
      return a
    }
    if (R.chance(0.93)) a.push('health')
    if (schoolAgeSomeYear && R.chance(0.9)) a.push('school')
    if (c.lac || R.chance(0.38)) a.push('csc')
    const police = R.chance(areaName === 'c2' ? 0.4 : 0.33) || c.lac
    if (police) a.push('police')
    if (areaName === 'c1' && police && R.chance(0.22)) a.push('police2')
    if (R.chance(0.28) || c.lac) a.push('charity')
    if (R.chance(areaName === 'c2' ? 0.45 : 0.3) || c.grt) a.push('housing')
    const teen = YEARS.some((y) => y - Number(c.dob.slice(0, 4)) >= 12)
    if (teen && R.chance(0.07)) a.push('yjs')
    if (police && teen && R.chance(0.12)) a.push('cps')
    if (a.length === 0) a.push('health')
    return a
  }

  const addrAt = (hist, d, stale) => {
    let i = hist.length - 1
    while (i > 0 && hist[i].from > d) i--
    if (stale && i > 0) i--
    return hist[i].addr
  }
  const familyAt = (c, d) => (c.renamed && d >= c.renamed.from ? c.renamed.family : c.family)

  function variant(s, st) {
    if (!s) return s
    let out = s
    if (TR[out] && R.chance(st.translit)) out = R.pick(TR[out])
    if (R.chance(st.accent)) out = L.stripAccents(out)
    if (R.chance(st.typo)) out = L.typo(R, out)
    return out
  }
  function hyphenVariant(fam) {
    if (!fam.includes('-') || !R.chance(0.5)) return fam
    const [a, b] = fam.split('-')
    return R.pick([`${a} ${b}`, `${a}${b.toLowerCase()}`, a, b, `${a}-${b}`])
  }

  function writePerson(p, agency, d, st, isChild) {
    const o = { type: 'person', agency, source_id: null }
    let given = p.given
    let family = isChild ? familyAt(p, d) : p.family
    const others = []
    if (agency === 'school' && p.schoolFamily && R.chance(0.8)) {
      others.push(`${p.given} ${family}`)
      family = p.schoolFamily
    }
    const knownUse = p.knownAs && R.chance(st.known ?? 0)
    if (knownUse) {
      if (agency === 'school' && R.chance(0.5)) others.push(`${p.given} ${family}`)
      given = p.knownAs
    } else if (p.callsMiddle && R.chance(st.nick + 0.2)) given = p.middle
    else if (p.nicks?.length && R.chance(st.nick)) given = R.pick(p.nicks)
    else if (p.middle && !p.viet && R.chance(st.middle)) given = `${given} ${p.middle}`
    given = variant(given, st)
    // name structure of particular communities
    if (p.second && R.chance(0.35)) family = R.chance(0.6) ? `${family} ${p.second}` : p.second
    family = hyphenVariant(variant(family, st))
    if (p.viet) {
      const mid = p.middle
      const k = R.int(0, 5)
      if (k === 1) given = `${mid} ${given}`
      else if (k === 2) [given, family] = [family, given] // family name first, read as given
      else if (k === 3) [given, family] = [`${family} ${mid}`, given]
      else if (k === 4 && !knownUse) given = `${given} ${mid}`
    }
    if (p.renamed && d >= p.renamed.from && R.chance(0.5)) others.push(`${p.given} ${p.family}`)
    if (R.chance(st.swap)) [given, family] = [family, given]
    if (R.chance(st.caps)) family = family.toUpperCase()
    if (R.chance(st.initial)) family = family[0] + (R.chance(0.5) ? '.' : '')
    if (given) o.given_name = given
    if (family) o.family_name = family
    if (others.length) o.other_names = others
    if (!knownUse && p.knownAs && agency !== 'school' && R.chance(0.15)) o.other_names = [...(o.other_names ?? []), p.knownAs]
    // date of birth
    let dob = p.dob
    if (p.uasc?.assessed && (d >= p.uasc.assessed.at || agency === 'health') && !(agency === 'police' && R.chance(0.7))) dob = R.chance(agency === 'csc' ? 0.95 : 0.6) ? p.uasc.assessed.dob : dob
    dob = L.dobVariant(R, dob, st.dob)
    if (dob) o.date_of_birth = dob
    o.sex = R.chance(0.97) ? p.sex : 'unknown'
    if (isChild) {
      if (p.ethnicity && ['csc', 'school', 'health', 'yjs'].includes(agency) && R.chance(0.8)) o.ethnicity = p.ethnicity
      if (p.nationality && ['csc', 'school'].includes(agency) && R.chance(0.6)) o.nationality = p.nationality
      if (p.nhs && R.chance(st.nhs)) o.nhs_number = R.chance(st.nhsSpaced ?? 0.1) ? L.spacedNhs(p.nhs) : p.nhs
      if (p.upn && R.chance(st.upn)) o.upn = p.upn
    }
    if (!R.chance(st.noAddr)) {
      const a = addrAt(p.hist, d, R.chance(st.stale))
      const addr = { line1: a.line1, town: a.town, postcode: a.postcode }
      if (R.chance(st.postcodeOnly ?? 0)) delete addr.line1
      if (R.chance(0.1)) addr.postcode = addr.postcode.replace(' ', '').toLowerCase()
      if (a.confidential && ['csc', 'health', 'police'].includes(agency)) addr.confidential = true
      o.address = addr
    }
    if (p.phone && R.chance(st.phone)) o.phone = p.phone
    if (isChild && (!o.date_of_birth || o.date_of_birth.length < 10 || agency === 'housing' || agency === 'charity')) o.is_child = true
    if (!isChild && (!o.date_of_birth || agency === 'housing')) o.is_child = false
    return o
  }

  const EVENTS = {
    health: [['health_attendance', 'Attended ED with minor injury', 'Fall from bike, wrist x-ray, discharged'], ['health_attendance', 'Seen at urgent treatment centre', 'Asthma flare, nebuliser, discharged home'], ['note', 'School nurse contact', 'Health review completed in school'], ['health_attendance', 'Out-of-hours GP attendance', 'Ear infection']],
    school: [['school_absence', 'Unexplained absence', '6 sessions missed this half term, no reason given'], ['note', 'Pastoral note', 'Friendship issues discussed with form tutor'], ['school_absence', 'Unauthorised absence', 'Family holiday in term time, 10 sessions']],
    csc: [['contact_referral', 'Contact received from school', 'Concerns about home conditions; information and advice given'], ['assessment', 'Child and family assessment completed', 'Early help offered'], ['contact_referral', 'Contact from police (domestic incident notification)', 'Child present during verbal argument']],
    police: [['concern', 'Child present at domestic incident', 'Verbal argument between adults, no offences disclosed'], ['missing_episode', 'Reported missing by carer', 'Found at friend\'s house'], ['crime_report', 'Victim of theft of mobile phone', 'Phone snatched at bus stop']],
    police2: [['missing_episode', 'Missing person from another force area, located in our area', 'Located at railway station and returned by transport'], ['concern', 'Juvenile stopped in city centre late at night', 'Details passed to home force']],
    charity: [['return_interview', 'Return home interview', 'Spoke about argument at home'], ['note', 'Youth worker session', '1:1 session at drop-in'], ['note', 'Group work attendance', 'Attended summer activities']],
    housing: [['note', 'Household member on tenancy', 'Listed as dependent on housing application'], ['note', 'Homelessness assessment: household member', 'Household placed in temporary accommodation']],
    yjs: [['youth_justice', 'Referral order', 'Assessment completed, 6 month referral order']],
    cps: [['charging_decision', 'Pre-charge advice on offence against child', 'Further evidence requested']],
  }

  function emitRecord(p, agency, years, isChild, dupNo = 0) {
    const st = STYLE[agency]
    const source_id = nextSid(agency, PREFIX[agency])
    truth.push([agency, source_id, p.id, isChild ? 1 : 0])
    p.recs.push(`${agency}:${source_id}`)
    let prev = null
    for (const y of years) {
      const d = L.randDate(R, `${y}-01-05`, `${y}-12-15`)
      const o = writePerson(p, agency, d, st, isChild)
      o.source_id = source_id
      // a re-sent version keeps most of what the agency held before, changing address or a corrected field
      if (prev) {
        for (const k of ['given_name', 'family_name', 'sex', 'ethnicity']) if (prev[k] && R.chance(0.8)) o[k] = prev[k]
        if (prev.date_of_birth && R.chance(0.85) && !(p.uasc?.assessed && d >= p.uasc.assessed.at)) o.date_of_birth = prev.date_of_birth
      }
      prev = o
      const rec = L.addDays(d, R.int(0, 6))
      o.recorded_at = L.iso(L.addHours(rec, R.int(8, 17)))
      push(y, agency, o)
      if (isChild) {
        const [kind, summary, details] = R.pick(EVENTS[agency])
        const when = L.addHours(d, R.int(9, 21))
        const ev = { type: 'event', agency, source_id: `${source_id}-E${y}${dupNo ? `-${dupNo}` : ''}`, kind, subject: source_id, occurred_at: L.iso(when), summary, details, recorded_at: L.iso(L.addHours(rec, R.int(17, 23))) }
        if (kind === 'missing_episode') {
          ev.ended_at = L.iso(L.addHours(when, R.int(3, 30)))
          ev.missing_from = p.lac && when >= p.lac ? 'care_placement' : 'home'
          ev.risk_grading = R.pick(['low', 'medium', 'no_apparent_risk'])
          if (ev.ended_at > ev.recorded_at) ev.recorded_at = L.iso(L.addHours(new Date(ev.ended_at + 'Z'), 2))
        }
        if (kind === 'return_interview') {
          ev.status = 'done'
          ev.child_account = R.pick(['Said I just needed space after the row with mum', 'Went to my mate\'s, didn\'t tell anyone', 'Was out with friends and my phone died'])
        }
        if (kind === 'charging_decision') ev.outcome = 'further_evidence_needed'
        if (ev.recorded_at <= '2024-12-31T23:00:00') push(y, agency, ev)
      }
    }
  }

  for (const c of people.filter((p) => p.kind === 'child')) {
    const born = Number(c.dob.slice(0, 4))
    for (const agency of agenciesFor(c)) {
      let ys = YEARS.filter((y) => y - born >= (agency === 'school' ? 4 : ['police', 'police2', 'yjs', 'cps', 'charity'].includes(agency) ? 10 : 0) && y - born <= 17)
      if (c.uasc) ys = ys.filter((y) => y >= c.uasc.arrive.getUTCFullYear())
      if (!ys.length) continue
      const k = Math.min(ys.length, R.int(1, agency === 'health' || agency === 'school' ? 4 : 3))
      const chosen = R.shuffle(ys).slice(0, k).sort()
      emitRecord(c, agency, chosen, true)
      if (R.chance(STYLE[agency].dup)) emitRecord(c, agency, [R.pick(ys)], true, 1)
    }
  }
  // adults: parents/carers as social care and housing know them, some by police
  for (const a of people.filter((p) => p.kind === 'adult')) {
    const ys = R.shuffle(YEARS).slice(0, R.int(1, 2)).sort()
    if (R.chance(0.45)) emitRecord(a, 'csc', ys, false)
    if (R.chance(0.45)) emitRecord(a, 'housing', ys, false)
    if (R.chance(0.2)) emitRecord(a, 'police', [ys[0]], false)
    if (a.recs.length === 0 && R.chance(0.3)) emitRecord(a, 'health', [ys[0]], false)
  }
  // relationships: social care records parents of the children it knows, housing lives_with
  const byId = new Map(people.map((p) => [p.id, p]))
  void byId
  let rel = 0
  const households = new Map()
  for (const p of people) {
    const k = p.hist[0].addr.line1 + p.hist[0].addr.postcode
    if (!households.has(k)) households.set(k, [])
    households.get(k).push(p)
  }
  for (const members of households.values()) {
    for (const agency of ['csc', 'housing']) {
      const adults = members.filter((m) => m.kind === 'adult').flatMap((m) => m.recs.filter((r) => r.startsWith(agency + ':')))
      const kids = members.filter((m) => m.kind === 'child').flatMap((m) => m.recs.filter((r) => r.startsWith(agency + ':')))
      for (const a of adults.slice(0, 1))
        for (const k of kids) {
          const lines = [...objects.values()].flatMap((m) => m.get(agency) ?? [])
          const f1 = lines.find((o) => o.type === 'person' && `${agency}:${o.source_id}` === k)
          const f2 = lines.find((o) => o.type === 'person' && `${agency}:${o.source_id}` === a)
          const first = f1.recorded_at > f2.recorded_at ? f1 : f2
          const year = Number(first.recorded_at.slice(0, 4))
          push(year, agency, { type: 'relationship', agency, source_id: `REL-${++rel}`, from: k.split(':')[1], to: a.split(':')[1], kind: agency === 'csc' ? 'parent' : 'lives_with', reliability: agency === 'csc' ? 'confirmed' : 'unconfirmed', recorded_at: first.recorded_at })
        }
    }
  }

  // ---------------------------------------------------------------- write
  const out = path.join(HERE, 'areas', areaName)
  fs.rmSync(out, { recursive: true, force: true })
  let lines = 0
  const counts = {}
  for (const [y, m] of [...objects].sort((a, b) => a[0] - b[0]))
    for (const [agency, objs] of m) {
      objs.sort((a, b) => (a.recorded_at < b.recorded_at ? -1 : a.recorded_at > b.recorded_at ? 1 : a.type === 'person' ? -1 : 1))
      L.writeFileMk(path.join(out, 'records', String(y), `${agency}.ndjson`), objs.map((o) => JSON.stringify(o)).join('\n') + '\n')
      lines += objs.length
      for (const o of objs) counts[o.type] = (counts[o.type] ?? 0) + 1
    }
  const agencies = Object.keys(cfg.agencies)
  const sh = ['#!/bin/sh', `# Linkage area ${areaName}: written by gen-areas.mjs. Needs THREADLINE_CLI (e.g. "node /path/to/bin/threadline.js").`, 'set -e', 'cd "$(dirname "$0")"', '$THREADLINE_CLI migrate']
  for (const a of agencies) sh.push(`$THREADLINE_CLI agencies add ${a} --name "${cfg.agencies[a].replace(/"/g, '')}" --kind ${KIND[a]} >/dev/null`)
  for (const y of [...objects.keys()].sort()) sh.push(`$THREADLINE_CLI import records/${y}/*.ndjson`)
  L.writeFileMk(path.join(out, 'IMPORT.sh'), sh.join('\n') + '\n')
  L.writeFileMk(path.join(out, 'truth.csv'), 'agency,source_id,person_id,is_child\n' + truth.map((r) => r.join(',')).join('\n') + '\n')
  const childRecs = truth.filter((t) => t[3] === 1)
  const kids = new Set(childRecs.map((t) => t[2]))
  const s = { area: areaName, seed: cfg.seed, children: kids.size, child_records: childRecs.length, adults: new Set(truth.filter((t) => t[3] === 0).map((t) => t[2])).size, adult_records: truth.length - childRecs.length, lines, ...counts, by_agency: Object.fromEntries(agencies.map((a) => [a, truth.filter((t) => t[0] === a).length])), ...stats }
  L.writeFileMk(path.join(out, 'stats.json'), JSON.stringify(s, null, 2) + '\n')
  console.log(JSON.stringify(s))
}

const which = process.argv.slice(2).filter((a) => CONFIG[a])
for (const a of which.length ? which : ['c1', 'c2']) gen(a)
