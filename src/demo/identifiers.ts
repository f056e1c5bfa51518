// Generators of valid, clearly fictional identifiers: NHS numbers from the 999 test range, UPNs
// with their check letter, postcodes in one made-up town's districts, phones in Ofcom's drama
// ranges, and current-format vehicle registrations. Each generator never repeats a value.
import type { Rng } from './prng.ts'
import { must } from '../errors/must.ts'

export function nhsCheckDigit(nine: string): number | null {
  let sum = 0
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i)
  const check = 11 - (sum % 11)
  if (check === 10) return null
  return check === 11 ? 0 : check
}

const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ'

export function upnCheckLetter(twelve: string): string {
  let sum = 0
  for (let i = 0; i < 12; i++) {
    const ch = twelve[i]
    const v = /\d/.test(ch) ? Number(ch) : UPN_LETTERS.indexOf(ch)
    sum += v * (i + 2)
  }
  return UPN_LETTERS[sum % 23]
}

// PNC check character: (2-digit year and 7-digit serial as one number) mod 23.
const PNC_LETTERS = 'ZABCDEFGHJKLMNPQRTUVWXY'

export function pncId(year: number, serial: number): string {
  const yy = String(year % 100).padStart(2, '0')
  const check = PNC_LETTERS[Number(`${yy}${String(serial).padStart(7, '0')}`) % 23]
  return `${yy}/${serial}${check}`
}

// Inward-code letters never include C, I, K, M, O or V.
const INWARD = 'ABDEFGHJLNPQRSTUWXYZ'
// Current registrations: no I, Q or Z in the memory tag or the random letters.
const PLATE = 'ABCDEFGHJKLMNOPRSTUVWXY'
const MEMORY_TAGS = [
  'BD',
  'BF',
  'BN',
  'CA',
  'CY',
  'DK',
  'DN',
  'EA',
  'FD',
  'FH',
  'GF',
  'KX',
  'LK',
  'MA',
  'MC',
  'MD',
  'ME',
  'MF',
  'MK',
  'ML',
  'MM',
  'MR',
  'MT',
  'MX',
  'PF',
  'PN',
  'SK',
  'VN',
  'WR',
  'YD',
  'YG',
]

export const TOWN = 'Calderbrook'
export const DISTRICTS = ['OL11', 'OL12', 'OL16'] as const

export interface Identifiers {
  nhsNumber(): string
  /** A UPN allocated by a school: LA code, establishment number, year of allocation. */
  upn(establishment: string, year: number): string
  postcode(district?: string): string
  /** A mobile in 07700 900000–900999; null when the range is used up. */
  mobile(): string | null
  /** A landline in 0161 496 0000–0999; null when used up. */
  landline(): string | null
  registration(year: number): string
  pnc(year: number): string
}

export function createIdentifiers(rng: Rng): Identifiers {
  const used = new Set<string>()
  const fresh = (make: () => string | null, tries = 200): string | null => {
    for (let i = 0; i < tries; i++) {
      const v = make()
      if (v !== null && !used.has(v)) {
        used.add(v)
        return v
      }
    }
    return null
  }
  const mobiles = rng.shuffle(Array.from({ length: 1000 }, (_, i) => `07700 900${String(i).padStart(3, '0')}`))
  const landlines = rng.shuffle(Array.from({ length: 1000 }, (_, i) => `0161 496 0${String(i).padStart(3, '0')}`))
  let pncSerial = rng.int(100000, 400000)
  let upnSerial = rng.int(100, 400)
  return {
    nhsNumber() {
      return must(
        fresh(() => {
          const nine = `999${String(rng.int(0, 999999)).padStart(6, '0')}`
          const check = nhsCheckDigit(nine)
          return check === null ? null : `${nine}${check}`
        }),
        'an NHS number not yet used',
      )
    },
    upn(establishment, year) {
      const twelve = `999${establishment}${String(year % 100).padStart(2, '0')}${String(upnSerial++ % 1000).padStart(3, '0')}`
      return fresh(() => `${upnCheckLetter(twelve)}${twelve}`, 1) ?? this.upn(establishment, year)
    },
    postcode(district) {
      return must(
        fresh(
          () => `${district ?? rng.pick(DISTRICTS)} ${rng.int(1, 9)}${rng.pick([...INWARD])}${rng.pick([...INWARD])}`,
          10000,
        ),
        'a postcode not yet used',
      )
    },
    mobile: () => mobiles.pop() ?? null,
    landline: () => landlines.pop() ?? null,
    registration(year) {
      // age identifier: March plate is the year (08), September plate is year + 50 (58)
      const age = rng.chance(0.5) ? year % 100 : (year % 100) + 50
      return must(
        fresh(
          () =>
            `${rng.pick(MEMORY_TAGS)}${String(age).padStart(2, '0')} ${rng.pick([...PLATE])}${rng.pick([...PLATE])}${rng.pick([...PLATE])}`,
          10000,
        ),
        'a registration not yet used',
      )
    },
    pnc: (year) => pncId(year, pncSerial++),
  }
}
