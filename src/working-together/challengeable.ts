// Threadline points at inaction itself. A decision is put to the other agencies with "Do you agree
// with this decision?" when:
//  - it takes no further action on a child whose risk band requires action (bands 2 to 4 of SERAF
//    each require an action; the lowest such band is a setting), or
//  - it is a "no further action" by one agency within 30 days (a setting) of another agency's concern
//    (before or after the decision: a concern that follows an NFA also calls it into question), or
//  - it is about serious harm (serious-harm.ts: a sexual offence, a protection plan, a disclosure),
//    whatever the band says.
// Only what had been recorded by the moment asked about counts.
import { isNoFurtherAction, type Decision } from './decisions.ts'
import { seriousHarmReason, type SeriousHarmFact } from './serious-harm.ts'

export const CHALLENGE_PROMPT = 'Do you agree with this decision?'

export interface Concern {
  agency: string
  at: Date
  recordedAt: Date
  source?: string
}

export interface ChallengeContext {
  asOf: Date
  /** The child's effective band (after any override) when the decision was made, or null when unknown. */
  band: number | null
  /** The lowest band that requires action. Default 2. */
  bandRequiringAction?: number
  /** The child's concerns (`concern` and `contact_referral` events) from every agency. */
  concerns: readonly Concern[]
  /** Agencies working with the child (allocated, or holding records of them). */
  agencies: readonly string[]
  /** Default 30. */
  windowDays?: number
  /** Facts of serious harm about the child (serious-harm.ts), as known at asOf. */
  seriousHarm?: readonly SeriousHarmFact[]
  /** The decision's own words beyond its rationale (an imported decision's offence, summary, details). */
  decisionTexts?: readonly (string | null | undefined)[]
}

export interface ChallengeReason {
  code: 'band_requires_action' | 'nfa_after_other_agency_concern' | 'serious_harm'
  message: string
  /** The concerns that make it challengeable, for the second code. */
  concerns?: Concern[]
}

export interface ChallengePrompt {
  challengeable: boolean
  reasons: ChallengeReason[]
  /** "Do you agree with this decision?" when challengeable, else null. */
  prompt: string | null
  /** The other agencies to show the prompt to. */
  promptAgencies: string[]
}

const DAY = 86_400_000

export function challengeable(decision: Decision, context: ChallengeContext): ChallengePrompt {
  const none: ChallengePrompt = { challengeable: false, reasons: [], prompt: null, promptAgencies: [] }
  if (decision.recordedAt.getTime() > context.asOf.getTime() || !isNoFurtherAction(decision)) return none
  const reasons: ChallengeReason[] = []
  const minBand = context.bandRequiringAction ?? 2
  if (context.band !== null && context.band >= minBand) {
    reasons.push({
      code: 'band_requires_action',
      message: `no further action on a child in band ${context.band}, which requires action`,
    })
  }
  const window = (context.windowDays ?? 30) * DAY
  const concerns = context.concerns.filter(
    (c) =>
      c.agency !== decision.agency &&
      c.recordedAt.getTime() <= context.asOf.getTime() &&
      Math.abs(c.at.getTime() - decision.decidedAt.getTime()) <= window,
  )
  if (concerns.length) {
    const agencies = [...new Set(concerns.map((c) => c.agency))].sort()
    reasons.push({
      code: 'nfa_after_other_agency_concern',
      message: `no further action within ${context.windowDays ?? 30} days of a concern from ${agencies.join(', ')}`,
      concerns,
    })
  }
  const harm = seriousHarmReason(
    decision.decidedAt,
    [decision.outcome, decision.rationale, ...(context.decisionTexts ?? [])],
    context.seriousHarm ?? [],
  )
  if (harm) reasons.push({ code: 'serious_harm', message: harm.message })
  if (!reasons.length) return none
  const promptAgencies = [...new Set([...context.agencies, ...concerns.map((c) => c.agency)])]
    .filter((a) => a !== decision.agency)
    .sort()
  return { challengeable: true, reasons, prompt: CHALLENGE_PROMPT, promptAgencies }
}
