// Staff competencies, worker settings, and assigning tasks to people: only the qualified are
// offered; an unqualified assignment needs a manager's override with a reason and is flagged.
import { hasRole } from '../vocabulary/roles.ts'
import type { Db } from '../db/database.ts'
import type { Actor } from '../audit/actor.ts'
import { appendAudit } from '../audit/audit.ts'
import {
  COMPETENCY_TYPES,
  DEFAULT_TASK_REQUIREMENTS,
  qualifiedFor,
  type CompetentWorker,
  type Competency,
} from './competencies.ts'
import { assignmentCheck, type AssignmentCheck } from './assignment.ts'
import { dueAtEndOf } from './actions.ts'
import { professionals, type Professional } from './store-people.ts'
import { lockPerson, mergedIds } from '../people/people.ts'
import { errorKind } from '../errors/domain-error.ts'
import { DomainError } from '../errors/domain-error.ts'
import { mustGet } from '../errors/must.ts'

export class CompetencyError extends errorKind('invalid') {}

export const TASKS = Object.keys(DEFAULT_TASK_REQUIREMENTS)

const isDate = (d: string | null | undefined): d is string => !!d && /^\d{4}-\d{2}-\d{2}$/.test(d)

export async function addCompetency(
  db: Db,
  actor: Actor,
  by: number,
  input: { userId: number; type: string; obtainedOn: string; expiresOn: string | null },
  at: Date,
): Promise<void> {
  const problems: string[] = []
  if (!(COMPETENCY_TYPES as readonly string[]).includes(input.type))
    problems.push(`competency must be one of ${COMPETENCY_TYPES.join(', ')}`)
  if (!isDate(input.obtainedOn)) problems.push('give the date it was obtained (YYYY-MM-DD)')
  if (input.expiresOn && !isDate(input.expiresOn)) problems.push('the expiry date must be YYYY-MM-DD')
  if (isDate(input.obtainedOn) && isDate(input.expiresOn) && input.expiresOn < input.obtainedOn)
    problems.push('it cannot expire before it was obtained')
  if (problems.length) throw new CompetencyError(problems.join('; '))
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('wt_competencies')
      .values({
        user_id: input.userId,
        type: input.type,
        obtained_on: input.obtainedOn,
        expires_on: input.expiresOn || null,
        recorded_by: by,
        recorded_at: at,
      })
      .execute()
    await appendAudit(
      trx,
      actor,
      {
        action: 'add_competency',
        details: {
          user_id: input.userId,
          type: input.type,
          obtained_on: input.obtainedOn,
          expires_on: input.expiresOn,
        },
      },
      at,
    )
  })
}

export async function setWorkerSettings(
  db: Db,
  actor: Actor,
  userId: number,
  input: { asyeStartedOn: string | null; managerId: number | null },
  at: Date,
): Promise<void> {
  if (input.asyeStartedOn && !isDate(input.asyeStartedOn))
    throw new CompetencyError('the ASYE start date must be YYYY-MM-DD')
  if (input.managerId === userId) throw new CompetencyError('a worker cannot be their own manager')
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('wt_worker_settings')
      .values({
        user_id: userId,
        asye_started_on: input.asyeStartedOn,
        manager_user_id: input.managerId,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc
          .column('user_id')
          .doUpdateSet({ asye_started_on: input.asyeStartedOn, manager_user_id: input.managerId, updated_at: at }),
      )
      .execute()
    await appendAudit(
      trx,
      actor,
      {
        action: 'worker_settings',
        details: { user_id: userId, asye_started_on: input.asyeStartedOn, manager_user_id: input.managerId },
      },
      at,
    )
  })
}

export interface Worker extends CompetentWorker {
  person: Professional
  held: (Competency & { id: number; obtainedOn: string; expiresOn: string | null })[]
}

/** Professionals who do casework (optionally of one agency) with their competencies recorded by `at`. */
export async function workers(db: Db, at: Date, agency?: string): Promise<Worker[]> {
  const [people, rows] = await Promise.all([
    professionals(db),
    db.selectFrom('wt_competencies').selectAll().where('recorded_at', '<=', at).orderBy('obtained_on').execute(),
  ])
  return [...people.values()]
    .filter(
      (p) =>
        p.active &&
        (hasRole(p.roles, 'practitioner') || hasRole(p.roles, 'manager')) &&
        (!agency || p.agency === agency),
    )
    .sort((a, b) => a.agency.localeCompare(b.agency) || a.name.localeCompare(b.name))
    .map((p) => {
      const held = rows
        .filter((r) => r.user_id === p.id)
        .map((r) => ({
          id: r.id,
          type: r.type,
          obtainedOn: r.obtained_on,
          expiresOn: r.expires_on,
          // obtained from the start of its day; lapses at the end of its expiry day
          obtainedAt: new Date(dueAtEndOf(r.obtained_on).getTime() - 86_400_000),
          expiresAt: r.expires_on ? dueAtEndOf(r.expires_on) : null,
          revokedAt: r.revoked_at,
        }))
      return { id: String(p.id), competencies: held, person: p, held }
    })
}

export class OverrideNeeded extends DomainError {
  constructor(readonly check: AssignmentCheck) {
    super(
      'invalid',
      'message' in check
        ? `${check.message}${'problems' in check ? ': ' + check.problems.join('; ') : ''}`
        : "needs a manager's override",
    )
  }
}

export async function assignTask(
  db: Db,
  actor: Actor,
  input: {
    childId: number
    task: string
    userId: number
    by: { id: number; roles: readonly string[] }
    overrideReason?: string | null
  },
  at: Date,
): Promise<{ id: number; check: AssignmentCheck }> {
  if (!TASKS.includes(input.task)) throw new CompetencyError(`task must be one of ${TASKS.join(', ')}`)
  const worker = (await workers(db, at)).find((w) => w.person.id === input.userId)
  if (!worker) throw new CompetencyError('choose a professional who does casework')
  const override =
    input.overrideReason !== undefined && input.overrideReason !== null
      ? { by: String(input.by.id), isManager: hasRole(input.by.roles, 'manager'), reason: input.overrideReason, at }
      : null
  const check = assignmentCheck(input.task, worker, at, override)
  if (check.outcome === 'needs_override') throw new OverrideNeeded(check)
  return db.transaction().execute(async (trx) => {
    const childId = (await lockPerson(trx, input.childId)) ?? input.childId
    const row = await trx
      .insertInto('wt_assignments')
      .values({
        entity_id: childId,
        task: input.task,
        user_id: input.userId,
        assigned_by: input.by.id,
        assigned_at: at,
        flagged: check.flagged,
        missing: check.missing.map((m) => `${m.type}:${m.lack}`),
        override_by: check.outcome === 'overridden' ? input.by.id : null,
        override_reason: check.outcome === 'overridden' ? check.override.reason.trim() : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await appendAudit(
      trx,
      actor,
      {
        action: check.flagged ? 'assign_task_override' : 'assign_task',
        entityId: childId,
        details: {
          assignment_id: row.id,
          task: input.task,
          user_id: input.userId,
          missing: check.missing.map((m) => m.type),
        },
        reason: check.outcome === 'overridden' ? check.override.reason : null,
      },
      at,
    )
    return { id: row.id, check }
  })
}

export interface StoredAssignment {
  id: number
  childId: string
  task: string
  worker: Professional
  assignedBy: Professional
  assignedAt: Date
  flagged: boolean
  missing: string[]
  overrideReason: string | null
  open: boolean
}

export async function assignmentsAt(db: Db, at: Date, childIds?: readonly number[]): Promise<StoredAssignment[]> {
  const [people, canonical] = await Promise.all([professionals(db), mergedIds(db)])
  let q = db.selectFrom('wt_assignments').selectAll().where('assigned_at', '<=', at)
  if (childIds) q = q.where('entity_id', 'in', childIds.length ? [...childIds] : [-1])
  const rows = await q.orderBy('assigned_at', 'desc').execute()
  return rows.map((r) => ({
    id: r.id,
    childId: String(canonical(r.entity_id)),
    task: r.task,
    worker: mustGet(people, r.user_id, 'the worker assigned'),
    assignedBy: mustGet(people, r.assigned_by, 'the person who assigned it'),
    assignedAt: r.assigned_at,
    flagged: r.flagged,
    missing: r.missing,
    overrideReason: r.override_reason,
    open: !r.completed_at || r.completed_at.getTime() > at.getTime(),
  }))
}

/** For the assignment form: the qualified (offered) and the rest (only with an override). */
export async function candidatesFor(db: Db, task: string, at: Date) {
  const all = await workers(db, at)
  const qualified = all.filter((w) => qualifiedFor(task, w, at).qualified)
  return { qualified, unqualified: all.filter((w) => !qualified.includes(w)) }
}
