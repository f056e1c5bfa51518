// Shared-association alerts (`links --shared`): an adult, vehicle, phone or place tied to two or more
// children who are otherwise unconnected, with the agencies that recorded the links and the earliest
// recorded time at which someone could have seen it.
import { formatLondon } from '../config/clock.ts'
import { must } from '../errors/must.ts'
import { prepare, type AnalysisOptions } from './context.ts'
import { compareMembers, memberOf } from './nodes.ts'
import type { LinkFact, MemberKind } from './types.ts'

export interface SharedAssociation {
  kind: MemberKind
  key: string
  children_count: number
  child_ids: string[]
  agencies: string[]
  /** When, on recorded_at alone, the member was first tied to enough unconnected children. */
  first_linked_at: string
}

export interface SharedOptions extends AnalysisOptions {
  /** Default 2. */
  minChildren?: number
  /** Ties weaker than this (by role) are left out; default: every tie except a professional's. */
  minWeight?: number
}

export function sharedAssociations(facts: readonly LinkFact[], options: SharedOptions): SharedAssociation[] {
  const minChildren = options.minChildren ?? 2
  const minWeight = options.minWeight ?? 0
  const { families, ties } = prepare(facts, options)
  const rows: SharedAssociation[] = []
  for (const [node, children] of ties.childTies) {
    const kept = [...children].filter(([, tie]) => tie.weight > 0 && tie.weight >= minWeight)
    const units = new Set(kept.map(([child]) => families.unitOf(child)))
    if (units.size < minChildren) continue
    // the moment the count of unconnected children reached the threshold
    kept.sort((a, b) => a[1].firstRecorded - b[1].firstRecorded)
    const seen = new Set<string>()
    let firstLinked = 0
    for (const [child, tie] of kept) {
      seen.add(families.unitOf(child))
      if (seen.size >= minChildren) {
        firstLinked = tie.firstRecorded
        break
      }
    }
    const agencies = new Set<string>()
    for (const [, tie] of kept) for (const a of tie.agencies) agencies.add(a)
    const member = memberOf(node)
    rows.push({
      kind: member.kind,
      key: member.key,
      children_count: kept.length,
      child_ids: kept.map(([child]) => child).sort(),
      agencies: [...agencies].sort(),
      first_linked_at: must(formatLondon(new Date(firstLinked)), 'when the object was first shared'),
    })
  }
  return rows.sort((a, b) => Date.parse(a.first_linked_at) - Date.parse(b.first_linked_at) || compareMembers(a, b))
}
