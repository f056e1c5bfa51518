// `threadline demo`: loads the demo area; refuses a database holding non-demo data.
import type { Command } from 'commander'
import { withDatabase } from '../cli/context.ts'
import { CliError } from '../cli/errors.ts'
import { DemoRefused, loadDemo, demoSignInHelp } from './load-demo.ts'

export function registerDemoCommands(program: Command): void {
  program
    .command('demo')
    .description('load the demo area (fictional people) into an empty database')
    .action(async () => {
      await withDatabase('demo', async ({ db }) => {
        try {
          await loadDemo(db, { progress: (m) => process.stderr.write(`  ${m}\n`) })
        } catch (error) {
          if (error instanceof DemoRefused) throw new CliError(error.message)
          throw error
        }
        process.stderr.write(`demo area loaded\n${await demoSignInHelp(db)}`)
      })
    })
}
