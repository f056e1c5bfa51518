// A person decides: an analyst confirms or dismisses a suggested network, with a reason. The decision
// holds for the members the analyst saw; a member added since raises the network as a suggestion
// again, with the earlier decision beside it. Only a confirmed network is shared beyond the MASH and
// the police.
import { millis } from './nodes.ts'
import type { Network, NetworkDecision } from './types.ts'

const memberKey = (m: { kind: string; key: string }) => `${m.kind}:${m.key}`

export function applyDecision(network: Network, decision: NetworkDecision): Network {
  if (decision.networkId !== network.id) throw new Error('decision is for another network')
  if (!decision.reason.trim()) throw new Error('a decision needs a reason')
  const seen = new Set(decision.members.map(memberKey))
  const grown = network.members.some((m) => !seen.has(memberKey(m)))
  return { ...network, status: grown ? 'suggested' : decision.outcome, decision }
}

/** Applies to each network the latest decision about it (by decidedAt), if any. */
export function applyDecisions(networks: readonly Network[], decisions: readonly NetworkDecision[]): Network[] {
  const latest = new Map<string, NetworkDecision>()
  for (const d of decisions) {
    const seen = latest.get(d.networkId)
    if (!seen || millis(d.decidedAt) >= millis(seen.decidedAt)) latest.set(d.networkId, d)
  }
  return networks.map((n) => {
    const d = latest.get(n.id)
    return d ? applyDecision(n, d) : n
  })
}

export function isShareableBeyondMash(network: Network): boolean {
  return network.status === 'confirmed'
}
