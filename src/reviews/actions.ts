// An action in an agency's plan (pure): for a review's recommendation or a section 11 / section 175
// self-assessment alike, with an owner, a due date, a status, and the evidence that shows it is done.
// An action is never done without evidence: a document reference, a figure that moved, or a re-audit.
// Overdue is computed when read: not done by the end of its due day (Europe/London), the same rule as
// working together's actions (dueAtEndOf).
import { dueAtEndOf } from '../working-together/actions.ts'

export const ACTION_STATUSES = ['not_started', 'in_progress', 'done'] as const
export type ActionStatus = (typeof ACTION_STATUSES)[number]
export const isActionStatus = (value: string): value is ActionStatus =>
  (ACTION_STATUSES as readonly string[]).includes(value)

export const ACTION_STATUS_LABELS: Record<ActionStatus | 'overdue', string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  done: 'Done',
  overdue: 'Overdue',
}

export const EVIDENCE_KINDS = ['document', 'figure', 're_audit'] as const
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number]
export const isEvidenceKind = (value: string): value is EvidenceKind =>
  (EVIDENCE_KINDS as readonly string[]).includes(value)

export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  document: 'A document (give its reference)',
  figure: 'A figure that moved (say which, from what to what)',
  re_audit: 'A re-audit (say which, and what it found)',
}

/** What the evidence is, in a word, for tables. */
export const EVIDENCE_NAMES: Record<EvidenceKind, string> = {
  document: 'Document',
  figure: 'Figure',
  re_audit: 'Re-audit',
}

export const ACTION_TEXT_MAX = 1000
export const EVIDENCE_MAX = 2000

export interface PlanAction {
  status: ActionStatus
  dueOn: string
  evidenceKind: EvidenceKind | null
  evidence: string | null
  doneOn: string | null
}

/** Done with its evidence: the only "done" there is. */
export const isDone = (a: PlanAction) => a.status === 'done' && !!a.evidenceKind && !!a.evidence && !!a.doneOn

/** Not done by the end of its due day. */
export const isOverdue = (a: PlanAction, now: Date) => !isDone(a) && now.getTime() >= dueAtEndOf(a.dueOn).getTime()

/** What a page shows: the status as recorded, or "overdue" when time has run out. */
export const shownStatus = (a: PlanAction, now: Date): ActionStatus | 'overdue' =>
  isOverdue(a, now) ? 'overdue' : a.status

export interface ActionUpdate {
  status: string
  evidenceKind: string
  evidence: string
  /** YYYY-MM-DD, or null when not given */
  doneOn: string | null
}

type Problem<F extends string> = { field: F; message: string }

/** What must be put right before an action's status is saved: "done" needs its evidence and its day. */
export function updateProblems(
  update: ActionUpdate,
  today: string,
): Problem<'status' | 'evidenceKind' | 'evidence' | 'doneOn'>[] {
  const problems: Problem<'status' | 'evidenceKind' | 'evidence' | 'doneOn'>[] = []
  if (!isActionStatus(update.status)) {
    problems.push({ field: 'status', message: 'Choose the status of the action' })
    return problems
  }
  if (update.evidence.length > EVIDENCE_MAX)
    problems.push({ field: 'evidence', message: `The evidence must be ${EVIDENCE_MAX} characters or less` })
  if (update.evidenceKind && !isEvidenceKind(update.evidenceKind))
    problems.push({ field: 'evidenceKind', message: 'Choose what the evidence is' })
  if (update.status !== 'done') return problems
  if (!update.evidenceKind)
    problems.push({
      field: 'evidenceKind',
      message: 'An action cannot be marked done without evidence: choose what shows it is done',
    })
  if (!update.evidence)
    problems.push({
      field: 'evidence',
      message:
        'An action cannot be marked done without evidence: give the document reference, the figure or the re-audit',
    })
  if (!update.doneOn) problems.push({ field: 'doneOn', message: 'Enter the date the action was done' })
  else if (update.doneOn > today)
    problems.push({ field: 'doneOn', message: 'The date it was done must be today or in the past' })
  return problems
}

export interface NewAction {
  text: string
  ownerId: number | null
  dueOn: string | null
}

/** What must be put right before an action is added to a plan. */
export function newActionProblems(
  action: NewAction,
  owners: readonly number[],
): Problem<'text' | 'ownerId' | 'dueOn'>[] {
  const problems: Problem<'text' | 'ownerId' | 'dueOn'>[] = []
  if (!action.text) problems.push({ field: 'text', message: 'Enter what will be done' })
  else if (action.text.length > ACTION_TEXT_MAX)
    problems.push({ field: 'text', message: `The action must be ${ACTION_TEXT_MAX} characters or less` })
  if (action.ownerId === null || !owners.includes(action.ownerId))
    problems.push({ field: 'ownerId', message: 'Choose who owns the action, from your agency' })
  if (!action.dueOn) problems.push({ field: 'dueOn', message: 'Enter the date the action is due' })
  return problems
}

/** Why a recommendation cannot be signed off yet (none: it can). */
export function recommendationSignOffProblems(
  rec: {
    agencies: readonly string[]
    actions: readonly (PlanAction & { agency: string })[]
    signedOffAt: Date | null
  },
  nameOf: (agency: string) => string = (a) => a,
): string[] {
  if (rec.signedOffAt) return ['It is already signed off']
  if (rec.agencies.length === 0) return ['No agency is assigned to it']
  const problems: string[] = []
  for (const agency of rec.agencies)
    if (!rec.actions.some((a) => a.agency === agency)) problems.push(`${nameOf(agency)} has no action in its plan`)
  const open = rec.actions.filter((a) => !isDone(a)).length
  if (open > 0) problems.push(`${open} ${open === 1 ? 'action is' : 'actions are'} not done with evidence`)
  return problems
}

/** Why a review cannot be signed off yet (none: it can). */
export function reviewSignOffProblems(review: {
  signedOffAt: Date | null
  recommendations: readonly { number: number; signedOffAt: Date | null }[]
}): string[] {
  if (review.signedOffAt) return ['It is already signed off']
  if (review.recommendations.length === 0) return ['It has no recommendations']
  return review.recommendations.filter((r) => !r.signedOffAt).map((r) => `Recommendation ${r.number} is not signed off`)
}

/** What one version of an action changed (decision 0045); a version may change several at once. */
export const CHANGE_KINDS = [
  'created',
  'owner_changed',
  'due_changed',
  'status_changed',
  'evidence_added',
  'done',
  'reopened',
  'escalated',
] as const
export type ChangeKind = (typeof CHANGE_KINDS)[number]

export const CHANGE_LABELS: Record<ChangeKind, string> = {
  created: 'Added to the plan',
  owner_changed: 'Owner changed',
  due_changed: 'Due date changed',
  status_changed: 'Status changed',
  evidence_added: 'Evidence added',
  done: 'Marked done',
  reopened: 'Reopened',
  escalated: 'Escalated',
}

/** An action as one version holds it. */
export interface ActionState extends PlanAction {
  ownerId: number
}

/** What changed from one state of an action to the next, in the order a page lists them. */
export function changesBetween(before: ActionState, after: ActionState): ChangeKind[] {
  const changes: ChangeKind[] = []
  if (before.ownerId !== after.ownerId) changes.push('owner_changed')
  if (before.dueOn !== after.dueOn) changes.push('due_changed')
  const wasDone = before.status === 'done'
  const nowDone = after.status === 'done'
  if (
    after.evidence &&
    (after.evidence !== before.evidence || after.evidenceKind !== before.evidenceKind) &&
    !(nowDone && !wasDone)
  )
    changes.push('evidence_added')
  if (nowDone && !wasDone) changes.push('done')
  else if (wasDone && !nowDone) changes.push('reopened')
  else if (before.status !== after.status) changes.push('status_changed')
  return changes
}

export const REASON_MAX = 1000

/**
 * What a change must also say: why a done action is reopened, and why a due date moves (a business
 * manager reads a moved deadline with its reason). Nothing when it changes nothing.
 */
export function reasonProblems(changes: readonly ChangeKind[], reason: string): Problem<'reason' | 'nothing'>[] {
  if (changes.length === 0) return [{ field: 'nothing', message: 'Nothing was changed' }]
  if (reason.length > REASON_MAX)
    return [{ field: 'reason', message: `The reason must be ${REASON_MAX} characters or less` }]
  if (!reason && changes.includes('reopened'))
    return [{ field: 'reason', message: 'Say why the action is reopened: it was done with evidence' }]
  if (!reason && changes.includes('due_changed'))
    return [{ field: 'reason', message: 'Say why the due date is changed' }]
  return []
}

/** A version of an action as its history holds it. */
export interface ActionVersion extends ActionState {
  version: number
  changes: ChangeKind[]
  ownerName: string
  note: string | null
  recordedBy: string
  recordedAt: Date
}

/**
 * The action's history for its page: each stored version, and, where a version was in force at the end
 * of its due day while not done, the moment it became overdue and was escalated to the agency's lead
 * (computed, not stored: nothing happens then but time passing), up to `now`.
 */
export function historyOf(
  versions: readonly ActionVersion[],
  now: Date,
): ({ kind: 'version'; entry: ActionVersion } | { kind: 'overdue'; at: Date; dueOn: string })[] {
  const out: ({ kind: 'version'; entry: ActionVersion } | { kind: 'overdue'; at: Date; dueOn: string })[] = []
  versions.forEach((v, i) => {
    out.push({ kind: 'version', entry: v })
    const until = versions[i + 1]?.recordedAt ?? now
    const due = dueAtEndOf(v.dueOn)
    const overdueWhileInForce = !isDone(v) && due.getTime() <= until.getTime()
    // became overdue while this version stood (and not already overdue before it)
    if (overdueWhileInForce && due.getTime() >= v.recordedAt.getTime())
      out.push({ kind: 'overdue', at: due, dueOn: v.dueOn })
  })
  return out
}
