// The `threadline` command line: conventions in docs/cli.md. Each capability brings its own
// subcommands (src/capabilities.ts); this file only wires them together and turns errors into exit codes.
import { Command, CommanderError } from 'commander'
import { CliError } from './errors.ts'
import { DomainError } from '../errors/domain-error.ts'
import type { Capability } from '../capability.ts'
import { ConfigError, readSettings, setting } from '../config/settings.ts'
import { describeError } from '../errors/describe.ts'

/** Runs one command line with the commands of these capabilities (src/main.ts passes the whole list). */
export async function runCommandLine(argv: string[], capabilities: readonly Capability[]): Promise<void> {
  const program = new Command('threadline')
    .description('Threadline: one child, one record, one chronology across agencies')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) })
  for (const capability of capabilities)
    for (const registerCommands of capability.commands ?? []) registerCommands(program, capabilities)
  // every setting is checked before any command (serve included) runs: all the bad ones in one message
  program.hook('preAction', () => void readSettings())
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
  if (error instanceof DomainError) {
    // a refusal the domain made (a file that is not what it should be, a record that is not there)
    process.stderr.write(`threadline: ${error.message}\n`)
    return 1
  }
  if (error instanceof ConfigError) {
    process.stderr.write(`threadline: ${error.message}\n(the settings are listed in README.md, "Settings")\n`)
    return 1
  }
  process.stderr.write(`threadline: unexpected error: ${describeError(error)}\n`)
  if (debugging()) console.error(error)
  return 1
}

function debugging(): boolean {
  try {
    return setting('debug')
  } catch {
    return true // THREADLINE_DEBUG set to something unreadable: it was meant to show the trace
  }
}
