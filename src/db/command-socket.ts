// While `threadline serve` holds the embedded data folder, the other commands reach its database
// through a PostgreSQL socket in that folder (decision 0031): `.s.PGSQL.5432`, the name a PostgreSQL
// client looks for when its host is a folder. PGlite is one session, so a command has it to itself:
// the server takes its own pool's only connection first (waiting for a transaction of its own to
// end, and holding its requests back meanwhile), passes the command's messages to PGlite one at a
// time, and when the command goes, rolls back whatever it left open before it gives the connection
// back. The socket is readable by the folder's owner only, who may read the folder's files already.
import { createServer, type Server, type Socket } from 'node:net'
import { chmodSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type pg from 'pg'
import type { PGlite } from '@electric-sql/pglite'
import { WireMessages } from './wire-messages.ts'
import { describeError } from '../errors/describe.ts'

const COMMAND_SOCKET_PORT = 5432

/** A command that sends nothing for this long is disconnected: the server's requests wait on it. */
export const COMMAND_IDLE_MS = 60_000

/** How a PostgreSQL client reaches the server holding `dataDir`: its host is the folder. */
export function commandConnection(dataDir: string): pg.ClientConfig {
  return { host: resolve(dataDir), port: COMMAND_SOCKET_PORT, user: 'postgres', database: 'postgres' }
}

function socketPath(dataDir: string): string {
  return join(resolve(dataDir), `.s.PGSQL.${COMMAND_SOCKET_PORT}`)
}

/** Serves commands on the data folder's socket until the returned function is called. */
export async function serveCommandConnections(
  pglite: PGlite,
  pool: pg.Pool,
  dataDir: string,
  log: (message: string) => void,
): Promise<() => void> {
  if (process.platform === 'win32') return () => {}
  const path = socketPath(dataDir)
  rmSync(path, { force: true }) // one left by a server that was killed: the folder's lock is ours now
  const server: Server = createServer((socket) => void serveOne(pglite, pool, socket, log))
  try {
    await new Promise<void>((done, fail) => {
      server.once('error', fail)
      server.listen(path, () => done())
    })
    chmodSync(path, 0o600)
  } catch (error) {
    log(
      `other threadline commands cannot reach this server (${describeError(error)}): ` +
        'stop the server to run them, or move the data folder to a shorter path',
    )
    server.close()
    return () => {}
  }
  return () => {
    server.close()
    rmSync(path, { force: true })
  }
}

async function serveOne(pglite: PGlite, pool: pg.Pool, socket: Socket, log: (message: string) => void) {
  socket.pause()
  let gone = false
  socket.once('close', () => (gone = true))
  socket.on('error', () => socket.destroy())
  // the server's requests wait from here until this command has gone
  const own = await pool.connect().catch(() => null)
  if (!own || gone) {
    own?.release()
    socket.destroy()
    return
  }
  const messages = new WireMessages()
  let queue = Promise.resolve()
  let ended = false
  const end = () => {
    if (ended) return
    ended = true
    socket.destroy()
    queue = queue.then(() => handBack(pglite, own, log))
  }
  socket.setTimeout(COMMAND_IDLE_MS, end)
  socket.once('close', end)
  const pass = (bytes: Uint8Array) => async () => {
    if (ended) return
    await pglite.execProtocolRawStream(bytes, {
      onRawData: (data) => {
        if (!socket.destroyed) socket.write(data)
      },
    })
  }
  socket.on('data', (chunk: Buffer) => {
    for (const message of messages.push(chunk)) {
      if (message.kind === 'encryption-request') socket.write('N')
      else if (message.kind === 'cancel-request' || (message.kind === 'message' && message.type === 'X')) end()
      else queue = queue.then(pass(message.bytes))
    }
    queue = queue.catch((error: unknown) => {
      log(`a command's connection failed: ${describeError(error)}`)
      end()
    })
  })
  socket.resume()
}

/** Leaves the session as the server had it: nothing of the command's left open or set. */
async function handBack(pglite: PGlite, own: pg.PoolClient, log: (message: string) => void): Promise<void> {
  try {
    if (pglite.isInTransaction()) await pglite.exec('rollback')
    await pglite.exec('reset all')
  } catch (error) {
    log(`could not tidy up after a command: ${describeError(error)}`)
  } finally {
    own.release()
  }
}
