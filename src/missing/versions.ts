// A re-send replaces an object's previous version; the old version stays in its history. "As of T"
// reads, for each object, the latest version recorded by T, and drops objects withdrawn by then.
import type { RecordedEvent } from './types.ts'

export interface KnownEvent {
  key: string
  /** The version in use at the moment asked about. */
  current: RecordedEvent
  /** Every version recorded by then, oldest first. */
  history: RecordedEvent[]
  firstRecordedAt: Date
}

export function sourceOf(e: RecordedEvent): string {
  return `${e.event.agency}:${e.event.source_id}`
}

/** Versions recorded at or before `asOf`, grouped by `agency:source_id`; withdrawn objects left out. */
export function knownAsOf(versions: readonly RecordedEvent[], asOf: Date): KnownEvent[] {
  const byKey = new Map<string, RecordedEvent[]>()
  const cut = asOf.getTime()
  versions.forEach((v) => {
    if (v.recordedAt.getTime() > cut) return
    const key = sourceOf(v)
    const list = byKey.get(key)
    if (list) list.push(v)
    else byKey.set(key, [v])
  })
  const known: KnownEvent[] = []
  for (const [key, list] of byKey) {
    // stable sort: versions recorded at the same instant keep storage order, the last one wins
    const history =
      list.length === 1
        ? list
        : list
            .map((v, i) => ({ v, i }))
            .sort((a, b) => a.v.recordedAt.getTime() - b.v.recordedAt.getTime() || a.i - b.i)
            .map((x) => x.v)
    const current = history[history.length - 1]
    if (current.event.withdrawn) continue
    known.push({ key, current, history, firstRecordedAt: history[0].recordedAt })
  }
  return known
}
