// The missing-episode access rules alone (access.ts): episodes and return interviews as their events.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Reach, Viewer } from '../access/visibility.ts'
import { episodeView, interviewView } from './access.ts'

const nurse: Viewer = { kind: 'user', userId: 1, agency: 'health', roles: ['practitioner'] }
const full: Reach = { level: 'full', because: 'access_grant' }
const signpost: Reach = { level: 'signpost' }

test("an episode or interview: its agency's; others' at full reach unless restricted", () => {
  assert.equal(episodeView(nurse, signpost, { agency: 'police' }), 'hidden')
  assert.equal(episodeView(nurse, full, { agency: 'police' }), 'full')
  assert.equal(episodeView(nurse, full, { agency: 'police', restricted: true }), 'hidden')
  assert.equal(interviewView(nurse, signpost, { agency: 'health', restricted: true }), 'full')
  assert.equal(interviewView(nurse, { level: 'none' }, { agency: 'health' }), 'hidden')
})
