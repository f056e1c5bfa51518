// A form sent twice is saved once (issue 17): a double click, a resent page or a slow connection must
// not make two meetings, two challenges (each with its own escalation clock) or two episodes. Each
// form carries its own random `_submission` id (the `newSubmission()` of every page). The first request
// with an id claims it in the database; when it ends in a redirect (a save), the id keeps where it went,
// and a second request with the same id is sent there too, saving nothing. Anything else (a mistake
// shown on the page, a refusal) gives the id up, so the form can be corrected and sent again.
import fp from 'fastify-plugin'
import { sql } from 'kysely'
import type { Db } from '../../db/database.ts'
import { conflict } from '../../errors/domain-error.ts'

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
/** How long a second request waits for the first to finish before it is told so. */
const WAIT_MS = 5_000
const KEEP_DAYS = 2

declare module 'fastify' {
  interface FastifyRequest {
    submission?: string
  }
}

export default fp(async (app, opts: { db: Db }) => {
  const { db } = opts
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST') return
    const id = (request.body as Record<string, unknown> | undefined)?._submission
    if (typeof id !== 'string' || !ID.test(id)) return
    const claimed = await sql<{ id: string }>`
      insert into form_submissions (id, user_id, path, started_at) values (${id}, ${request.user?.id ?? null}, ${request.url}, now())
      on conflict (id) do nothing returning id`.execute(db)
    if (claimed.rows.length > 0) {
      request.submission = id
      return
    }
    // sent before: where the first went, once it has gone somewhere
    const started = Date.now()
    for (;;) {
      const row = await sql<{ done_at: Date | null; location: string | null }>`
        select done_at, location from form_submissions where id = ${id}`.execute(db)
      const first = row.rows[0]
      if (first?.done_at && first.location) return reply.redirect(first.location, 303)
      if (!first || Date.now() - started > WAIT_MS)
        throw conflict(
          'This form was sent twice. The first is being saved: look at the record in a moment before sending it again.',
        )
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  })
  app.addHook('onResponse', async (request, reply) => {
    const id = request.submission
    if (!id) return
    const location = reply.getHeader('location')
    if (reply.statusCode >= 300 && reply.statusCode < 400 && typeof location === 'string')
      await sql`update form_submissions set done_at = now(), location = ${location} where id = ${id}`.execute(db)
    else await sql`delete from form_submissions where id = ${id}`.execute(db)
    // ids are kept long enough for any resend, then forgotten
    if (Math.random() < 0.01)
      await sql`delete from form_submissions where started_at < now() - ${`${KEEP_DAYS} days`}::interval`.execute(db)
  })
})
