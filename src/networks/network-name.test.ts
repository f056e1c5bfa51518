// A network's name in words, from what the viewer may read.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { networkName } from './network-name.ts'
import type { Network } from './types.ts'

const network: Pick<Network, 'members' | 'children' | 'first_seen'> = {
  children: ['1', '2', '3'],
  members: [
    { kind: 'person', key: '9' },
    { kind: 'location', key: 'OL161AA' },
    { kind: 'location', key: 'OL99ZZ' },
  ],
  // recorded just before midnight in London on the last day of March: still March there
  first_seen: '2008-03-31T23:30:00+01:00',
}

test('a network is named by the place the viewer may read, and when it was first linked', () => {
  const reads = (node: string) => (node === 'location:OL99ZZ' ? 'Oldham Road' : null)
  assert.equal(networkName(network, reads), 'Network around Oldham Road, first linked March 2008')
})

test('a viewer who may read no place of the network gets no place name', () => {
  const name = networkName(network, () => null)
  assert.equal(name, 'Network of 3 children, first linked March 2008')
  assert.doesNotMatch(name, /OL16|OL99|net-/)
})
