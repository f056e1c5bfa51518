import { test } from 'node:test'
import assert from 'node:assert/strict'
import { DEMO_AGENCIES } from './agencies.ts'
import { generateArea } from './generate-area.ts'
import { DEMO_PASSWORD, demoAllocations, demoUsers } from './users.ts'

test('a practitioner and a manager in every agency, and the MASH, partnership and admin users', () => {
  const users = demoUsers(DEMO_AGENCIES)
  for (const a of DEMO_AGENCIES) {
    for (const role of ['practitioner', 'manager'])
      assert.ok(
        users.some((u) => u.agency === a.code && u.roles.includes(role as never)),
        `${a.code} ${role}`,
      )
  }
  for (const role of ['mash', 'partnership', 'admin'])
    assert.ok(
      users.some((u) => u.roles.includes(role as never)),
      role,
    )
  assert.equal(new Set(users.map((u) => u.email)).size, users.length)
  assert.ok(users.every((u) => /^[a-z]+\.[a-z]+@[a-z]+\.demo$/.test(u.email) && u.password === DEMO_PASSWORD))
  assert.ok(users.some((u) => u.email === 'amy.officer@police.demo'))
  assert.ok(DEMO_PASSWORD.length >= 12)
})

test('allocations name story children by a record of theirs, and no one but social care sees every child', () => {
  const area = generateArea({ seed: 'alloc', children: 400, exploitedShare: 0.02, groups: 2 })
  const users = demoUsers(area.agencies)
  const allocations = demoAllocations(area, users)
  const stories = new Set(area.truth.exploited.filter((x) => x.story).map((x) => x.child))
  assert.ok(stories.size >= 4)
  const records = new Set(area.objects.filter((o) => o.type === 'person').map((o) => `${o.agency}:${o.source_id}`))
  for (const a of allocations) {
    assert.ok(users.some((u) => u.email === a.email))
    assert.ok(stories.has(a.child))
    assert.ok(records.has(a.record) && a.record === `${a.agency}:${a.source_id}`)
    assert.equal(area.truth.personOf[a.record], a.child)
  }
  const perUser = new Map<string, Set<string>>()
  for (const a of allocations) perUser.set(a.email, (perUser.get(a.email) ?? new Set()).add(a.child))
  assert.equal(perUser.get('sofia.socialworker@csc.demo')?.size, stories.size)
  assert.ok([...perUser].some(([email, kids]) => email !== 'sofia.socialworker@csc.demo' && kids.size < stories.size))
  assert.ok(perUser.size >= 4, 'several agencies have allocated workers')
})
