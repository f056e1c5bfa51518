// No module imports itself round a cycle, and no folder does either (issue 14): a cycle makes the
// order in which modules load decide what a module sees (an import that is still undefined), and ties
// capabilities together so that none can be changed alone. Type-only imports are left out: they vanish
// when compiled. The lists that compose the whole stand outside the folder rule: src/capabilities.ts
// (and the other files at the top of src/) and db/migrate.ts's list of migrations, whose files form a
// folder of their own (db/migrations/, each one its capability's).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { DirectedGraph, stronglyConnectedComponents } from '../networks/graphology.ts'
import { sourcePath } from './paths.ts'

/** Relative imports and re-exports that load code (not `import type`, not `export type`). */
const LOADS = /^(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm

function importGraph(root: string): DirectedGraph {
  const graph = new DirectedGraph()
  const files = readdirSync(root, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  for (const file of files) graph.mergeNode(file)
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8')
    for (const m of text.matchAll(LOADS)) {
      const target = relative(root, resolve(dirname(join(root, file)), m[1]))
      if (existsSync(join(root, target)) && target !== file) graph.mergeEdge(file, target)
    }
  }
  return graph
}

test('no cycle of imports among the modules of src/', () => {
  const graph = importGraph(sourcePath())
  assert.ok(
    graph.order > 300 && graph.size > 1000,
    `the imports were read: ${graph.order} files, ${graph.size} imports`,
  )
  const cycles = stronglyConnectedComponents(graph).filter((c) => c.length > 1)
  assert.deepEqual(
    cycles.map((c) => c.sort().join(' ⇄ ')),
    [],
    'these modules import each other round a cycle: move what they share into a module both import',
  )
})

/** The folder a module counts under: its first folder, or db/migrations for a migration; null at the top. */
function folderOf(file: string): string | null {
  if (file.startsWith(`db${sep}migrations${sep}`)) return 'db/migrations'
  return file.includes(sep) ? file.slice(0, file.indexOf(sep)) : null
}

/** Folders as nodes, an edge where a module of one loads a module of the other, apart from the lists. */
function folderGraph(modules: DirectedGraph): DirectedGraph {
  const folders = new DirectedGraph()
  modules.forEachEdge((_edge, _attributes, from, to) => {
    const [a, b] = [folderOf(from), folderOf(to)]
    if (a === null || b === null || a === b || from === join('db', 'migrate.ts')) return
    folders.mergeEdge(a, b)
  })
  return folders
}

test('no cycle among the folders of src/, but through the capability and migration lists', () => {
  const folders = folderGraph(importGraph(sourcePath()))
  assert.ok(folders.order > 15, `the folders were read: ${folders.order}`)
  const cycles = stronglyConnectedComponents(folders).filter((c) => c.length > 1)
  const why = cycles.map((c) => {
    const inside = new Set(c)
    return `${c.sort().join(' ⇄ ')}: ${folders
      .filterEdges((_e, _a, from, to) => inside.has(from) && inside.has(to))
      .map((e) => `${folders.source(e)} → ${folders.target(e)}`)
      .join(', ')}`
  })
  assert.deepEqual(why, [], 'these folders load each other round a cycle: move what they share to a lower folder')
})

test('a folder cycle is found when there is one, and the lists do not make one', () => {
  const modules = new DirectedGraph()
  modules.mergeEdge(join('people', 'a.ts'), join('risk', 'b.ts'))
  modules.mergeEdge(join('risk', 'b.ts'), join('people', 'c.ts'))
  modules.mergeEdge('capabilities.ts', join('risk', 'b.ts'))
  modules.mergeEdge(join('risk', 'b.ts'), join('web', 'd.ts'))
  modules.mergeEdge(join('db', 'migrate.ts'), join('db', 'migrations', '0001.ts'))
  modules.mergeEdge(join('db', 'migrations', '0001.ts'), join('risk', 'e.ts'))
  modules.mergeEdge(join('risk', 'e.ts'), join('db', 'as-of.ts'))
  const cycles = stronglyConnectedComponents(folderGraph(modules)).filter((c) => c.length > 1)
  assert.deepEqual(
    cycles.map((c) => c.sort()),
    [['people', 'risk']],
  )
})

test('a cycle is found when there is one', () => {
  const graph = new DirectedGraph()
  graph.mergeEdge('a.ts', 'b.ts')
  graph.mergeEdge('b.ts', 'c.ts')
  graph.mergeEdge('c.ts', 'a.ts')
  graph.mergeEdge('c.ts', 'd.ts')
  assert.deepEqual(
    stronglyConnectedComponents(graph)
      .filter((c) => c.length > 1)
      .map((c) => c.sort()),
    [['a.ts', 'b.ts', 'c.ts']],
  )
})
