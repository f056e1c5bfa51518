// The area's link rows kept in memory between requests (issue 20, decision 0046), keyed by the data
// generation in the database (migrations 0035 and 0038, decision 0050: the number of committed
// transactions that changed links, people, merges, relinks, imports or network decisions). Each request reads the generation (one indexed row)
// and uses what it holds only while that is unchanged, so several servers on one database never answer
// from rows another has since changed. What is held is the rows every request reads alike, before any
// viewer's permissions: each page still filters per request, for the one asking.
// Rows read "as of" a moment hold for every moment up to the next recorded or superseded time after it
// (`until`) and from the last one before it (`from`), so "now" moving on keeps them, and a past moment
// (an as-of page) is read for itself. Bounded: per database, the entries of the current generation
// only, at most MAX_ENTRIES of them (the newest kept).
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'

export interface Generation {
  instance: string
  generation: number
}

/** Rows read as of a moment, and the moments they hold for ([from, until), ms). */
export interface HeldRows<T> {
  rows: T
  from: number
  until: number
}

interface Entry<T> extends Generation {
  held: HeldRows<T>
}

interface Pending<T> extends Generation {
  at: number
  promise: Promise<HeldRows<T>>
}

const MAX_ENTRIES = 2

/**
 * The data generation now (null on a database migrated before it existed): the writing transactions
 * committed before this read's snapshot, counted (migration 0038, decision 0050: the counters summed in
 * the same statement, so one snapshot), with the instance a restore renews.
 */
export async function readGeneration(db: Db): Promise<Generation | null> {
  const row = await db
    .selectFrom('data_generation')
    .select([
      'instance',
      sql<string>`generation + (select coalesce(sum(changes), 0) from data_changes)`.as('generation'),
    ])
    .where('id', '=', 1)
    .executeTakeFirst()
  return row ? { instance: row.instance, generation: Number(row.generation) } : null
}

const same = (a: Generation, b: Generation) => a.instance === b.instance && a.generation === b.generation
const holds = <T>(held: HeldRows<T>, at: number) => held.from <= at && at < held.until

export class AreaCache<T> {
  private entries = new WeakMap<Db, Entry<T>[]>()
  private pending = new WeakMap<Db, Pending<T>[]>()
  /** Reads and hits, for tests and benchmarks. */
  readonly counts = { reads: 0, hits: 0 }

  constructor(private readonly read: (db: Db, at: Date) => Promise<HeldRows<T>>) {}

  /** The rows as of `at`: held ones when the generation is unchanged and they hold for `at`, else read. */
  async rowsAt(db: Db, at: Date): Promise<T> {
    const now = await readGeneration(db)
    if (!now) return (await this.read(db, at)).rows
    const t = at.getTime()
    const current = (this.entries.get(db) ?? []).filter((e) => same(e, now))
    this.entries.set(db, current)
    const hit = current.find((e) => holds(e.held, t))
    if (hit) {
      this.counts.hits++
      return hit.held.rows
    }
    // a read of the same generation already under way (requests arriving together): its rows, if they hold
    const waiting = (this.pending.get(db) ?? []).find((p) => same(p, now) && p.at <= t)
    if (waiting) {
      const held = await waiting.promise.catch(() => null)
      if (held && holds(held, t)) {
        this.counts.hits++
        return held.rows
      }
    }
    this.counts.reads++
    // read after the generation: rows at least as new as it (a write in between moves the number on,
    // so these are never taken for an older state than they are)
    const promise = this.read(db, at)
    const mine: Pending<T> = { ...now, at: t, promise }
    this.pending.set(db, [...(this.pending.get(db) ?? []).filter((p) => same(p, now)), mine])
    try {
      const held = await promise
      const kept = (this.entries.get(db) ?? []).filter((e) => same(e, now))
      this.entries.set(db, [...kept, { ...now, held }].slice(-MAX_ENTRIES))
      return held.rows
    } finally {
      this.pending.set(
        db,
        (this.pending.get(db) ?? []).filter((p) => p !== mine),
      )
    }
  }

  /** Forgets what is held for this database (tests). */
  clear(db: Db): void {
    this.entries.delete(db)
    this.pending.delete(db)
  }
}

/**
 * The recorded and superseded times of events, relationships and person records nearest `at` on
 * each side: rows read as of `at` are the same for every moment in [from, until).
 */
export async function unchangedAround(db: Db, at: Date): Promise<{ from: number; until: number }> {
  const sides = (table: 'events' | 'relationships' | 'person_versions') => sql`
    (select max(recorded_at) from ${sql.table(table)} where recorded_at <= ${at}),
    (select max(superseded_at) from ${sql.table(table)} where superseded_at <= ${at})`
  const after = (table: 'events' | 'relationships' | 'person_versions') => sql`
    (select min(recorded_at) from ${sql.table(table)} where recorded_at > ${at}),
    (select min(superseded_at) from ${sql.table(table)} where superseded_at > ${at})`
  const { rows } = await sql<{ from: Date | null; until: Date | null }>`
    select greatest(${sides('events')}, ${sides('relationships')}, ${sides('person_versions')}) as "from",
      least(${after('events')}, ${after('relationships')}, ${after('person_versions')}) as "until"`.execute(db)
  const from = rows[0]?.from
  const until = rows[0]?.until
  return {
    from: from ? new Date(from).getTime() : -Infinity,
    until: until ? new Date(until).getTime() : Infinity,
  }
}
