// The exports of link charts: a network's or a person's links as a CSV table, and the note that a chart
// was saved as a picture in the browser (the picture is made there; the export is audited here).
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import { now } from '../config/clock.ts'
import { signedIn } from '../web/guards.ts'
import { badRequest } from '../errors/domain-error.ts'
import { formatRows } from '../cli/output.ts'
import { text, type Form } from '../web/forms.ts'
import { mustExportCharts } from './access.ts'
import { askingOf } from './asking.ts'
import type { ChartQuery } from './chart-view.ts'
import { LINK_ROW_COLUMNS } from './link-rows.ts'
import { auditChartExported, auditChartPicture, personChart } from './link-views.ts'
import { networkFor, networkLinksExport } from './network-views.ts'

function csvReply(reply: FastifyReply, name: string, rows: object[]) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}"`)
    .send(formatRows(LINK_ROW_COLUMNS as string[], rows, 'csv'))
}

const exportRoutes: FastifyPluginAsync<AppDeps> = async (app, { database: { db } }) => {
  app.get<{ Params: { id: string }; Querystring: ChartQuery }>(
    '/networks/:id/links.csv',
    { preHandler: signedIn },
    async (request, reply) => {
      const asking = await askingOf(db, request)
      const at = now()
      const found = await networkFor(db, asking, request.params.id, at)
      const rows = await networkLinksExport(db, asking, found, request.query, at)
      return csvReply(reply, `network-${found.network.id}-links.csv`, rows)
    },
  )

  app.get<{ Params: { id: string }; Querystring: ChartQuery }>(
    '/people/:id/links.csv',
    { preHandler: signedIn },
    async (request, reply) => {
      const asking = await askingOf(db, request)
      const at = now()
      const shown = await personChart(db, asking, Number(request.params.id), request.query, at)
      await auditChartExported(db, asking, shown, request.query, at)
      return csvReply(reply, `person-${shown.id}-links.csv`, shown.chart.rows)
    },
  )

  app.post<{ Body: Form }>(
    '/links/chart-exported',
    { preHandler: [signedIn, app.csrfProtection] },
    async (request, reply) => {
      const asking = await askingOf(db, request)
      mustExportCharts(asking.asker)
      const kind = text(request.body, 'subject_kind')
      const subject = text(request.body, 'subject_id')
      if ((kind !== 'person' && kind !== 'network') || !subject) throw badRequest('Say which chart was exported.')
      const nodes = Number(text(request.body, 'nodes') || 0) || null
      await auditChartPicture(db, asking, { kind, subject, nodes }, now())
      return reply.code(204).send()
    },
  )
}

export default exportRoutes
