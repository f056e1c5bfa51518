// `threadline backup FILE` and `threadline restore FILE [--force]`: the embedded database as one
// file and back (decision 0011). A server is backed up with pg_dump (README).
import type { Command } from 'commander'
import { createWriteStream, existsSync, rmSync } from 'node:fs'
import { withDatabase } from '../cli/context.ts'
import { CliError } from '../cli/errors.ts'
import { formatOption, formatFrom } from '../cli/options.ts'
import { formatRows } from '../cli/output.ts'
import { loadConfig } from '../config/config.ts'
import { now } from '../config/clock.ts'
import { audit } from '../audit/audit.ts'
import { actorLabel, cliActor } from '../audit/actor.ts'
import { BackupProblem, restoreFromFile, writeBackup, scanBackup } from './backup.ts'
import { backupThroughServer } from './backup-socket.ts'
import { describeError } from '../errors/describe.ts'

const ON_A_SERVER = 'is for the embedded database; on a PostgreSQL server use pg_dump and pg_restore as the README says'

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('write the embedded database to FILE, consistent even while the server runs')
    .argument('<file>', 'the backup file to write (must not exist)')
    .addOption(formatOption())
    .action(backUp)
  program
    .command('restore')
    .description('load a backup into an empty embedded database (--force: replace what is there)')
    .argument('<file>', 'a file written by threadline backup')
    .option('--force', 'replace everything in a database that is not empty')
    .addOption(formatOption())
    .action(restore)
}

/** `threadline backup FILE`: through the server when it holds the folder; read back before it is trusted. */
async function backUp(file: string, opts: { format?: string }): Promise<void> {
  const config = loadConfig()
  if (config.databaseUrl) throw new CliError(`backup ${ON_A_SERVER}`)
  if (existsSync(file)) throw new CliError(`${file} exists: choose a new file name (a backup never overwrites)`)
  const out = () => createWriteStream(file, { flags: 'wx' })
  try {
    try {
      await withDatabase('backup', async ({ db }) => {
        const at = now()
        await audit(db, cliActor(), { action: 'backup', details: { through: 'command' } }, at)
        await writeBackup(db, out(), at)
      })
    } catch (error) {
      if (!(error instanceof CliError && /in use by the Threadline server/.test(error.message))) throw error
      // the server holds the folder: it makes the backup from its own connection
      await backupThroughServer(config.dataDir, out(), actorLabel(cliActor())).catch((e: unknown) => {
        throw new CliError(
          `the server holding ${config.dataDir} did not give a backup (${describeError(e)}): ` +
            'see its log, or stop it and run this command again',
        )
      })
    }
    const summary = await scanBackup(file).catch((e: unknown) => {
      throw new CliError(`the backup written to ${file} does not read back: ${(e as Error).message}`)
    })
    process.stdout.write(
      formatRows(
        ['file', 'tables', 'rows', 'audit_rows'],
        [{ file, tables: summary.tables, rows: summary.rows, audit_rows: summary.auditRows }],
        formatFrom(opts.format),
      ),
    )
  } catch (error) {
    rmSync(file, { force: true }) // no half-written backup left to be trusted later
    throw error
  }
}

/** `threadline restore FILE [--force]` */
async function restore(file: string, opts: { force?: boolean; format?: string }): Promise<void> {
  const config = loadConfig()
  if (config.databaseUrl) throw new CliError(`restore ${ON_A_SERVER}`)
  const summary = await withDatabase(
    'restore',
    async ({ db }) => {
      let restored
      try {
        restored = await restoreFromFile(db, file, { force: opts.force })
      } catch (error) {
        if (error instanceof BackupProblem) throw new CliError(error.message)
        throw error
      }
      await audit(
        db,
        cliActor(),
        { action: 'restore', details: { backup_created_at: restored.createdAt, rows: restored.rows } },
        now(),
      )
      return restored
    },
    { migrate: false },
  )
  process.stdout.write(
    formatRows(
      ['file', 'created_at', 'tables', 'rows', 'audit_rows'],
      [
        {
          file,
          created_at: summary.createdAt,
          tables: summary.tables,
          rows: summary.rows,
          audit_rows: summary.auditRows,
        },
      ],
      formatFrom(opts.format),
    ),
  )
  process.stderr.write(
    `restored ${summary.rows} rows of ${summary.tables} tables; the audit chain verifies` +
      (summary.migrationsAdded.length ? `; then migrated (${summary.migrationsAdded.join(', ')})` : '') +
      '\n',
  )
}
