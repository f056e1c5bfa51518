// The check on saving: findings to show on the confirmation page, and counts for the partnership
// (rule, agency, month, where it was written, accepted or not). Numbers only: never the text, the
// child or the writer. It never blocks saving: the caller saves the record as written, whatever this finds.
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { londonDate, now } from '../config/clock.ts'
import { checkText } from './check.ts'
import { DateInputError } from './age.ts'
import { SHIPPED_LEXICON } from './lexicon.ts'
import { childDateOfBirth, usableDob } from './chronology.ts'
import type { Finding, Lexicon } from './types.ts'
import { describeError } from '../errors/describe.ts'

export interface SaveCheck {
  text: string | null | undefined
  /** the child's date of birth, YYYY-MM-DD, when known */
  childDob?: string | null
  /** the date the note is about, YYYY-MM-DD */
  date?: string | null
  /** the writer's agency: counts are by agency */
  agency: string
  /** where it was written, e.g. "return-interview", "supervision", "meeting", "decision", "event" */
  context: string
  /** rule ids of suggestions accepted as it was typed (the hidden field the script fills) */
  acceptedRules?: readonly string[]
  /**
   * Show the findings to this professional on the next page of this child they open (the forms go
   * back to the child's page after saving); without it the caller shows the returned findings itself.
   */
  showTo?: { userId: number; childId: number }
  /** when it was saved (the month counted); now() otherwise */
  at?: Date
  rules?: Lexicon
}

/** Longest accepted list believed from one form field: a page cannot inflate the figures at will. */
const MAX_ACCEPTED = 50

export async function checkOnSave(db: Db, input: SaveCheck): Promise<Finding[]> {
  const text = input.text ?? ''
  const lexicon = input.rules ?? SHIPPED_LEXICON
  const findings = text.trim() ? safeCheck(text, input, lexicon) : []
  const known = new Set(lexicon.rules.map((r) => r.id))
  const accepted = (input.acceptedRules ?? []).filter((r) => known.has(r)).slice(0, MAX_ACCEPTED)
  const at = input.at ?? now()
  try {
    await recordCounts(db, {
      agency: input.agency,
      context: input.context,
      at,
      found: findings.map((f) => f.rule),
      accepted,
    })
    if (input.showTo && findings.length) {
      await db
        .insertInto('language_pending')
        .values({
          user_id: input.showTo.userId,
          entity_id: input.showTo.childId,
          context: input.context.slice(0, 60),
          findings: JSON.stringify(findings),
          created_at: at,
        })
        .execute()
    }
  } catch (error) {
    // called after the record is saved: a failure here must not turn a saved record into an error page
    process.emitWarning(`language check on saving not stored: ${describeError(error)}`)
  }
  return findings
}

/** Several fields of one form, checked and counted together; the findings of all of them. */
export async function checkFieldsOnSave(
  db: Db,
  fields: { text: string | null | undefined; acceptedRules?: readonly string[] }[],
  common: Omit<SaveCheck, 'text' | 'acceptedRules'>,
): Promise<Finding[]> {
  const out: Finding[] = []
  for (const f of fields)
    out.push(...(await checkOnSave(db, { ...common, text: f.text, acceptedRules: f.acceptedRules })))
  return out
}

/**
 * The one call a form's POST handler makes after saving: checks the named fields of the posted form
 * (each with its `<field>_language_accepted` hidden field, filled by the page script), counts them,
 * and keeps the findings to show the writer on the child's page they return to. Never throws.
 */
export async function checkFormOnSave(
  db: Db,
  user: { id: number; agency: string },
  form: Record<string, unknown> | null | undefined,
  fields: readonly string[],
  about: {
    context: string
    childId: number
    /** looked up when not given */ childDob?: string | null
    at: Date
    date?: string | null
  },
): Promise<Finding[]> {
  const body = form ?? {}
  const date = about.date ?? londonDate(about.at)
  const childDob =
    about.childDob === undefined ? await childDateOfBirth(db, about.childId).catch(() => null) : about.childDob
  return checkFieldsOnSave(
    db,
    fields.map((name) => ({
      text: typeof body[name] === 'string' ? (body[name] as string) : null,
      acceptedRules: acceptedRulesFrom(body[`${name}_language_accepted`]),
    })),
    {
      agency: user.agency,
      context: about.context,
      childDob,
      date,
      at: about.at,
      showTo: { userId: user.id, childId: about.childId },
    },
  )
}

/** The findings kept for this professional about this child, deleted as they are taken to be shown. */
export async function takePendingFindings(db: Db, userId: number, childId: number): Promise<Finding[]> {
  const rows = await db
    .deleteFrom('language_pending')
    .where('user_id', '=', userId)
    .where('entity_id', '=', childId)
    .returning(['findings', 'id'])
    .execute()
  return rows
    .sort((a, b) => a.id - b.id)
    .flatMap((r) => (typeof r.findings === 'string' ? JSON.parse(r.findings) : r.findings) as Finding[])
}

function safeCheck(text: string, input: SaveCheck, rules: Lexicon): Finding[] {
  const date = input.date && usableDob(input.date) ? input.date : undefined
  try {
    return checkText(text, { childDob: usableDob(input.childDob), date, rules })
  } catch (error) {
    // a bad date is never a reason to lose the check (nor the record): check without the age
    if (error instanceof DateInputError) return checkText(text, { rules })
    throw error
  }
}

/** The rule ids in the hidden field the page script fills ("rule-a,rule-b"), however a form sent it. */
export function acceptedRulesFrom(value: unknown): string[] {
  const parts = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string')
  return parts
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => /^[a-z0-9][a-z0-9-]{0,80}$/.test(v))
    .slice(0, MAX_ACCEPTED)
}

/**
 * A finding still in the saved text fired and was not accepted; an accepted suggestion fired and
 * was accepted (its words are gone from the text, so it is counted from the hidden field).
 */
export async function recordCounts(
  db: Db,
  c: { agency: string; context: string; at: Date; found: string[]; accepted: string[] },
): Promise<void> {
  const tally = new Map<string, { fired: number; accepted: number }>()
  const bump = (rule: string, accepted: number) => {
    const t = tally.get(rule) ?? { fired: 0, accepted: 0 }
    t.fired++
    t.accepted += accepted
    tally.set(rule, t)
  }
  for (const rule of c.found) bump(rule, 0)
  for (const rule of c.accepted) bump(rule, 1)
  if (tally.size === 0) return
  const month = londonDate(c.at).slice(0, 7)
  const context = c.context.slice(0, 60)
  await db
    .insertInto('language_counts')
    .values(
      [...tally].map(([rule, t]) => ({
        month,
        agency_code: c.agency,
        context,
        rule,
        fired: t.fired,
        accepted: t.accepted,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['month', 'agency_code', 'context', 'rule']).doUpdateSet({
        fired: sql`language_counts.fired + excluded.fired`,
        accepted: sql`language_counts.accepted + excluded.accepted`,
      }),
    )
    .execute()
}

export interface CountRow {
  month: string
  agency_code: string
  agency_name: string
  context: string
  rule: string
  fired: number
  accepted: number
}

/** The counts, newest month first. */
export async function languageCounts(db: Db, filter: { from?: string; to?: string } = {}): Promise<CountRow[]> {
  let q = db
    .selectFrom('language_counts as c')
    .innerJoin('agencies as a', 'a.code', 'c.agency_code')
    .select(['c.month', 'c.agency_code', 'a.name as agency_name', 'c.context', 'c.rule', 'c.fired', 'c.accepted'])
  if (filter.from) q = q.where('c.month', '>=', filter.from)
  if (filter.to) q = q.where('c.month', '<=', filter.to)
  return q.orderBy('c.month', 'desc').orderBy('c.agency_code').orderBy('c.rule').orderBy('c.context').execute()
}

export interface ImportedCountRow {
  month: string
  agency_code: string
  agency_name: string
  rule: string
  fired: number
}

/**
 * Rules found in imported records checked so far (each event version once), by the agency that
 * wrote them and the month they were recorded.
 */
export async function importedCounts(db: Db): Promise<ImportedCountRow[]> {
  const rows = await sql<ImportedCountRow>`
    select to_char(e.recorded_at at time zone 'Europe/London', 'YYYY-MM') as month, e.agency_code, a.name as agency_name,
      r.rule, count(*)::int as fired
    from language_event_checks k
    join events e on e.id = k.event_id
    join agencies a on a.code = e.agency_code
    cross join lateral unnest(k.rules) as r(rule)
    group by 1, 2, 3, 4
    order by 1 desc, 2, 4`.execute(db)
  return rows.rows
}
