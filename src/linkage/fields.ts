// Parsers that turn one raw field into the canonical form comparisons work on. They never reject:
// an impossible date or a malformed postcode is still evidence, compared as well as it can be.

const GENERATION_SUFFIXES = new Set(['jr', 'jnr', 'junior', 'sr', 'snr', 'senior', 'ii', 'iii'])

/**
 * Letters that Unicode does not decompose into a base letter and an accent, written as English
 * speakers write them ("Michał" is "Michal", "Søren" "Soren", "Strauß" "Strauss").
 */
const UNDECOMPOSED: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ı: 'i',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
}
const UNDECOMPOSED_LETTER = new RegExp(`[${Object.keys(UNDECOMPOSED).join('')}]`, 'g')

/** Lower case, accents and punctuation removed, words joined by "-" ("Smith Jones" = "Smith-Jones"). */
export function canonicalName(raw: string | undefined): string {
  if (!raw) return ''
  const lower = raw.trim().toLowerCase()
  if (/^[a-z]+$/.test(lower)) return lower // most names: nothing else to do
  const words = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(UNDECOMPOSED_LETTER, (letter) => UNDECOMPOSED[letter])
    .replace(/['’`.]/g, '')
    .split(/[^a-z]+/)
    .filter((w) => w.length > 0)
  // "Smith Jr", "Smith Snr": a generation's mark, not part of the name (the dates tell a father from
  // his son: scorer.ts GENERATION_BITS)
  if (words.length > 1 && GENERATION_SUFFIXES.has(words[words.length - 1])) words.pop()
  return words.join('-')
}

export interface DateParts {
  year: number // 0 when absent
  month: number // 0 when absent
  day: number // 0 when absent
}

const NO_DATE: DateParts = { year: 0, month: 0, day: 0 }

/** Reads YYYY, YYYY-MM, YYYY-MM-DD, YYYYMMDD and DD/MM/YYYY; keeps impossible values such as day 33. */
export function dateParts(raw: string | undefined): DateParts {
  if (!raw) return NO_DATE
  const s = raw.trim()
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(s)
  if (m) return { year: +m[1], month: m[2] ? +m[2] : 0, day: m[3] ? +m[3] : 0 }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s)
  if (m) return { year: +m[1], month: +m[2], day: +m[3] }
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s)
  if (m) return { year: +m[3], month: +m[2], day: +m[1] }
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(s)
  if (m) return { year: +m[1], month: +m[2], day: +m[3] }
  return NO_DATE
}

/** An approximate day number, good enough to tell "within a month"; impossible days still count. */
export function dayNumber(year: number, month: number, day: number): number {
  return year * 365.25 + (month - 1) * 30.44 + day
}

export interface PostcodeParts {
  full: string
  sector: string // '' unless a UK postcode
  district: string
}

const UK_POSTCODE = /^([A-Z]{1,2}[0-9][0-9A-Z]?)([0-9][A-Z]{2})$/

/** UK postcodes in any spacing or case, split into district (outward code) and sector. */
export function postcodeParts(raw: string | undefined): PostcodeParts {
  const full = (raw ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '')
  const m = UK_POSTCODE.exec(full)
  if (!m) return { full, sector: '', district: '' }
  return { full: `${m[1]} ${m[2]}`, sector: `${m[1]} ${m[2][0]}`, district: m[1] }
}

/** A 10-digit NHS number with a valid modulus-11 check digit, else ''. */
export function validNhsNumber(raw: string | undefined): string {
  const digits = (raw ?? '').replace(/\s/g, '')
  if (!/^\d{10}$/.test(digits)) return ''
  let sum = 0
  for (let i = 0; i < 9; i++) sum += (digits.charCodeAt(i) - 48) * (10 - i)
  let check = 11 - (sum % 11)
  if (check === 11) check = 0
  if (check === 10 || check !== digits.charCodeAt(9) - 48) return ''
  return digits
}

/** Digits of a UK phone number in national form (leading 0). */
export function phoneDigits(raw: string | undefined): string {
  let d = (raw ?? '').replace(/\D/g, '')
  if (d.startsWith('44') && d.length === 12) d = '0' + d.slice(2)
  return d.length >= 6 ? d : ''
}

const STREET_WORDS: Record<string, string> = {
  st: 'street',
  rd: 'road',
  ave: 'avenue',
  av: 'avenue',
  ln: 'lane',
  cl: 'close',
  dr: 'drive',
  cres: 'crescent',
  cresc: 'crescent',
  ct: 'court',
  pl: 'place',
  sq: 'square',
  gdns: 'gardens',
  gr: 'grove',
  tce: 'terrace',
  ter: 'terrace',
  pk: 'park',
  wy: 'way',
  hwy: 'highway',
  cct: 'circuit',
  pde: 'parade',
  bvd: 'boulevard',
}

/** A street in canonical words ("canal st" = "Canal Street"). */
export function canonicalStreet(raw: string | undefined): string {
  const words = (raw ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
  return words.map((w) => STREET_WORDS[w] ?? w).join(' ')
}

/** House number and street read from a free-text first line ("Flat 2, 12a Canal Street"). */
export function addressParts(line: string | undefined): { house: string; street: string } {
  if (!line) return { house: '', street: '' }
  const s = line.toLowerCase()
  const m = /(\d+[a-z]?)\s*,?\s+([a-z][a-z '.-]*)$/.exec(s.replace(/,\s*$/, ''))
  if (m) return { house: m[1], street: canonicalStreet(m[2]) }
  const last =
    s
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)
      .pop() ?? ''
  return { house: '', street: canonicalStreet(last) }
}

export function canonicalSex(raw: string | undefined): number {
  const s = (raw ?? '').trim().toLowerCase()
  if (s === 'f' || s === 'female') return 1
  if (s === 'm' || s === 'male') return 2
  if (s === 'other' || s === 'x') return 3
  return 0
}
