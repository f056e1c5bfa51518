import { test } from 'node:test'
import assert from 'node:assert/strict'
import { deriveEvidence } from './evidence.ts'
import { redactEvidence } from './redact.ts'
import { event } from './testing.ts'

test('restricted evidence a viewer may not read shows only that it exists, when, and whom to ask', () => {
  const evidence = deriveEvidence([
    event('sexual_health', '2021-01-20', { agency: 'health', restricted: true, id: 'H-1' }),
    event('missing_episode', '2021-01-21', { agency: 'police', id: 'P-1' }),
  ])
  const views = redactEvidence(evidence, (e) => e.agency === 'police')
  assert.deepEqual(views[0], {
    hidden: true,
    restricted: true,
    date: '2021-01-20',
    agency: 'health',
    eventRef: 'health:H-1',
    askAgency: 'health',
  })
  assert.equal(views[1].hidden, false)
  assert.equal(views[1].hidden === false && views[1].code, 'missing')
  assert.equal(redactEvidence(evidence, () => true)[0].hidden, false)
})
