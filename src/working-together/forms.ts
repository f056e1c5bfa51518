// Reading the working-together forms: dates and times as people type them (Europe/London),
// lists from checkboxes, numbered action rows.
import { DateTime } from 'luxon'
import { ZONE } from '../config/clock.ts'
import type { NewAction } from './store-meetings.ts'

export type Form = Record<string, string | string[] | undefined>

export const text = (form: Form, name: string): string => {
  const v = form[name]
  return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim()
}

export const list = (form: Form, name: string): string[] => {
  const v = form[name]
  return (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean)
}

/**
 * `YYYY-MM-DD` and an optional `HH:MM`, London time; null when missing or not a date. A day given
 * without a time is taken as midday, or as `now` when that is earlier (a thing done this morning).
 */
export function londonTime(date: string, time = '', now?: Date): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || (time && !/^\d{1,2}:\d{2}$/.test(time))) return null
  const d = DateTime.fromISO(`${date}T${time ? time.padStart(5, '0') : '12:00'}`, { zone: ZONE })
  if (!d.isValid) return null
  return !time && now && now.getTime() < d.toMillis() && d.startOf('day').toMillis() <= now.getTime()
    ? now
    : d.toJSDate()
}

export const isoDay = (date: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(date) && DateTime.fromISO(date, { zone: ZONE }).isValid

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
