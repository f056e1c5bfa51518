// A network's name on every page, in words, from what the viewer may read: the place it gathers around
// when they read a link naming that place ("Network around Bus station, first linked March 2008"), else
// how many children it holds. The command line keeps the network's id (docs/cli.md).
import { DateTime } from 'luxon'
import { ZONE } from '../config/clock.ts'
import type { Network } from './types.ts'

/** How the viewer read an object written ('Bus station'), or null when they read no link naming it. */
export type ReadWording = (node: string) => string | null

export function networkName(
  network: Pick<Network, 'members' | 'children' | 'first_seen'>,
  readWording: ReadWording,
): string {
  const place = network.members
    .filter((m) => m.kind === 'location')
    .map((m) => readWording(`location:${m.key}`))
    .find((w): w is string => !!w)
  const around = place
    ? `Network around ${place}`
    : `Network of ${network.children.length} ${network.children.length === 1 ? 'child' : 'children'}`
  const first = DateTime.fromISO(network.first_seen).setZone(ZONE)
  return first.isValid ? `${around}, first linked ${first.toFormat('LLLL yyyy')}` : around
}
