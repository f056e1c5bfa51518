// Only one process may open an embedded data folder: PGlite does not stop a second one, and a
// second process's writes are silently lost. The lock file records the owner's process id, so a
// lock left by a killed process is recognised as stale and taken over.
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs'
import { join } from 'node:path'
import { DomainError } from '../errors/domain-error.ts'

export interface LockOwner {
  pid: number
  command: string
  port?: number
  started_at: string
}

export class DataFolderBusy extends DomainError {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    const what =
      owner.command === 'serve'
        ? `the Threadline server${owner.port ? ` on port ${owner.port}` : ''}`
        : `"threadline ${owner.command}"`
    super(
      'unavailable',
      `the data folder ${dataDir} is in use by ${what} (process ${owner.pid}). ` +
        (owner.command === 'serve'
          ? 'This command needs the folder to itself (commands that read, and token and user commands, run beside the server): ' +
            'send records to the running server instead (POST /api/v1/records with a token), or stop it and run this command again.'
          : 'Wait for it to finish, or stop it, then run this command again.'),
    )
  }
}

export function acquireDataFolderLock(dataDir: string, command: string, port?: number): () => void {
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, 'threadline.lock')
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx')
      const owner: LockOwner = { pid: process.pid, command, port, started_at: new Date().toISOString() }
      writeSync(fd, JSON.stringify(owner))
      closeSync(fd)
      const release = () => {
        try {
          const current = JSON.parse(readFileSync(file, 'utf8')) as LockOwner
          if (current.pid === process.pid) rmSync(file, { force: true })
        } catch {
          /* already gone */
        }
      }
      process.once('exit', release)
      return release
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = readOwner(file)
      if (owner && owner.pid !== process.pid && isAlive(owner.pid)) throw new DataFolderBusy(dataDir, owner)
      rmSync(file, { force: true }) // stale: its process is gone
    }
  }
  throw new Error(`could not lock the data folder ${dataDir}`)
}

function readOwner(file: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockOwner
  } catch {
    return null
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
