// Reports for the partnership: challenges raised, by agency and subject, time at each stage, outcomes.
import type { Challenge, ChallengeState } from './escalation.ts'

export interface ChallengeReport {
  raised: number
  open: number
  byRaisingAgency: Record<string, number>
  byAgainstAgency: Record<string, number>
  bySubject: Record<string, number>
  byOutcome: Record<string, number>
  /** Per stage: how many challenges reached it, and mean / longest days spent in it (to now for open ones). */
  stages: { stage: number; reached: number; meanDays: number; longestDays: number; movedUpByDeadline: number }[]
}

const count = (into: Record<string, number>, key: string) => {
  into[key] = (into[key] ?? 0) + 1
}

export function challengeReport(
  rows: readonly { challenge: Challenge; state: ChallengeState }[],
  now: Date,
): ChallengeReport {
  const report: ChallengeReport = {
    raised: rows.length,
    open: 0,
    byRaisingAgency: {},
    byAgainstAgency: {},
    bySubject: {},
    byOutcome: {},
    stages: [],
  }
  const stages = new Map<number, { reached: number; total: number; longest: number; byDeadline: number }>()
  for (const { challenge, state } of rows) {
    if (state.status === 'open') report.open++
    count(report.byRaisingAgency, challenge.raisedByAgency)
    count(report.byAgainstAgency, challenge.againstAgency)
    count(report.bySubject, challenge.subject)
    if (state.outcome) count(report.byOutcome, state.outcome)
    for (const span of state.stages) {
      const days = ((span.endedAt ?? now).getTime() - span.startedAt.getTime()) / 86_400_000
      const s = stages.get(span.stage) ?? { reached: 0, total: 0, longest: 0, byDeadline: 0 }
      s.reached++
      s.total += days
      s.longest = Math.max(s.longest, days)
      if (span.endedBy === 'deadline') s.byDeadline++
      stages.set(span.stage, s)
    }
  }
  report.stages = [...stages.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([stage, s]) => ({
      stage,
      reached: s.reached,
      meanDays: s.total / s.reached,
      longestDays: s.longest,
      movedUpByDeadline: s.byDeadline,
    }))
  return report
}
