#!/usr/bin/env node
// Round-3 blind linkage areas d1 ("Wexley", a mid-sized English city) and d2 ("Saltmouth", a seaside
// town receiving looked-after children placed from other areas). Written from the import format and the
// area scorer's layout only. Usage: node gen-areas.mjs [outdir]   (default: ./areas beside this file)
// Fixed seeds: running it again writes the same files byte for byte.
import { mkdirSync, writeFileSync, rmSync } from 'node:fs'
import { join, dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  rng,
  nhsNumber,
  spacedNhs,
  upn,
  pncId,
  postcode,
  phonePool,
  typo,
  stripDia,
  anglicise,
  randomDate,
  localTime,
  ageOn,
  addDays,
  dobError,
  dateOf,
} from './lib.mjs'
import {
  ENGLISH,
  POLISH,
  ROMANIAN,
  SOMALI,
  PAKISTANI,
  polishFeminine,
  STREET_FIRST,
  STREET_KIND,
  SEA_STREET,
} from './names.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const outRoot = resolve(process.argv[2] || join(here, 'areas'))

const AGENCIES = [
  ['police', 'Police (area command)', 'police'],
  ['csc', "Children's social care", 'childrens_social_care'],
  ['health', 'Health (GP, community and hospital)', 'health'],
  ['school', 'Schools and education (LA)', 'education'],
  ['charity', "Children's charity (missing and exploitation service)", 'voluntary'],
  ['housing', 'Housing and homelessness', 'other'],
  ['yjs', 'Youth justice service', 'youth_justice'],
  ['cps', 'Crown Prosecution Service', 'prosecutor'],
]
const FIRST = '2017-01-01',
  LAST = '2024-12-31'

// How each agency writes a child (probabilities per record; "per version" where said)
const STYLE = {
  health: {
    cover: 0.86,
    minAge: 0,
    maxAge: 17,
    nhs: 0.96,
    nhsSpaced: 0.5,
    upn: 0,
    middleInGiven: 0.5,
    nick: 0.02,
    translit: 0.15,
    keepDia: 0.45,
    swap: 0.02,
    caps: 0.05,
    typo: 0.03,
    dobMiss: 0.01,
    dobSwap: 0.01,
    dobYear: 0.005,
    dobDay: 0.01,
    dobPart: 0,
    placeholder: 0,
    addr: 0.97,
    stale: 0.28,
    pcOnly: 0,
    phone: 0.5,
    dup: 0.03,
    sex: 0.99,
    initialFamily: 0,
    calledAsGiven: 0.1,
    knownAs: 0.05,
    isChild: 0.3,
    sid: (r) => `H${r.int(1000000, 9999999)}`,
  },
  school: {
    cover: 0.82,
    minAge: 4,
    maxAge: 16,
    nhs: 0,
    upn: 0.96,
    middleInGiven: 0,
    nick: 0.12,
    translit: 0.2,
    keepDia: 0.6,
    swap: 0.01,
    caps: 0.02,
    typo: 0.02,
    dobMiss: 0.005,
    dobSwap: 0.01,
    dobYear: 0.005,
    dobDay: 0.005,
    dobPart: 0,
    placeholder: 0,
    addr: 0.95,
    stale: 0.1,
    pcOnly: 0,
    phone: 0.7,
    dup: 0.03,
    sex: 1,
    initialFamily: 0,
    calledAsGiven: 0.8,
    knownAs: 0.7,
    legalInOther: 0.55,
    isChild: 1,
    sid: (r) => `SIMS-${r.int(100000, 999999)}`,
  },
  csc: {
    cover: 0.42,
    minAge: 0,
    maxAge: 17,
    nhs: 0.5,
    nhsSpaced: 0.3,
    upn: 0.3,
    middleInGiven: 0.2,
    nick: 0.05,
    translit: 0.3,
    keepDia: 0.5,
    swap: 0.03,
    caps: 0.05,
    typo: 0.05,
    dobMiss: 0.03,
    dobSwap: 0.03,
    dobYear: 0.01,
    dobDay: 0.02,
    dobPart: 0.01,
    placeholder: 0,
    addr: 0.9,
    stale: 0.1,
    pcOnly: 0,
    phone: 0.5,
    dup: 0.04,
    sex: 1,
    initialFamily: 0,
    calledAsGiven: 0.4,
    knownAs: 0.3,
    legalInOther: 0.5,
    isChild: 1,
    sid: (r) => `${r.int(100000, 999999)}`,
  },
  police: {
    cover: 0.4,
    minAge: 6,
    maxAge: 17,
    nhs: 0,
    upn: 0,
    middleInGiven: 0,
    nick: 0.22,
    translit: 0.45,
    keepDia: 0.08,
    swap: 0.07,
    caps: 0.35,
    typo: 0.07,
    dobMiss: 0.07,
    dobSwap: 0.05,
    dobYear: 0.03,
    dobDay: 0.03,
    dobPart: 0.02,
    pnc: 0.7,
    placeholder: 0,
    addr: 0.72,
    stale: 0.2,
    pcOnly: 0.05,
    phone: 0.3,
    dup: 0.09,
    sex: 0.97,
    initialFamily: 0,
    calledAsGiven: 0.6,
    knownAs: 0.5,
    isChild: 0,
    sid: (r) => `PN${r.int(10, 24)}${r.int(100000, 999999)}`,
  },
  charity: {
    cover: 0.28,
    minAge: 8,
    maxAge: 17,
    nhs: 0,
    upn: 0,
    middleInGiven: 0,
    nick: 0.5,
    translit: 0.4,
    keepDia: 0.15,
    swap: 0.04,
    caps: 0.03,
    typo: 0.08,
    dobMiss: 0.3,
    dobSwap: 0.04,
    dobYear: 0.03,
    dobDay: 0.03,
    dobPart: 0.2,
    placeholder: 0,
    addr: 0.5,
    stale: 0.2,
    pcOnly: 0.3,
    phone: 0.55,
    dup: 0.05,
    sex: 0.75,
    initialFamily: 0.14,
    calledAsGiven: 0.9,
    knownAs: 0.8,
    isChild: 0.5,
    sid: (r) => `CH-${r.int(1000, 99999)}`,
  },
  housing: {
    cover: 0.33,
    minAge: 0,
    maxAge: 17,
    nhs: 0,
    upn: 0,
    middleInGiven: 0,
    nick: 0.1,
    translit: 0.4,
    keepDia: 0.2,
    swap: 0.05,
    caps: 0.15,
    typo: 0.06,
    dobMiss: 0.4,
    dobSwap: 0.04,
    dobYear: 0.03,
    dobDay: 0.03,
    dobPart: 0.15,
    placeholder: 0,
    addr: 1,
    stale: 0,
    pcOnly: 0,
    phone: 0.6,
    dup: 0.03,
    sex: 0.6,
    initialFamily: 0.08,
    calledAsGiven: 0.5,
    knownAs: 0.4,
    tenantFamily: 0.2,
    isChild: 0,
    sid: (r) => `HSG/${r.int(10000, 99999)}/${r.int(1, 9)}`,
  },
  yjs: {
    cover: 0.1,
    minAge: 10,
    maxAge: 17,
    nhs: 0.15,
    nhsSpaced: 0,
    upn: 0.1,
    middleInGiven: 0.1,
    nick: 0.1,
    translit: 0.3,
    keepDia: 0.2,
    swap: 0.02,
    caps: 0.1,
    typo: 0.03,
    dobMiss: 0.01,
    dobSwap: 0.02,
    dobYear: 0.01,
    dobDay: 0.01,
    dobPart: 0,
    placeholder: 0,
    addr: 0.9,
    stale: 0.15,
    pcOnly: 0,
    phone: 0.5,
    dup: 0.02,
    sex: 1,
    initialFamily: 0,
    calledAsGiven: 0.5,
    knownAs: 0.5,
    pnc: 0.8,
    isChild: 1,
    sid: (r) => `YOT${r.int(10000, 99999)}`,
  },
  cps: {
    cover: 0.08,
    minAge: 8,
    maxAge: 17,
    nhs: 0,
    upn: 0,
    middleInGiven: 0,
    nick: 0.05,
    translit: 0.45,
    keepDia: 0.05,
    swap: 0.05,
    caps: 0.6,
    typo: 0.05,
    dobMiss: 0.05,
    dobSwap: 0.04,
    dobYear: 0.02,
    dobDay: 0.02,
    dobPart: 0,
    placeholder: 0,
    addr: 0.6,
    stale: 0.3,
    pcOnly: 0,
    phone: 0,
    dup: 0.02,
    sex: 0.9,
    initialFamily: 0,
    givenInitial: 0.06,
    calledAsGiven: 0.3,
    knownAs: 0.3,
    isChild: 0,
    sid: (r) => `${r.int(10, 99)}${String.fromCharCode(65 + r.int(0, 25))}${r.int(1000000, 9999999)}`,
  },
}

const AREAS = {
  d1: {
    seed: 71207101,
    town: 'Wexley',
    districts: ['PE1', 'PE2', 'PE3', 'PE4', 'PE7'],
    la: '874',
    streets: STREET_FIRST,
    children: 470,
    mix: [
      [38, 'english'],
      [19, 'pakistani'],
      [16, 'polish'],
      [12, 'romanian'],
      [15, 'somali'],
    ],
    moves: [
      [45, 0],
      [30, 1],
      [17, 2],
      [8, 3],
    ],
    arrivedJan1: { somali: 0.25, romanian: 0.12 }, // families whose children's official DOB is 1 January
  },
  d2: {
    seed: 71207202,
    town: 'Saltmouth',
    districts: ['CT9', 'CT10', 'CT11', 'CT12'],
    la: '886',
    streets: SEA_STREET,
    children: 450,
    mix: [
      [90, 'english'],
      [4, 'polish'],
      [3, 'romanian'],
      [3, 'somali'],
    ],
    moves: [
      [35, 0],
      [30, 1],
      [20, 2],
      [15, 3],
    ],
    placedFrom: [
      ['Lewisham', ['SE4', 'SE6', 'SE13', 'SE14'], '209'],
      ['Croydon', ['CR0', 'CR7', 'SE25'], '306'],
      ['Medway', ['ME4', 'ME5', 'ME7'], '887'],
      ['Southend', ['SS1', 'SS2'], '882'],
      ['Haringey', ['N15', 'N17'], '309'],
    ],
    lacShare: 0.34,
    placeholder: { housing: 0.25, charity: 0.2, police: 0.04 },
  },
}

const KINDS = {
  police: [
    ['missing_episode', 5],
    ['crime_report', 2],
    ['intelligence', 1],
    ['concern', 3],
    ['note', 1],
  ],
  csc: [
    ['contact_referral', 4],
    ['assessment', 3],
    ['strategy_discussion', 1],
    ['note', 2],
  ],
  health: [
    ['health_attendance', 5],
    ['note', 2],
    ['self_harm', 1],
  ],
  school: [
    ['school_absence', 4],
    ['concern', 2],
    ['school_exclusion', 1],
    ['note', 2],
  ],
  charity: [
    ['note', 3],
    ['concern', 2],
  ],
  housing: [
    ['note', 3],
    ['concern', 1],
  ],
  yjs: [
    ['youth_justice', 5],
    ['note', 1],
  ],
  cps: [['charging_decision', 1]],
}
const SUMMARY = {
  missing_episode: [
    'Reported missing by {w}; found {f}',
    'Missing overnight, returned by self',
    'Absent from home, located by patrol',
  ],
  crime_report: ['Victim of theft of phone', 'Victim of assault by peer near {s}', 'Victim of online harassment'],
  intelligence: ['Seen in company of older youths at {s}', 'Information shared by partner agency'],
  concern: [
    'Concern raised about presentation and hygiene',
    'Concern: arguments at home reported by neighbour',
    'Concern about late nights',
  ],
  note: [
    'Contact with family',
    'Information recorded for the file',
    'Telephone call with parent',
    'Home visit completed',
  ],
  contact_referral: [
    'Referral from school re neglect',
    'Contact from police following incident at home',
    'Referral from health visitor',
  ],
  assessment: ['Child and family assessment completed', 'Assessment: needs met by universal services'],
  strategy_discussion: ['Strategy discussion following disclosure', 'Strategy discussion held with police and health'],
  health_attendance: [
    'ED attendance: minor injury',
    'ED attendance: asthma',
    'Urgent care: sprained wrist',
    'ED attendance: head injury after fall',
  ],
  self_harm: ['Attended after superficial cuts to arm'],
  school_absence: [
    'Unexplained absence, 6 sessions',
    'Persistent absence this half term',
    'Absent, no contact from parent',
  ],
  school_exclusion: ['Fixed-term exclusion, 2 days', 'Suspension for persistent disruption'],
  youth_justice: [
    'Referral order started',
    'Out-of-court disposal: youth caution',
    'Assessment for youth conditional caution',
  ],
  charging_decision: ['Charging decision on assault allegation', 'Review of file for harassment'],
}

function makeArea(name, cfg) {
  const r = rng(cfg.seed)
  const usedNhs = new Set(),
    usedUpn = new Set(),
    usedPnc = new Set(),
    usedPc = new Set(),
    usedSid = new Set()
  const phones = phonePool(r)
  let phoneIdx = 0
  const nextPhone = () => (phoneIdx < phones.length ? phones[phoneIdx++] : null)
  const persons = [] // children and adults
  const households = []
  let nChild = 0,
    nAdult = 0

  const street = (streets) => `${r.pick(streets)} ${r.pick(STREET_KIND)[0]}`
  const mkAddr = (districts, town, streets) => {
    const flat = r.chance(0.25) ? `Flat ${r.int(1, 12)}, ` : ''
    return { line1: `${flat}${r.int(1, 180)} ${street(streets)}`, town, postcode: postcode(r, districts, usedPc) }
  }
  const localAddr = () => mkAddr(cfg.districts, cfg.town, cfg.streets)

  // ---- names by community ----
  function familyNameFor(comm) {
    if (comm === 'english') return r.zipf(ENGLISH.family, 0.7)
    if (comm === 'polish') return r.zipf(POLISH.family, 0.8)
    if (comm === 'romanian') return r.zipf(ROMANIAN.family, 0.7)
    if (comm === 'pakistani') return r.zipf(PAKISTANI.family, 1.0)
    return null // somali: from father's given name
  }
  function givenFor(comm, sex) {
    const pool = {
      english: sex === 'male' ? ENGLISH.boys : ENGLISH.girls,
      polish: sex === 'male' ? POLISH.boys : POLISH.girls,
      romanian: sex === 'male' ? ROMANIAN.boys : ROMANIAN.girls,
      somali: sex === 'male' ? SOMALI.boys : SOMALI.girls,
      pakistani: sex === 'male' ? PAKISTANI.called : PAKISTANI.girls,
    }[comm]
    return r.zipf(pool, comm === 'english' ? 0.6 : 0.8)
  }
  function newAdult(hh, sex, comm, dobYear) {
    const a = { pid: `${name}-a${String(++nAdult).padStart(4, '0')}`, child: false, sex, comm, hh }
    a.given = comm === 'pakistani' && sex === 'male' ? r.pick(PAKISTANI.called) : givenFor(comm, sex)
    if (comm === 'pakistani' && sex === 'male' && r.chance(0.5)) ((a.middle = a.given), (a.given = 'Muhammad'))
    a.dob = randomDate(r, `${dobYear}-01-01`, `${dobYear}-12-31`)
    a.names = [{ from: '1900-01-01', family: null }]
    a.nhs = [{ from: '1900-01-01', nhs: nhsNumber(r, usedNhs) }]
    persons.push(a)
    return a
  }

  function newHousehold(comm, origin) {
    const hh = { id: households.length + 1, comm, children: [], origin }
    const mumYear = r.int(1972, 1996)
    hh.mother = newAdult(hh, 'female', comm, mumYear)
    const fatherPresent = r.chance(comm === 'english' ? 0.6 : 0.8)
    hh.father = newAdult(hh, 'male', comm, mumYear - r.int(-2, 7))
    hh.fatherPresent = fatherPresent
    if (comm === 'somali') {
      hh.father.grand = r.pick(SOMALI.boys)
      hh.father.names[0].family = hh.father.grand
      hh.mother.names[0].family = r.pick(SOMALI.boys)
      hh.family = null
    } else {
      hh.family = familyNameFor(comm)
      hh.father.names[0].family = hh.family
      const femForm = comm === 'polish' ? polishFeminine(hh.family) : hh.family
      if (comm === 'pakistani' && r.chance(0.35)) hh.mother.names[0].family = r.pick(PAKISTANI.femaleOnly)
      else if (comm === 'english' && r.chance(0.25)) hh.mother.names[0].family = r.zipf(ENGLISH.family, 0.7)
      else hh.mother.names[0].family = femForm
    }
    hh.phone = r.chance(0.85) ? nextPhone() : null
    hh.mother.phone = hh.phone
    hh.father.phone = r.chance(0.5) ? nextPhone() : hh.phone
    // address history
    const area = origin ? () => mkAddr(origin[1], origin[0], cfg.streets.concat(STREET_FIRST)) : localAddr
    hh.addrs = [{ from: '2010-01-01', addr: area() }]
    const moves = r.weighted(cfg.moves.map(([w, n]) => [w + (comm === 'romanian' ? 10 * n : 0), n]))
    const dates = Array.from({ length: moves }, () => randomDate(r, '2016-06-01', '2024-06-30')).sort()
    for (const d of dates) hh.addrs.push({ from: d, addr: origin && r.chance(0.85) ? area() : localAddr() })
    hh.mother.addrs = hh.addrs
    hh.father.addrs = fatherPresent ? hh.addrs : [{ from: '2010-01-01', addr: area() }]
    households.push(hh)
    return hh
  }

  function addChild(hh, sex, dob, opts = {}) {
    const c = { pid: `${name}-c${String(++nChild).padStart(4, '0')}`, child: true, sex, comm: hh.comm, hh, dob }
    const comm = hh.comm
    if (opts.given) c.given = opts.given
    else if (comm === 'pakistani' && sex === 'male') {
      c.given = 'Muhammad'
      c.middle = givenFor(comm, sex)
      c.called = c.middle
    } else c.given = givenFor(comm, sex)
    if (!c.middle && r.chance(comm === 'english' ? 0.55 : comm === 'romanian' ? 0.35 : 0.15))
      c.middle = comm === 'somali' ? null : givenFor(comm === 'pakistani' ? 'pakistani' : comm, sex)
    if (c.middle === c.given) c.middle = null
    if (comm === 'romanian' && c.middle && r.chance(0.5)) c.called = c.middle // "Maria Florentina" known as Florentina
    let fam
    if (comm === 'somali') {
      // registered family name: the father's given name (usual), father + grandfather, or the grandfather's
      const f = hh.father.given,
        g = hh.father.grand
      fam =
        hh.somaliStyle ??
        (hh.somaliStyle = r.weighted([
          [65, f],
          [20, `${f} ${g}`],
          [15, g],
        ]))
      c.somaliAlt = [f, g, `${f} ${g}`]
    } else if (comm === 'polish') fam = sex === 'female' ? polishFeminine(hh.family) : hh.family
    else fam = opts.family ?? hh.family
    c.names = [{ from: '1900-01-01', family: fam }]
    c.nhs = [{ from: '1900-01-01', nhs: nhsNumber(r, usedNhs) }]
    c.upn = upn(r, opts.la ?? cfg.la, usedUpn)
    c.addrs = hh.addrs.slice()
    if (r.chance(0.6)) c.ownPhone = { from: addDays(dob, 365 * r.int(11, 14)), phone: null }
    persons.push(c)
    hh.children.push(c)
    return c
  }

  // ---- households and children ----
  const isD2 = name === 'd2'
  while (nChild < cfg.children) {
    const comm = r.weighted(cfg.mix)
    const lac = isD2 && r.chance(cfg.lacShare)
    const origin = lac && r.chance(0.8) ? r.pick(cfg.placedFrom) : null
    const hh = newHousehold(comm, origin)
    const n = r.weighted([
      [30, 1],
      [33, 2],
      [22, 3],
      [10, 4],
      [5, 5],
    ])
    let dobT = dateOf(randomDate(r, '2002-01-01', '2012-12-31')).getTime()
    const jan1 = cfg.arrivedJan1 && r.chance(cfg.arrivedJan1[comm] ?? 0)
    // a step-father / second father for the younger half of the children (half-siblings), d2 more often
    const halfAt = r.chance(isD2 ? 0.28 : comm === 'english' ? 0.15 : 0.04) && n >= 2 ? r.int(1, n - 1) : -1
    let second = null
    for (let i = 0; i < n; i++) {
      let dob = new Date(dobT).toISOString().slice(0, 10)
      if (jan1) dob = `${dob.slice(0, 4)}-01-01`
      if (dob > '2018-06-30') break
      const sex = r.chance(0.5) ? 'male' : 'female'
      let opts = {}
      if (i === halfAt) {
        second = newAdult(hh, 'male', comm === 'somali' ? 'somali' : comm, hh.father.dob.slice(0, 4) - -r.int(-3, 4))
        if (comm !== 'somali')
          second.names[0].family = familyNameFor(
            comm === 'pakistani' ? 'pakistani' : comm === 'polish' && r.chance(0.5) ? 'english' : comm,
          )
        else ((second.grand = r.pick(SOMALI.boys)), (second.names[0].family = second.grand))
        second.phone = nextPhone()
        second.addrs = hh.addrs
        hh.stepFather = second
      }
      if (second && i >= halfAt && comm !== 'somali') opts.family = second.names[0].family
      // parent/child namesakes: a son named after his father
      const dad = second && i >= halfAt ? second : hh.father
      if (sex === 'male' && comm !== 'pakistani' && r.chance(isD2 ? 0.14 : 0.06)) opts.given = dad.given
      if (sex === 'female' && comm === 'english' && r.chance(isD2 ? 0.05 : 0.02)) opts.given = hh.mother.given
      if (origin) opts.la = origin[2]
      const c = addChild(hh, sex, dob, opts)
      if (comm === 'somali' && second && i >= halfAt) {
        c.names[0].family = second.given
        c.somaliAlt = [second.given, second.grand, `${second.given} ${second.grand}`]
      }
      if (second && i >= halfAt) c.halfOf = second
      // twins
      if (r.chance(isD2 ? 0.07 : 0.05) && nChild < cfg.children) {
        const sex2 = r.chance(0.6) ? sex : sex === 'male' ? 'female' : 'male'
        const o = { ...opts }
        delete o.given
        const t = addChild(hh, sex2, dob, o)
        if (t.given === c.given || (t.called && t.called === c.called)) t.given = givenFor(comm, sex2)
        // same-initial twin names are common
        if (comm === 'english' && r.chance(0.4)) {
          const pool = (sex2 === 'male' ? ENGLISH.boys : ENGLISH.girls).filter(
            (g) => g[0] === c.given[0] && g !== c.given,
          )
          if (pool.length) t.given = r.pick(pool)
        }
        t.names = c.names.map((x) => ({ ...x }))
        if (comm === 'polish') t.names[0].family = sex2 === 'female' ? polishFeminine(hh.family) : hh.family
        t.knownAs = c.knownAs
        t.twin = c
        c.twin = t
        t.somaliAlt = c.somaliAlt
      }
      dobT += r.int(330, 1300) * 86400000
    }
    // step-family: older children known by the stepfather's name at school, some change it legally
    if (second && comm !== 'somali')
      for (const c of hh.children) {
        if (c.halfOf) continue
        c.knownAs =
          c.twin?.knownAs ?? (r.chance(0.5) ? second.names[0].family : `${c.names[0].family}-${second.names[0].family}`)
        if (r.chance(0.25)) c.names.push({ from: randomDate(r, '2018-01-01', '2023-12-31'), family: c.knownAs })
      }
    if (hh.children.length === 0) households.pop()
  }

  // ---- d2: looked-after children placed from elsewhere, adoptions, care leavers ----
  for (const hh of households) {
    if (!isD2 || !hh.origin) continue
    const start = randomDate(r, '2015-06-01', '2022-12-31')
    const together = r.chance(0.55)
    let shared = null
    for (const c of hh.children) {
      c.lac = { start, from: hh.origin[0] }
      const base = c.addrs.filter((a) => a.from < start)
      const placements = []
      let d = start
      const nPl = r.weighted([
        [35, 1],
        [30, 2],
        [20, 3],
        [15, 4],
      ])
      for (let i = 0; i < nPl && d < '2024-10-01'; i++) {
        const carer = r.zipf(ENGLISH.family, 0.6)
        const addr = together && shared && i === 0 ? shared : { ...localAddr(), carer }
        if (i === 0) shared = addr
        placements.push({ from: d, addr, confidential: true, carer: addr.carer })
        d = addDays(d, r.int(90, 900))
      }
      c.addrs = base.concat(placements)
      const ageStart = ageOn(c.dob, start)
      // adoption of young children: new family name, new NHS number, new address (not confidential)
      if (ageStart <= 5 && r.chance(0.35)) {
        const when = addDays(start, r.int(300, 800))
        if (when < '2024-06-01') {
          const adopt = r.zipf(ENGLISH.family, 0.6)
          c.names.push({ from: when, family: adopt })
          c.nhs.push({ from: when, nhs: nhsNumber(r, usedNhs) })
          c.addrs = c.addrs.filter((a) => a.from < when).concat([{ from: when, addr: localAddr() }])
          c.adopted = when
        }
      } else if (r.chance(0.12)) {
        // known at school by the foster carer's surname
        c.knownAs = placements[0].carer
      }
      // care leavers: at 16-17 some take another surname (mother's)
      const at16 = addDays(c.dob, 365 * 16 + r.int(0, 500))
      if (!c.adopted && at16 < '2024-06-01' && at16 > start && r.chance(0.3)) {
        const mf = hh.mother.names[0].family
        if (mf && mf !== c.names[0].family) c.names.push({ from: at16, family: mf })
      }
      const at18 = addDays(c.dob, 365 * 18 + 5)
      if (at18 < '2024-09-01' && !c.adopted) {
        c.careLeaver = at18
        c.addrs.push({ from: at18, addr: localAddr(), supported: true })
      }
    }
  }
  for (const c of persons) if (c.child && c.ownPhone) c.ownPhone.phone = nextPhone()
  for (const p of persons) {
    p.names.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
    p.addrs = p.addrs.slice().sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
  }
  return { r, persons, households, usedSid, usedPnc, usedNhs }
}

// ---- reading the world at a date ----
const at = (list, day) => {
  let cur = list[0]
  for (const x of list) if (x.from <= day) cur = x
  return cur
}
const before = (list, day) => {
  let prev = null,
    cur = list[0]
  for (const x of list)
    if (x.from <= day) {
      prev = cur
      cur = x
    }
  return prev && prev !== cur ? prev : null
}

function variantOf(r, comm, s) {
  const tbl = { english: ENGLISH, polish: POLISH, romanian: ROMANIAN, somali: SOMALI, pakistani: PAKISTANI }[comm]
  const v =
    tbl.variants[s] ||
    (comm === 'pakistani' ? SOMALI.variants[s] : null) ||
    (comm === 'somali' ? PAKISTANI.variants[s] : null)
  return v ? r.pick(v) : s
}
function nickOf(r, comm, s) {
  const tbl = { english: ENGLISH, polish: POLISH, romanian: ROMANIAN, somali: SOMALI, pakistani: PAKISTANI }[comm]
  const v = tbl.nick[s] || ENGLISH.nick[s]
  return v ? r.pick(v) : null
}
const multiVariant = (r, comm, s) =>
  s
    .split(' ')
    .map((w) => variantOf(r, comm, w))
    .join(' ')
const abbreviate = (line) => {
  for (const [full, ab] of STREET_KIND) if (line.endsWith(' ' + full)) return line.slice(0, -full.length) + ab
  return line
}

// The persistent way one agency record writes one person (rolled once per record)
function rollNoise(r, S, p, cfg, agency) {
  const n = { seed: r.int(1, 2 ** 31 - 1) }
  n.translitG = r.chance(S.translit)
  n.translitF = r.chance(S.translit)
  n.keepDia = r.chance(S.keepDia)
  n.anglicise = !n.keepDia && r.chance(agency === 'police' || agency === 'housing' ? 0.12 : 0.04)
  n.swap = (p.comm !== 'english' || r.chance(0.3)) && r.chance(S.swap)
  n.caps = r.chance(S.caps)
  n.typoG = r.chance(S.typo)
  n.typoF = r.chance(S.typo)
  n.nick = r.chance(S.nick)
  n.called = r.chance(S.calledAsGiven)
  n.middleInGiven = r.chance(S.middleInGiven)
  n.knownAs = r.chance(S.knownAs)
  n.legalInOther = r.chance(S.legalInOther ?? 0)
  n.initialFamily = r.chance(S.initialFamily)
  n.givenInitial = r.chance(S.givenInitial ?? 0)
  n.polMasc =
    p.comm === 'polish' &&
    p.sex === 'female' &&
    r.chance(agency === 'housing' || agency === 'charity' || agency === 'police' ? 0.15 : 0.04)
  n.somaliPick =
    p.somaliAlt && r.chance(agency === 'health' || agency === 'school' ? 0.1 : 0.3) ? r.pick(p.somaliAlt) : null
  n.tenantFamily = p.child && r.chance(S.tenantFamily ?? 0)
  n.dob = r.weighted([
    [S.dobMiss, 'miss'],
    [S.dobSwap, 'swap'],
    [S.dobYear, 'year'],
    [S.dobDay, 'day'],
    [S.dobPart, 'part'],
    [cfg.placeholder?.[agency] ?? 0, 'jan1'],
    [1 - S.dobMiss - S.dobSwap - S.dobYear - S.dobDay - S.dobPart - (cfg.placeholder?.[agency] ?? 0), 'ok'],
  ])
  n.partYM = r.chance(0.35)
  n.dobFixAt = r.chance(0.35) ? 1 : 99 // later versions sometimes correct the date of birth
  n.addr = r.chance(S.addr)
  n.stale = r.chance(S.stale)
  n.pcOnly = r.chance(S.pcOnly)
  n.abbrev = r.chance(0.4)
  n.pcNoSpace = r.chance(0.2)
  n.lower = r.chance(0.1)
  n.phone = r.chance(S.phone)
  n.nhs = r.chance(S.nhs)
  n.nhsSpaced = r.chance(S.nhsSpaced ?? 0)
  n.upn = r.chance(S.upn)
  n.sex = r.chance(S.sex)
  n.isChild = r.chance(S.isChild)
  n.pnc = r.chance(S.pnc ?? 0)
  return n
}

function render(_r, S, n, p, day, cfg, agency, vIdx, pncs) {
  // one record writes a person the same way in every version: its choices come from its own seed
  const r = rng(n.seed)
  const cur = at(p.names, day)
  let family = cur.family
  const prevNames = p.names.filter((x) => x.from <= day && x.family !== family).map((x) => x.family)
  if (p.child && p.knownAs && n.knownAs) family = p.knownAs
  if (n.somaliPick) family = n.somaliPick
  if (n.polMasc) family = p.hh.family
  if (n.tenantFamily && p.hh.mother.names[0].family) family = p.hh.mother.names[0].family
  let given = p.given
  const legalGiven = p.middle ? `${p.given} ${p.middle}` : p.given
  if (p.called && n.called) given = p.called
  else if (n.middleInGiven && p.middle) given = legalGiven
  if (n.nick) given = nickOf(r, p.comm, given) ?? given
  if (n.translitG) given = multiVariant(r, p.comm, given)
  if (n.translitF && family) family = multiVariant(r, p.comm, family)
  if (!n.keepDia) {
    given = n.anglicise ? anglicise(given) : stripDia(given)
    family = family && (n.anglicise ? anglicise(family) : stripDia(family))
  }
  if (n.typoG) given = typo(r, given)
  if (n.typoF && family) family = typo(r, family)
  const other = []
  if (
    p.child &&
    n.legalInOther &&
    `${given} ${family}` !== `${legalGiven} ${cur.family}` &&
    `${given} ${family}` !== `${p.given} ${cur.family}`
  )
    other.push(`${legalGiven} ${cur.family}`)
  if (prevNames.length && (agency === 'csc' || (agency === 'health' && !p.adopted) || r.chance(0.3)))
    for (const f of prevNames) other.push(`${p.given} ${f}`)
  if (p.child && agency === 'csc' && p.knownAs && family !== p.knownAs) other.push(`${given} ${p.knownAs}`)
  if (n.initialFamily && family) family = family[0]
  if (n.givenInitial) given = given[0]
  if (n.caps) {
    given = given.toUpperCase()
    family = family && family.toUpperCase()
  }
  if (n.swap && family) [given, family] = [family, given]
  const o = { given_name: given }
  if (family) o.family_name = family
  if (other.length) o.other_names = [...new Set(other)]
  // date of birth
  let dob = p.dob
  const kind = vIdx >= n.dobFixAt ? 'ok' : n.dob
  if (kind === 'swap' || kind === 'year' || kind === 'day') dob = dobError(r, p.dob, kind)
  else if (kind === 'part') dob = n.partYM ? p.dob.slice(0, 7) : p.dob.slice(0, 4)
  else if (kind === 'jan1') dob = `${p.dob.slice(0, 4)}-01-01`
  if (kind !== 'miss') o.date_of_birth = dob
  if (n.sex) o.sex = p.sex
  // address
  const cAddr = at(p.addrs, day)
  const pAddr = n.stale ? before(p.addrs, day) : null
  const use = pAddr ?? cAddr
  if (n.addr && use) {
    const a = use.addr
    let line1 = n.abbrev ? abbreviate(a.line1) : a.line1
    if (n.lower) line1 = line1.toLowerCase()
    let pc = n.pcNoSpace ? a.postcode.replace(' ', '') : a.postcode
    if (n.lower) pc = pc.toLowerCase()
    o.address = n.pcOnly ? { postcode: pc } : { line1, town: a.town, postcode: pc }
    if (use.confidential && (agency === 'csc' || agency === 'health')) o.address.confidential = true
  }
  if (n.phone) {
    const own = p.ownPhone && p.ownPhone.from <= day ? p.ownPhone.phone : null
    const ph =
      (agency === 'police' || agency === 'charity' || agency === 'yjs') && own ? own : p.child ? p.hh.phone : p.phone
    if (ph) o.phone = r.chance(0.2) ? ph.replace(/ /g, '') : ph
  }
  if (n.nhs) {
    const nhs = at(p.nhs, day).nhs
    o.nhs_number = n.nhsSpaced ? spacedNhs(nhs) : nhs
  }
  if (n.upn && p.child) o.upn = p.upn
  if (n.pnc && p.child && pncs.has(p.pid)) o.pnc_id = pncs.get(p.pid)
  if (p.child && n.isChild) o.is_child = true
  return o
}

// enough for a careful human to find the person: never a bare name
function linkable(o) {
  let s = 0
  const full = (x) => x && x.replace(/[^A-Za-z]/g, '').length >= 2
  if (full(o.given_name)) s += 1
  if (full(o.family_name)) s += 2
  if (o.date_of_birth) s += o.date_of_birth.length === 10 ? 2 : 1
  if (o.address?.line1) s += 1.5
  else if (o.address?.postcode) s += 1
  if (o.nhs_number || o.upn) s += 3
  if (o.phone) s += 1
  return s >= 4.5
}

function writeArea(name, cfg) {
  const world = makeArea(name, cfg)
  const { r, persons, usedSid, usedPnc } = world
  const lines = new Map() // year -> agency -> [ [sortKey, json] ]
  const truth = []
  const push = (rec, at) => {
    const y = at.slice(0, 4)
    if (!lines.has(y)) lines.set(y, new Map())
    const m = lines.get(y)
    if (!m.has(rec.agency)) m.set(rec.agency, [])
    m.get(rec.agency).push([at, JSON.stringify(rec)])
  }
  const newSid = (agency, pfx) => {
    for (;;) {
      const s = pfx + STYLE[agency].sid(r)
      if (!usedSid.has(`${agency}:${s}`)) {
        usedSid.add(`${agency}:${s}`)
        return s
      }
    }
  }
  // PNC ids for children who will meet youth justice or be arrested
  const pncs = new Map()
  let objects = 0
  const stats = { children: 0, adults: 0, childRecords: 0, adultRecords: 0, events: 0, relationships: 0, byAgency: {} }
  const activeYears = (p, S) => {
    const ys = []
    for (let y = 2017; y <= 2024; y++) {
      const a = ageOn(p.dob, `${y}-07-01`)
      let max = S.maxAge
      if (p.careLeaver && ['housing', 'charity', 'csc'].includes(S.name)) max = 19
      if (a >= S.minAge && a <= max) ys.push(y)
    }
    return ys
  }
  for (const [k, S] of Object.entries(STYLE)) S.name = k
  const agencyRecordsOfAdult = new Map() // `${agency}:${pid}` -> sid

  function personVersions(agency, p, years, opts = {}) {
    const S = STYLE[agency]
    const sid = newSid(agency, '')
    const n = rollNoise(r, S, p, cfg, agency)
    const nv = Math.min(
      years.length,
      opts.versions ??
        r.weighted([
          [40, 1],
          [30, 2],
          [20, 3],
          [10, 4],
        ]),
    )
    const start = r.int(0, years.length - nv)
    const ys = years.slice(start, start + nv)
    if (opts.mustInclude && !ys.includes(opts.mustInclude) && years.includes(opts.mustInclude)) {
      ys[ys.length - 1] = opts.mustInclude
      ys.sort()
    }
    const dates = []
    let v = 0
    for (const y of ys) {
      const day = opts.day ?? randomDate(r, `${y}-01-05`, `${y}-12-20`)
      const recAt = localTime(r, day, 8, 16)
      let o = render(r, S, n, p, day, cfg, agency, v, pncs)
      if (!linkable(o)) {
        o = render(
          r,
          S,
          { ...n, dob: 'ok', initialFamily: false, givenInitial: false, addr: true, pcOnly: false },
          p,
          day,
          cfg,
          agency,
          v,
          pncs,
        )
      }
      const rec = { type: 'person', agency, source_id: sid, ...o, recorded_at: recAt }
      if (agency === 'csc' && p.lac && day >= p.lac.start && p.child)
        rec.placing_authority = p.lac.from === cfg.town ? cfg.town : `${p.lac.from} (placed out of area)`
      push(rec, recAt)
      objects++
      dates.push({ day, recAt })
      v++
    }
    truth.push([agency, sid, p.pid, p.child ? 1 : 0])
    if (p.child) stats.childRecords++
    else stats.adultRecords++
    stats.byAgency[agency] = (stats.byAgency[agency] || 0) + 1
    return { sid, dates }
  }
  let evN = 0
  function event(agency, subject, recAt, p, extra = {}) {
    const kind = extra.kind ?? r.weighted(KINDS[agency].map(([k, w]) => [w, k]))
    const occDay = addDays(recAt.slice(0, 10), -r.int(1, 6))
    const occurred_at = localTime(r, occDay, 7, 22)
    const t = new Date(Date.parse(recAt + 'Z') + r.int(5, 90) * 60000).toISOString().slice(0, 19)
    const recorded_at = t > occurred_at ? t : recAt
    const s = r
      .pick(SUMMARY[kind])
      .replace('{w}', r.pick(['mother', 'carer', 'school']))
      .replace('{f}', r.pick(["at a friend's house", 'in the town centre', 'at the seafront', 'at the bus station']))
      .replace('{s}', r.pick(['the park', 'the shops', 'the station']))
    const e = {
      type: 'event',
      agency,
      source_id: `E${agency.slice(0, 2).toUpperCase()}${String(++evN).padStart(6, '0')}`,
      kind,
      subject,
      occurred_at,
      summary: s,
      recorded_at,
    }
    if (kind === 'missing_episode') {
      const end = new Date(Date.parse(occurred_at + 'Z') + r.int(3, 40) * 3600000).toISOString().slice(0, 19)
      if (end < recorded_at) e.ended_at = end
      e.missing_from = p.lac && occDay >= p.lac.start ? 'care_placement' : 'home'
      e.risk_grading = r.pick(['low', 'medium', 'medium', 'high'])
    }
    if (kind === 'charging_decision') e.outcome = r.pick(['charge', 'no_further_action', 'further_evidence_needed'])
    if (extra.involves) e.involves = extra.involves
    push(e, recorded_at)
    objects++
    stats.events++
    return e
  }

  const children = persons.filter((p) => p.child)
  stats.children = children.length
  // which agencies know each child
  for (const c of children) {
    const known = []
    for (const [agency, S] of Object.entries(STYLE)) {
      let cover = S.cover
      if (c.lac)
        cover = {
          csc: 1,
          police: 0.65,
          charity: 0.55,
          health: 0.92,
          school: 0.88,
          housing: c.careLeaver ? 0.7 : 0.1,
          yjs: 0.2,
          cps: 0.12,
        }[agency]
      if (c.twin && c.twin.known?.has(agency)) cover = 0.9
      if (!r.chance(cover)) continue
      let ys = activeYears(c, S)
      // a child placed from another area is known here from the placement on (health records travel)
      if (c.lac && c.hh.origin && agency !== 'health' && agency !== 'csc')
        ys = ys.filter((y) => y >= Number(c.lac.start.slice(0, 4)))
      if (ys.length) known.push([agency, ys])
    }
    if (known.length < 2) {
      // almost every child is known to at least two agencies (health and school where their age allows)
      for (const agency of ['health', 'school', 'csc']) {
        if (known.length >= 2 || known.some(([a]) => a === agency)) continue
        const ys = activeYears(c, STYLE[agency])
        if (ys.length && r.chance(0.9)) known.push([agency, ys])
      }
    }
    c.known = new Set(known.map(([a]) => a))
    if (c.known.has('yjs') || (c.known.has('police') && r.chance(0.15)))
      pncs.set(c.pid, pncId(r, Number(c.dob.slice(0, 4)) + 14, usedPnc))
    c.records = []
    for (const [agency, ys] of known) {
      let yrs = ys
      if (agency === 'housing' && c.careLeaver) yrs = ys.filter((y) => y >= Number(c.careLeaver.slice(0, 4)))
      if (!yrs.length) yrs = ys
      // an adopted child gets a new record at health, school and police after the adoption order
      const ay = c.adopted ? Number(c.adopted.slice(0, 4)) : 0
      const parts =
        c.adopted && ['health', 'school', 'police'].includes(agency)
          ? [yrs.filter((y) => y < ay), yrs.filter((y) => y > ay)].filter((x) => x.length)
          : [yrs]
      let rec
      for (const part of parts.length ? parts : [yrs]) {
        // social care keeps a version after an adoption order (post-adoption support), with the birth name
        const mustInclude = c.adopted && agency === 'csc' ? Math.min(2024, ay + 1) : undefined
        rec = personVersions(agency, c, part, { mustInclude })
        c.records.push([agency, rec])
        for (const d of rec.dates) event(agency, rec.sid, d.recAt, c)
      }
      // duplicate record within the agency (a second record opened when a search failed)
      if (r.chance(STYLE[agency].dup + (c.lac ? 0.04 : 0))) {
        const dup = personVersions(agency, c, yrs.slice(-2), { versions: 1 })
        for (const d of dup.dates) event(agency, dup.sid, d.recAt, c)
      }
    }
  }
  // adults: parents known to social care and housing (with relationships); fathers in police incidents
  let relN = 0
  const adultRecord = (agency, a, day) => {
    const key = `${agency}:${a.pid}`
    if (agencyRecordsOfAdult.has(key)) return agencyRecordsOfAdult.get(key)
    const rec = personVersions(agency, a, [Number(day.slice(0, 4))], { versions: 1, day })
    agencyRecordsOfAdult.set(key, rec)
    return rec
  }
  const adultsSeen = new Set()
  for (const c of children) {
    for (const [agency, rec] of c.records) {
      const when = rec.dates[0]
      if (agency === 'csc') {
        const parents = [c.hh.mother]
        if (c.hh.fatherPresent || r.chance(0.5)) parents.push(c.halfOf ?? c.hh.father)
        for (const a of parents) {
          const ar = adultRecord('csc', a, when.day)
          adultsSeen.add(a.pid)
          const t = new Date(Date.parse(when.recAt + 'Z') + 120000).toISOString().slice(0, 19)
          push(
            {
              type: 'relationship',
              agency,
              source_id: `REL${String(++relN).padStart(6, '0')}`,
              from: ar.sid,
              to: rec.sid,
              kind: 'parent',
              reliability: 'confirmed',
              recorded_at: t,
            },
            t,
          )
          objects++
          stats.relationships++
        }
      } else if (agency === 'housing' && !c.careLeaver) {
        const tenant = c.hh.fatherPresent && r.chance(0.3) ? c.hh.father : c.hh.mother
        const ar = adultRecord('housing', tenant, when.day)
        adultsSeen.add(tenant.pid)
        const t = new Date(Date.parse(when.recAt + 'Z') + 120000).toISOString().slice(0, 19)
        push(
          {
            type: 'relationship',
            agency,
            source_id: `TEN${String(++relN).padStart(6, '0')}`,
            from: ar.sid,
            to: rec.sid,
            kind: 'lives_with',
            recorded_at: t,
          },
          t,
        )
        objects++
        stats.relationships++
      } else if (agency === 'police' && r.chance(0.18)) {
        // a domestic incident at home: the father (sometimes his namesake son is the child) named as suspect
        const dad = c.halfOf ?? c.hh.father
        const ar = adultRecord('police', dad, when.day)
        adultsSeen.add(dad.pid)
        const t = new Date(Date.parse(when.recAt + 'Z') + 600000).toISOString().slice(0, 19)
        event('police', rec.sid, t, c, {
          kind: 'concern',
          involves: [{ person: ar.sid, role: r.chance(0.6) ? 'suspect' : 'family' }],
        })
      }
    }
  }
  stats.adults = adultsSeen.size
  stats.objects = objects
  // write
  const dir = join(outRoot, name)
  rmSync(dir, { recursive: true, force: true })
  const years = [...lines.keys()].sort()
  for (const y of years) {
    mkdirSync(join(dir, 'records', y), { recursive: true })
    for (const [agency, arr] of [...lines.get(y)].sort()) {
      arr.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      writeFileSync(join(dir, 'records', y, `${agency}.ndjson`), arr.map((x) => x[1]).join('\n') + '\n')
    }
  }
  const sh = [
    '#!/bin/sh',
    `# Blind round 3, area ${name}: run with THREADLINE_CLI set to the Threadline command (e.g. "node bin/threadline.js")`,
    'set -e',
    'D=$(cd "$(dirname "$0")" && pwd)',
    '$THREADLINE_CLI migrate',
    ...AGENCIES.map(([c, n, k]) => `$THREADLINE_CLI agencies add ${c} --name "${n.replace(/"/g, '')}" --kind ${k}`),
    ...years.map((y) => `$THREADLINE_CLI import "$D"/records/${y}/*.ndjson`),
    '',
  ]
  writeFileSync(join(dir, 'IMPORT.sh'), sh.join('\n'), { mode: 0o755 })
  writeFileSync(
    join(dir, 'truth.csv'),
    'agency,source_id,person_id,is_child\n' + truth.map((t) => t.join(',')).join('\n') + '\n',
  )
  const twins = children.filter((c) => c.twin).length / 2
  const ex = {
    area: name,
    town: cfg.town,
    seed: cfg.seed,
    ...stats,
    twin_pairs: twins,
    step_or_half_sibling_children: children.filter((c) => c.knownAs || c.halfOf).length,
    parent_child_namesakes: children.filter(
      (c) => c.given === (c.halfOf ?? c.hh.father).given || c.given === c.hh.mother.given,
    ).length,
    looked_after_placed_in: children.filter((c) => c.lac).length,
    adopted: children.filter((c) => c.adopted).length,
    care_leavers: children.filter((c) => c.careLeaver).length,
    surname_changes: children.filter((c) => c.names.length > 1).length,
    communities: Object.fromEntries(
      ['english', 'pakistani', 'polish', 'romanian', 'somali'].map((k) => [
        k,
        children.filter((c) => c.comm === k).length,
      ]),
    ),
  }
  writeFileSync(join(dir, 'stats.json'), JSON.stringify(ex, null, 2) + '\n')
  console.log(JSON.stringify(ex))
}

for (const [name, cfg] of Object.entries(AREAS)) writeArea(name, cfg)
