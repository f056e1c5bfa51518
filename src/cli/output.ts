// Writes a command's rows as ../shared/spec/cli.md says: CSV (RFC 4180, header always, lists joined
// with ';', absent values empty) or JSON (one array, exactly the CSV's column names, absent = null).
import { stringify } from 'csv-stringify/sync'

export type Format = 'csv' | 'json'
export type Cell = string | number | boolean | null | undefined | readonly (string | number)[]
export type Row = Record<string, Cell>

export function formatRows(columns: readonly string[], rows: readonly object[], format: Format): string {
  if (format === 'json') {
    const out = rows.map((row) => Object.fromEntries(columns.map((c) => [c, jsonCell((row as Row)[c])])))
    return JSON.stringify(out, null, 2) + '\n'
  }
  const records = rows.map((row) => columns.map((c) => csvCell((row as Row)[c])))
  return stringify([columns as string[], ...records], { record_delimiter: '\r\n' })
}

function csvCell(value: Cell): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.join(';')
  return String(value)
}

function jsonCell(value: Cell): unknown {
  return value === undefined ? null : value
}
