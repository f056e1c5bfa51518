// The link pages: a person's link chart (a child or an adult) and the shared-association alerts. Each
// handler reads the request, asks link-views.ts and renders.
import type { FastifyPluginAsync } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import { now } from '../config/clock.ts'
import { signedIn } from '../web/guards.ts'
import { askingOf } from './asking.ts'
import { chartJson, chartOnPage, KIND_CHOICES, RELIABILITIES, type ChartQuery } from './chart-view.ts'
import { auditChartViewed, personChart, sharedLinksPage } from './link-views.ts'
import { personPage } from '../people/person-pages.ts'
import { canAskForAccess } from '../access/visibility.ts'

const linkPages: FastifyPluginAsync<AppDeps> = async (app, { database: { db } }) => {
  app.get<{ Params: { id: string }; Querystring: ChartQuery }>(
    '/people/:id/links',
    { preHandler: signedIn },
    async (request, reply) => {
      const asking = await askingOf(db, request)
      const at = now()
      const shown = await personChart(db, asking, Number(request.params.id), request.query, at)
      const { id, name, chart, steps } = shown
      // a person since merged: the current person's link chart, with the same query
      if (id !== Number(request.params.id)) {
        const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : ''
        return reply.redirect(`/people/${id}/links${query}`)
      }
      await auditChartViewed(db, asking, shown, at)
      // the page of the person's record it is (identity, sub-navigation, the links page's panels);
      // the chart's own audit entry is the view
      const page = await personPage(db, asking, id, 'links', { at }, at, { audit: false })
      return reply.render('networks-chart.njk', {
        ...page,
        pageHeading: 'Links',
        canAsk: canAskForAccess(asking.viewer, page.record.reach),
        personId: id,
        name,
        chart: chartOnPage(chart),
        steps,
        chartData: chartJson(chart, { kind: 'person', id: String(id) }),
        query: request.query,
        kinds: KIND_CHOICES,
        reliabilities: RELIABILITIES,
        chartAction: `/people/${id}/links`,
        csvHref: `/people/${id}/links.csv`,
      })
    },
  )

  app.get('/links/shared', { preHandler: signedIn }, async (request, reply) => {
    const rows = await sharedLinksPage(db, await askingOf(db, request), now())
    return reply.render('networks-shared.njk', { pageTitle: 'Shared links', rows })
  })
}

export default linkPages
