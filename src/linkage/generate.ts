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

/** A person's record as an agency wrote it down, before the styling of its fields. */
interface AsRecorded {
  given: string
  family: string
  other_names?: string[]
  year: number
  month: number
  day: number
  address: Address
  /** a date of birth written other than in full ('' for none), else undefined */
  dobText?: string
}

/** the second part of a double given name, by sex */
const SECOND_GIVEN = {
  female: ['leigh', 'mae', 'louise', 'rose', 'jane'],
  male: ['james', 'lee', 'john'],
} as const

export function generatePeople(options: GenerateOptions): GeneratedPeople {
  const generator = new PeopleGenerator(options.seed ?? 1, options.records)
  const records: LinkageRecord[] = []
  const entityOf = new Map<string, number>()
  let entities = 0
  let household: Person | null = null
  while (records.length < options.records) {
    const person = generator.person(entities++, household)
    household = person
    const copies = generator.copies()
    for (let c = 0; c < copies && records.length < options.records; c++) {
      const id = `R${String(records.length + 1).padStart(7, '0')}`
      records.push(generator.record(person, id, c > 0))
      entityOf.set(id, person.entity)
    }
  }
  return { records, entityOf, entities }
}

/**
 * Names follow a popularity curve (the first of a list is the most common, Smith about 1%), with a
 * long tail of rarer names: real populations have thousands of given and family names.
 */
function popular<T>(random: () => number, list: readonly T[], offset: number): () => T {
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

/**
 * The people, their households and homes, and the agencies' records of them, drawn from one seeded
 * sequence: every draw is made in the same order on every run, so a seed gives the same people.
 */
class PeopleGenerator {
  private readonly random: () => number
  private readonly girl: () => string
  private readonly boy: () => string
  private readonly surname: () => string
  /** the postcode units drawn so far: about one for every 20 records, then homes share them */
  private readonly postcodes: Address[] = []
  private readonly unitsWanted: number

  constructor(seed: number, records: number) {
    this.random = seededRandom(seed)
    this.girl = popular(this.random, GIRLS, 6)
    this.boy = popular(this.random, BOYS, 6)
    this.surname = popular(this.random, SURNAMES, 12)
    this.unitsWanted = Math.max(50, Math.ceil(records / 20))
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]
  }

  private chance(p: number): boolean {
    return this.random() < p
  }

  private int(lo: number, hi: number): number {
    return lo + Math.floor(this.random() * (hi - lo + 1))
  }

  /** A new person: a sibling (or twin) in the last person's household, or someone new. */
  person(entity: number, household: Person | null): Person {
    const sex = this.chance(0.5) ? 'female' : 'male'
    const given = this.givenName(sex)
    const home = household !== null && this.chance(0.35) ? household : null
    const sibling = home !== null
    const twin = sibling && this.chance(0.05)
    const child = this.chance(0.65)
    const year =
      twin && home
        ? home.year
        : home
          ? home.year + this.int(-6, 6)
          : child
            ? this.int(2004, 2022)
            : this.int(1950, 2003)
    let family = home ? home.family : this.familyName()
    if (!sibling && this.chance(0.05)) family = `${family}-${this.familyName()}`
    const person: Person = {
      entity,
      given,
      family,
      year,
      month: twin && home ? home.month : this.int(1, 12),
      day: twin && home ? home.day : this.int(1, 28),
      sex,
      nhs: this.chance(0.7) ? this.nhsNumber() : undefined,
      phone: this.chance(0.6) ? this.phone() : undefined,
      address: home ? home.address : this.address(),
    }
    if (this.chance(0.04)) person.previousFamily = this.familyName()
    return person
  }

  /** How many records the agencies hold of a person: one, or two to four. */
  copies(): number {
    return 1 + (this.chance(0.5) ? (this.chance(0.6) ? 1 : this.chance(0.7) ? 2 : 3) : 0)
  }

  /** An agency's record of the person: the first as the person is, a later one `misrecorded`. */
  record(p: Person, id: string, misrecorded: boolean): LinkageRecord {
    const recorded: AsRecorded = {
      given: p.given,
      family: p.family,
      other_names: undefined,
      year: p.year,
      month: p.month,
      day: p.day,
      address: p.address,
      dobText: undefined,
    }
    if (misrecorded) {
      this.misrecordNames(p, recorded)
      this.misrecordDateOfBirth(recorded)
      if (this.chance(0.2)) recorded.address = this.address()
    }
    return this.written(p, id, recorded, misrecorded)
  }

  private givenName(sex: Person['sex']): string {
    const given = this.chance(0.3) ? this.rareGiven() : sex === 'female' ? this.girl() : this.boy()
    return this.chance(0.04) ? `${given}-${this.pick(SECOND_GIVEN[sex])}` : given
  }

  private rareGiven(): string {
    return this.pick(GIVEN_STARTS) + this.pick(GIVEN_ENDS)
  }

  private familyName(): string {
    return this.chance(0.5) ? this.surname() : this.rareSurname()
  }

  private rareSurname(): string {
    let s = this.pick(SYLLABLES) + this.pick(SYLLABLES)
    if (this.chance(0.3)) s += this.pick(SYLLABLES)
    return s
  }

  /** A new home: in a new postcode unit until there are enough, then in one already drawn. */
  private address(): Address {
    const unit =
      this.postcodes.length < this.unitsWanted
        ? (this.postcodes.push(this.postcodeUnit()), this.postcodes[this.postcodes.length - 1])
        : this.pick(this.postcodes)
    return { ...unit, house: String(this.int(1, 180)) }
  }

  private postcodeUnit(): Address {
    const a = Math.floor(this.random() * AREAS.length)
    const outward = AREAS[a] + this.int(1, 40)
    const postcode = `${outward} ${this.int(0, 9)}${UNIT_LETTERS[this.int(0, 19)]}${UNIT_LETTERS[this.int(0, 19)]}`
    return { house: '', street: `${this.pick(STREETS)} ${this.pick(SUFFIXES)}`, town: TOWNS[a], postcode }
  }

  /** Nine digits and the modulus 11 check digit (a number whose check would be 10 is not issued). */
  private nhsNumber(): string {
    for (;;) {
      const d = Array.from({ length: 9 }, () => this.int(0, 9))
      const sum = d.reduce((s, x, i) => s + x * (10 - i), 0)
      const check = (11 - (sum % 11)) % 11
      if (check !== 10) return d.join('') + check
    }
  }

  private phone(): string {
    return '07' + Array.from({ length: 9 }, () => this.int(0, 9)).join('')
  }

  /**
   * A given name as a nickname, without its second part, misspelt or as an initial; a family name
   * with one part of a double-barrelled name or another added, misspelt, or the previous one; the
   * two swapped.
   */
  private misrecordNames(p: Person, r: AsRecorded): void {
    const base = r.given.split('-')[0]
    if (this.chance(0.15) && DIMINUTIVES[base]) r.given = this.pick(DIMINUTIVES[base])
    else if (this.chance(0.3) && r.given.includes('-')) r.given = base
    if (this.chance(0.08)) r.given = this.typo(r.given)
    if (this.chance(0.02)) r.given = r.given[0]
    if (r.family.includes('-') && this.chance(0.35)) r.family = this.pick(r.family.split('-'))
    else if (this.chance(0.03)) r.family = `${r.family}-${this.familyName()}`
    if (this.chance(0.08)) r.family = this.typo(r.family)
    if (p.previousFamily && this.chance(0.6)) {
      r.family = p.previousFamily
      if (this.chance(0.5)) r.other_names = [p.family]
    }
    if (this.chance(0.02)) [r.given, r.family] = [r.family, r.given]
  }

  /** Day and month swapped, the day or year wrong, only a year or a month, or no date at all. */
  private misrecordDateOfBirth(r: AsRecorded): void {
    const x = this.random()
    if (x < 0.07 && r.day <= 12) [r.day, r.month] = [r.month, r.day]
    else if (x < 0.11) r.day = Math.min(28, Math.max(1, r.day + (this.chance(0.5) ? 1 : -1) * this.int(1, 9)))
    else if (x < 0.13) r.year += this.chance(0.5) ? 1 : -1
    else if (x < 0.15) r.dobText = String(r.year)
    else if (x < 0.17) r.dobText = `${r.year}-${String(r.month).padStart(2, '0')}`
    else if (x < 0.2) r.dobText = ''
  }

  /** The record's fields as written: capitals, date formats, abbreviated streets and missing fields. */
  private written(p: Person, id: string, r: AsRecorded, misrecorded: boolean): LinkageRecord {
    const pad = (n: number) => String(n).padStart(2, '0')
    const dobText =
      r.dobText ??
      (this.chance(0.2) ? `${pad(r.day)}/${pad(r.month)}/${r.year}` : `${r.year}-${pad(r.month)}-${pad(r.day)}`)
    let street = this.styled(r.address.street)
    if (this.chance(0.15)) street = street.replace(/\b(\w+)$/, (w) => SHORT[w.toLowerCase()] ?? w)
    let postcode: string | undefined = r.address.postcode
    if (misrecorded && this.chance(0.04)) postcode = postcode.replace(' ', '')
    if (this.chance(0.06)) postcode = undefined
    const hasAddress = this.chance(0.9)
    return {
      id,
      given_name: this.styled(r.given),
      family_name: this.styled(r.family),
      other_names: r.other_names,
      date_of_birth: dobText || undefined,
      sex: this.chance(0.92) ? p.sex : undefined,
      address_line: hasAddress ? `${r.address.house} ${street}` : undefined,
      town: hasAddress && this.chance(0.8) ? r.address.town : undefined,
      postcode: hasAddress ? postcode : undefined,
      phone: p.phone && this.chance(misrecorded ? 0.5 : 0.7) ? p.phone : undefined,
      nhs_number: p.nhs && this.chance(0.5) ? p.nhs : undefined,
    }
  }

  /** Capitals at the start of each part of a name, and now and then all in capitals. */
  private styled(s: string): string {
    const cap = s.replace(/(^|[-' ])([a-z])/g, (_, a: string, b: string) => a + b.toUpperCase())
    return this.chance(0.1) ? cap.toUpperCase() : cap
  }

  /** One letter wrong, missing or swapped with the next (not the first or last). */
  private typo(s: string): string {
    if (s.length < 3) return s
    const i = this.int(1, s.length - 2)
    const letters = 'abcdefghijklmnopqrstuvwxyz'
    switch (this.int(0, 2)) {
      case 0:
        return s.slice(0, i) + letters[this.int(0, 25)] + s.slice(i + 1)
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
