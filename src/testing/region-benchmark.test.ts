// The regional benchmark run small, as CI runs it (issue 20, decision 0056): a tiny generated area on
// PGlite imported through the import service with linkage on, then a short load of simulated
// practitioners over real HTTP with the think time scaled down. No request may fail, every kind of
// page and save must have been exercised, and the import must have stored every generated line.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { runRegion } from '../../bench/region/run.ts'

const PAGE_KINDS = [
  'person page',
  'chronology',
  'MASH queue',
  'unanswered',
  'missing work list',
  'alerts',
  'manager',
  'home',
  'search',
  'save: missing episode',
  'save: return interview',
  'save: MASH decision',
  'save: screening',
]

test('the regional benchmark, small: every page and save exercised, no error, every line imported', async () => {
  const lines: string[] = []
  const r = await runRegion({
    db: 'pglite',
    children: 200,
    minutes: 0.3,
    practitioners: 10,
    thinkScale: 0.02,
    serverInProcess: true,
    log: (l) => lines.push(l),
  })
  assert.deepEqual(
    r.load.errors,
    [],
    `requests failed:\n${r.load.errors.map((e) => `${e.status} ${e.kind} ${e.path}`).join('\n')}`,
  )
  for (const kind of PAGE_KINDS) assert.ok((r.load.pages[kind]?.count ?? 0) > 0, `no ${kind} was timed`)
  const relationships = Object.values(r.area.relationships).reduce((a, b) => a + b, 0)
  assert.equal(r.import.rejected, 0)
  assert.equal(r.import.created, r.area.totalPersons + r.area.totalEvents + relationships, lines.join('\n'))
  assert.ok(r.area.children === 200 && r.area.totalEvents > 200 * 25, `about 33 events a child: ${r.area.totalEvents}`)
  // linkage had work to do and did it: several records a child, about one person a child
  assert.ok(r.import.childRecords > 2 * r.area.children, `${r.import.childRecords} child records`)
  assert.ok(
    r.import.childPeople >= r.area.children && r.import.childPeople < 1.15 * r.area.children,
    `${r.import.childRecords} child records linked into ${r.import.childPeople} people for ${r.area.children} children`,
  )
  assert.ok(r.import.childrenWorkedOut !== null && r.import.childrenWorkedOut > 0, 'the lists were brought up to date')
})
