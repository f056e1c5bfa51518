// The facts an audit draws its cohort from and pre-fills its tool with, read through the rules that
// decide them elsewhere (never a second way): missing episodes and interviews by missing/state.ts,
// bands, first flags and unanswered concerns by risk/area.ts, decisions by working-together's
// store-decisions.ts and whether each was challenged by store-challenges.ts, supervision due dates by
// store-supervision.ts, concerns by records/types.ts CONCERN_KINDS as known by missing/versions.ts.
import type { Db } from '../db/database.ts'
import { endOfDayLondon, londonDate } from '../config/clock.ts'
import { recordedEvents } from '../chronology/versions.ts'
import { CONCERN_KINDS } from '../records/types.ts'
import { MISSING_EVENT_KINDS, missingState } from '../missing/state.ts'
import { knownAsOf } from '../missing/versions.ts'
import { parseTime } from '../missing/time.ts'
import type { MissingSettings } from '../missing/settings.ts'
import { assessArea, assessOne } from '../risk/area.ts'
import type { RiskSettings } from '../risk/settings.ts'
import { decisionsAt } from '../working-together/store-decisions.ts'
import { challengesAt } from '../working-together/store-challenges.ts'
import { supervisionStatusAt } from '../working-together/store-supervision.ts'
import type { CohortFacts, Period } from './criteria.ts'
import type { PrefillInput } from './prefill.ts'

export interface FactSettings {
  missing: MissingSettings
  risk: RiskSettings
}

const day = (value: Date | string) => londonDate(value instanceof Date ? value : new Date(value))

/** The end of the period, or `at` when the period is not over yet. */
function periodEnd(period: Period, at: Date): Date {
  const end = endOfDayLondon(period.to)
  return end && end.getTime() < at.getTime() ? end : at
}

/** Everything the criteria read, as known at `at` (bands at the end of the period). */
export async function cohortFacts(db: Db, period: Period, at: Date, settings: FactSettings): Promise<CohortFacts> {
  const [missingVersions, concernVersions, assessed, decisions] = await Promise.all([
    recordedEvents(db, { kinds: MISSING_EVENT_KINDS, recordedBy: at }),
    recordedEvents(db, { kinds: CONCERN_KINDS, recordedBy: at }),
    assessArea(db, periodEnd(period, at), { settings: settings.risk }),
    decisionsAt(db, at),
  ])
  const missing = missingState(missingVersions, at, settings.missing)
  return {
    episodes: missing.episodes.flatMap((e) =>
      e.returnedAt ? [{ childId: Number(e.childId), returnedDay: day(e.returnedAt), agencies: e.agencies }] : [],
    ),
    bands: new Map(assessed.map((c) => [c.id, c.risk.band])),
    decisions: decisions.map((d) => ({
      childId: Number(d.decision.childId),
      agency: d.decision.agency,
      outcome: d.decision.outcome,
      decidedDay: day(d.decision.decidedAt),
    })),
    concerns: knownAsOf(concernVersions, at).flatMap((k) => {
      const occurred = parseTime(k.current.event.occurred_at)
      return occurred
        ? [{ childId: Number(k.current.childId), agency: k.current.event.agency, day: day(occurred) }]
        : []
    }),
  }
}

/** What the audit tool is pre-filled with for one child, as known at `at`. */
export async function prefillFacts(db: Db, childId: number, at: Date, settings: FactSettings): Promise<PrefillInput> {
  const [assessed, missingVersions, decisions, challenges, supervision] = await Promise.all([
    assessOne(db, childId, at, { settings: settings.risk }),
    recordedEvents(db, { kinds: MISSING_EVENT_KINDS, personIds: [childId], recordedBy: at }),
    decisionsAt(db, at, [childId]),
    challengesAt(db, at, { childIds: [childId] }),
    supervisionStatusAt(db, at, [childId]),
  ])
  const missing = missingState(missingVersions, at, settings.missing)
  const events = [...(assessed?.events ?? [])]
    .map((e) => ({ at: parseTime(e.occurred_at), agency: e.agency, kind: e.kind }))
    .filter((e): e is { at: Date; agency: string; kind: typeof e.kind } => e.at !== null)
    .sort((a, b) => a.at.getTime() - b.at.getTime())
  const concern = events.find((e) => (CONCERN_KINDS as readonly string[]).includes(e.kind))
  const challenged = new Set(challenges.map((c) => c.decisionId).filter((id): id is string => id !== null))
  const risk = assessed?.risk
  return {
    asOfDay: day(at),
    firstRecord: events[0] ? { day: day(events[0].at), agency: events[0].agency } : null,
    firstConcern: concern ? { day: day(concern.at), agency: concern.agency } : null,
    firstFlaggedDay: risk?.firstFlaggedAt ? day(risk.firstFlaggedAt) : null,
    band: risk?.band ?? null,
    unanswered: {
      status: risk?.unanswered.status ?? 'clear',
      sinceDay: risk?.unanswered.unansweredSince ? day(risk.unanswered.unansweredSince) : null,
    },
    episodes: missing.episodes.map((e) => ({
      startedDay: day(e.startedAt),
      returnedDay: e.returnedAt ? day(e.returnedAt) : null,
      agencies: e.agencies,
    })),
    interviews: missing.interviews.map((i) => ({
      returnedDay: day(i.returnedAt),
      status: i.status,
      agencies: i.episode.agencies,
    })),
    decisions: decisions.map((d) => ({
      day: day(d.decision.decidedAt),
      agency: d.decision.agency,
      outcome: d.decision.outcome,
      challenged: challenged.has(d.id),
    })),
    supervision: supervision.flatMap((s) =>
      s.due
        ? [
            {
              worker: s.worker.name,
              agency: s.worker.agency,
              lastDay: s.lastAt ? day(s.lastAt) : null,
              dueDay: s.due.dueDay,
              status: s.due.status,
            },
          ]
        : [],
    ),
  }
}
