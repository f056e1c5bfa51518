// Shared helpers for round 4: seeded random numbers, CSV, identifiers with valid checks.
export function rng(seed) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = {
    next,
    chance: (p) => next() < p,
    int: (a, b) => a + Math.floor(next() * (b - a + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    weighted: (pairs) => {
      const tot = pairs.reduce((a, p) => a + p[1], 0);
      let x = next() * tot;
      for (const [v, w] of pairs) if ((x -= w) < 0) return v;
      return pairs[pairs.length - 1][0];
    },
    shuffle: (arr) => {
      const a = [...arr];
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a;
    },
  };
  return r;
}
export const csvCell = (v) => {
  const s = v == null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
export const csvLine = (arr) => arr.map(csvCell).join(',');
export function nhsNumber(R) {
  for (;;) {
    const d = [R.int(4, 7), ...Array.from({ length: 8 }, () => R.int(0, 9))];
    const sum = d.reduce((a, x, i) => a + x * (10 - i), 0);
    const c = 11 - (sum % 11);
    if (c === 10) continue;
    return d.join('') + (c === 11 ? 0 : c);
  }
}
const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';
export function upn(R, la = '811') {
  const body = la + String(R.int(10, 99)) + String(R.int(0, 9999999)).padStart(7, '0');
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i + 2);
  return UPN_LETTERS[sum % 23] + body;
}
export const pad = (n, w = 2) => String(n).padStart(w, '0');
export const ymd = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
export const ymdhm = (d) => `${ymd(d)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`;
