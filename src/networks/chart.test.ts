// The link chart's data: every link the viewer may not read summarised as one node with a count, the
// accessible table holding exactly the links the chart draws, and codes in words on the page.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { linkChart, RESTRICTED_NODE } from './chart.ts'
import { chartJson, chartOnPage } from './chart-view.ts'
import { facts, link, population } from './fixture.ts'
import type { LinkFact } from './types.ts'

// three restricted links from two agencies, on two people of amy's chart
const hidden: LinkFact[] = [
  link('amy', 'phone', '07700900111', '2009-05-01T10:00:00Z', { agency: 'health', restricted: true }),
  link('amy', 'online', 'secret', '2009-05-02T10:00:00Z', { agency: 'health', restricted: true }),
  link('mo', 'vehicle', 'ZZ99ZZZ', '2009-05-03T10:00:00Z', { agency: 'police', restricted: true }),
]
const chartOf = (steps: number) =>
  linkChart({
    facts: [...facts, ...hidden],
    population,
    starts: ['person:amy'],
    steps,
    canSee: (f) => !f.restricted,
    label: (n) => `label of ${n}`,
  })

test('links the viewer may not read: one node for the whole chart, with their count and whom to ask', () => {
  const chart = chartOf(2)
  const restricted = chart.nodes.filter((n) => n.kind === 'restricted')
  // amy's two, mo's one and mo's intelligence about his phone (police:I3): four links, one node
  assert.equal(restricted.length, 1)
  assert.equal(restricted[0].id, RESTRICTED_NODE)
  assert.equal(restricted[0].label, '4 items you may not see (ask health, police)')
  const toIt = chart.edges.filter((e) => e.target === RESTRICTED_NODE)
  assert.deepEqual(toIt.map((e) => e.source).sort(), ['person:amy', 'person:mo'], 'tied to each person who has some')
  assert.ok(
    toIt.every((e) => e.restricted && e.roles.length === 0 && e.kinds.length === 0),
    'nothing of what they say',
  )
  assert.equal(
    toIt.reduce((s, e) => s + e.count, 0),
    4,
  )
  assert.doesNotMatch(JSON.stringify(chart.nodes), /07700900111|secret|ZZ99ZZZ/)

  const none = linkChart({
    facts,
    population,
    starts: ['person:erin'],
    steps: 1,
    canSee: (f) => !f.restricted,
    label: (n) => n,
  })
  assert.equal(none.nodes.filter((n) => n.kind === 'restricted').length, 0, 'no restricted links: no such node')
})

test('the accessible table holds exactly the links the chart draws', () => {
  for (const steps of [1, 2, 3]) {
    const chart = chartOf(steps)
    assert.equal(
      chart.rows.length,
      chart.edges.reduce((s, e) => s + e.count, 0),
      `${steps} steps: one row for each link an edge stands for`,
    )
    const shown = new Set(chart.nodes.map((n) => n.id))
    for (const r of chart.rows) {
      assert.ok(shown.has(`person:${r.personId}`), `the row's person is on the chart: ${r.who}`)
      if (r.restricted) continue
      const edge = chart.edges.find(
        (e) =>
          [e.source, e.target].includes(`person:${r.personId}`) &&
          [e.source, e.target].some((n) => r.what === `label of ${n}` && n !== `person:${r.personId}`),
      )
      assert.ok(edge, `an edge draws the row ${r.who} – ${r.what}`)
      assert.ok(edge.roles.includes(r.link), `its role ${r.link} is on the edge`)
    }
  }
})

test('on the page, roles and reliabilities are in words; the chart data carries the same words', () => {
  const chart = chartOf(1)
  const page = chartOnPage(chart)
  const found = page.rows.find((r) => r.event === 'police:E1' && r.what === 'label of person:mo')
  assert.equal(found?.link, 'found with')
  assert.ok(
    page.rows.every((r) => !/_/.test(r.link) && !/_/.test(r.reliability ?? '')),
    'no code with underscores',
  )
  assert.ok(page.rows.some((r) => r.reliability === 'tentative'))
  const data = JSON.parse(chartJson(chart, { kind: 'person', id: 'amy' }).replace(/\\u003c/g, '<')) as {
    edges: { roles: string[]; strength: string; target: string }[]
  }
  assert.ok(data.edges.some((e) => e.roles.includes('found with') && e.strength === 'strong'))
  assert.ok(data.edges.every((e) => e.roles.every((r) => !r.includes('_'))))
  assert.ok(data.edges.some((e) => e.target === RESTRICTED_NODE && e.strength === 'restricted'))
  assert.ok(page.legend.nodes.some((n) => n.words === 'place'))
  assert.ok(page.legend.edges.some((e) => /found with/.test(e.words)))
})
