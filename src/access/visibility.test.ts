import { test } from 'node:test'
import assert from 'node:assert/strict'
import { addressVisible, canAskForAccess, canSeeViewers, eventView, reachOf, type Viewer } from './visibility.ts'

const user = (agency: string, ...roles: string[]): Viewer => ({ kind: 'user', userId: 1, agency, roles })
const none = { allocated: false }

test('the MASH and allocated professionals see the whole record; others a signpost', () => {
  assert.deepEqual(reachOf(user('health', 'mash'), none), { level: 'full', because: 'mash' })
  assert.deepEqual(reachOf(user('police', 'practitioner'), { allocated: true }), {
    level: 'full',
    because: 'allocated',
  })
  assert.deepEqual(reachOf(user('police', 'practitioner'), none), { level: 'signpost' })
  assert.deepEqual(reachOf(user('police', 'manager'), none), { level: 'signpost' })
  const until = new Date('2030-01-01')
  assert.deepEqual(reachOf(user('police', 'practitioner'), { allocated: false, grantUntil: until }), {
    level: 'full',
    because: 'access_grant',
    until,
  })
})

test('the partnership and administrators see no child record unless they also do casework', () => {
  assert.equal(reachOf(user('lscp', 'partnership'), { allocated: true }).level, 'none')
  assert.equal(reachOf(user('csc', 'admin'), { allocated: true }).level, 'none')
  assert.equal(reachOf(user('csc', 'admin', 'practitioner'), { allocated: true }).level, 'full')
  assert.equal(reachOf({ kind: 'token', agency: 'police', roles: [] }, { allocated: true }).level, 'signpost')
})

test('restricted events show only that they exist to other agencies, the MASH included', () => {
  const mash = user('csc', 'mash')
  const reach = reachOf(mash, none)
  assert.equal(eventView(mash, reach, { agency: 'health', restricted: true }), 'restricted')
  assert.equal(eventView(mash, reach, { agency: 'health', restricted: false }), 'full')
  const nurse = user('health', 'practitioner')
  assert.equal(eventView(nurse, reachOf(nurse, none), { agency: 'health', restricted: true }), 'full')
  const officer = user('police', 'practitioner')
  assert.equal(eventView(officer, reachOf(officer, none), { agency: 'health', restricted: false }), 'hidden')
})

test('a confidential address is for its agency and the MASH only', () => {
  const confidential = { agency: 'csc', confidential: true }
  const allocatedOfficer = user('police', 'practitioner')
  assert.equal(addressVisible(allocatedOfficer, reachOf(allocatedOfficer, { allocated: true }), confidential), false)
  const mash = user('health', 'mash')
  assert.equal(addressVisible(mash, reachOf(mash, none), confidential), true)
  const sw = user('csc', 'practitioner')
  assert.equal(addressVisible(sw, reachOf(sw, none), confidential), true)
})

test('practitioners and managers can ask for access with a reason; managers and the MASH see viewers', () => {
  const officer = user('police', 'practitioner')
  assert.equal(canAskForAccess(officer, reachOf(officer, none)), true)
  const mash = user('csc', 'mash')
  assert.equal(canAskForAccess(mash, reachOf(mash, none)), false)
  assert.equal(canSeeViewers(officer, reachOf(officer, none)), false)
  const manager = user('police', 'manager')
  assert.equal(canSeeViewers(manager, reachOf(manager, none)), true)
})
