// The audit forms read the one way every page does (web/forms.ts): values as typed, each mistake on
// its field in plain English. A blank seed is chosen at random and kept, so every draw can be replayed.
import { randomBytes } from 'node:crypto'
import { FormErrors, checkLengths, readDay, text, type Form, type TextLimit } from '../web/forms.ts'
import { isoOfDay } from '../web/date-time.ts'
import type { CriterionDefinition } from './criteria.ts'
import { gradesFrom, type AuditTool, type Grade } from './tool.ts'
import type { Stratify } from './tables.ts'
import type { NewAudit } from './store.ts'

export const AUDIT_TEXT: Record<string, TextLimit> = {
  theme: { label: 'The theme', max: 200 },
  seed: { label: 'The seed', max: 64 },
}
export const FINDINGS_TEXT: Record<string, TextLimit> = { findings: { label: 'The findings', max: 10_000 } }
export const RETURN_TEXT: Record<string, TextLimit> = {
  good_practice: { label: 'Good practice', max: 10_000 },
  should_have_happened: { label: 'What should have happened', max: 10_000 },
}

const STRATA: Stratify[] = ['none', 'agency', 'band']

/** A new audit; `criteria` the criteria new audits may use (the newest version of each). */
export function readNewAudit(
  form: Form,
  toolVersion: string,
  criteria: readonly Pick<CriterionDefinition, 'name' | 'version' | 'title'>[],
): { audit: NewAudit | null; errors: FormErrors } {
  const errors = new FormErrors()
  const theme = text(form, 'theme')
  if (!theme) errors.add('theme', 'Enter the theme of the audit')
  const criterion = criteria.find((c) => c.name === text(form, 'criteria'))
  if (!criterion)
    errors.add('criteria', `Choose which children the audit looks at (${criteria.map((c) => c.title).join(' or ')})`)
  const from = readDay(form, 'from', errors, { label: 'the first day of the period', required: true })
  const to = readDay(form, 'to', errors, { label: 'the last day of the period', required: true })
  if (from && to && isoOfDay(from) > isoOfDay(to))
    errors.add('to', 'The last day of the period must be on or after its first day', '#to-day')
  const closes = readDay(form, 'closes', errors, { label: 'the day the audit closes', required: true })
  const sizeText = text(form, 'sample_size')
  const size = /^\d+$/.test(sizeText) ? Number(sizeText) : NaN
  if (!(size >= 1 && size <= 50))
    errors.add('sample_size', 'Enter how many children to draw, a whole number from 1 to 50')
  const stratify = text(form, 'stratify_by') || 'none'
  if (!(STRATA as string[]).includes(stratify)) errors.add('stratify_by', 'Choose none, by agency or by risk band')
  checkLengths(form, AUDIT_TEXT, errors)
  if (errors.any || !from || !to || !closes || !criterion) return { audit: null, errors }
  return {
    audit: {
      theme,
      criteria: criterion.name,
      criteriaVersion: criterion.version,
      periodFrom: isoOfDay(from),
      periodTo: isoOfDay(to),
      sampleSize: size,
      seed: text(form, 'seed') || randomBytes(6).toString('hex'),
      stratifyBy: stratify as Stratify,
      toolVersion,
      closesOn: isoOfDay(closes),
    },
    errors,
  }
}

/** Grades on every heading of the tool, and the findings (required). */
export function readAgreement(
  form: Form,
  tool: AuditTool,
): { grades: Record<string, Grade>; findings: string; errors: FormErrors } {
  const errors = new FormErrors()
  const { grades, missing } = gradesFrom(tool, (name) => text(form, name))
  for (const h of missing) errors.add(`grade_${h.id}`, `Choose the agreed grade for ${h.title.toLowerCase()}`)
  const findings = text(form, 'findings')
  if (!findings) errors.add('findings', 'Enter the findings agreed in the discussion')
  checkLengths(form, FINDINGS_TEXT, errors)
  return { grades, findings, errors }
}

/** An agency's return: an answer to each question, a grade on each heading, good practice and what should have happened. */
export function readReturn(
  form: Form,
  tool: AuditTool,
): {
  answers: Record<string, string>
  grades: Record<string, Grade>
  goodPractice: string
  shouldHaveHappened: string
  errors: FormErrors
} {
  const errors = new FormErrors()
  const answers: Record<string, string> = {}
  for (const q of tool.questions) {
    const answer = text(form, `answer_${q.id}`)
    if (!answer) errors.add(`answer_${q.id}`, `Answer: ${q.text}`)
    else if (answer.length > 10_000) errors.add(`answer_${q.id}`, 'An answer must be 10,000 characters or less')
    answers[q.id] = answer
  }
  const { grades, missing } = gradesFrom(tool, (name) => text(form, name))
  for (const h of missing) errors.add(`grade_${h.id}`, `Choose your grade for ${h.title.toLowerCase()}`)
  const goodPractice = text(form, 'good_practice')
  if (!goodPractice) errors.add('good_practice', 'Enter the good practice you found (or say there was none)')
  const shouldHaveHappened = text(form, 'should_have_happened')
  if (!shouldHaveHappened) errors.add('should_have_happened', 'Enter what should have happened (or say nothing more)')
  checkLengths(form, RETURN_TEXT, errors)
  return { answers, grades, goodPractice, shouldHaveHappened, errors }
}

export const ACTION_TEXT: Record<string, TextLimit> = { title: { label: 'The action', max: 500 } }

/** An action from a finding: what is to be done, by whom (one of `owners`), by when. */
export function readFindingAction(
  form: Form,
  owners: readonly { userId: number; agency: string }[],
): { action: { title: string; ownerId: number; ownerAgency: string; dueDate: string } | null; errors: FormErrors } {
  const errors = new FormErrors()
  const title = text(form, 'title')
  if (!title) errors.add('title', 'Enter what is to be done')
  const owner = owners.find((o) => String(o.userId) === text(form, 'owner'))
  if (!owner)
    errors.add('owner', 'Choose who owns the action: a manager or practitioner of an agency that knew the child')
  const due = readDay(form, 'due', errors, { label: 'the due date', required: true })
  checkLengths(form, ACTION_TEXT, errors)
  if (errors.any || !owner || !due) return { action: null, errors }
  return { action: { title, ownerId: owner.userId, ownerAgency: owner.agency, dueDate: isoOfDay(due) }, errors }
}
