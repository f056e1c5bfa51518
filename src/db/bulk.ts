// Set-based writes: inside a copying transaction (an import) rows go in by COPY; elsewhere one
// INSERT ... SELECT FROM unnest(arrays) per chunk, so a large write costs a few statements per
// thousand rows instead of one per row. Ids are taken from the table's own sequence first, so the
// caller knows each row's id without relying on RETURNING order.
import { sql, type Transaction } from 'kysely'
import type { Tables } from './schema.ts'
import { copyText, copyWriter } from './copy.ts'

/** A json value that is already JSON text (an agency's line as it was sent), written as it is. */
export class JsonText {
  constructor(readonly text: string) {}
}

export type ColumnType = 'int' | 'text' | 'bool' | 'timestamptz' | 'json' | 'jsonb' | 'text[]' | 'float8'
export type Columns = Record<string, ColumnType>

const CHUNK = 5000

/** Ids taken ahead by a large write, per transaction and table (see nextIds). */
const reserved = new WeakMap<Transaction<Tables>, Map<string, number[]>>()
const LARGE = 2000
const RESERVE = 10_000

export async function nextIds(trx: Transaction<Tables>, table: string, count: number): Promise<number[]> {
  if (count === 0) return []
  const spare = reserved.get(trx)?.get(table) ?? []
  if (spare.length >= count) return spare.splice(0, count)
  // A large write (a full import batch) takes ids for several batches at once, so that most batches
  // need no round trip; a small one takes exactly what it needs, so small API posts waste none.
  const take = count >= LARGE ? Math.max(RESERVE, count - spare.length) : count - spare.length
  // one array in one row (a row per id cost more to send and read), the sequence looked up once
  const result = await sql<{ ids: number[] }>`select array(select nextval(s.seq)::int
    from (select pg_get_serial_sequence(${table}, 'id')::regclass as seq) s, generate_series(1, ${take})) as ids`.execute(
    trx,
  )
  const ids = spare.concat(result.rows[0].ids)
  const tables = reserved.get(trx) ?? new Map<string, number[]>()
  reserved.set(trx, tables)
  tables.set(table, ids.slice(count))
  return ids.slice(0, count)
}

export async function insertRows(
  trx: Transaction<Tables>,
  table: string,
  columns: Columns,
  rows: Record<string, unknown>[],
): Promise<void> {
  const names = Object.keys(columns)
  const copy = copyWriter(trx)
  if (copy) {
    if (rows.length > 0)
      await copy(
        table,
        names,
        copyLines(
          rows,
          names.map((name) => copyField(name, columns[name])),
        ),
      )
    return
  }
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK)
    const params = names.map((name) => {
      const type = columns[name]
      return sql`${chunk.map((row) => toParam(row[name], type))}::${sql.raw(paramType(type))}[]`
    })
    const selects = names.map((name) => {
      const type = columns[name]
      const column = sql.ref(`t.${name}`)
      // arrays of arrays do not survive unnest, so text[] travels as an array literal in text
      return type === 'text[]' ? sql`${column}::text[]` : column
    })
    await sql`insert into ${sql.table(table)} (${sql.join(names.map((n) => sql.ref(n)))})
      select ${sql.join(selects)} from unnest(${sql.join(params)}) as t(${sql.join(names.map((n) => sql.ref(n)))})`.execute(
      trx,
    )
  }
}

function paramType(type: ColumnType): string {
  return type === 'text[]' ? 'text' : type
}

function toParam(value: unknown, type: ColumnType): unknown {
  if (value === undefined || value === null) return type === 'text[]' ? '{}' : null
  if (type === 'text[]') return arrayLiteral(value as string[])
  if (type === 'json' || type === 'jsonb') return value instanceof JsonText ? value.text : JSON.stringify(value)
  if (type === 'timestamptz' && value instanceof Date) return value.toISOString()
  return value
}

type CopyField = (row: Record<string, unknown>) => string

/** How one column's value is written in COPY's text format, decided once per write, not per row. */
function copyField(name: string, type: ColumnType): CopyField {
  if (type === 'bool') return (row) => (row[name] === null || row[name] === undefined ? '\\N' : row[name] ? 't' : 'f')
  if (type === 'int' || type === 'float8')
    return (row) => (row[name] === null || row[name] === undefined ? '\\N' : String(row[name]))
  return (row) => {
    const value = toParam(row[name], type)
    return value === null ? '\\N' : copyText(String(value))
  }
}

function* copyLines(rows: readonly Record<string, unknown>[], fields: readonly CopyField[]): Iterable<string> {
  const values = new Array<string>(fields.length)
  for (const row of rows) {
    for (let i = 0; i < fields.length; i++) values[i] = fields[i](row)
    // joined, not appended: a string built by += is a rope that costs more to send than to build
    yield values.join('\t') + '\n'
  }
}

/** A PostgreSQL array literal of text: {"a","b \"c\""} */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`
}
