// No module imports itself round a cycle (issue 14): a cycle makes the order in which modules load
// decide what a module sees (an import that is still undefined), and ties capabilities together so
// that none can be changed alone. Type-only imports are left out: they vanish when compiled.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
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
