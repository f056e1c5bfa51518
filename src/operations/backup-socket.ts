// While the server holds the embedded data folder, `threadline backup` asks it for the backup
// through a Unix socket in that folder (decision 0011): the server reads every table in one
// snapshot on its own connection and streams the file; the command writes it. `threadline audit
// anchor` asks it the same way for the chain head (`anchor`: one line, `ID HASH`). Whoever may reach the
// socket may read the folder's files already (it is made readable by its owner only).
import { createConnection, createServer, type Server } from 'node:net'
import { chmodSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { Db } from '../db/database.ts'
import { writeBackup } from './backup.ts'
import { audit } from '../audit/audit.ts'
import type { Actor } from '../audit/actor.ts'
import { now } from '../config/clock.ts'
import { currentAnchor, formatAnchor, type Anchor } from '../audit/anchor.ts'
import { describeError } from '../errors/describe.ts'

const REQUEST = 'backup\n'

export function backupSocketPath(dataDir: string): string {
  return join(dataDir, 'threadline.sock')
}

/** Serves backups on the data folder's socket until the returned function is called. */
export async function serveBackups(db: Db, dataDir: string, log: (message: string) => void): Promise<() => void> {
  if (process.platform === 'win32') return () => {}
  const path = backupSocketPath(dataDir)
  rmSync(path, { force: true }) // one left by a server that was killed: the folder's lock is ours now
  const server: Server = createServer((socket) => {
    let request = ''
    socket.setEncoding('utf8')
    socket.once('error', () => {})
    socket.on('data', (chunk: string) => {
      request += chunk
      if (!request.endsWith('\n')) return
      socket.removeAllListeners('data')
      const requested = request.split('\n')[0]
      if (requested === 'anchor') {
        currentAnchor(db)
          .then((a) => socket.end(a ? `${formatAnchor(a)}\n` : '\n'))
          .catch(() => socket.destroy())
        return
      }
      const actor: Actor = { kind: 'system', name: requested.startsWith('backup ') ? requested.slice(7) : 'cli backup' }
      if (!(requested === 'backup' || requested.startsWith('backup '))) {
        socket.destroy()
        return
      }
      const at = now()
      audit(db, actor, { action: 'backup', details: { through: 'server' } }, at)
        .then(() => writeBackup(db, socket as Writable, at))
        .catch((error: unknown) => {
          log(`backup failed: ${describeError(error)}`)
          socket.destroy()
        })
    })
  })
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(path, () => resolve())
    })
    chmodSync(path, 0o600)
  } catch (error) {
    // a path too long for a socket, or a file system without them: serve all the same
    log(
      `threadline backup cannot ask this server (${describeError(error)}): ` +
        'stop the server to back up, or move the data folder to a shorter path',
    )
    server.close()
    return () => {}
  }
  return () => {
    server.close()
    rmSync(path, { force: true })
  }
}

/** Asks the server holding `dataDir` for a backup, written to `out`. */
export async function backupThroughServer(dataDir: string, out: Writable, actorName: string): Promise<void> {
  const socket = createConnection(backupSocketPath(dataDir))
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('error', reject)
  })
  socket.write(`${REQUEST.trimEnd()} ${actorName.replace(/\s+/g, ' ')}\n`)
  await pipeline(socket, out)
}

/** Asks the server holding `dataDir` for the audit trail's newest row (null while it is empty). */
export async function anchorThroughServer(dataDir: string): Promise<Anchor | null> {
  const socket = createConnection(backupSocketPath(dataDir))
  socket.setEncoding('utf8')
  let answer = ''
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject)
    socket.on('data', (chunk: string) => (answer += chunk))
    socket.once('end', () => resolve())
    socket.once('connect', () => socket.write('anchor\n'))
  })
  const m = /^(\d+) ([0-9a-f]{64})$/.exec(answer.trim())
  return m ? { id: Number(m[1]), hash: m[2] } : null
}
