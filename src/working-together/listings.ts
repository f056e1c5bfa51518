// The rows of `threadline decisions|challenges|actions|supervision|competency|caseload`, exactly as docs/cli.md
// names them. Computed when read, as of a moment (now, THREADLINE_NOW or the end of --as-of's day); the open
// challenges and overdue actions of now read from the maintained lists.
import type { Db } from '../db/database.ts'
import { formatLondon } from '../config/clock.ts'
import { summaries } from '../people/people.ts'
import { decisionsAt } from './store-decisions.ts'
import { challengesAt } from './store-challenges.ts'
import { actionsAt } from './store-meetings.ts'
import { childActionsPage, openChallengesPage } from './maintained-lists.ts'
import { supervisionStatusAt } from './store-supervision.ts'
import { importedSupervisionStatusAt, trainingLapsesAt } from './store-staff.ts'
import { caseloadsAt } from './store-caseload.ts'
import { CSE_TRAINING } from './oversight.ts'

export const DECISION_COLUMNS = [
  'decision_id',
  'child_id',
  'source_records',
  'agency',
  'kind',
  'outcome',
  'decided_at',
  'source_record',
  'challengeable',
  'challenge_status',
] as const
export const CHALLENGE_COLUMNS = [
  'challenge_id',
  'child_id',
  'source_records',
  'decision_id',
  'raised_by',
  'raised_by_agency',
  'against_agency',
  'subject',
  'stage',
  'stage_owner',
  'stage_due_at',
  'status',
  'opened_at',
  'resolved_at',
  'outcome',
] as const
export const ACTION_COLUMNS = [
  'action_id',
  'child_id',
  'source_records',
  'meeting_id',
  'title',
  'owner',
  'owner_agency',
  'due_at',
  'status',
  'completed_at',
] as const
export const SUPERVISION_COLUMNS = [
  'child_id',
  'source_records',
  'worker',
  'supervisor',
  'last_supervision_at',
  'next_due_at',
  'status',
] as const

export const COMPETENCY_LAPSE_COLUMNS = [
  'worker',
  'worker_name',
  'agency',
  'child_id',
  'source_records',
  'role',
  'from',
  'to',
  'missing_training',
  'lack',
  'allocation',
] as const
export const CASELOAD_COLUMNS = [
  'worker',
  'name',
  'agency',
  'team',
  'source',
  'children_count',
  'band_1',
  'band_2',
  'band_3',
  'band_4',
  'unbanded',
  'open_tasks',
  'weight',
  'capacity',
  'load',
  'overloaded',
] as const

type Row = Record<string, string | number | boolean | null | string[]>

async function sourceRecordsOf(db: Db, childIds: string[], at: Date): Promise<(id: string) => string[]> {
  const map = await summaries(db, [...new Set(childIds)].map(Number), at)
  return (id) => map.get(Number(id))?.source_records ?? []
}

export async function decisionRows(db: Db, asOf: Date, options: { challengeable?: boolean } = {}): Promise<Row[]> {
  const [decisions, challenges] = await Promise.all([decisionsAt(db, asOf), challengesAt(db, asOf)])
  const list = options.challengeable ? decisions.filter((d) => d.prompt.challengeable) : decisions
  const sources = await sourceRecordsOf(
    db,
    list.map((d) => d.decision.childId),
    asOf,
  )
  return list.map((d) => {
    const mine = challenges.filter((c) => c.decisionId === d.id)
    // the latest challenge of it says where it stands; none: empty
    const latest = mine[mine.length - 1]
    return {
      decision_id: d.id,
      child_id: d.decision.childId,
      source_records: sources(d.decision.childId),
      agency: d.decision.agency,
      kind: d.decision.kind,
      outcome: d.decision.outcome,
      decided_at: formatLondon(d.decision.decidedAt),
      source_record: d.decision.sourceRecord,
      challengeable: d.prompt.challengeable,
      challenge_status: latest ? latest.state.status : null,
    }
  })
}

/**
 * The open challenges now, and the overdue actions now, are read from the maintained lists (decision 0062)
 * when `now` is the moment asked about; an "as known on" day, and every challenge or action, compute.
 */
export async function challengeRows(
  db: Db,
  asOf: Date,
  options: { open?: boolean; now?: Date | null } = {},
): Promise<Row[]> {
  const kept = options.open && options.now && +options.now === +asOf ? await openChallengesPage(db, asOf) : null
  const all = kept ? kept.rows : await challengesAt(db, asOf)
  const list = options.open ? all.filter((c) => c.state.status === 'open') : all
  const sources = await sourceRecordsOf(
    db,
    list.map((c) => c.childId),
    asOf,
  )
  return list.map((c) => ({
    challenge_id: c.id,
    child_id: c.childId,
    source_records: sources(c.childId),
    decision_id: c.decisionId,
    raised_by: c.raisedBy.email,
    raised_by_agency: c.challenge.raisedByAgency,
    against_agency: c.challenge.againstAgency,
    subject: c.challenge.subject,
    stage: c.state.stage,
    // the person when known, else the role the protocol names (e.g. senior_officer)
    stage_owner: c.stageOwner?.email ?? c.state.stageOwnerRole,
    stage_due_at: formatLondon(c.state.stageDueAt),
    status: c.state.status,
    opened_at: formatLondon(c.challenge.openedAt),
    resolved_at: formatLondon(c.state.resolvedAt),
    outcome: c.state.outcome,
  }))
}

export async function actionRows(
  db: Db,
  asOf: Date,
  options: { overdue?: boolean; now?: Date | null } = {},
): Promise<Row[]> {
  const kept =
    options.overdue && options.now && +options.now === +asOf
      ? await childActionsPage(db, asOf, { overdue: true })
      : null
  const all = kept ? kept.rows : await actionsAt(db, asOf)
  const list = options.overdue ? all.filter((a) => a.status === 'overdue') : all
  const sources = await sourceRecordsOf(
    db,
    list.map((a) => a.childId),
    asOf,
  )
  return list.map((a) => ({
    action_id: a.id,
    child_id: a.childId,
    source_records: sources(a.childId),
    meeting_id: a.meetingId,
    title: a.title,
    owner: a.owner.email,
    owner_agency: a.ownerAgency,
    due_at: formatLondon(a.dueAt),
    status: a.status,
    completed_at: formatLondon(a.completedAt),
  }))
}

/**
 * Supervision of each allocated worker on each child's case: Threadline's own (a user, by email) and
 * the imported records' (a worker, by agency:source_id; decision 0037), by when the next is due.
 */
export async function supervisionRows(db: Db, asOf: Date, options: { overdue?: boolean } = {}): Promise<Row[]> {
  const [own, imported] = await Promise.all([supervisionStatusAt(db, asOf), importedSupervisionStatusAt(db, asOf)])
  const all = [
    ...own.map((s) => ({ ...s, workerId: s.worker.email, supervisorId: s.supervisor?.email ?? null })),
    ...imported.map((s) => ({ ...s, workerId: s.workerKey, supervisorId: s.supervisor })),
  ].sort(
    (x, y) =>
      (x.due?.nextDueAt.getTime() ?? 0) - (y.due?.nextDueAt.getTime() ?? 0) || x.childId.localeCompare(y.childId),
  )
  const list = options.overdue ? all.filter((s) => s.due?.status === 'overdue') : all
  const sources = await sourceRecordsOf(
    db,
    list.map((s) => s.childId),
    asOf,
  )
  return list.map((s) => ({
    child_id: s.childId,
    source_records: sources(s.childId),
    worker: s.workerId,
    supervisor: s.supervisorId,
    last_supervision_at: formatLondon(s.lastAt),
    next_due_at: formatLondon(s.due?.nextDueAt ?? null),
    status: s.due?.status ?? null,
  }))
}

/** Each imported allocation that broke the CSE training rule, as known at `asOf`. */
export async function competencyLapseRows(db: Db, asOf: Date): Promise<Row[]> {
  const lapses = await trainingLapsesAt(db, asOf)
  const sources = await sourceRecordsOf(
    db,
    lapses.map((l) => l.childId),
    asOf,
  )
  return lapses.map((l) => ({
    worker: l.allocation.worker,
    worker_name: l.worker?.name ?? null,
    agency: l.allocation.agency,
    child_id: l.childId,
    source_records: sources(l.childId),
    role: l.allocation.role,
    from: l.allocation.from,
    to: l.allocation.to,
    missing_training: CSE_TRAINING,
    lack: l.missing.lack,
    allocation: l.allocation.key,
  }))
}

/** Every worker's caseload at `asOf`: Threadline's own and the imported records', heaviest first. */
export async function caseloadRows(db: Db, asOf: Date): Promise<Row[]> {
  return (await caseloadsAt(db, asOf)).map((c) => ({
    worker: c.id,
    name: c.name,
    agency: c.agency,
    team: c.team,
    source: c.person ? 'threadline' : 'imported',
    children_count: c.children,
    band_1: c.byBand['1'] ?? 0,
    band_2: c.byBand['2'] ?? 0,
    band_3: c.byBand['3'] ?? 0,
    band_4: c.byBand['4'] ?? 0,
    unbanded: c.byBand.none ?? 0,
    open_tasks: c.openTasks,
    weight: c.weight,
    capacity: c.capacity,
    load: Math.round(c.load * 1000) / 1000,
    overloaded: c.overloaded,
  }))
}
