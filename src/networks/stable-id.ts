// A network's id must not change between runs on the same data: it is derived from its smallest
// member, which is the same whatever order the records arrive or are read in.
import { createHash } from 'node:crypto'

export function networkId(memberNodes: Iterable<string>): string {
  let smallest: string | undefined
  for (const node of memberNodes) if (smallest === undefined || node < smallest) smallest = node
  if (smallest === undefined) throw new Error('a network needs a member')
  return `net-${createHash('sha256').update(smallest).digest('hex').slice(0, 12)}`
}
