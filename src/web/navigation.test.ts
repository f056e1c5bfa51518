// The primary navigation: one entry a section for the pages the user may open, the current one
// marked, and a section's own pages as its sub-navigation.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { addNavigation, navigationSections } from './navigation.ts'

addNavigation({
  href: '/people',
  text: 'Find a person',
  roles: ['practitioner', 'manager'],
  order: 1,
  section: 'people',
})
addNavigation({
  href: '/unanswered',
  text: 'Unanswered',
  roles: ['practitioner', 'manager'],
  order: 20,
  section: 'risk',
})
addNavigation({ href: '/mash', text: 'MASH queue', roles: ['mash'], order: 21, section: 'risk' })
addNavigation({ href: '/alerts', text: 'Alerts', roles: ['practitioner', 'manager'], order: 22, section: 'risk' })
addNavigation({
  href: '/partnership',
  text: 'Partnership figures',
  roles: ['manager'],
  order: 52,
  section: 'partnership',
})
addNavigation({
  href: '/partnership/language',
  text: 'Language',
  roles: ['manager'],
  order: 60,
  section: 'partnership',
})
addNavigation({ href: '/admin', text: 'Administration', roles: ['admin'], order: 90, section: 'administration' })

const manager = { roles: ['manager'] }

test('one entry a section, in the sections’ order, each opening its first page the user may open', () => {
  const sections = navigationSections(manager, '/')
  assert.deepEqual(
    sections.map((s) => [s.text, s.href]),
    [
      ['Find a person', '/people'],
      ['Risk', '/unanswered'],
      ['Partnership', '/partnership'],
    ],
  )
  assert.ok(sections.every((s) => !s.current))
  // a role sees only the sections it has pages in
  assert.deepEqual(
    navigationSections({ roles: ['admin'] }, '/').map((s) => s.text),
    ['Administration'],
  )
  assert.deepEqual(navigationSections(null, '/'), [])
})

test('a section with one page for the user is named after that page', () => {
  const mash = navigationSections({ roles: ['mash'] }, '/mash')
  assert.deepEqual(
    mash.map((s) => [s.text, s.current]),
    [['MASH queue', true]],
  )
})

test('the page open is current in its section and in the sub-navigation, the most specific entry winning', () => {
  const sections = navigationSections(manager, '/partnership/language?year=2025')
  const partnership = sections.find((s) => s.text === 'Partnership')
  assert.ok(partnership?.current)
  assert.deepEqual(
    partnership.pages.map((p) => [p.text, p.current]),
    [
      ['Partnership figures', false],
      ['Language', true],
    ],
  )
  // a page under an entry (a person's page under "Find a person") keeps its section current
  assert.ok(navigationSections(manager, '/people/12/chronology').find((s) => s.href === '/people')?.current)
  // a path that merely begins with the same letters is not under it
  assert.equal(
    navigationSections(manager, '/alertsx').some((s) => s.current),
    false,
  )
})
