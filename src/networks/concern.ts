// Signs of concern on the records that tie children to a network (decision 0059). A taxi firm under a
// transport contract, a football coach and his phone, a youth club: each is tied to many children of
// many families, and looks like a group by its links alone. What tells them apart is what the agencies
// wrote about those links: school transport, an injury at training, an evening session are ordinary
// notes, while a group's links are concerns, intelligence, a child found with someone, a named suspect,
// or records where the agency saw an exploitation indicator.
import type { LinkFact } from './types.ts'
import type { Tie } from './ties.ts'

/** Event kinds that are themselves a worry about a child (import format `kind`). */
export const CONCERN_KINDS: ReadonlySet<string> = new Set([
  'concern',
  'contact_referral',
  // a crime reported about the child (the account that asked her for pictures)
  'crime_report',
  'intelligence',
  'sexual_health',
  'strategy_discussion',
  'section47_enquiry',
])

/** Roles that say the member is what the worry is about: named, found with or found at. */
export const CONCERN_ROLES: ReadonlySet<string> = new Set(['suspect', 'claimed_partner', 'found_with', 'found_at'])

/**
 * Indicators about the child's home or herself rather than about who she is with: a looked-after girl
 * with low self-esteem says nothing against the taxi that takes her to school.
 */
const HOUSEHOLD_INDICATORS: ReadonlySet<string> = new Set([
  'family_breakdown',
  'domestic_abuse_at_home',
  'substance_misuse_at_home',
  'parental_mental_health',
  'looked_after',
  'isolated',
  'low_self_esteem',
  'school_disengagement',
])

/**
 * The events (by `agency:source_id`) whose record shows no sign of concern: a kind that is not a concern,
 * no concerning role for anyone in it, no exploitation indicator. An event whose kind is not known (a
 * relationship, facts given without it) is not among them: only what a record says can set a link aside.
 */
export function ordinaryEvents(facts: readonly LinkFact[]): Set<string> {
  const seen = new Set<string>()
  const concern = new Set<string>()
  for (const f of facts) {
    seen.add(f.eventRef)
    if (linkShowsConcern(f)) concern.add(f.eventRef)
  }
  return new Set([...seen].filter((e) => !concern.has(e)))
}

/** Whether one link of an event shows concern (its event's kind, its role, an indicator); unknown kind: yes. */
export function linkShowsConcern(f: LinkFact): boolean {
  return (
    f.eventKind === undefined ||
    f.eventKind === null ||
    CONCERN_KINDS.has(f.eventKind) ||
    (f.role != null && CONCERN_ROLES.has(f.role)) ||
    (f.indicators ?? []).some((i) => !HOUSEHOLD_INDICATORS.has(i))
  )
}

/** A tie shows concern when any event that makes it is not an ordinary one. */
export const tieOfConcern = (tie: Tie, ordinary: ReadonlySet<string>): boolean =>
  [...tie.eventRefs].some((e) => !ordinary.has(e))

/**
 * Whether a network is an ordinary context: fewer than half of its children's families are tied to any
 * of its members by a record that shows concern (the firm's cars on school-run notes, a missing episode
 * from school that only names the car she did not get into).
 */
export function ordinaryContext(
  memberTies: Iterable<ReadonlyMap<string, Tie>>,
  unitOf: (child: string) => string,
  strong: number,
  ordinary: ReadonlySet<string>,
): boolean {
  const units = new Set<string>()
  const worried = new Set<string>()
  for (const children of memberTies) {
    for (const [child, tie] of children) {
      if (tie.weight < strong) continue
      const u = unitOf(child)
      units.add(u)
      if (tieOfConcern(tie, ordinary)) worried.add(u)
    }
  }
  return units.size > 0 && worried.size * 2 < units.size
}
