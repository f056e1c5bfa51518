// Runs the real `threadline` command in a child process against a throwaway embedded data folder
// or a throwaway schema on the PostgreSQL server, as a user at a terminal (or a script) would.
import { spawn, type ChildProcessByStdio } from 'node:child_process'
import type { Readable, Writable } from 'node:stream'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { TEST_PG_URL } from './backends.ts'
import { openDatabase, type Database } from '../db/database.ts'
import { migrate } from '../db/migrate.ts'

export const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'threadline.js')

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

export interface CliTarget {
  name: 'pglite' | 'postgres'
  env: Record<string, string>
  cleanup(): Promise<void>
}

export function pgliteTarget(): CliTarget {
  const dir = mkdtempSync(join(tmpdir(), 'threadline-cli-'))
  return {
    name: 'pglite',
    env: { THREADLINE_DATA: join(dir, 'data'), THREADLINE_DEMO: '0' },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  }
}

export function postgresTarget(): CliTarget {
  const schema = `cli_${randomBytes(6).toString('hex')}`
  return {
    name: 'postgres',
    env: { DATABASE_URL: TEST_PG_URL, THREADLINE_DB_SCHEMA: schema },
    cleanup: async () => {
      const c = new pg.Client({ connectionString: TEST_PG_URL })
      await c.connect()
      await c.query(`drop schema if exists ${schema} cascade`)
      await c.end()
    },
  }
}

/**
 * The target's database opened in this process and migrated, to put an area in place before the
 * commands under test run against it as a user would (close it first: an embedded folder has one owner).
 */
export async function openTargetDatabase(target: CliTarget): Promise<Database> {
  const database = await openDatabase(
    target.name === 'postgres'
      ? { databaseUrl: target.env.DATABASE_URL, schema: target.env.THREADLINE_DB_SCHEMA }
      : { dataDir: target.env.THREADLINE_DATA },
  )
  await migrate(database.db, database.schema)
  return database
}

/** A command running, its standard input, output and error piped to this process. */
export type RunningCli = ChildProcessByStdio<Writable, Readable, Readable>

export function startCli(args: string[], env: Record<string, string>, input?: string): RunningCli {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, DATABASE_URL: '', THREADLINE_DB_SCHEMA: '', THREADLINE_NOW: '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  child.stdin.end(input ?? '')
  return child
}

export function runCli(args: string[], env: Record<string, string>, input?: string): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = startCli(args, env, input)
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }))
  })
}
