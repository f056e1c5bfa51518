// A kill (SIGKILL) at any moment of an import leaves the database as before or after that file,
// never in between: the whole file is written in one transaction. And the embedded data folder's
// lock, left behind by the killed process, is taken over by the next command. The kills land at
// moments the importer shows: how far it has read the file (its read position, which the kernel
// publishes in /proc), not after a guessed number of seconds.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BACKENDS, serverAvailable, TEST_PG_URL } from '../testing/backends.ts'
import { missingPrerequisite } from '../testing/needs.ts'
import { pgliteTarget, postgresTarget, runCli, startCli, type CliTarget, type RunningCli } from '../testing/cli.ts'
import { openDatabase } from '../db/database.ts'
import { verifyAudit } from '../audit/audit.ts'

const EVENTS = 20_000
const work = mkdtempSync(join(tmpdir(), 'threadline-kill-'))
const bigFile = join(work, 'big.ndjson')
const lines = [
  JSON.stringify({
    type: 'person',
    agency: 'police',
    source_id: 'P-1',
    given_name: 'Kim',
    family_name: 'Lee',
    date_of_birth: '2008-01-01',
  }),
]
for (let i = 0; i < EVENTS; i++) {
  lines.push(
    JSON.stringify({
      type: 'event',
      agency: 'police',
      source_id: `E-${i}`,
      kind: 'note',
      subject: 'P-1',
      occurred_at: '2009-01-01T10:00:00',
      summary: `note ${i}`,
      involves: [{ vehicle: 'AB12 CDE' }],
    }),
  )
}
writeFileSync(bigFile, lines.join('\n') + '\n')
const fileSize = statSync(bigFile).size

/** How far process `pid` has read `file`: its open descriptor's position, or null when it has none open. */
function readPosition(pid: number, file: string): number | null {
  const opened = realpathSync(file) // as the kernel names it
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      let path: string
      try {
        path = readlinkSync(`/proc/${pid}/fd/${fd}`)
      } catch {
        continue // closed meanwhile
      }
      if (path !== opened) continue
      const pos = /^pos:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8'))
      if (pos) return Number(pos[1])
    }
  } catch {
    // the process has gone
  }
  return null
}

/**
 * A moment of the import, told by how far it has read the file (batches of 5,000 lines are checked as
 * they are read, and a batch is written while the next one is read).
 */
interface Moment {
  name: string
  reached(position: number | null, wasOpen: boolean): boolean
}
const MOMENTS: Moment[] = [
  { name: 'its first lines read, nothing written yet', reached: (p) => p !== null && p > 0 },
  {
    name: 'half the file read: the first batch written, the second being written',
    reached: (p) => p !== null && p >= fileSize / 2,
  },
  {
    name: 'the whole file read: the last batch or the commit under way',
    reached: (p, wasOpen) => (p !== null && p >= fileSize * 0.97) || (p === null && wasOpen),
  },
]

/** Whether the importer reached `moment` or ended first (it may finish before a poll sees the end); fails if neither. */
async function importerReaches(
  child: RunningCli,
  moment: Moment,
  exited: Promise<number | null>,
): Promise<'reached' | 'ended'> {
  let ended = false
  void exited.then(() => (ended = true))
  const pid = child.pid
  assert.ok(pid, 'the import started')
  const deadline = Date.now() + 180_000
  let wasOpen = false
  for (;;) {
    const position = readPosition(pid, bigFile)
    if (position !== null) wasOpen = true
    if (ended) return 'ended'
    if (moment.reached(position, wasOpen)) return 'reached'
    assert.ok(Date.now() < deadline, `the import did not reach "${moment.name}" in 3 minutes`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

const noProc = existsSync('/proc/self/fdinfo') ? false : missingPrerequisite('/proc (a Linux kernel)')

for (const name of BACKENDS) {
  const skip =
    name === 'postgres' && !serverAvailable ? missingPrerequisite(`the PostgreSQL server at ${TEST_PG_URL}`) : noProc
  describe(`a kill during import [${name}]`, { skip }, () => {
    let target: CliTarget
    before(async () => {
      target = name === 'pglite' ? pgliteTarget() : postgresTarget()
      const r = await runCli(['agencies', 'add', 'police', '--name', 'Police', '--kind', 'police'], target.env)
      assert.equal(r.code, 0, r.stderr)
    })
    after(async () => target?.cleanup())

    const counts = async () => {
      const database = await openDatabase(
        name === 'pglite'
          ? { dataDir: target.env.THREADLINE_DATA, command: 'test' }
          : { databaseUrl: TEST_PG_URL, schema: target.env.THREADLINE_DB_SCHEMA },
      )
      try {
        const events = await database.db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
        const people = await database.db
          .selectFrom('person_versions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
        const involvements = await database.db
          .selectFrom('involvements')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
        const audit = await verifyAudit(database.db)
        return {
          events: Number(events.n),
          people: Number(people.n),
          involvements: Number(involvements.n),
          audit: audit.firstBrokenRow,
        }
      } finally {
        await database.close()
      }
    }

    test('killed at several moments, the file is there whole or not at all', async () => {
      const seen = new Set<string>()
      for (const moment of MOMENTS) {
        const child = startCli(['import', bigFile], target.env)
        let stderr = ''
        child.stderr.on('data', (d) => (stderr += d))
        const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
        const when = await importerReaches(child, moment, exited)
        child.kill('SIGKILL')
        const code = await exited
        // an import that ended before the kill must have finished, not stopped for another reason
        if (when === 'ended') assert.equal(code, 0, `the import ended before "${moment.name}": ${stderr}`)
        const c = await counts()
        seen.add(
          `${when === 'reached' ? `killed with ${moment.name}` : 'ended by itself'}: ${c.events === 0 ? 'before' : 'after'}`,
        )
        assert.ok(c.events === 0 || c.events === EVENTS, `after a kill with ${moment.name}: ${c.events} events`)
        assert.equal(c.involvements, c.events, 'every event with its involvement, or neither')
        assert.equal(c.people, c.events === 0 ? 0 : 1)
        assert.equal(c.audit, null, 'the audit chain is intact')
        if (c.events === EVENTS) break
      }
      // and the next import completes (the killed process's lock does not stand in the way)
      const done = await runCli(['import', bigFile], target.env)
      assert.equal(done.code, 0, done.stderr)
      const c = await counts()
      assert.equal(c.events, EVENTS)
      process.stderr.write(`kill test [${name}]: ${[...seen].join('; ')}\n`)
    })
  })
}

describe('the embedded data folder is guarded', () => {
  test('a command that needs the folder, run while the server holds it, stops at once with what to do', async () => {
    const target = pgliteTarget()
    try {
      const server = startCli(['serve', '--port', '0', '--no-demo'], target.env)
      let stderr = ''
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 60_000)
        server.stderr.on('data', (d) => {
          stderr += d
          if (stderr.includes('Threadline is serving')) {
            clearTimeout(timer)
            resolve()
          }
        })
      })
      // a command that reads runs beside the server (decision 0031); one that needs the folder is refused
      const beside = await runCli(['agencies'], target.env)
      assert.equal(beside.code, 0, beside.stderr)
      const started = Date.now()
      const second = await runCli(['migrate'], target.env)
      assert.equal(second.code, 1)
      assert.match(second.stderr, /in use by the Threadline server .*process \d+.*POST \/api\/v1\/records/)
      assert.ok(Date.now() - started < 30_000, 'it does not hang')
      server.kill('SIGTERM')
      await new Promise((resolve) => server.on('exit', resolve))
      const after = await runCli(['agencies'], target.env)
      assert.equal(after.code, 0, after.stderr)
    } finally {
      await target.cleanup()
    }
  })
})
