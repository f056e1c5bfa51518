import assert from 'node:assert/strict'
import { test } from 'node:test'
import { applyDecision, applyDecisions, isShareableBeyondMash } from './decision.ts'
import { facts, population, relationships } from './fixture.ts'
import { suggestNetworks } from './suggest.ts'
import type { NetworkDecision } from './types.ts'

const [network] = suggestNetworks(facts, { population, relationships })
const decide = (outcome: NetworkDecision['outcome'], at: string, members = network.members): NetworkDecision => ({
  networkId: network.id,
  outcome,
  reason: 'reviewed at MASH',
  decidedBy: 'analyst-1',
  decidedAt: at,
  members,
})

test('a suggestion stays a suggestion until a person decides, with a reason', () => {
  assert.equal(network.status, 'suggested')
  assert.equal(isShareableBeyondMash(network), false)
  const confirmed = applyDecision(network, decide('confirmed', '2009-09-01T10:00:00+01:00'))
  assert.equal(confirmed.status, 'confirmed')
  assert.equal(isShareableBeyondMash(confirmed), true)
  assert.equal(network.status, 'suggested') // the original is not changed
  assert.throws(() => applyDecision(network, { ...decide('dismissed', '2009-09-01T10:00:00Z'), reason: ' ' }), /reason/)
  assert.throws(
    () => applyDecision(network, { ...decide('dismissed', '2009-09-01T10:00:00Z'), networkId: 'net-x' }),
    /another network/,
  )
})

test('the latest decision holds; a member added since raises the network again', () => {
  const decided = applyDecisions(
    [network],
    [decide('confirmed', '2009-09-02T10:00:00+01:00'), decide('dismissed', '2009-09-01T10:00:00+01:00')],
  )
  assert.equal(decided[0].status, 'confirmed')
  const fewer = decide('dismissed', '2009-09-03T10:00:00+01:00', network.members.slice(0, 2))
  const raised = applyDecisions([network], [fewer])[0]
  assert.equal(raised.status, 'suggested')
  assert.equal(raised.decision?.outcome, 'dismissed')
})

test('a decision follows its network when the id changes (a place joined it, or a merge renamed a man)', () => {
  const gone = (
    members: typeof network.members,
    outcome: NetworkDecision['outcome'] = 'dismissed',
    at = '2009-09-03T10:00:00+01:00',
  ) => ({ ...decide(outcome, at, members), networkId: 'net-000000000000' })
  const same = applyDecisions([network], [gone(network.members)])[0]
  assert.equal(same.status, 'dismissed')
  assert.equal(same.decision?.networkId, 'net-000000000000')
  // the analyst saw two of its three members: it grew, so it is raised again with the decision beside it
  const grown = applyDecisions([network], [gone(network.members.slice(0, 2))])[0]
  assert.equal(grown.status, 'suggested')
  assert.equal(grown.decision?.outcome, 'dismissed')
  // a decision about other members altogether stays with no network
  const other = applyDecisions(
    [network],
    [gone([{ kind: 'person', key: 'zed' }, { kind: 'phone', key: '0' }, network.members[0]])],
  )[0]
  assert.equal(other.decision, undefined)
  // a network's own decision comes first; of two orphans, the newer is carried
  const own = applyDecisions(
    [network],
    [gone(network.members, 'confirmed', '2009-09-09T10:00:00Z'), decide('dismissed', '2009-09-01T10:00:00Z')],
  )[0]
  assert.equal(own.status, 'dismissed')
  const newer = applyDecisions(
    [network],
    [
      gone(network.members, 'confirmed', '2009-09-09T10:00:00Z'),
      { ...gone(network.members, 'dismissed', '2009-09-10T10:00:00Z'), networkId: 'net-111111111111' },
    ],
  )[0]
  assert.equal(newer.status, 'dismissed')
})
