// What every returns adapter is: it reads one return (or, for the SSDA903, the tables of one return)
// and yields agency records exactly as an agency would have sent them in NDJSON, each with where in
// the return it came from. The import (import.ts) runs them through import/importer.ts unchanged.
import type { FieldError } from '../records/validate.ts'
import type { InputLine } from '../import/importer.ts'
import { errorKind } from '../errors/domain-error.ts'

/** A file or request body, readable more than once (a first pass checks the return and finds its children). */
export interface ReturnInput {
  /** The file name (or, for the API, the table or format named). */
  name: string
  chunks(): AsyncIterable<string>
}

/** One agency record made from the return, or one source row that makes none (with the reason). */
export interface Unit extends InputLine {
  value?: Record<string, unknown>
  /** The return's own table or module the unit comes from, for --check's counts. */
  table: string
  /** Set when the source row is deliberately not imported (out of scope, or before --before). */
  skipped?: string
}

export interface ReadContext {
  agency: string
  /** The agency's registered DfE local-authority number. */
  laNumber: string | null
  /** Facts that began on or after this date (YYYY-MM-DD) are left to the agency's live feed. */
  before?: string
}

/** A return that cannot be read at all: the wrong format, year, or authority. Nothing of it is imported. */
export class ReturnRefused extends errorKind('invalid') {}

export interface ReturnFormat {
  /** As given to --from and ?from=. */
  name: string
  title: string
  /** The person fields this return carries; any other field of a stored person is kept (import.ts). */
  personFields: readonly string[]
  /** Are several inputs one return (the SSDA903's tables) rather than one return each? */
  inputsAreOneReturn: boolean
  read(inputs: ReturnInput[], ctx: ReadContext): AsyncIterable<Unit>
}

export function unitWithErrors(
  base: Pick<Unit, 'line' | 'path' | 'text' | 'table' | 'tag'>,
  errors: FieldError[],
  value?: Record<string, unknown>,
): Unit {
  return errors.length > 0 ? { ...base, errors, value } : { ...base, value }
}
