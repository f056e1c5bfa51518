// Generated UK-style person records with known truth, for tests and benchmarks: households with
// siblings and twins, names with diminutives, double-barrelled and changed family names, dates of
// birth with day and month swapped or a digit wrong, UK postcodes, moves of address, and missing
// fields, as agencies record them. Seeded, so every run produces the same people.
import { seededRandom } from './random.ts'
import type { LinkageRecord } from './record.ts'

const GIRLS = [
  'olivia',
  'amelia',
  'isla',
  'ava',
  'mia',
  'ivy',
  'lily',
  'isabella',
  'rosie',
  'sophia',
  'grace',
  'willow',
  'freya',
  'florence',
  'emily',
  'ella',
  'poppy',
  'evie',
  'elsie',
  'charlotte',
  'evelyn',
  'sienna',
  'daisy',
  'phoebe',
  'sophie',
  'alice',
  'harper',
  'matilda',
  'ruby',
  'emilia',
  'maya',
  'millie',
  'isabelle',
  'eva',
  'chloe',
  'amy',
  'aimee',
  'jessica',
  'rebecca',
  'lauren',
  'megan',
  'hannah',
  'bethany',
  'chelsea',
  'courtney',
  'jade',
  'leah',
  'abigail',
  'katie',
  'samantha',
  'natasha',
  'kayleigh',
  'shannon',
  'demi',
  'tia',
  'aaliyah',
  'zara',
  'aisha',
  'fatima',
  'maryam',
  'sarah',
  'elizabeth',
  'margaret',
  'susan',
  'karen',
  'julie',
  'victoria',
  'jennifer',
  'catherine',
  'eleanor',
  'harriet',
  'jacqueline',
]
const BOYS = [
  'muhammad',
  'noah',
  'oliver',
  'george',
  'leo',
  'arthur',
  'oscar',
  'theodore',
  'freddie',
  'harry',
  'archie',
  'jack',
  'henry',
  'charlie',
  'alfie',
  'thomas',
  'william',
  'jacob',
  'joshua',
  'james',
  'daniel',
  'samuel',
  'joseph',
  'alexander',
  'benjamin',
  'callum',
  'connor',
  'kieran',
  'liam',
  'ryan',
  'tyler',
  'jordan',
  'jake',
  'lewis',
  'reece',
  'brandon',
  'kyle',
  'dylan',
  'mason',
  'riley',
  'ethan',
  'logan',
  'ibrahim',
  'yusuf',
  'ali',
  'hamza',
  'omar',
  'ayaan',
  'robert',
  'michael',
  'david',
  'paul',
  'mark',
  'gary',
  'darren',
  'matthew',
  'christopher',
  'anthony',
  'edward',
  'nicholas',
  'richard',
  'stephen',
]
const SURNAMES = [
  'smith',
  'jones',
  'williams',
  'taylor',
  'brown',
  'davies',
  'evans',
  'wilson',
  'thomas',
  'johnson',
  'roberts',
  'robinson',
  'thompson',
  'wright',
  'walker',
  'white',
  'edwards',
  'hughes',
  'green',
  'hall',
  'lewis',
  'harris',
  'clarke',
  'patel',
  'jackson',
  'wood',
  'turner',
  'martin',
  'cooper',
  'hill',
  'ward',
  'morris',
  'moore',
  'clark',
  'lee',
  'king',
  'baker',
  'harrison',
  'morgan',
  'allen',
  'james',
  'scott',
  'phillips',
  'watson',
  'davis',
  'parker',
  'price',
  'bennett',
  'young',
  'griffiths',
  'mitchell',
  'kelly',
  'cook',
  'carter',
  'richardson',
  'bailey',
  'collins',
  'bell',
  'shaw',
  'murphy',
  'miller',
  'cox',
  'richards',
  'khan',
  'marshall',
  'anderson',
  'simpson',
  'ellis',
  'adams',
  'singh',
  'begum',
  'wilkinson',
  'foster',
  'chapman',
  'powell',
  'webb',
  'rogers',
  'gray',
  'mason',
  'ali',
  'hunt',
  'hussain',
  'campbell',
  'matthews',
  'owen',
  'palmer',
  'holmes',
  'mills',
  'barnes',
  'knight',
  'lloyd',
  'butler',
  'russell',
  'barker',
  'fisher',
  'stevens',
  'jenkins',
  'murray',
  'dixon',
  'harvey',
  'graham',
  'pearson',
  'ahmed',
  'fletcher',
  'walsh',
  'kaur',
  'gibson',
  'howard',
  'andrews',
  'stewart',
  'elliott',
  'reynolds',
  'saunders',
  'payne',
  'fox',
  'ford',
  'pearce',
  'day',
  'brooks',
  'west',
  'lawrence',
  'cole',
  'atkinson',
  'bradley',
  'spencer',
  'gill',
  'dawson',
  'ball',
  'burton',
  "o'brien",
  'watts',
  'rose',
  'booth',
  'perry',
  'ryan',
  'grant',
  'wells',
  'armstrong',
  'francis',
  'rees',
  'hayes',
  'hart',
  'hudson',
  'newman',
  'barrett',
  'gregory',
  'lowe',
  'smyth',
  'mcdonald',
  'macdonald',
  'mclean',
  "o'neill",
  'doherty',
  'nowak',
  'kowalski',
  'okafor',
  'mensah',
  'begum',
  'rahman',
  'chowdhury',
  'akhtar',
  'iqbal',
]
const GIVEN_STARTS = [
  'ka',
  'ja',
  'ma',
  'la',
  'ri',
  'ze',
  'ty',
  'na',
  'sa',
  'da',
  'bre',
  'ca',
  'ke',
  'ro',
  'mi',
  'a',
  'e',
  'i',
  'o',
  'ha',
  'je',
  'ta',
  'ay',
  'za',
  'ni',
  'le',
  'ar',
  'el',
  'fi',
  'de',
]
const GIVEN_ENDS = [
  'den',
  'lyn',
  'ra',
  'nah',
  'son',
  'ley',
  'lia',
  'ran',
  'sha',
  'vin',
  'mie',
  'ren',
  'nia',
  'lan',
  'rin',
  'ya',
  'dan',
  'mar',
  'zon',
  'rah',
  'lie',
  'nell',
  'ton',
  'bel',
  'via',
  'rik',
  'sia',
  'ven',
  'dra',
  'mon',
]
const SYLLABLES = [
  'ash',
  'brook',
  'cal',
  'dun',
  'el',
  'far',
  'gar',
  'hol',
  'ing',
  'kel',
  'lan',
  'mor',
  'nor',
  'pen',
  'ram',
  'sel',
  'tor',
  'wyn',
  'ford',
  'ton',
  'ley',
  'by',
  'worth',
  'ham',
  'field',
  'well',
  'wood',
  'stead',
  'croft',
  'more',
]
const STREETS = [
  'canal',
  'church',
  'station',
  'victoria',
  'park',
  'mill',
  'high',
  'albert',
  'queen',
  'king',
  'george',
  'manchester',
  'oldham',
  'bury',
  'spotland',
  'drake',
  'yorkshire',
  'milnrow',
  'whitworth',
  'bolton',
  'lincoln',
  'cedar',
  'oak',
  'ash',
  'elm',
  'beech',
  'willow',
  'hollin',
  'moor',
  'lane',
  'brook',
  'river',
  'bridge',
  'market',
  'chapel',
  'school',
  'green',
  'north',
  'south',
  'west',
  'east',
  'new',
  'hill',
  'cross',
  'windsor',
  'grange',
  'meadow',
  'orchard',
  'primrose',
  'heather',
]
const SUFFIXES = [
  'street',
  'road',
  'lane',
  'avenue',
  'close',
  'drive',
  'way',
  'crescent',
  'grove',
  'place',
  'terrace',
  'gardens',
]
const SHORT: Record<string, string> = {
  street: 'st',
  road: 'rd',
  lane: 'ln',
  avenue: 'ave',
  close: 'cl',
  drive: 'dr',
  crescent: 'cres',
  terrace: 'tce',
}
const AREAS = [
  'OL',
  'M',
  'BL',
  'SK',
  'WN',
  'BB',
  'LS',
  'BD',
  'HX',
  'HD',
  'S',
  'B',
  'CV',
  'L',
  'NE',
  'SR',
  'LE',
  'NG',
  'DE',
  'ST',
  'WA',
  'PR',
  'CH',
  'TS',
  'DN',
  'HU',
  'YO',
  'LN',
  'PE',
  'NR',
]
const TOWNS = [
  'Rochdale',
  'Manchester',
  'Bolton',
  'Stockport',
  'Wigan',
  'Blackburn',
  'Leeds',
  'Bradford',
  'Halifax',
  'Huddersfield',
  'Sheffield',
  'Birmingham',
  'Coventry',
  'Liverpool',
  'Newcastle',
  'Sunderland',
  'Leicester',
  'Nottingham',
  'Derby',
  'Stoke',
  'Warrington',
  'Preston',
  'Chester',
  'Middlesbrough',
  'Doncaster',
  'Hull',
  'York',
  'Lincoln',
  'Peterborough',
  'Norwich',
]
const UNIT_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ'
/** diminutives the generator uses (some are in the shared list, some only in the British additions) */
const DIMINUTIVES: Record<string, string[]> = {
  amelia: ['millie', 'amy'],
  charlotte: ['lottie', 'charlie'],
  elizabeth: ['beth', 'lizzie', 'liz'],
  william: ['billy', 'will'],
  margaret: ['maggie', 'peggy'],
  robert: ['bob', 'rob'],
  thomas: ['tom', 'tommy'],
  jessica: ['jess'],
  rebecca: ['becky', 'becca'],
  samantha: ['sam'],
  daniel: ['danny', 'dan'],
  james: ['jim', 'jamie'],
  joseph: ['joe'],
  catherine: ['kate', 'cathy'],
  victoria: ['vicky', 'tori'],
  jennifer: ['jenny', 'jen'],
  alexander: ['alex'],
  christopher: ['chris'],
  matthew: ['matt'],
  nicholas: ['nick'],
  jacqueline: ['jackie'],
  michael: ['mike', 'mikey'],
  anthony: ['tony'],
  edward: ['ted', 'eddie'],
  eleanor: ['ellie'],
  olivia: ['liv'],
  isabella: ['izzy', 'bella'],
  abigail: ['abbie', 'abi'],
  harriet: ['hattie'],
  henry: ['harry'],
  theodore: ['theo'],
  samuel: ['sam'],
  benjamin: ['ben'],
  joshua: ['josh'],
  richard: ['rich', 'dick'],
  stephen: ['steve'],
  susan: ['sue'],
  evelyn: ['evie'],
  matilda: ['tilly'],
  alfie: ['alfie'],
  freddie: ['fred'],
}

export interface GeneratedPeople {
  records: LinkageRecord[]
  /** the true person of each record, by record id */
  entityOf: Map<string, number>
  entities: number
}

export interface GenerateOptions {
  records: number
  seed?: number
}

interface Person {
  entity: number
  given: string
  family: string
  previousFamily?: string
  year: number
  month: number
  day: number
  sex: 'female' | 'male'
  nhs?: string
  phone?: string
  address: Address
}

interface Address {
  house: string
  street: string
  town: string
  postcode: string
}

export function generatePeople(options: GenerateOptions): GeneratedPeople {
  const random = seededRandom(options.seed ?? 1)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]
  const chance = (p: number) => random() < p
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1))
  // names follow a popularity curve (the first of a list is the most common, Smith about 1%), with a
  // long tail of rarer names: real populations have thousands of given and family names
  const popular = <T>(list: readonly T[], offset: number) => {
    const cumulative: number[] = []
    let total = 0
    for (let r = 0; r < list.length; r++) cumulative.push((total += 1 / (r + offset)))
    return () => {
      const x = random() * total
      let lo = 0
      let hi = cumulative.length - 1
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (cumulative[mid] < x) lo = mid + 1
        else hi = mid
      }
      return list[lo]
    }
  }
  const girl = popular(GIRLS, 6)
  const boy = popular(BOYS, 6)
  const surname = popular(SURNAMES, 12)
  const rareGiven = () => pick(GIVEN_STARTS) + pick(GIVEN_ENDS)
  const rareSurname = () => {
    let s = pick(SYLLABLES) + pick(SYLLABLES)
    if (chance(0.3)) s += pick(SYLLABLES)
    return s
  }
  const familyName = () => (chance(0.5) ? surname() : rareSurname())
  const unitsWanted = Math.max(50, Math.ceil(options.records / 20))
  const postcodes: Address[] = []
  const newUnit = (): Address => {
    const a = Math.floor(random() * AREAS.length)
    const outward = AREAS[a] + int(1, 40)
    const postcode = `${outward} ${int(0, 9)}${UNIT_LETTERS[int(0, 19)]}${UNIT_LETTERS[int(0, 19)]}`
    return { house: '', street: `${pick(STREETS)} ${pick(SUFFIXES)}`, town: TOWNS[a], postcode }
  }
  const newAddress = (): Address => {
    const unit =
      postcodes.length < unitsWanted ? (postcodes.push(newUnit()), postcodes[postcodes.length - 1]) : pick(postcodes)
    return { ...unit, house: String(int(1, 180)) }
  }
  const nhsNumber = () => {
    for (;;) {
      const d = Array.from({ length: 9 }, () => int(0, 9))
      const sum = d.reduce((s, x, i) => s + x * (10 - i), 0)
      const check = (11 - (sum % 11)) % 11
      if (check !== 10) return d.join('') + check
    }
  }
  const phone = () => '07' + Array.from({ length: 9 }, () => int(0, 9)).join('')

  const records: LinkageRecord[] = []
  const entityOf = new Map<string, number>()
  let entities = 0
  let household: Person | null = null
  while (records.length < options.records) {
    const sex = chance(0.5) ? 'female' : 'male'
    let given = chance(0.3) ? rareGiven() : sex === 'female' ? girl() : boy()
    if (chance(0.04))
      given = `${given}-${pick(sex === 'female' ? ['leigh', 'mae', 'louise', 'rose', 'jane'] : ['james', 'lee', 'john'])}`
    const home = household !== null && chance(0.35) ? household : null
    const sibling = home !== null
    const twin = sibling && chance(0.05)
    const child = chance(0.65)
    const year = twin && home ? home.year : home ? home.year + int(-6, 6) : child ? int(2004, 2022) : int(1950, 2003)
    let family = home ? home.family : familyName()
    if (!sibling && chance(0.05)) family = `${family}-${familyName()}`
    const person: Person = {
      entity: entities++,
      given,
      family,
      year,
      month: twin && home ? home.month : int(1, 12),
      day: twin && home ? home.day : int(1, 28),
      sex,
      nhs: chance(0.7) ? nhsNumber() : undefined,
      phone: chance(0.6) ? phone() : undefined,
      address: home ? home.address : newAddress(),
    }
    if (chance(0.04)) person.previousFamily = familyName()
    household = person
    const copies = 1 + (chance(0.5) ? (chance(0.6) ? 1 : chance(0.7) ? 2 : 3) : 0)
    for (let c = 0; c < copies && records.length < options.records; c++) {
      const id = `R${String(records.length + 1).padStart(7, '0')}`
      records.push(c === 0 ? recordOf(person, id, false) : recordOf(person, id, true))
      entityOf.set(id, person.entity)
    }
  }
  return { records, entityOf, entities }

  function recordOf(p: Person, id: string, corrupt: boolean): LinkageRecord {
    let given = p.given
    let family = p.family
    let other_names: string[] | undefined
    let { year, month, day } = p
    let address = p.address
    let dobText: string | undefined
    if (corrupt) {
      const base = given.split('-')[0]
      if (chance(0.15) && DIMINUTIVES[base]) given = pick(DIMINUTIVES[base])
      else if (chance(0.3) && given.includes('-')) given = base
      if (chance(0.08)) given = typo(given)
      if (chance(0.02)) given = given[0]
      if (family.includes('-') && chance(0.35)) family = pick(family.split('-'))
      else if (chance(0.03)) family = `${family}-${familyName()}`
      if (chance(0.08)) family = typo(family)
      if (p.previousFamily && chance(0.6)) {
        family = p.previousFamily
        if (chance(0.5)) other_names = [p.family]
      }
      if (chance(0.02)) [given, family] = [family, given]
      const r = random()
      if (r < 0.07 && day <= 12) [day, month] = [month, day]
      else if (r < 0.11) day = Math.min(28, Math.max(1, day + (chance(0.5) ? 1 : -1) * int(1, 9)))
      else if (r < 0.13) year += chance(0.5) ? 1 : -1
      else if (r < 0.15) dobText = String(year)
      else if (r < 0.17) dobText = `${year}-${String(month).padStart(2, '0')}`
      else if (r < 0.2) dobText = ''
      if (chance(0.2)) address = newAddress()
    }
    const pad = (n: number) => String(n).padStart(2, '0')
    if (dobText === undefined)
      dobText = chance(0.2) ? `${pad(day)}/${pad(month)}/${year}` : `${year}-${pad(month)}-${pad(day)}`
    const style = (s: string) => {
      const cap = s.replace(/(^|[-' ])([a-z])/g, (_, a: string, b: string) => a + b.toUpperCase())
      return chance(0.1) ? cap.toUpperCase() : cap
    }
    let street = style(address.street)
    if (chance(0.15)) street = street.replace(/\b(\w+)$/, (w) => SHORT[w.toLowerCase()] ?? w)
    let postcode: string | undefined = address.postcode
    if (corrupt && chance(0.04)) postcode = postcode.replace(' ', '')
    if (chance(0.06)) postcode = undefined
    const hasAddress = chance(0.9)
    return {
      id,
      given_name: style(given),
      family_name: style(family),
      other_names,
      date_of_birth: dobText || undefined,
      sex: chance(0.92) ? p.sex : undefined,
      address_line: hasAddress ? `${address.house} ${street}` : undefined,
      town: hasAddress && chance(0.8) ? address.town : undefined,
      postcode: hasAddress ? postcode : undefined,
      phone: p.phone && chance(corrupt ? 0.5 : 0.7) ? p.phone : undefined,
      nhs_number: p.nhs && chance(0.5) ? p.nhs : undefined,
    }
  }

  function typo(s: string): string {
    if (s.length < 3) return s
    const i = int(1, s.length - 2)
    const letters = 'abcdefghijklmnopqrstuvwxyz'
    switch (int(0, 2)) {
      case 0:
        return s.slice(0, i) + letters[int(0, 25)] + s.slice(i + 1)
      case 1:
        return s.slice(0, i) + s.slice(i + 1)
      default:
        return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2)
    }
  }
}

/** True pairs of generated records (same person), as "idA|idB" with idA < idB. */
export function truePairs(people: GeneratedPeople): Set<string> {
  const byEntity = new Map<number, string[]>()
  for (const [id, e] of people.entityOf) {
    const list = byEntity.get(e)
    if (list) list.push(id)
    else byEntity.set(e, [id])
  }
  const pairs = new Set<string>()
  for (const ids of byEntity.values()) {
    for (let x = 0; x < ids.length; x++) for (let y = x + 1; y < ids.length; y++) pairs.add(pairKey(ids[x], ids[y]))
  }
  return pairs
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`
}
