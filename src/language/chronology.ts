// Imported records are checked too: the findings on each chronology entry's summary and details,
// with the child's age on the entry's date. They are the source agency's words, shown as they
// were received; Threadline never changes them. Findings are kept per event version (versions
// never change) so a long chronology is checked once, not on every view.
import type { Db } from '../db/database.ts'
import { londonDate } from '../config/clock.ts'
import { checkText } from './check.ts'
import { DateInputError } from './age.ts'
import { LEXICON_VERSION } from './lexicon.ts'
import type { Finding } from './types.ts'

export interface EventLanguage {
  summary: Finding[]
  details: Finding[]
  /** how many findings in all, for the template */
  count: number
}

/** What this module reads of a chronology entry, and the field it fills. */
export interface CheckableEvent {
  id: number
  view: 'full' | 'restricted'
  occurred_at: Date
  summary: string | null
  details: string | null
  language?: EventLanguage
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** A date of birth the age rules can use, or undefined (a partial or malformed one is not guessed at). */
export function usableDob(dob: string | null | undefined): string | undefined {
  return dob && DAY.test(dob) ? dob : undefined
}

/** The findings on one entry's words: pure, for tests and for the cache below. */
export function checkEvent(event: Pick<CheckableEvent, 'occurred_at' | 'summary' | 'details'>, childDob: string | undefined): EventLanguage {
  const options = { childDob, date: londonDate(event.occurred_at) }
  const check = (text: string | null) => {
    if (!text) return []
    try {
      return checkText(text, options)
    } catch (error) {
      // an impossible date of birth (2007-02-30) is the record's problem: check without the age
      if (error instanceof DateInputError) return checkText(text, { date: options.date })
      throw error
    }
  }
  const summary = check(event.summary)
  const details = check(event.details)
  return { summary, details, count: summary.length + details.length }
}

/**
 * Fills `language` on every entry the viewer sees in full (never on a restricted stub: its words are
 * not shared). Reads kept findings in one query, checks the rest and keeps them.
 */
export async function attachLanguage(db: Db, events: CheckableEvent[], dateOfBirth: string | null, at: Date): Promise<void> {
  const full = events.filter((e) => e.view === 'full' && (e.summary || e.details))
  if (full.length === 0) return
  const dob = usableDob(dateOfBirth)
  const key = dob ?? ''
  const kept = new Map<number, EventLanguage>()
  const rows = await db.selectFrom('language_event_checks').select(['event_id', 'findings'])
    .where('event_id', 'in', full.map((e) => e.id)).where('lexicon_version', '=', LEXICON_VERSION).where('child_dob', '=', key).execute()
  for (const row of rows) kept.set(row.event_id, parseKept(row.findings))
  const fresh: { event_id: number; lexicon_version: string; child_dob: string; findings: string; rules: string[]; checked_at: Date }[] = []
  for (const event of full) {
    let language = kept.get(event.id)
    if (!language) {
      language = checkEvent(event, dob)
      fresh.push({
        event_id: event.id, lexicon_version: LEXICON_VERSION, child_dob: key, checked_at: at,
        findings: JSON.stringify({ summary: language.summary, details: language.details }),
        rules: [...language.summary, ...language.details].map((f) => f.rule),
      })
    }
    if (language.count > 0) event.language = language
  }
  // kept in slices so one statement never carries too many parameters
  for (let i = 0; i < fresh.length; i += 500) {
    await db.insertInto('language_event_checks').values(fresh.slice(i, i + 500))
      .onConflict((oc) => oc.column('event_id').doUpdateSet((eb) => ({
        lexicon_version: eb.ref('excluded.lexicon_version'), child_dob: eb.ref('excluded.child_dob'),
        findings: eb.ref('excluded.findings'), rules: eb.ref('excluded.rules'), checked_at: eb.ref('excluded.checked_at'),
      }))).execute()
  }
}

function parseKept(value: unknown): EventLanguage {
  const v = (typeof value === 'string' ? JSON.parse(value) : value) as { summary?: Finding[]; details?: Finding[] }
  const summary = v.summary ?? []
  const details = v.details ?? []
  return { summary, details, count: summary.length + details.length }
}
