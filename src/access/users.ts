// People who sign in: each belongs to one agency and holds one or more roles.
import type { Db } from '../db/database.ts'
import { checkPassword, hashPassword, passwordProblem } from './passwords.ts'
import { isRole, ROLES } from '../vocabulary/roles.ts'
import { errorKind } from '../errors/domain-error.ts'
import type { RecordAuthor } from './record-author.ts'

export class UserError extends errorKind('invalid') {}

/**
 * Whether a password opens this account: it has one, and while single sign-on is on, only an
 * emergency (break-glass) account signs in with it (decision 0013).
 */
export function passwordOpens(
  user: { break_glass: boolean; password_hash?: string | null },
  singleSignOnOn: boolean,
): boolean {
  if (user.password_hash === null) return false
  return !singleSignOnOn || user.break_glass
}

export interface NewUser {
  email: string
  name: string
  agency: string
  roles: string[]
  password?: string
  jobTitle?: string
  isDemo?: boolean
  /** May sign in with a password while single sign-on is on (access/sso.ts). */
  breakGlass?: boolean
}

export async function createUser(db: Db, user: NewUser): Promise<number> {
  const email = user.email.trim().toLowerCase()
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new UserError(`"${user.email}" is not an email address`)
  if (!user.name.trim()) throw new UserError('a user needs a name')
  const roles = user.roles.filter(isRole)
  const bad = user.roles.filter((r) => !isRole(r))
  if (user.roles.length === 0 || bad.length > 0)
    throw new UserError(`role "${bad[0] ?? ''}" is not one of: ${ROLES.join(', ')}`)
  const agency = await db.selectFrom('agencies').select('code').where('code', '=', user.agency).executeTakeFirst()
  if (!agency) throw new UserError(`agency "${user.agency}" is not registered (threadline agencies lists them)`)
  const taken = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()
  if (taken) throw new UserError(`a user with email ${email} already exists`)
  if (user.password !== undefined) {
    const problem = passwordProblem(user.password, { name: user.name, email })
    if (problem) throw new UserError(problem)
  }
  const row = await db
    .insertInto('users')
    .values({
      email,
      name: user.name.trim(),
      agency_code: user.agency,
      roles: [...new Set(roles)],
      job_title: user.jobTitle ?? null,
      password_hash: user.password === undefined ? null : await hashPassword(user.password),
      is_demo: user.isDemo ?? false,
      break_glass: user.breakGlass ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/**
 * Sets a user's password (an administrator at the command line, or the person themself after giving
 * the one they have: `current`). Every session but `keepSession` ends, so a password changed
 * because it leaked also signs out whoever used it.
 */
export async function setPassword(
  db: Db,
  email: string,
  password: string,
  options: { current?: string; keepSession?: string | null } = {},
): Promise<number> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'password_hash'])
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst()
  if (!user) throw new UserError(`there is no user with email ${email.trim().toLowerCase()}`)
  if (options.current !== undefined && !(await checkPassword(user.password_hash, options.current)))
    throw new UserError('your current password is not right')
  const problem = passwordProblem(password, user)
  if (problem) throw new UserError(problem)
  if (options.current !== undefined && options.current === password)
    throw new UserError('the new password is the same as the current one: choose another')
  const hashed = await hashPassword(password)
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: hashed }).where('id', '=', user.id).execute()
    let end = trx.deleteFrom('sessions').where('user_id', '=', user.id)
    if (options.keepSession) end = end.where('id', '!=', options.keepSession)
    await end.execute()
  })
  return user.id
}

/** Everyone who signs in, by agency then email, as the administration page lists them. */
export async function usersByAgency(db: Db) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'agency_code', 'roles', 'active', 'is_demo', 'mfa_required', 'mfa_enabled_at'])
    .orderBy('agency_code')
    .orderBy('email')
    .execute()
}

/** The demonstration accounts the sign-in page offers, by agency then email. */
export async function demoUsers(db: Db) {
  return db
    .selectFrom('users')
    .select(['email', 'name', 'roles', 'agency_code'])
    .where('is_demo', '=', true)
    .orderBy('agency_code')
    .orderBy('email')
    .execute()
}

/** A user's id and email, if there is such a user. */
export async function userById(db: Db, id: number): Promise<{ id: number; email: string } | undefined> {
  return db.selectFrom('users').select(['id', 'email']).where('id', '=', id).executeTakeFirst()
}

/** What decides the second step after a right password: the account's two-step settings and kind. */
export async function signInAccount(db: Db, id: number) {
  return db
    .selectFrom('users')
    .select(['email', 'roles', 'is_demo', 'mfa_required', 'mfa_enabled_at', 'break_glass'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
}

/** The account the two-step pages act for: who it is and whether two-step sign-in is on or required. */
export async function twoStepAccount(db: Db, id: number) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'agency_code', 'roles', 'is_demo', 'mfa_required', 'mfa_enabled_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
}

/** Whether a password opens this user's account (see `passwordOpens`); `ssoOn` when single sign-on is on. */
export async function passwordOpensFor(db: Db, userId: number, ssoOn: boolean): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select(['password_hash', 'break_glass'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow()
  return passwordOpens(row, ssoOn)
}

/**
 * Turns an account on or off; turning it off ends its sessions. Returns the account, or undefined when
 * there is no such user.
 */
export async function setUserActive(
  db: Db,
  id: number,
  active: boolean,
): Promise<{ id: number; email: string } | undefined> {
  const changed = await db
    .updateTable('users')
    .set({ active })
    .where('id', '=', id)
    .returning(['id', 'email'])
    .executeTakeFirst()
  if (changed && !active) await db.deleteFrom('sessions').where('user_id', '=', id).execute()
  return changed
}

/**
 * The authors of records, by user id, as the one rule of who may change a record reads them
 * (record-author.ts mayEditRecord): their agency and the manager named in their settings.
 */
export async function recordAuthors(db: Db, ids: readonly (number | null)[]): Promise<Map<number, RecordAuthor>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))]
  if (wanted.length === 0) return new Map()
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('wt_worker_settings as s', 's.user_id', 'u.id')
    .select(['u.id', 'u.agency_code', 's.manager_user_id'])
    .where('u.id', 'in', wanted)
    .execute()
  return new Map(rows.map((r) => [r.id, { id: r.id, agency: r.agency_code, managerId: r.manager_user_id ?? null }]))
}
