// Commands beside the server (decision 0031): a command connected through the data folder's socket
// reads and writes the server's embedded database; it has PGlite to itself while connected, so the
// server's own queries wait for it; and whatever it leaves open or set is undone when it goes.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { sql } from 'kysely'
import { openDatabase, openThroughServer, type Database } from './database.ts'
import { commandConnection } from './command-socket.ts'

describe('commands beside the server, through the data folder socket', () => {
  const dir = mkdtempSync(join(tmpdir(), 'threadline-beside-'))
  let server: Database
  let stop: () => void
  const logged: string[] = []

  before(async () => {
    server = await openDatabase({ dataDir: join(dir, 'data'), command: 'serve' })
    await sql`create table note (id int primary key, words text)`.execute(server.db)
    await sql`insert into note values (1, 'from the server')`.execute(server.db)
    assert.ok(server.shareWithCommands)
    stop = await server.shareWithCommands((m) => logged.push(m))
  })
  after(async () => {
    stop()
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const words = async (database: Database) =>
    (await sql<{ words: string }>`select words from note order by id`.execute(database.db)).rows.map((r) => r.words)

  test("a command reads the server's rows, and the server reads what the command wrote", async () => {
    const command = openThroughServer(join(dir, 'data'))
    try {
      assert.deepEqual(await words(command), ['from the server'])
      await sql`insert into note values (2, 'from a command')`.execute(command.db)
    } finally {
      await command.close()
    }
    assert.deepEqual(await words(server), ['from the server', 'from a command'])
    await sql`delete from note where id = 2`.execute(server.db)
  })

  test('while a command is connected the server waits; it goes on when the command has gone', async () => {
    const client = new pg.Client(commandConnection(join(dir, 'data')))
    await client.connect()
    await client.query('begin')
    await client.query(`insert into note values (3, 'not yet committed')`)
    const order: string[] = []
    const serverRead = words(server).then((w) => {
      order.push('server read')
      return w
    })
    await new Promise((resolve) => setTimeout(resolve, 300))
    order.push('command still connected')
    await client.query('commit')
    await client.end()
    const seen = await serverRead
    assert.deepEqual(order, ['command still connected', 'server read'])
    // the server never read inside the command's transaction: it saw the row once committed
    assert.deepEqual(seen, ['from the server', 'not yet committed'])
    await sql`delete from note where id = 3`.execute(server.db)
  })

  test('a command that goes in the middle of a transaction, or after a SET, leaves nothing behind', async () => {
    const client = new pg.Client(commandConnection(join(dir, 'data')))
    await client.connect()
    await client.query(`set statement_timeout = '1234ms'`)
    await client.query('begin')
    await client.query(`insert into note values (4, 'half written')`)
    // the command is killed: its socket closes with the transaction open
    ;(client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy()
    await client.end().catch(() => {})
    assert.deepEqual(await words(server), ['from the server'])
    const timeout = await sql<{ statement_timeout: string }>`show statement_timeout`.execute(server.db)
    assert.equal(timeout.rows[0].statement_timeout, '0')
    // and the next command finds the database as the server left it
    const next = openThroughServer(join(dir, 'data'))
    try {
      assert.deepEqual(await words(next), ['from the server'])
    } finally {
      await next.close()
    }
    assert.deepEqual(logged, [])
  })
})
