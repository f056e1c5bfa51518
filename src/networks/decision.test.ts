import assert from 'node:assert/strict'
import { test } from 'node:test'
import { applyDecision, applyDecisions, isShareableBeyondMash } from './decision.ts'
import { facts, population, relationships } from './fixture.ts'
import { suggestNetworks } from './suggest.ts'
import type { NetworkDecision } from './types.ts'

const [network] = suggestNetworks(facts, { population, relationships })
const decide = (outcome: NetworkDecision['outcome'], at: string, members = network.members): NetworkDecision =>
  ({ networkId: network.id, outcome, reason: 'reviewed at MASH', decidedBy: 'analyst-1', decidedAt: at, members })

test('a suggestion stays a suggestion until a person decides, with a reason', () => {
  assert.equal(network.status, 'suggested')
  assert.equal(isShareableBeyondMash(network), false)
  const confirmed = applyDecision(network, decide('confirmed', '2009-09-01T10:00:00+01:00'))
  assert.equal(confirmed.status, 'confirmed')
  assert.equal(isShareableBeyondMash(confirmed), true)
  assert.equal(network.status, 'suggested') // the original is not changed
  assert.throws(() => applyDecision(network, { ...decide('dismissed', '2009-09-01T10:00:00Z'), reason: ' ' }), /reason/)
  assert.throws(() => applyDecision(network, { ...decide('dismissed', '2009-09-01T10:00:00Z'), networkId: 'net-x' }), /another network/)
})

test('the latest decision holds; a member added since raises the network again', () => {
  const decided = applyDecisions([network], [
    decide('confirmed', '2009-09-02T10:00:00+01:00'), decide('dismissed', '2009-09-01T10:00:00+01:00'),
  ])
  assert.equal(decided[0].status, 'confirmed')
  const fewer = decide('dismissed', '2009-09-03T10:00:00+01:00', network.members.slice(0, 2))
  const raised = applyDecisions([network], [fewer])[0]
  assert.equal(raised.status, 'suggested')
  assert.equal(raised.decision?.outcome, 'dismissed')
})
