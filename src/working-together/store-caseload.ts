// Caseloads as of a moment (caseload.ts, weighted by each child's band then): Threadline's own
// workers (users allocated to children, with their open actions and task assignments) and the workers
// an area's imported records name (import format 1.4; decision 0037), side by side, never merged.
import type { Db } from '../db/database.ts'
import { hasRole } from '../vocabulary/roles.ts'
import { splitRecordKey } from '../records/keys.ts'
import { actionsAt } from './store-meetings.ts'
import { assignmentsAt } from './store-competencies.ts'
import { allocationFacts, professionals, type Professional } from './store-people.ts'
import { importedAllocationsAt, importedWorkersAt, type ImportedWorker } from './store-staff.ts'
import { teamCaseload, type Allocation, type Caseload } from './caseload.ts'
import { bandsAt } from './band.ts'
import { openActionsByOwner } from './maintained-lists.ts'
import { dueAtEndOf } from './actions.ts'
import { startOfDay } from './oversight.ts'

export interface WorkerCaseload extends Caseload {
  /** Threadline's own user, or (imported) null. */
  person: Professional | null
  /** The imported worker, or null for a user (or a worker named by allocations but not yet sent). */
  imported: ImportedWorker | null
  /** The user's email, or the imported worker's agency:source_id. */
  id: string
  name: string
  agency: string
  team: string | null
}

const userKey = (id: number) => `user:${id}`

/**
 * Every worker's caseload at `asOf`: Threadline's active practitioners and managers, and the imported
 * workers known then (and any an imported allocation names), heaviest first; the imported records of
 * one agency only when `importedOf` is given (a manager's page: their own agency's).
 */
export async function caseloadsAt(
  db: Db,
  asOf: Date,
  importedOf?: string,
  options: { now?: Date } = {},
): Promise<WorkerCaseload[]> {
  // now (the morning page): the open actions counted in SQL from the maintained list (decision 0071)
  // instead of working out every action of the area
  const kept = options.now && +options.now === +asOf ? options.now : null
  const [people, own, imported, importedWorkers, keptActions, assignments] = await Promise.all([
    professionals(db),
    allocationFacts(db),
    importedAllocationsAt(db, asOf, importedOf),
    importedWorkersAt(db, asOf, importedOf),
    kept ? openActionsByOwner(db, kept) : null,
    assignmentsAt(db, asOf),
  ])
  const actions = keptActions ? [] : await actionsAt(db, asOf)
  const users = [...people.values()].filter(
    (p) => p.active && (hasRole(p.roles, 'practitioner') || hasRole(p.roles, 'manager')),
  )
  const facts: Allocation[] = [
    ...own.map((a) => ({ childId: a.childId, worker: userKey(a.userId), role: a.role, from: a.from, to: a.to })),
    ...imported.flatMap((a) =>
      a.childId === null
        ? []
        : [
            {
              childId: a.childId,
              worker: a.worker,
              role: a.role,
              from: startOfDay(a.from),
              to: a.to === null ? null : dueAtEndOf(a.to),
            },
          ],
    ),
  ]
  const allocated = [...new Set(facts.map((a) => a.childId))]
  const bandOf = await bandsAt(
    db,
    allocated.map((childId) => ({ childId, at: asOf })),
  )
  const openActions = keptActions ?? new Map<number, number>()
  if (!keptActions)
    for (const a of actions)
      if (a.status !== 'done') openActions.set(a.owner.id, (openActions.get(a.owner.id) ?? 0) + 1)
  const openAssignments = new Map<string, number>()
  for (const a of assignments)
    if (a.open) openAssignments.set(userKey(a.worker.id), (openAssignments.get(userKey(a.worker.id)) ?? 0) + 1)
  const openTasks = (worker: string) =>
    (worker.startsWith('user:') ? (openActions.get(Number(worker.slice(5))) ?? 0) : 0) +
    (openAssignments.get(worker) ?? 0)
  const workers = [
    ...users.map((p) => userKey(p.id)),
    ...new Set([...importedWorkers.keys(), ...imported.map((a) => a.worker)]),
  ]
  return teamCaseload(workers, facts, (childId) => bandOf({ childId, at: asOf }), openTasks, asOf).map((c) => {
    if (c.worker.startsWith('user:')) {
      const person = people.get(Number(c.worker.slice(5))) ?? null
      return {
        ...c,
        person,
        imported: null,
        id: person?.email ?? c.worker,
        name: person?.name ?? c.worker,
        agency: person?.agency ?? '',
        team: null,
      }
    }
    const worker = importedWorkers.get(c.worker) ?? null
    return {
      ...c,
      person: null,
      imported: worker,
      id: c.worker,
      name: worker?.name ?? c.worker,
      agency: worker?.agency ?? splitRecordKey(c.worker).agency,
      team: worker?.team ?? null,
    }
  })
}
