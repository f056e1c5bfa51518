// The audit trail's chain head anchored outside the database. The hash chain shows a row changed
// in place, but someone able to write the table could delete the newest rows, or delete a row and
// compute the chain again, and the chain alone would still hold. An anchor is the newest row's id and
// hash written somewhere the database's users cannot reach (a log stream, a printout, another
// system): `threadline audit anchor` prints one as `ID HASH`, the server logs one every hour, and
// `threadline audit verify --anchor FILE` checks the trail against every anchor in a file.
import type { Db } from '../db/database.ts'
import type { VerifyResult } from './audit.ts'

export interface Anchor {
  id: number
  hash: string
}

/** `ID HASH` (one line; the format `audit anchor` prints and `verify --anchor` reads). */
export function formatAnchor(a: Anchor): string {
  return `${a.id} ${a.hash}`
}

const ANCHOR = /(?:^|[^0-9a-z])(\d+) ([0-9a-f]{64})(?![0-9a-z])/

/**
 * Every anchor in a file's text: lines of `ID HASH`, or log lines that contain one (the server's
 * hourly `audit anchor ID HASH`). Lines with no anchor are ignored; none at all is an error for the caller.
 */
export function parseAnchors(text: string): Anchor[] {
  const out: Anchor[] = []
  for (const line of text.split(/\r?\n/)) {
    const m = ANCHOR.exec(line)
    if (m) out.push({ id: Number(m[1]), hash: m[2] })
  }
  return out
}

/** The newest row's id and hash, or null while the trail is empty. */
export async function currentAnchor(db: Db): Promise<Anchor | null> {
  const row = await db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst()
  return row ? { id: row.id, hash: row.hash } : null
}

export interface AnchorProblem {
  id: number
  problem: 'missing' | 'changed'
  /** The hash the row has now (changed). */
  now?: string
  anchored: string
  /**
   * The last row known to be as it was, before this problem: for rows missing, the newest row still
   * there before the anchored one (the first missing row is the one after it); for a rewritten chain,
   * the newest anchored row that still holds (the first changed row is after it). Null: none is known.
   */
  intactUpTo: number | null
}

/**
 * Checks each anchor against the trail: the anchored row must still be there with the anchored hash.
 * (With the chain verified up to it, every row before it is as it was when the anchor was taken.)
 * The problems come lowest id first. One anchor cannot say which row of a recomputed chain was
 * changed; every anchor kept (the server logs one an hour) narrows it to the rows between two.
 */
export async function checkAnchors(db: Db, anchors: readonly Anchor[]): Promise<AnchorProblem[]> {
  if (anchors.length === 0) return []
  const ids = [...new Set(anchors.map((a) => a.id))]
  const rows = await db.selectFrom('audit_log').select(['id', 'hash']).where('id', 'in', ids).execute()
  const stored = new Map(rows.map((r) => [r.id, r.hash]))
  const problems: AnchorProblem[] = []
  let holds: number | null = null
  for (const a of [...anchors].sort((x, y) => x.id - y.id)) {
    const now = stored.get(a.id)
    if (now === a.hash) {
      holds = a.id
      continue
    }
    if (now === undefined) {
      const before = await db
        .selectFrom('audit_log')
        .select('id')
        .where('id', '<', a.id)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst()
      problems.push({ id: a.id, problem: 'missing', anchored: a.hash, intactUpTo: before?.id ?? null })
    } else problems.push({ id: a.id, problem: 'changed', now, anchored: a.hash, intactUpTo: holds })
  }
  return problems
}

/** One sentence for a person: what is wrong with the trail, naming the first row. */
export function describeBreak(chain: VerifyResult, problems: readonly AnchorProblem[]): string | null {
  const first = problems[0]
  const chainAt = chain.firstBrokenRow
  if (chainAt !== null && (!first || chainAt <= first.id))
    return `the audit trail is broken at row ${chainAt}: it was changed or removed outside Threadline`
  if (!first) return null
  if (first.problem === 'missing')
    return (
      `the audit trail has lost row ${first.id}, which an anchor recorded: rows were deleted outside Threadline; ` +
      (first.intactUpTo === null
        ? 'no row before it is left'
        : `the first row missing is the one after row ${first.intactUpTo}, the newest still there`)
    )
  return (
    `the audit trail was rewritten up to row ${first.id}: its hash is not the one anchored (rows were changed, ` +
    'removed or the chain computed again outside Threadline); ' +
    (first.intactUpTo === null
      ? 'the first changed row is at or before it (keep more anchors to narrow it)'
      : `the first changed row is after row ${first.intactUpTo}, whose anchor still holds`)
  )
}

/** Every hour (and once now), the chain head to `write` (the server's log stream). Returns a stop function. */
export function logAnchors(db: Db, write: (line: string) => void, everyMs = 3_600_000): () => void {
  const once = () =>
    currentAnchor(db)
      .then((a) => a && write(`audit anchor ${formatAnchor(a)}`))
      .catch(() => undefined) // a closed database at shutdown: the next start logs one again
  void once()
  const timer = setInterval(once, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
