// Entries of a child's chronology that Threadline itself records, beside the agencies' events: what
// happened to the child in Threadline (a MASH decision, an allocation by the MASH). Each capability
// that records such facts adds a source (Capability `chronologyEntries`); a source returns only what the
// viewer may see under its own view rule, and the chronology's filters (as known on, agency, kind,
// dates) apply to them as to events. Such a fact is recorded when it happens: its moment is both.
import type { Db } from '../db/database.ts'
import type { Reach, Viewer } from '../access/visibility.ts'
import type { ChronologyFilter } from '../chronology/chronology.ts'

export interface ThreadlineEntry {
  /** Unique among the entries of its kind ("mash-decision-3"): the entry's reference in copies of the chronology. */
  ref: string
  kind: string
  /** When it happened, which is when it was recorded. */
  at: Date
  /** The agency of whoever recorded it. */
  agency_code: string
  agency_name: string
  summary: string
  rationale: string | null
  recorded_by: string | null
}

export interface ChronologyEntrySource {
  id: string
  /** The kinds of entry it gives, offered in the chronology's "kind" filter (named in web/filters.ts KIND_LABELS). */
  kinds: readonly string[]
  /** The person's entries this viewer may see (`at` and the rest of the filter are applied to them here). */
  load(db: Db, personId: number, asking: { viewer: Viewer; reach: Reach; at: Date }): Promise<ThreadlineEntry[]>
}

const sources: ChronologyEntrySource[] = []

export function registerChronologyEntries(source: ChronologyEntrySource): void {
  if (!sources.some((s) => s.id === source.id)) sources.push(source)
}

/** Every kind of entry the sources give, for the "kind" filter. */
export const threadlineEntryKinds = () => sources.flatMap((s) => s.kinds)

/** The person's entries under the chronology's filter, newest first. */
export async function threadlineEntries(
  db: Db,
  personId: number,
  viewer: Viewer,
  reach: Reach,
  filter: ChronologyFilter,
): Promise<ThreadlineEntry[]> {
  if (sources.length === 0 || reach.level === 'none') return []
  const all = (await Promise.all(sources.map((s) => s.load(db, personId, { viewer, reach, at: filter.at })))).flat()
  return all
    .filter(
      (e) =>
        +e.at <= +filter.at &&
        (!filter.agencies?.length || filter.agencies.includes(e.agency_code)) &&
        (!filter.kinds?.length || filter.kinds.includes(e.kind)) &&
        (!filter.from || +e.at >= +filter.from) &&
        (!filter.to || +e.at < +filter.to),
    )
    .sort((a, b) => +b.at - +a.at)
}
