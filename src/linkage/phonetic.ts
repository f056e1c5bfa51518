// A Metaphone-style phonetic key for British and Irish names: letters that sound alike map to one
// code, so "Smyth"/"Smith", "Philips"/"Filips", "Catherine"/"Kathryn" share a key. Simpler than
// Double Metaphone (one code, no language detection) and enough for comparison and blocking.
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u'])

export function phoneticKey(name: string, maxLength = 6): string {
  let s = name.toLowerCase().replace(/[^a-z]/g, '')
  if (!s) return ''
  if (/^(kn|gn|pn|wr|ae)/.test(s)) s = s.slice(1)
  if (s.startsWith('x')) s = 's' + s.slice(1)
  if (s.startsWith('wh')) s = 'w' + s.slice(2)
  let out = ''
  const at = (i: number) => (i >= 0 && i < s.length ? s[i] : '')
  for (let i = 0; i < s.length && out.length < maxLength; i++) {
    const c = s[i]
    const next = at(i + 1)
    if (c === at(i - 1) && c !== 'c') continue
    if (VOWELS.has(c)) {
      if (i === 0) out += 'A'
      continue
    }
    switch (c) {
      case 'b':
        if (!(i === s.length - 1 && at(i - 1) === 'm')) out += 'P'
        break
      case 'c':
        if (next === 'h') {
          out += at(i - 1) === 's' ? 'K' : 'X'
          i++
        } else if (next === 'i' && at(i + 2) === 'a') out += 'X'
        else if (next === 'i' || next === 'e' || next === 'y') {
          if (at(i - 1) !== 's') out += 'S'
        } else if (next === 'k' || next === 'q') {
          out += 'K'
          i++
        } else out += 'K'
        break
      case 'd':
        if (next === 'g' && 'eiy'.includes(at(i + 2))) {
          out += 'J'
          i += 2
        } else out += 'T'
        break
      case 'g':
        if (next === 'h') {
          if (i === 0) {
            out += 'K'
            i++
          } else if (!VOWELS.has(at(i + 2))) {
            i++
          } else {
            out += 'F'
            i++
          }
        } else if (next === 'n' && (i + 2 === s.length || (at(i + 2) === 'e' && at(i + 3) === 'd'))) {
          // silent g in "-gn", "-gned"
        } else if (next === 'i' || next === 'e' || next === 'y') out += 'J'
        else out += 'K'
        break
      case 'h':
        if (VOWELS.has(next) && !'cgpst'.includes(at(i - 1))) out += 'H'
        break
      case 'k':
        if (at(i - 1) !== 'c') out += 'K'
        break
      case 'p':
        if (next === 'h') {
          out += 'F'
          i++
        } else out += 'P'
        break
      case 'q':
        out += 'K'
        break
      case 's':
        if (next === 'h') {
          out += 'X'
          i++
        } else if (next === 'i' && (at(i + 2) === 'o' || at(i + 2) === 'a')) out += 'X'
        else if (next === 'c' && at(i + 2) === 'h') {
          out += 'SK'
          i += 2
        } else out += 'S'
        break
      case 't':
        if (next === 'h') {
          out += '0'
          i++
        } else if (next === 'i' && (at(i + 2) === 'o' || at(i + 2) === 'a')) out += 'X'
        else if (!(next === 'c' && at(i + 2) === 'h')) out += 'T'
        break
      case 'v':
        out += 'F'
        break
      case 'w':
      case 'y':
        if (VOWELS.has(next)) out += c === 'w' ? 'W' : 'Y'
        break
      case 'x':
        out += 'KS'
        break
      case 'z':
        out += 'S'
        break
      default:
        out += c.toUpperCase()
    }
  }
  return out.slice(0, maxLength)
}
