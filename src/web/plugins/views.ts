// Server-rendered pages: Nunjucks with the GOV.UK Frontend and MOJ Frontend templates. Each
// capability keeps its own views/ folder; all of them are on the search path.
import fp from 'fastify-plugin'
import type { FastifyRequest } from 'fastify'
import nunjucks from 'nunjucks'
import { randomUUID } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { projectRequire, sourcePath } from '../../config/paths.ts'
import { registerFilters } from '../filters.ts'
import { navigationSections } from '../navigation.ts'
import { setting } from '../../config/settings.ts'
import { DATE_HINT, TIME_HINT } from '../date-time.ts'
import { secondsUntil } from './sessions.ts'

const src = sourcePath()
export const govukDist = join(dirname(projectRequire.resolve('govuk-frontend/package.json')), 'dist')
export const mojRoot = dirname(projectRequire.resolve('@ministryofjustice/frontend/package.json'))

export default fp(async (app, opts: { demo: () => boolean }) => {
  const viewDirs = readdirSync(src)
    .map((d) => join(src, d, 'views'))
    .filter((d) => existsSync(d))
  const env = nunjucks.configure([...viewDirs, govukDist, mojRoot], {
    autoescape: true,
    throwOnUndefined: false,
    noCache: setting('nodeEnv') === 'development',
  })
  registerFilters(env)
  env.addGlobal('navigationSections', navigationSections)
  // each form its own id, so that the same form sent twice is saved once (plugins/submissions.ts)
  env.addGlobal('newSubmission', () => randomUUID())
  // the hints of the shared date and time fields (views/forms.njk), from the one parser's own words
  env.addGlobal('formHints', { date: DATE_HINT, time: TIME_HINT })
  app.decorateReply(
    'render',
    function (this: import('fastify').FastifyReply, template: string, context: Record<string, unknown> = {}) {
      const request = this.request
      const html = env.render(template, {
        cspNonce: this.cspNonce?.script,
        user: request.user,
        csrfToken: (this as unknown as { generateCsrf?: () => string }).generateCsrf?.(),
        demo: opts.demo(),
        currentPath: request.url,
        session: sessionForPage(request),
        ...context,
      })
      return this.type('text/html; charset=utf-8').send(html)
    },
  )
})

/** What a signed-in page carries for the time-out warning (public/session-timeout.js): the session's end,
 *  the seconds left to it as the server counts them (the browser's own clock may be wrong), the idle time. */
function sessionForPage(request: FastifyRequest) {
  const times = request.sessionTimes
  if (!times) return null
  return {
    endsAt: times.endsAt.toISOString(),
    secondsLeft: secondsUntil(times.endsAt),
    idleMinutes: times.idleMinutes,
  }
}
