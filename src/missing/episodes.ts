// Missing episodes from `missing_episode` events, as known at a moment: each report at its latest
// version recorded by then, reports of the same absence merged into one episode.
import type { EventRecord } from '../records/types.ts'
import { groupReports } from './duplicates.ts'
import { isFoundAt, isFoundWith, uniqueByKey, withKeys } from './involvements.ts'
import { byText, parseTime } from './time.ts'
import {
  DEFAULT_EPISODE_SETTINGS,
  MISSING_FROM,
  RISK_GRADINGS,
  type EpisodeReport,
  type EpisodeSettings,
  type MissingEpisode,
  type MissingFrom,
  type RecordedEvent,
  type RiskGrading,
} from './types.ts'
import { knownAsOf, type KnownEvent } from './versions.ts'
import { must } from '../errors/must.ts'

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}

function oneOf<T extends string>(list: readonly T[], value: unknown): T | null {
  return typeof value === 'string' && (list as readonly string[]).includes(value) ? (value as T) : null
}

/** One agency's report at the version in use; null when its start is not a time. */
export function episodeReport(known: KnownEvent): EpisodeReport | null {
  const { current, history } = known
  const e: EventRecord = current.event
  const startedAt = parseTime(e.occurred_at)
  if (!startedAt) return null
  const firstWithReturn = history.find((v) => parseTime(v.event.ended_at))
  return {
    source: known.key,
    agency: e.agency,
    sourceId: e.source_id,
    childId: current.childId,
    subject: e.subject,
    startedAt,
    returnedAt: parseTime(e.ended_at),
    firstRecordedAt: known.firstRecordedAt,
    recordedAt: current.recordedAt,
    returnRecordedAt: firstWithReturn ? firstWithReturn.recordedAt : null,
    reportedBy: text(e.extra?.reported_by),
    missingFrom: oneOf<MissingFrom>(MISSING_FROM, e.extra?.missing_from),
    riskGrading: oneOf<RiskGrading>(RISK_GRADINGS, e.extra?.risk_grading),
    lastSeen: text(e.extra?.last_seen),
    summary: text(e.summary),
    involves: e.involves ?? [],
  }
}

function minTime(dates: (Date | null)[]): Date | null {
  const times = dates.filter((d): d is Date => d !== null).map((d) => d.getTime())
  return times.length ? new Date(Math.min(...times)) : null
}

function firstOf<T>(values: (T | null)[]): T | null {
  return values.find((v) => v !== null) ?? null
}

/** Merges reports of one absence (first-known first) into an episode. */
export function mergeReports(reports: EpisodeReport[]): MissingEpisode {
  const first = reports[0]
  const startedAt = must(minTime(reports.map((r) => r.startedAt)), 'the start of a report of the episode')
  const returnedAt = minTime(reports.map((r) => r.returnedAt))
  const involves = uniqueByKey(reports.flatMap((r) => withKeys(r.agency, r.involves)))
  const gradings = reports.map((r) => r.riskGrading).filter((g): g is RiskGrading => g !== null)
  return {
    id: first.source,
    childId: first.childId,
    reports,
    sources: reports.map((r) => r.source),
    agencies: [...new Set(reports.map((r) => r.agency))],
    startedAt,
    returnedAt,
    returnRecordedAt: minTime(reports.map((r) => r.returnRecordedAt)),
    recordedAt: must(minTime(reports.map((r) => r.firstRecordedAt)), 'when a report of the episode was recorded'),
    durationHours: returnedAt ? (returnedAt.getTime() - startedAt.getTime()) / 3_600_000 : null,
    reportedBy: firstOf(reports.map((r) => r.reportedBy)),
    missingFrom: firstOf(reports.map((r) => r.missingFrom)),
    // the highest grading any agency gave: a lower one must not hide a police "high"
    riskGrading: gradings.length
      ? gradings.sort((a, b) => RISK_GRADINGS.indexOf(b) - RISK_GRADINGS.indexOf(a))[0]
      : null,
    lastSeen: firstOf(reports.map((r) => r.lastSeen)),
    foundAt: involves.filter(isFoundAt),
    foundWith: involves.filter(isFoundWith),
    involves,
  }
}

/**
 * Every missing episode known at `asOf`, from all stored versions of `missing_episode` events
 * (other kinds are ignored). Sorted by child, then start.
 */
export function missingEpisodes(
  versions: readonly RecordedEvent[],
  options: { asOf: Date } & Partial<EpisodeSettings>,
): MissingEpisode[] {
  const settings: EpisodeSettings = { ...DEFAULT_EPISODE_SETTINGS, ...options }
  const reports = knownAsOf(
    versions.filter((v) => v.event.kind === 'missing_episode'),
    options.asOf,
  )
    .map(episodeReport)
    .filter((r): r is EpisodeReport => r !== null)
  return groupReports(reports, settings)
    .map(mergeReports)
    .sort((a, b) => byText(a.childId, b.childId) || a.startedAt.getTime() - b.startedAt.getTime() || byText(a.id, b.id))
}
