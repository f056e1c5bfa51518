// How a challenge ends. For a prosecutor's decision not to charge, one route is to ask for that
// decision to be reviewed (the CPS Victims' Right to Review scheme, or a police request for a CPS review).
import { isNoChargeDecision, type Decision } from './decisions.ts'

export const CHALLENGE_OUTCOMES = [
  'decision_upheld', // the challenge was heard and the decision stands
  'decision_changed', // the agency changed its decision
  'action_agreed', // an agreed plan of action resolves the disagreement
  'review_requested', // a review of a prosecutor's no-charge decision was requested (VRR / CPS)
  'withdrawn', // the person who raised it withdrew it
] as const
export type ChallengeOutcome = (typeof CHALLENGE_OUTCOMES)[number]

export const CHALLENGE_SUBJECTS = [
  'threshold_not_met',
  'child_protection_procedures',
  'police_social_care_disagreement',
  'prosecutor_decision',
  'information_not_shared',
  'inaction',
  'other',
] as const
export type ChallengeSubject = (typeof CHALLENGE_SUBJECTS)[number]

/** The outcomes open to a challenge of this decision (or of inaction, when there is none). */
export function outcomesFor(decision: Pick<Decision, 'kind' | 'outcome'> | null | undefined): ChallengeOutcome[] {
  return CHALLENGE_OUTCOMES.filter((o) => o !== 'review_requested' || isNoChargeDecision(decision))
}
