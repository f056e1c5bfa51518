// The working-together forms' own fields: numbered action rows, and the older single-box dates of the
// meeting, action and supervision forms (the decision and challenge forms use web/forms.ts throughout).
import type { Db } from '../db/database.ts'
import type { Actor } from '../audit/actor.ts'
import { completeAction, MeetingError, type NewAction } from './store-meetings.ts'
import { completionProblems } from './actions.ts'

// form values are read the one way every page reads them (web/forms.ts)
import { FormErrors, readDateTime, text, type Form } from '../web/forms.ts'
import { parseDayText } from '../web/date-time.ts'
export { list, text, type Form } from '../web/forms.ts'

/**
 * A date and an optional time as people type them (web/date-time.ts, the one parser: 2009-06-01,
 * 1/6/2009; 14:05, 2.05pm, midday), London time; null when missing or not a date. A day given
 * without a time is taken as midday, or as `now` when that is earlier (a thing done this morning).
 * The meeting, action and supervision forms read their dates with it.
 */
export function londonTime(date: string, time = '', now?: Date): Date | null {
  const errors = new FormErrors()
  return readDateTime({ d: date, 'd-time': time }, 'd', errors, { label: 'the date', required: true }, now)
}

/** A day written YYYY-MM-DD that can be (the ASYE start date is stored as written). */
export const isoDay = (date: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(date) && parseDayText(date, 'the date', { required: true }).ok

/** Action rows `action_title_N`, `action_owner_N`, `action_due_N`; blank rows are left out. */
export function actionRows(form: Form, rows: number): NewAction[] {
  const out: NewAction[] = []
  for (let i = 1; i <= rows; i++) {
    const title = text(form, `action_title_${i}`)
    const owner = text(form, `action_owner_${i}`)
    const due = text(form, `action_due_${i}`)
    if (!title && !owner && !due) continue
    out.push({ title, ownerId: Number(owner) || 0, dueDate: due })
  }
  return out
}

/**
 * An action marked done from its page's form (the date it was done and the evidence), through the one
 * check of a completion (actions.ts) and the store: the errors to show again, none when it is done.
 * `evidenceExample` names evidence of the page's kind ("a visit record reference").
 */
export async function completeActionFromForm(
  db: Db,
  actor: Actor,
  action: { id: number },
  by: number,
  form: Form,
  at: Date,
  evidenceExample: string,
): Promise<FormErrors> {
  const errors = new FormErrors()
  const completedAt = readDateTime(
    form,
    'done',
    errors,
    { label: 'the date it was done', required: true, notAfter: at },
    at,
  )
  const evidence = text(form, 'evidence')
  if (completionProblems({ completedAt: completedAt ?? at, evidence }).length)
    errors.add('evidence', `Enter the evidence that it was done, for example ${evidenceExample}`)
  if (!errors.any)
    await completeAction(db, actor, action.id, by, { completedAt, evidence }, at).catch((error: unknown) => {
      if (!(error instanceof MeetingError)) throw error
      errors.fromProblems(error.message, (p) => (/date/.test(p) ? 'done' : 'evidence'))
    })
  return errors
}
