// No lost updates (issue 17): a challenge carries a version that every response, move up and
// resolution raises by one, in the same statement that checks it (working-together/store-challenges.ts),
// so two clicks of "move it up" cannot skip a stage and a resolved challenge cannot move up.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table wt_challenges add column version integer not null default 0`.execute(db)
  // what each challenge has had recorded on it so far
  await sql`update wt_challenges c set version = (select count(*) from wt_challenge_events e where e.challenge_id = c.id)`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table wt_challenges drop column version`.execute(db)
}
