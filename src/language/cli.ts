// `threadline language check`: findings of victim-blaming language, as docs/cli.md says.
//   language check [FILE|-] [--child-dob D] [--date D]   one text, a JSON array of findings
//   language check --jsonl [FILE|-]                      lines {id, text, child_dob?, date?} -> {id, findings}
import './import-hook.ts'
import { createReadStream, readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import type { Command } from 'commander'
import { CliError } from '../cli/errors.ts'
import { jsonOnlyFormatOption } from '../cli/options.ts'
import { londonDate, now } from '../config/clock.ts'
import { checkText } from './check.ts'
import { DateInputError, parseDay } from './age.ts'
import { mergeAreaRules, parseAreaRules } from './area-rules.ts'
import { SHIPPED_LEXICON } from './lexicon.ts'
import { LexiconError } from './validate.ts'
import type { Lexicon } from './types.ts'

interface CheckFlags {
  childDob?: string
  date?: string
  jsonl?: boolean
  rules?: string
}

/** `write` is where data goes: standard output, or a test's buffer. */
export function registerLanguageCommands(
  program: Command,
  write: (data: string) => void = (data) => {
    process.stdout.write(data)
  },
): void {
  const language = program.command('language').description("victim-blaming language in professionals' writing")
  language
    .command('check')
    .description('find victim-blaming language in a text (JSON findings); --jsonl for many texts')
    .argument('[file]', 'the text to check, or - for standard input (the default)')
    .option('--child-dob <date>', "the child's date of birth (YYYY-MM-DD), for the rules that depend on age")
    .option('--date <date>', 'the date of the note (YYYY-MM-DD); default today')
    .option(
      '--jsonl',
      'read lines {"id", "text", "child_dob"?, "date"?} and write one {"id", "findings"} line for each',
    )
    .option('--rules <file>', "an area's rule file (JSON) merged over the shipped lexicon")
    // the output is JSON only (docs/cli.md); --format json is accepted for scripts that always pass it
    .addOption(jsonOnlyFormatOption())
    .action(async (file: string | undefined, flags: CheckFlags) => {
      const rules = flags.rules ? loadAreaRules(flags.rules) : SHIPPED_LEXICON
      const date = flags.date ?? londonDate(now())
      if (flags.date !== undefined && !parseDay(flags.date))
        throw new CliError(`--date "${flags.date}" is not a date (expected YYYY-MM-DD)`, 2)
      if (flags.childDob !== undefined && !parseDay(flags.childDob))
        throw new CliError(`--child-dob "${flags.childDob}" is not a date (expected YYYY-MM-DD)`, 2)
      if (flags.jsonl) {
        if (flags.childDob !== undefined)
          throw new CliError('--child-dob applies to one text; with --jsonl give "child_dob" on each line', 2)
        await checkLines(input(file), date, rules, write)
        return
      }
      const text = await readAll(input(file))
      const findings = check(() => checkText(text, { childDob: flags.childDob, date, rules }))
      write(JSON.stringify(findings, null, 2) + '\n')
    })
}

function input(file: string | undefined): Readable {
  if (file === undefined || file === '-') return process.stdin
  const stream = createReadStream(file, { encoding: 'utf8' })
  return stream
}

async function readAll(stream: Readable): Promise<string> {
  let text = ''
  stream.setEncoding('utf8')
  try {
    for await (const chunk of stream) text += chunk as string
  } catch (error) {
    throw new CliError(`cannot read the input: ${(error as Error).message}`)
  }
  return text
}

async function checkLines(
  stream: Readable,
  defaultDate: string,
  rules: Lexicon,
  write: (data: string) => void,
): Promise<void> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity })
  let number = 0
  try {
    for await (const line of lines) {
      number++
      if (!line.trim()) continue
      const item = parseLine(line, number)
      const findings = check(
        () => checkText(item.text, { childDob: item.child_dob, date: item.date ?? defaultDate, rules }),
        number,
      )
      write(JSON.stringify({ id: item.id, findings }) + '\n')
    }
  } catch (error) {
    if (error instanceof CliError) throw error
    throw new CliError(`cannot read the input: ${(error as Error).message}`)
  }
}

interface LineInput {
  id: string | number
  text: string
  child_dob?: string
  date?: string
}

function parseLine(line: string, number: number): LineInput {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    throw new CliError(`line ${number}: not a JSON object`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new CliError(`line ${number}: not a JSON object`)
  const v = value as Record<string, unknown>
  if (typeof v.id !== 'string' && typeof v.id !== 'number')
    throw new CliError(`line ${number}: "id" must be text or a number`)
  if (typeof v.text !== 'string') throw new CliError(`line ${number}: "text" must be text`)
  for (const key of ['child_dob', 'date'] as const) {
    const d = v[key]
    if (d !== undefined && d !== null && (typeof d !== 'string' || !parseDay(d)))
      throw new CliError(`line ${number}: "${key}" must be a date YYYY-MM-DD`)
  }
  return {
    id: v.id,
    text: v.text,
    child_dob: (v.child_dob as string | null) ?? undefined,
    date: (v.date as string | null) ?? undefined,
  }
}

function check<T>(run: () => T, line?: number): T {
  try {
    return run()
  } catch (error) {
    if (error instanceof DateInputError)
      throw new CliError(
        line === undefined ? error.message : `line ${line}: ${error.message}`,
        line === undefined ? 2 : 1,
      )
    throw error
  }
}

function loadAreaRules(file: string): Lexicon {
  let raw: string
  try {
    raw = readFileSync(file, 'utf8')
  } catch (error) {
    throw new CliError(
      `cannot read the rule file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    )
  }
  try {
    return mergeAreaRules(SHIPPED_LEXICON, parseAreaRules(JSON.parse(raw)))
  } catch (error) {
    if (error instanceof SyntaxError) throw new CliError(`rule file ${file} is not JSON: ${error.message}`)
    if (error instanceof LexiconError) throw new CliError(`rule file ${file}: ${error.message}`)
    throw error
  }
}
