// Shared helpers for the round-2 blind generators: a seeded random source, identifiers with valid check
// digits, and the kinds of corruption agencies' records really carry. No dependencies.
import fs from 'node:fs'
import path from 'node:path'

export function rng(seed) {
  // mulberry32
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
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
    // Zipf-ish pick: earlier items much more common
    zipf: (arr, s = 1.0) => {
      let tot = 0
      for (let i = 0; i < arr.length; i++) tot += 1 / Math.pow(i + 1, s)
      let x = next() * tot
      for (let i = 0; i < arr.length; i++) {
        x -= 1 / Math.pow(i + 1, s)
        if (x <= 0) return arr[i]
      }
      return arr[arr.length - 1]
    },
    shuffle: (arr) => {
      const a2 = [...arr]
      for (let i = a2.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        ;[a2[i], a2[j]] = [a2[j], a2[i]]
      }
      return a2
    },
  }
  return r
}

export function nhsNumber(R) {
  for (;;) {
    const d = [R.int(4, 9)]
    for (let i = 1; i < 9; i++) d.push(R.int(0, 9))
    let s = 0
    for (let i = 0; i < 9; i++) s += d[i] * (10 - i)
    let c = 11 - (s % 11)
    if (c === 11) c = 0
    if (c === 10) continue
    return d.join('') + c
  }
}
const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ'
export function upn(R, la) {
  const body = String(la).padStart(3, '0') + String(R.int(1000, 9999)) + String(R.int(5, 20)).padStart(2, '0') + String(R.int(0, 999)).padStart(3, '0')
  let s = 0
  for (let i = 0; i < 12; i++) s += Number(body[i]) * (i + 2)
  return UPN_LETTERS[s % 23] + body
}
export const spacedNhs = (n) => `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`

const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ'
export function postcode(R, outward) {
  return `${outward} ${R.int(1, 9)}${R.pick(INWARD_LETTERS)}${R.pick(INWARD_LETTERS)}`
}
export function phone(R) {
  return `07700 900${String(R.int(0, 999)).padStart(3, '0')}`
}
export function landline(R, code) {
  return `${code} ${R.int(200000, 999999)}`
}

export const pad = (n, w = 2) => String(n).padStart(w, '0')
export const ymd = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
export const iso = (d) => `${ymd(d)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`
export const dateFrom = (s) => new Date(s + (s.length === 10 ? 'T00:00:00Z' : 'Z'))
export const addDays = (d, n) => new Date(d.getTime() + n * 86400000)
export const addHours = (d, n) => new Date(d.getTime() + n * 3600000)
export function randDate(R, from, to) {
  const a = dateFrom(from).getTime(),
    b = dateFrom(to).getTime()
  const d = new Date(a + Math.floor(R.next() * (b - a)))
  d.setUTCHours(0, 0, 0, 0)
  return d
}
export function ageOn(dob, d) {
  let a = d.getUTCFullYear() - dob.getUTCFullYear()
  if (d.getUTCMonth() < dob.getUTCMonth() || (d.getUTCMonth() === dob.getUTCMonth() && d.getUTCDate() < dob.getUTCDate())) a--
  return a
}

// ---- corruption ----
const KEYB = { a: 'sq', e: 'wr', i: 'uo', o: 'ip', u: 'yi', n: 'mb', m: 'n', r: 'et', t: 'ry', s: 'ad', l: 'k', c: 'xv', h: 'gj', y: 'ti' }
export function typo(R, s) {
  if (!s || s.length < 4) return s
  const i = R.int(1, s.length - 2)
  const k = R.int(0, 3)
  if (k === 0) return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2) // transpose
  if (k === 1) return s.slice(0, i) + s.slice(i + 1) // drop
  if (k === 2) return s.slice(0, i) + s[i] + s.slice(i) // double
  const c = s[i].toLowerCase()
  const rep = KEYB[c] ? R.pick(KEYB[c]) : 'e'
  return s.slice(0, i) + (s[i] === c ? rep : rep.toUpperCase()) + s.slice(i + 1)
}
export function stripAccents(s) {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
}
export function swapDayMonth(dobStr) {
  const [y, m, d] = dobStr.split('-')
  if (Number(d) > 12 || d === m) return null
  return `${y}-${d}-${m}`
}
export function dobVariant(R, dobStr, p) {
  // p: {missing, partialYear, partialMonth, swap, offDay, yearTypo}
  const x = R.next()
  let acc = 0
  if (x < (acc += p.missing ?? 0)) return undefined
  if (x < (acc += p.partialYear ?? 0)) return dobStr.slice(0, 4)
  if (x < (acc += p.partialMonth ?? 0)) return dobStr.slice(0, 7)
  if (x < (acc += p.swap ?? 0)) return swapDayMonth(dobStr) ?? dobStr
  if (x < (acc += p.offDay ?? 0)) {
    const d = addDays(dateFrom(dobStr), R.pick([-1, 1]))
    return ymd(d)
  }
  if (x < (acc += p.yearTypo ?? 0)) {
    const y = Number(dobStr.slice(0, 4)) + R.pick([-1, 1])
    const s = `${y}${dobStr.slice(4)}`
    return s.endsWith('02-29') ? `${y}-02-28` : s
  }
  return dobStr
}
export const cap = (s) => (s ? s[0].toUpperCase() + s.slice(1).toLowerCase() : s)

export function writeFileMk(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, text)
}
export const csvCell = (v) => {
  const s = v == null ? '' : String(v)
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}
