// Administration: users and agencies (the `admin` role). Administrators see no child's record
// unless they also hold a casework role. Every change is audited.
import type { FastifyPluginAsync } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import { withRole } from '../web/guards.ts'
import { HttpError } from '../web/http-error.ts'
import { addNavigation } from '../web/navigation.ts'
import { now } from '../config/clock.ts'
import { audit } from '../audit/audit.ts'
import { addAgency, AgencyError, listAgencies } from '../agencies/agencies.ts'
import { AGENCY_KINDS } from '../records/types.ts'
import { createUser, UserError } from './users.ts'
import { ROLES, ROLE_LABELS } from './roles.ts'

addNavigation({ href: '/admin', text: 'Administration', roles: ['admin'], order: 90 })

const routes: FastifyPluginAsync<AppDeps> = async (app, { database }) => {
  const db = database.db
  const admin = withRole('admin')

  const page = async (extra: Record<string, unknown> = {}) => ({
    users: await db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'agency_code', 'roles', 'active', 'locked_until'])
      .orderBy('agency_code')
      .orderBy('email')
      .execute(),
    agencies: await listAgencies(db),
    roles: ROLES.map((r) => ({ value: r, text: ROLE_LABELS[r] })),
    kinds: AGENCY_KINDS,
    ...extra,
  })

  app.get('/admin', { preHandler: admin }, async (request, reply) => {
    await audit(db, request.actor!, { action: 'view_admin' }, now())
    return reply.render('admin.njk', await page())
  })

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
          request.actor!,
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

  app.post<{ Params: { id: string }; Body: { active?: string } }>(
    '/admin/users/:id/active',
    { preHandler: [admin, app.csrfProtection] },
    async (request, reply) => {
      const id = Number(request.params.id)
      const active = request.body?.active === 'true'
      if (id === request.user!.id && !active) throw new HttpError(400, 'You cannot deactivate your own account.')
      const changed = await db
        .updateTable('users')
        .set({ active, failed_signins: 0, locked_until: null })
        .where('id', '=', id)
        .returning('id')
        .executeTakeFirst()
      if (!changed) throw new HttpError(404, 'There is no such user.')
      if (!active) await db.deleteFrom('sessions').where('user_id', '=', id).execute()
      await audit(
        db,
        request.actor!,
        { action: active ? 'user_activated' : 'user_deactivated', details: { user_id: id } },
        now(),
      )
      return reply.redirect('/admin#users')
    },
  )

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
        await audit(db, request.actor!, { action: 'agency_added', details: { code: b.code, kind: b.kind } }, now())
        return reply.redirect('/admin#agencies')
      } catch (error) {
        if (!(error instanceof AgencyError)) throw error
        return reply.code(400).render('admin.njk', await page({ agencyError: error.message, agencyForm: b }))
      }
    },
  )
}

export default routes
