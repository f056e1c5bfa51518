// Where the project's own files are. Found by walking up from this module to Threadline's
// package.json, so that it holds both when the sources run through tsx and when the CLI runs as one
// bundled file from node_modules/.cache (bin/threadline.js), where a module's own URL says nothing
// about where its views or assets live.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'threadline')
      return dir
    if (dirname(dir) === dir) throw new Error(`cannot find threadline's package.json above ${from}`)
  }
}

export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)))

/** A path inside src/, e.g. sourcePath('missing', 'views'). */
export function sourcePath(...parts: string[]): string {
  return join(projectRoot, 'src', ...parts)
}

/** Resolves packages as the project does (from its own node_modules). */
export const projectRequire = createRequire(join(projectRoot, 'package.json'))
