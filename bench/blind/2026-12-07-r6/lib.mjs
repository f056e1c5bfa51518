// Shared helpers for round 6 (no dependencies). Seeded random numbers, identifiers with valid checks,
// Europe/London time arithmetic written from the rule (BST from 01:00 UTC on the last Sunday of March
// to 01:00 UTC on the last Sunday of October), CSV and NDJSON writing.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

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
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
    shuffle: (arr) => {
      for (let i = arr.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        ;[arr[i], arr[j]] = [arr[j], arr[i]]
      }
      return arr
    },
    weighted: (pairs) => {
      const tot = pairs.reduce((s, p) => s + p[1], 0)
      let x = next() * tot
      for (const [v, w] of pairs) {
        x -= w
        if (x < 0) return v
      }
      return pairs[pairs.length - 1][0]
    },
  }
  return r
}

export function nhsNumber(r) {
  for (;;) {
    const d = []
    d.push(r.int(4, 7))
    for (let i = 1; i < 9; i++) d.push(r.int(0, 9))
    let s = 0
    for (let i = 0; i < 9; i++) s += d[i] * (10 - i)
    let c = 11 - (s % 11)
    if (c === 11) c = 0
    if (c === 10) continue
    return d.join('') + c
  }
}

const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ'
export function upn(r, la) {
  const body = String(la).padStart(3, '0') + String(r.int(2000, 7999)) + String(r.int(10, 20)) + String(r.int(0, 999)).padStart(3, '0')
  let s = 0
  for (let i = 0; i < 12; i++) s += Number(body[i]) * (i + 2)
  return UPN_LETTERS[s % 23] + body
}

export function pncId(r, yy) {
  const serial = r.int(1, 999999)
  const n = Number(String(yy).padStart(2, '0') + String(serial).padStart(7, '0'))
  return `${String(yy).padStart(2, '0')}/${serial}${'ZABCDEFGHJKLMNPQRTUVWXY'[n % 23]}`
}

export const phone = (r) => `07700 900${String(r.int(0, 999)).padStart(3, '0')}`

// ---- time ----
export const H = 3600000
export const MIN = 60000
export const DAY = 86400000
const pad = (n, w = 2) => String(n).padStart(w, '0')
function lastSunday(y, m) {
  // m: 0-based month; last Sunday of that month, as a UTC midnight ms
  const last = Date.UTC(y, m + 1, 0)
  const dow = new Date(last).getUTCDay()
  return last - dow * DAY
}
export function bstStart(y) { return lastSunday(y, 2) + 1 * H }
export function bstEnd(y) { return lastSunday(y, 9) + 1 * H }
export function londonOffsetH(ms) {
  const y = new Date(ms).getUTCFullYear()
  return ms >= bstStart(y) && ms < bstEnd(y) ? 1 : 0
}
export function londonParts(ms) {
  const o = londonOffsetH(ms)
  const d = new Date(ms + o * H)
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds(), o }
}
export function londonDate(ms) {
  const p = londonParts(ms)
  return `${p.y}-${pad(p.mo)}-${pad(p.d)}`
}
// ms for a London wall-clock time (the summer one if it happens twice; null if it never happens)
export function fromLondon(y, mo, d, h, mi = 0) {
  const local = Date.UTC(y, mo - 1, d, h, mi)
  for (const o of [1, 0]) {
    const ms = local - o * H
    if (londonOffsetH(ms) === o) return ms
  }
  return null
}
// Is the London wall-clock time of ms one that happens twice (the autumn repeated hour)?
export function inRepeatedHour(ms) {
  const p = londonParts(ms)
  const local = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi)
  return londonOffsetH(local - H) === 1 && londonOffsetH(local) === 0
}
// Format an instant: 'local' (London wall clock, no offset), 'Z', or 'offset' (+01:00/+00:00).
export function fmt(ms, how) {
  if (how === 'local' && inRepeatedHour(ms)) how = 'offset'
  if (how === 'Z') {
    const d = new Date(ms)
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`
  }
  const p = londonParts(ms)
  const base = `${p.y}-${pad(p.mo)}-${pad(p.d)}T${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`
  return how === 'offset' ? `${base}+0${p.o}:00` : base
}
export const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10)

// ---- output ----
export function csvCell(v) {
  const s = v == null ? '' : String(v)
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}
export const csvLine = (arr) => arr.map(csvCell).join(',')
export function writeOut(path, text) {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
}
