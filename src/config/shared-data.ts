// Third-party benchmark data for tests (FEBRL) lives in ../shared/data beside the repository, or
// wherever THREADLINE_SHARED_DIR points, and is read from there, never copied in; a test that needs
// it skips with a notice when it is absent (and fails under CI). Data the product uses at run time
// (the nickname list) ships in the repository instead (src/linkage/data/).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { projectRoot } from './paths.ts'
import { setting } from './settings.ts'

export function sharedDir(): string {
  return setting('sharedDir') ?? join(projectRoot, '..', 'shared')
}

/** Path of a file under shared/data, or null when the shared folder is not there. */
export function sharedDataFile(...parts: string[]): string | null {
  const file = join(sharedDir(), 'data', ...parts)
  return existsSync(file) ? file : null
}
