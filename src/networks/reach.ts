// For each adult, vehicle, phone, online identity and place: how many distinct children it is tied to
// and over what period (when the links happened, and when they were recorded).
import { formatLondon } from '../config/clock.ts'
import { must } from '../errors/must.ts'
import { prepare, type AnalysisOptions } from './context.ts'
import { compareMembers, memberOf } from './nodes.ts'
import type { LinkFact, MemberKind } from './types.ts'

export interface MemberReach {
  kind: MemberKind
  key: string
  children_count: number
  child_ids: string[]
  agencies: string[]
  first_occurred_at: string
  last_occurred_at: string
  first_recorded_at: string
  last_recorded_at: string
}

/** A moment of a member's ties (every member has at least one tie, so it is a real time) in London time. */
const londonTime = (ms: number, what: string) => must(formatLondon(new Date(ms)), what)

export function memberReach(facts: readonly LinkFact[], options: AnalysisOptions): MemberReach[] {
  const { ties } = prepare(facts, options)
  const rows: MemberReach[] = []
  for (const [node, children] of ties.childTies) {
    let fo = Infinity,
      lo = -Infinity,
      fr = Infinity,
      lr = -Infinity
    const agencies = new Set<string>()
    for (const tie of children.values()) {
      fo = Math.min(fo, tie.firstOccurred)
      lo = Math.max(lo, tie.lastOccurred)
      fr = Math.min(fr, tie.firstRecorded)
      lr = Math.max(lr, tie.lastRecorded)
      for (const a of tie.agencies) agencies.add(a)
    }
    const member = memberOf(node)
    rows.push({
      kind: member.kind,
      key: member.key,
      children_count: children.size,
      child_ids: [...children.keys()].sort(),
      agencies: [...agencies].sort(),
      first_occurred_at: londonTime(fo, 'when the first link happened'),
      last_occurred_at: londonTime(lo, 'when the last link happened'),
      first_recorded_at: londonTime(fr, 'when the first link was recorded'),
      last_recorded_at: londonTime(lr, 'when the last link was recorded'),
    })
  }
  return rows.sort((a, b) => b.children_count - a.children_count || compareMembers(a, b))
}
