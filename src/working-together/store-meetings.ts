// Meetings (strategy discussions, child exploitation meetings, child protection conferences) and
// the actions of meetings and supervision. An action's status is computed when read.
import type { Db } from '../db/database.ts'
import type { Actor } from '../audit/actor.ts'
import { appendAudit } from '../audit/audit.ts'
import { attendance, initialConferenceDue, meetingProblems, type Attendance, type MeetingType } from './meetings.ts'
import { actionStatus, completionProblems, dueAtEndOf, type ActionStatus } from './actions.ts'
import { professionals, type Professional } from './store-people.ts'
import { lockPerson, mergedIds } from '../people/people.ts'
import { errorKind } from '../errors/domain-error.ts'
import { must, mustGet } from '../errors/must.ts'
import { contentAt, editRecord } from '../edits/record-versions.ts'

export class MeetingError extends errorKind('invalid') {}

export interface NewAction {
  title: string
  ownerId: number
  dueDate: string
}

export interface NewMeeting {
  childId: number
  type: string
  heldAt: Date | null
  chairId: number | null
  chair: string
  invited: string[]
  present: string[]
  /** What each agency shared, by agency code. */
  information: Record<string, string>
  decisions: string | null
  actions: NewAction[]
  recordedBy: number
}

export function actionProblems(actions: readonly NewAction[], owners: Map<number, Professional>): string[] {
  const problems: string[] = []
  actions.forEach((a, i) => {
    if (!a.title.trim()) problems.push(`action ${i + 1}: say what is to be done`)
    if (!owners.has(a.ownerId)) problems.push(`action ${i + 1}: choose who owns it`)
    if (!/^\d{4}-\d{2}-\d{2}$/.test(a.dueDate)) problems.push(`action ${i + 1}: give a due date (YYYY-MM-DD)`)
    else {
      try {
        dueAtEndOf(a.dueDate)
      } catch {
        problems.push(`action ${i + 1}: the due date is not a date`)
      }
    }
  })
  return problems
}

export async function recordMeeting(db: Db, actor: Actor, input: NewMeeting, at: Date): Promise<number> {
  const people = await professionals(db)
  const problems = [
    ...meetingProblems({ type: input.type, heldAt: input.heldAt, chair: input.chair, invited: input.invited }),
    ...actionProblems(input.actions, people),
  ]
  if (input.heldAt && input.heldAt.getTime() > at.getTime()) problems.push('record a meeting once it has been held')
  if (problems.length) throw new MeetingError(problems.join('; '))
  return db.transaction().execute(async (trx) => {
    const childId = (await lockPerson(trx, input.childId)) ?? input.childId
    const row = await trx
      .insertInto('wt_meetings')
      .values({
        entity_id: childId,
        type: input.type,
        held_at: must(input.heldAt, 'the date of the meeting, checked above'),
        chair_user_id: input.chairId,
        chair: input.chair.trim(),
        agencies_invited: [...new Set(input.invited)].sort(),
        agencies_present: [...new Set(input.present)].sort(),
        information: JSON.stringify(input.information),
        decisions: input.decisions?.trim() || null,
        recorded_by: input.recordedBy,
        recorded_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (input.actions.length) {
      await trx
        .insertInto('wt_actions')
        .values(
          input.actions.map((a) => ({
            entity_id: childId,
            meeting_id: row.id,
            supervision_id: null,
            title: a.title.trim(),
            owner_user_id: a.ownerId,
            owner_agency: mustGet(people, a.ownerId, 'the owner of the action, checked above').agency,
            due_date: a.dueDate,
            recorded_by: input.recordedBy,
            recorded_at: at,
          })),
        )
        .execute()
    }
    await appendAudit(
      trx,
      actor,
      {
        action: 'record_meeting',
        entityId: childId,
        details: { meeting_id: row.id, type: input.type, actions: input.actions.length },
      },
      at,
    )
    return row.id
  })
}

export interface StoredMeeting {
  id: number
  childId: string
  type: MeetingType
  heldAt: Date
  chair: string
  chairId: number | null
  /** Who recorded it (a user), if known. */
  recordedBy: number | null
  invited: string[]
  attendance: Attendance
  information: Record<string, string>
  decisions: string | null
  /** For a strategy discussion: when the initial child protection conference is due. */
  conferenceDueAt: Date | null
  /** Its version now (what its edit form saves against, decision 0029). */
  version: number
}

const informationOf = (value: unknown) =>
  (typeof value === 'string' ? JSON.parse(value) : (value ?? {})) as Record<string, string>

export async function meetingsAt(
  db: Db,
  asOf: Date,
  options: { childIds?: readonly number[]; ids?: readonly number[] } = {},
): Promise<StoredMeeting[]> {
  const canonical = await mergedIds(db)
  let q = db.selectFrom('wt_meetings').selectAll().where('recorded_at', '<=', asOf)
  if (options.childIds) q = q.where('entity_id', 'in', options.childIds.length ? [...options.childIds] : [-1])
  if (options.ids) q = q.where('id', 'in', options.ids.length ? [...options.ids] : [-1])
  const rows = await q.orderBy('held_at', 'desc').orderBy('id').execute()
  // a meeting edited since `asOf` as it was then (decision 0029)
  const ids = rows.map((r) => r.id)
  const then = await contentAt(db, 'meeting', ids, asOf)
  return rows.map((r) => ({
    id: r.id,
    childId: String(canonical(r.entity_id)),
    type: r.type as MeetingType,
    heldAt: r.held_at,
    chair: r.chair,
    chairId: r.chair_user_id,
    recordedBy: r.recorded_by,
    invited: r.agencies_invited,
    attendance: attendance(r.agencies_invited, r.agencies_present),
    information: informationOf(then.has(r.id) ? then.get(r.id)?.information : r.information),
    decisions: then.has(r.id) ? ((then.get(r.id)?.decisions as string | null) ?? null) : r.decisions,
    conferenceDueAt: r.type === 'strategy_discussion' ? initialConferenceDue(r.held_at) : null,
    version: r.version,
  }))
}

/**
 * What a meeting's record says (what each agency shared, what was decided), changed by `by` (who may
 * is access/record-author.ts mayEditRecord, the page's to ask), saved against the version the page showed.
 */
export async function editMeeting(
  db: Db,
  actor: Actor,
  edit: { id: number; seen: number; by: number },
  input: { information: Record<string, string>; decisions: string | null },
  at: Date,
): Promise<number> {
  const information = Object.fromEntries(
    Object.entries(input.information)
      .map(([code, said]) => [code, said.trim()])
      .filter(([, said]) => said),
  )
  const content = { information: JSON.stringify(information), decisions: input.decisions?.trim() || null }
  return editRecord(db, actor, { kind: 'meeting', ...edit, content }, at)
}

export interface StoredAction {
  id: number
  childId: string
  meetingId: number | null
  supervisionId: number | null
  title: string
  owner: Professional
  ownerAgency: string
  dueDate: string
  dueAt: Date
  status: ActionStatus
  /** When it was done, once the completion had been recorded by the moment asked about. */
  completedAt: Date | null
  evidence: string | null
  /** The chair of its meeting, to show it on their page too. */
  chairId: number | null
  /** Who wrote it (its meeting's recorder, its supervision's supervisor), if known. */
  recordedBy: number | null
  /** Its version now (what its edit form saves against, decision 0029). */
  version: number
}

export async function actionsAt(
  db: Db,
  asOf: Date,
  options: { childIds?: readonly number[]; ids?: readonly number[] } = {},
): Promise<StoredAction[]> {
  const [canonical, people] = await Promise.all([mergedIds(db), professionals(db)])
  let q = db
    .selectFrom('wt_actions as a')
    .leftJoin('wt_meetings as m', 'm.id', 'a.meeting_id')
    .selectAll('a')
    .select('m.chair_user_id')
    .where('a.recorded_at', '<=', asOf)
    // a child's actions: those from a case audit's findings about its theme have no child (audits/store.ts)
    .where('a.entity_id', 'is not', null)
  if (options.childIds) q = q.where('a.entity_id', 'in', options.childIds.length ? [...options.childIds] : [-1])
  if (options.ids) q = q.where('a.id', 'in', options.ids.length ? [...options.ids] : [-1])
  const rows = await q.orderBy('a.due_date').orderBy('a.id').execute()
  // an action edited since `asOf` as it was then (decision 0029)
  const then = await contentAt(
    db,
    'action',
    rows.map((r) => r.id),
    asOf,
  )
  return rows.map((row) => {
    const earlier = then.get(row.id)
    const r = earlier ? { ...row, title: String(earlier.title), due_date: String(earlier.due_date) } : row
    const action = {
      title: r.title,
      owner: String(r.owner_user_id),
      ownerAgency: r.owner_agency,
      dueAt: dueAtEndOf(r.due_date),
      completedAt: r.completed_at,
      completionRecordedAt: r.completion_recorded_at,
      evidence: r.evidence,
    }
    const status = actionStatus(action, asOf)
    return {
      id: r.id,
      childId: String(canonical(must(r.entity_id, 'a child’s action names its child'))),
      meetingId: r.meeting_id,
      supervisionId: r.supervision_id,
      title: r.title,
      owner: mustGet(people, r.owner_user_id, 'the owner of the action'),
      ownerAgency: r.owner_agency,
      dueDate: r.due_date,
      dueAt: action.dueAt,
      status,
      completedAt: status === 'done' ? r.completed_at : null,
      evidence: status === 'done' ? r.evidence : null,
      chairId: r.chair_user_id ?? null,
      recordedBy: r.recorded_by,
      version: r.version,
    }
  })
}

/**
 * What an action says is to be done and by when, changed by `by` (who may is access/record-author.ts mayEditRecord,
 * the page's to ask), checked as a new one is and saved against the version the page showed.
 */
export async function editAction(
  db: Db,
  actor: Actor,
  edit: { id: number; seen: number; by: number },
  input: { title: string; dueDate: string },
  at: Date,
): Promise<number> {
  const row = await db.selectFrom('wt_actions').select(['owner_user_id']).where('id', '=', edit.id).executeTakeFirst()
  if (!row) throw new MeetingError('there is no such action')
  const owner = new Map([[row.owner_user_id, {} as Professional]])
  const problems = actionProblems([{ ...input, ownerId: row.owner_user_id }], owner).map((p) =>
    p.replace(/^action 1: /, ''),
  )
  if (problems.length) throw new MeetingError(problems.join('; '))
  const content = { title: input.title.trim(), due_date: input.dueDate }
  return editRecord(db, actor, { kind: 'action', ...edit, content }, at)
}

export async function completeAction(
  db: Db,
  actor: Actor,
  actionId: number,
  by: number,
  input: { completedAt: Date | null; evidence: string },
  at: Date,
): Promise<void> {
  const problems = completionProblems(input)
  if (input.completedAt && input.completedAt.getTime() > at.getTime())
    problems.push('an action cannot be done in the future')
  if (problems.length) throw new MeetingError(problems.join('; '))
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('wt_actions')
      .set({
        completed_at: must(input.completedAt, 'the date it was done, checked above'),
        completion_recorded_at: at,
        completed_by: by,
        evidence: input.evidence.trim(),
      })
      .where('id', '=', actionId)
      .where('completed_at', 'is', null)
      .returning(['entity_id'])
      .executeTakeFirst()
    if (!row) throw new MeetingError('this action is already done, or does not exist')
    await appendAudit(
      trx,
      actor,
      { action: 'complete_action', entityId: row.entity_id, details: { action_id: actionId } },
      at,
    )
  })
}
