// Household-heavy people sets with truth, for `threadline link` and bench/score-linkage-people.mjs:
// families in one small town drawn from a few communities whose commonest names collide (Khan, Smith,
// Murphy, Nowak; Muhammad, Oliver, Aisha), a daughter named after her mother and a son after his
// father (sometimes "Jr" in one agency's record), twins, siblings with near-identical names, shared
// addresses and household phones, transliterated and anglicised spellings, nicknames, accents dropped,
// placeholder and partial dates, day and month swapped, old addresses, and sparse charity records
// (a name and an approximate age). Seeded.
//   node --import tsx bench/household-people.ts OUT.csv [--households N] [--seed S]
// writes OUT.csv (Threadline person columns) and OUT.truth-pairs.csv (id_a,id_b).
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { seededRandom } from '../src/linkage/random.ts'

interface Community {
  family: string[][] // each entry: spellings of one name
  girls: string[][]
  boys: string[][]
}
const COMMUNITIES: Community[] = [
  {
    family: [['smith'], ['jones'], ['taylor'], ['brown'], ['wilson'], ['evans'], ['walker'], ['wright']],
    girls: [
      ['olivia', 'liv'],
      ['amelia', 'millie', 'amy'],
      ['emily'],
      ['jessica', 'jess'],
      ['chloe', 'chloé', 'zoe'],
      ['sophie', 'sophia'],
      ['lauren'],
      ['katie', 'kate', 'catherine'],
    ],
    boys: [
      ['oliver', 'ollie'],
      ['jack', 'jake'],
      ['thomas', 'tom', 'tommy'],
      ['james', 'jamie', 'jim'],
      ['daniel', 'danny', 'dan'],
      ['joshua', 'josh'],
      ['william', 'will', 'billy'],
      ['jayden', 'jaden', 'jaiden'],
    ],
  },
  {
    family: [
      ['khan'],
      ['ali'],
      ['hussain', 'hussein', 'husain'],
      ['ahmed', 'ahmad'],
      ['begum'],
      ['iqbal'],
      ['shah'],
      ['rahman', 'rehman'],
    ],
    girls: [
      ['aisha', 'ayesha', 'aysha'],
      ['fatima', 'fatimah'],
      ['zainab', 'zaynab'],
      ['maryam', 'mariam'],
      ['aaliyah', 'aliyah', 'aleeyah'],
      ['hafsa', 'hafsah'],
      ['amina', 'aminah'],
      ['noor', 'nur'],
    ],
    boys: [
      ['muhammad', 'mohammed', 'mohamed', 'mohammad'],
      ['yusuf', 'yousef', 'youssef'],
      ['ibrahim', 'ebrahim'],
      ['ali'],
      ['hamza', 'hamzah'],
      ['zakariya', 'zakaria'],
      ['ayaan', 'ayan'],
      ['omar', 'umar'],
    ],
  },
  {
    family: [
      ['murphy'],
      ['kelly'],
      ["o'brien", 'obrien', 'o brien'],
      ['byrne', 'burn'],
      ["o'neill", 'oneill'],
      ['doyle'],
      ['walsh'],
    ],
    girls: [
      ['siobhan', 'shivaun'],
      ['niamh', 'neve', 'neeve'],
      ['aoife', 'eefa'],
      ['ciara', 'keira', 'kiera'],
      ['grainne', 'grania'],
      ['roisin', 'rosheen'],
    ],
    boys: [
      ['sean', 'shaun', 'shawn'],
      ['padraig', 'patrick', 'paddy'],
      ['cian', 'kian'],
      ['eoin', 'owen'],
      ['liam'],
      ['conor', 'connor'],
    ],
  },
  {
    family: [
      ['nowak'],
      ['kowalski', 'kowalska'],
      ['wisniewski', 'wiśniewski'],
      ['lewandowski'],
      ['popescu'],
      ['horvath', 'horváth'],
      ['novak'],
    ],
    girls: [
      ['zofia', 'sofia', 'sophia'],
      ['maja', 'maya'],
      ['zuzanna', 'susanna'],
      ['natalia', 'natalie'],
      ['wiktoria', 'victoria', 'vicky'],
    ],
    boys: [
      ['jakub', 'jacob', 'kuba'],
      ['szymon', 'simon'],
      ['mateusz', 'matthew', 'matt'],
      ['wojciech', 'voytek'],
      ['aleksander', 'alexander', 'alex'],
    ],
  },
]
const STREETS = [
  'canal street',
  'mill lane',
  'church road',
  'park avenue',
  'queens road',
  'station road',
  'high street',
  'bridge street',
]
const POSTCODE_SECTORS = ['OL11 1', 'OL11 2', 'OL12 6', 'OL16 1', 'OL16 2']
const LETTERS = 'ABDEFGHJLNPQRSTUWXYZ'

interface Person {
  id: number
  given: string[]
  family: string[]
  dob: [number, number, number]
  sex: 'female' | 'male'
  jr?: boolean
  home: { line: string; postcode: string }
  oldHome?: { line: string; postcode: string }
  phone?: string
  nhs?: string
  child: boolean
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { households: { type: 'string' }, seed: { type: 'string' } },
})
const out = positionals[0]
if (!out) {
  process.stderr.write('usage: node --import tsx bench/household-people.ts OUT.csv [--households N] [--seed S]\n')
  process.exit(2)
}
const random = seededRandom(Number(values.seed ?? 1))
const chance = (p: number) => random() < p
const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1))
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]
// the first names of each list are the commonest
const popular = <T>(list: readonly T[]): T => list[Math.min(list.length - 1, Math.floor(list.length * random() ** 2.2))]
const address = () => ({
  line: `${int(1, 120)} ${pick(STREETS)}`,
  postcode: `${pick(POSTCODE_SECTORS)}${LETTERS[int(0, 19)]}${LETTERS[int(0, 19)]}`,
})
const mobile = () => '07' + Array.from({ length: 9 }, () => int(0, 9)).join('')
const nhsNumber = () => {
  for (;;) {
    const d = Array.from({ length: 9 }, () => int(0, 9))
    const check = (11 - (d.reduce((s, x, i) => s + x * (10 - i), 0) % 11)) % 11
    if (check !== 10) return d.join('') + check
  }
}

const people: Person[] = []
const households = Number(values.households ?? 700)
for (let h = 0; h < households; h++) {
  const c = popular(COMMUNITIES)
  const family = popular(c.family)
  const home = address()
  const landline = chance(0.5) ? '01706' + Array.from({ length: 6 }, () => int(0, 9)).join('') : undefined
  const firstChildYear = int(1996, 2016)
  const person = (p: Omit<Person, 'id' | 'home' | 'oldHome'>): Person => {
    const made: Person = { id: people.length, home, ...p }
    if (chance(0.25)) made.oldHome = address()
    people.push(made)
    return made
  }
  const mother = person({
    given: popular(c.girls),
    family,
    dob: [firstChildYear - int(17, 36), int(1, 12), int(1, 28)],
    sex: 'female',
    phone: landline ?? (chance(0.7) ? mobile() : undefined),
    nhs: chance(0.6) ? nhsNumber() : undefined,
    child: false,
  })
  const father = chance(0.6)
    ? person({
        given: popular(c.boys),
        family,
        dob: [mother.dob[0] - int(-2, 8), int(1, 12), int(1, 28)],
        sex: 'male',
        phone: landline ?? (chance(0.6) ? mobile() : undefined),
        nhs: chance(0.6) ? nhsNumber() : undefined,
        child: false,
      })
    : null
  let year = firstChildYear
  let [month, day] = [int(1, 12), int(1, 28)]
  const children = int(1, 4)
  const used = new Set<string>()
  for (let k = 0; k < children; k++) {
    const sex = chance(0.5) ? 'female' : 'male'
    let given = popular(sex === 'female' ? c.girls : c.boys)
    let jr = false
    // named after a parent
    if (k === 0 && sex === 'female' && chance(0.15)) given = mother.given
    else if (k === 0 && sex === 'male' && father && chance(0.2)) {
      given = father.given
      jr = chance(0.5)
    }
    // siblings with near-identical names (a spelling of one name each: Aaliyah and Aliyah)
    else if (k > 0 && chance(0.15)) {
      const prev = people[people.length - 1]
      if (prev.given.length > 1 && prev.sex === sex) given = [prev.given[1], ...prev.given.filter((_, i) => i !== 1)]
    }
    if (used.has(given[0]) && given !== mother.given && given !== father?.given)
      given = popular(sex === 'female' ? c.girls : c.boys)
    used.add(given[0])
    person({
      given,
      family: chance(0.1) ? popular(c.family) : family,
      dob: [year, month, day],
      sex,
      jr,
      phone: landline ?? (chance(0.3) ? mobile() : undefined),
      nhs: chance(0.8) ? nhsNumber() : undefined,
      child: true,
    })
    // twins now and then
    if (!chance(0.08)) {
      year += int(1, 4)
      ;[month, day] = [int(1, 12), int(1, 28)]
    }
  }
}

const cap = (s: string) => s.replace(/(^|[-' ])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase())
const stripAccents = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
const typo = (s: string) => {
  if (s.length < 4) return s
  const i = int(1, s.length - 2)
  return chance(0.5) ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2)
}
const pad = (n: number) => String(n).padStart(2, '0')

const rows: string[][] = []
const owner: number[] = []
for (const p of people) {
  const copies = p.child ? int(1, 4) : chance(0.5) ? 1 : 2
  for (let r = 0; r < copies; r++) {
    const sparse = chance(0.15) // a charity's record: a name and an approximate age
    let given = r === 0 ? p.given[0] : chance(0.35) ? pick(p.given) : p.given[0]
    let family = r === 0 ? p.family[0] : chance(0.3) ? pick(p.family) : p.family[0]
    if (chance(0.5)) given = stripAccents(given)
    if (chance(0.5)) family = stripAccents(family)
    if (r > 0 && chance(0.06)) given = typo(given)
    if (r > 0 && chance(0.06)) family = typo(family)
    if (p.jr && chance(0.4)) family = `${family} jr`
    const [y, m] = p.dob
    let d = p.dob[2]
    let dob: string
    const x = random()
    if (sparse) dob = String(y + (chance(0.3) ? pick([-1, 1]) : 0))
    else if (r > 0 && x < 0.05) dob = `${y}-01-01`
    else if (r > 0 && x < 0.09) dob = String(y)
    else if (r > 0 && x < 0.12) dob = `${y}-${pad(m)}`
    else if (r > 0 && x < 0.16 && d <= 12 && d !== m) dob = `${y}-${pad(d)}-${pad(m)}`
    else if (r > 0 && x < 0.19) dob = ''
    else {
      if (r > 0 && x < 0.22) d = Math.min(28, d + int(1, 3))
      dob = `${y}-${pad(m)}-${pad(d)}`
    }
    const home = p.oldHome && chance(0.4) ? p.oldHome : p.home
    const hasAddress = !sparse && chance(0.85)
    rows.push([
      `H${String(rows.length + 1).padStart(6, '0')}`,
      cap(given),
      cap(family),
      dob,
      sparse ? '' : chance(0.92) ? p.sex : '',
      hasAddress ? cap(home.line) : '',
      hasAddress && chance(0.9) ? home.postcode : '',
      !sparse && p.phone && chance(0.6) ? p.phone : '',
      !sparse && p.nhs && chance(0.45) ? p.nhs : '',
    ])
    owner.push(p.id)
  }
}
// records in a random order, as a merged extract would hold them
const order = rows.map((_, i) => i).sort(() => random() - 0.5)
const csv = (cells: string[]) => cells.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')
writeFileSync(
  out,
  [
    'record_id,given_name,family_name,date_of_birth,sex,address_line,postcode,phone,nhs_number',
    ...order.map((i) => csv(rows[i])),
  ].join('\n') + '\n',
)
const byPerson = new Map<number, string[]>()
owner.forEach((p, i) => {
  const list = byPerson.get(p) ?? []
  list.push(rows[i][0])
  byPerson.set(p, list)
})
const pairs = ['id_a,id_b']
for (const ids of byPerson.values())
  for (let a = 0; a < ids.length; a++) for (let b = a + 1; b < ids.length; b++) pairs.push(`${ids[a]},${ids[b]}`)
writeFileSync(out.replace(/\.csv$/, '.truth-pairs.csv'), pairs.join('\n') + '\n')
process.stderr.write(
  `${rows.length} records of ${people.length} people in ${households} households; ${pairs.length - 1} true pairs\n`,
)
