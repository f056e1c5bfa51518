// The rows of `children --at-risk` and `children --unanswered` (docs/cli.md), computed as known
// at `asOf` from the versioned records. The CLI prints them; tests call them on both databases.
import type { Db } from '../db/database.ts'
import { formatLondon } from '../config/clock.ts'
import { summaries } from '../people/people.ts'
import { assessArea, type AssessedChild } from './area.ts'
import type { RiskSettings } from './settings.ts'
import { must } from '../errors/must.ts'

export const CHILDREN_COLUMNS = [
  'child_id',
  'given_name',
  'family_name',
  'date_of_birth',
  'band',
  'band_label',
  'score',
  'first_flagged_at',
  'unanswered_since',
  'agencies',
  'source_records',
] as const

export type ChildrenRow = Record<(typeof CHILDREN_COLUMNS)[number], string | number | string[] | null>

async function rows(db: Db, asOf: Date, list: AssessedChild[]): Promise<ChildrenRow[]> {
  const people = await summaries(
    db,
    list.map((c) => c.id),
    asOf,
  )
  return list.map((c) => {
    const p = people.get(c.id)
    return {
      child_id: c.id,
      given_name: p?.given_name ?? null,
      family_name: p?.family_name ?? null,
      date_of_birth: c.dateOfBirth,
      band: c.risk.band,
      band_label: c.risk.bandLabel,
      score: c.risk.shownScore,
      first_flagged_at: formatLondon(c.risk.firstFlaggedAt),
      unanswered_since: formatLondon(c.risk.unanswered.unansweredSince),
      agencies: p?.agencies ?? [],
      source_records: p?.source_records ?? [],
    }
  })
}

/** Children whose effective band is at least minBand, highest band and score first. */
export async function atRiskList(
  db: Db,
  options: { asOf: Date; minBand?: number; settings: RiskSettings },
): Promise<ChildrenRow[]> {
  const minBand = options.minBand ?? 2
  const all = await assessArea(db, options.asOf, { minBand, settings: options.settings })
  const listed = all
    .filter((c) => c.risk.band >= minBand)
    .sort((a, b) => b.risk.band - a.risk.band || b.risk.score.score - a.risk.score.score || a.id - b.id)
  return rows(db, options.asOf, listed)
}

/** When an unanswered child's response became overdue. */
function overdueSince(c: { risk: { unanswered: { unansweredSince: Date | null } } }): Date {
  return must(c.risk.unanswered.unansweredSince, 'when an unanswered child became overdue')
}

/** Children whose response is overdue, longest overdue first. */
export async function unansweredList(db: Db, options: { asOf: Date; settings: RiskSettings }): Promise<ChildrenRow[]> {
  const all = await assessArea(db, options.asOf, { settings: options.settings })
  const listed = all
    .filter((c) => c.risk.unanswered.status === 'unanswered')
    .sort((a, b) => +overdueSince(a) - +overdueSince(b) || b.risk.band - a.risk.band || a.id - b.id)
  return rows(db, options.asOf, listed)
}
