// Set-based writes: one INSERT ... SELECT FROM unnest(arrays) per chunk, so a large import costs a
// few statements per thousand rows instead of one per row. Ids are taken from the table's own
// sequence first, so the caller knows each row's id without relying on RETURNING order.
import { sql, type Transaction } from 'kysely'
import type { Tables } from './schema.ts'

export type ColumnType = 'int' | 'text' | 'bool' | 'timestamptz' | 'jsonb' | 'text[]' | 'float8'
export type Columns = Record<string, ColumnType>

const CHUNK = 5000

export async function nextIds(trx: Transaction<Tables>, table: string, count: number): Promise<number[]> {
  if (count === 0) return []
  const result = await sql<{ id: number }>`select nextval(pg_get_serial_sequence(${table}, 'id'))::int as id
    from generate_series(1, ${count})`.execute(trx)
  return result.rows.map((r) => r.id)
}

export async function insertRows(trx: Transaction<Tables>, table: string, columns: Columns, rows: Record<string, unknown>[]): Promise<void> {
  const names = Object.keys(columns)
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
      select ${sql.join(selects)} from unnest(${sql.join(params)}) as t(${sql.join(names.map((n) => sql.ref(n)))})`.execute(trx)
  }
}

function paramType(type: ColumnType): string {
  return type === 'text[]' ? 'text' : type
}

function toParam(value: unknown, type: ColumnType): unknown {
  if (value === undefined || value === null) return type === 'text[]' ? '{}' : null
  if (type === 'text[]') return arrayLiteral(value as string[])
  if (type === 'jsonb') return JSON.stringify(value)
  if (type === 'timestamptz' && value instanceof Date) return value.toISOString()
  return value
}

/** A PostgreSQL array literal of text: {"a","b \"c\""} */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`
}
