// A lexicon compiled once for matching: every pattern parsed, and indexed by the words a match can
// start with, so that a sentence costs one lookup per word rather than one try per pattern.
import { compilePattern, firstOf, requiredWords, type Node } from './pattern.ts'
import type { Lexicon, Rule } from './types.ts'
import { LexiconError, ruleProblems } from './validate.ts'

export interface CompiledRule {
  rule: Rule
  index: number
  except: Node[]
}

export interface Entry {
  rule: number
  node: Node
  /** a match holds one of these words (as written or as lemma), or null when the pattern cannot say */
  required: Set<string> | null
}

export interface CompiledLexicon {
  version: string
  rules: CompiledRule[]
  byWord: Map<string, Entry[]>
  byPrefix: { prefix: string; entry: Entry }[]
  /** Patterns that start with a part of speech (#ADV...), by tag. */
  byTag: Map<string, Entry[]>
}

const cache = new WeakMap<Lexicon, CompiledLexicon>()

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const cached = cache.get(lexicon)
  if (cached) return cached
  const problems = lexicon.rules.flatMap((rule, i) =>
    ruleProblems(rule, `rules[${i}]${typeof rule?.id === 'string' ? ` (${rule.id})` : ''}`),
  )
  const seen = new Set<string>()
  for (const rule of lexicon.rules) {
    if (seen.has(rule.id)) problems.push(`rule id "${rule.id}" is used twice`)
    seen.add(rule.id)
  }
  if (problems.length) throw new LexiconError(problems)
  const compiled: CompiledLexicon = {
    version: lexicon.version,
    rules: [],
    byWord: new Map(),
    byPrefix: [],
    byTag: new Map(),
  }
  lexicon.rules.forEach((rule, index) => {
    compiled.rules.push({ rule, index, except: (rule.except ?? []).map(compilePattern) })
    for (const phrase of rule.phrases) {
      const node = compilePattern(phrase)
      const entry: Entry = { rule: index, node, required: requiredWords(node) }
      const first = firstOf(node)
      for (const word of first.words) {
        const list = compiled.byWord.get(word)
        if (list) list.push(entry)
        else compiled.byWord.set(word, [entry])
      }
      for (const prefix of first.prefixes) compiled.byPrefix.push({ prefix, entry })
      for (const tag of first.tags) {
        const list = compiled.byTag.get(tag)
        if (list) list.push(entry)
        else compiled.byTag.set(tag, [entry])
      }
    }
  })
  cache.set(lexicon, compiled)
  return compiled
}
