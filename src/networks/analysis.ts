// Link analysis on what is stored: the area's link facts as known at a moment, the suggested networks
// with the analysts' decisions applied, the shared-association alerts, and the rows the command line
// prints (docs/cli.md). The pure rules are in suggest.ts, shared.ts and decision.ts.
import type { Db } from '../db/database.ts'
import { summaries } from '../people/people.ts'
import { assessArea } from '../risk/area.ts'
import { applyDecisions, confirmedMembers } from './decision.ts'
import { decisionsAt } from './decisions-store.ts'
import { loadAreaLinks, type AreaLinks } from './facts.ts'
import { networkRow, objectSourcesFromFacts, type NetworkRow } from './network-row.ts'
import { sharedAssociations, type SharedAssociation } from './shared.ts'
import { suggestNetworks } from './suggest.ts'
import type { Network } from './types.ts'

export const NETWORK_COLUMNS = [
  'id',
  'status',
  'children',
  'children_source_records',
  'members',
  'agencies',
  'first_seen',
  'last_seen',
] as const
export const SHARED_COLUMNS = ['kind', 'key', 'children_count', 'child_ids', 'agencies', 'first_linked_at'] as const

export interface AnalysisQuery {
  at: Date
  minChildren?: number
  /** Already-loaded links of the same moment (a page that needs both networks and alerts). */
  area?: AreaLinks
}

const context = (area: AreaLinks) => ({ asOf: area.at, population: area.population, relationships: area.relationships })

/** Suggested networks as of `at`, each with the latest decision made about it by then. */
export async function networksAt(db: Db, query: AnalysisQuery): Promise<{ networks: Network[]; area: AreaLinks }> {
  const area = query.area ?? (await loadAreaLinks(db, query.at))
  const decisions = await decisionsAt(db, query.at)
  const suggested = suggestNetworks(area.facts, {
    ...context(area),
    minChildren: query.minChildren,
    confirmed: confirmedMembers(decisions),
    publicPlaces: area.publicPlaces,
  })
  const networks = applyDecisions(suggested, decisions)
  return { networks, area }
}

export async function sharedAt(
  db: Db,
  query: AnalysisQuery,
): Promise<{ shared: SharedAssociation[]; area: AreaLinks }> {
  const area = query.area ?? (await loadAreaLinks(db, query.at))
  return { shared: sharedAssociations(area.facts, { ...context(area), minChildren: query.minChildren }), area }
}

/** `threadline networks`: a child's id is Threadline's person id, as a number like every `child_id`. */
export type NetworkCliRow = Omit<NetworkRow, 'children'> & { children: number[] }

export async function networkCliRows(db: Db, query: AnalysisQuery): Promise<NetworkCliRow[]> {
  const { networks, area } = await networksAt(db, query)
  const people = new Set<number>()
  for (const n of networks) {
    for (const c of n.children) people.add(Number(c))
    for (const m of n.members) if (m.kind === 'person') people.add(Number(m.key))
  }
  const known = await summaries(db, [...people], query.at)
  const ofObject = objectSourcesFromFacts(area.facts)
  const sources = { ofPerson: (id: string) => known.get(Number(id))?.source_records ?? [], ofObject }
  return networks.map((n) => {
    const row = networkRow(n, sources)
    return { ...row, children: row.children.map(Number) }
  })
}

export type SharedCliRow = Omit<SharedAssociation, 'child_ids'> & { child_ids: number[] }

export async function sharedCliRows(db: Db, query: AnalysisQuery): Promise<SharedCliRow[]> {
  const { shared } = await sharedAt(db, query)
  return shared.map((s) => ({ ...s, child_ids: s.child_ids.map(Number) }))
}

/**
 * A child's risk band (1 to 4, after any screening's override) as known at `at`, or null when they
 * were not a child then. Isolated so that ranking does not depend on how risk is stored.
 */
export async function bandOf(db: Db, childId: number, at: Date): Promise<number | null> {
  return (await bandsOf(db, [childId], at)).get(childId) ?? null
}

/**
 * Bands of many children as known at `at`, in one read: from the records recorded and screenings
 * signed by then (the risk capability's as-of assessment), not the cache of current scores, so that a
 * page or command as of a past day ranks networks as they would have been ranked that day.
 */
export async function bandsOf(db: Db, childIds: readonly number[], at: Date): Promise<Map<number, number>> {
  if (childIds.length === 0) return new Map()
  const assessed = await assessArea(db, at, { ids: [...new Set(childIds)] })
  return new Map(assessed.map((c) => [c.id, c.risk.band]))
}

/** Ranks suggestions: the highest band among the children first, then the number of agencies contributing. */
export function rankNetworks<T extends Network>(
  networks: readonly T[],
  bands: ReadonlyMap<number, number>,
): (T & { band: number | null })[] {
  const withBand = networks.map((n) => {
    const known = n.children.map((c) => bands.get(Number(c))).filter((b): b is number => b !== undefined)
    return { ...n, band: known.length ? Math.max(...known) : null }
  })
  return withBand.sort(
    (a, b) =>
      (b.band ?? 0) - (a.band ?? 0) ||
      b.agencies.length - a.agencies.length ||
      b.children.length - a.children.length ||
      (a.id < b.id ? -1 : 1),
  )
}
