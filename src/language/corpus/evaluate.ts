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
  /** What kind of harm or care the sentence shows (a fresh set's own labels), for figures by kind. */
  category?: string
}

/** Of one label and category: how many sentences, and how many had a finding. */
export interface CategoryScore {
  label: 'harmful' | 'careful'
  category: string
  sentences: number
  withFindings: number
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
  /** By label, then category (entries without one count as "-"). */
  byCategory: CategoryScore[]
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
    byCategory: [],
  }
  const categories = new Map<string, CategoryScore>()
  for (const entry of entries) {
    const findings = checkText(entry.text, { childDob: entry.child_dob, date: entry.date, rules })
    const category = entry.category ?? '-'
    const key = `${entry.label} ${category}`
    let c = categories.get(key)
    if (!c) categories.set(key, (c = { label: entry.label, category, sentences: 0, withFindings: 0 }))
    c.sentences++
    if (findings.length > 0) c.withFindings++
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
  s.byCategory = [...categories.values()].sort(
    (a, b) => a.label.localeCompare(b.label) || a.category.localeCompare(b.category),
  )
  s.recall = s.harmful ? s.found / s.harmful : 1
  s.falsePositiveRate = s.careful ? s.flagged / s.careful : 0
  return s
}
