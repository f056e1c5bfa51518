// The staff records an area loaded (import format 1.4, decision 0037) as known at a moment: imported
// workers with their trainings, their allocations to children and their supervision; and what the
// rules make of them: lapses of the CSE training rule, supervision due on each imported allocation
// (the rule of supervision.ts), and caseloads (caseload.ts) with Threadline's own allocations.
// Imported workers are agency records, never accounts: Threadline's users and their allocations are
// store-people.ts's, and the two are shown side by side, never merged.
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { knownAt } from '../db/as-of.ts'
import { setting } from '../config/settings.ts'
import { recordKey } from '../records/keys.ts'
import type { Training } from '../records/types.ts'
import { mergedIds } from '../people/people.ts'
import { assessArea } from '../risk/area.ts'
import { deriveEvidence } from '../risk/evidence.ts'
import { dueAtEndOf } from './actions.ts'
import type { MissingCompetency } from './competencies.ts'
import { cseTrainingLapse, sexualExploitationConcern, startOfDay } from './oversight.ts'
import { nextSupervisionDue, type SupervisionDue } from './supervision.ts'

export interface ImportedWorker {
  /** agency:source_id */
  key: string
  agency: string
  sourceId: string
  name: string
  role: string | null
  team: string | null
  /** The manager's agency:source_id (a worker of the same agency), when sent. */
  manager: string | null
  trainings: Training[]
}

/** Imported workers (of one agency, or all) as known at `asOf`, by agency:source_id. */
export async function importedWorkersAt(db: Db, asOf: Date, agency?: string): Promise<Map<string, ImportedWorker>> {
  let q = db
    .selectFrom('worker_versions as w')
    .select(['w.agency_code', 'w.source_id', 'w.name', 'w.role', 'w.team', 'w.manager_source_id', 'w.trainings'])
    .where(knownAt('w', asOf))
  if (agency) q = q.where('w.agency_code', '=', agency)
  const rows = await q.orderBy('w.agency_code').orderBy('w.name').execute()
  return new Map(
    rows.map((r) => {
      const key = recordKey(r.agency_code, r.source_id)
      return [
        key,
        {
          key,
          agency: r.agency_code,
          sourceId: r.source_id,
          name: r.name,
          role: r.role,
          team: r.team,
          manager: r.manager_source_id ? recordKey(r.agency_code, r.manager_source_id) : null,
          trainings: (r.trainings ?? []) as Training[],
        },
      ]
    }),
  )
}

export interface ImportedAllocation {
  key: string
  agency: string
  /** The worker's agency:source_id. */
  worker: string
  /** The child (Threadline's person id, through merges); null while the person has not been sent. */
  childId: string | null
  role: string
  /** The event's agency:source_id the allocation is for, when sent. */
  event: string | null
  /** YYYY-MM-DD, first and (when ended) last day. */
  from: string
  to: string | null
}

/** Imported allocations (of one agency, or all) as known at `asOf`. */
export async function importedAllocationsAt(db: Db, asOf: Date, agency?: string): Promise<ImportedAllocation[]> {
  let q = db
    .selectFrom('allocation_versions as a')
    .leftJoin('entity_links as l', (j) =>
      j.onRef('l.agency_code', '=', 'a.agency_code').onRef('l.source_id', '=', 'a.subject_source_id'),
    )
    .select([
      'a.agency_code',
      'a.source_id',
      'a.worker_source_id',
      'a.role',
      'a.event_source_id',
      'a.from_day',
      'a.to_day',
      'l.entity_id',
    ])
    .where(knownAt('a', asOf))
  if (agency) q = q.where('a.agency_code', '=', agency)
  const [rows, canonical] = await Promise.all([q.orderBy('a.from_day').orderBy('a.id').execute(), mergedIds(db)])
  return rows.map((r) => ({
    key: recordKey(r.agency_code, r.source_id),
    agency: r.agency_code,
    worker: recordKey(r.agency_code, r.worker_source_id),
    childId: r.entity_id === null ? null : String(canonical(r.entity_id)),
    role: r.role,
    event: r.event_source_id ? recordKey(r.agency_code, r.event_source_id) : null,
    from: r.from_day,
    to: r.to_day,
  }))
}

export interface ImportedSupervision {
  key: string
  agency: string
  worker: string
  supervisor: string
  /** The child it was about: its `subject`, or its `event`'s subject; null while not sent. */
  childId: string | null
  event: string | null
  occurredAt: Date
  decisions: string | null
}

/** Imported supervision sessions (of one agency, or all) known and held by `asOf`, newest first. */
export async function importedSupervisionsAt(db: Db, asOf: Date, agency?: string): Promise<ImportedSupervision[]> {
  const rows = await sql<{
    agency_code: string
    source_id: string
    worker_source_id: string
    supervisor_source_id: string
    event_source_id: string | null
    occurred_at: Date
    decisions: string | null
    entity_id: number | null
  }>`select s.agency_code, s.source_id, s.worker_source_id, s.supervisor_source_id, s.event_source_id,
      s.occurred_at, s.decisions, l.entity_id
    from supervision_versions s
      left join events e on s.subject_source_id is null and e.agency_code = s.agency_code
        and e.source_id = s.event_source_id and ${knownAt('e', asOf)}
      left join entity_links l on l.agency_code = s.agency_code
        and l.source_id = coalesce(s.subject_source_id, e.subject_source_id)
    where ${knownAt('s', asOf)} and s.occurred_at <= ${asOf}
      and (${agency ?? null}::text is null or s.agency_code = ${agency ?? null})
    order by s.occurred_at desc, s.id`.execute(db)
  const canonical = await mergedIds(db)
  return rows.rows.map((r) => ({
    key: recordKey(r.agency_code, r.source_id),
    agency: r.agency_code,
    worker: recordKey(r.agency_code, r.worker_source_id),
    supervisor: recordKey(r.agency_code, r.supervisor_source_id),
    childId: r.entity_id === null ? null : String(canonical(r.entity_id)),
    event: r.event_source_id ? recordKey(r.agency_code, r.event_source_id) : null,
    occurredAt: new Date(r.occurred_at),
    decisions: r.decisions,
  }))
}

/** Is the allocation running at `at` (from the start of its first day to the end of its last)? */
export const allocationRunsAt = (a: { from: string; to: string | null }, at: Date) =>
  startOfDay(a.from).getTime() <= at.getTime() && (a.to === null || dueAtEndOf(a.to).getTime() > at.getTime())

/**
 * For each (child, moment): did the child have a sexual-exploitation concern then, on what had been
 * recorded by then (oversight.ts)? One assessment of the children at the latest moment asked, whose
 * band timeline and dated evidence answer every earlier one (as band.ts does); a child who is no
 * longer a child by then is assessed at each moment asked about them.
 */
export async function concernsAt(
  db: Db,
  queries: readonly { childId: string; at: Date }[],
): Promise<(query: { childId: string; at: Date }) => boolean> {
  const answers = new Set<string>()
  const answer = (childId: string, at: Date) => `${childId}@${at.getTime()}`
  if (queries.length === 0) return () => false
  const latest = new Date(Math.max(...queries.map((q) => q.at.getTime())))
  const ids = [...new Set(queries.map((q) => Number(q.childId)))]
  const assessed = new Map((await assessArea(db, latest, { ids })).map((c) => [String(c.id), c]))
  const evidence = new Map([...assessed].map(([id, c]) => [id, deriveEvidence(c.events)]))
  const later = new Map<number, Set<number>>()
  for (const q of queries) {
    const child = assessed.get(q.childId)
    if (!child) {
      const moment = later.get(q.at.getTime()) ?? new Set<number>()
      later.set(q.at.getTime(), moment.add(Number(q.childId)))
      continue
    }
    let band: number | null = null
    for (const point of child.risk.bandTimeline) {
      if (point.at.getTime() > q.at.getTime()) break
      band = point.band
    }
    const known = { band, evidence: evidence.get(q.childId) ?? [], events: child.events }
    if (sexualExploitationConcern(known, q.at)) answers.add(answer(q.childId, q.at))
  }
  for (const [t, moment] of later) {
    const at = new Date(t)
    for (const child of await assessArea(db, at, { ids: [...moment] })) {
      const known = { band: child.risk.band, evidence: deriveEvidence(child.events), events: child.events }
      if (sexualExploitationConcern(known, at)) answers.add(answer(String(child.id), at))
    }
  }
  return (query) => answers.has(answer(query.childId, query.at))
}

export interface TrainingLapse {
  allocation: ImportedAllocation
  worker: ImportedWorker | null
  childId: string
  missing: MissingCompetency
}

/**
 * Each imported allocation (of one agency, or all) that broke the CSE training rule, as known at
 * `asOf`: begun by then, its child with a sexual-exploitation concern on what was recorded by the
 * end of its first day, and its worker (as known at `asOf`) without a current CSE training on that
 * day. Listed from the day it happened, never before; earliest first.
 */
export async function trainingLapsesAt(db: Db, asOf: Date, agency?: string): Promise<TrainingLapse[]> {
  const roles = setting('cseTrainingRoles')
  if (roles.length === 0) return []
  const [allocations, workers] = await Promise.all([
    importedAllocationsAt(db, asOf, agency),
    importedWorkersAt(db, asOf, agency),
  ])
  const begun = allocations.filter(
    (a): a is ImportedAllocation & { childId: string } =>
      a.childId !== null && roles.includes(a.role) && startOfDay(a.from).getTime() <= asOf.getTime(),
  )
  const momentOf = (a: ImportedAllocation) => new Date(Math.min(dueAtEndOf(a.from).getTime(), asOf.getTime()))
  const concern = await concernsAt(
    db,
    begun.map((a) => ({ childId: a.childId, at: momentOf(a) })),
  )
  const lapses: TrainingLapse[] = []
  for (const a of begun) {
    const worker = workers.get(a.worker) ?? null
    const missing = cseTrainingLapse(
      a,
      worker?.trainings ?? [],
      concern({ childId: a.childId, at: momentOf(a) }),
      roles,
    )
    if (missing) lapses.push({ allocation: a, worker, childId: a.childId, missing })
  }
  return lapses
}

export interface ImportedSupervisionRow {
  childId: string
  /** The agency whose records hold the allocation. */
  agency: string
  worker: ImportedWorker | null
  /** The worker's agency:source_id (the worker may not have been sent yet). */
  workerKey: string
  supervisor: string | null
  lastAt: Date | null
  due: SupervisionDue | null
  allocatedFrom: Date
}

/**
 * Each imported worker allocated to a child at `asOf`, with their last imported supervision on the
 * child's case and when the next is due: the same rule as Threadline's own (supervision.ts
 * nextSupervisionDue, every THREADLINE_SUPERVISION_WEEKS from the allocation or the last session).
 */
export async function importedSupervisionStatusAt(
  db: Db,
  asOf: Date,
  agency?: string,
): Promise<ImportedSupervisionRow[]> {
  const [allocations, workers, sessions] = await Promise.all([
    importedAllocationsAt(db, asOf, agency),
    importedWorkersAt(db, asOf, agency),
    importedSupervisionsAt(db, asOf, agency),
  ])
  const everyWeeks = setting('supervisionWeeks')
  const rows: ImportedSupervisionRow[] = []
  const seen = new Set<string>()
  for (const a of allocations) {
    if (a.childId === null || !allocationRunsAt(a, asOf)) continue
    const pair = `${a.childId}/${a.worker}`
    if (seen.has(pair)) continue
    seen.add(pair)
    const last = sessions.find((s) => s.childId === a.childId && s.worker === a.worker) ?? null
    const from = startOfDay(a.from)
    const due = nextSupervisionDue(last?.occurredAt ?? null, { id: a.worker }, asOf, {
      since: from,
      settings: { everyWeeks },
    })
    const worker = workers.get(a.worker) ?? null
    rows.push({
      childId: a.childId,
      agency: a.agency,
      worker,
      workerKey: a.worker,
      supervisor: last?.supervisor ?? worker?.manager ?? null,
      lastAt: last?.occurredAt ?? null,
      due,
      allocatedFrom: from,
    })
  }
  return rows.sort(
    (x, y) =>
      (x.due?.nextDueAt.getTime() ?? 0) - (y.due?.nextDueAt.getTime() ?? 0) || x.childId.localeCompare(y.childId),
  )
}
