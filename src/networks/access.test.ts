// The link-analysis access rules alone (access.ts): which networks a viewer sees, which links they
// read, and where a person's name on a chart may come from.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Reach, Viewer } from '../access/visibility.ts'
import { linkVisible, networkVisible, personNameReadable } from './access.ts'

const user = (agency: string, ...roles: string[]): Viewer => ({ kind: 'user', userId: 1, agency, roles })
const full: Reach = { level: 'full', because: 'allocated' }
const signpost: Reach = { level: 'signpost' }

test('networks: every one for the MASH and the police; a confirmed one with a child seen in full for others', () => {
  const suggested = { status: 'suggested', children: ['1', '2'] }
  const confirmed = { status: 'confirmed', children: ['1', '2'] }
  const seesTwo = (c: string) => c === '2'
  assert.equal(
    networkVisible({ roles: ['mash'], agencyKind: 'childrens_social_care' }, suggested, () => false),
    true,
  )
  assert.equal(
    networkVisible({ roles: ['practitioner'], agencyKind: 'police' }, suggested, () => false),
    true,
  )
  assert.equal(networkVisible({ roles: ['practitioner'], agencyKind: 'health' }, suggested, seesTwo), false)
  assert.equal(networkVisible({ roles: ['practitioner'], agencyKind: 'health' }, confirmed, seesTwo), true)
  assert.equal(
    networkVisible({ roles: ['practitioner'], agencyKind: 'health' }, confirmed, () => false),
    false,
  )
  assert.equal(
    networkVisible({ roles: ['partnership'], agencyKind: 'other' }, confirmed, () => true),
    false,
  )
})

test('links as their events; a name only from a record the viewer may read', () => {
  const nurse = user('health', 'practitioner')
  assert.equal(linkVisible(nurse, signpost, { agency: 'health' }), true)
  assert.equal(linkVisible(nurse, signpost, { agency: 'police' }), false)
  assert.equal(linkVisible(nurse, full, { agency: 'police', restricted: true }), false)
  assert.equal(personNameReadable(nurse, signpost, { agency: 'police' }, new Set()), false)
  assert.equal(personNameReadable(nurse, signpost, { agency: 'police' }, new Set(['police'])), true)
  assert.equal(personNameReadable(nurse, signpost, { agency: 'health' }, new Set()), true)
  assert.equal(personNameReadable(nurse, full, { agency: 'police' }, new Set()), true)
})
