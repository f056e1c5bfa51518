// A list on the command line that names children is a view of each of them, as a web list is: one
// audit entry per run holding their ids (details.children), so "who has looked at this record"
// counts it (issue 17, decision 0008). The one asking is the operator, `cli:<USER>`.
import { audit } from './audit.ts'
import { cliActor } from './actor.ts'
import { now } from '../config/clock.ts'
import type { Db } from '../db/database.ts'

/** The columns of the command-line lists that name children (docs/cli.md). */
const CHILD_COLUMNS = ['child_id', 'child_ids', 'children'] as const

/** Every child a list's rows name, once each. */
export function childrenListed(rows: readonly object[]): number[] {
  const ids = new Set<number>()
  for (const row of rows) {
    for (const column of CHILD_COLUMNS) {
      const value = (row as Record<string, unknown>)[column]
      for (const item of Array.isArray(value) ? value : [value]) {
        const id = typeof item === 'string' && item.trim() !== '' ? Number(item) : item
        if (typeof id === 'number' && Number.isInteger(id)) ids.add(id)
      }
    }
  }
  return [...ids]
}

/** Records that `command` showed these rows, and gives them back to be printed. */
export async function listed<T extends object>(db: Db, command: string, rows: readonly T[]): Promise<readonly T[]> {
  await audit(
    db,
    cliActor(),
    { action: 'cli_list', details: { command, rows: rows.length, children: childrenListed(rows) } },
    now(),
  )
  return rows
}
