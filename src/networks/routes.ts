// Pages for link analysis: suggested networks (MASH and police) and confirmed ones (everyone who works
// with children), shared-association alerts, places of concern with their context plan, and the link
// chart of a person or a network with its accessible table and exports. Every page checks who is
// asking and is audited; association is never shown as fact. This file registers the capability's
// navigation, its panel on a person's page, its assets and one plugin per page group (routes-*.ts).
import { CASEWORK_ROLES } from '../vocabulary/roles.ts'
import { dirname } from 'node:path'
import { projectRequire, sourcePath } from '../config/paths.ts'
import type { FastifyPluginAsync } from 'fastify'
import fastifyStatic from '@fastify/static'
import type { AppDeps } from '../web/app.ts'
import type { NavigationItem } from '../web/navigation.ts'
import type { PanelContext, PersonPanel } from '../people/panels.ts'
import { sharedAt } from './analysis.ts'
import { askerOf, maySeeSharedAlerts, mayUseLinkCharts } from './access.ts'
import { loadAreaLinks } from './facts.ts'
import { readableLabeller } from './labels.ts'
import networkPages from './routes-networks.ts'
import linkPages from './routes-links.ts'
import placePages from './routes-places.ts'
import exportRoutes from './routes-exports.ts'

const cytoscapeDist = dirname(projectRequire.resolve('cytoscape'))

export const networksNavigation: NavigationItem[] = [
  { href: '/networks', text: 'Networks', roles: CASEWORK_ROLES, order: 60, section: 'networks' },
  // navigation knows roles, not agencies: police officers reach these two from the networks page
  { href: '/links/shared', text: 'Shared links', roles: ['mash'], order: 61, section: 'networks' },
  { href: '/places', text: 'Places of concern', roles: ['mash', 'manager'], order: 62, section: 'networks' },
]

// The child's shared associations on their page, above the chronology.
export const networksPanel: PersonPanel = {
  id: 'networks-links',
  page: 'links',
  template: 'networks-panel.njk',
  order: 70,
  async load(ctx: PanelContext) {
    const { db, record, user, at } = ctx
    const asker = await askerOf(db, user)
    if (!mayUseLinkCharts(asker)) return null
    const personId = record.person_id
    if (!maySeeSharedAlerts(asker)) return { personId, shared: null }
    const area = await loadAreaLinks(db, at)
    const node = String(personId)
    const { shared } = await sharedAt(db, { at, area })
    const mine = shared.filter((s) => s.child_ids.includes(node))
    const label = await readableLabeller(
      db,
      area,
      [...mine.map((s) => `${s.kind}:${s.key}`), ...mine.flatMap((s) => s.child_ids.map((c) => `person:${c}`))],
      at,
      ctx.viewer,
      new Map(),
    )
    return {
      personId,
      shared: mine.map((s) => ({
        ...s,
        label: label(`${s.kind}:${s.key}`),
        others: s.child_ids.filter((c) => c !== node).map((c) => ({ id: c, name: label(`person:${c}`) })),
      })),
    }
  },
}

const routes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  await app.register(fastifyStatic, {
    root: cytoscapeDist,
    prefix: '/networks-assets/vendor/',
    decorateReply: false,
    maxAge: '1h',
    allowedPath: (p) => p === '/cytoscape.min.js',
  })
  await app.register(fastifyStatic, {
    root: sourcePath('networks', 'public'),
    prefix: '/networks-assets/',
    decorateReply: false,
    maxAge: '1h',
  })
  await app.register(networkPages, deps)
  await app.register(linkPages, deps)
  await app.register(placePages, deps)
  await app.register(exportRoutes, deps)
}

export default routes
