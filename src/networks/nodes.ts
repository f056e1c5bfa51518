// One node id per person or object so that the same man, car or flat recorded by different
// agencies is one node: 'person:<entity id>', 'vehicle:<registration>', ...
import { MEMBER_KINDS, type Instant, type MemberKind, type MemberRef } from './types.ts'

export function nodeId(kind: MemberKind, key: string): string {
  return `${kind}:${key}`
}

export function personNode(entityId: string): string {
  return `person:${entityId}`
}

export function memberOf(node: string): MemberRef {
  const at = node.indexOf(':')
  const kind = node.slice(0, at) as MemberKind
  if (at < 0 || !MEMBER_KINDS.includes(kind)) throw new Error(`not a node id: ${node}`)
  return { kind, key: node.slice(at + 1) }
}

export function compareMembers(a: MemberRef, b: MemberRef): number {
  const k = MEMBER_KINDS.indexOf(a.kind) - MEMBER_KINDS.indexOf(b.kind)
  if (k !== 0) return k
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0
}

/** Milliseconds since the epoch; a string without an offset is read as UTC by Date, so callers pass offsets. */
export function millis(value: Instant): number {
  const t = typeof value === 'string' ? Date.parse(value) : value.getTime()
  if (Number.isNaN(t)) throw new Error(`not a time: ${String(value)}`)
  return t
}
