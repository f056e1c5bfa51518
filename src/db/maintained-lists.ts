// The machinery of maintained lists (issue 20, decisions 0049 and 0055): the lists people open every
// morning are read from list_entries (migrations 0037 and 0039), kept per child, instead of being worked
// out for the whole area on every request. Each capability that keeps lists is a `MaintainedSource`: its
// name in list_sources, the lists it keeps, and its rule for a set of children (the computed path's own
// functions, for those children only: one rule in one place). This file knows nothing of any rule.
//
// Before today's list is read, `bringUpToDate` works out again only the children a write marked
// (list_marks, inserted by triggers in the writing transaction) and those whose entries the clock has
// changed (list_state.changes_at: a deadline passing, which the source says when it works a child out).
// What the clock changes between two such moments (overdue, minutes left) is worked out at read time from
// the stored due time. Any number of instances may do this side by side: each child's state row is locked
// while its entries are written, and work from an older mark never overwrites work from a newer one.
import { sql } from 'kysely'
import type { Db } from './database.ts'
import { must } from '../errors/must.ts'

/** What a source's rule says of one child: its entries on each of the source's lists, and when the clock alone changes them. */
export interface Worked {
  entries: WorkedEntry[]
  /** null: never, by the clock alone */
  changesAt: Date | null
}

/**
 * One row a child has on a list. Lists kept as one row per child leave `item` out; lists paged in SQL
 * (`pageNow`) keep a row per thing (`item`: a challenge's or an action's id), its deadline (`dueAt`, which
 * a read compares with now) and who it is work for (`keys`, which a read intersects with the viewer's).
 */
export interface WorkedEntry {
  list: string
  entry: unknown
  item?: number
  dueAt?: Date | null
  keys?: readonly string[] | null
}

/** The rule of a source, ready to work children out (its instrument and settings read once). */
export interface PreparedRule {
  /** The fingerprint of what the rule depends on besides the records (settings, an instrument): when it differs, every child is worked out again. */
  fingerprint: string
  /** Each of these people's entries as of `at` (a person the rule lists nowhere has none). */
  work(db: Db, ids: readonly number[], at: Date): Promise<Map<number, Worked>>
}

/** A capability's maintained lists (a row of list_sources). */
export interface MaintainedSource {
  source: string
  /** The shape of the entries: raised when it changes, so that every child is worked out again. */
  version: number
  lists: readonly string[]
  prepare(db: Db): Promise<PreparedRule>
}

/** Children worked out again in one go (one run of the rule, one transaction). */
const CHUNK = 500

/** A Worked for each id: none on any list and never changed by the clock, unless the rule said otherwise. */
export function workedFor(ids: readonly number[]): Map<number, Worked> {
  return new Map(ids.map((id) => [id, { entries: [], changesAt: null }]))
}

/** The earliest of these moments after `at` (null when none is). */
export function earliestAfter(at: Date, times: readonly (number | null | undefined)[]): Date | null {
  let best = Infinity
  for (const t of times) if (t !== null && t !== undefined && Number.isFinite(t) && t > +at && t < best) best = t
  return best === Infinity ? null : new Date(best)
}

/**
 * Works out again the children (all, or these) whose lists of this source are out of date at `now`: those
 * a write marked, and those whose entries the clock has changed (every child when the rule's fingerprint
 * changed). Returns how many it worked out, or null when `now` is behind the clock the lists were last
 * worked out at (a past THREADLINE_NOW: the caller computes).
 */
export async function bringUpToDate(
  db: Db,
  source: MaintainedSource,
  now: Date,
  ids?: readonly number[],
): Promise<number | null> {
  const latest = await db
    .selectFrom('list_state')
    .select('worked_at')
    .where('source', '=', source.source)
    .orderBy('worked_at', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (latest && +latest.worked_at > +now) return null
  const rule = await source.prepare(db)
  // the lists kept and the shape of their entries are part of the rule: a list added, or an entry's shape
  // changed, is worked out for every child
  const fingerprint = `${rule.fingerprint}:${source.lists.join(',')}:${source.version}`
  const stored = await db
    .selectFrom('list_sources')
    .select('rule')
    .where('source', '=', source.source)
    .executeTakeFirst()
  const all = stored?.rule !== fingerprint
  const only = ids ? sql`and entity_id = any(${[...ids]}::int[])` : sql``
  const due = await sql<{ entity_id: number; mark: string }>`
    select entity_id, max(mark)::text as mark from (
      select entity_id, id as mark from list_marks where source = ${source.source} ${only}
      union all
      select entity_id, done from list_state
      where source = ${source.source} ${only} and ${all ? sql`true` : sql`changes_at <= ${now}`}
    ) x group by entity_id order by entity_id`.execute(db)
  for (let i = 0; i < due.rows.length; i += CHUNK) await workOut(db, source, rule, due.rows.slice(i, i + CHUNK), now)
  if (all && !ids)
    await db.updateTable('list_sources').set({ rule: fingerprint }).where('source', '=', source.source).execute()
  return due.rows.length
}

async function workOut(
  db: Db,
  source: MaintainedSource,
  rule: PreparedRule,
  due: readonly { entity_id: number; mark: string }[],
  now: Date,
): Promise<void> {
  const ids = due.map((d) => d.entity_id)
  const worked = await rule.work(db, ids, now)
  const of = (id: number) => must(worked.get(id), 'a child worked out')
  await db.transaction().execute(async (trx) => {
    // each child's state row, locked in id order (a new child's made first): refreshers of one child take turns
    await sql`insert into list_state (source, entity_id, done, changes_at, worked_at)
      select ${source.source}, id, -1, '-infinity', '-infinity' from unnest(${ids}::int[]) as u(id) order by id
      on conflict do nothing`.execute(trx)
    const locked = await sql<{ entity_id: number; done: string }>`select entity_id, done::text as done from list_state
      where source = ${source.source} and entity_id = any(${ids}::int[]) order by entity_id for update`.execute(trx)
    const done = new Map(locked.rows.map((r) => [r.entity_id, BigInt(r.done)]))
    // work from an older mark than the one already stored is dropped (another instance got there with newer records)
    const kept = due.filter((d) => BigInt(d.mark) >= (done.get(d.entity_id) ?? -1n))
    if (kept.length === 0) return
    const keptIds = kept.map((d) => d.entity_id)
    const lists: string[] = []
    const children: number[] = []
    const entries: string[] = []
    const items: number[] = []
    const dues: (string | null)[] = []
    // text[] has no arrays of arrays of different lengths: each row's keys go as one JSON array
    const keys: (string | null)[] = []
    for (const id of keptIds)
      for (const e of of(id).entries) {
        lists.push(e.list)
        children.push(id)
        entries.push(JSON.stringify(e.entry))
        items.push(e.item ?? 0)
        dues.push(e.dueAt ? e.dueAt.toISOString() : null)
        keys.push(e.keys ? JSON.stringify(e.keys) : null)
      }
    await sql`delete from list_entries where list = any(${[...source.lists]}::text[]) and entity_id = any(${keptIds}::int[])`.execute(
      trx,
    )
    if (entries.length)
      await sql`insert into list_entries (list, entity_id, entry, item, due_at, keys)
        select list, entity_id, entry, item, due_at,
          case when k is null then null else array(select jsonb_array_elements_text(k)) end
        from unnest(${lists}::text[], ${children}::int[], ${entries}::jsonb[], ${items}::bigint[], ${dues}::timestamptz[], ${keys}::jsonb[])
          as u(list, entity_id, entry, item, due_at, k)`.execute(trx)
    await sql`update list_state s set done = u.mark, changes_at = u.changes_at, worked_at = ${now}
      from unnest(${keptIds}::int[], ${kept.map((d) => d.mark)}::bigint[], ${keptIds.map((id) => of(id).changesAt?.toISOString() ?? 'infinity')}::timestamptz[])
        as u(id, mark, changes_at)
      where s.source = ${source.source} and s.entity_id = u.id`.execute(trx)
    await sql`delete from list_marks m using unnest(${keptIds}::int[], ${kept.map((d) => d.mark)}::bigint[]) as k(id, mark)
      where m.source = ${source.source} and m.entity_id = k.id and m.id <= k.mark`.execute(trx)
  })
}

const parsed = (entry: unknown): unknown => (typeof entry === 'string' ? JSON.parse(entry) : entry)

/** The entries of one of a source's lists now (brought up to date first), of these children only when ids is given; null when the clock is behind the lists. */
export async function entriesNow(
  db: Db,
  source: MaintainedSource,
  list: string,
  now: Date,
  ids?: readonly number[] | null,
): Promise<unknown[] | null> {
  const read = await listsNow(db, source, [list], now, ids)
  return read && (read.get(list) ?? [])
}

/** The entries of several of a source's lists now, brought up to date once, by list; null when the clock is behind the lists. */
export async function listsNow(
  db: Db,
  source: MaintainedSource,
  lists: readonly string[],
  now: Date,
  ids?: readonly number[] | null,
): Promise<Map<string, unknown[]> | null> {
  if ((await bringUpToDate(db, source, now)) === null) return null
  const out = new Map<string, unknown[]>(lists.map((l) => [l, []]))
  if (ids && ids.length === 0) return out
  let query = db
    .selectFrom('list_entries')
    .select(['list', 'entry'])
    .where('list', '=', sql<string>`any(${[...lists]}::text[])`)
  if (ids) query = query.where('entity_id', '=', sql<number>`any(${[...ids]}::int[])`)
  for (const r of await query.execute()) out.get(r.list)?.push(parsed(r.entry))
  return out
}

/** One child's entry on a list now, as kept (that child brought up to date first); undefined when not on it, null when the clock is behind the lists. */
export async function entryNow(
  db: Db,
  source: MaintainedSource,
  list: string,
  childId: number,
  now: Date,
): Promise<unknown> {
  if ((await bringUpToDate(db, source, now, [childId])) === null) return null
  const row = await db
    .selectFrom('list_entries')
    .select('entry')
    .where('list', '=', list)
    .where('entity_id', '=', childId)
    .executeTakeFirst()
  return row ? parsed(row.entry) : undefined
}

/** What a page read of a list asks: which rows, in which order, which page. */
export interface PageAsked {
  /** only rows whose keys share one with these (the viewer's) */
  keys?: readonly string[]
  /** only rows due at or before this moment (overdue by now: the stored deadline compared with now) */
  dueBy?: Date
  /** the entry's field to sort by (a top-level key of `entry.sort`), or none: the list's own order */
  sort?: string | null
  descending?: boolean
  /** the list's own order, after the sort: an entry's `sort` fields, each ascending */
  tieBreak: readonly string[]
  /** the sort key `overdue` orders by whether the stored deadline has passed at this moment */
  now?: Date
  page: number
  pageSize: number
}

/** One page of a list now (brought up to date first), filtered, sorted and cut in SQL, with the number of rows it has; null when the clock is behind the lists. */
export async function pageNow(
  db: Db,
  source: MaintainedSource,
  list: string,
  now: Date,
  asked: PageAsked,
): Promise<{ rows: unknown[]; total: number } | null> {
  if ((await bringUpToDate(db, source, now)) === null) return null
  if (asked.keys && asked.keys.length === 0) return { rows: [], total: 0 }
  const where = sql.join(
    [
      sql`list = ${list}`,
      ...(asked.keys ? [sql`keys && ${[...asked.keys]}::text[]`] : []),
      ...(asked.dueBy ? [sql`due_at <= ${asked.dueBy}`] : []),
    ],
    sql` and `,
  )
  // text in byte order on both databases (the entries' sort fields are lower-cased, dates ISO, numbers padded)
  const field = (key: string) =>
    key === 'overdue' && asked.now ? sql`(due_at <= ${asked.now})` : sql`(entry -> 'sort' ->> ${key}) collate "C"`
  // missing values last, and first the other way round (as web/list-view.ts listView over byText and
  // byValue); ties in the list's own order
  const way = sql.raw(asked.descending ? 'desc' : 'asc')
  const order = sql.join([
    ...(asked.sort ? [sql`(${field(asked.sort)} is null) ${way}`, sql`${field(asked.sort)} ${way}`] : []),
    ...asked.tieBreak.map((k) => field(k)),
    sql`entity_id`,
    sql`item`,
  ])
  const total = await sql<{ n: string }>`select count(*)::text as n from list_entries where ${where}`.execute(db)
  const n = Number(total.rows[0]?.n ?? 0)
  const pages = Math.max(1, Math.ceil(n / asked.pageSize))
  const page = Math.min(Math.max(1, asked.page), pages)
  const rows = await sql<{ entry: unknown }>`select entry from list_entries where ${where}
    order by ${order} limit ${asked.pageSize} offset ${(page - 1) * asked.pageSize}`.execute(db)
  return { rows: rows.rows.map((r) => parsed(r.entry)), total: n }
}
