// `threadline demo`: loads the demo area; refuses a database holding non-demo data.
import type { Command } from 'commander'
import { withDatabase } from '../cli/context.ts'
import { CliError } from '../cli/errors.ts'
import { DemoRefused, loadDemo, demoSignInHelp } from './load-demo.ts'
import { writeDemoReturns } from './write-returns.ts'

export function registerDemoCommands(program: Command): void {
  program
    .command('demo')
    .description('load the demo area (fictional people) into an empty database')
    .option(
      '--write-returns <dir>',
      "write the demo area's social care and health history as CIN census, SSDA903 and FHIR files (files only)",
    )
    .action(async (opts: { writeReturns?: string }) => {
      if (opts.writeReturns) {
        const files = writeDemoReturns(opts.writeReturns)
        process.stderr.write(
          `${files.length} files written to ${opts.writeReturns}; IMPORT.sh there lists the commands\n`,
        )
        return
      }
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
