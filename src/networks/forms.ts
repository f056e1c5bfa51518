// The link-analysis forms as sent, read through web/forms.ts: a context plan (title, text, the
// conference's date as YYYY-MM-DD or YYYY-MM-DD HH:MM, the version it was made from), a plan's action
// (title, owner, due day as YYYY-MM-DD) and an analyst's decision about a network. A value that cannot
// be read is refused (400) with what to send instead.
import { DateTime } from 'luxon'
import { endOfDayLondon, ZONE } from '../config/clock.ts'
import { badRequest } from '../errors/domain-error.ts'
import { text, type Form } from '../web/forms.ts'

/** A day (its start, or its end) or a day and a time, London time; null when blank or not one of those. */
function parseWhen(value: string, endOfDay: boolean): Date | null {
  if (!value) return null
  if (/^\d{4}-\d{2}-\d{2}$/.test(value))
    return endOfDay ? endOfDayLondon(value) : DateTime.fromISO(value, { zone: ZONE }).toJSDate()
  const d = DateTime.fromFormat(value, 'yyyy-MM-dd HH:mm', { zone: ZONE })
  return d.isValid ? d.toJSDate() : null
}

export interface PlanForm {
  yours: { title: string; plan: string; conferenceAt: Date | null }
  /** The version the change was made from; null for a new plan. */
  version: number | null
}

export function readPlanForm(form: Form): PlanForm {
  const conferenceText = text(form, 'conference_at')
  const conferenceAt = parseWhen(conferenceText, false)
  if (conferenceText && !conferenceAt) throw badRequest('Give the conference date as YYYY-MM-DD or YYYY-MM-DD HH:MM.')
  const versionText = text(form, 'version')
  if (versionText && !/^\d{1,9}$/.test(versionText))
    throw badRequest('The form was not sent whole: open the page again.')
  // the plan's text as written (only the title is trimmed when saved)
  const plan = typeof form.plan === 'string' ? form.plan : ''
  return {
    yours: { title: text(form, 'title'), plan, conferenceAt },
    version: versionText ? Number(versionText) : null,
  }
}

export function readActionForm(form: Form) {
  const dueAt = parseWhen(text(form, 'due'), true)
  if (!dueAt) throw badRequest('Give the due date as YYYY-MM-DD.')
  return { title: text(form, 'title'), owner: text(form, 'owner'), dueAt }
}

/** The outcome chosen, the reason given, and the newest decision the page showed (decision_from: empty for none; absent when a script sends none). */
export function readDecisionForm(form: Form) {
  const outcome = text(form, 'outcome')
  if (outcome !== 'confirmed' && outcome !== 'dismissed') throw badRequest('Choose to confirm or dismiss the network.')
  const fromText = text(form, 'decision_from')
  const from = form.decision_from === undefined ? undefined : fromText === '' ? null : Number(fromText)
  return { outcome, reason: text(form, 'reason'), from } as const
}
