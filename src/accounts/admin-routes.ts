// Administration: users, agencies and API tokens (the `admin` role). Administrators see no child's record
// unless they also hold a casework role. Every change is audited.
import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import type { Db } from '../db/database.ts'
import type { Config } from '../config/config.ts'
import { actorOf, userOf, withRole } from '../web/guards.ts'
import { HttpError } from '../web/http-error.ts'
import type { NavigationItem } from '../web/navigation.ts'
import { now } from '../config/clock.ts'
import { audit } from '../audit/audit.ts'
import { addAgency, AgencyError, listAgencies } from '../agencies/agencies.ts'
import { AGENCY_KINDS } from '../vocabulary/agency-kinds.ts'
import { createUser, setUserActive, userById, UserError, usersByAgency } from '../access/users.ts'
import { ROLES, ROLE_LABELS } from '../vocabulary/roles.ts'
import { accountLocks, unlockAccount } from '../access/sign-in.ts'
import { createToken, listTokens, revokeToken, TokenError } from '../access/tokens.ts'
import { byText, byValue, listView, type Query, type SortColumns } from '../web/list-view.ts'
import { changeTwoStep, isTwoStepChange, mfaRequired } from '../access/mfa.ts'

export const adminNavigation: NavigationItem[] = [
  { href: '/admin', text: 'Administration', roles: ['admin'], order: 90, section: 'administration' },
]

const admin = withRole('admin')

/** The administration page's data, with a form's error and what was typed when there is one. */
type AdminPage = (extra?: Record<string, unknown>) => Promise<Record<string, unknown>>

type UserRow = Awaited<ReturnType<typeof usersByAgency>>[number] & { locked_until: Date | null }
type AgencyRow = Awaited<ReturnType<typeof listAgencies>>[number]
const statusOf = (u: UserRow) => (!u.active ? 'inactive' : u.locked_until ? 'locked' : 'active')
const USER_COLUMNS: SortColumns<UserRow> = {
  agency: { compare: byText((u) => u.agency_code) },
  name: { compare: byText((u) => u.name) },
  email: { compare: byText((u) => u.email) },
  status: { compare: byText(statusOf) },
}
const AGENCY_COLUMNS: SortColumns<AgencyRow> = {
  code: { compare: byText((a) => a.code) },
  name: { compare: byText((a) => a.name) },
  kind: { compare: byText((a) => a.kind) },
}
/** How many users and agencies the administration page lists at a time. */
export const ADMIN_PAGE_SIZE = 50

function adminPage(db: Db, config: Config): AdminPage {
  return async (extra = {}) => {
    const q = (extra.query ?? {}) as Query
    const locks = await accountLocks(db, now())
    const users = (await usersByAgency(db)).map((u) => ({
      ...u,
      locked_until: locks.get(u.email) ?? null,
      mfa_needed: mfaRequired(u, config),
    }))
    const agencies = await listAgencies(db)
    const userList = listView(users, q, {
      path: '/admin',
      columns: USER_COLUMNS,
      pageSize: ADMIN_PAGE_SIZE,
      defaultSort: { sort: 'agency' },
    })
    const agencyList = listView(agencies, q, {
      path: '/admin',
      columns: AGENCY_COLUMNS,
      pageSize: ADMIN_PAGE_SIZE,
      prefix: 'agencies-',
    })
    return {
      users: userList.rows,
      userList,
      agencies,
      agencyList,
      roles: ROLES.map((r) => ({ value: r, text: ROLE_LABELS[r] })),
      kinds: AGENCY_KINDS,
      ...extra,
    }
  }
}

const routes: FastifyPluginAsync<AppDeps> = async (app, { database, config }) => {
  const db = database.db
  const page = adminPage(db, config)

  app.get('/admin', { preHandler: admin }, async (request, reply) => {
    await audit(db, actorOf(request), { action: 'view_admin' }, now())
    return reply.render('admin.njk', await page({ query: request.query }))
  })

  registerUserRoutes(app, db, page)
  registerAccountRoutes(app, db)
  registerTokenRoutes(app, db, config)
  registerAgencyRoutes(app, db, page)
}

/** Adding a user. */
function registerUserRoutes(app: FastifyInstance, db: Db, page: AdminPage): void {
  app.post<{ Body: Record<string, string | string[]> }>(
    '/admin/users',
    { preHandler: [admin, app.csrfProtection] },
    async (request, reply) => {
      const b = request.body ?? {}
      const roles = [b.roles ?? []].flat().filter(Boolean)
      try {
        const id = await createUser(db, {
          email: String(b.email ?? ''),
          name: String(b.name ?? ''),
          agency: String(b.agency ?? ''),
          roles,
          password: String(b.password ?? ''),
          jobTitle: b.job_title ? String(b.job_title) : undefined,
        })
        await audit(
          db,
          actorOf(request),
          { action: 'user_created', details: { user_id: id, email: b.email, agency: b.agency, roles } },
          now(),
        )
        return reply.redirect('/admin#users')
      } catch (error) {
        if (!(error instanceof UserError)) throw error
        return reply.code(400).render('admin.njk', await page({ userError: error.message, form: b }))
      }
    },
  )
}

/** Turning an account on or off, unlocking it, or changing its two-step sign-in. */
function registerAccountRoutes(app: FastifyInstance, db: Db): void {
  app.post<{ Params: { id: string }; Body: { active?: string } }>(
    '/admin/users/:id/active',
    { preHandler: [admin, app.csrfProtection] },
    async (request, reply) => {
      const id = Number(request.params.id) || 0
      const active = request.body?.active === 'true'
      if (id === userOf(request).id && !active) throw new HttpError(400, 'You cannot deactivate your own account.')
      const changed = await setUserActive(db, id, active)
      if (!changed) throw new HttpError(404, 'There is no such user.')
      await unlockAccount(db, changed.email)
      await audit(
        db,
        actorOf(request),
        { action: active ? 'user_activated' : 'user_deactivated', details: { user_id: id } },
        now(),
      )
      return reply.redirect('/admin#users')
    },
  )

  app.post<{ Params: { id: string } }>(
    '/admin/users/:id/unlock',
    { preHandler: [admin, app.csrfProtection] },
    async (request, reply) => {
      const user = await userById(db, Number(request.params.id) || 0)
      if (!user) throw new HttpError(404, 'There is no such user.')
      await unlockAccount(db, user.email)
      await audit(db, actorOf(request), { action: 'account_unlocked', details: { user_id: user.id } }, now())
      return reply.redirect('/admin#users')
    },
  )

  app.post<{ Params: { id: string }; Body: { change?: string } }>(
    '/admin/users/:id/two-step',
    { preHandler: [admin, app.csrfProtection] },
    async (request, reply) => {
      const id = /^\d{1,9}$/.test(request.params.id) ? Number(request.params.id) : 0
      const change = request.body?.change
      const user = await userById(db, id)
      if (!user) throw new HttpError(404, 'There is no such user.')
      if (!isTwoStepChange(change)) throw new HttpError(400, 'Choose reset, require or not-required.')
      await changeTwoStep(db, actorOf(request), user.id, change, now())
      return reply.redirect('/admin#users')
    },
  )
}

type TokenRow = Awaited<ReturnType<typeof listTokens>>[number]
const TOKEN_COLUMNS: SortColumns<TokenRow> = {
  id: { compare: byValue((t) => t.token_id) },
  agency: { compare: byText((t) => t.agency) },
  status: { compare: byText((t) => t.status) },
  expires: { compare: byValue((t) => t.expires_at) },
  used: { compare: byValue((t) => t.last_used_at), natural: 'descending' },
  uses: { compare: byValue((t) => t.uses), natural: 'descending' },
}

/** API tokens: the list, a new token (shown once), revoking one. */
function registerTokenRoutes(app: FastifyInstance, db: Db, config: Config): void {
  const tokensPage = async (extra: Record<string, unknown> = {}) => ({
    tokenList: listView(await listTokens(db, now()), (extra.query ?? {}) as Query, {
      path: '/admin/tokens',
      columns: TOKEN_COLUMNS,
      pageSize: ADMIN_PAGE_SIZE,
    }),
    agencies: await listAgencies(db),
    defaultDays: config.tokenDays,
    ...extra,
  })

  app.get('/admin/tokens', { preHandler: admin }, async (request, reply) => {
    await audit(db, actorOf(request), { action: 'view_tokens' }, now())
    return reply.render('admin-tokens.njk', await tokensPage({ query: request.query }))
  })

  app.post<{ Body: Record<string, string> }>(
    '/admin/tokens',
    { preHandler: [admin, app.csrfProtection] },
    async (request, reply) => {
      const b = request.body ?? {}
      const agency = String(b.agency ?? '')
      const daysText = String(b.days ?? '').trim()
      try {
        if (daysText && !/^\d{1,5}$/.test(daysText)) throw new TokenError(`"${daysText}" is not a whole number of days`)
        const days = daysText ? Number(daysText) : config.tokenDays
        const name = String(b.name ?? '')
        const token = await createToken(db, agency, { days, name, createdBy: userOf(request).email })
        await audit(
          db,
          actorOf(request),
          { action: 'token_created', details: { agency, name: name.trim() || null, days } },
          now(),
        )
        return reply.render('admin-tokens.njk', await tokensPage({ created: { token, agency } }))
      } catch (error) {
        if (!(error instanceof TokenError)) throw error
        return reply.code(400).render('admin-tokens.njk', await tokensPage({ tokenError: error.message, form: b }))
      }
    },
  )

  app.post<{ Params: { id: string } }>(
    '/admin/tokens/:id/revoke',
    { preHandler: [admin, app.csrfProtection] },
    async (request, reply) => {
      const tokenId = /^\d{1,9}$/.test(request.params.id) ? Number(request.params.id) : 0
      try {
        const r = await revokeToken(db, tokenId, userOf(request).email, now())
        if (!r.alreadyRevokedAt)
          await audit(
            db,
            actorOf(request),
            { action: 'token_revoked', details: { token_id: tokenId, agency: r.agency } },
            now(),
          )
      } catch (error) {
        if (error instanceof TokenError) throw new HttpError(404, 'There is no such token.')
        throw error
      }
      return reply.redirect('/admin/tokens')
    },
  )
}

/** Adding an agency. */
function registerAgencyRoutes(app: FastifyInstance, db: Db, page: AdminPage): void {
  app.post<{ Body: Record<string, string> }>(
    '/admin/agencies',
    { preHandler: [admin, app.csrfProtection] },
    async (request, reply) => {
      const b = request.body ?? {}
      try {
        await addAgency(db, {
          code: String(b.code ?? '').trim(),
          name: String(b.name ?? ''),
          kind: String(b.kind ?? ''),
          contact: b.contact || undefined,
        })
        await audit(db, actorOf(request), { action: 'agency_added', details: { code: b.code, kind: b.kind } }, now())
        return reply.redirect('/admin#agencies')
      } catch (error) {
        if (!(error instanceof AgencyError)) throw error
        return reply.code(400).render('admin.njk', await page({ agencyError: error.message, agencyForm: b }))
      }
    },
  )
}

export default routes
