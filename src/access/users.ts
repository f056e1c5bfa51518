// People who sign in: each belongs to one agency and holds one or more roles.
import type { Db } from '../db/database.ts'
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.ts'
import { ROLES } from './roles.ts'

export class UserError extends Error {}

export interface NewUser {
  email: string
  name: string
  agency: string
  roles: string[]
  password?: string
  jobTitle?: string
  isDemo?: boolean
}

export async function createUser(db: Db, user: NewUser): Promise<number> {
  const email = user.email.trim().toLowerCase()
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new UserError(`"${user.email}" is not an email address`)
  if (!user.name.trim()) throw new UserError('a user needs a name')
  const bad = user.roles.filter((r) => !(ROLES as readonly string[]).includes(r))
  if (user.roles.length === 0 || bad.length > 0)
    throw new UserError(`role "${bad[0] ?? ''}" is not one of: ${ROLES.join(', ')}`)
  const agency = await db.selectFrom('agencies').select('code').where('code', '=', user.agency).executeTakeFirst()
  if (!agency) throw new UserError(`agency "${user.agency}" is not registered (threadline agencies lists them)`)
  const taken = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()
  if (taken) throw new UserError(`a user with email ${email} already exists`)
  if (user.password !== undefined && user.password.length < MIN_PASSWORD_LENGTH) {
    throw new UserError(`a password needs at least ${MIN_PASSWORD_LENGTH} characters`)
  }
  const row = await db
    .insertInto('users')
    .values({
      email,
      name: user.name.trim(),
      agency_code: user.agency,
      roles: [...new Set(user.roles)],
      job_title: user.jobTitle ?? null,
      password_hash: user.password === undefined ? null : await hashPassword(user.password),
      is_demo: user.isDemo ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}
