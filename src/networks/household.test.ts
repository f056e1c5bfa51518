// Family and household members of a child are not suspects by virtue of being her family (decision
// 0069): an adult counts towards a network for what he did with children outside his family, and what
// was with a child and her own family on a record that shows no concern (her sister's phone when the
// sister drove her and a friend home) is the household's.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { link as fixtureLink } from './fixture.ts'
import { suggestNetworks } from './suggest.ts'
import type { LinkFact, MemberKind, Network } from './types.ts'

// the fixture's link, keeping what kind of record it was
const link = (subject: string, kind: MemberKind, key: string, at: string, extra: Partial<LinkFact>): LinkFact => ({
  ...fixtureLink(subject, kind, key, at, extra),
  eventKind: extra.eventKind,
})

const note = { eventKind: 'note' }
const missing = { eventKind: 'missing_episode' }

// a group: a man and his car, three girls of three families found with him
const group: LinkFact[] = [
  link('fin', 'person', 'man', '2020-01-10T10:00:00Z', { eventRef: 'p:G1', role: 'found_with', ...missing }),
  link('fin', 'vehicle', 'AB12CDE', '2020-01-10T10:00:00Z', { eventRef: 'p:G1', ...missing }),
  link('gia', 'person', 'man', '2020-02-10T10:00:00Z', { eventRef: 'p:G2', role: 'found_with', ...missing }),
  link('gia', 'vehicle', 'AB12CDE', '2020-02-10T10:00:00Z', { eventRef: 'p:G2', ...missing }),
  link('hal', 'person', 'man', '2020-03-10T10:00:00Z', { eventRef: 'p:G3', role: 'found_with', ...missing }),
]

// pia's older sister kay collects her from school, then drives pia and pia's friend fin (a girl of the
// group) home from the cinema: an ordinary note naming kay, pia and kay's phone
const sister: LinkFact[] = [
  link('pia', 'person', 'kay', '2020-04-01T10:00:00Z', { eventRef: 's:N1', agency: 'school', role: 'family', ...note }),
  link('fin', 'person', 'kay', '2020-05-01T10:00:00Z', { eventRef: 'p:N2', role: 'associate', ...note }),
  link('fin', 'person', 'pia', '2020-05-01T10:00:00Z', { eventRef: 'p:N2', role: 'associate', ...note }),
  link('fin', 'phone', '07700900518', '2020-05-01T10:00:00Z', { eventRef: 'p:N2', ...note }),
]

const population = { children: new Set(['fin', 'gia', 'hal', 'pia', 'ida', 'jo']) }
const membersOf = (networks: Network[]) => networks.flatMap((n) => n.members.map((m) => `${m.kind}:${m.key}`))

test('an older sister who drove her sibling and a friend of a group home is not the group’s member, nor is her phone', () => {
  const networks = suggestNetworks([...group, ...sister], { population })
  const members = membersOf(networks)
  assert.ok(members.includes('person:man') && members.includes('vehicle:AB12CDE'), members.join(' '))
  assert.ok(!members.includes('person:kay'), members.join(' '))
  assert.ok(!members.includes('phone:07700900518'), members.join(' '))
})

test('without the record that she is family, the sister and her phone tie two families as before', () => {
  // the same note, but nothing says kay is pia's family: kay and her phone are tied to two families
  const networks = suggestNetworks([...group, ...sister.slice(1)], { population })
  assert.ok(membersOf(networks).includes('phone:07700900518'))
})

test('a relative who is a member stays one for what he did with children outside his family', () => {
  // pia's uncle, recorded as her family, found with two girls of other families and with his car
  const uncle: LinkFact[] = [
    link('pia', 'person', 'unc', '2020-04-01T10:00:00Z', { eventRef: 'c:F1', agency: 'csc', role: 'family', ...note }),
    link('ida', 'person', 'unc', '2020-06-01T10:00:00Z', { eventRef: 'p:U1', role: 'found_with', ...missing }),
    link('ida', 'vehicle', 'XY99ZZZ', '2020-06-01T10:00:00Z', { eventRef: 'p:U1', ...missing }),
    link('jo', 'person', 'unc', '2020-07-01T10:00:00Z', { eventRef: 'p:U2', role: 'found_with', ...missing }),
    // and pia herself found with him at a flat: a record of concern, so the flat is hers too
    link('pia', 'person', 'unc', '2020-08-01T10:00:00Z', { eventRef: 'p:U3', role: 'found_with', ...missing }),
    link('pia', 'location', 'NE11AA', '2020-08-01T10:00:00Z', { eventRef: 'p:U3', ...missing }),
    link('jo', 'location', 'NE11AA', '2020-08-02T10:00:00Z', { eventRef: 'p:U4', role: 'found_at', ...missing }),
  ]
  const networks = suggestNetworks([...group, ...uncle], { population })
  const his = networks.find((n) => n.members.some((m) => m.key === 'unc'))
  assert.ok(his, JSON.stringify(networks.map((n) => n.members)))
  const keys = his.members.map((m) => m.key)
  assert.ok(keys.includes('XY99ZZZ') && keys.includes('NE11AA'), keys.join(' '))
  assert.ok(his.children.includes('ida') && his.children.includes('jo') && his.children.includes('pia'))
})
