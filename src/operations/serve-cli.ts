// `threadline serve [--port N] [--no-demo]`: what `npm start` runs.
import type { Capability } from '../capability.ts'
import type { Command } from 'commander'
import { loadConfig } from '../config/config.ts'
import { openDatabase } from '../db/database.ts'
import { DataFolderBusy } from '../db/lock.ts'
import { migrateConfigured } from '../db/migrate.ts'
import { CliError } from '../cli/errors.ts'
import { buildApp } from '../web/app.ts'
import { logAnchors } from '../audit/anchor.ts'
import { serveBackups } from './backup-socket.ts'
import { isEmpty, loadDemo, demoSignInHelp } from '../demo/load-demo.ts'
import { setting } from '../config/settings.ts'
import { describeError } from '../errors/describe.ts'

export function registerServeCommands(program: Command, capabilities: readonly Capability[]): void {
  program
    .command('serve')
    .description('serve the web app and the API until stopped')
    .option('--port <n>', 'port to listen on', (v) => {
      const n = Number(v)
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new CliError(`--port "${v}" is not a port number`, 2)
      return n
    })
    .option('--no-demo', 'do not load the demo area into an empty embedded database')
    .option('--host <host>', 'address to listen on (default localhost; 0.0.0.0 to serve other machines)')
    .action(async (opts: { port?: number; demo: boolean; host?: string }) => {
      const config = loadConfig()
      const port = opts.port ?? config.port
      let database
      try {
        database = await openDatabase({
          databaseUrl: config.databaseUrl,
          schema: config.databaseSchema,
          dataDir: config.dataDir,
          command: 'serve',
          port,
        })
      } catch (error) {
        if (error instanceof DataFolderBusy) throw new CliError(error.message)
        throw new CliError(`cannot open the database: ${describeError(error)}`)
      }
      await migrateConfigured(database, config)
      const embedded = database.kind === 'pglite'
      if (embedded && opts.demo && config.demo && (await isEmpty(database.db))) {
        process.stderr.write(
          'Empty embedded database: loading the demo area (fictional people; this takes a minute the first time)...\n',
        )
        await loadDemo(database.db, { progress: (m) => process.stderr.write(`  ${m}\n`) })
      }
      const app = await buildApp({ database, config, capabilities, logger: { level: setting('logLevel') } })
      const host = opts.host ?? setting('host')
      await app.listen({ port, host })
      const url = `http://localhost:${port}`
      process.stderr.write(
        `\nThreadline is serving at ${url} (${embedded ? `embedded database in ${config.dataDir}` : 'PostgreSQL server'})\n`,
      )
      process.stderr.write(await demoSignInHelp(database.db))
      // the audit chain's head, each hour, to the log stream (anchors kept outside the database)
      const auditLog = app.log.child({ component: 'audit' }, { level: 'info' })
      const stopAnchors = logAnchors(database.db, (line) => auditLog.info(line))
      // `threadline backup` asks this process while it holds the embedded folder (decision 0011)
      const stopBackups = embedded
        ? await serveBackups(database.db, config.dataDir, (m) => app.log.error({ component: 'backup' }, m))
        : () => {}
      // read-only commands, tokens and users run beside this process through the folder's socket (decision 0031)
      const stopCommands = database.shareWithCommands
        ? await database.shareWithCommands((m) => app.log.error({ component: 'commands' }, m))
        : () => {}
      let stopping = false
      const stop = async (signal: string) => {
        if (stopping) return
        stopping = true
        process.stderr.write(`\n${signal}: stopping...\n`)
        stopAnchors()
        stopBackups()
        stopCommands()
        await app.close()
        await database.close()
        process.exit(0)
      }
      process.on('SIGINT', () => void stop('SIGINT'))
      process.on('SIGTERM', () => void stop('SIGTERM'))
    })
}
