// The application's own role on a PostgreSQL server (decision 0010): the owner of the schema runs
// the migrations and then grants this role what the app needs on every table, except that on the
// audit trail it may only add and read rows. Not owning the tables, it can neither alter them nor
// disable the trigger that refuses changes; without UPDATE, DELETE and TRUNCATE on the audit trail,
// the trigger is a second fence, not the only one.
import { sql } from 'kysely'
import type { Db } from './database.ts'
import { describeError } from '../errors/describe.ts'

/** Tables the app may only add to and read. */
export const APPEND_ONLY_TABLES = ['audit_log', 'plan_action_versions'] as const

/** Kysely's own bookkeeping: the app reads it to see that the schema is up to date. */
const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock']

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/

export function checkRoleName(role: string): string {
  if (!ROLE_NAME.test(role))
    throw new Error(`THREADLINE_APP_ROLE "${role}" must be lower-case letters, digits and _ (at most 63)`)
  return role
}

export async function currentUser(db: Db): Promise<string> {
  const { rows } = await sql<{ user: string }>`select current_user as "user"`.execute(db)
  return rows[0].user
}

async function currentSchema(db: Db, schema?: string): Promise<string> {
  if (schema) return schema
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
  return rows[0].schema
}

/**
 * Creates the role if it is not there (without login: the operator gives it a login and password,
 * README) and sets its rights on every table of the schema. Idempotent, and safe when several
 * processes (or test files, each with its own schema) do it at once: roles are cluster-wide.
 */
export async function grantAppRole(db: Db, role: string, schema?: string): Promise<void> {
  checkRoleName(role)
  const target = await currentSchema(db, schema)
  // a DO block takes no parameters; the name is checked above, and quoted as an identifier here
  const create = `do $$ begin
      if not exists (select 1 from pg_roles where rolname = '${role}') then
        create role "${role}" nologin;
      end if;
    exception when duplicate_object or unique_violation then null;
    end $$`
  try {
    await sql.raw(create).execute(db)
  } catch (error) {
    const message = describeError(error)
    throw new Error(
      `cannot create the application role "${role}" (${message}): create it as a superuser ` +
        `(create role ${role} login password '...') or give the owner CREATEROLE, then migrate again`,
    )
  }
  const r = sql.id(role)
  const s = sql.id(target)
  const table = (name: string) => sql.id(target, name)
  await db.transaction().execute(async (trx) => {
    // two processes granting on the same tables at once fail with "tuple concurrently updated":
    // instances starting together take turns, one schema at a time
    await sql`select pg_advisory_xact_lock(hashtext(${'threadline grants ' + target}))`.execute(trx)
    await sql`grant usage on schema ${s} to ${r}`.execute(trx)
    await sql`grant select, insert, update, delete on all tables in schema ${s} to ${r}`.execute(trx)
    await sql`revoke truncate, references, trigger on all tables in schema ${s} from ${r}`.execute(trx)
    await sql`grant usage, select on all sequences in schema ${s} to ${r}`.execute(trx)
    await sql`revoke update on all sequences in schema ${s} from ${r}`.execute(trx)
    for (const name of APPEND_ONLY_TABLES) {
      await sql`revoke all on ${table(name)} from ${r}`.execute(trx)
      await sql`grant select, insert on ${table(name)} to ${r}`.execute(trx)
    }
    for (const name of MIGRATION_TABLES) {
      await sql`revoke all on ${table(name)} from ${r}`.execute(trx)
      await sql`grant select on ${table(name)} to ${r}`.execute(trx)
    }
  })
}
