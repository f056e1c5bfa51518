// Every measure the partnership's figures give, with its definition (shown on the page beside the
// figure and written in docs/cli.md), and the facts each is counted from, read with the rules that
// already decide them elsewhere (pure): the interview status of `missing --interviews`, ...
import { addMonths, londonDay, type Day } from '../calendar/days.ts'
import type { InterviewRow } from '../missing/interviews.ts'
import type { MissingSettings } from '../missing/settings.ts'
import type { Challenge, ChallengeState } from '../working-together/escalation.ts'
import { GRADES, isGrade } from '../audits/tool.ts'
import type { Fact, Measure } from './measures.ts'

export const MEASURES: readonly Measure[] = [
  {
    id: 'missing_episodes_ended',
    kind: 'count',
    numerator: 'episodes_ended',
    byAgency: true,
    atPeriodEnd: false,
    definition:
      "Missing episodes of children whose return (the London date the child came back) falls in the period; reports of one absence by two agencies are one episode, counted once for the area and once for each agency that reported it. An episode that began on or after the young person's 18th birthday is a missing adult's and is not counted (nor is a return interview owed for it).",
  },
  {
    id: 'return_interviews_within_72h',
    kind: 'rate',
    numerator: 'interviews_in_time',
    denominator: 'episodes_ended',
    byAgency: true,
    atPeriodEnd: false,
    definition:
      'Of the missing episodes ended in the period (the denominator, exactly missing_episodes_ended), those whose return interview was held within the due time ({interviewHours} hours after the return): status "done" in missing --interviews, however late it was recorded. Declined, not held, late, overdue and still due count in the denominator only.',
  },
  {
    id: 'concerns_raised',
    kind: 'count',
    numerator: 'concerns',
    byAgency: true,
    atPeriodEnd: false,
    definition:
      'Concerns about a child that happened in the period: events of the kinds the risk rules count as concerns (concern, contact_referral), each once, by the agency that recorded it.',
  },
  {
    id: 'referrals',
    kind: 'count',
    numerator: 'referrals',
    byAgency: true,
    atPeriodEnd: false,
    definition:
      'Referrals to children’s social care (contact_referral events, as the children in need census gives them) dated in the period, by the agency that recorded them.',
  },
  {
    id: 're_referrals_within_12_months',
    kind: 'rate',
    numerator: 're_referrals',
    denominator: 'referrals',
    byAgency: true,
    atPeriodEnd: false,
    definition:
      'Of the referrals in the period, those about a child who had another referral (by any agency) in the 12 months before it (the DfE’s re-referral measure).',
  },
  {
    id: 'nfa_decisions',
    kind: 'count',
    numerator: 'nfa_decisions',
    byAgency: true,
    atPeriodEnd: false,
    definition:
      'Decisions of no further action made in the period (a police NFA, a charging or threshold decision or case closure whose outcome is no further action, as decisions lists them), by the agency that made them.',
  },
  {
    id: 'nfa_decisions_challenged',
    kind: 'rate',
    numerator: 'nfa_challenged',
    denominator: 'nfa_decisions',
    byAgency: true,
    atPeriodEnd: false,
    definition:
      'Of the no-further-action decisions made in the period, those another professional has challenged through the escalation protocol (by the time of the figures), by the agency that made the decision.',
  },
  {
    id: 'challenges_resolved_by_deadline',
    kind: 'rate',
    numerator: 'challenges_resolved_in_time',
    denominator: 'challenges_resolved',
    byAgency: true,
    atPeriodEnd: false,
    definition:
      'Of the challenges resolved in the period, those resolved without any stage running past its deadline (never moved up because a deadline passed, and resolved by the deadline of the stage it was at), by the agency that raised the challenge.',
  },
  {
    id: 'unanswered_children',
    kind: 'count',
    numerator: 'unanswered',
    byAgency: false,
    atPeriodEnd: true,
    definition:
      'Children unanswered at the end of the period: rising risk or repeated concerns with no response within the set working days (children --unanswered), as known at the period’s end.',
  },
  {
    id: 'children_at_risk',
    kind: 'count',
    numerator: 'at_risk',
    byAgency: false,
    categories: ['2', '3', '4'],
    atPeriodEnd: true,
    definition:
      'Children at each band of exploitation risk from 2 (mild) to 4 (significant) at the end of the period (children --at-risk: the effective band, after any professional’s override), as known at the period’s end.',
  },
  {
    id: 'repeat_missing_without_strategy',
    kind: 'count',
    numerator: 'repeat_without_strategy',
    byAgency: false,
    atPeriodEnd: true,
    definition:
      'Children over the repeat-missing threshold ({repeatEpisodes} episodes starting within {repeatDays} days) with no strategy discussion since, at the end of the period (missing --repeat), as known at the period’s end.',
  },
  {
    id: 'supervision_on_time',
    kind: 'rate',
    numerator: 'supervision_in_time',
    denominator: 'supervised_allocations',
    byAgency: true,
    atPeriodEnd: true,
    definition:
      'Of the workers allocated to a child at the end of the period (Threadline’s users, and the workers of the agencies’ imported records), those whose case supervision was not overdue then (supervision: ok or due), by the worker’s agency.',
  },
  {
    id: 'language_findings_per_1000_notes',
    kind: 'per_1000',
    numerator: 'language_findings',
    denominator: 'notes_checked',
    byAgency: true,
    atPeriodEnd: false,
    definition:
      'Victim-blaming phrases found per 1,000 imported records checked: findings of the language check in the records (each version once) recorded in the period, over the records checked, by the agency that wrote them. Value = numerator × 1000 ÷ denominator.',
  },
  {
    id: 'audit_grades',
    kind: 'count',
    numerator: 'audit_grades_agreed',
    agencyNumerator: 'audit_grades_returned',
    byAgency: true,
    categories: GRADES,
    categoriesAddUp: true,
    atPeriodEnd: false,
    definition:
      'Grades given in multi-agency case audits, one row per grade (outstanding, good, requires_improvement, inadequate): for the area, the grades the multi-agency discussions agreed for the children discussed in the period (the day a child’s grades were first recorded), one per child per graded area (recognition, assessment and the others of the audit tool), as last agreed by the time of the figures; by agency, the grades in each agency’s own single-agency returns first sent in the period, one per child per graded area, by the agency that completed the return. The theme’s overall grades are not counted.',
  },
]

/** A measure by id (tests and the page). */
export const measure = (id: string) => MEASURES.find((m) => m.id === id)

/** A measure's definition with the area's numbers in it (the settings, never a constant). */
export function definitionOf(m: Measure, settings: MissingSettings): string {
  return m.definition
    .replace('{interviewHours}', String(settings.dueHours))
    .replace('{repeatEpisodes}', String(settings.repeatThreshold))
    .replace('{repeatDays}', String(settings.repeatDays))
}

/** Episodes ended and interviews in time, from the rows of `missing --interviews` (every returned episode). */
export function missingFacts(rows: readonly InterviewRow[]): Fact[] {
  const facts: Fact[] = []
  for (const row of rows) {
    const day = londonDay(row.returnedAt)
    const agencies = row.episode.agencies
    facts.push({ quantity: 'episodes_ended', day, agencies })
    if (row.status === 'done') facts.push({ quantity: 'interviews_in_time', day, agencies })
  }
  return facts
}

export interface DatedEvent {
  childId: string
  agency: string
  kind: string
  /** The London day it happened. */
  day: Day
}

export const REFERRAL_KIND = 'contact_referral'

/** Concerns, referrals and re-referrals (a referral within 12 calendar months after the child's previous one). */
export function eventFacts(events: readonly DatedEvent[], concernKinds: readonly string[]): Fact[] {
  const facts: Fact[] = []
  const referralsByChild = new Map<string, DatedEvent[]>()
  for (const e of events) {
    if (concernKinds.includes(e.kind)) facts.push({ quantity: 'concerns', day: e.day, agencies: [e.agency] })
    if (e.kind === REFERRAL_KIND) {
      facts.push({ quantity: 'referrals', day: e.day, agencies: [e.agency] })
      const list = referralsByChild.get(e.childId)
      if (list) list.push(e)
      else referralsByChild.set(e.childId, [e])
    }
  }
  for (const list of referralsByChild.values()) {
    list.sort((a, b) => a.day - b.day)
    for (let i = 1; i < list.length; i++) {
      // the previous referral on an earlier day, no more than 12 months before (same day: one referral sent twice)
      let j = i - 1
      while (j >= 0 && list[j].day === list[i].day) j--
      if (j >= 0 && addMonths(list[j].day, 12) >= list[i].day)
        facts.push({ quantity: 're_referrals', day: list[i].day, agencies: [list[i].agency] })
    }
  }
  return facts
}

export interface DecisionFact {
  id: string
  agency: string
  outcome: string | null
  decidedAt: Date
}

/** NFA decisions by the day they were made, and which of them a challenge names. */
export function decisionFacts(decisions: readonly DecisionFact[], challenged: ReadonlySet<string>): Fact[] {
  const facts: Fact[] = []
  for (const d of decisions) {
    if (d.outcome !== 'no_further_action') continue
    const day = londonDay(d.decidedAt)
    facts.push({ quantity: 'nfa_decisions', day, agencies: [d.agency] })
    if (challenged.has(d.id)) facts.push({ quantity: 'nfa_challenged', day, agencies: [d.agency] })
  }
  return facts
}

/** Challenges by the day they were resolved; in time when no stage ran past its deadline. */
export function challengeFacts(challenges: readonly { challenge: Challenge; state: ChallengeState }[]): Fact[] {
  const facts: Fact[] = []
  for (const { challenge, state } of challenges) {
    if (state.status !== 'resolved' || !state.resolvedAt) continue
    const day = londonDay(state.resolvedAt)
    const agencies = [challenge.raisedByAgency]
    facts.push({ quantity: 'challenges_resolved', day, agencies })
    const last = state.stages.at(-1)
    const inTime =
      state.stages.every((s) => s.endedBy !== 'deadline') &&
      (!last?.dueAt || state.resolvedAt.getTime() <= last.dueAt.getTime())
    if (inTime) facts.push({ quantity: 'challenges_resolved_in_time', day, agencies })
  }
  return facts
}

/** A child's state at a period's end, as the risk rules, missing --repeat and supervision give it. */
export interface EndState {
  /** The London day the period ends. */
  day: Day
  children: readonly { band: number; unanswered: boolean }[]
  repeatWithoutStrategy: number
  supervision: readonly { agency: string; overdue: boolean }[]
}

export function endStateFacts(state: EndState): Fact[] {
  const facts: Fact[] = []
  const { day } = state
  for (const c of state.children) {
    if (c.unanswered) facts.push({ quantity: 'unanswered', day, agencies: [] })
    if (c.band >= 2) facts.push({ quantity: 'at_risk', day, agencies: [], category: String(c.band) })
  }
  for (let i = 0; i < state.repeatWithoutStrategy; i++)
    facts.push({ quantity: 'repeat_without_strategy', day, agencies: [] })
  for (const s of state.supervision) {
    facts.push({ quantity: 'supervised_allocations', day, agencies: [s.agency] })
    if (!s.overdue) facts.push({ quantity: 'supervision_in_time', day, agencies: [s.agency] })
  }
  return facts
}

/** Imported records checked for language: one fact per record version, one per finding in it. */
export function languageFacts(checked: readonly { agency: string; day: Day; findings: number }[]): Fact[] {
  const facts: Fact[] = []
  for (const c of checked) {
    facts.push({ quantity: 'notes_checked', day: c.day, agencies: [c.agency] })
    for (let i = 0; i < c.findings; i++) facts.push({ quantity: 'language_findings', day: c.day, agencies: [c.agency] })
  }
  return facts
}

/** One saved set of grades: the discussion's agreed grades for a child (agency null) or an agency's return. */
export interface GradeVersion {
  auditId: number
  /** the child's number in the cohort; 0 is the theme, not counted */
  position: number
  agency: string | null
  grades: Readonly<Record<string, string>>
  recordedAt: Date
}

/**
 * audit_grades' facts from every version of grades recorded by the time of the figures: each child's
 * grades (the discussion's, or one agency's) as last saved, counted on the London day they were first
 * saved, one fact per graded area; a heading left ungraded counts in no row.
 */
export function auditGradeFacts(versions: readonly GradeVersion[]): Fact[] {
  const latest = new Map<string, { first: Date; last: GradeVersion }>()
  for (const v of versions) {
    if (v.position <= 0) continue
    const key = `${v.auditId}\u0000${v.position}\u0000${v.agency ?? ''}`
    const seen = latest.get(key)
    if (!seen) latest.set(key, { first: v.recordedAt, last: v })
    else {
      if (v.recordedAt.getTime() < seen.first.getTime()) seen.first = v.recordedAt
      if (v.recordedAt.getTime() >= seen.last.recordedAt.getTime()) seen.last = v
    }
  }
  const facts: Fact[] = []
  for (const { first, last } of latest.values()) {
    const day = londonDay(first)
    for (const grade of Object.values(last.grades)) {
      if (!isGrade(grade)) continue
      facts.push(
        last.agency === null
          ? { quantity: 'audit_grades_agreed', day, agencies: [], category: grade }
          : { quantity: 'audit_grades_returned', day, agencies: [last.agency], category: grade },
      )
    }
  }
  return facts
}
