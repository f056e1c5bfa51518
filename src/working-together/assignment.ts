// Assigning a task: a qualified worker is allowed; an unqualified one needs a manager's override with
// a reason, and the assignment is then flagged on the task and reported to the partnership.
import {
  qualifiedFor,
  DEFAULT_TASK_REQUIREMENTS,
  type CompetentWorker,
  type MissingCompetency,
  type TaskRequirements,
} from './competencies.ts'

export interface ManagerOverride {
  /** Who overrides. */
  by: string
  /** Whether that person is a manager (storage knows their role). */
  isManager: boolean
  reason: string
  at: Date
}

export type AssignmentCheck =
  | { outcome: 'allowed'; flagged: false; missing: [] }
  | { outcome: 'needs_override'; flagged: false; missing: MissingCompetency[]; message: string; problems: string[] }
  | { outcome: 'overridden'; flagged: true; missing: MissingCompetency[]; message: string; override: ManagerOverride }

const LACK_WORDS: Record<MissingCompetency['lack'], string> = {
  never_held: 'not held',
  expired: 'expired',
  not_yet_valid: 'not yet valid',
  revoked: 'revoked',
}

function describe(missing: MissingCompetency[]): string {
  return missing.map((m) => `${m.type.replace(/_/g, ' ')} ${LACK_WORDS[m.lack]}`).join('; ')
}

export function assignmentCheck(
  task: string,
  worker: CompetentWorker,
  at: Date,
  override?: ManagerOverride | null,
  requirements: TaskRequirements = DEFAULT_TASK_REQUIREMENTS,
): AssignmentCheck {
  const q = qualifiedFor(task, worker, at, requirements)
  if (q.qualified) return { outcome: 'allowed', flagged: false, missing: [] }
  const message = `not qualified for ${task.replace(/_/g, ' ')}: ${describe(q.missing)}`
  const problems: string[] = []
  if (!override) problems.push('a manager must override, with a reason')
  else {
    if (!override.isManager) problems.push('only a manager can override')
    if (override.by === worker.id) problems.push('a worker cannot override for their own assignment')
    if (!override.reason || !override.reason.trim()) problems.push('an override needs a reason')
  }
  if (problems.length || !override)
    return { outcome: 'needs_override', flagged: false, missing: q.missing, message, problems }
  return { outcome: 'overridden', flagged: true, missing: q.missing, message, override }
}
