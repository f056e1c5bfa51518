// Involvements named in episodes, keyed so that the same place, car or person named by two reports
// of one episode counts once.
import type { Involvement } from '../records/types.ts'
import type { EpisodeInvolvement } from './types.ts'

export function involvementKey(agency: string, inv: Involvement): string {
  // a person is named by the agency's own source_id, so the agency is part of the key
  if (inv.kind === 'person') return `person:${agency}:${inv.person}`
  return `${inv.kind}:${inv.key}`
}

export function withKeys(agency: string, list: readonly Involvement[]): EpisodeInvolvement[] {
  return list.map((involvement) => ({ key: involvementKey(agency, involvement), agency, involvement }))
}

export function uniqueByKey(list: readonly EpisodeInvolvement[]): EpisodeInvolvement[] {
  const seen = new Set<string>()
  return list.filter((x) => (seen.has(x.key) ? false : (seen.add(x.key), true)))
}

/** A location where the child was found: role `found_at`. */
export function isFoundAt(x: EpisodeInvolvement): boolean {
  return x.involvement.kind === 'location' && x.involvement.role === 'found_at'
}

/** Someone or something the child was found with: role `found_with`. */
export function isFoundWith(x: EpisodeInvolvement): boolean {
  return x.involvement.role === 'found_with'
}
