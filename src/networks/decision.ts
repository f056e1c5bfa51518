// A person decides: an analyst confirms or dismisses a suggested network, with a reason. The decision
// holds for the members the analyst saw; a member added since raises the network as a suggestion
// again, with the earlier decision beside it. Only a confirmed network is shared beyond the MASH and
// the police.
import { millis } from './nodes.ts'
import type { Network, NetworkDecision } from './types.ts'

const memberKey = (m: { kind: string; key: string }) => `${m.kind}:${m.key}`

export function applyDecision(network: Network, decision: NetworkDecision): Network {
  if (decision.networkId !== network.id) throw new Error('decision is for another network')
  return withDecision(network, decision)
}

function withDecision(network: Network, decision: NetworkDecision): Network {
  if (!decision.reason.trim()) throw new Error('a decision needs a reason')
  const seen = new Set(decision.members.map(memberKey))
  const grown = network.members.some((m) => !seen.has(memberKey(m)))
  return { ...network, status: grown ? 'suggested' : decision.outcome, decision }
}

/** The latest decision about each network (by decidedAt). */
function latestDecisions(decisions: readonly NetworkDecision[]): Map<string, NetworkDecision> {
  const latest = new Map<string, NetworkDecision>()
  for (const d of decisions) {
    const seen = latest.get(d.networkId)
    if (!seen || millis(d.decidedAt) >= millis(seen.decidedAt)) latest.set(d.networkId, d)
  }
  return latest
}

/**
 * Applies to each network the latest decision about it (by decidedAt), if any. A network's id follows its
 * smallest member, so a place that joins it since can change its id: a decision about an id no network
 * has now goes to the network without a decision of its own that holds most of the members the analyst
 * saw (at least half), newest decision first, so that the reason stays beside it and it comes back as a
 * suggestion only if it grew.
 */
export function applyDecisions(networks: readonly Network[], decisions: readonly NetworkDecision[]): Network[] {
  const latest = latestDecisions(decisions)
  const ids = new Set(networks.map((n) => n.id))
  const carried = new Map<string, NetworkDecision>()
  const orphans = [...latest.values()]
    .filter((d) => !ids.has(d.networkId))
    .sort((a, b) => millis(b.decidedAt) - millis(a.decidedAt) || (a.networkId < b.networkId ? -1 : 1))
  for (const d of orphans) {
    const seen = new Set(d.members.map(memberKey))
    let best: Network | undefined
    let most = 0
    for (const n of networks) {
      if (latest.has(n.id) || carried.has(n.id)) continue
      const held = n.members.filter((m) => seen.has(memberKey(m))).length
      if (held > most) [best, most] = [n, held]
    }
    if (best && 2 * most >= seen.size) carried.set(best.id, d)
  }
  return networks.map((n) => {
    const d = latest.get(n.id) ?? carried.get(n.id)
    return d ? withDecision(n, d) : n
  })
}

/**
 * The members of networks whose latest decision confirmed them ('person:12', 'vehicle:AB12CDE'): an
 * analyst's confirmation keeps a member that the rules would otherwise let go (a man suggested only for a
 * while, suggest.ts `provisionalDays`).
 */
export function confirmedMembers(decisions: readonly NetworkDecision[]): Set<string> {
  const kept = new Set<string>()
  for (const d of latestDecisions(decisions).values()) {
    if (d.outcome === 'confirmed') for (const m of d.members) kept.add(memberKey(m))
  }
  return kept
}

export function isShareableBeyondMash(network: Network): boolean {
  return network.status === 'confirmed'
}
