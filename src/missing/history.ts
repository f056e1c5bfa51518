// A child's missing history as the person-page panel and the Philomena profile show it, built
// from the versions the viewer may read (pure).
import type { InterviewRow } from './interviews.ts'
import { missingPattern, type MissingPattern } from './pattern.ts'
import type { MissingState } from './state.ts'
import type { EpisodeInvolvement, MissingEpisode, RecordedEvent } from './types.ts'
import type { RepeatRow } from './repeat.ts'
import { knownAsOf } from './versions.ts'

export interface PersonName {
  entityId: number
  name: string
}

export interface HistoryEpisode {
  episode: MissingEpisode
  open: boolean
  foundAt: string[]
  foundWith: string[]
  interview: InterviewRow | null
  /** `agency:source_id` of the viewer's agency's own report (it may update it). */
  ownReport: string | null
}

export interface NextEpisodePlan {
  text: string
  heldAt: Date
  agency: string
  source: string
}

export interface MissingHistory {
  episodes: HistoryEpisode[]
  open: HistoryEpisode[]
  pattern: MissingPattern
  repeat: RepeatRow | null
  plan: NextEpisodePlan | null
}

export function describe(x: EpisodeInvolvement, names: ReadonlyMap<string, PersonName>): string {
  const inv = x.involvement
  if (inv.kind === 'person') return names.get(`${x.agency}:${inv.person}`)?.name ?? `${x.agency}:${inv.person}`
  if (inv.kind === 'location') return inv.display || inv.name || inv.key
  return `${inv.kind === 'vehicle' ? 'Vehicle' : inv.kind === 'phone' ? 'Phone' : 'Online'} ${inv.display}`
}

/** The latest strategy discussion with a plan for the next episode, as known at `asOf`. */
export function nextEpisodePlan(
  versions: readonly RecordedEvent[],
  childId: string,
  asOf: Date,
): NextEpisodePlan | null {
  let best: NextEpisodePlan | null = null
  for (const k of knownAsOf(
    versions.filter((v) => v.event.kind === 'strategy_discussion' && v.childId === childId),
    asOf,
  )) {
    const e = k.current.event
    const plan = typeof e.extra?.next_episode_plan === 'string' ? e.extra.next_episode_plan.trim() : ''
    if (!plan) continue
    const heldAt = new Date(e.occurred_at)
    if (!best || heldAt > best.heldAt) best = { text: plan, heldAt, agency: e.agency, source: k.key }
  }
  return best
}

export function missingHistory(
  childId: string,
  state: MissingState,
  versions: readonly RecordedEvent[],
  viewerAgency: string,
  names: ReadonlyMap<string, PersonName>,
): MissingHistory {
  const interviews = new Map(state.interviews.filter((r) => r.childId === childId).map((r) => [r.episodeSource, r]))
  const episodes = state.episodes
    .filter((e) => e.childId === childId)
    .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime())
    .map((episode) => ({
      episode,
      open: episode.returnedAt === null || episode.returnedAt.getTime() > state.asOf.getTime(),
      foundAt: episode.foundAt.map((x) => describe(x, names)),
      foundWith: episode.foundWith.map((x) => describe(x, names)),
      interview: interviews.get(episode.id) ?? null,
      ownReport: episode.reports.find((r) => r.agency === viewerAgency)?.source ?? null,
    }))
  const personKey = (agency: string, id: string) => String(names.get(`${agency}:${id}`)?.entityId ?? `${agency}:${id}`)
  return {
    episodes,
    open: episodes.filter((e) => e.open),
    pattern: missingPattern(childId, state.episodes, { asOf: state.asOf, personKey }),
    repeat: state.repeat.find((r) => r.childId === childId) ?? null,
    plan: nextEpisodePlan(versions, childId, state.asOf),
  }
}
