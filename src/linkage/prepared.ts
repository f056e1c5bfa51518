// Records normalised once into compact columns (typed arrays of interned ids and integers), so that
// comparing a pair reads a few numbers and allocates nothing. Grows for incremental linking.
import {
  addressParts,
  canonicalName,
  canonicalSex,
  canonicalStreet,
  dateParts,
  dayNumber,
  phoneDigits,
  postcodeParts,
  validNhsNumber,
} from './fields.ts'
import { phoneticKey } from './phonetic.ts'
import { letterMasks } from './jaro-winkler.ts'
import type { NicknameTable } from './nicknames.ts'
import { NhsNumberAges } from './shared-nhs.ts'
import type { LinkageRecord } from './record.ts'

/** Interned names with what comparisons need about each name, computed once per distinct name. */
export class NameTable {
  readonly ids = new Map<string, number>()
  readonly text: string[] = []
  readonly phonetic: number[] = []
  readonly nickGroups: (Int32Array | null)[] = []
  /** ids of the words of a hyphenated or double-barrelled name, else null */
  readonly parts: (Int32Array | null)[] = []
  readonly initial: number[] = []
  /** letter masks for a cheap bound of Jaro–Winkler */
  readonly once: number[] = []
  readonly twice: number[] = []
  private readonly phoneticIds = new Map<string, number>()

  constructor(private readonly nicknames: NicknameTable) {}

  intern(name: string): number {
    if (!name) return -1
    let id = this.ids.get(name)
    if (id !== undefined) return id
    id = this.text.length
    this.ids.set(name, id)
    this.text.push(name)
    this.initial.push(name.charCodeAt(0))
    const [once, twice] = letterMasks(name)
    this.once.push(once)
    this.twice.push(twice)
    const key = phoneticKey(name)
    let p = this.phoneticIds.get(key)
    if (p === undefined) {
      p = this.phoneticIds.size
      this.phoneticIds.set(key, p)
    }
    this.phonetic.push(key ? p : -1)
    const words = name.split('-')
    const groups = new Set<number>(this.nicknames.groups.get(name) ?? [])
    // "Mary-Jane" is a diminutive-match of "Mary" through its first word
    if (words.length > 1) for (const g of this.nicknames.groups.get(words[0]) ?? []) groups.add(g)
    this.nickGroups.push(groups.size ? Int32Array.from([...groups].sort((a, b) => a - b)) : null)
    this.parts.push(null)
    if (words.length > 1) this.parts[id] = Int32Array.from(words.map((w) => this.intern(w)))
    return id
  }
}

/** Any other strings (postcodes, streets, phones) as ids, with their text for similarity. */
export class StringTable {
  readonly ids = new Map<string, number>()
  readonly text: string[] = []
  readonly once: number[] = []
  readonly twice: number[] = []
  intern(s: string): number {
    if (!s) return -1
    let id = this.ids.get(s)
    if (id === undefined) {
      id = this.text.length
      this.ids.set(s, id)
      this.text.push(s)
      const [once, twice] = letterMasks(s)
      this.once.push(once)
      this.twice.push(twice)
    }
    return id
  }
}

export class PreparedRecords {
  /** the dates of birth each NHS number is held with: one held a generation apart is no evidence */
  readonly nhsAges = new NhsNumberAges()
  /** Whether record i's NHS number is held by records a generation apart (shared-nhs.ts). */
  nhsUnreliable(i: number): boolean {
    return this.nhs[i] !== 0 && this.nhsAges.unreliable(this.nhs[i])
  }
  size = 0
  capacity: number
  readonly ids: string[] = []
  readonly names: NameTable
  readonly strings = new StringTable()
  /** other names (aliases, previous names) as name ids; rare, so a sparse list */
  readonly otherNames: (Int32Array | null)[] = []
  source: Uint8Array
  given: Int32Array
  family: Int32Array
  dobYear: Int16Array
  dobMonth: Int8Array
  dobDay: Int8Array
  dobDays: Float64Array
  /** the agency's word on the person's age when it recorded them: 0 none, 1 a child, 2 an adult */
  childFlag: Uint8Array
  /** day number (dayNumber) of recorded_at, NaN when unknown */
  recordedDays: Float64Array
  sex: Uint8Array
  nhs: Float64Array
  identifier: Int32Array
  postcode: Int32Array
  sector: Int32Array
  district: Int32Array
  house: Int32Array
  street: Int32Array
  town: Int32Array
  phone: Int32Array

  constructor(nicknames: NicknameTable, capacity = 1024) {
    this.names = new NameTable(nicknames)
    this.capacity = capacity
    this.source = new Uint8Array(capacity)
    this.given = new Int32Array(capacity)
    this.family = new Int32Array(capacity)
    this.dobYear = new Int16Array(capacity)
    this.dobMonth = new Int8Array(capacity)
    this.dobDay = new Int8Array(capacity)
    this.dobDays = new Float64Array(capacity)
    this.childFlag = new Uint8Array(capacity)
    this.recordedDays = new Float64Array(capacity)
    this.sex = new Uint8Array(capacity)
    this.nhs = new Float64Array(capacity)
    this.identifier = new Int32Array(capacity)
    this.postcode = new Int32Array(capacity)
    this.sector = new Int32Array(capacity)
    this.district = new Int32Array(capacity)
    this.house = new Int32Array(capacity)
    this.street = new Int32Array(capacity)
    this.town = new Int32Array(capacity)
    this.phone = new Int32Array(capacity)
  }

  private grow(): void {
    const cap = this.capacity * 2
    const g = <T extends Int32Array | Int16Array | Int8Array | Uint8Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(cap)
      b.set(a)
      return b
    }
    this.source = g(this.source)
    this.given = g(this.given)
    this.family = g(this.family)
    this.dobYear = g(this.dobYear)
    this.dobMonth = g(this.dobMonth)
    this.dobDay = g(this.dobDay)
    this.dobDays = g(this.dobDays)
    this.childFlag = g(this.childFlag)
    this.recordedDays = g(this.recordedDays)
    this.sex = g(this.sex)
    this.nhs = g(this.nhs)
    this.identifier = g(this.identifier)
    this.postcode = g(this.postcode)
    this.sector = g(this.sector)
    this.district = g(this.district)
    this.house = g(this.house)
    this.street = g(this.street)
    this.town = g(this.town)
    this.phone = g(this.phone)
    this.capacity = cap
  }

  /** Adds one record and returns its index. `source` tells the files apart when linking two. */
  add(r: LinkageRecord, source = 0): number {
    if (this.size === this.capacity) this.grow()
    const i = this.size++
    this.ids.push(r.id)
    this.source[i] = source
    this.given[i] = this.names.intern(canonicalName(r.given_name))
    this.family[i] = this.names.intern(canonicalName(r.family_name))
    const others = (r.other_names ?? []).flatMap((n) => canonicalName(n).split('-')).filter(Boolean)
    this.otherNames.push(others.length ? Int32Array.from(others.map((n) => this.names.intern(n))) : null)
    const d = dateParts(r.date_of_birth)
    this.dobYear[i] = d.year
    this.dobMonth[i] = d.month > 99 ? 99 : d.month
    this.dobDay[i] = d.day > 99 ? 99 : d.day
    this.dobDays[i] = d.year && d.month && d.day ? dayNumber(d.year, d.month, d.day) : NaN
    this.sex[i] = canonicalSex(r.sex)
    this.childFlag[i] = r.is_child === true ? 1 : r.is_child === false ? 2 : 0
    const at = dateParts(r.recorded_at?.slice(0, 10))
    this.recordedDays[i] = at.year && at.month && at.day ? dayNumber(at.year, at.month, at.day) : NaN
    const nhs = validNhsNumber(r.nhs_number)
    this.nhs[i] = nhs ? Number(nhs) : 0
    this.nhsAges.add(this.nhs[i], this.dobDays[i])
    this.identifier[i] = this.strings.intern((r.identifier ?? '').replace(/\s/g, '').toUpperCase())
    const pc = postcodeParts(r.postcode)
    this.postcode[i] = this.strings.intern(pc.full)
    this.sector[i] = this.strings.intern(pc.sector)
    this.district[i] = this.strings.intern(pc.district)
    let house = (r.house_number ?? '').trim().toLowerCase()
    let street = canonicalStreet(r.street)
    if (!house && !street && r.address_line) ({ house, street } = addressParts(r.address_line))
    this.house[i] = this.strings.intern(house)
    this.street[i] = this.strings.intern(street)
    this.town[i] = this.strings.intern(canonicalStreet(r.town))
    this.phone[i] = this.strings.intern(phoneDigits(r.phone))
    return i
  }
}
