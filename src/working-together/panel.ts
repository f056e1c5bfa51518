// The person page's "Working together" section: decisions (with the prompt to other agencies),
// open challenges, meetings, overdue actions, supervision and the child's team. It shows what
// the viewer's reach allows: at full reach everything; at a signpost only what concerns their
// own agency (its decisions, challenges it raised or faces, meetings it was invited to...).
import { doesCasework, hasRole } from '../vocabulary/roles.ts'
import type { PanelContext } from '../people/panels.ts'
import type { Reach, Viewer } from '../access/visibility.ts'
import {
  actionView,
  challengeView,
  decisionView,
  meetingView,
  supervisionDueVisible,
  supervisionView,
  worksWithChild,
  type ObjectView,
} from './access.ts'
import { mayEditRecord } from '../access/record-author.ts'
import { decisionsAt, type StoredDecision } from './store-decisions.ts'
import { challengesAt, type StoredChallenge } from './store-challenges.ts'
import { actionsAt, meetingsAt, type StoredAction, type StoredMeeting } from './store-meetings.ts'
import { supervisionStatusAt, supervisionsAt, type SupervisionRecord } from './store-supervision.ts'
import {
  agenciesHoldingRecords,
  allocationFacts,
  activeAllocation,
  professionals,
  type Professional,
} from './store-people.ts'
import { assignmentsAt } from './store-competencies.ts'
import { workersInYear, allocationHistory } from './caseload.ts'
import { MEETING_TYPE_LABELS } from './meetings.ts'

/** The decisions about the child this viewer may see, with the prompt to their agency ("Do you agree?") unless it has challenged. */
function decisionsShown(
  viewer: Viewer,
  reach: Reach,
  decisions: StoredDecision[],
  challenges: { decisionId: string | null; challenge: { raisedByAgency: string } }[],
  mayEdit: (decidedBy: string | null) => boolean,
) {
  return decisions.flatMap((d) => {
    const view = decisionView(viewer, reach, {
      agency: d.decision.agency,
      sourceRecord: d.decision.sourceRecord,
      restricted: d.restricted,
    })
    if (view === 'hidden') return []
    const challengedByMe = challenges.some((c) => c.decisionId === d.id && c.challenge.raisedByAgency === viewer.agency)
    return [
      {
        id: d.id,
        view,
        agency: d.decision.agency,
        kind: d.decision.kind,
        outcome: d.decision.outcome,
        decidedAt: d.decision.decidedAt,
        rationale: view === 'full' ? d.decision.rationale : null,
        source: d.decision.sourceRecord,
        // one recorded by hand has versions; its author or their manager changes it (decision 0029)
        versioned: d.version !== null && view === 'full',
        canEdit: d.version !== null && view === 'full' && mayEdit(d.decision.decidedBy),
        reasons: d.prompt.reasons.map((r) => r.message),
        // "Do you agree with this decision?" goes to the other agencies working with the child
        prompt:
          d.prompt.prompt && d.prompt.promptAgencies.includes(viewer.agency) && !challengedByMe
            ? d.prompt.prompt
            : null,
      },
    ]
  })
}

/** Whether this user may change a record written by `authorId` (access/record-author.ts mayEditRecord). */
const editorOf =
  (user: PanelContext['user'], people: Map<number, Professional>) =>
  (authorId: string | null): boolean =>
    mayEditRecord(user, authorId === null ? null : people.get(Number(authorId)))

/** How this viewer sees each meeting and supervision note, and so each action's parent (access.ts). */
export function parentViews(
  viewer: Viewer,
  reach: Reach,
  meetings: readonly StoredMeeting[],
  notes: readonly SupervisionRecord[],
  people: ReadonlyMap<number, Professional>,
) {
  const meetingViews = new Map<number, ObjectView>(
    meetings.map((m) => [
      m.id,
      meetingView(viewer, reach, {
        type: m.type,
        invited: m.invited,
        chairId: m.chairId,
        chairAgency: m.chairId ? (people.get(m.chairId)?.agency ?? null) : null,
        recordedBy: m.recordedBy,
      }),
    ]),
  )
  const noteViews = new Map<number, ObjectView>(
    notes.map((n) => [
      n.id,
      supervisionView(viewer, reach, {
        workerId: n.worker.id,
        workerAgency: n.worker.agency,
        supervisorId: n.supervisor.id,
        supervisorAgency: n.supervisor.agency,
      }),
    ]),
  )
  const parentOf = (a: StoredAction): ObjectView =>
    (a.meetingId !== null ? meetingViews.get(a.meetingId) : noteViews.get(a.supervisionId ?? -1)) ?? 'hidden'
  return { meetingViews, parentOf }
}

/** The open challenges this viewer sees in full. */
export const openChallengesSeen = (viewer: Viewer, reach: Reach, challenges: readonly StoredChallenge[]) =>
  challenges.filter((c) => c.state.status === 'open' && challengeView(viewer, reach, c.challenge) === 'full')

/** The overdue actions this viewer sees in full. */
export const overdueActionsSeen = (
  viewer: Viewer,
  reach: Reach,
  actions: readonly StoredAction[],
  parentOf: (a: StoredAction) => ObjectView,
) => actions.filter((a) => a.status === 'overdue' && actionView(viewer, reach, a, parentOf(a)) === 'full')

export async function loadWorkingTogetherPanel(ctx: PanelContext) {
  const { db, record, viewer, user, at } = ctx
  if (record.reach.level === 'none') return null
  const id = record.person_id
  const full = record.reach.level === 'full'
  const own = (agency: string) => full || agency === viewer.agency
  const [decisions, challenges, meetings, actions, supervision, allocations, people, assignments, notes] =
    await Promise.all([
      decisionsAt(db, at, [id]),
      challengesAt(db, at, { childIds: [id] }),
      meetingsAt(db, at, { childIds: [id] }),
      actionsAt(db, at, { childIds: [id] }),
      supervisionStatusAt(db, at, [id]),
      allocationFacts(db, [id]),
      professionals(db),
      assignmentsAt(db, at, [id]),
      supervisionsAt(db, at, [id]),
    ])
  // the forms' own rule (pages.ts childWorkedWith): no link to a form this person would be refused
  const mayWork =
    doesCasework(user.roles) && worksWithChild(viewer, record.reach, await agenciesHoldingRecords(db, id, ctx.now))
  const shownDecisions = decisionsShown(viewer, record.reach, decisions, challenges, editorOf(user, people))
  const { meetingViews, parentOf } = parentViews(viewer, record.reach, meetings, notes, people)
  const current = allocations.filter((a) => a.childId === String(id) && activeAllocation(a, at))
  const team = current.map((a) => ({ ...a, person: people.get(a.userId) }))
  const history = allocationHistory(
    String(id),
    allocations.map((a) => ({ childId: a.childId, worker: String(a.userId), role: a.role, from: a.from, to: a.to })),
    at,
  ).map((h) => ({ ...h, person: people.get(Number(h.worker)) }))
  return {
    personId: id,
    canRecord: mayWork,
    isManager: hasRole(user.roles, 'manager'),
    canAssign: mayWork && (hasRole(user.roles, 'manager') || hasRole(user.roles, 'mash')),
    decisions: shownDecisions,
    challenges: openChallengesSeen(viewer, record.reach, challenges),
    meetings: meetings
      .filter((m) => meetingViews.get(m.id) !== 'hidden')
      .map((m) => ({ ...m, label: MEETING_TYPE_LABELS[m.type] })),
    overdueActions: overdueActionsSeen(viewer, record.reach, actions, parentOf),
    supervision: supervision.filter((s) => supervisionDueVisible(viewer, record.reach, s.worker.agency)),
    team,
    history,
    workersInYear: workersInYear(
      String(id),
      allocations.map((a) => ({ childId: a.childId, worker: String(a.userId), from: a.from, to: a.to })),
      at,
    ),
    flaggedAssignments: assignments.filter((a) => a.flagged && own(a.worker.agency)),
  }
}
