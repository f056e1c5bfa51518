// Shared helpers for the round-3 blind generators: seeded random numbers, identifiers with valid
// checks (NHS numbers, UPNs, PNC ids), made-up postcodes and phones, typos, dates, CSV.
// No dependencies; everything is deterministic from the seed.

export function rng(seed) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const r = {
    next,
    chance: (p) => next() < p,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    // [[weight, value], ...]
    weighted: (pairs) => {
      const tot = pairs.reduce((s, [w]) => s + w, 0)
      let x = next() * tot
      for (const [w, v] of pairs) {
        x -= w
        if (x < 0) return v
      }
      return pairs[pairs.length - 1][1]
    },
    // Zipf-like: earlier items more common
    zipf: (arr, s = 1) => {
      const ws = arr.map((_, i) => 1 / Math.pow(i + 1, s))
      const tot = ws.reduce((a, b) => a + b, 0)
      let x = next() * tot
      for (let i = 0; i < arr.length; i++) {
        x -= ws[i]
        if (x < 0) return arr[i]
      }
      return arr[arr.length - 1]
    },
    shuffle: (arr) => {
      const a = arr.slice()
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        ;[a[i], a[j]] = [a[j], a[i]]
      }
      return a
    },
  }
  return r
}

// ---- identifiers ---------------------------------------------------------------------------
export function nhsNumber(r, used) {
  for (;;) {
    const d = [9, ...Array.from({ length: 8 }, () => r.int(0, 9))]
    const sum = d.reduce((s, x, i) => s + x * (10 - i), 0)
    let c = 11 - (sum % 11)
    if (c === 11) c = 0
    if (c === 10) continue
    const s = d.join('') + c
    if (used.has(s)) continue
    used.add(s)
    return s
  }
}
export const spacedNhs = (s) => `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6)}`

const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ'
export function upn(r, la, used) {
  for (;;) {
    const body = `${la}${String(r.int(2000, 7999))}${String(r.int(10, 23)).padStart(2, '0')}${String(r.int(0, 999)).padStart(3, '0')}`
    let sum = 0
    for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i + 2)
    const s = UPN_LETTERS[sum % 23] + body
    if (used.has(s)) continue
    used.add(s)
    return s
  }
}

const PNC_LETTERS = 'ZABCDEFGHJKLMNPQRTUVWXY'
export function pncId(r, year, used) {
  for (;;) {
    const yy = String(year % 100).padStart(2, '0')
    const serial = String(r.int(1, 999999)).padStart(6, '0')
    const n = Number(yy + serial.padStart(7, '0'))
    const s = `${yy}/${serial}${PNC_LETTERS[n % 23]}`
    if (used.has(s)) continue
    used.add(s)
    return s
  }
}

// inward code letters exclude C I K M O V
const INWARD = 'ABDEFGHJLNPQRSTUWXYZ'
export function postcode(r, districts, used) {
  for (;;) {
    const s = `${r.pick(districts)} ${r.int(1, 9)}${r.pick(INWARD)}${r.pick(INWARD)}`
    if (used && used.has(s)) continue
    used?.add(s)
    return s
  }
}

export function phonePool(r) {
  return r.shuffle(Array.from({ length: 1000 }, (_, i) => `07700 900${String(i).padStart(3, '0')}`))
}

// ---- text noise ----------------------------------------------------------------------------
const KEYB = {
  a: 'sq',
  b: 'vn',
  c: 'xv',
  d: 'sf',
  e: 'wr',
  f: 'dg',
  g: 'fh',
  h: 'gj',
  i: 'uo',
  j: 'hk',
  k: 'jl',
  l: 'k',
  m: 'n',
  n: 'bm',
  o: 'ip',
  p: 'o',
  q: 'w',
  r: 'et',
  s: 'ad',
  t: 'ry',
  u: 'yi',
  v: 'cb',
  w: 'qe',
  x: 'zc',
  y: 'tu',
  z: 'x',
}
export function typo(r, s) {
  if (!s || s.length < 3) return s
  const i = r.int(1, s.length - 2)
  const kind = r.int(0, 3)
  if (kind === 0) return s.slice(0, i) + s.slice(i + 1) // drop
  if (kind === 1) return s.slice(0, i) + s[i] + s.slice(i) // double
  if (kind === 2) return s.slice(0, i - 1) + s[i] + s[i - 1] + s.slice(i + 1) // transpose
  const c = s[i].toLowerCase()
  const sub = KEYB[c] ? r.pick(KEYB[c]) : c
  return s.slice(0, i) + (s[i] === c ? sub : sub.toUpperCase()) + s.slice(i + 1)
}
const DIA = {
  ł: 'l',
  Ł: 'L',
  ś: 's',
  Ś: 'S',
  ż: 'z',
  Ż: 'Z',
  ź: 'z',
  Ź: 'Z',
  ć: 'c',
  Ć: 'C',
  ń: 'n',
  Ń: 'N',
  ó: 'o',
  Ó: 'O',
  ą: 'a',
  Ą: 'A',
  ę: 'e',
  Ę: 'E',
  ș: 's',
  Ș: 'S',
  ş: 's',
  Ş: 'S',
  ț: 't',
  Ț: 'T',
  ţ: 't',
  Ţ: 'T',
  ă: 'a',
  Ă: 'A',
  â: 'a',
  Â: 'A',
  î: 'i',
  Î: 'I',
}
export const stripDia = (s) => (s ? [...s].map((c) => DIA[c] ?? c).join('') : s)
// phonetic respellings an English clerk makes of Polish/Romanian names
export function anglicise(s) {
  return s
    .replace(/sz/g, 'sh')
    .replace(/Sz/g, 'Sh')
    .replace(/cz/g, 'ch')
    .replace(/Cz/g, 'Ch')
    .replace(/ș|ş/g, 'sh')
    .replace(/Ș|Ş/g, 'Sh')
    .replace(/ț|ţ/g, 'ts')
    .replace(/Ț|Ţ/g, 'Ts')
    .replace(/w/g, 'v')
    .replace(/^W/, 'V')
}

// ---- dates ---------------------------------------------------------------------------------
const pad = (n) => String(n).padStart(2, '0')
export const ymd = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
export const dateOf = (s) => new Date(`${s}T00:00:00Z`)
export const addDays = (s, n) => ymd(new Date(dateOf(s).getTime() + n * 86400000))
export function randomDate(r, from, to) {
  const a = dateOf(from).getTime(),
    b = dateOf(to).getTime()
  return ymd(new Date(a + Math.floor(r.next() * ((b - a) / 86400000 + 1)) * 86400000))
}
// a London local time in office hours (never in the hour the clocks skip)
export const localTime = (r, day, lo = 8, hi = 18) => `${day}T${pad(r.int(lo, hi))}:${pad(r.int(0, 59))}:00`
export const ageOn = (dob, day) => {
  const a = dateOf(dob),
    b = dateOf(day)
  let y = b.getUTCFullYear() - a.getUTCFullYear()
  if (b.getUTCMonth() < a.getUTCMonth() || (b.getUTCMonth() === a.getUTCMonth() && b.getUTCDate() < a.getUTCDate())) y--
  return y
}
const DAYS_IN = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate()
// a wrong but valid date of birth
export function dobError(r, dob, kind) {
  const [y, m, d] = dob.split('-').map(Number)
  if (kind === 'swap') {
    if (d <= 12 && d !== m) return `${y}-${pad(d)}-${pad(m)}`
    return dob
  }
  if (kind === 'year') {
    const ny = r.chance(0.5) ? y + r.pick([-1, 1]) : Number(String(y).slice(0, 3) + r.int(0, 9))
    const yy = ny === y ? y + 1 : ny
    return `${yy}-${pad(m)}-${pad(Math.min(d, DAYS_IN(yy, m)))}`
  }
  if (kind === 'day') {
    let nd = d + r.pick([-2, -1, 1, 2, 10, -10])
    if (nd < 1 || nd > DAYS_IN(y, m)) nd = d === 1 ? 2 : d - 1
    return `${y}-${pad(m)}-${pad(nd)}`
  }
  return dob
}

// ---- CSV -----------------------------------------------------------------------------------
export const csvCell = (v) => {
  const s = v == null ? '' : String(v)
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}
export const csvLine = (arr) => arr.map(csvCell).join(',')
