// Decisions that close a door, each recorded with its rationale so it can be seen and challenged.
// Imported `charging_decision` and `police_nfa` events become decisions by themselves; the others
// (threshold decisions, closing a case, not holding a return interview, not sharing information)
// are recorded by hand on the page.
import { knownAsOf, parseTime, type RecordedEvent } from '../missing/index.ts'

export const DECISION_KINDS = [
  'police_nfa',
  'charging_decision',
  'threshold_decision',
  'case_closure',
  'return_interview_not_held',
  'information_not_shared',
] as const
export type DecisionKind = (typeof DECISION_KINDS)[number]

/** Event kinds that become decisions when imported. */
export const DECISION_EVENT_KINDS = ['charging_decision', 'police_nfa'] as const

export const CHARGING_OUTCOMES = ['charge', 'no_further_action', 'further_evidence_needed'] as const
/** Outcomes of a children's social care threshold decision (the door-closing ones are NFA and early help). */
export const THRESHOLD_OUTCOMES = [
  'no_further_action',
  'early_help',
  'child_in_need',
  'child_protection',
  'assessment',
] as const

export interface Decision {
  childId: string
  agency: string
  kind: DecisionKind
  /** `no_further_action`, `charge`, `early_help`... (normalised to lower case with underscores). */
  outcome: string | null
  rationale: string | null
  decidedAt: Date
  recordedAt: Date
  decidedBy: string | null
  /** `agency:source_id` of the imported event; null for one recorded by hand. */
  sourceRecord: string | null
}

/** "No Further Action", "NFA", "no-further-action" all mean `no_further_action`. */
export function normaliseOutcome(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null
  const v = value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
  return v === 'nfa' ? 'no_further_action' : v
}

/** Decisions from imported events (all stored versions), as known at `asOf`. */
export function decisionsFromEvents(versions: readonly RecordedEvent[], asOf: Date): Decision[] {
  const kinds: readonly string[] = DECISION_EVENT_KINDS
  return knownAsOf(
    versions.filter((v) => kinds.includes(v.event.kind)),
    asOf,
  )
    .flatMap((k): Decision[] => {
      const e = k.current.event
      const decidedAt = parseTime(e.occurred_at)
      if (!decidedAt) return []
      const outcome = normaliseOutcome(e.outcome)
      return [
        {
          childId: k.current.childId,
          agency: e.agency,
          kind: e.kind as DecisionKind,
          // a police NFA is no further action even when the agency's system left `outcome` empty
          outcome: e.kind === 'police_nfa' ? (outcome ?? 'no_further_action') : outcome,
          rationale: typeof e.rationale === 'string' && e.rationale.trim() ? e.rationale.trim() : null,
          decidedAt,
          recordedAt: k.firstRecordedAt,
          decidedBy: e.recorded_by ?? null,
          sourceRecord: k.key,
        },
      ]
    })
    .sort(
      (a, b) =>
        a.decidedAt.getTime() - b.decidedAt.getTime() || (a.sourceRecord ?? '').localeCompare(b.sourceRecord ?? ''),
    )
}

/** A decision to take no further action: police NFA, a no-charge decision, a threshold NFA, a case closed. */
export function isNoFurtherAction(d: Pick<Decision, 'kind' | 'outcome'>): boolean {
  if (d.kind === 'police_nfa' || d.kind === 'case_closure') return true
  return (d.kind === 'charging_decision' || d.kind === 'threshold_decision') && d.outcome === 'no_further_action'
}

/** A prosecutor's decision not to charge: its challenge may end in a request for a review of the decision. */
export function isNoChargeDecision(d: Pick<Decision, 'kind' | 'outcome'> | null | undefined): boolean {
  return !!d && d.kind === 'charging_decision' && d.outcome === 'no_further_action'
}

/** What must be put right before a decision is recorded by hand. */
export function decisionProblems(input: {
  kind: string
  outcome?: string | null
  rationale?: string | null
  decidedAt?: Date | null
}): string[] {
  const problems: string[] = []
  if (!(DECISION_KINDS as readonly string[]).includes(input.kind)) problems.push('choose what kind of decision it was')
  if (!input.decidedAt) problems.push('enter the date of the decision')
  if (!input.rationale || !input.rationale.trim())
    problems.push('give the rationale: why this decision was made, on what information')
  const outcome = normaliseOutcome(input.outcome)
  if (input.kind === 'charging_decision' && !(CHARGING_OUTCOMES as readonly string[]).includes(outcome ?? '')) {
    problems.push('choose the outcome of the charging decision')
  }
  if (input.kind === 'threshold_decision' && !(THRESHOLD_OUTCOMES as readonly string[]).includes(outcome ?? '')) {
    problems.push('choose the outcome of the threshold decision')
  }
  return problems
}
