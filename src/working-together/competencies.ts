// Staff competencies with dates and expiry, and the competencies each kind of task needs.
// Rochdale: detectives untrained in child sexual exploitation interviewed victims. An evidential
// interview of a child victim needs both Achieving Best Evidence and CSE training.

export const COMPETENCY_TYPES = [
  'cse_specialist',
  'abe_interviewing',
  'return_interviews',
  'strategy_discussion_chair',
] as const
export type CompetencyType = (typeof COMPETENCY_TYPES)[number]

export const COMPETENCY_LABELS: Record<CompetencyType, string> = {
  cse_specialist: 'Child sexual exploitation specialist',
  abe_interviewing: 'Achieving Best Evidence interviewing',
  return_interviews: 'Return home interviews',
  strategy_discussion_chair: 'Strategy discussion chair',
}

export interface Competency {
  type: string
  obtainedAt: Date
  /** The instant it lapses (for an expiry date, the end of that day); null when it does not expire. */
  expiresAt: Date | null
  revokedAt?: Date | null
}

export interface CompetentWorker {
  id: string
  competencies: readonly Competency[]
}

/** Task kinds and the competencies each needs (settings; a task kind not listed needs none). */
export type TaskRequirements = Readonly<Record<string, readonly string[]>>

export const DEFAULT_TASK_REQUIREMENTS: TaskRequirements = {
  evidential_interview_child_victim: ['abe_interviewing', 'cse_specialist'],
  return_interview: ['return_interviews'],
  chair_strategy_discussion: ['strategy_discussion_chair'],
}

export type Lack = 'never_held' | 'expired' | 'not_yet_valid' | 'revoked'

export interface MissingCompetency {
  type: string
  lack: Lack
  /** When the latest one lapsed, for `expired` / `revoked`. */
  lapsedAt: Date | null
}

export interface Qualification {
  qualified: boolean
  required: string[]
  missing: MissingCompetency[]
}

export function heldAt(c: Competency, at: Date): boolean {
  const t = at.getTime()
  return (
    c.obtainedAt.getTime() <= t &&
    (c.expiresAt === null || t < c.expiresAt.getTime()) &&
    !(c.revokedAt && c.revokedAt.getTime() <= t)
  )
}

function whyNot(type: string, list: readonly Competency[], at: Date): MissingCompetency {
  const ofType = list.filter((c) => c.type === type)
  if (!ofType.length) return { type, lack: 'never_held', lapsedAt: null }
  const t = at.getTime()
  const started = ofType.filter((c) => c.obtainedAt.getTime() <= t)
  if (!started.length) return { type, lack: 'not_yet_valid', lapsedAt: null }
  const lapse = (c: Competency) => Math.min(c.expiresAt?.getTime() ?? Infinity, c.revokedAt?.getTime() ?? Infinity)
  const latest = started.sort((a, b) => lapse(b) - lapse(a))[0]
  const revoked = latest.revokedAt && latest.revokedAt.getTime() <= (latest.expiresAt?.getTime() ?? Infinity)
  return { type, lack: revoked ? 'revoked' : 'expired', lapsedAt: new Date(lapse(latest)) }
}

export function requiredFor(task: string, requirements: TaskRequirements = DEFAULT_TASK_REQUIREMENTS): string[] {
  return [...(requirements[task] ?? [])]
}

/** Does `worker` hold, at `at`, every competency the task needs? */
export function qualifiedFor(
  task: string,
  worker: CompetentWorker,
  at: Date,
  requirements: TaskRequirements = DEFAULT_TASK_REQUIREMENTS,
): Qualification {
  const required = requiredFor(task, requirements)
  const missing = required
    .filter((type) => !worker.competencies.some((c) => c.type === type && heldAt(c, at)))
    .map((type) => whyNot(type, worker.competencies, at))
  return { qualified: missing.length === 0, required, missing }
}

/** The workers Threadline offers for a task: only those qualified at `at`. */
export function qualifiedWorkers<W extends CompetentWorker>(
  task: string,
  workers: readonly W[],
  at: Date,
  requirements?: TaskRequirements,
): W[] {
  return workers.filter((w) => qualifiedFor(task, w, at, requirements).qualified)
}

/** Competencies lapsing within `days` of `at` (to renew before they do). */
export function expiringSoon(worker: CompetentWorker, at: Date, days = 60): Competency[] {
  const end = at.getTime() + days * 86_400_000
  return worker.competencies.filter((c) => heldAt(c, at) && c.expiresAt !== null && c.expiresAt.getTime() <= end)
}
