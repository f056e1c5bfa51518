// The one place working together asks for a child's risk band (1 to 4, after any override).
// src/risk has no storage yet, so every child is "band unknown" (null): the 30-day rule still
// prompts challenges, the band rule waits. The lead wires this to risk's stored bands later.
import type { Db } from '../db/database.ts'

export async function bandsOf(_db: Db, childIds: readonly string[], _at: Date): Promise<Map<string, number | null>> {
  return new Map(childIds.map((id) => [id, null]))
}

export async function bandOf(db: Db, childId: string, at: Date): Promise<number | null> {
  return (await bandsOf(db, [childId], at)).get(childId) ?? null
}
