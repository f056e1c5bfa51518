// Who is tied to whom. An event ties together everyone in it: the child it is about, the man she was
// found with, his car and the flat. A tie is known from the moment both of its links were recorded.
import { linkShowsConcern } from './concern.ts'
import type { Families } from './families.ts'
import { millis, nodeId, personNode } from './nodes.ts'
import { DEFAULT_ROLE_WEIGHTS, roleWeight, type RoleWeights } from './roles.ts'
import type { LinkFact, Population } from './types.ts'

export interface Tie {
  /** The strongest role weight among the events that make the tie. */
  weight: number
  firstRecorded: number
  lastRecorded: number
  firstOccurred: number
  lastOccurred: number
  agencies: Set<string>
  eventRefs: Set<string>
}

export interface Ties {
  /** member node (adult or object) -> child id -> tie */
  childTies: Map<string, Map<string, Tie>>
  /** member node -> member node -> tie (both directions stored) */
  memberTies: Map<string, Map<string, Tie>>
}

interface Participant {
  node: string
  childId: string | null
  weight: number
  recorded: number
  occurred: number
  agency: string
}

export interface TieOptions {
  roleWeights?: RoleWeights
  families?: Families
}

function touch(
  map: Map<string, Map<string, Tie>>,
  a: string,
  b: string,
  weight: number,
  recorded: number,
  occurred: number,
  agencies: readonly string[],
  eventRef: string,
): void {
  let inner = map.get(a)
  if (!inner) map.set(a, (inner = new Map()))
  let tie = inner.get(b)
  if (!tie) {
    tie = {
      weight,
      firstRecorded: recorded,
      lastRecorded: recorded,
      firstOccurred: occurred,
      lastOccurred: occurred,
      agencies: new Set(),
      eventRefs: new Set(),
    }
    inner.set(b, tie)
  } else {
    if (weight > tie.weight) tie.weight = weight
    if (recorded < tie.firstRecorded) tie.firstRecorded = recorded
    if (recorded > tie.lastRecorded) tie.lastRecorded = recorded
    if (occurred < tie.firstOccurred) tie.firstOccurred = occurred
    if (occurred > tie.lastOccurred) tie.lastOccurred = occurred
  }
  for (const agency of agencies) tie.agencies.add(agency)
  tie.eventRefs.add(eventRef)
}

/**
 * The children of one event who are out with their own family (driven home by an older sister, who
 * brought her phone) on a record that shows no concern (concern.ts): what is with them is the
 * household's, not an association of theirs, so they are tied to none of the event's objects.
 */
function childrenWithFamily(
  list: readonly LinkFact[],
  all: readonly Participant[],
  families: Families | undefined,
): Set<string> {
  const withFamily = new Set<string>()
  if (!families || list.some(linkShowsConcern)) return withFamily
  const adults = all.filter((p) => p.childId === null && p.node.startsWith('person:')).map((p) => p.node.slice(7))
  for (const c of all) {
    const childId = c.childId
    if (childId !== null && adults.some((a) => families.isFamilyOf(a, childId))) withFamily.add(childId)
  }
  return withFamily
}

function factsByEvent(facts: readonly LinkFact[]): Map<string, LinkFact[]> {
  const byEvent = new Map<string, LinkFact[]>()
  for (const f of facts) {
    let list = byEvent.get(f.eventRef)
    if (!list) byEvent.set(f.eventRef, (list = []))
    list.push(f)
  }
  return byEvent
}

/** Ties from link facts already limited to what was recorded by the as-of time. */
export function deriveTies(facts: readonly LinkFact[], population: Population, options: TieOptions = {}): Ties {
  const weights = options.roleWeights ?? DEFAULT_ROLE_WEIGHTS
  const byEvent = factsByEvent(facts)
  const childTies = new Map<string, Map<string, Tie>>()
  const memberTies = new Map<string, Map<string, Tie>>()
  const isChild = (id: string) => population.children.has(id)

  for (const [eventRef, list] of byEvent) {
    const people = new Map<string, Participant>()
    const add = (p: Participant) => {
      const seen = people.get(p.node)
      if (!seen) people.set(p.node, p)
      else {
        if (p.weight > seen.weight) seen.weight = p.weight
        if (p.recorded < seen.recorded) seen.recorded = p.recorded
      }
    }
    let subjectRecorded = Infinity
    for (const f of list) subjectRecorded = Math.min(subjectRecorded, millis(f.recordedAt))
    const first = list[0]
    let childRoleWeight = -1
    for (const f of list) {
      const w = roleWeight(f.role, weights)
      if (w <= 0) continue // a professional's involvement is no association
      const recorded = millis(f.recordedAt)
      const occurred = millis(f.occurredAt)
      const childMember = f.memberKind === 'person' && isChild(f.memberKey)
      // an adult-subject event's weight comes from the child's role in it (a victim of his, say)
      if (childMember) childRoleWeight = Math.max(childRoleWeight, w)
      add({
        node: nodeId(f.memberKind, f.memberKey),
        childId: childMember ? f.memberKey : null,
        weight: w,
        recorded,
        occurred,
        agency: f.agency,
      })
    }
    const subjectIsChild = isChild(first.personEntityId)
    const subjectWeight = !subjectIsChild && childRoleWeight >= 0 ? childRoleWeight : roleWeight('subject', weights)
    let occurredMin = Infinity
    for (const f of list) occurredMin = Math.min(occurredMin, millis(f.occurredAt))
    add({
      node: personNode(first.personEntityId),
      childId: subjectIsChild ? first.personEntityId : null,
      weight: subjectWeight,
      recorded: subjectRecorded,
      occurred: occurredMin,
      agency: first.agency,
    })

    const all = [...people.values()]
    const withFamily = childrenWithFamily(list, all, options.families)
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        const a = all[i]
        const b = all[j]
        if (a.childId !== null && b.childId !== null) continue // child to child: peers, not members
        const recorded = Math.max(a.recorded, b.recorded)
        const occurred = Math.max(a.occurred, b.occurred)
        const agencies = a.agency === b.agency ? [a.agency] : [a.agency, b.agency]
        // a child and a member (child to child was left out above)
        const childId = a.childId ?? b.childId
        if (childId !== null) {
          const member = a.childId !== null ? b : a
          const memberId = member.node.startsWith('person:') ? member.node.slice(7) : null
          if (memberId !== null && options.families?.isFamilyOf(memberId, childId)) continue
          if (memberId === null && withFamily.has(childId)) continue
          // the member's own role says what the link is; for the subject, the child's role does
          const weight = member.weight
          touch(childTies, member.node, childId, weight, recorded, occurred, agencies, eventRef)
        } else {
          const weight = Math.min(a.weight, b.weight)
          touch(memberTies, a.node, b.node, weight, recorded, occurred, agencies, eventRef)
          touch(memberTies, b.node, a.node, weight, recorded, occurred, agencies, eventRef)
        }
      }
    }
  }
  return { childTies, memberTies }
}
