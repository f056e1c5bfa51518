// Blocking: which pairs are worth comparing. Several rules, each a key; two records are candidates
// when any rule gives them the same key. Keys are specific enough that a block holds a handful of
// records at any population (date of birth with an initial, not date of birth alone), and a block
// that still grows past `maxBlock` is compared only within a sliding window over its records sorted
// by name, so no block costs the square of its size. Names without a date (the one key part whose
// blocks grow with the population) pair only the records that the dated rules cannot reach.
import { COMPARISONS } from './comparisons.ts'
import type { PreparedRecords } from './prepared.ts'

export interface BlockingRule {
  name: string
  /** comparisons whose levels the rule constrains (not trained in that rule's EM session) */
  uses: readonly string[]
  /**
   * whether its pairs train m by EM: rules on address or family name gather households (siblings,
   * twins), whose agreement would be learnt as the signature of a match
   */
  training: boolean
  /** a rule that only trains (its blocks would grow with the population) */
  trainingOnly?: boolean
  /** this rule's own cap on a block compared in full, and window beyond it */
  maxBlock?: number
  window?: number
  /**
   * when set, a block over `maxBlock` is left to the other rules except for the records this holds
   * for (those the other rules cannot reach): each of them meets every member of a block of up to
   * `onlyForMaxBlock`, and its neighbours within the window in a larger one
   */
  onlyFor?(p: PreparedRecords, i: number): boolean
  onlyForMaxBlock?: number
  /** a non-negative 31-bit key, or -1 when the record lacks what the rule needs */
  key(p: PreparedRecords, i: number): number
}

function mix(h: number, v: number): number {
  h = Math.imul(h ^ (v | 0), 0x9e3779b1)
  h ^= h >>> 15
  h = Math.imul(h, 0x85ebca6b)
  return h ^ (h >>> 13)
}
const key31 = (h: number) => h >>> 1

function dobSorted(p: PreparedRecords, i: number): number {
  const d = p.dobDay[i]
  const m = p.dobMonth[i]
  if (p.dobYear[i] === 0 || d === 0 || m === 0) return -1
  // day and month in order, so that a transposed date falls in the same block
  return p.dobYear[i] * 10000 + Math.min(d, m) * 100 + Math.max(d, m)
}

/** A given name as its formal name when it is a known diminutive ("Bob" → Robert), else its sound. */
function givenKey(p: PreparedRecords, name: number): number {
  if (name < 0) return -1
  const groups = p.names.nickGroups[name]
  return groups !== null ? groups[0] : 1_000_000 + p.names.phonetic[name]
}

function lacksFullDate(p: PreparedRecords, i: number): boolean {
  return p.dobYear[i] === 0 || p.dobMonth[i] === 0 || p.dobDay[i] === 0
}

/** The family name's sound and the given name's key (formal name or sound) mixed after `seed`; null without both. */
function soundAndGiven(p: PreparedRecords, i: number, seed: number): number | null {
  const f = p.family[i]
  const g = givenKey(p, p.given[i])
  return f < 0 || g < 0 ? null : mix(mix(seed, p.names.phonetic[f]), g)
}

function initialOf(p: PreparedRecords, name: number): number {
  return name < 0 ? -1 : p.names.initial[name]
}

export const BLOCKING_RULES: readonly BlockingRule[] = [
  {
    name: 'given name + family name',
    training: true,
    trainingOnly: true,
    uses: ['given_name', 'family_name'],
    key(p, i) {
      const g = p.given[i]
      const f = p.family[i]
      return g < 0 || f < 0 ? -1 : key31(mix(mix(11, g), f))
    },
  },
  {
    name: 'date of birth + family name sound',
    training: true,
    uses: ['date_of_birth', 'family_name'],
    key(p, i) {
      const d = dobSorted(p, i)
      const f = p.family[i]
      return d < 0 || f < 0 ? -1 : key31(mix(mix(1, d), p.names.phonetic[f]))
    },
  },
  {
    name: 'date of birth + given name (formal name or sound)',
    training: true,
    uses: ['date_of_birth', 'given_name'],
    key(p, i) {
      const d = dobSorted(p, i)
      const g = givenKey(p, p.given[i])
      return d < 0 || g < 0 ? -1 : key31(mix(mix(2, d), g))
    },
  },
  {
    // given and family names swapped between two records fall in one block
    name: 'date of birth + both name sounds in either order',
    training: false,
    uses: ['date_of_birth', 'given_name', 'family_name'],
    key(p, i) {
      const d = dobSorted(p, i)
      const g = p.given[i]
      const f = p.family[i]
      if (d < 0 || g < 0 || f < 0) return -1
      const a = p.names.phonetic[g]
      const b = p.names.phonetic[f]
      return key31(mix(mix(mix(9, d), Math.min(a, b)), Math.max(a, b)))
    },
  },
  {
    // robust to typos after the first letter, which change a name's sound
    name: 'date of birth + both initials',
    training: false,
    maxBlock: 8,
    window: 4,
    uses: ['date_of_birth', 'given_name', 'family_name'],
    key(p, i) {
      const d = dobSorted(p, i)
      const g = initialOf(p, p.given[i])
      const f = initialOf(p, p.family[i])
      return d < 0 || g < 0 || f < 0 ? -1 : key31(mix(mix(mix(13, d), g), f))
    },
  },
  {
    // a day of birth mistyped: the same names born in the same month of the same year
    name: 'family name sound + given name + birth year and month',
    training: false,
    maxBlock: 8,
    window: 4,
    uses: ['family_name', 'date_of_birth', 'given_name'],
    key(p, i) {
      const n = soundAndGiven(p, i, 3)
      return n === null || p.dobYear[i] === 0 || p.dobMonth[i] === 0
        ? -1
        : key31(mix(mix(n, p.dobYear[i]), p.dobMonth[i]))
    },
  },
  {
    // a year of birth mistyped or off by one: the same names born on the same day of the year
    name: 'family name sound + given name + birthday',
    training: false,
    maxBlock: 8,
    window: 4,
    uses: ['family_name', 'date_of_birth', 'given_name'],
    key(p, i) {
      const n = soundAndGiven(p, i, 15)
      const d = p.dobDay[i]
      const m = p.dobMonth[i]
      return n === null || d === 0 || m === 0 ? -1 : key31(mix(n, Math.min(d, m) * 100 + Math.max(d, m)))
    },
  },
  {
    // names alone: a block of names rare enough to link on their own is compared in full; in a
    // larger one (common names, more of them as the population grows) only a record without a full
    // date of birth meets the others, since two records with dates are left to the rules above that
    // read the date (those catch a mistyped day, month or year). Past 32 such a record meets only its
    // neighbours by name: a name that common links only with other evidence, and the address and
    // identifier rules reach that.
    name: 'given name (formal name or sound) + family name sound (in a large block, without a full date of birth)',
    training: false,
    maxBlock: 5,
    onlyForMaxBlock: 32,
    window: 2,
    uses: ['given_name', 'family_name'],
    onlyFor: lacksFullDate,
    key(p, i) {
      const n = soundAndGiven(p, i, 12)
      return n === null ? -1 : key31(n)
    },
  },
  {
    name: 'postcode + family initial',
    training: false,
    uses: ['address', 'family_name'],
    key(p, i) {
      const pc = p.postcode[i]
      const f = initialOf(p, p.family[i])
      return pc < 0 || f < 0 ? -1 : key31(mix(mix(4, pc), f))
    },
  },
  {
    name: 'postcode + house number',
    training: false,
    uses: ['address'],
    key(p, i) {
      const pc = p.postcode[i]
      const h = p.house[i]
      return pc < 0 || h < 0 ? -1 : key31(mix(mix(10, pc), h))
    },
  },
  {
    // the same address when the postcode is mistyped or missing (a street and number recur across towns)
    name: 'house number + street + town',
    training: false,
    uses: ['address'],
    key(p, i) {
      const h = p.house[i]
      const st = p.street[i]
      const t = p.town[i]
      return h < 0 || st < 0 || t < 0 ? -1 : key31(mix(mix(mix(14, h), st), t))
    },
  },
  {
    name: 'given name + family name + postcode district',
    training: false,
    uses: ['given_name', 'family_name', 'address'],
    key(p, i) {
      const g = p.given[i]
      const f = p.family[i]
      const d = p.district[i] >= 0 ? p.district[i] : p.town[i]
      return g < 0 || f < 0 || d < 0 ? -1 : key31(mix(mix(mix(5, g), f), d))
    },
  },
  {
    name: 'nhs number',
    training: true,
    uses: ['nhs_number'],
    key(p, i) {
      const n = p.nhs[i]
      return n === 0 ? -1 : key31(mix(mix(6, n % 1e5), Math.floor(n / 1e5)))
    },
  },
  {
    name: 'identifier',
    training: true,
    uses: ['identifier'],
    key(p, i) {
      return p.identifier[i] < 0 ? -1 : key31(mix(7, p.identifier[i]))
    },
  },
  {
    name: 'phone',
    training: true,
    uses: ['phone'],
    key(p, i) {
      return p.phone[i] < 0 ? -1 : key31(mix(8, p.phone[i]))
    },
  },
]

export interface BlockingOptions {
  rules?: readonly BlockingRule[]
  /** blocks larger than this are compared within a window only */
  maxBlock?: number
  window?: number
  /** link mode: only pairs whose records come from different sources */
  link?: boolean
  onProgress?: (done: number, total: number) => void
}

export interface CandidatePairs {
  /** record indices, a[k] < b[k] */
  a: Uint32Array
  b: Uint32Array
  count: number
  /** each rule's key for every record (-1 none), for training sessions and reach reports */
  keys: Int32Array[]
  rules: readonly BlockingRule[]
  /** pairs each rule proposed, a pair that several rules propose counted for each (how blocks grow) */
  proposedByRule: number[]
}

export function ruleKeys(p: PreparedRecords, rule: BlockingRule): Int32Array {
  const keys = new Int32Array(p.size)
  for (let i = 0; i < p.size; i++) keys[i] = rule.key(p, i)
  return keys
}

const SHIFT = 2 ** 22 // records per batch are below 4,194,304

export function candidatePairs(p: PreparedRecords, options: BlockingOptions = {}): CandidatePairs {
  const rules = options.rules ?? BLOCKING_RULES
  const maxBlock = options.maxBlock ?? 64
  const window = options.window ?? 12
  const link = options.link ?? false
  const n = p.size
  if (n >= SHIFT) throw new Error(`too many records for one batch (${n})`)
  let codes = new Float64Array(Math.max(1024, n * 4))
  let count = 0
  const push = (i: number, j: number) => {
    if (link && p.source[i] === p.source[j]) return
    if (count === codes.length) {
      const bigger = new Float64Array(codes.length * 2)
      bigger.set(codes)
      codes = bigger
    }
    codes[count++] = i < j ? i * SHIFT + j : j * SHIFT + i
  }
  const allKeys: Int32Array[] = []
  const proposedByRule = rules.map(() => 0)
  rules.forEach((rule, r) => {
    const keys = ruleKeys(p, rule)
    allKeys.push(keys)
    if (rule.trainingOnly) return
    const before = count
    let m = 0
    for (let i = 0; i < n; i++) if (keys[i] >= 0) m++
    const packed = new Float64Array(m)
    m = 0
    for (let i = 0; i < n; i++) if (keys[i] >= 0) packed[m++] = keys[i] * SHIFT + i
    packed.sort()
    let start = 0
    while (start < m) {
      const key = Math.floor(packed[start] / SHIFT)
      let end = start + 1
      while (end < m && Math.floor(packed[end] / SHIFT) === key) end++
      const size = end - start
      if (size > 1) {
        const w = rule.window ?? window
        if (size <= (rule.maxBlock ?? maxBlock)) {
          for (let x = start; x < end; x++) {
            const i = packed[x] % SHIFT
            for (let y = x + 1; y < end; y++) push(i, packed[y] % SHIFT)
          }
        } else if (rule.onlyFor && size <= (rule.onlyForMaxBlock ?? maxBlock)) {
          for (let x = start; x < end; x++) {
            const i = packed[x] % SHIFT
            if (!rule.onlyFor(p, i)) continue
            for (let y = start; y < end; y++) {
              const j = packed[y] % SHIFT
              // two such records make one pair
              if (y !== x && (y > x || !rule.onlyFor(p, j))) push(i, j)
            }
          }
        } else {
          const members = Array.from(packed.subarray(start, end), (c) => c % SHIFT)
          members.sort((x, y) => compareByName(p, x, y))
          for (let x = 0; x < members.length; x++) {
            if (rule.onlyFor) {
              // only the records the rule is for, each with its neighbours on either side
              if (!rule.onlyFor(p, members[x])) continue
              for (let y = Math.max(0, x - w); y < Math.min(members.length, x + 1 + w); y++) {
                if (y !== x && (y > x || !rule.onlyFor(p, members[y]))) push(members[x], members[y])
              }
            } else {
              for (let y = x + 1; y < Math.min(members.length, x + 1 + w); y++) push(members[x], members[y])
            }
          }
        }
      }
      start = end
    }
    proposedByRule[r] = count - before
    options.onProgress?.(r + 1, rules.length)
  })
  const { a, b, unique } = uniquePairs(codes, count)
  return { a, b, count: unique, keys: allKeys, rules, proposedByRule }
}

/** The pairs proposed (coded i * SHIFT + j), each once, in order, as two lists of record indexes. */
function uniquePairs(codes: Float64Array, count: number): { a: Uint32Array; b: Uint32Array; unique: number } {
  const sorted = codes.subarray(0, count).sort()
  const a = new Uint32Array(count)
  const b = new Uint32Array(count)
  let unique = 0
  let previous = -1
  for (let k = 0; k < count; k++) {
    const c = sorted[k]
    if (c === previous) continue
    previous = c
    const j = c % SHIFT
    a[unique] = (c - j) / SHIFT
    b[unique] = j
    unique++
  }
  return { a: a.slice(0, unique), b: b.slice(0, unique), unique }
}

function compareByName(p: PreparedRecords, x: number, y: number): number {
  const fx = p.family[x] < 0 ? '' : p.names.text[p.family[x]]
  const fy = p.family[y] < 0 ? '' : p.names.text[p.family[y]]
  if (fx !== fy) return fx < fy ? -1 : 1
  const gx = p.given[x] < 0 ? '' : p.names.text[p.given[x]]
  const gy = p.given[y] < 0 ? '' : p.names.text[p.given[y]]
  return gx < gy ? -1 : gx > gy ? 1 : 0
}

/** Index of a comparison by name, for rules' `uses`. */
export function comparisonIndex(name: string): number {
  const k = COMPARISONS.findIndex((c) => c.name === name)
  if (k < 0) throw new Error(`unknown comparison ${name}`)
  return k
}
