// Working together: decisions and challenge, escalation, meetings and actions, supervision,
// competencies and caseload. Pure functions; storage and pages call them when reading.
export { englandAndWalesWorkingDays, type WorkingDays } from './calendar.ts'
export {
  DECISION_KINDS,
  DECISION_EVENT_KINDS,
  CHARGING_OUTCOMES,
  THRESHOLD_OUTCOMES,
  decisionsFromEvents,
  decisionProblems,
  isNoFurtherAction,
  isNoChargeDecision,
  normaliseOutcome,
  type Decision,
  type DecisionKind,
} from './decisions.ts'
export {
  challengeable,
  CHALLENGE_PROMPT,
  type ChallengeContext,
  type ChallengePrompt,
  type ChallengeReason,
  type Concern,
} from './challengeable.ts'
export { seriousHarmFacts, seriousHarmReason, type SeriousHarmFact } from './serious-harm.ts'
export { DEFAULT_PROTOCOL, protocolProblems, type EscalationProtocol, type EscalationStage } from './protocol.ts'
export {
  CHALLENGE_OUTCOMES,
  CHALLENGE_SUBJECTS,
  outcomesFor,
  type ChallengeOutcome,
  type ChallengeSubject,
} from './outcomes.ts'
export {
  challengeState,
  resolutionProblems,
  type Challenge,
  type ChallengeState,
  type StageEvent,
  type StageSpan,
} from './escalation.ts'
export { challengeReport, type ChallengeReport } from './report.ts'
export {
  MEETING_TYPES,
  MEETING_TYPE_LABELS,
  initialConferenceDue,
  attendance,
  meetingProblems,
  type MeetingType,
  type Attendance,
} from './meetings.ts'
export {
  ACTION_STATUSES,
  actionStatus,
  isDone,
  doneLate,
  dueAtEndOf,
  completionProblems,
  type Action,
  type ActionStatus,
} from './actions.ts'
export {
  DEFAULT_SUPERVISION,
  SUPERVISION_STATUSES,
  nextSupervisionDue,
  ruleAt,
  type SupervisionSettings,
  type SupervisedWorker,
  type SupervisionDue,
  type SupervisionRule,
  type SupervisionStatus,
} from './supervision.ts'
export {
  COMPETENCY_TYPES,
  COMPETENCY_LABELS,
  DEFAULT_TASK_REQUIREMENTS,
  qualifiedFor,
  qualifiedWorkers,
  requiredFor,
  heldAt,
  expiringSoon,
  type Competency,
  type CompetencyType,
  type CompetentWorker,
  type TaskRequirements,
  type Qualification,
  type MissingCompetency,
} from './competencies.ts'
export { assignmentCheck, type AssignmentCheck, type ManagerOverride } from './assignment.ts'
export {
  DEFAULT_CASELOAD,
  caseload,
  teamCaseload,
  allocationHistory,
  workersInYear,
  activeAt,
  type Allocation,
  type Caseload,
  type CaseloadSettings,
  type Responsibility,
} from './caseload.ts'
