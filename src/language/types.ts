// The shapes the language checker reads (a lexicon of rules) and writes (findings).
export type Severity = 'high' | 'medium' | 'low'

export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low']

/**
 * Rules whose meaning depends on who the words are about:
 * - `sexual-activity`: "sexually active", "had sex" — depends on the child's age and on whether the
 *   other person is an adult;
 * - `adult-relationship`: "boyfriend", "relationship with" — harmful only when the other person is an adult;
 * - `criminal`: "working for", "recruited" — harmful only when the sentence is about criminal exploitation.
 */
export type RuleContext = 'sexual-activity' | 'adult-relationship' | 'criminal'

export const RULE_CONTEXTS: readonly RuleContext[] = ['sexual-activity', 'adult-relationship', 'criminal']

/** What a finding says: the same fields a rule carries, overridable per outcome of an age rule. */
export interface Advice {
  severity: Severity
  reason: string
  suggestions: string[]
}

/** The outcomes of the `sexual-activity` context, each with its own advice. */
export interface SexualActivityAdvice {
  under13: Advice
  age13to15: Advice
  withAdult: Advice
  /** Said when neither the child's age nor an adult is known: what is needed to decide. */
  needsDob: Advice
}

export interface Rule extends Advice {
  id: string
  /** Patterns in the pattern language (see pattern.ts); one is enough to match. */
  phrases: string[]
  /** Patterns that, when they overlap a match, mean the words are used harmlessly. */
  except?: string[]
  source: string
  context?: RuleContext
  /**
   * `person`: the words blame only when said of the child themselves ("keeps going missing"), not
   * of a thing that is the child's ("her phone keeps going missing"). Said of someone else or of
   * another thing, no rule flags (about.ts).
   */
  about?: 'person'
  /** Choice, consent and "agreed" language: flagged for a child under 18 (or when the age is unknown), not of an adult. */
  under18?: boolean
  /** A broad rule (a wish or a job said of the child): reported only where no other rule found those words. */
  fallback?: boolean
  /** For `sexual-activity` rules: the advice for each age outcome. */
  ages?: SexualActivityAdvice
}

export interface Lexicon {
  version: string
  rules: Rule[]
}

/** A file of an area's own rules, merged over the shipped lexicon. */
export interface AreaRuleFile {
  area: string
  version: string
  rules?: Rule[]
  /** Ids of shipped rules the area switches off. */
  disable?: string[]
}

export interface Finding {
  /** JavaScript string offsets (UTF-16 code units); `end` exclusive. */
  start: number
  end: number
  phrase: string
  rule: string
  severity: Severity
  reason: string
  suggestions: string[]
  source: string
}

export interface CheckOptions {
  /** The child's date of birth, YYYY-MM-DD. */
  childDob?: string
  /** The date the note is about (its date), YYYY-MM-DD; the child's age is taken on this day. */
  date?: string
  /** A lexicon (e.g. the shipped one merged with an area's rules); the shipped lexicon otherwise. */
  rules?: Lexicon
}
