#!/usr/bin/env node
// people/m.csv (+ m.truth-pairs.csv, m.truth-people.csv): "Dewsholme", a West Yorkshire town, about
// 2,000 records of about 1,050 people in households. Seed 60071207. Usage: node gen-people-m.mjs [outdir]
import { rng, nhsNumber, csvLine, writeOut } from './lib.mjs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const out = process.argv[2] ?? join(here, 'people')
const r = rng(60071207)

const G = {
  wb: { w: 48, girls: ['Olivia', 'Amelia', 'Isla', 'Ava', 'Emily', 'Lily', 'Sophie', 'Grace', 'Ellie', 'Chloe', 'Jessica', 'Katherine', 'Elizabeth', 'Megan', 'Holly', 'Evie', 'Ruby', 'Lacey', 'Paige', 'Abigail'], boys: ['Jack', 'Oliver', 'Harry', 'George', 'Charlie', 'Thomas', 'William', 'Daniel', 'James', 'Alexander', 'Joshua', 'Jonathan', 'Callum', 'Aiden', 'Liam', 'Ryan', 'Kieran', 'Matthew', 'Samuel', 'Lewis'], women: ['Sarah', 'Joanne', 'Michelle', 'Lisa', 'Kelly', 'Claire', 'Nicola', 'Emma', 'Donna', 'Karen', 'Gemma', 'Margaret'], men: ['Paul', 'Mark', 'David', 'Lee', 'Darren', 'Andrew', 'Craig', 'Steven', 'Gary', 'Wayne', 'Jack', 'Thomas'], families: ['Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Walker', 'Wood', 'Robinson', 'Thompson', 'Wright', 'Holroyd', 'Sutcliffe', 'Firth', 'Haigh', 'Lockwood', 'Sykes', 'Bottomley', 'Greenwood', 'Mitchell', 'Hirst', 'Brook', 'Shaw', 'Jagger', 'Armitage'] },
  pk: { w: 20, girls: ['Aisha', 'Ayesha', 'Maryam', 'Zainab', 'Fatima', 'Hafsa', 'Amina', 'Iqra', 'Safa', 'Khadijah'], boys: ['Mohammed', 'Muhammad', 'Ibrahim', 'Yusuf', 'Hamza', 'Abdullah', 'Bilal', 'Zayn', 'Hassan', 'Hussain', 'Ali', 'Ayaan'], women: ['Nasreen', 'Shazia', 'Rubina', 'Samina', 'Aisha', 'Parveen'], men: ['Mohammed', 'Muhammad', 'Tariq', 'Imran', 'Khalid', 'Zahid', 'Shahid'], families: ['Khan', 'Hussain', 'Ahmed', 'Akhtar', 'Iqbal', 'Mahmood', 'Shah', 'Bibi', 'Begum', 'Riaz', 'Ali', 'Rashid'] },
  in: { w: 6, girls: ['Priya', 'Anjali', 'Riya', 'Diya'], boys: ['Arjun', 'Rohan', 'Dev', 'Krish'], women: ['Hema', 'Nisha', 'Bhavna'], men: ['Rajesh', 'Sanjay', 'Vijay'], families: ['Patel', 'Mistry', 'Parmar', 'Solanki'] },
  pl: { w: 6, girls: ['Zuzanna', 'Julia', 'Maja', 'Natalia'], boys: ['Jakub', 'Szymon', 'Kacper', 'Michał'], women: ['Agnieszka', 'Katarzyna', 'Anna'], men: ['Tomasz', 'Piotr', 'Marek'], families: ['Nowak', 'Kowalski', 'Wiśniewski', 'Zieliński', 'Lewandowski'] },
  tr: { w: 6, girls: ['Mary', 'Bridget', 'Margaret', 'Kathleen', 'Ellen'], boys: ['Patrick', 'John', 'Michael', 'Thomas', 'Martin'], women: ['Mary', 'Bridget', 'Margaret', 'Kathleen'], men: ['Patrick', 'John', 'Michael', 'Thomas', 'Martin'], families: ['Ward', 'McDonagh', 'Connors', 'Maughan', 'Joyce', 'Doherty'] },
  af: { w: 5, girls: ['Blessing', 'Favour', 'Chiamaka', 'Hodan'], boys: ['David', 'Emmanuel', 'Samuel', 'Abdirahman'], women: ['Grace', 'Ngozi', 'Fartun'], men: ['Olu', 'Chidi', 'Abdi'], families: ['Okafor', 'Adeyemi', 'Mohamed', 'Osei', 'Farah'] },
  bd: { w: 4, girls: ['Tahmina', 'Sumaiya', 'Fahima'], boys: ['Rahim', 'Sabbir', 'Abdul'], women: ['Rehana', 'Shirin'], men: ['Abdul', 'Jamal'], families: ['Miah', 'Uddin', 'Rahman', 'Islam'] },
  ro: { w: 5, girls: ['Ana', 'Maria', 'Ioana', 'Bianca'], boys: ['Andrei', 'Ionuț', 'Florin', 'Gabriel'], women: ['Elena', 'Mihaela'], men: ['Vasile', 'Marian'], families: ['Popescu', 'Stoica', 'Dumitru', 'Lăcătuș', 'Rostas'] },
}
const NICK = { William: ['Will', 'Bill', 'Billy'], Elizabeth: ['Beth', 'Lizzie', 'Libby'], Mohammed: ['Mo', 'Mohd'], Muhammad: ['Mo', 'Mohammad'], Alexander: ['Alex', 'Xander'], Katherine: ['Kate', 'Katie', 'Kathy'], Daniel: ['Dan', 'Danny'], Thomas: ['Tom', 'Tommy'], Margaret: ['Maggie', 'Peggy'], Patrick: ['Paddy', 'Pat'], Jonathan: ['Jon', 'Jonny'], Abdullah: ['Abdul'], Olivia: ['Liv', 'Livvy'], Jessica: ['Jess'], Abigail: ['Abbie'], Samuel: ['Sam'], Matthew: ['Matt'], Joshua: ['Josh'], James: ['Jamie', 'Jim'], Michael: ['Mick', 'Mikey'], John: ['Johnny', 'Jack'], Bridget: ['Bridie'], Kathleen: ['Kath'], Christopher: ['Chris'], Jakub: ['Kuba'], Zuzanna: ['Zuza'], Ibrahim: ['Ibby'], Emmanuel: ['Manny'], Andrew: ['Andy'], Steven: ['Steve'], David: ['Dave'], Nicola: ['Nicky'], Gemma: ['Gem'], Amelia: ['Millie'] }
const SPELL = { Mohammed: ['Muhammad', 'Mohammad', 'Mohamed'], Muhammad: ['Mohammed', 'Muhammed'], Aisha: ['Ayesha', 'Aysha'], Ayesha: ['Aisha'], Hussain: ['Hussein', 'Husain'], Yusuf: ['Yousuf', 'Yusef'], Zainab: ['Zaynab'], Khadijah: ['Khadija'], Aiden: ['Aidan'], Callum: ['Calum'], Lewis: ['Louis'], Zayn: ['Zain'], Hafsa: ['Hafsah'], Abdirahman: ['Abdurahman'], Chiamaka: ['Chiamaka'], McDonagh: ['McDonough', 'MacDonagh'], Maughan: ['Maughn'], Wiśniewski: ['Wisniewski'], Zieliński: ['Zielinski'], Lăcătuș: ['Lacatus'], 'Ionuț': ['Ionut'], Michał: ['Michal'] }
const TWIN = { Ellie: 'Ella', Jack: 'Jake', Aiden: 'Aidan', Amelia: 'Amelie', Hassan: 'Hussain', Olivia: 'Sophia', Harry: 'Henry', Mary: 'Margaret', Zainab: 'Zara', Jakub: 'Filip', Ryan: 'Rhys', Grace: 'Faith' }
const STREETS = ['Halifax Road', 'Bradford Road', 'Savile Street', 'Crow Nest Lane', 'Ravens Avenue', 'Wakefield Old Road', 'Chapel Fold', 'Mill Bank', 'Northgate', 'Pilgrim Drive', 'Warren Street', 'Thornhill Lees Road', 'Boothroyd Lane', 'Church Street', 'Oxford Road', 'Westgate', 'Moorlands Road', 'Scout Hill Road']
const PCS = ['WF12', 'WF13', 'WF13', 'WF12', 'WF14', 'WF17', 'BD19']
const pad = (n) => String(n).padStart(2, '0')
const L = 'ABDEFGHJLNPQRSTUWXYZ'
const addr = () => ({ line: `${r.int(1, 220)} ${r.pick(STREETS)}`, town: r.chance(0.85) ? 'Dewsholme' : r.pick(['Batley', 'Mirfield', 'Heckmondwike']), pc: `${r.pick(PCS)} ${r.int(1, 9)}${r.pick(L)}${r.pick(L)}` })
const ph = () => `07700 900${String(r.int(0, 999)).padStart(3, '0')}`
const dob = (y0, y1) => `${r.int(y0, y1)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`

const people = []
let pid = 0
const mk = (o) => { const p = { id: `P${String(++pid).padStart(5, '0')}`, nhs: nhsNumber(r), ...o }; people.push(p); return p }

// households
for (let h = 0; h < 240; h++) {
  const gk = r.weighted(Object.entries(G).map(([k, v]) => [k, v.w]))
  const g = G[gk]
  const fam = r.pick(g.families)
  const a = addr()
  const old = r.chance(0.3) ? addr() : null
  const tel = r.chance(0.6) ? ph() : null
  const hh = { a, old, tel, id: h }
  const mum = mk({ given: r.pick(g.women), family: gk === 'pk' || gk === 'bd' ? r.pick(['Begum', 'Bibi', fam]) : fam, maiden: gk === 'wb' && r.chance(0.3) ? r.pick(G.wb.families) : null, sex: 'female', dob: dob(1972, 1995), hh, g: gk, note: 'mother' })
  let dad = null
  if (r.chance(0.7)) dad = mk({ given: r.pick(g.men), family: fam, sex: 'male', dob: dob(1968, 1993), hh, g: gk, note: 'father' })
  const nk = r.weighted([[0, 10], [1, 25], [2, 30], [3, 22], [4, 13]])
  let y = r.int(2006, 2012)
  for (let k = 0; k < nk; k++) {
    const sex = r.chance(0.5) ? 'female' : 'male'
    let given = r.pick(sex === 'female' ? g.girls : g.boys)
    // father/son and mother/daughter namesakes (often in Traveller families)
    let note = 'child'
    if (k === 0 && dad && sex === 'male' && r.chance(gk === 'tr' ? 0.6 : gk === 'pk' ? 0.25 : 0.08)) { given = dad.given; note = 'son, namesake of father' }
    if (k === 0 && sex === 'female' && mum.family === fam && r.chance(gk === 'tr' ? 0.5 : 0.05)) { given = mum.given; note = 'daughter, namesake of mother' }
    const d = `${y}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`
    const c = mk({ given, family: fam, sex, dob: d, hh, g: gk, note, jnr: note.includes('namesake') })
    if (k < nk - 1 && r.chance(0.09)) {
      // twins: same surname, date of birth and address
      const sex2 = r.chance(0.5) ? sex : (sex === 'female' ? 'male' : 'female')
      let g2 = sex2 === sex && TWIN[given] && r.chance(0.6) ? TWIN[given] : r.pick(sex2 === 'female' ? g.girls : g.boys)
      while (g2 === given) g2 = r.pick(sex2 === 'female' ? g.girls : g.boys)
      mk({ given: g2, family: fam, sex: sex2, dob: d, hh, g: gk, note: `twin of ${c.id}` })
      c.note = 'twin'
      k++
    }
    y += r.int(1, 3)
  }
  if (r.chance(0.08)) mk({ given: r.pick(g.men), family: fam, sex: 'male', dob: dob(1940, 1960), hh, g: gk, note: 'grandfather' })
}
// very common names, unrelated, born weeks apart in the same town
const COMMON = [['Mohammed', 'Khan', 'male', 'pk', 6], ['Jack', 'Smith', 'male', 'wb', 5], ['Olivia', 'Jones', 'female', 'wb', 5], ['Muhammad', 'Hussain', 'male', 'pk', 4], ['Aisha', 'Begum', 'female', 'bd', 4], ['Amelia', 'Taylor', 'female', 'wb', 4], ['Mary', 'Ward', 'female', 'tr', 3], ['Oliver', 'Brown', 'male', 'wb', 3]]
for (const [given, family, sex, gk, n] of COMMON) {
  const base = Date.UTC(r.int(2008, 2013), r.int(0, 11), r.int(1, 28))
  const street = r.pick(STREETS)
  for (let k = 0; k < n; k++) {
    const d = new Date(base + r.int(0, 70) * 86400000).toISOString().slice(0, 10)
    const a = addr()
    if (k < 2) a.line = `${r.int(1, 200)} ${street}` // two on one street
    mk({ given, family, sex, dob: d, hh: { a, old: r.chance(0.2) ? addr() : null, tel: r.chance(0.5) ? ph() : null }, g: gk, note: 'common name' })
  }
}

// ---- records ----
const typo = (s) => {
  if (s.length < 4) return s
  const i = r.int(1, s.length - 2)
  const k = r.int(0, 3)
  if (k === 0) return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2)
  if (k === 1) return s.slice(0, i) + s.slice(i + 1)
  if (k === 2) return s.slice(0, i) + s[i] + s.slice(i)
  const v = 'aeiou'
  return /[aeiou]/.test(s[i]) ? s.slice(0, i) + v[(v.indexOf(s[i]) + 1) % 5] + s.slice(i + 1) : s.slice(0, i) + s[i] + s[i] + s.slice(i + 1)
}
const SOURCES = ['police', 'csc', 'health', 'school', 'charity', 'housing', 'gp']
const rows = []
for (const p of people) {
  const adult = p.dob < '2000'
  const n = r.weighted([[1, 30], [2, 40], [3, 20], [4, 10]])
  const srcs = r.shuffle(SOURCES.filter((s) => !(adult && s === 'school'))).slice(0, n)
  srcs.forEach((src, k) => {
    const changes = []
    let given = p.given, family = p.family, dobS = p.dob, other = ''
    let a = p.hh.a
    if (k > 0) {
      const x = r.next()
      if (x < 0.22 && NICK[given]) { given = r.pick(NICK[given]); changes.push('nickname') }
      else if (x < 0.34 && SPELL[given]) { given = r.pick(SPELL[given]); changes.push('spelling') }
      else if (x < 0.46) { if (r.chance(0.5)) given = typo(given); else family = typo(family); changes.push('typo') }
      if (r.chance(0.1) && SPELL[family]) { family = r.pick(SPELL[family]); changes.push('surname spelling') }
      if (p.maiden && r.chance(0.5)) { family = p.maiden; changes.push('maiden name') }
      if (p.hh.old && r.chance(0.5)) { a = p.hh.old; changes.push('old address') }
      const y = r.next()
      if (y < 0.08) { dobS = ''; changes.push('no DOB') }
      else if (y < 0.14 && Number(dobS.slice(8)) <= 12 && dobS.slice(8) !== dobS.slice(5, 7)) { dobS = `${dobS.slice(0, 4)}-${dobS.slice(8)}-${dobS.slice(5, 7)}`; changes.push('day/month swapped') }
      else if (y < 0.17) { dobS = `${Number(dobS.slice(0, 4)) + r.pick([-1, 1])}${dobS.slice(4)}`; changes.push('year off by one') }
      if (r.chance(0.04)) { const t = given; given = family; family = t; changes.push('names swapped') }
    }
    if (src === 'police' && r.chance(0.2)) family = family.toUpperCase()
    if (src === 'charity' && NICK[p.given] && r.chance(0.5) && !changes.includes('nickname')) { given = NICK[p.given][0]; changes.push('known-as name') }
    if (src === 'police' && p.jnr && r.chance(0.6)) other = `${p.given} ${p.family} Jnr`
    if (src === 'housing' && p.dob >= '2000' && r.chance(0.6)) { dobS = ''; changes.push('no DOB') }
    const pc = src === 'police' && r.chance(0.3) ? a.pc.toLowerCase().replace(' ', '') : a.pc
    const useAddr = !(src === 'charity' && r.chance(0.5))
    rows.push({
      person: p.id, src, note: [p.note, ...changes].join('; '),
      cells: [given, family, other, dobS, src === 'charity' && r.chance(0.3) ? '' : p.sex, useAddr ? a.line : '', useAddr ? a.town : '', pc, (src === 'charity' || src === 'housing' || r.chance(0.3)) && p.hh.tel ? p.hh.tel : '', (src === 'health' || src === 'gp' || (src === 'csc' && r.chance(0.5))) ? p.nhs : ''],
    })
  })
}
r.shuffle(rows)
const ids = new Set()
for (const row of rows) { let id; do { id = `M${r.int(100000, 999999)}` } while (ids.has(id)); ids.add(id); row.id = id }
writeOut(join(out, 'm.csv'), [csvLine(['record_id', 'given_name', 'family_name', 'other_names', 'date_of_birth', 'sex', 'address_line', 'town', 'postcode', 'phone', 'nhs_number']), ...rows.map((x) => csvLine([x.id, ...x.cells]))].join('\n') + '\n')
const by = new Map()
for (const x of rows) (by.get(x.person) ?? by.set(x.person, []).get(x.person)).push(x.id)
const pairs = []
for (const ids of by.values()) for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) pairs.push(ids[i] < ids[j] ? [ids[i], ids[j]] : [ids[j], ids[i]])
pairs.sort((a, b) => (a[0] + a[1] < b[0] + b[1] ? -1 : 1))
writeOut(join(out, 'm.truth-pairs.csv'), [csvLine(['id_a', 'id_b']), ...pairs.map(csvLine)].join('\n') + '\n')
writeOut(join(out, 'm.truth-people.csv'), [csvLine(['record_id', 'person_id', 'source', 'note']), ...[...rows].sort((a, b) => (a.id < b.id ? -1 : 1)).map((x) => csvLine([x.id, x.person, x.src, x.note]))].join('\n') + '\n')
const multi = [...by.values()].filter((v) => v.length > 1).length
console.log(JSON.stringify({ records: rows.length, people: people.length, peopleWith2plus: multi, truePairs: pairs.length, twins: people.filter((p) => p.note.startsWith('twin')).length, namesakes: people.filter((p) => p.jnr).length, common: people.filter((p) => p.note === 'common name').length }))
