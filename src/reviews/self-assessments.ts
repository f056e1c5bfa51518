// Section 11 and section 175 self-assessments (pure). Each agency assesses itself against the
// standards of its duty: section 11 of the Children Act 2004 for agencies, section 175 of the Education
// Act 2002 for schools and education (an agency of the kind "education"). Each standard is rated, and
// what falls short becomes actions in the agency's plan, with the same evidence rule as a review's.
import type { AgencyKind } from '../vocabulary/agency-kinds.ts'
import type { Standard } from './standards.ts'

export const ASSESSMENT_KINDS = ['section_11', 'section_175'] as const
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number]

export const ASSESSMENT_KIND_LABELS: Record<AssessmentKind, string> = {
  section_11: 'Section 11 (Children Act 2004)',
  section_175: 'Section 175 (Education Act 2002)',
}

/** Schools and education assess under section 175; every other agency under section 11. */
export const assessmentKindOf = (agencyKind: AgencyKind | string): AssessmentKind =>
  agencyKind === 'education' ? 'section_175' : 'section_11'

export const RATINGS = ['met', 'partly_met', 'not_met'] as const
export type Rating = (typeof RATINGS)[number]
export const RATING_LABELS: Record<Rating, string> = { met: 'Met', partly_met: 'Partly met', not_met: 'Not met' }
export const isRating = (value: string): value is Rating => (RATINGS as readonly string[]).includes(value)

export const PERIOD_MAX = 100

/** What must be put right before a self-assessment is kept: every standard rated, and its period named. */
export function assessmentProblems(
  standards: readonly Standard[],
  input: { period: string; ratings: Record<string, string> },
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = []
  if (!input.period)
    problems.push({ field: 'period', message: 'Enter the period the self-assessment covers, like 2026 to 2027' })
  else if (input.period.length > PERIOD_MAX)
    problems.push({ field: 'period', message: `The period must be ${PERIOD_MAX} characters or less` })
  for (const s of standards)
    if (!isRating(input.ratings[s.id] ?? ''))
      problems.push({ field: `rating_${s.id}`, message: `Rate the standard “${s.text}”` })
  return problems
}
