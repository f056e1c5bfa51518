// The `threadline` program: every capability in src/capabilities.ts, put in place, then the command
// line run with their commands (bin/threadline.js loads this file).
import { CAPABILITIES, installCapabilities } from './capabilities.ts'
import { runCommandLine } from './cli/main.ts'

export async function main(argv: string[]): Promise<void> {
  installCapabilities()
  await runCommandLine(argv, CAPABILITIES)
}
