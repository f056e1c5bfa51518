// Scoring suggested networks against a synthetic area's planted groups: for tests only (the truth is
// never read by the suggestion code). The figures are those the issue asks for: each planted group's
// recovery, the share of reported members outside any group, and whether each group was reported by
// the time the records first tied two of its children to a common member.
import { millis } from './nodes.ts'
import type { SuggestOptions } from './suggest.ts'
import type { SyntheticArea, SyntheticOptions } from './synthetic.ts'
import type { LinkFact, Network } from './types.ts'

export type Suggest = (facts: readonly LinkFact[], options: SuggestOptions) => Network[]

export interface AreaScore {
  /** Per planted group: the share of its adults and objects in the one network that holds most of them. */
  recovery: number[]
  /** Reported members (over all networks) that belong to no planted group, as a share of all reported. */
  outsideShare: number
  outside: string[]
  reported: number
  /** Per planted group tied at all: reported (a network with one of its members and two of its children) by then. */
  inTime: boolean[]
  /** Per planted group tied at all: days after that moment it was first reported (0 in time, null never). */
  daysLate: (number | null)[]
  /** Groups reported at first only through an adult suggested for a while (suggest.ts `provisionalDays`). */
  provisionalAtFirstTie: number
}

const DAY = 86_400_000

const nodeOf = (m: { kind: string; key: string }) => `${m.kind}:${m.key}`

export function scoreArea(area: SyntheticArea, suggest: Suggest, extra: Partial<SuggestOptions> = {}): AreaScore {
  const context = { population: area.population, relationships: area.relationships, ...extra }
  const networks = suggest(area.facts, context)
  const planted = new Set(area.truth.groups.flatMap((g) => g.members.map(nodeOf)))
  const reported = networks.flatMap((n) => n.members.map(nodeOf))
  const outside = reported.filter((m) => !planted.has(m))
  const recovery = area.truth.groups.map((g) => {
    const members = new Set(g.members.map(nodeOf))
    return Math.max(0, ...networks.map((n) => n.members.filter((m) => members.has(nodeOf(m))).length / members.size))
  })
  const inTime: boolean[] = []
  const daysLate: (number | null)[] = []
  let provisionalAtFirstTie = 0
  for (const group of area.truth.groups) {
    if (group.firstTiedAt === null) continue
    const members = new Set(group.members.map(nodeOf))
    const reporting = (asOf: string) =>
      suggest(area.facts, { ...context, asOf }).find(
        (n) =>
          n.members.some((m) => members.has(nodeOf(m))) &&
          n.children.filter((c) => group.children.includes(c)).length >= 2,
      )
    const reportedBy = (asOf: string) => reporting(asOf) !== undefined
    const first = reporting(group.firstTiedAt)
    const ok = first !== undefined
    inTime.push(ok)
    if (first?.provisional) provisionalAtFirstTie++
    if (ok) {
      daysLate.push(0)
      continue
    }
    // the next moments anything about the group was recorded, until it is reported
    const tiedAt = Date.parse(group.firstTiedAt)
    const children = new Set(group.children)
    const moments = [
      ...new Set(
        area.facts
          .filter(
            (f) =>
              millis(f.recordedAt) > tiedAt &&
              (members.has(`${f.memberKind}:${f.memberKey}`) ||
                members.has(`person:${f.personEntityId}`) ||
                children.has(f.personEntityId)),
          )
          .map((f) => millis(f.recordedAt)),
      ),
    ].sort((a, b) => a - b)
    const at = moments.find((t) => reportedBy(new Date(t).toISOString()))
    daysLate.push(at === undefined ? null : (at - tiedAt) / DAY)
  }
  return {
    recovery,
    outsideShare: reported.length ? outside.length / reported.length : 0,
    outside,
    reported: reported.length,
    inTime,
    daysLate,
    provisionalAtFirstTie,
  }
}

/**
 * Areas varied widely and together: small and large, one group to eight, one school (every group's
 * children at its gate) to twelve with at least ten of the area's children each, no family friends
 * to forty, one busy place to four, records over ten months to four years.
 */
export function sweepAreas(count = 48, firstSeed = 700): SyntheticOptions[] {
  const sizes = [60, 100, 160, 240, 320, 480, 640]
  const schools = [1, 2, 3, 4, 6, 8, 10, 12]
  const friends = [0, 2, 5, 10, 20, 40]
  const busy = [1, 2, 3, 4]
  const days = [300, 600, 900, 1500]
  return Array.from({ length: count }, (_, i) => {
    const children = sizes[i % sizes.length]
    // about a sixth of the children are free to be a group's targets (4 to 8 each)
    const most = Math.max(1, Math.min(8, Math.floor(children / 16)))
    return {
      seed: firstSeed + i,
      children,
      groups: 1 + ((i * 5) % most),
      schools: Math.min(schools[(i * 3) % schools.length], Math.floor(children / 10)),
      friends: friends[(i * 5) % friends.length],
      busyPlaces: busy[(i * 7 + Math.floor(i / 4)) % busy.length],
      days: days[(i + Math.floor(i / 7)) % days.length],
    }
  })
}
