// `partnership figures`, read from the database as known at `asOf`: the facts for every measure in
// MEASURES, through the rules that decide them elsewhere (missing/state.ts for episodes, interviews
// and repeat missing, records/types.ts CONCERN_KINDS, working-together's decisions, challenges and
// supervision, risk/area.ts for bands and unanswered children, the language checks, the case audits'
// grades as saved by then), then counted into
// rows by measures.ts. States "at the period's end" are as known then (and never after `asOf`).
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { listAgencies } from '../agencies/agencies.ts'
import { londonDay } from '../calendar/days.ts'
import { recordedEvents } from '../chronology/versions.ts'
import { CONCERN_KINDS } from '../records/types.ts'
import { MISSING_EVENT_KINDS, missingState } from '../missing/state.ts'
import { knownAsOf } from '../missing/versions.ts'
import { parseTime } from '../missing/time.ts'
import type { MissingSettings } from '../missing/settings.ts'
import { assessArea } from '../risk/area.ts'
import type { RiskSettings } from '../risk/settings.ts'
import { decisionsAt } from '../working-together/store-decisions.ts'
import { challengesAt } from '../working-together/store-challenges.ts'
import { supervisionStatusAt } from '../working-together/store-supervision.ts'
import { importedSupervisionStatusAt } from '../working-together/store-staff.ts'
import { gradeVersionsBy } from '../audits/store.ts'
import {
  MEASURES,
  REFERRAL_KIND,
  auditGradeFacts,
  challengeFacts,
  decisionFacts,
  endStateFacts,
  eventFacts,
  languageFacts,
  missingFacts,
  type DatedEvent,
} from './catalogue.ts'
import { figureRows, type Fact, type FigureRow, type Measure } from './measures.ts'
import type { Period } from './periods.ts'

export interface FigureSettings {
  missing: MissingSettings
  risk: RiskSettings
}

export interface FiguresQuery {
  periods: readonly Period[]
  /** What had been recorded by then counts (now, or the end of --as-of's day). */
  asOf: Date
  suppress: boolean
  settings: FigureSettings
  measures?: readonly Measure[]
}

async function concernEvents(db: Db, asOf: Date): Promise<DatedEvent[]> {
  const kinds = [...new Set([...CONCERN_KINDS, REFERRAL_KIND])]
  const versions = await recordedEvents(db, { kinds, recordedBy: asOf })
  const out: DatedEvent[] = []
  for (const known of knownAsOf(versions, asOf)) {
    const e = known.current.event
    const at = parseTime(e.occurred_at)
    if (!at) continue
    out.push({ childId: known.current.childId, agency: e.agency, kind: e.kind, day: londonDay(at) })
  }
  return out
}

/** Imported record versions checked for language by `asOf`, with how many findings each had. */
async function languageChecks(db: Db, asOf: Date) {
  const result = await sql<{ agency_code: string; recorded_at: Date; findings: number }>`
    select e.agency_code, e.recorded_at, max(cardinality(k.rules))::int as findings
    from language_event_checks k join events e on e.id = k.event_id
    where e.recorded_at <= ${asOf}
    group by e.id, e.agency_code, e.recorded_at`.execute(db)
  return result.rows.map((r) => ({
    agency: r.agency_code,
    day: londonDay(new Date(r.recorded_at)),
    findings: r.findings,
  }))
}

const needs = (measures: readonly Measure[], ...ids: string[]) => measures.some((m) => ids.includes(m.id))

/** Every fact the measures count, as known at `asOf`. */
export async function figureFacts(db: Db, query: Omit<FiguresQuery, 'suppress'>): Promise<Fact[]> {
  const { asOf, periods } = query
  const measures = query.measures ?? MEASURES
  const facts: Fact[] = []
  const missingVersions = await recordedEvents(db, { kinds: MISSING_EVENT_KINDS, recordedBy: asOf })
  const missing = missingState(missingVersions, asOf, query.settings.missing)
  facts.push(...missingFacts(missing.interviews))
  facts.push(...eventFacts(await concernEvents(db, asOf), CONCERN_KINDS))
  if (needs(measures, 'nfa_decisions', 'nfa_decisions_challenged', 'challenges_resolved_by_deadline')) {
    const [decisions, challenges] = await Promise.all([decisionsAt(db, asOf), challengesAt(db, asOf)])
    const challenged = new Set(challenges.map((c) => c.decisionId).filter((id): id is string => id !== null))
    facts.push(
      ...decisionFacts(
        decisions.map((d) => ({ id: d.id, ...d.decision })),
        challenged,
      ),
    )
    facts.push(...challengeFacts(challenges))
  }
  if (needs(measures, 'language_findings_per_1000_notes')) facts.push(...languageFacts(await languageChecks(db, asOf)))
  if (needs(measures, 'audit_grades')) facts.push(...auditGradeFacts(await gradeVersionsBy(db, asOf)))
  if (measures.some((m) => m.atPeriodEnd)) {
    for (const period of periods) {
      // a state at the period's end, as it was known then; a period not yet over: as known now
      const at = period.endsAt.getTime() < asOf.getTime() ? period.endsAt : asOf
      if (period.startsAt.getTime() > asOf.getTime()) continue
      const [children, supervision, importedSupervision] = await Promise.all([
        needs(measures, 'unanswered_children', 'children_at_risk')
          ? assessArea(db, at, { settings: query.settings.risk })
          : Promise.resolve([]),
        needs(measures, 'supervision_on_time') ? supervisionStatusAt(db, at) : Promise.resolve([]),
        // the workers an agency's imported records allocate (import format 1.4, decision 0037)
        needs(measures, 'supervision_on_time') ? importedSupervisionStatusAt(db, at) : Promise.resolve([]),
      ])
      const repeat = missingState(missingVersions, at, query.settings.missing).repeat.filter((r) => r.listed).length
      facts.push(
        ...endStateFacts({
          day: period.endDay,
          children: children.map((c) => ({ band: c.risk.band, unanswered: c.risk.unanswered.status === 'unanswered' })),
          repeatWithoutStrategy: repeat,
          supervision: [
            ...supervision.map(({ worker, due }) => ({ agency: worker.agency, due })),
            ...importedSupervision.map(({ agency, due }) => ({ agency, due })),
          ].flatMap(({ agency, due }) => (due === null ? [] : [{ agency, overdue: due.status === 'overdue' }])),
        }),
      )
    }
  }
  return facts
}

export async function partnershipFigures(db: Db, query: FiguresQuery): Promise<FigureRow[]> {
  const [facts, agencies] = await Promise.all([figureFacts(db, query), listAgencies(db)])
  return figureRows(query.periods, query.measures ?? MEASURES, facts, {
    agencies: agencies.map((a) => a.code),
    suppress: query.suppress,
  })
}
