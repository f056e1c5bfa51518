// What an agency's record says about an offence, a plan's category and an assessment's factors, read
// the same way by every rule (risk evidence, decisions about serious harm). Version 1.1 files carry
// these only in free text (`outcome`, `summary`, `details`); later files may send `offence`,
// `category` and `factors` as fields of their own (kept in the event's `extra` until the format names
// them). The DfE's codes (CIN census: category of abuse, factors at assessment) are read as well as words.
import type { EventRecord } from './types.ts'

/** The offences of the Sexual Offences Act 2003 by their usual names, and the words agencies use for them. */
const SEXUAL_OFFENCE =
  /\b(rape[ds]?|sexual(ly)?|indecen(t|cy)|groom(ing|ed)|cse|child sexual exploitation|penetrat\w*|incit\w*|upskirt\w*|voyeur\w*|abuse of (a )?position of trust|paying for (the )?sexual services|sexting|nude images?|s\.? ?(5|6|7|8|9|10|11|12|13|14|15|15a|16|17|18|19|47|48|49|50) soa|soa 2003)\b/i

/** Does any of these texts name a sexual offence? */
export function namesSexualOffence(...texts: (string | null | undefined)[]): boolean {
  return texts.some((t) => typeof t === 'string' && SEXUAL_OFFENCE.test(t))
}

/** Roles in which the person a record is about did the offence rather than suffered it. */
const NOT_HARMED = /suspect|offender|perpetrator/i

/** Is an involvement's role one of doing the offence (suspect, offender, perpetrator)? */
export const isSuspectRole = (role: string | null | undefined) => NOT_HARMED.test(role ?? '')

/** Is the record's own subject named in it as the suspect (of harmful sexual behaviour, say), so not harmed by it? */
export function subjectIsSuspect(e: { subject?: string; involves?: EventRecord['involves'] }): boolean {
  return (e.involves ?? []).some((i) => i.kind === 'person' && i.person === e.subject && NOT_HARMED.test(i.role ?? ''))
}

type Wordy = Pick<EventRecord, 'outcome' | 'summary' | 'details'> & { extra?: Record<string, unknown> }

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null)
const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []

/** The words of a record that may name an offence: its `offence` (where sent), outcome, summary and details. */
export function offenceWords(e: Wordy): (string | null | undefined)[] {
  return [text(e.extra?.offence), e.outcome, e.summary, e.details]
}

/** Is the record about a sexual offence? */
export function isSexualOffence(e: Wordy): boolean {
  return namesSexualOffence(...offenceWords(e))
}

export type PlanCategory = 'sexual_abuse' | 'other' | 'unknown'

/**
 * A child protection plan's category: `category` (or the census's `latest_category`) as the DfE code
 * (SAB sexual abuse; NEG, PHY, EMO, MUL) or in words, else the plan's words.
 */
export function planCategory(e: Wordy): PlanCategory {
  const given = [text(e.extra?.category), text(e.extra?.latest_category)].filter((c): c is string => !!c)
  if (given.some((c) => /^sab$/i.test(c.trim()) || /sexual/i.test(c))) return 'sexual_abuse'
  if (given.length) return 'other'
  if (/\bsexual abuse\b|\bcategory:? sab\b/i.test([e.outcome, e.summary, e.details].join(' '))) return 'sexual_abuse'
  return /\b(neglect|physical abuse|emotional abuse|multiple)\b/i.test([e.outcome, e.summary, e.details].join(' '))
    ? 'other'
    : 'unknown'
}

/**
 * Exploitation found at an assessment: the census's factors (11A child sexual exploitation, 12A
 * trafficking, 13A gangs, 24A child criminal exploitation; 19A-C sexual abuse) or the same in words.
 */
export function assessedExploitation(e: Wordy): boolean {
  const factors = list(e.extra?.factors).map((f) => f.trim().toUpperCase())
  if (factors.some((f) => ['11A', '12A', '13A', '24A', '19A', '19B', '19C'].includes(f))) return true
  return /\b(child sexual exploitation|sexual exploitation|criminal exploitation|county lines|trafficking|trafficked|gang affiliation|gangs?)\b/i.test(
    [factors.join(' '), e.outcome, e.summary].join(' '),
  )
}

/** Sexual exploitation found at an assessment: the census's factor 11A, or the words. */
export function assessedSexualExploitation(e: Wordy): boolean {
  const factors = list(e.extra?.factors).map((f) => f.trim().toUpperCase())
  if (factors.includes('11A')) return true
  return /\b(child sexual exploitation|sexual exploitation|sexually exploited|cse)\b/i.test(
    [e.outcome, e.summary].join(' '),
  )
}
