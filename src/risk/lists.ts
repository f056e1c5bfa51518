// The rows of `children --at-risk` and `children --unanswered` (docs/cli.md), computed as known
// at `asOf` from the versioned records. The CLI prints them; tests call them on both databases.
import type { Db } from '../db/database.ts'
import { formatLondon } from '../config/clock.ts'
import { summaries } from '../people/people.ts'
import {
  LISTED_UNTIL_AGE,
  assessArea,
  youngAdultsKnownAsChildren,
  type AssessedChild,
  type YoungAdult,
} from './area.ts'
import { riskSettings, type RiskSettings } from './settings.ts'
import { maintainedUnanswered, type UnansweredListEntry } from './maintained-lists.ts'
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

/** What a row of `children --unanswered` reads of a child on the maintained unanswered list. */
interface KeptChild {
  id: number
  dateOfBirth: string | null
  kept: UnansweredListEntry
}
const keptChild = (e: UnansweredListEntry): KeptChild => ({ id: e.childId, dateOfBirth: e.dateOfBirth, kept: e })

/** What a row says of a child's risk; a young adult is outside the instrument's ages: band 1, no score. */
function riskColumns(c: AssessedChild | YoungAdult | KeptChild) {
  if ('kept' in c)
    return {
      band: c.kept.band,
      band_label: c.kept.bandLabel,
      score: c.kept.shownScore,
      first_flagged_at: formatLondon(c.kept.firstFlaggedAt),
      unanswered_since: formatLondon(c.kept.unansweredSince),
    }
  if (!('risk' in c))
    return {
      band: 1,
      band_label: `18 or over: known to agencies as a child, listed until ${LISTED_UNTIL_AGE} (not scored)`,
      score: null,
      first_flagged_at: null,
      unanswered_since: null,
    }
  return {
    band: c.risk.band,
    band_label: c.risk.bandLabel,
    score: c.risk.shownScore,
    first_flagged_at: formatLondon(c.risk.firstFlaggedAt),
    unanswered_since: formatLondon(c.risk.unanswered.unansweredSince),
  }
}

async function rows(
  db: Db,
  asOf: Date,
  list: readonly (AssessedChild | YoungAdult | KeptChild)[],
): Promise<ChildrenRow[]> {
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
      ...riskColumns(c),
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
  // with band 1, every child, and after them the young adults the records knew as children (decision 0053)
  const youngAdults = minBand > 1 ? [] : await youngAdultsKnownAsChildren(db, options.asOf)
  return rows(db, options.asOf, [...listed, ...youngAdults])
}

/** When an unanswered child's response became overdue. */
function overdueSince(c: { risk: { unanswered: { unansweredSince: Date | null } } }): Date {
  return must(c.risk.unanswered.unansweredSince, 'when an unanswered child became overdue')
}

/**
 * Children whose response is overdue, longest overdue first: the maintained list (maintained-lists.ts)
 * when `now` is given and equals `asOf` with the configured settings, else computed for the area.
 */
export async function unansweredList(
  db: Db,
  options: { asOf: Date; settings: RiskSettings; now?: Date | null },
): Promise<ChildrenRow[]> {
  const { now } = options
  const configured = JSON.stringify(options.settings) === JSON.stringify(riskSettings())
  const kept = now && +now === +options.asOf && configured ? await maintainedUnanswered(db, now) : null
  if (kept) return rows(db, options.asOf, kept.map(keptChild))
  const all = await assessArea(db, options.asOf, { settings: options.settings })
  const listed = all
    .filter((c) => c.risk.unanswered.status === 'unanswered')
    .sort((a, b) => +overdueSince(a) - +overdueSince(b) || b.risk.band - a.risk.band || a.id - b.id)
  return rows(db, options.asOf, listed)
}
