// The audit actions: one naming style, each written once, and the old names still found.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { AUDIT_ACTIONS, LEGACY_AUDIT_ACTIONS, namesOf } from './audit-actions.ts'

test('every audit action is lower-case words joined by underscores, and none is listed twice', () => {
  for (const action of AUDIT_ACTIONS) assert.match(action, /^[a-z]+(?:_[a-z0-9]+)*$/, action)
  assert.equal(new Set(AUDIT_ACTIONS).size, AUDIT_ACTIONS.length)
})

test('each older name says what it is now, and reading by an action finds its older name too', () => {
  for (const [old, now] of Object.entries(LEGACY_AUDIT_ACTIONS)) {
    assert.ok((AUDIT_ACTIONS as readonly string[]).includes(now), `${old} → ${now}, a listed action`)
    assert.ok(namesOf(now).includes(old))
  }
  assert.deepEqual(namesOf('linkage_merge'), ['linkage_merge', 'linkage.merge'])
  assert.deepEqual(namesOf('view_person'), ['view_person'])
})
