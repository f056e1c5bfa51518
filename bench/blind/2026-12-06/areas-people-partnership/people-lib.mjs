// Generator of a people set for `threadline link` (one CSV with Threadline person columns, and the
// truth pairs: every pair of records of one true person). Used by people-h.mjs and people-i.mjs.
import { writeFileSync } from 'node:fs'
import { rng, nhsNumber, ymd, pad, addD, randDate, typo, stripAccents, swapDayMonth, NICK, TRANSLIT, SURNAME_VARIANTS, csvCell } from './lib.mjs'
import { CULTURES } from './area-lib.mjs'

const COLS = ['record_id', 'given_name', 'family_name', 'other_names', 'date_of_birth', 'sex', 'address_line', 'town', 'postcode', 'phone', 'nhs_number']
const KINDS = ['Street', 'Road', 'Lane', 'Close', 'Avenue', 'Way', 'Terrace', 'Court', 'Gardens', 'Row']

export function generatePeople(cfg) {
  const R = rng(cfg.seed)
  const pick = (list) => {
    let tot = list.reduce((s, [, w]) => s + w, 0), x = R.next() * tot
    for (const [k, w] of list) if ((x -= w) <= 0) return k
    return list[0][0]
  }
  const streets = cfg.streets.map((s) => `${s} ${R.pick(KINDS)}`)
  const towns = cfg.towns
  const mkAddr = () => {
    const t = R.pick(towns)
    return { line: `${R.chance(0.1) ? `Flat ${R.int(1, 9)}, ` : ''}${R.int(1, 150)} ${R.pick(streets)}`, town: t[0], postcode: `${R.pick(t[1])} ${R.int(1, 9)}${R.pick('ABDEFGHJLNPQRSTUWXYZ'.split(''))}${R.pick('ABDEFGHJLNPQRSTUWXYZ'.split(''))}` }
  }
  const phone = () => `07700 900${String(R.int(0, 999)).padStart(3, '0')}`
  const persons = []
  let pn = 0
  const P = (o) => { const p = { pid: ++pn, nhs: nhsNumber(R), phone: R.chance(0.6) ? phone() : null, ...o }; persons.push(p); return p }
  const given = (C, sex, avoid = []) => { for (let i = 0; i < 20; i++) { const g = R.zipf(C[sex === 'female' ? 'f' : 'm'], cfg.zipfGiven); if (!avoid.includes(g)) return g } return R.pick(C[sex === 'female' ? 'f' : 'm']) }
  const FEM = (s) => s.replace(/ski$/, 'ska').replace(/cki$/, 'cka')

  // households
  while (persons.length < cfg.persons) {
    const cult = pick(cfg.cultures)
    const C = CULTURES[cult]
    const fam = R.zipf(C.s, cfg.zipfFamily)
    const addrs = [mkAddr()]
    if (R.chance(cfg.moveRate)) addrs.push(mkAddr())
    if (R.chance(cfg.moveRate / 3)) addrs.push(mkAddr())
    const h = { cult, addrs }
    const shape = R.next()
    const motherDob = randDate(R, 1955, 1995)
    const mother = P({ sex: 'female', given: given(C, 'female'), family: C.motherSurname && R.chance(0.5) ? R.pick(C.motherSurname) : C.feminine ? FEM(fam) : fam, dob: ymd(motherDob), h, maiden: cult === 'british' && R.chance(0.3) ? R.pick(C.s) : null })
    let father = null
    if (shape < 0.65) {
      const fg = R.chance(cfg.srRate) ? null : given(C, 'male')
      father = P({ sex: 'male', given: fg || given(C, 'male'), family: fam, dob: ymd(randDate(R, 1950, 1993)), h })
    }
    const nk = R.zipf([0, 1, 2, 3, 4], 0.9)
    const kids = []
    let d = addD(motherDob, R.int(18 * 365, 26 * 365))
    for (let k = 0; k < nk; k++) {
      const twin = k > 0 && R.chance(cfg.twinRate)
      const dob = twin ? kids[k - 1].dobD : addD(d, k === 0 ? 0 : R.int(300, 1600))
      if (dob.getUTCFullYear() > 2023) break
      d = dob
      const sex = R.chance(0.5) ? 'female' : 'male'
      let g
      if (k === 0 && sex === 'male' && father && R.chance(cfg.srRate)) g = father.given // Jr/Sr namesake
      else if (k === 0 && sex === 'female' && R.chance(cfg.srRate * 0.7)) g = mother.given // mother/daughter namesake
      else if (twin && R.chance(0.3)) g = similarName(R, kids[k - 1].given, C, sex)
      else g = given(C, sex, kids.map((x) => x.given))
      const kid = P({ sex, given: g, family: C.feminine && sex === 'female' ? FEM(fam) : cult === 'british' && R.chance(0.1) ? `${fam}-${R.pick(C.s)}` : fam, dob: ymd(dob), dobD: dob, h, middle: R.chance(0.3) && C.mid ? R.pick(C.mid) : null })
      if (g === father?.given && k === 0 && sex === 'male') kid.suffix = true
      kids.push(kid)
    }
    if (R.chance(0.08)) P({ sex: R.chance(0.5) ? 'female' : 'male', given: given(C, 'female'), family: fam, dob: ymd(randDate(R, 1930, 1955)), h })
  }
  // fix grandparent sex/given consistency
  for (const p of persons) if (p.sex === 'male' && CULTURES[p.h.cult].f.includes(p.given) && !CULTURES[p.h.cult].m.includes(p.given)) p.given = R.pick(CULTURES[p.h.cult].m)

  // records
  const rows = []
  const byPerson = new Map()
  const ids = R.shuffle([...Array(cfg.persons * 6).keys()].map((i) => i + 100000))
  let idi = 0
  const STY = cfg.styles
  for (const p of persons) {
    const n = R.zipf(cfg.recordsPerPerson, 0.9)
    for (let i = 0; i < n; i++) {
      const st = pick(STY.map((s) => [s, s.w]))
      const r = render(R, p, st, cfg)
      r.record_id = `${cfg.idPrefix}${ids[idi++]}`
      rows.push(r)
      if (!byPerson.has(p.pid)) byPerson.set(p.pid, [])
      byPerson.get(p.pid).push(r.record_id)
    }
  }
  const order = R.shuffle(rows)
  writeFileSync(cfg.out, COLS.join(',') + '\n' + order.map((r) => COLS.map((c) => csvCell(r[c])).join(',')).join('\n') + '\n')
  const pairs = []
  for (const recs of byPerson.values()) for (let i = 0; i < recs.length; i++) for (let j = i + 1; j < recs.length; j++) pairs.push([recs[i], recs[j]])
  writeFileSync(cfg.out.replace(/\.csv$/, '.truth-pairs.csv'), 'id_a,id_b\n' + pairs.map((x) => x.join(',')).join('\n') + '\n')
  const st = { rows: rows.length, persons: persons.length, persons_with_2plus_records: [...byPerson.values()].filter((x) => x.length > 1).length, true_pairs: pairs.length }
  console.log(JSON.stringify(st))
  return st
}

function similarName(R, g, C, sex) {
  const sim = { Callum: 'Connor', Connor: 'Callum', Jayden: 'Jaydon', Lily: 'Lilly', Ellie: 'Ella', Aaron: 'Adam', Adam: 'Aaron', Olivia: 'Oliver', Mason: 'Morgan', Harry: 'Harvey', Hassan: 'Hussain', Hussain: 'Hassan', Aisha: 'Ayesha', Amelia: 'Amelie', Leah: 'Lea', Megan: 'Morgan', Mia: 'Maya', Sophie: 'Sophia', Katie: 'Kacie' }
  if (sim[g]) return sim[g]
  if (g.match(/^M[uo]hamm/)) return `${g} ${R.pick(['Ali', 'Umar', 'Zain', 'Hamza'])}`
  return R.pick(C[sex === 'female' ? 'f' : 'm'])
}

function render(R, p, S, cfg) {
  let given = p.given
  let other = ''
  if (TRANSLIT[given] && R.chance(S.translit)) given = R.pick(TRANSLIT[given])
  if (NICK[p.given] && R.chance(S.nick)) { if (R.chance(0.3)) other = R.pick(NICK[p.given]); else given = R.pick(NICK[p.given]) }
  if (p.middle && R.chance(S.middle)) given = `${given} ${p.middle}`
  if (R.chance(S.accent)) given = stripAccents(given)
  let family = p.family
  if (p.maiden && R.chance(0.25)) family = R.chance(0.5) ? p.maiden : `${p.maiden}-${p.family}`
  if (family.includes('-') && R.chance(0.45)) family = R.pick(family.split('-').concat([family.replace('-', ' ')]))
  if (SURNAME_VARIANTS[family] && R.chance(S.translit)) family = R.pick(SURNAME_VARIANTS[family])
  if (R.chance(S.accent)) family = stripAccents(family)
  if (p.suffix && R.chance(0.3)) given = `${given} Jr`
  if (R.chance(S.typo)) R.chance(0.5) ? (given = typo(R, given)) : (family = typo(R, family))
  if (R.chance(S.typo / 2)) family = typo(R, family)
  if (R.chance(S.swap)) [given, family] = [family, given]
  if (R.chance(S.upper)) (given = given.toUpperCase()), (family = family.toUpperCase())
  if (R.chance(S.blankGiven)) given = given[0]
  let dob = p.dob
  const x = R.next()
  const D = S.dob
  if (x < D.missing) dob = ''
  else if (x < D.missing + D.swap) dob = swapDayMonth(dob) || dob
  else if (x < D.missing + D.swap + D.typo) {
    const [y, m, d] = dob.split('-')
    const k = R.int(0, 3)
    dob = k === 0 ? `${Number(y) + R.pick([-1, 1, 10])}-${m}-${d}` : k === 1 ? `${y}-${m}-${pad(Math.min(31, Math.max(1, Number(d) + R.pick([-1, 1, 10]))))}` : k === 2 ? `${y}-${pad(Math.min(12, Math.max(1, Number(m) + R.pick([-1, 1]))))}-${d}` : `${y}-${m}-${pad(Number(d) === 28 ? 30 : 31)}`
  } else if (x < D.missing + D.swap + D.typo + D.jan1) dob = `${dob.slice(0, 4)}-01-01`
  else if (x < D.missing + D.swap + D.typo + D.jan1 + D.partial) dob = R.chance(0.5) ? dob.slice(0, 7) : dob.slice(0, 4)
  const addr = R.chance(S.oldAddr) ? p.h.addrs[0] : p.h.addrs[p.h.addrs.length - 1]
  const r = { given_name: given, family_name: family, other_names: other, date_of_birth: dob, sex: R.chance(S.sex) ? p.sex : '' }
  if (R.chance(S.addr)) {
    r.address_line = R.chance(S.typo) ? typo(R, addr.line) : R.chance(0.2) ? addr.line.replace(/ (Street|Road|Lane|Avenue)$/, (m) => ({ ' Street': ' St', ' Road': ' Rd', ' Lane': ' Ln', ' Avenue': ' Ave' })[m]) : addr.line
    r.town = R.chance(0.85) ? addr.town : ''
    r.postcode = R.chance(0.9) ? (R.chance(0.2) ? addr.postcode.replace(' ', '').toLowerCase() : addr.postcode) : ''
    if (r.postcode && R.chance(S.typo / 2)) r.postcode = typo(R, r.postcode)
  } else if (R.chance(0.3)) r.postcode = addr.postcode
  if (p.phone && R.chance(S.phone)) r.phone = R.chance(0.3) ? p.phone.replace(' ', '') : p.phone
  if (R.chance(S.nhs)) r.nhs_number = R.chance(0.03) ? p.nhs.slice(0, 9) + ((Number(p.nhs[9]) + 1) % 10) : p.nhs
  return r
}
