// The web app and the JSON API, as a table of contents: plumbing first, then each capability's routes
// (from the list the caller passes in, src/capabilities.ts).
import Fastify, { type FastifyInstance } from 'fastify'
import formbody from '@fastify/formbody'
import type { Database } from '../db/database.ts'
import type { Config } from '../config/config.ts'
import type { Capability } from '../capability.ts'
import { withClock, type Clock } from '../config/clock.ts'
import security from './plugins/security.ts'
import csrf from './plugins/csrf.ts'
import sessions from './plugins/sessions.ts'
import submissions from './plugins/submissions.ts'
import apiAuth from './plugins/api-auth.ts'
import views from './plugins/views.ts'
import assets from './plugins/assets.ts'
import errors from './plugins/errors.ts'
import openapi from './plugins/openapi.ts'
import input from './plugins/input.ts'
import { cookieSecret } from './secrets.ts'

export interface AppDeps {
  database: Database
  config: Config
  /** what each capability plugs in (src/capabilities.ts): the app registers their routes in this order */
  capabilities: readonly Capability[]
  logger?: boolean | object
  /** "Now" for every request (tests replaying a moment); else THREADLINE_NOW or the machine's clock. */
  clock?: Clock
}

export type Services = AppDeps

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { database, config } = deps
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
  })
  // a clock passed in is "now" for the whole of each request, from the first hook (web/clock.test.ts)
  const { clock } = deps
  if (clock) app.addHook('onRequest', (_request, _reply, done) => withClock(clock, done))
  await app.register(security)
  await app.register(formbody)
  await app.register(csrf, { secret: await cookieSecret(database.db), secure: config.secureCookies })
  await app.register(sessions, {
    db: database.db,
    secure: config.secureCookies,
    hours: config.sessionHours,
    idleMinutes: config.sessionIdleMinutes,
  })
  await app.register(apiAuth, { db: database.db })
  await app.register(submissions, { db: database.db })
  await app.register(views, { demo: () => demoFlag.value })
  await app.register(assets)
  await app.register(errors)
  await app.register(input)
  await app.register(openapi)
  const demoFlag = {
    value:
      (await database.db.selectFrom('agencies').select('code').where('is_demo', '=', true).limit(1).execute()).length >
      0,
  }
  for (const capability of deps.capabilities)
    for (const routes of capability.routes ?? []) await app.register(routes, deps)
  app.addHook('onReady', async () => {
    demoFlag.value =
      (await database.db.selectFrom('agencies').select('code').where('is_demo', '=', true).limit(1).execute()).length >
      0
  })
  return app
}
