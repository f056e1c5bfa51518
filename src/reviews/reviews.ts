// Learning reviews (pure): a rapid review, a local child safeguarding practice review, or a national
// review adopted locally, and what must be true of one before it is kept. A review names a child only
// by a pseudonym ("Child Q"): it holds no child's id and links to no record, so that the partnership,
// which never sees a child's record, can hold it (decision 0038).
export const REVIEW_KINDS = ['rapid_review', 'local_practice_review', 'national_review'] as const
export type ReviewKind = (typeof REVIEW_KINDS)[number]

export const REVIEW_KIND_LABELS: Record<ReviewKind, string> = {
  rapid_review: 'Rapid review',
  local_practice_review: 'Local child safeguarding practice review',
  national_review: 'National review adopted locally',
}

export const isReviewKind = (value: string): value is ReviewKind => (REVIEW_KINDS as readonly string[]).includes(value)

/** "Child Q", "Child AB", "Child T2": the word Child and a short code in capitals, never a name. */
export const PSEUDONYM = /^Child [A-Z][A-Z0-9]{0,3}$/

export const TITLE_MAX = 200
export const RECOMMENDATION_MAX = 2000

export interface ReviewInput {
  kind: string
  title: string
  pseudonym: string
  /** YYYY-MM-DD: the day the serious incident became known to the partnership (a rapid review's clocks start here) */
  incidentKnownOn: string | null
}

/** What must be put right before a review is kept, field by field. */
export function reviewProblems(input: ReviewInput): { field: keyof ReviewInput; message: string }[] {
  const problems: { field: keyof ReviewInput; message: string }[] = []
  if (!isReviewKind(input.kind)) problems.push({ field: 'kind', message: 'Choose the kind of review' })
  if (!input.title) problems.push({ field: 'title', message: 'Enter the title of the review' })
  else if (input.title.length > TITLE_MAX)
    problems.push({ field: 'title', message: `The title must be ${TITLE_MAX} characters or less` })
  if (input.pseudonym && !PSEUDONYM.test(input.pseudonym))
    problems.push({
      field: 'pseudonym',
      message: 'Enter the child’s pseudonym as the word Child and a code in capitals, like Child Q, never a name',
    })
  if (input.kind === 'rapid_review' && !input.incidentKnownOn)
    problems.push({
      field: 'incidentKnownOn',
      message: 'Enter the date the serious incident became known: a rapid review’s clocks start then',
    })
  return problems
}
