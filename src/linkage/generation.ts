// One advisory lock serialises every transaction that changes which records make up which people
// while a model is in use (probabilistic linking, merge, unmerge), and a generation counter that
// each of them bumps. A process keeps its in-memory linker between imports while the generation is
// the one it last wrote; a rolled-back transaction or another process's change makes them differ,
// and the linker is built again.
import { sql, type Transaction } from 'kysely'
import type { Tables } from '../db/schema.ts'

const LINKING_LOCK = 7_300_003

export interface LinkingState {
  /** this database, told apart from others open in the same process */
  instance: string
  generation: number
}

/** Takes the linking lock for the rest of the transaction and reads the state. */
export async function lockLinking(trx: Transaction<Tables>): Promise<LinkingState> {
  await sql`select pg_advisory_xact_lock(${LINKING_LOCK})`.execute(trx)
  await sql`insert into linkage_state (id, instance, generation) values (1, gen_random_uuid()::text, 0) on conflict (id) do nothing`.execute(
    trx,
  )
  const row = await trx
    .selectFrom('linkage_state')
    .select(['instance', 'generation'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow()
  return { instance: row.instance, generation: Number(row.generation) }
}

/** Marks a change of people's records (under the lock); returns the new generation. */
export async function bumpGeneration(trx: Transaction<Tables>): Promise<LinkingState> {
  const state = await lockLinking(trx)
  await trx
    .updateTable('linkage_state')
    .set({ generation: state.generation + 1 })
    .where('id', '=', 1)
    .execute()
  return { instance: state.instance, generation: state.generation + 1 }
}
