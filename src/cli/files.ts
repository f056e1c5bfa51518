// Files an operator hands to a command: read whole, parsed, and refused with the file's name and
// what was wrong, never a stack trace.
import { readFileSync } from 'node:fs'
import { CliError } from './errors.ts'
import { describeError } from '../errors/describe.ts'

/** The JSON in `file`, or a CliError saying it cannot be read as JSON and why. */
export function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new CliError(`cannot read ${file} as JSON: ${describeError(error)}`)
  }
}
