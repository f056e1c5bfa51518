// Checks and normal forms of the identifiers agencies send. Each check returns the normal form,
// or null when the value fails (the caller words the error, since it knows the field).

/** NHS number: 10 digits (spaces allowed) whose last digit is the modulus 11 check digit. */
export function normaliseNhsNumber(value: string): string | null {
  const digits = value.replace(/[\s-]/g, '')
  if (!/^\d{10}$/.test(digits)) return null
  let sum = 0
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i)
  const check = 11 - (sum % 11)
  if (check === 10) return null // no valid number has this remainder
  return (check === 11 ? 0 : check) === Number(digits[9]) ? digits : null
}

// The DfE's check-letter alphabet: 23 letters, without I, O and S.
const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ'

/** Unique Pupil Number: a check letter then 12 characters; a temporary UPN ends in a letter. */
export function normaliseUpn(value: string): string | null {
  const upn = value.replace(/\s/g, '').toUpperCase()
  if (!/^[A-Z]\d{11}[0-9A-Z]$/.test(upn)) return null
  let sum = 0
  for (let i = 1; i < 13; i++) {
    const ch = upn[i]
    const v = /\d/.test(ch) ? Number(ch) : UPN_LETTERS.indexOf(ch)
    if (v < 0) return null
    sum += v * (i + 1)
  }
  return UPN_LETTERS[sum % 23] === upn[0] ? upn : null
}

// The shapes of the outward code (A9, A99, AA9, AA99, A9A, AA9A) then the inward code 9AA.
const POSTCODE =
  /^(GIR0AA|[A-PR-UWYZ](\d{1,2}|[A-HK-Y]\d{1,2}|\d[A-HJKPS-UW]|[A-HK-Y]\d[ABEHMNPRV-Y])\d[ABD-HJLNP-UW-Z]{2})$/

/** UK postcode in any spacing or case, to capitals with one space before the inward code. */
export function normalisePostcode(value: string): string | null {
  const compact = value.replace(/\s/g, '').toUpperCase()
  if (!POSTCODE.test(compact)) return null
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`
}

/** The key a postcode is linked by: capitals without spaces. */
export const postcodeKey = (postcode: string): string => postcode.replace(/\s/g, '').toUpperCase()

/**
 * Police National Computer id (year, serial, check letter) to one form: capitals, no spaces, a
 * two-digit year and the serial without leading zeros ("2001/0012345A" and "01/12345a" are both
 * "01/12345A"); null when it is not in that shape.
 */
export function normalisePncId(value: string): string | null {
  const m = /^(\d{2}|\d{4})\/?0*(\d{1,7})([A-Z])$/.exec(value.replace(/\s/g, '').toUpperCase())
  return m ? `${m[1].slice(-2)}/${m[2]}${m[3]}` : null
}

/** UK phone number to its national digits (leading 0): "+44 7700 900123" → "07700900123". */
export function normalisePhone(value: string): string | null {
  let digits = value.replace(/[\s().-]/g, '')
  if (digits.startsWith('+44')) digits = '0' + digits.slice(3).replace(/^0/, '')
  else if (digits.startsWith('0044')) digits = '0' + digits.slice(4).replace(/^0/, '')
  if (!/^0\d{9,10}$/.test(digits)) return null
  return digits
}

/** Vehicle registration mark in any spacing or case, to capitals without spaces. */
export function normaliseRegistration(value: string): string | null {
  const vrm = value.replace(/[\s-]/g, '').toUpperCase()
  return /^[A-Z0-9]{2,8}$/.test(vrm) ? vrm : null
}

/** Full date `YYYY-MM-DD` that exists in the calendar. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

/** A date of birth may be partial: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export function isPartialDate(value: string): boolean {
  if (/^\d{4}$/.test(value)) return true
  const m = /^(\d{4})-(\d{2})$/.exec(value)
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12
  return isCalendarDate(value)
}

/** Name for exact matching: lower case, accents and punctuation gone, spaces folded. */
export function normaliseName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[-\u2010-\u2015_.]/g, ' ') // Smith-Jones and Smith Jones are the same name
    .replace(/[^a-z\s]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The exact rule's key of a name: given and family names normalised, in that order. */
export function nameKey(given?: string | null, family?: string | null): string {
  return [given, family]
    .filter((n): n is string => !!n)
    .map(normaliseName)
    .join(' ')
    .trim()
}
