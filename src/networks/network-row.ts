// A network as `threadline networks` prints it (docs/cli.md): the source records of every
// child and member come from linkage, which the caller knows.
import type { MemberRef, Network, NetworkStatus } from './types.ts'

export interface NetworkRow {
  id: string
  status: NetworkStatus
  children: string[]
  children_source_records: string[][]
  members: { kind: MemberRef['kind']; key: string; source_records: string[] }[]
  agencies: string[]
  first_seen: string
  last_seen: string
}

export interface SourceRecords {
  /** 'agency:source_id' of every person record linked into this person. */
  ofPerson(entityId: string): string[]
  /** For objects: the records (events) that name it; for a person member, ofPerson is used. */
  ofObject(member: MemberRef): string[]
}

export function networkRow(network: Network, sources: SourceRecords): NetworkRow {
  return {
    id: network.id,
    status: network.status,
    children: network.children,
    children_source_records: network.children.map((c) => sources.ofPerson(c)),
    members: network.members.map((m) => ({
      kind: m.kind,
      key: m.key,
      source_records: m.kind === 'person' ? sources.ofPerson(m.key) : sources.ofObject(m),
    })),
    agencies: network.agencies,
    first_seen: network.first_seen,
    last_seen: network.last_seen,
  }
}

/** Source records of objects from the link facts: the events that name each one. */
export function objectSourcesFromFacts(
  facts: readonly { memberKind: string; memberKey: string; eventRef: string }[],
): (member: MemberRef) => string[] {
  const byNode = new Map<string, Set<string>>()
  for (const f of facts) {
    const node = `${f.memberKind}:${f.memberKey}`
    let set = byNode.get(node)
    if (!set) byNode.set(node, (set = new Set()))
    set.add(f.eventRef)
  }
  return (m) => [...(byNode.get(`${m.kind}:${m.key}`) ?? [])].sort()
}
