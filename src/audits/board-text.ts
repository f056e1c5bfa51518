// No child identifiable in what the partnership board reads (pure). Free text that reaches the board's
// version of an audit (the discussion's findings for a child and for the theme, an agency's good
// practice and what should have happened, an action's title) is checked when saved against every
// cohort child's names and identifiers from all their linked records, and the board's report removes
// any that got through. Names and identifiers match case-insensitively as whole words ("Leah's" names
// Leah; "Leanne" does not). A person id is a small number, so it counts only where it is written as an
// id ("person 12", "id 12", "#12", "/people/12"), never as any number in the text.

export interface CohortIdentity {
  /** given, family, other and known-as names, each as recorded and word by word */
  names: readonly string[]
  /** agency source ids, NHS numbers, UPNs, PNC ids */
  identifiers: readonly string[]
  /** Threadline's person ids (the child's and any merged into them) */
  personIds: readonly number[]
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const WORD = '[\\p{L}\\p{N}]'

/** The words of a name worth matching: the whole name and each part of two letters or more. */
function nameForms(name: string): string[] {
  const whole = name.trim().replace(/\s+/g, ' ')
  if (!whole) return []
  return [whole, ...whole.split(' ').filter((w) => [...w].length >= 2)]
}

/** An identifier's pattern: digits may be written with spaces or hyphens between them (an NHS number in 3-3-4). */
function identifierPattern(id: string): string | null {
  const compact = id.replace(/[\s-]/g, '')
  if (compact.length < 3) return null
  return [...compact].map(escape).join('[\\s-]?')
}

/** One pattern for all of a cohort's names and identifiers, or null when there is nothing to look for. */
export function identityPattern(identity: CohortIdentity): RegExp | null {
  const names = [...new Set(identity.names.flatMap(nameForms).map((n) => n.toLocaleLowerCase('en-GB')))]
  const parts = [
    ...names.sort((a, b) => b.length - a.length).map(escape),
    ...identity.identifiers.map(identifierPattern).filter((p): p is string => p !== null),
    ...(identity.personIds.length
      ? [`(?:people/|person(?:\\s+id)?\\s*|id\\s*:?\\s*|#\\s*)(?:${identity.personIds.join('|')})`]
      : []),
  ]
  if (parts.length === 0) return null
  return new RegExp(`(?<!${WORD})(?:${parts.join('|')})(?!${WORD})`, 'giu')
}

/** Whether the text names or identifies a child of the cohort. */
export function identifiesChild(text: string, pattern: RegExp | null): boolean {
  if (!pattern || !text) return false
  pattern.lastIndex = 0
  const found = pattern.test(text)
  pattern.lastIndex = 0
  return found
}

export const REMOVED = '[removed]'

/** The board's copy: each name or identifier replaced (the second guard, behind the check on saving). */
export function redacted(text: string, pattern: RegExp | null): string {
  if (!pattern || !text) return text
  return text.replace(pattern, REMOVED)
}

/** The message for a field whose text identifies a child: names the field and why, never the name. */
export const identifiesMessage = (label: string) =>
  `${label}: the partnership board reads this text, and it names or identifies a child in this audit. Refer to children only as Child 1, Child 2 and so on, without names or identifiers`
