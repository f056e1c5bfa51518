// Scores the checker on a labelled corpus: the share of harmful sentences found (any finding) and
// the share of careful sentences flagged (any finding, whatever its severity).
import { checkText } from '../check.ts'
import type { Finding, Lexicon } from '../types.ts'

export interface CorpusEntry {
  id: string
  label: 'harmful' | 'careful'
  text: string
  child_dob?: string
  date?: string
}

export interface Score {
  harmful: number
  found: number
  careful: number
  flagged: number
  recall: number
  falsePositiveRate: number
  missed: CorpusEntry[]
  wronglyFlagged: { entry: CorpusEntry; findings: Finding[] }[]
}

export function parseCorpus(jsonl: string): CorpusEntry[] {
  return jsonl
    .split('\n')
    .filter((l) => l.trim())
    .map((line, i) => {
      const entry = JSON.parse(line) as CorpusEntry
      if (entry.label !== 'harmful' && entry.label !== 'careful')
        throw new Error(`corpus line ${i + 1}: label must be harmful or careful`)
      return entry
    })
}

export function score(entries: CorpusEntry[], rules?: Lexicon): Score {
  const s: Score = {
    harmful: 0,
    found: 0,
    careful: 0,
    flagged: 0,
    recall: 0,
    falsePositiveRate: 0,
    missed: [],
    wronglyFlagged: [],
  }
  for (const entry of entries) {
    const findings = checkText(entry.text, { childDob: entry.child_dob, date: entry.date, rules })
    if (entry.label === 'harmful') {
      s.harmful++
      if (findings.length > 0) s.found++
      else s.missed.push(entry)
    } else {
      s.careful++
      if (findings.length > 0) {
        s.flagged++
        s.wronglyFlagged.push({ entry, findings })
      }
    }
  }
  s.recall = s.harmful ? s.found / s.harmful : 1
  s.falsePositiveRate = s.careful ? s.flagged / s.careful : 0
  return s
}
