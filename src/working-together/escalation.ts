// A challenge moves through the protocol's stages. Each stage has an owner and a deadline in working
// days; a stage not resolved by its deadline moves up by itself. Nothing is scheduled: the state is
// computed when read, from the stage events recorded by `now` (THREADLINE_NOW when set).
import type { WorkingDays } from './calendar.ts'
import type { Decision } from './decisions.ts'
import { outcomesFor, type ChallengeOutcome, type ChallengeSubject } from './outcomes.ts'
import type { EscalationProtocol } from './protocol.ts'

export interface Challenge {
  openedAt: Date
  raisedBy: string
  raisedByAgency: string
  againstAgency: string
  subject: ChallengeSubject
  /** The decision challenged; null for a challenge of inaction. */
  decision?: Pick<Decision, 'kind' | 'outcome'> | null
}

/** What people record on a challenge: moving it up before its deadline, or resolving it. */
export type StageEvent =
  | { kind: 'escalated'; at: Date; recordedAt?: Date; by?: string; note?: string }
  | { kind: 'resolved'; at: Date; recordedAt?: Date; by?: string; outcome: ChallengeOutcome; note?: string }

export interface StageSpan {
  stage: number
  ownerRole: string
  startedAt: Date
  dueAt: Date | null
  endedAt: Date | null
  /** How the stage ended: moved up by a person, by its deadline passing, or resolved. */
  endedBy: 'escalated' | 'deadline' | 'resolved' | null
}

export interface ChallengeState {
  stage: number
  stageOwnerRole: string
  stageLabel: string
  stageDueAt: Date | null
  status: 'open' | 'resolved'
  resolvedAt: Date | null
  outcome: ChallengeOutcome | null
  /** The last stage's deadline (if it has one) has passed with the challenge still open. */
  overdue: boolean
  stages: StageSpan[]
}

export function challengeState(
  challenge: Challenge,
  stageEvents: readonly StageEvent[],
  protocol: EscalationProtocol,
  now: Date,
  calendar: WorkingDays,
): ChallengeState {
  const stages = protocol.stages
  if (!stages.length) throw new Error('the escalation protocol has no stages')
  const t = now.getTime()
  const events = stageEvents
    .filter((e) => e.at.getTime() <= t && (e.recordedAt ?? e.at).getTime() <= t)
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at.getTime() - b.e.at.getTime() || a.i - b.i)
    .map((x) => x.e)

  // a stage that began when the one below ran out counts its days from the next day on, so the
  // day the deadline ended is not lost; one begun by a person counts from the day after it began
  const dueFor = (index: number, startedAt: Date, byDeadline: boolean): Date | null => {
    const days = stages[index].workingDays
    if (days === null) return null
    return calendar.addWorkingDays(byDeadline ? new Date(startedAt.getTime() - 1) : startedAt, days)
  }
  const spans: StageSpan[] = []
  let index = 0
  let current: StageSpan = {
    stage: stages[0].stage,
    ownerRole: stages[0].ownerRole,
    startedAt: challenge.openedAt,
    dueAt: dueFor(0, challenge.openedAt, false),
    endedAt: null,
    endedBy: null,
  }
  spans.push(current)
  const moveUp = (at: Date, endedBy: 'escalated' | 'deadline') => {
    current.endedAt = at
    current.endedBy = endedBy
    index++
    current = {
      stage: stages[index].stage,
      ownerRole: stages[index].ownerRole,
      startedAt: at,
      dueAt: dueFor(index, at, endedBy === 'deadline'),
      endedAt: null,
      endedBy: null,
    }
    spans.push(current)
  }
  const runDeadlines = (until: number) => {
    while (index < stages.length - 1 && current.dueAt !== null && current.dueAt.getTime() <= until)
      moveUp(current.dueAt, 'deadline')
  }

  let resolved: { at: Date; outcome: ChallengeOutcome } | null = null
  for (const e of events) {
    const at = e.at.getTime() < challenge.openedAt.getTime() ? challenge.openedAt : e.at
    runDeadlines(at.getTime())
    if (e.kind === 'escalated') {
      if (index < stages.length - 1) moveUp(at, 'escalated')
      continue
    }
    current.endedAt = at
    current.endedBy = 'resolved'
    resolved = { at, outcome: e.outcome }
    break
  }
  if (!resolved) runDeadlines(t)
  const stage = stages[index]
  return {
    stage: stage.stage,
    stageOwnerRole: stage.ownerRole,
    stageLabel: stage.label,
    stageDueAt: current.dueAt,
    status: resolved ? 'resolved' : 'open',
    resolvedAt: resolved?.at ?? null,
    outcome: resolved?.outcome ?? null,
    overdue: !resolved && current.dueAt !== null && current.dueAt.getTime() <= t,
    stages: spans,
  }
}

/** What must be put right before a challenge is resolved with this outcome. */
export function resolutionProblems(challenge: Challenge, outcome: string, note?: string | null): string[] {
  const allowed: readonly string[] = outcomesFor(challenge.decision)
  const problems: string[] = []
  if (!allowed.includes(outcome)) {
    problems.push(
      outcome === 'review_requested'
        ? "a review can be requested only of a prosecutor's decision not to charge"
        : `outcome must be one of ${allowed.join(', ')}`,
    )
  }
  if (!note || !note.trim()) problems.push('record what was agreed and why')
  return problems
}
