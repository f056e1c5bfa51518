// The partnership's page: the same figures as `partnership figures`, each measure's definition beside
// it, the change against the period before, charts drawn on the server with the table beside them, and
// the board pack (the suppressed CSV). Figures only: no child is named or counted out of a list a
// viewer could follow to a record. The partnership role (and anyone without casework) always sees
// small numbers hidden; the download is always suppressed. Every view and download is audited.
import { must } from '../errors/must.ts'
import type { FastifyPluginAsync } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import { actorOf, userOf, withRole } from '../web/guards.ts'
import { HttpError } from '../web/http-error.ts'
import type { NavigationItem } from '../web/navigation.ts'
import { now } from '../config/clock.ts'
import { audit } from '../audit/audit.ts'
import { listAgencies } from '../agencies/agencies.ts'
import { formatRows } from '../cli/output.ts'
import { missingSettings } from '../missing/settings.ts'
import { riskSettings } from '../risk/settings.ts'
import { FIGURE_ROLES, alwaysSuppressed, mayViewFigures } from './access.ts'
import { MEASURES, definitionOf } from './catalogue.ts'
import { partnershipFigures } from './figures.ts'
import { figureChoice, type FigureQuery } from './form.ts'
import { FIGURE_COLUMNS } from './measures.ts'
import { measureViews } from './page.ts'
import { previousPeriod } from './periods.ts'
import { overdueActionsByAgency } from '../reviews/pages.ts'
import { mayOpenReviews } from '../reviews/access.ts'

export const partnershipNavigation: NavigationItem[] = [
  { href: '/partnership', text: 'Partnership figures', roles: FIGURE_ROLES, order: 52, section: 'partnership' },
]

const routes: FastifyPluginAsync<AppDeps> = async (app, { database }) => {
  const db = database.db
  const guard = { preHandler: withRole(...FIGURE_ROLES) }

  app.get<{ Querystring: FigureQuery }>('/partnership', guard, async (request, reply) => {
    const user = userOf(request)
    if (!mayViewFigures(user.roles)) throw new HttpError(403, 'Your role does not give you access to this page.')
    const at = now()
    const choice = figureChoice(request.query, at)
    const forced = alwaysSuppressed(user.roles)
    if (!choice.periods) return reply.code(400).render('partnership-figures.njk', { ...choice, forced, sections: [] })
    const suppress = forced || choice.form.suppress
    const settings = { missing: missingSettings(), risk: riskSettings() }
    const previous = previousPeriod(choice.periods[0], choice.by)
    const [rows, agencies] = await Promise.all([
      partnershipFigures(db, { periods: [previous, ...choice.periods], asOf: choice.asOf, suppress, settings }),
      listAgencies(db),
    ])
    const definitions = new Map(MEASURES.map((m) => [m.id, definitionOf(m, settings.missing)]))
    const sections = measureViews(MEASURES, rows, choice.periods, previous, choice.by, agencies, definitions)
    await audit(
      db,
      actorOf(request),
      {
        action: 'view_partnership_figures',
        details: {
          from: choice.periods[0].start,
          to: must(choice.periods.at(-1), 'the last period').end,
          by: choice.by,
          as_of: choice.form.as_of || null,
          suppressed: suppress,
        },
      },
      at,
    )
    const download = new URLSearchParams({
      from: choice.form.from,
      to: choice.form.to,
      by: choice.form.by,
      ...(choice.form.as_of ? { as_of: choice.form.as_of } : {}),
    }).toString()
    // the agencies' overdue actions from learning reviews and self-assessments (src/reviews)
    const byAgency = mayOpenReviews(user) ? await overdueActionsByAgency(db, user, at) : null
    return reply.render('partnership-figures.njk', { ...choice, forced, suppress, sections, download, at, byAgency })
  })

  // The board pack: always suppressed, whoever downloads it.
  app.get<{ Querystring: FigureQuery }>('/partnership/figures.csv', guard, async (request, reply) => {
    const user = userOf(request)
    if (!mayViewFigures(user.roles)) throw new HttpError(403, 'Your role does not give you access to this page.')
    const at = now()
    const choice = figureChoice(request.query, at)
    if (!choice.periods) throw new HttpError(400, choice.errors.map((e) => e.text).join('. '))
    const settings = { missing: missingSettings(), risk: riskSettings() }
    const rows = await partnershipFigures(db, { periods: choice.periods, asOf: choice.asOf, suppress: true, settings })
    const from = choice.periods[0].start
    const to = must(choice.periods.at(-1), 'the last period').end
    await audit(
      db,
      actorOf(request),
      {
        action: 'download_partnership_figures',
        details: { from, to, by: choice.by, as_of: choice.form.as_of || null, suppressed: true },
      },
      at,
    )
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="partnership-figures-${from}-to-${to}.csv"`)
      .send(formatRows(FIGURE_COLUMNS, rows, 'csv'))
  })
}

export default routes
