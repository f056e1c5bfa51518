// The standards a section 11 or section 175 self-assessment is made against, as versioned data (pure;
// decision 0045). Each set is a kind, a version (whole numbers from 1, each new one the next), a title,
// the source it follows, and its standards (an id the ratings are stored under, and the words). The sets
// Threadline ships are version 1 of each, reference rows put in by migration 0034; an area adds its own
// with `threadline reviews standards add FILE`. A self-assessment records the version it was made
// against and keeps showing that version's standards after a newer one is added.
import type { AssessmentKind } from './self-assessments.ts'

export interface Standard {
  id: string
  text: string
}

export interface StandardSet {
  kind: AssessmentKind
  version: number
  title: string
  source: string
  standards: Standard[]
}

export const STANDARD_TEXT_MAX = 500
export const STANDARD_SET_MAX = 40

export const SECTION_11_V1: StandardSet = {
  kind: 'section_11',
  version: 1,
  title: 'Section 11 standards',
  source:
    'Children Act 2004, section 11; Working Together to Safeguard Children 2023, chapter 2 (organisations’ ' +
    'responsibilities under section 11)',
  standards: [
    { id: 'leadership', text: 'Senior management commitment to safeguarding and promoting children’s welfare' },
    { id: 'responsibility', text: 'A clear statement of the agency’s responsibilities towards children' },
    { id: 'accountability', text: 'A clear line of accountability for safeguarding, with a named lead' },
    { id: 'child_voice', text: 'Services shaped by children’s views and wishes' },
    { id: 'training', text: 'Safeguarding training, supervision and support for staff' },
    { id: 'safer_recruitment', text: 'Safer recruitment and handling allegations against staff' },
    { id: 'inter_agency', text: 'Effective working with other agencies' },
    { id: 'information_sharing', text: 'Sharing information to safeguard children' },
  ],
}

export const SECTION_175_V1: StandardSet = {
  kind: 'section_175',
  version: 1,
  title: 'Section 175 standards',
  source:
    'Education Act 2002, section 175 (and section 157 for independent schools); Keeping Children Safe in Education',
  standards: [
    { id: 'leadership', text: 'The governing body’s and leaders’ oversight of safeguarding' },
    { id: 'dsl', text: 'A designated safeguarding lead with the time, training and authority the role needs' },
    { id: 'policies', text: 'Child protection policy and procedures, known to all staff' },
    { id: 'training', text: 'Safeguarding training for all staff, refreshed as required' },
    { id: 'safer_recruitment', text: 'Safer recruitment, the single central record and allegations' },
    { id: 'curriculum', text: 'Teaching children about safeguarding, including online safety' },
    { id: 'inter_agency', text: 'Working with the partnership’s agencies and referring concerns' },
    { id: 'records', text: 'Safeguarding records kept and passed on when a child moves school' },
    { id: 'attendance', text: 'Children missing education and persistent absence followed up' },
  ],
}

/** The sets migration 0034 puts in as reference rows. */
export const SHIPPED_STANDARD_SETS: readonly StandardSet[] = [SECTION_11_V1, SECTION_175_V1]

export interface SetProblem {
  /** where in the file, like `standards[2].id` */
  field: string
  /** what was expected there */
  expected: string
}

const ID = /^[a-z][a-z0-9_]{0,39}$/
const KINDS = ['section_11', 'section_175']

/** A problem as one line: the field, what was expected, and what was found. */
export const problemLine = (p: SetProblem) => `${p.field}: expected ${p.expected}`

/**
 * What is wrong with a file offered as a new set, field by field; empty when none. `latest` is the
 * newest version of each kind already held: a new set must be the next version of its kind.
 */
export function standardSetProblems(value: unknown, latest: Partial<Record<string, number>> = {}): SetProblem[] {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return [{ field: '(the file)', expected: 'a JSON object with kind, version, title, source and standards' }]
  const s = value as Record<string, unknown>
  const problems: SetProblem[] = []
  const kind = typeof s.kind === 'string' && KINDS.includes(s.kind) ? s.kind : null
  if (!kind) problems.push({ field: 'kind', expected: '"section_11" or "section_175"' })
  if (typeof s.version !== 'number' || !Number.isInteger(s.version) || s.version < 1)
    problems.push({ field: 'version', expected: 'a whole number from 1' })
  else if (kind) {
    const next = (latest[kind] ?? 0) + 1
    if (s.version !== next)
      problems.push({
        field: 'version',
        expected: `${next}, the next version of ${kind} (version ${latest[kind] ?? 0} is the newest held)`,
      })
  }
  for (const name of ['title', 'source'] as const)
    if (typeof s[name] !== 'string' || !(s[name] as string).trim() || (s[name] as string).length > STANDARD_TEXT_MAX)
      problems.push({ field: name, expected: `text of 1 to ${STANDARD_TEXT_MAX} characters` })
  if (!Array.isArray(s.standards) || s.standards.length === 0 || s.standards.length > STANDARD_SET_MAX) {
    problems.push({ field: 'standards', expected: `a list of 1 to ${STANDARD_SET_MAX} { "id", "text" } objects` })
    return problems
  }
  const seen = new Set<string>()
  s.standards.forEach((item: unknown, i) => {
    const at = `standards[${i}]`
    if (!item || typeof item !== 'object') {
      problems.push({ field: at, expected: 'an object { "id", "text" }' })
      return
    }
    const { id, text } = item as Record<string, unknown>
    if (typeof id !== 'string' || !ID.test(id))
      problems.push({
        field: `${at}.id`,
        expected: 'lower-case letters, digits and underscores, starting with a letter',
      })
    else if (seen.has(id))
      problems.push({ field: `${at}.id`, expected: `an id not used before in the set ("${id}" is)` })
    else seen.add(id)
    if (typeof text !== 'string' || !text.trim() || text.length > STANDARD_TEXT_MAX)
      problems.push({ field: `${at}.text`, expected: `text of 1 to ${STANDARD_TEXT_MAX} characters` })
  })
  return problems
}

/** A checked file as the set it is, its words trimmed. */
export function cleanSet(value: unknown): StandardSet {
  const s = value as StandardSet
  return {
    kind: s.kind,
    version: s.version,
    title: s.title.trim(),
    source: s.source.trim(),
    standards: s.standards.map((x) => ({ id: x.id, text: x.text.trim() })),
  }
}
