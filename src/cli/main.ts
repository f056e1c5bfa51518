// The `threadline` command line: conventions in docs/cli.md. Each capability registers
// its own subcommands; this file only wires them together and turns errors into exit codes.
import { Command, CommanderError } from 'commander'
import { CliError } from './errors.ts'
import { commandRegistrations } from './commands.ts'

export async function main(argv: string[]): Promise<void> {
  const program = new Command('threadline')
    .description('Threadline: one child, one record, one chronology across agencies')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) })
  for (const registerCommands of commandRegistrations) registerCommands(program)
  try {
    await program.parseAsync(argv)
  } catch (error) {
    process.exitCode = exitCodeFor(error)
  }
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // help and version are not failures; every other commander error is a wrong command line
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.help' ||
      error.code === 'commander.version'
    )
      return 0
    return 2
  }
  if (error instanceof CliError) {
    process.stderr.write(`threadline: ${error.message}\n`)
    return error.exitCode
  }
  process.stderr.write(`threadline: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`)
  if (process.env.THREADLINE_DEBUG) console.error(error)
  return 1
}
