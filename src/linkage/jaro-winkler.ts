// Jaro–Winkler similarity without allocating per call: linkage compares millions of name pairs.
const MAX = 64
const flagsA = new Uint8Array(MAX)
const flagsB = new Uint8Array(MAX)

export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0
  const la = Math.min(a.length, MAX)
  const lb = Math.min(b.length, MAX)
  if (la === 0 || lb === 0) return 0
  const range = Math.max(0, (Math.max(la, lb) >> 1) - 1)
  flagsA.fill(0, 0, la)
  flagsB.fill(0, 0, lb)
  let matches = 0
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - range)
    const hi = Math.min(lb - 1, i + range)
    const c = a.charCodeAt(i)
    for (let j = lo; j <= hi; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === c) {
        flagsA[i] = 1
        flagsB[j] = 1
        matches++
        break
      }
    }
  }
  if (matches === 0) return 0
  let k = 0
  let halfTranspositions = 0
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue
    while (flagsB[k] === 0) k++
    if (a.charCodeAt(i) !== b.charCodeAt(k)) halfTranspositions++
    k++
  }
  const m = matches
  const jaro = (m / la + m / lb + (m - halfTranspositions / 2) / m) / 3
  let prefix = 0
  const maxPrefix = Math.min(4, la, lb)
  while (prefix < maxPrefix && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++
  return jaro + prefix * 0.1 * (1 - jaro)
}

/** True when two strings of equal length differ in one character, or in two adjacent swapped ones. */
export function oneTypoApart(a: string, b: string): boolean {
  if (a.length !== b.length) return oneInsertionApart(a, b)
  let first = -1
  let count = 0
  for (let i = 0; i < a.length; i++) {
    if (a.charCodeAt(i) !== b.charCodeAt(i)) {
      if (count === 0) first = i
      count++
      if (count > 2) return false
    }
  }
  if (count === 1) return true
  if (count === 2) {
    return (
      a.charCodeAt(first) === b.charCodeAt(first + 1) &&
      a.charCodeAt(first + 1) === b.charCodeAt(first) &&
      first + 1 < a.length
    )
  }
  return false
}

function oneInsertionApart(a: string, b: string): boolean {
  if (a.length < b.length) [a, b] = [b, a]
  if (a.length - b.length !== 1) return false
  let i = 0
  let j = 0
  let skipped = false
  while (i < a.length && j < b.length) {
    if (a.charCodeAt(i) === b.charCodeAt(j)) {
      i++
      j++
      continue
    }
    if (skipped) return false
    skipped = true
    i++
  }
  return true
}

/** Letters a–z present in a string (bit per letter), and those present twice or more. */
export function letterMasks(s: string): [number, number] {
  let once = 0
  let twice = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) - 97
    const bit = c >= 0 && c < 26 ? 1 << c : 1 << 26 // other characters share one bit
    if (once & bit) twice |= bit
    once |= bit
  }
  return [once, twice]
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

/**
 * An upper bound of the Jaro–Winkler similarity from letter masks alone, so that most pairs of
 * unrelated names skip the full computation. (A letter three times in both names can exceed the
 * bound slightly; it only matters at the edge of a band.)
 */
export function jaroWinklerBound(
  la: number,
  lb: number,
  onceA: number,
  twiceA: number,
  onceB: number,
  twiceB: number,
): number {
  if (la === 0 || lb === 0) return 0
  const common = Math.min(popcount(onceA & onceB) + popcount(twiceA & twiceB), la, lb)
  if (common === 0) return 0
  const jaro = (common / la + common / lb + 1) / 3
  return jaro + 0.4 * (1 - jaro)
}
