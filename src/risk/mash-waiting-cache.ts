// What the MASH owes a child now (risk/work-waiting.ts, the person summary's first sentence): the child's
// entry on the maintained MASH queue (maintained-lists.ts, decision 0049, which replaced decision 0035's
// own cache of it), the child alone brought up to date first. "As known on" an earlier day is computed
// with the same rule (maintained-lists.ts riskEntries, mash-queue.ts mashQueue) for the child.
import type { Db } from '../db/database.ts'
import { maintainedEntry, riskEntries, type QueueEntry } from './maintained-lists.ts'
import type { QueueReason } from './mash-queue.ts'
import { riskSettings } from './settings.ts'
import { currentInstrument } from './store.ts'

/** What the MASH owes the child: by when, and why. */
export interface MashWaiting {
  dueAt: Date
  reasons: QueueReason[]
}

/** What the MASH owes the child at `at`: from the maintained queue when `at` is now, else computed. */
export async function mashWaiting(db: Db, childId: number, at: Date, now: Date): Promise<MashWaiting | null> {
  if (+at >= +now) {
    const kept = await maintainedEntry(db, 'mash_queue', childId, now)
    if (kept === undefined) return null
    if (kept !== null) return parse(kept)
  }
  const worked = await riskEntries(db, [childId], at, riskSettings(), await currentInstrument(db))
  const entry = worked.get(childId)?.entries.find((e) => e.list === 'mash_queue')?.entry as QueueEntry | undefined
  return entry ? { dueAt: entry.dueAt, reasons: entry.reasons } : null
}

function parse(value: unknown): MashWaiting {
  const v = value as { dueAt: string; reasons: { text: string; word: 'on' | 'since'; at: string }[] }
  return { dueAt: new Date(v.dueAt), reasons: v.reasons.map((r) => ({ ...r, at: new Date(r.at) })) }
}
