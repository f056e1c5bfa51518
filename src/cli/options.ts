// Options shared by many commands, parsed the same way everywhere.
import { Option, type Command } from 'commander'
import { CliError } from './errors.ts'
import { endOfDayLondon, now } from '../config/clock.ts'
import type { Format } from './output.ts'

export const formatOption = () =>
  new Option('--format <format>', 'output format').choices(['csv', 'json']).default('csv')

/** For commands whose output is JSON only (`language check`, `networks`): `json` accepted, anything else refused (exit 2). */
export const jsonOnlyFormatOption = () =>
  new Option('--format <format>', 'output format (JSON only)').choices(['json']).default('json')

export const asOfOption = () =>
  new Option('--as-of <date>', 'only what had been recorded by the end of this day (YYYY-MM-DD, Europe/London)')

/** The moment a command reads as: the end of --as-of's day, else now (THREADLINE_NOW). */
export function asOfFrom(value: string | undefined): Date {
  if (value === undefined) return now()
  const end = endOfDayLondon(value)
  if (!end) throw new CliError(`--as-of "${value}" is not a date (expected YYYY-MM-DD)`, 2)
  return end
}

export function formatFrom(value: string | undefined): Format {
  return value === 'json' ? 'json' : 'csv'
}

/**
 * The output format of a subcommand whose parent takes `--format` too (`audits tools add FILE --format json`):
 * Commander gives an option after FILE to the parent, so it is read from either.
 */
export function formatOf(command: Command): Format {
  return formatFrom(command.optsWithGlobals<{ format?: string }>().format)
}
