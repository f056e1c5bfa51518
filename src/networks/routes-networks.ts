// The networks pages: the list of networks, one network with its chart, and an analyst's decision to
// confirm or dismiss a suggested one. Each handler reads the request, asks network-views.ts and renders.
import type { FastifyPluginAsync } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import { now } from '../config/clock.ts'
import { signedIn } from '../web/guards.ts'
import { badRequest } from '../errors/domain-error.ts'
import type { Form } from '../web/forms.ts'
import { mustDecide } from './access.ts'
import { askingOf } from './asking.ts'
import { chartJson, chartOnPage, KIND_CHOICES, RELIABILITIES, type ChartQuery } from './chart-view.ts'
import { DecisionRefused, recordDecision } from './decisions-store.ts'
import { readDecisionForm } from './forms.ts'
import { networkFor, networkPage, networksList } from './network-views.ts'

const networkPages: FastifyPluginAsync<AppDeps> = async (app, { database: { db } }) => {
  app.get('/networks', { preHandler: signedIn }, async (request, reply) => {
    const asking = await askingOf(db, request)
    const page = await networksList(db, asking, now())
    return reply.render('networks-list.njk', { pageTitle: 'Networks', ...page, user: asking.user })
  })

  app.get<{ Params: { id: string }; Querystring: ChartQuery }>(
    '/networks/:id',
    { preHandler: signedIn },
    async (request, reply) => {
      const asking = await askingOf(db, request)
      const at = now()
      const found = await networkFor(db, asking, request.params.id, at)
      const page = await networkPage(db, asking, found, request.query, at)
      const id = page.network.id
      return reply.render('networks-network.njk', {
        pageTitle: page.name,
        ...page,
        chart: chartOnPage(page.chart),
        chartData: chartJson(page.chart, { kind: 'network', id }),
        query: request.query,
        kinds: KIND_CHOICES,
        reliabilities: RELIABILITIES,
        chartAction: `/networks/${id}`,
        csvHref: `/networks/${id}/links.csv`,
        planAction: `/networks/${id}/plan`,
      })
    },
  )

  app.post<{ Params: { id: string }; Body: Form }>(
    '/networks/:id/decision',
    { preHandler: [signedIn, app.csrfProtection] },
    async (request, reply) => {
      const asking = await askingOf(db, request)
      const at = now()
      const { network } = await networkFor(db, asking, request.params.id, at)
      mustDecide(asking.asker)
      const { outcome, reason, from } = readDecisionForm(request.body)
      const decision = {
        networkId: network.id,
        outcome,
        reason,
        members: network.members,
        children: network.children,
        from,
      }
      try {
        await recordDecision(db, asking.actor, decision, at)
      } catch (error) {
        if (error instanceof DecisionRefused) throw badRequest('Give a reason for the decision.')
        throw error
      }
      return reply.redirect(`/networks/${network.id}`, 303)
    },
  )
}

export default networkPages
