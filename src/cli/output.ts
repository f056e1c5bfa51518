// Writes a command's rows as docs/cli.md says: CSV (RFC 4180, header always, lists joined
// with ';', absent values empty) or JSON (one array, exactly the CSV's column names, absent = null).
// This is the one CSV writer: every CSV that leaves Threadline (command output, files written by
// commands, web downloads) goes through `formatRows` or `csvChunks`, so that no cell can run as a
// spreadsheet formula (`safeCsvText`).
import { stringify } from 'csv-stringify/sync'

export type Format = 'csv' | 'json'
export type Cell = string | number | boolean | null | undefined | readonly (string | number)[]
export type Row = Record<string, Cell>

export function formatRows(columns: readonly string[], rows: readonly object[], format: Format): string {
  if (format === 'json') {
    const out = rows.map((row) => Object.fromEntries(columns.map((c) => [c, jsonCell((row as Row)[c])])))
    return JSON.stringify(out, null, 2) + '\n'
  }
  return csvChunks(columns, rows).join('')
}

/**
 * The CSV of `rows` (objects keyed by column, or arrays in column order) in pieces of `chunk` rows,
 * header first: a million rows are written without one string of them all.
 */
export function csvChunks(columns: readonly string[], rows: readonly (object | readonly Cell[])[], chunk = 50_000) {
  const out = [stringify([columns.map(safeCsvText)], { record_delimiter: '\r\n' })]
  for (let start = 0; start < rows.length; start += chunk) {
    const records = rows
      .slice(start, start + chunk)
      .map((row) =>
        Array.isArray(row) ? (row as readonly Cell[]).map(csvCell) : columns.map((c) => csvCell((row as Row)[c])),
      )
    out.push(stringify(records, { record_delimiter: '\r\n' }))
  }
  return out
}

// A spreadsheet (Excel, LibreOffice, Google Sheets) runs a cell that begins with one of these as a
// formula, e.g. `=HYPERLINK("http://...")` in a name (OWASP, "CSV Injection").
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * Text made safe to open in a spreadsheet: a leading `'` when it begins with `=`, `+`, `-`, `@`, tab
 * or carriage return (OWASP). The spreadsheet shows the text as written, without the `'`.
 */
export function safeCsvText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/**
 * One cell. Numbers (a score, a count, a probability) are written as numbers: a JavaScript number's
 * text is a plain number, `-3` included, which no spreadsheet runs as a formula, so numeric columns
 * keep their sign. Everything else is text and is made safe, and so is each item of a list (a list
 * cell split on `;` by its reader must not yield a formula either).
 */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : safeCsvText(String(value))
  if (typeof value === 'boolean') return String(value)
  if (Array.isArray(value))
    return safeCsvText(value.map((v) => (typeof v === 'number' ? String(v) : safeCsvText(v))).join(';'))
  return safeCsvText(String(value))
}

function jsonCell(value: Cell): unknown {
  return value === undefined ? null : value
}
