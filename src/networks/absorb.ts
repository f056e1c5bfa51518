// Small networks that are the edge of a larger one. A group is recorded piecemeal: the phone that two of
// its girls were contacted from may be on record with no one else, and a man with his phone may be tied
// to one of its girls and to a girl no one else is known to be tied to yet. Each stands apart from the
// group as a network of its own unless joined to it here.
import { must, mustGet } from '../errors/must.ts'

type Units = ReadonlyMap<string, ReadonlySet<string>>

/**
 * Joins, smallest first, each network whose children (by family) are at least half children of one
 * larger network and otherwise children of no network, to that network; and each adult left out as a
 * possible family friend (`loose`), all of whose children are children of one network, to it. A
 * network that shares one child with another but has more of its own stays apart (two groups with a
 * girl in common are two groups), and so does one that could belong to two. `groups` (root -> members)
 * is changed in place.
 */
export function absorbSmallNetworks(groups: Map<string, Set<string>>, unitsOf: Units, loose: Units = new Map()): void {
  const unitsOfGroup = new Map<string, Set<string>>()
  const holders = new Map<string, Set<string>>()
  const hold = (u: string, root: string) => {
    let roots = holders.get(u)
    if (!roots) holders.set(u, (roots = new Set()))
    roots.add(root)
  }
  for (const [root, members] of groups) {
    const units = new Set<string>()
    for (const m of members) for (const u of unitsOf.get(m) ?? []) units.add(u)
    unitsOfGroup.set(root, units)
    for (const u of units) hold(u, root)
  }
  const size = (key: string) =>
    must(unitsOfGroup.get(key) ?? loose.get(key), 'the children of a network or a loose adult').size
  const order = [...unitsOfGroup.keys(), ...loose.keys()].sort((a, b) => size(a) - size(b) || (a < b ? -1 : 1))
  for (const key of order) {
    const isLoose = loose.has(key)
    const units = isLoose ? loose.get(key) : unitsOfGroup.get(key)
    if (!units || units.size === 0) continue
    const near = new Set<string>()
    for (const u of units) for (const r of holders.get(u) ?? []) if (r !== key) near.add(r)
    const within: string[] = []
    for (const other of near) {
      const theirs = mustGet(unitsOfGroup, other, 'the children of a network')
      if (theirs.size <= units.size) continue
      let shared = 0
      let open = true
      for (const u of units) {
        if (theirs.has(u)) shared++
        // a friend's children must all be the network's; a network's others must be no one else's
        else if (isLoose || [...(holders.get(u) ?? [])].some((r) => r !== key)) open = false
      }
      if (open && shared > 0 && shared >= units.size - shared) within.push(other)
    }
    if (within.length !== 1) continue
    const [into] = within
    const joined = mustGet(groups, into, 'the network joined')
    if (isLoose) {
      joined.add(key)
      continue
    }
    for (const m of mustGet(groups, key, 'the network joining')) joined.add(m)
    groups.delete(key)
    unitsOfGroup.delete(key)
    const joinedUnits = mustGet(unitsOfGroup, into, 'the children of the network joined')
    for (const u of units) {
      mustGet(holders, u, 'the networks holding a child').delete(key)
      hold(u, into)
      joinedUnits.add(u)
    }
  }
}
