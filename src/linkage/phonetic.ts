// A Metaphone-style phonetic key for British and Irish names: letters that sound alike map to one
// code, so "Smyth"/"Smith", "Philips"/"Filips", "Catherine"/"Kathryn" share a key. Simpler than
// Double Metaphone (one code, no language detection) and enough for comparison and blocking.
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u'])

/**
 * A name being read letter by letter: `s` the letters, `i` the letter read. A rule that reads a
 * group of letters as one sound (ch, ph, th, dge...) moves `i` to the group's last letter.
 */
interface Reading {
  s: string
  i: number
}

/** The letter `offset` places from the one read ('' before the start and after the end). */
const letter = (r: Reading, offset: number): string => {
  const j = r.i + offset
  return j >= 0 && j < r.s.length ? r.s[j] : ''
}

/** The sound of the letter read, as the key's code ('' for a silent letter). */
type LetterRule = (r: Reading) => string

/** The letters that do not stand for themselves (a vowel counts only first; any other consonant is its own code). */
const LETTER_RULES: Readonly<Record<string, LetterRule>> = {
  /** silent in a final "mb" (lamb, Coombe) */
  b: (r) => (r.i === r.s.length - 1 && letter(r, -1) === 'm' ? '' : 'P'),
  /** "ch" is X (K in "sch"), "cia" X, soft before e, i, y (silent after s), "ck" and "cq" one K */
  c: (r) => {
    const next = letter(r, 1)
    if (next === 'h') {
      const code = letter(r, -1) === 's' ? 'K' : 'X'
      r.i++
      return code
    }
    if (next === 'i' && letter(r, 2) === 'a') return 'X'
    if (next === 'i' || next === 'e' || next === 'y') return letter(r, -1) !== 's' ? 'S' : ''
    if (next === 'k' || next === 'q') r.i++
    return 'K'
  },
  /** "dge", "dgi", "dgy" (and a final "dg") are J */
  d: (r) => {
    if (letter(r, 1) === 'g' && 'eiy'.includes(letter(r, 2))) {
      r.i += 2
      return 'J'
    }
    return 'T'
  },
  /** "gh" is K at the start, silent before a consonant, else F; silent in "-gn", "-gned"; soft before e, i, y */
  g: (r) => {
    const next = letter(r, 1)
    if (next === 'h') {
      const code = r.i === 0 ? 'K' : VOWELS.has(letter(r, 2)) ? 'F' : ''
      r.i++
      return code
    }
    if (next === 'n' && (r.i + 2 === r.s.length || (letter(r, 2) === 'e' && letter(r, 3) === 'd'))) return ''
    if (next === 'i' || next === 'e' || next === 'y') return 'J'
    return 'K'
  },
  /** sounded before a vowel, unless after c, g, p, s or t (or first) */
  h: (r) => (VOWELS.has(letter(r, 1)) && !'cgpst'.includes(letter(r, -1)) ? 'H' : ''),
  /** silent after c */
  k: (r) => (letter(r, -1) !== 'c' ? 'K' : ''),
  /** "ph" is F */
  p: (r) => {
    if (letter(r, 1) !== 'h') return 'P'
    r.i++
    return 'F'
  },
  q: () => 'K',
  /** "sh", "sio", "sia" are X; "sch" is SK */
  s: (r) => {
    const next = letter(r, 1)
    if (next === 'h') {
      r.i++
      return 'X'
    }
    if (next === 'i' && (letter(r, 2) === 'o' || letter(r, 2) === 'a')) return 'X'
    if (next === 'c' && letter(r, 2) === 'h') {
      r.i += 2
      return 'SK'
    }
    return 'S'
  },
  /** "th" is 0 (theta), "tio" and "tia" are X, silent in "tch" */
  t: (r) => {
    const next = letter(r, 1)
    if (next === 'h') {
      r.i++
      return '0'
    }
    if (next === 'i' && (letter(r, 2) === 'o' || letter(r, 2) === 'a')) return 'X'
    return next === 'c' && letter(r, 2) === 'h' ? '' : 'T'
  },
  v: () => 'F',
  /** sounded only before a vowel */
  w: (r) => (VOWELS.has(letter(r, 1)) ? 'W' : ''),
  x: () => 'KS',
  /** sounded only before a vowel */
  y: (r) => (VOWELS.has(letter(r, 1)) ? 'Y' : ''),
  z: () => 'S',
}

/** The name's letters only, lower case, without a silent first letter (kn, gn, pn, wr, ae), x as s, wh as w. */
function lettersOf(name: string): string {
  let s = name.toLowerCase().replace(/[^a-z]/g, '')
  if (/^(kn|gn|pn|wr|ae)/.test(s)) s = s.slice(1)
  if (s.startsWith('x')) s = 's' + s.slice(1)
  if (s.startsWith('wh')) s = 'w' + s.slice(2)
  return s
}

export function phoneticKey(name: string, maxLength = 6): string {
  const s = lettersOf(name)
  if (!s) return ''
  let out = ''
  const r: Reading = { s, i: 0 }
  for (; r.i < s.length && out.length < maxLength; r.i++) {
    const c = s[r.i]
    // a doubled letter sounds once, but for "cc" ("Ricci": K then S)
    if (c === letter(r, -1) && c !== 'c') continue
    // a vowel counts only as the first letter
    if (VOWELS.has(c)) {
      if (r.i === 0) out += 'A'
      continue
    }
    const rule = LETTER_RULES[c]
    out += rule ? rule(r) : c.toUpperCase()
  }
  return out.slice(0, maxLength)
}
