// Who may see each working-together object (pure): one function per kind, used by the person page's
// panel, every page, the work lists and anything else that returns one. Who may see the child at all
// is access/visibility.ts (the reach); these add each object's own rule on top. Decision 0008 says
// why a strategy discussion's shared information stays with those who were in it.
import { doesCasework, hasRole } from '../vocabulary/roles.ts'
import { eventView, type Reach, type Viewer } from '../access/visibility.ts'

/** Everything; only that it exists (with nothing anyone said or decided in it); or nothing at all. */
export type ObjectView = 'full' | 'summary' | 'hidden'

const userOf = (viewer: Viewer) => (viewer.kind === 'user' ? viewer.userId : undefined)
const sees = (viewer: Viewer, reach: Reach) => reach.level !== 'none' && doesCasework(viewer.roles)

export interface MeetingFacts {
  type: string
  invited: readonly string[]
  chairId: number | null
  /** The agency of the chair (a user of Threadline), if known. */
  chairAgency: string | null
  recordedBy?: number | null
}

/**
 * A meeting: in full to those who were in it (its invited agencies, the chair and the chair's agency,
 * whoever recorded it), and to those who see the child's whole record. What agencies shared in a
 * strategy discussion (police intelligence among it) stays with those who were in it: anyone else who
 * sees the whole record sees that it was held, by whom and with what actions, not what was said.
 */
export function meetingView(viewer: Viewer, reach: Reach, meeting: MeetingFacts): ObjectView {
  if (!sees(viewer, reach)) return 'hidden'
  const me = userOf(viewer)
  const inIt =
    meeting.invited.includes(viewer.agency) ||
    meeting.chairAgency === viewer.agency ||
    (me !== undefined && (meeting.chairId === me || meeting.recordedBy === me))
  if (inIt) return 'full'
  if (reach.level !== 'full') return 'hidden'
  return meeting.type === 'strategy_discussion' ? 'summary' : 'full'
}

export interface ActionFacts {
  owner: { id: number }
  ownerAgency: string
  chairId: number | null
}

/**
 * An action of a meeting or a supervision: its owner, the owner's agency and the meeting's chair, and
 * whoever sees in full what it came from (`parent`: the meeting's or the supervision's view).
 */
export function actionView(viewer: Viewer, reach: Reach, action: ActionFacts, parent: ObjectView): 'full' | 'hidden' {
  if (!sees(viewer, reach)) return 'hidden'
  const me = userOf(viewer)
  if (me !== undefined && (action.owner.id === me || action.chairId === me)) return 'full'
  if (action.ownerAgency === viewer.agency) return 'full'
  return parent === 'full' ? 'full' : 'hidden'
}

export interface ChallengeFacts {
  raisedByAgency: string
  againstAgency: string
}

/**
 * A challenge: in full to the casework staff of the two agencies in it and to those who see the child's
 * whole record; the partnership (the independent chair at the last stage) sees its stage, owner and
 * deadline, never the child or what was said ('summary'); anyone else nothing.
 */
export function challengeView(viewer: Viewer, reach: Reach, challenge: ChallengeFacts): ObjectView {
  if (viewer.kind === 'user' && hasRole(viewer.roles, 'partnership') && !doesCasework(viewer.roles)) return 'summary'
  if (!sees(viewer, reach)) return 'hidden'
  if ([challenge.raisedByAgency, challenge.againstAgency].includes(viewer.agency)) return 'full'
  return reach.level === 'full' ? 'full' : 'hidden'
}

export interface DecisionFacts {
  agency: string
  /** The imported event's `agency:source_id`; null for one recorded by hand. */
  sourceRecord: string | null
  restricted: boolean
}

/**
 * A decision: an imported one as its event (access/visibility.ts eventView: its agency always; others at
 * full reach, and only that it exists when restricted); one recorded by hand, its agency and those who
 * see the child's whole record.
 */
export function decisionView(viewer: Viewer, reach: Reach, decision: DecisionFacts): 'full' | 'restricted' | 'hidden' {
  if (!sees(viewer, reach)) return 'hidden'
  if (decision.sourceRecord)
    return eventView(viewer, reach, { agency: decision.agency, restricted: decision.restricted })
  return decision.agency === viewer.agency || reach.level === 'full' ? 'full' : 'hidden'
}

export interface SupervisionFacts {
  workerId: number
  workerAgency: string
  supervisorId: number
  supervisorAgency: string
}

/**
 * Supervision notes are an agency's management of its own staff: its reflection and decisions are read
 * by the worker, the supervisor and managers of their agency. No role reads another agency's notes
 * (the partnership sees supervision figures, never notes; whoever sees the whole record sees when
 * supervision is due, not what was said).
 */
export function supervisionView(viewer: Viewer, reach: Reach, note: SupervisionFacts): 'full' | 'hidden' {
  if (!sees(viewer, reach)) return 'hidden'
  const me = userOf(viewer)
  if (me !== undefined && (note.workerId === me || note.supervisorId === me)) return 'full'
  const ownAgency = note.workerAgency === viewer.agency || note.supervisorAgency === viewer.agency
  return ownAgency && hasRole(viewer.roles, 'manager') ? 'full' : 'hidden'
}

/** A supervision's due date and who supervises: the worker's agency, and those who see the whole record. */
export const supervisionDueVisible = (viewer: Viewer, reach: Reach, workerAgency: string) =>
  sees(viewer, reach) && (reach.level === 'full' || workerAgency === viewer.agency)

/** The partnership's own staff (no casework role): figures and a challenge's stage, never a child. */
export const partnershipOnly = (roles: readonly string[]) => hasRole(roles, 'partnership') && !doesCasework(roles)

/**
 * Working with the child, as recording a decision, a challenge, a meeting, supervision or an
 * assignment asks: the whole record, or their agency holds records about the child.
 */
export const worksWithChild = (viewer: Viewer, reach: Reach, agenciesHoldingRecords: readonly string[]) =>
  reach.level === 'full' || agenciesHoldingRecords.includes(viewer.agency)

/** A charging decision is the prosecutor's to record, a police decision to take no further action the police's. */
export const mayRecordDecisionKind = (kind: string, agencyKind: string | null | undefined) =>
  (kind !== 'police_nfa' || agencyKind === 'police') && (kind !== 'charging_decision' || agencyKind === 'prosecutor')

interface Acting {
  id: number
  roles: readonly string[]
  agency: string
}

/** The casework staff of the two agencies in a challenge act on it (respond, move it up, resolve it). */
export const isChallengeParty = (user: Omit<Acting, 'id'>, challenge: ChallengeFacts) =>
  doesCasework(user.roles) && [challenge.raisedByAgency, challenge.againstAgency].includes(user.agency)

/** The independent chair (the partnership) owns a challenge's last stage. */
export const isChallengeChair = (user: Omit<Acting, 'id'>, stageOwnerRole: string | null) =>
  hasRole(user.roles, 'partnership') && stageOwnerRole === 'independent_chair'

/** Who may add a note to a challenge: its parties; the independent chair at the last stage only to resolve it. */
export const mayNoteChallenge = (
  user: Omit<Acting, 'id'>,
  challenge: { challenge: ChallengeFacts; stageOwnerRole: string | null },
  kind: string,
) =>
  isChallengeParty(user, challenge.challenge) ||
  (isChallengeChair(user, challenge.stageOwnerRole) && kind === 'resolved')

/** The owner of an action, a manager in the owner's agency, or the meeting's chair marks it done. */
export const mayCompleteAction = (user: Acting, action: ActionFacts) =>
  action.owner.id === user.id ||
  (hasRole(user.roles, 'manager') && user.agency === action.ownerAgency) ||
  action.chairId === user.id

/** A manager keeps the competency register of their own agency's staff. */
export const keepsRegisterOf = (manager: { agency: string }, person: { agency: string } | undefined) =>
  person !== undefined && person.agency === manager.agency

/**
 * The staff records an area loaded (import format 1.4: workers, their trainings, their allocations'
 * lapses, supervision and caseloads) are an agency's management of its own staff: its own managers
 * see them, no one else (decision 0037).
 */
export const mayViewStaffRecords = (viewer: { roles: readonly string[]; agency: string }, agency: string) =>
  hasRole(viewer.roles, 'manager') && viewer.agency === agency
