// The passive voice with the child as the one who acts: "the decision to stay was made by Fatima",
// "risks are being taken by Lily-Mae", "the men were allowed into the house by her". Said actively
// ("Fatima has made the decision to stay") the same clause is what the rules read; the passive only
// moves the child to the end. A clause is turned round only when the one named after "by" is the
// child (a pronoun, a name, "the child", "the young person"), never an adult, a professional or a
// thing ("she was taken to the flat by the men" is about what adults did).
import type { Token } from './tokenize.ts'
import { CHILD_NOUNS, OTHER_PEOPLE } from './about.ts'

const PASSIVE_BE = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'be', 'get', 'got', 'gets'])
const SUBJECT_OF = new Map([
  ['her', 'she'],
  ['him', 'he'],
  ['them', 'they'],
])
const CLAUSE_STARTS = new Set([';', ':', '.', '!', '?', ',', 'and', 'but', 'so', 'because', 'although', 'though'])

export interface ActiveClause {
  /** The clause said actively, to be checked in place of the passive one. */
  text: string
  /** Where the passive clause is in the note, in characters (`end` exclusive). */
  start: number
  end: number
}

/**
 * The clauses of `text` written in the passive with the child after "by", each said actively:
 * "{child} has {participle} {subject} {the rest}".
 */
export function activeClauses(text: string, tokens: Token[]): ActiveClause[] {
  const out: ActiveClause[] = []
  for (let by = 2; by < tokens.length - 1; by++) {
    if (tokens[by].norm !== 'by') continue
    const agent = childAgent(text, tokens, by + 1)
    if (agent === null) continue
    // back to the participle and its "was"/"are being": "was made", "are being taken", "were allowed into the house"
    let participle = -1
    for (let i = by - 1; i > 0 && by - i <= 8; i--) {
      const t = tokens[i]
      if (t.punct || t.sentence !== tokens[by].sentence) break
      if (t.pos === 'VERB' && PASSIVE_BE.has(tokens[i - 1].norm)) {
        participle = i
        break
      }
    }
    if (participle < 0) continue
    let be = participle - 1
    while (be - 1 >= 0 && PASSIVE_BE.has(tokens[be - 1].norm)) be--
    while (be - 1 >= 0 && ['has', 'have', 'had', 'will', 'would', 'may', 'might'].includes(tokens[be - 1].norm)) be--
    // the subject: from the clause's start to the "was"
    let from = be
    while (
      from - 1 >= 0 &&
      be - from < 12 &&
      tokens[from - 1].sentence === tokens[by].sentence &&
      !CLAUSE_STARTS.has(tokens[from - 1].norm)
    )
      from--
    if (from === be) continue
    const subject = text.slice(tokens[from].start, tokens[be - 1].end)
    const rest = participle + 1 < by ? ' ' + text.slice(tokens[participle + 1].start, tokens[by - 1].end) : ''
    const after = agent.end < tokens.length && tokens[agent.end].sentence === tokens[by].sentence
    const tail = after ? text.slice(tokens[agent.end - 1].end, clauseEnd(tokens, agent.end)) : ''
    const who = agent.words
    out.push({
      text: `${who} has ${tokens[participle].norm} ${lowerFirst(subject)}${rest}${tail}.`,
      start: tokens[from].start,
      end: tokens[agent.end - 1].end,
    })
  }
  return out
}

// the child named after "by": "by her", "by Fatima", "by the young person", "by the child"
function childAgent(text: string, tokens: Token[], at: number): { words: string; end: number } | null {
  const t = tokens[at]
  const next = tokens[at + 1]
  const ownsNext =
    next !== undefined && !next.punct && (next.norm === "'s" || next.pos === 'NOUN' || next.pos === 'PROPN')
  const subject = SUBJECT_OF.get(t.norm)
  if (subject) return ownsNext ? null : { words: subject, end: at + 1 }
  // a name, in one or more words: "Fatima", "Lily-Mae"
  let end = at
  while (
    end < tokens.length &&
    tokens[end].pos === 'PROPN' &&
    tokens[end].capital &&
    !OTHER_PEOPLE.has(tokens[end].norm)
  )
    end++
  if (end > at && end - at <= 3 && tokens[end]?.norm !== "'s")
    return { words: text.slice(t.start, tokens[end - 1].end), end }
  if (t.norm === 'the' && next && CHILD_NOUNS.has(next.norm)) {
    if (next.norm === 'young' && tokens[at + 2]?.norm === 'person') return { words: 'the young person', end: at + 3 }
    if (next.norm !== 'young') return { words: `the ${next.norm}`, end: at + 2 }
  }
  return null
}

function clauseEnd(tokens: Token[], from: number): number {
  let i = from
  while (
    i < tokens.length &&
    i - from < 20 &&
    tokens[i].sentence === tokens[from].sentence &&
    !CLAUSE_STARTS.has(tokens[i].norm)
  )
    i++
  return tokens[i - 1].end
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s
}
