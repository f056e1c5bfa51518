// Third-party data (FEBRL, nicknames) lives in ../shared/data beside the repository, or wherever
// THREADLINE_SHARED_DIR points. It is read from there, never copied in.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { projectRoot } from './paths.ts'

export function sharedDir(): string {
  return process.env.THREADLINE_SHARED_DIR ?? join(projectRoot, '..', 'shared')
}

/** Path of a file under shared/data, or null when the shared folder is not there. */
export function sharedDataFile(...parts: string[]): string | null {
  const file = join(sharedDir(), 'data', ...parts)
  return existsSync(file) ? file : null
}
