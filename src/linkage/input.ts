// Person CSV files for `threadline link`: Threadline person columns or FEBRL columns, recognised
// from the header. Pure (text in, records out) so that it is tested without files.
import { parse } from 'csv-parse/sync'
import type { LinkageRecord } from './record.ts'
import { errorKind } from '../errors/domain-error.ts'

export const THREADLINE_COLUMNS = [
  'record_id',
  'given_name',
  'family_name',
  'other_names',
  'date_of_birth',
  'sex',
  'address_line',
  'town',
  'postcode',
  'phone',
  'nhs_number',
] as const
export const FEBRL_COLUMNS = [
  'rec_id',
  'given_name',
  'surname',
  'street_number',
  'address_1',
  'address_2',
  'suburb',
  'postcode',
  'state',
  'date_of_birth',
  'soc_sec_id',
] as const

export type PersonFileFormat = 'threadline' | 'febrl'

export class PersonFileError extends errorKind('invalid') {}

export function recognisePersonHeader(header: readonly string[]): PersonFileFormat {
  const names = header.map((h) => h.trim().toLowerCase())
  const unknown = (allowed: readonly string[]) => names.filter((n) => !allowed.includes(n))
  if (names.includes('record_id') && unknown(THREADLINE_COLUMNS).length === 0) return 'threadline'
  if (names.includes('rec_id') && unknown(FEBRL_COLUMNS).length === 0) return 'febrl'
  throw new PersonFileError(
    `header "${header.join(',')}" is neither Threadline person columns (record_id, ${THREADLINE_COLUMNS.slice(1).join(', ')}; any subset with record_id)` +
      ` nor FEBRL columns (${FEBRL_COLUMNS.join(', ')})`,
  )
}

const clean = (v: string | undefined) => {
  const s = (v ?? '').trim()
  return s === '' ? undefined : s
}

export function personRecordsFromCsv(text: string): { format: PersonFileFormat; records: LinkageRecord[] } {
  const rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][]
  if (rows.length === 0) throw new PersonFileError('the file is empty (expected a header row)')
  const header = rows[0]
  const format = recognisePersonHeader(header)
  const col = new Map(header.map((h, x) => [h.trim().toLowerCase(), x]))
  const get = (row: string[], name: string) => {
    const x = col.get(name)
    return x === undefined ? undefined : clean(row[x])
  }
  const idColumn = format === 'threadline' ? 'record_id' : 'rec_id'
  const seen = new Set<string>()
  const records = rows.slice(1).map((row, n) => {
    const id = get(row, idColumn)
    if (!id) throw new PersonFileError(`line ${n + 2}: ${idColumn} is empty`)
    if (seen.has(id)) throw new PersonFileError(`line ${n + 2}: ${idColumn} "${id}" appears twice`)
    seen.add(id)
    if (format === 'threadline') {
      return {
        id,
        given_name: get(row, 'given_name'),
        family_name: get(row, 'family_name'),
        other_names: get(row, 'other_names')
          ?.split(';')
          .map((s) => s.trim())
          .filter(Boolean),
        date_of_birth: get(row, 'date_of_birth'),
        sex: get(row, 'sex'),
        address_line: get(row, 'address_line'),
        town: get(row, 'town'),
        postcode: get(row, 'postcode'),
        phone: get(row, 'phone'),
        nhs_number: get(row, 'nhs_number'),
      }
    }
    return {
      id,
      given_name: get(row, 'given_name'),
      family_name: get(row, 'surname'),
      house_number: get(row, 'street_number'),
      street: get(row, 'address_1'),
      town: get(row, 'suburb'),
      postcode: get(row, 'postcode'),
      date_of_birth: get(row, 'date_of_birth'),
      identifier: get(row, 'soc_sec_id'),
    }
  })
  return { format, records }
}
