#!/usr/bin/env node
// Round-3 blind people set k: a UK-style set of person records from five sources in a Welsh capital-like
// city ("Caerwen", CF postcodes), for `threadline link` and bench/score-linkage-people.mjs.
// Usage: node gen-people-k.mjs [outdir]   (default: ./people beside this file)
// Writes k.csv, k.truth-pairs.csv (id_a,id_b: every pair of records of one person) and
// k.truth-people.csv (record_id,person_id,source,note: for analysis only). Fixed seed.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  rng,
  nhsNumber,
  spacedNhs,
  postcode,
  phonePool,
  typo,
  stripDia,
  randomDate,
  dobError,
  csvLine,
  addDays,
} from './lib.mjs'
import {
  ENGLISH,
  WELSH,
  POLISH,
  ROMANIAN,
  SOMALI,
  PAKISTANI,
  BANGLADESHI,
  CHINESE,
  polishFeminine,
  STREET_KIND,
} from './names.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const out = resolve(process.argv[2] || join(here, 'people'))
const r = rng(40071207)
const TOWN = 'Caerwen'
const DISTRICTS = ['CF5', 'CF10', 'CF11', 'CF14', 'CF23', 'CF24', 'CF3']
const STREETS = [
  'Clifton',
  'Richmond',
  'Cathays',
  'Splott',
  'Tudor',
  'Despenser',
  'Glossop',
  'Moira',
  'Bute',
  'Loudoun',
  'Penarth',
  'Cowbridge',
  'Llandaff',
  'Ninian',
  'Kings',
  'Ely',
  'Caerau',
  'Tremorfa',
  'Pengam',
  'Adamsdown',
  'Severn',
  'Taff',
  'Rhymney',
  'Heol Llanishen',
  'Heol y Coed',
  'Ffordd Pentre',
  'Lon Isa',
]
const usedNhs = new Set(),
  usedPc = new Set()
const phones = phonePool(r)
let ph = 0
const newPhone = () => (ph < phones.length ? phones[ph++] : null)
const newAddr = () => {
  const flat = r.chance(0.2) ? `Flat ${r.int(1, 20)}, ` : ''
  const st = r.pick(STREETS)
  const kind = st.startsWith('Heol') || st.startsWith('Ffordd') || st.startsWith('Lon') ? ['', ''] : r.pick(STREET_KIND)
  return {
    line: `${flat}${r.int(1, 220)} ${st}${kind[0] ? ' ' + kind[0] : ''}`,
    postcode: postcode(r, DISTRICTS, usedPc),
  }
}
const COMMS = [
  [56, 'welsh'],
  [11, 'somali'],
  [7, 'pakistani'],
  [6, 'bangladeshi'],
  [9, 'polish'],
  [5, 'romanian'],
  [6, 'chinese'],
]
const TABLE = {
  welsh: WELSH,
  english: ENGLISH,
  polish: POLISH,
  romanian: ROMANIAN,
  somali: SOMALI,
  pakistani: PAKISTANI,
  bangladeshi: BANGLADESHI,
  chinese: CHINESE,
}

function given(comm, sex) {
  if (comm === 'welsh')
    return r.chance(0.45)
      ? r.zipf(sex === 'm' ? WELSH.boys : WELSH.girls, 0.7)
      : r.zipf(sex === 'm' ? ENGLISH.boys : ENGLISH.girls, 0.6)
  if (comm === 'pakistani') return sex === 'm' ? r.pick(PAKISTANI.called) : r.zipf(PAKISTANI.girls, 0.8)
  if (comm === 'chinese') return r.pick(sex === 'm' ? CHINESE.boys : CHINESE.girls)
  const t = TABLE[comm]
  return r.zipf(sex === 'm' ? t.boys : t.girls, 0.8)
}
function familyFor(comm, sex, hh) {
  if (comm === 'welsh') return r.chance(0.6) ? r.zipf(WELSH.family, 0.9) : r.zipf(ENGLISH.family, 0.7)
  if (comm === 'polish') return r.zipf(POLISH.family, 0.8)
  if (comm === 'romanian') return r.zipf(ROMANIAN.family, 0.7)
  if (comm === 'pakistani') return r.zipf(PAKISTANI.family, 1)
  if (comm === 'chinese') return r.zipf(CHINESE.family, 0.8)
  if (comm === 'bangladeshi') return null
  return null
}

const people = []
let pidN = 0
function person(hh, sex, dob, opts = {}) {
  const p = { pid: `k-p${String(++pidN).padStart(5, '0')}`, hh, sex, dob, comm: hh.comm, note: opts.note || '' }
  const c = hh.comm
  p.given = opts.given ?? given(c, sex)
  if (c === 'pakistani' && sex === 'm' && r.chance(0.6) && !opts.given)
    ((p.middle = p.given), (p.given = 'Muhammad'), (p.called = p.middle))
  if (c === 'chinese' && r.chance(0.5)) p.english = r.pick(CHINESE.english[sex])
  if (!p.middle && (c === 'welsh' || c === 'romanian') && r.chance(0.45)) p.middle = given(c, sex)
  if (p.middle === p.given) p.middle = null
  if (c === 'somali') p.family = opts.family ?? hh.somaliFamily
  else if (c === 'bangladeshi')
    p.family = sex === 'm' ? r.pick(BANGLADESHI.boysFamily) : r.pick(BANGLADESHI.girlsFamily)
  else if (c === 'polish')
    p.family = sex === 'f' ? polishFeminine(opts.family ?? hh.family) : (opts.family ?? hh.family)
  else p.family = opts.family ?? hh.family
  p.nhs = nhsNumber(r, usedNhs)
  p.addrs = hh.addrs
  p.phone = opts.phone !== undefined ? opts.phone : r.chance(0.6) ? newPhone() : hh.phone
  people.push(p)
  return p
}

// households: parents, children, sometimes a grandparent; shared address and phone; 30% moved
const households = []
while (people.length < 2080) {
  const comm = r.weighted(COMMS)
  const hh = { comm, family: familyFor(comm), phone: r.chance(0.7) ? newPhone() : null }
  hh.addrs = [newAddr()]
  if (r.chance(0.3)) hh.addrs.push(newAddr())
  const momY = r.int(1960, 1998)
  const dadG = given(comm === 'bangladeshi' ? 'bangladeshi' : comm, 'm')
  if (comm === 'somali')
    hh.somaliFamily = r.weighted([
      [70, dadG],
      [30, `${dadG} ${r.pick(SOMALI.boys)}`],
    ])
  const single = r.chance(0.25)
  const mom = person(
    hh,
    'f',
    randomDate(r, `${momY}-01-01`, `${momY}-12-31`),
    comm === 'somali'
      ? { family: r.pick(SOMALI.boys) }
      : comm === 'pakistani' && r.chance(0.3)
        ? { family: r.pick(PAKISTANI.femaleOnly) }
        : {},
  )
  let dad = null
  if (!single) {
    const y = momY - r.int(-2, 6)
    dad = person(
      hh,
      'm',
      randomDate(r, `${y}-01-01`, `${y}-12-31`),
      comm === 'somali' ? { given: dadG, family: r.pick(SOMALI.boys) } : {},
    )
  }
  const nk =
    momY > 1990
      ? r.int(0, 2)
      : r.weighted([
          [15, 0],
          [30, 1],
          [30, 2],
          [17, 3],
          [8, 4],
        ])
  let t = Math.max(momY + 19, 1985)
  for (let i = 0; i < nk; i++) {
    t += r.int(1, 4)
    if (t > 2021) break
    const sex = r.chance(0.5) ? 'm' : 'f'
    const dob = randomDate(r, `${t}-01-01`, `${t}-12-31`)
    const opts = {}
    if (dad && sex === 'm' && comm !== 'pakistani' && comm !== 'somali' && r.chance(0.1))
      ((opts.given = dad.given), (opts.note = 'father/son namesake'))
    if (sex === 'f' && comm === 'welsh' && r.chance(0.04))
      ((opts.given = mom.given), (opts.note = 'mother/daughter namesake'))
    const c = person(hh, sex, dob, opts)
    if (r.chance(0.045)) {
      const s2 = r.chance(0.6) ? sex : sex === 'm' ? 'f' : 'm'
      const tw = person(hh, s2, dob, { note: 'twin' })
      if (tw.given === c.given) tw.given = given(comm, s2)
      if (comm === 'welsh' && r.chance(0.4)) {
        const pool = (s2 === 'm' ? ENGLISH.boys : ENGLISH.girls).filter((g) => g[0] === c.given[0] && g !== c.given)
        if (pool.length) tw.given = r.pick(pool)
      }
      c.note = c.note || 'twin'
    }
  }
  if (r.chance(0.08)) {
    const y = momY - r.int(22, 30)
    person(hh, r.chance(0.6) ? 'f' : 'm', randomDate(r, `${y}-01-01`, `${y}-12-31`), {
      note: 'grandparent',
      family: comm === 'somali' ? r.pick(SOMALI.boys) : undefined,
    })
  }
  households.push(hh)
}
// unrelated namesakes: common names given to someone else born the same year
const NAMESAKES = [
  ['Rhys', 'Jones', 'm', 'welsh'],
  ['Emily', 'Davies', 'f', 'welsh'],
  ['Mohamed', 'Ali', 'm', 'somali'],
  ['Muhammad', 'Khan', 'm', 'pakistani'],
  ['Megan', 'Williams', 'f', 'welsh'],
  ['Thomas', 'Evans', 'm', 'welsh'],
  ['Fatima', 'Begum', 'f', 'bangladeshi'],
  ['Jakub', 'Nowak', 'm', 'polish'],
  ['Sian', 'Thomas', 'f', 'welsh'],
  ['Wei', 'Chen', 'm', 'chinese'],
]
for (const [g, f, sex, comm] of NAMESAKES)
  for (let k = 0; k < r.int(2, 3); k++) {
    const y = r.int(1995, 2012)
    const hh = { comm, family: f, somaliFamily: f, phone: newPhone(), addrs: [newAddr()] }
    for (let j = 0; j < 2; j++) {
      const p = person(hh, sex, randomDate(r, `${y}-01-01`, `${y}-12-31`), {
        given: g,
        family: f,
        note: `namesake ${g} ${f} ${y}`,
      })
      if (comm === 'pakistani') p.middle = null
      if (j === 0) hh.addrs = [newAddr()]
    }
  }

const SOURCES = {
  gp: {
    nhs: 0.92,
    nick: 0.02,
    translit: 0.15,
    dia: 0.5,
    caps: 0.02,
    typo: 0.03,
    swap: 0.03,
    dobMiss: 0.01,
    dobErr: 0.03,
    dobPart: 0,
    addr: 0.98,
    stale: 0.25,
    phone: 0.6,
    middle: 0.6,
  },
  council: {
    nhs: 0.05,
    nick: 0.05,
    translit: 0.3,
    dia: 0.2,
    caps: 0.2,
    typo: 0.06,
    swap: 0.06,
    dobMiss: 0.2,
    dobErr: 0.05,
    dobPart: 0.1,
    jan1: 0.08,
    addr: 1,
    stale: 0.05,
    phone: 0.5,
    middle: 0.1,
  },
  police: {
    nhs: 0,
    nick: 0.25,
    translit: 0.45,
    dia: 0.05,
    caps: 0.4,
    typo: 0.08,
    swap: 0.1,
    dobMiss: 0.08,
    dobErr: 0.1,
    dobPart: 0.02,
    addr: 0.7,
    stale: 0.2,
    phone: 0.35,
    middle: 0.05,
  },
  school: {
    nhs: 0.1,
    nick: 0.2,
    translit: 0.2,
    dia: 0.6,
    caps: 0.02,
    typo: 0.02,
    swap: 0.02,
    dobMiss: 0.01,
    dobErr: 0.02,
    dobPart: 0,
    addr: 0.95,
    stale: 0.1,
    phone: 0.8,
    middle: 0.2,
    childOnly: true,
  },
  charity: {
    nhs: 0,
    nick: 0.5,
    translit: 0.4,
    dia: 0.1,
    caps: 0.05,
    typo: 0.1,
    swap: 0.05,
    dobMiss: 0.3,
    dobErr: 0.06,
    dobPart: 0.2,
    jan1: 0.05,
    addr: 0.5,
    stale: 0.2,
    phone: 0.6,
    middle: 0,
    initial: 0.1,
  },
}
const variant = (comm, s) => {
  const t = TABLE[comm]?.variants || {}
  const v = t[s] || WELSH.variants[s] || ENGLISH.variants[s] || PAKISTANI.variants[s] || SOMALI.variants[s]
  return v ? r.pick(v) : s
}
const nickOf = (comm, s) => {
  const v = TABLE[comm]?.nick?.[s] || ENGLISH.nick[s] || WELSH.nick[s]
  return v ? r.pick(v) : s
}
function render(p, src) {
  const S = SOURCES[src]
  let g = p.given,
    f = p.family,
    other = []
  if (p.called && r.chance(src === 'gp' ? 0.2 : 0.7)) g = p.called
  else if (p.middle && r.chance(S.middle)) g = `${g} ${p.middle}`
  if (p.english && r.chance(src === 'school' || src === 'charity' ? 0.7 : 0.3)) {
    if (r.chance(0.5)) other.push(`${p.given} ${p.family}`)
    g = p.english
  }
  if (r.chance(S.nick)) g = nickOf(p.comm, g)
  if (r.chance(S.translit))
    g = g
      .split(' ')
      .map((w) => variant(p.comm, w))
      .join(' ')
  if (f && r.chance(S.translit))
    f = f
      .split(' ')
      .map((w) => variant(p.comm, w))
      .join(' ')
  if (p.comm === 'somali' && f && f.includes(' ') && r.chance(0.4)) f = r.pick(f.split(' '))
  if (p.comm === 'polish' && p.sex === 'f' && r.chance(0.08)) f = p.hh.family
  if (!r.chance(S.dia)) ((g = stripDia(g)), (f = stripDia(f)))
  if (r.chance(S.typo)) g = typo(r, g)
  if (f && r.chance(S.typo)) f = typo(r, f)
  if (p.note === 'father/son namesake' && r.chance(0.25)) f = `${f} Jnr`
  if (S.initial && f && r.chance(S.initial)) f = f[0]
  if (r.chance(S.caps)) ((g = g.toUpperCase()), (f = f && f.toUpperCase()))
  if ((p.comm === 'chinese' ? 0.3 : S.swap) > r.next() && f) [g, f] = [f, g]
  let dob = p.dob
  const k = r.weighted([
    [S.dobMiss, 'miss'],
    [S.dobErr, 'err'],
    [S.dobPart, 'part'],
    [S.jan1 ?? 0, 'jan1'],
    [1, 'ok'],
  ])
  if (k === 'miss') dob = ''
  else if (k === 'err') dob = dobError(r, p.dob, r.pick(['swap', 'swap', 'year', 'day']))
  else if (k === 'part') dob = r.chance(0.5) ? p.dob.slice(0, 4) : p.dob.slice(0, 7)
  else if (k === 'jan1') dob = `${p.dob.slice(0, 4)}-01-01`
  if (dob.length === 10 && src === 'council' && r.chance(0.2))
    dob = `${dob.slice(8, 10)}/${dob.slice(5, 7)}/${dob.slice(0, 4)}`
  const a = r.chance(S.stale) && p.addrs.length > 1 ? p.addrs[0] : p.addrs[p.addrs.length - 1]
  const hasAddr = r.chance(S.addr)
  let line = hasAddr ? a.line : ''
  if (line && r.chance(0.35))
    for (const [full, ab] of STREET_KIND) line = line.replace(new RegExp(` ${full}$`), ` ${ab}`)
  let pc = hasAddr ? a.postcode : ''
  if (pc && r.chance(0.2)) pc = pc.replace(' ', '')
  if (pc && r.chance(0.1)) pc = pc.toLowerCase()
  const phone = r.chance(S.phone) ? (p.phone ?? p.hh.phone ?? '') : ''
  const nhs = r.chance(S.nhs) ? (r.chance(0.4) ? spacedNhs(p.nhs) : p.nhs) : ''
  const sex = r.chance(0.9) ? (p.sex === 'm' ? 'male' : 'female') : ''
  const row = {
    given_name: g,
    family_name: f ?? '',
    other_names: other.join(';'),
    date_of_birth: dob,
    sex,
    address_line: line,
    town: hasAddr && r.chance(0.8) ? TOWN : '',
    postcode: pc,
    phone: phone ? (r.chance(0.2) ? phone.replace(/ /g, '') : phone) : '',
    nhs_number: nhs,
  }
  // a careful human must be able to find the person: never a bare name
  const ev =
    (row.family_name.length > 1 ? 2 : 0) +
    (row.date_of_birth.length >= 10 ? 2 : row.date_of_birth ? 1 : 0) +
    (row.address_line ? 1.5 : row.postcode ? 1 : 0) +
    (row.nhs_number ? 3 : 0) +
    (row.phone ? 1 : 0)
  if (ev < 3.5) {
    row.date_of_birth = p.dob
    if (row.family_name.length <= 1) row.family_name = stripDia(p.family ?? '')
  }
  return row
}

// how many records each person has (about 3,000 rows, about 1,000 true pairs)
const rows = []
const usedIds = new Set()
const newId = () => {
  for (;;) {
    const s = `K${r.int(100000, 999999)}`
    if (!usedIds.has(s)) return (usedIds.add(s), s)
  }
}
for (const p of people) {
  const age = 2024 - Number(p.dob.slice(0, 4))
  const srcs = Object.keys(SOURCES).filter((s) => !(SOURCES[s].childOnly && (age < 4 || age > 17)))
  let n = r.weighted([
    [61, 1],
    [35, 2],
    [4, 3],
  ])
  if (p.note === 'twin' || p.note.startsWith('namesake')) n = Math.max(n, r.chance(0.7) ? 2 : 1)
  const chosen = r.shuffle(srcs).slice(0, n)
  if (n >= 2 && r.chance(0.08)) chosen[1] = chosen[0] // a duplicate within one source
  for (const s of chosen) rows.push({ id: newId(), p, src: s, row: render(p, s) })
}
const shuffled = r.shuffle(rows)
mkdirSync(out, { recursive: true })
const COLS = [
  'record_id',
  'given_name',
  'family_name',
  'other_names',
  'date_of_birth',
  'sex',
  'address_line',
  'town',
  'postcode',
  'phone',
  'nhs_number',
]
writeFileSync(
  join(out, 'k.csv'),
  [COLS.join(','), ...shuffled.map((x) => csvLine([x.id, ...COLS.slice(1).map((c) => x.row[c])]))].join('\n') + '\n',
)
const byP = new Map()
for (const x of shuffled) {
  if (!byP.has(x.p.pid)) byP.set(x.p.pid, [])
  byP.get(x.p.pid).push(x.id)
}
const pairs = []
for (const ids of byP.values())
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) pairs.push([ids[i], ids[j]])
writeFileSync(join(out, 'k.truth-pairs.csv'), ['id_a,id_b', ...pairs.map((x) => x.join(','))].join('\n') + '\n')
writeFileSync(
  join(out, 'k.truth-people.csv'),
  ['record_id,person_id,source,note', ...shuffled.map((x) => csvLine([x.id, x.p.pid, x.src, x.p.note]))].join('\n') +
    '\n',
)
const multi = [...byP.values()].filter((v) => v.length > 1).length
console.log(
  JSON.stringify({
    rows: rows.length,
    people: people.length,
    people_with_2plus: multi,
    true_pairs: pairs.length,
    twins: people.filter((p) => p.note === 'twin').length,
    father_son: people.filter((p) => p.note === 'father/son namesake').length,
    mother_daughter: people.filter((p) => p.note === 'mother/daughter namesake').length,
    namesakes: people.filter((p) => p.note.startsWith('namesake')).length,
    by_comm: Object.fromEntries(COMMS.map(([, c]) => [c, people.filter((p) => p.comm === c).length])),
  }),
)
