// `threadline migrate`: brings the database's schema up to date; prints nothing on stdout.
import type { Command } from 'commander'
import { withDatabase } from '../cli/context.ts'

export function registerMigrateCommands(program: Command): void {
  program
    .command('migrate')
    .description('bring the database schema up to date')
    .action(async () => {
      await withDatabase('migrate', async () => {}) // withDatabase migrates on open
      process.stderr.write('database is up to date\n')
    })
}
