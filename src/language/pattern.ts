// The pattern language of the lexicon, compiled to a small tree matched over tokens.
//   word        a word, matched case-insensitively ("harm's" and "risk-taking" read as the tokenizer reads them),
//               as written or as the lemma of the note's word: "choice" matches "choices", "choose"
//               matches "chose" (nlp.ts); a word written inflected ("choices") matches only that form
//   #TAG        any word of that part of speech (#ADV, #ADJ, #NOUN, #PROPN, #DET, #NUM...; nlp.ts)
//   word*       any word starting with "word" (promiscu* matches promiscuous, promiscuity)
//   <verb>      every form of the verb (<put>: put, puts, putting)
//   {SLOT}      a named slot (slots.ts), e.g. {REFL} herself/himself/themselves...; {NUMBER} any number
//   (a b|c)     one of the alternatives, each a sequence
//   [a b|c]     optional: the sequence, one of the alternatives, or nothing
//   ~N          up to N words of anything (never punctuation)
//   ~~N         up to N words or commas: across a list ("accepts lifts, phones and clothes from")
//   $           the end of a clause here (punctuation or the end of the text), matching no word
import { SLOTS } from './slots.ts'
import { verbForms } from './inflect.ts'
import { tokenize, type Token } from './tokenize.ts'
import { errorKind } from '../errors/domain-error.ts'

export type Node =
  | { k: 'w'; words: Set<string>; prefixes: string[]; neg: boolean }
  | { k: 'pos'; tags: Set<string> }
  | { k: 'end' }
  | { k: 'seq'; items: Node[] }
  | { k: 'alt'; options: Node[] }
  | { k: 'opt'; node: Node }
  | { k: 'gap'; max: number; commas: boolean }

export class PatternError extends errorKind('invalid') {}

const NEGATORS = new Set(['not', "n't", 'never', 'no', 'hardly', 'barely', 'scarcely'])

const LEX = /\s+|([()[\]|])|(\{[A-Z_]+\})|(<[a-z]+>)|(~~?\d+)|(#[A-Z]+)|(\$)|([^\s()[\]|{}<>~#$]+)/gy
/** The universal parts of speech the model gives (nlp.ts). */
export const PARTS_OF_SPEECH = new Set([
  'ADJ',
  'ADP',
  'ADV',
  'AUX',
  'CCONJ',
  'DET',
  'INTJ',
  'NOUN',
  'NUM',
  'PART',
  'PRON',
  'PROPN',
  'SCONJ',
  'SYM',
  'VERB',
  'X',
])

export function compilePattern(source: string): Node {
  const parts = lex(source)
  let at = 0
  const parseAlts = (closer: string | null): Node => {
    const options: Node[] = [parseSeq()]
    while (parts[at] === '|') {
      at++
      options.push(parseSeq())
    }
    if (closer !== null) {
      if (parts[at] !== closer) throw new PatternError(`missing "${closer}" in "${source}"`)
      at++
    } else if (at < parts.length) throw new PatternError(`unexpected "${parts[at]}" in "${source}"`)
    return options.length === 1 ? options[0] : simplifyAlt(options)
  }
  const parseSeq = (): Node => {
    const items: Node[] = []
    while (at < parts.length && parts[at] !== '|' && parts[at] !== ')' && parts[at] !== ']') {
      const part = parts[at++]
      if (part === '(') items.push(parseAlts(')'))
      else if (part === '[') items.push({ k: 'opt', node: parseAlts(']') })
      else items.push(atom(part, source))
    }
    if (items.length === 0) throw new PatternError(`empty alternative in "${source}"`)
    return items.length === 1 ? items[0] : { k: 'seq', items }
  }
  const node = parseAlts(null)
  const start = firstOf(node)
  if (start.any) throw new PatternError(`"${source}" cannot start with ~N`)
  if (start.nullable) throw new PatternError(`"${source}" can match nothing`)
  return node
}

function lex(source: string): string[] {
  const parts: string[] = []
  LEX.lastIndex = 0
  while (LEX.lastIndex < source.length) {
    const at = LEX.lastIndex
    const m = LEX.exec(source)
    if (!m) throw new PatternError(`cannot read "${source.slice(at)}" in "${source}"`)
    const part = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6] ?? m[7]
    if (part) parts.push(part)
  }
  if (parts.length === 0) throw new PatternError('empty pattern')
  return parts
}

const slotCache = new Map<string, Node>()

function atom(part: string, source: string): Node {
  if (part.startsWith('{')) {
    const name = part.slice(1, -1)
    // {NUMBER}: any word that starts with a digit ("24", "24yo")
    if (name === 'NUMBER') return { k: 'w', words: new Set(), prefixes: [...'0123456789'], neg: false }
    const cached = slotCache.get(name)
    if (cached) return cached
    const text = SLOTS[name]
    if (text === undefined) throw new PatternError(`unknown slot {${name}} in "${source}"`)
    const node = compilePattern(text)
    if (name === 'NEG' && node.k === 'w') node.neg = true
    slotCache.set(name, node)
    return node
  }
  if (part.startsWith('<')) return words(verbForms(part.slice(1, -1)))
  if (part.startsWith('#')) {
    const tag = part.slice(1)
    if (!PARTS_OF_SPEECH.has(tag)) throw new PatternError(`unknown part of speech ${part} in "${source}"`)
    return { k: 'pos', tags: new Set([tag]) }
  }
  if (part === '$') return { k: 'end' }
  if (part.startsWith('~')) {
    const commas = part.startsWith('~~')
    const max = Number(part.slice(commas ? 2 : 1))
    if (!(max >= 1 && max <= 8)) throw new PatternError(`gap ${part} must be ~1 to ~8 in "${source}"`)
    return { k: 'gap', max, commas }
  }
  if (part.endsWith('*')) {
    const prefix = part.slice(0, -1).toLowerCase()
    if (prefix.length < 3 || /[^\p{L}\p{N}']/u.test(prefix))
      throw new PatternError(`prefix "${part}" needs 3 or more letters in "${source}"`)
    return { k: 'w', words: new Set(), prefixes: [prefix], neg: false }
  }
  if (/^'[a-z]+$/.test(part)) return words([part])
  // a pattern word is read by the same tokenizer as the notes, so "harm's" becomes harm + 's
  const toks = tokenize(part).tokens.filter((t) => !t.punct)
  if (toks.length === 0) throw new PatternError(`"${part}" is not a word in "${source}"`)
  const nodes = toks.map((t) => words([t.norm]))
  return nodes.length === 1 ? nodes[0] : { k: 'seq', items: nodes }
}

function words(list: string[]): Node {
  return { k: 'w', words: new Set(list), prefixes: [], neg: false }
}

// (a|b|c) of single words becomes one set test: most alternatives are of that kind
function simplifyAlt(options: Node[]): Node {
  const singles = options.filter((o): o is Extract<Node, { k: 'w' }> => o.k === 'w' && !o.neg)
  if (singles.length < 2) return { k: 'alt', options }
  const merged: Node = {
    k: 'w',
    words: new Set(singles.flatMap((s) => [...s.words])),
    prefixes: singles.flatMap((s) => s.prefixes),
    neg: false,
  }
  const rest = options.filter((o) => !singles.includes(o as Extract<Node, { k: 'w' }>))
  return rest.length === 0 ? merged : { k: 'alt', options: [merged, ...rest] }
}

export interface First {
  words: Set<string>
  prefixes: string[]
  tags: Set<string>
  nullable: boolean
  any: boolean
}

/** The tokens a match can start with, to index patterns by their first word. */
export function firstOf(node: Node): First {
  switch (node.k) {
    case 'w':
      return { words: new Set(node.words), prefixes: [...node.prefixes], tags: new Set(), nullable: false, any: false }
    case 'pos':
      return { words: new Set(), prefixes: [], tags: new Set(node.tags), nullable: false, any: false }
    case 'end':
      return { words: new Set(), prefixes: [], tags: new Set(), nullable: true, any: false }
    case 'gap':
      return { words: new Set(), prefixes: [], tags: new Set(), nullable: true, any: true }
    case 'opt':
      return { ...firstOf(node.node), nullable: true }
    case 'alt':
      return node.options.map(firstOf).reduce(union)
    case 'seq': {
      let acc: First = { words: new Set(), prefixes: [], tags: new Set(), nullable: true, any: false }
      for (const item of node.items) {
        const f = firstOf(item)
        acc = { ...union(acc, f), nullable: f.nullable }
        if (!f.nullable) break
      }
      return acc
    }
  }
}

function union(a: First, b: First): First {
  return {
    words: new Set([...a.words, ...b.words]),
    prefixes: [...a.prefixes, ...b.prefixes],
    tags: new Set([...a.tags, ...b.tags]),
    nullable: a.nullable || b.nullable,
    any: a.any || b.any,
  }
}

/**
 * Where a match of `node` starting at token `from` can end (exclusive), each end encoded as
 * `end * 2 + negated` so that a match through {NEG} is known. `limit` is the first token past the sentence.
 */
export function matchEnds(node: Node, tokens: Token[], from: number, limit: number): number[] {
  const out: number[] = []
  collect(node, tokens, from * 2, limit, out)
  return out
}

// Pushes into `out` rather than returning arrays: this is the checker's innermost loop.
function collect(node: Node, tokens: Token[], state: number, limit: number, out: number[]): void {
  const from = state >> 1
  const neg = state & 1
  switch (node.k) {
    case 'w': {
      if (from >= limit) return
      const t = tokens[from]
      if (t.punct) return
      if (
        node.words.has(t.norm) ||
        node.words.has(t.lemma) ||
        (node.prefixes.length > 0 && node.prefixes.some((p) => t.norm.startsWith(p)))
      ) {
        const n = neg | (node.neg ? 1 : 0)
        add(out, (from + 1) * 2 + n)
        if (t.pos === 'PROPN') {
          const skip = ageAside(tokens, from + 1, limit)
          if (skip) add(out, (from + 1 + skip) * 2 + n)
        }
      }
      return
    }
    case 'end': {
      if (from >= limit || tokens[from].punct) add(out, state)
      return
    }
    case 'pos': {
      // a part of speech never stands for a negation ("never" is an adverb): {NEG} says those
      const t = tokens[from]
      if (from < limit && !t.punct && node.tags.has(t.pos) && !NEGATORS.has(t.norm)) {
        add(out, (from + 1) * 2 + neg)
        if (t.pos === 'PROPN') {
          const skip = ageAside(tokens, from + 1, limit)
          if (skip) add(out, (from + 1 + skip) * 2 + neg)
        }
      }
      return
    }
    case 'gap': {
      add(out, state)
      for (let i = from; i < limit && i < from + node.max; i++) {
        if (tokens[i].punct && !(node.commas && tokens[i].norm === ',')) break
        add(out, (i + 1) * 2 + neg)
      }
      return
    }
    case 'opt':
      add(out, state)
      collect(node.node, tokens, state, limit, out)
      return
    case 'alt':
      for (const o of node.options) collect(o, tokens, state, limit, out)
      return
    case 'seq': {
      let states = [state]
      for (const item of node.items) {
        const next: number[] = []
        for (const s of states) collect(item, tokens, s, limit, next)
        if (next.length === 0) return
        states = next
      }
      for (const s of states) add(out, s)
    }
  }
}

const AGE = /^\d{1,2}(yrs?|yo|y)?$/

/**
 * An age written beside a name, which a pattern reads as part of the name: "Had Nevaeh (12)
 * listened", "If Jodie, aged 13, stopped": how many tokens it takes from `i` (0 when none).
 */
function ageAside(tokens: Token[], i: number, limit: number): number {
  const t = tokens[i]
  if (!t || !t.punct || i + 2 >= limit) return 0
  if (t.norm === '(' && AGE.test(tokens[i + 1].norm) && tokens[i + 2].norm === ')') return 3
  if (t.norm !== ',') return 0
  if (AGE.test(tokens[i + 1].norm) && tokens[i + 2].norm === ',') return 3
  if (i + 3 < limit && tokens[i + 1].norm === 'aged' && AGE.test(tokens[i + 2].norm) && tokens[i + 3].norm === ',')
    return 4
  return 0
}

function add(list: number[], value: number): void {
  if (!list.includes(value)) list.push(value)
}

/**
 * Words of which a match must contain at least one (the smallest such set the pattern shows), or
 * null when the pattern cannot say: a sentence with none of them is not tried (check.ts).
 */
export function requiredWords(node: Node): Set<string> | null {
  switch (node.k) {
    case 'w':
      return node.prefixes.length ? null : node.words
    case 'alt': {
      const out = new Set<string>()
      for (const o of node.options) {
        const r = requiredWords(o)
        if (!r) return null
        for (const w of r) out.add(w)
      }
      return out
    }
    case 'seq': {
      let best: Set<string> | null = null
      for (const item of node.items) {
        const r = requiredWords(item)
        if (r && (!best || r.size < best.size)) best = r
      }
      return best
    }
    default:
      return null
  }
}
