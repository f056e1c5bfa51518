// Pages for link analysis: suggested networks (MASH and police) and confirmed ones (everyone who works
// with children), shared-association alerts, places of concern with their context plan, and the link
// chart of a person or a network with its accessible table and exports. Every page checks who is
// asking and is audited; association is never shown as fact.
import { dirname } from 'node:path'
import { projectRequire, sourcePath } from '../config/paths.ts'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import fastifyStatic from '@fastify/static'
import { DateTime } from 'luxon'
import type { AppDeps } from '../web/app.ts'
import type { Db } from '../db/database.ts'
import { endOfDayLondon, now, ZONE } from '../config/clock.ts'
import { signedIn, userOf } from '../web/guards.ts'
import { badRequest, forbidden, notFound } from '../web/http-error.ts'
import { actorOfUser, viewerOfUser, type SignedInUser } from '../web/request-context.ts'
import type { NavigationItem } from '../web/navigation.ts'
import { audit } from '../audit/audit.ts'
import type { PanelContext, PersonPanel } from '../people/panels.ts'
import { resolvePerson } from '../people/people.ts'
import { formatRows } from '../cli/output.ts'
import type { Viewer } from '../access/visibility.ts'
import { bandsOf, networksAt, rankNetworks, sharedAt } from './analysis.ts'
import {
  isMashOrPolice,
  networkVisible,
  placeVisible,
  mayDecide,
  mayPlan,
  maySeeNetworks,
  maySeePlaces,
  maySeeSharedAlerts,
  mayUseLinkCharts,
  type Asker,
} from './access.ts'
import { linkChart, type ChartFilters } from './chart.ts'
import { DecisionRefused, latestDecisionId, recordDecision } from './decisions-store.ts'
import { loadAreaLinks, type AreaLinks } from './facts.ts'
import { LINK_ROW_COLUMNS, type LinkRow } from './link-rows.ts'
import { jsonBlock } from '../web/json-block.ts'
import { placesOfConcern } from './places.ts'
import {
  addAction,
  completeAction,
  planById,
  PlanConflict,
  PlanRefused,
  planFor,
  savePlan,
  type PlanSubject,
} from './plans-store.ts'
import { linkVisibility, reachesOf, seesChild } from './viewer-reach.ts'
import { readableLabeller } from './labels.ts'
import { MEMBER_KINDS, type LinkFact, type MemberKind, type Network } from './types.ts'

const cytoscapeDist = dirname(projectRequire.resolve('cytoscape'))

const CASEWORK = ['practitioner', 'manager', 'mash']
export const networksNavigation: NavigationItem[] = [
  { href: '/networks', text: 'Networks', roles: CASEWORK, order: 60 },
  // navigation knows roles, not agencies: police officers reach these two from the networks page
  { href: '/links/shared', text: 'Shared links', roles: ['mash'], order: 61 },
  { href: '/places', text: 'Places of concern', roles: ['mash', 'manager'], order: 62 },
]

const RELIABILITIES = ['confirmed', 'tentative', 'unconfirmed', 'not_recorded']

async function askerOf(db: Db, user: SignedInUser): Promise<Asker> {
  const row = await db.selectFrom('agencies').select('kind').where('code', '=', user.agency).executeTakeFirst()
  return { roles: user.roles, agencyKind: row?.kind ?? null }
}

/** The adults a network holds only for a while (suggest.ts `provisionalDays`), named, with when they leave it. */
const provisionalView = (network: Network, label: (node: string) => string) =>
  (network.provisional ?? []).map((p) => ({
    label: label(`${p.member.kind}:${p.member.key}`),
    until: new Date(p.until),
  }))

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v !== '' ? [v] : [])
const isoDay = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined)

interface ChartQuery {
  steps?: string
  kinds?: string | string[]
  reliability?: string | string[]
  from?: string
  to?: string
  path_from?: string
  path_to?: string
}

function filtersOf(q: ChartQuery): { filters: ChartFilters; steps: number; path?: [string, string] } {
  const steps = Math.max(1, Math.min(3, Number(q.steps ?? '1') || 1))
  const kinds = list(q.kinds).filter((k): k is MemberKind => (MEMBER_KINDS as readonly string[]).includes(k))
  const reliability = list(q.reliability).filter((r) => RELIABILITIES.includes(r))
  const path = q.path_from && q.path_to ? ([q.path_from, q.path_to] as [string, string]) : undefined
  return { filters: { kinds, reliability, from: isoDay(q.from), to: isoDay(q.to) }, steps, path }
}

function csvReply(reply: FastifyReply, name: string, rows: object[]) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}"`)
    .send(formatRows(LINK_ROW_COLUMNS as string[], rows, 'csv'))
}

function parseWhen(value: string | undefined, endOfDay: boolean): Date | null {
  if (!value?.trim()) return null
  const v = value.trim()
  if (/^\d{4}-\d{2}-\d{2}$/.test(v))
    return endOfDay ? endOfDayLondon(v) : DateTime.fromISO(v, { zone: ZONE }).toJSDate()
  const d = DateTime.fromFormat(v, 'yyyy-MM-dd HH:mm', { zone: ZONE })
  return d.isValid ? d.toJSDate() : null
}

// The child's shared associations on their page, above the chronology.
export const networksPanel: PersonPanel = {
  id: 'networks-links',
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

const routes: FastifyPluginAsync<AppDeps> = async (app, { database }) => {
  const db = database.db
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

  const ask = async (request: FastifyRequest) => {
    const user = userOf(request)
    return { user, asker: await askerOf(db, user), viewer: viewerOfUser(user), actor: actorOfUser(user) }
  }

  /** Networks this viewer may see, as of now: all of them for the MASH and the police, else confirmed ones with a child they see. */
  async function visibleNetworks(viewer: Viewer, asker: Asker, at: Date) {
    const { networks, area } = await networksAt(db, { at })
    const childIds = [...new Set(networks.flatMap((n) => n.children.map(Number)))]
    const reaches = await reachesOf(db, viewer, childIds, at)
    const all = isMashOrPolice(asker)
    const shown = networks.filter((n) => networkVisible(asker, n, (c) => seesChild(reaches.get(Number(c)))))
    return { networks: shown, area, reaches, all }
  }

  app.get('/networks', { preHandler: signedIn }, async (request, reply) => {
    const { asker, viewer, actor, user } = await ask(request)
    if (!maySeeNetworks(asker)) throw forbidden("Your role does not give you access to children's records.")
    const at = now()
    const { networks, area, reaches, all } = await visibleNetworks(viewer, asker, at)
    const ranked = rankNetworks(
      networks,
      await bandsOf(db, [...new Set(networks.flatMap((n) => n.children.map(Number)))], at),
    )
    const label = await readableLabeller(
      db,
      area,
      ranked.flatMap((n) => [...n.children.map((c) => `person:${c}`), ...n.members.map((m) => `${m.kind}:${m.key}`)]),
      at,
      viewer,
      reaches,
    )
    const view = ranked.map((n) => ({
      ...n,
      childList: n.children.map((c) =>
        all || seesChild(reaches.get(Number(c)))
          ? { id: c, name: label(`person:${c}`) }
          : { id: null, name: 'a child you may not see' },
      ),
      memberList: n.members.map((m) => ({ ...m, label: label(`${m.kind}:${m.key}`) })),
      provisionalList: provisionalView(n, label),
    }))
    await audit(
      db,
      actor,
      {
        action: 'view_networks',
        details: {
          shown: view.map((n) => n.id),
          suggestions: all,
          children: namedChildren(view.map((n) => n.childList)),
        },
      },
      at,
    )
    return reply.render('networks-list.njk', {
      pageTitle: 'Networks',
      suggestions: view.filter((n) => n.status === 'suggested'),
      confirmed: view.filter((n) => n.status === 'confirmed'),
      dismissed: view.filter((n) => n.status === 'dismissed'),
      all,
      canDecide: mayDecide(asker),
      canSeePlaces: maySeePlaces(asker),
      user,
    })
  })

  async function networkFor(request: FastifyRequest, id: string) {
    const ctx = await ask(request)
    if (!maySeeNetworks(ctx.asker)) throw forbidden("Your role does not give you access to children's records.")
    const at = now()
    const found = await visibleNetworks(ctx.viewer, ctx.asker, at)
    const network = found.networks.find((n) => n.id === id)
    if (!network) throw notFound('There is no such network, or it is not shared with you.')
    return { ...ctx, ...found, network, at }
  }

  function networkChart(
    network: Network,
    area: AreaLinks,
    viewer: Viewer,
    reaches: Map<number, import('../access/visibility.ts').Reach>,
    label: (n: string) => string,
    q: ChartQuery,
  ) {
    const nodes = new Set([
      ...network.children.map((c) => `person:${c}`),
      ...network.members.map((m) => `${m.kind}:${m.key}`),
    ])
    const { filters, path } = filtersOf(q)
    const facts = area.facts.filter(
      (f) => nodes.has(`person:${f.personEntityId}`) && nodes.has(`${f.memberKind}:${f.memberKey}`),
    )
    return linkChart({
      facts,
      population: area.population,
      starts: [...nodes],
      steps: 0,
      filters,
      canSee: linkVisibility(viewer, reaches),
      label,
      pathBetween: path,
      within: nodes,
    })
  }

  app.get<{ Params: { id: string }; Querystring: ChartQuery }>(
    '/networks/:id',
    { preHandler: signedIn },
    async (request, reply) => {
      const { network, area, reaches, all, asker, viewer, actor, at } = await networkFor(request, request.params.id)
      const subjects = [
        ...new Set(
          area.facts.filter((f) => network.eventRefs.includes(f.eventRef)).map((f) => Number(f.personEntityId)),
        ),
      ]
      const allReaches = new Map([
        ...reaches,
        ...(await reachesOf(
          db,
          viewer,
          subjects.filter((s) => !reaches.has(s)),
          at,
        )),
      ])
      const label = await readableLabeller(
        db,
        area,
        [...network.children.map((c) => `person:${c}`), ...network.members.map((m) => `${m.kind}:${m.key}`)],
        at,
        viewer,
        allReaches,
      )
      const chart = networkChart(network, area, viewer, allReaches, label, request.query)
      const canSee = linkVisibility(viewer, allReaches)
      const timeline = network.eventRefs
        .map((ref) => {
          const e = area.events.get(ref)
          const fact = area.facts.find((f) => f.eventRef === ref)
          const visible = fact ? canSee(fact) : false
          return {
            ref,
            agency: e?.agency ?? ref.split(':')[0],
            occurredAt: e?.occurredAt,
            kind: visible ? e?.kind : 'restricted',
            restricted: !visible,
          }
        })
        .sort((a, b) => (a.occurredAt?.getTime() ?? 0) - (b.occurredAt?.getTime() ?? 0))
      const agencies = await db
        .selectFrom('agencies')
        .select(['code', 'name', 'contact'])
        .where('code', 'in', network.agencies.length ? network.agencies : ['-'])
        .execute()
      const plan = await planFor(db, { kind: 'network', key: network.id }, at)
      const children = network.children.map((c) =>
        all || seesChild(allReaches.get(Number(c)))
          ? { id: c, name: label(`person:${c}`) }
          : { id: null, name: 'a child you may not see' },
      )
      await audit(
        db,
        actor,
        {
          action: 'view_network',
          details: { network: network.id, status: network.status, children: namedChildren([children]) },
        },
        at,
      )
      return reply.render('networks-network.njk', {
        pageTitle: 'Network',
        network,
        chart,
        timeline,
        agencies,
        plan,
        canDecide: mayDecide(asker),
        decisionFrom: mayDecide(asker) ? await latestDecisionId(db, network.id) : null,
        canPlan: mayPlan(asker),
        children,
        adults: network.members
          .filter((m) => m.kind === 'person')
          .map((m) => ({ id: m.key, name: label(`person:${m.key}`) })),
        objects: network.members
          .filter((m) => m.kind !== 'person')
          .map((m) => ({ ...m, label: label(`${m.kind}:${m.key}`) })),
        provisionalList: provisionalView(network, label),
        chartData: chartJson(chart, { kind: 'network', id: network.id }),
        query: request.query,
        kinds: MEMBER_KINDS,
        reliabilities: RELIABILITIES,
        chartAction: `/networks/${network.id}`,
        csvHref: `/networks/${network.id}/links.csv`,
        planAction: `/networks/${network.id}/plan`,
      })
    },
  )

  app.get<{ Params: { id: string }; Querystring: ChartQuery }>(
    '/networks/:id/links.csv',
    { preHandler: signedIn },
    async (request, reply) => {
      const { network, area, reaches, viewer, actor, at } = await networkFor(request, request.params.id)
      const subjects = [...new Set(area.facts.map((f) => Number(f.personEntityId)))].filter((s) => !reaches.has(s))
      const allReaches = new Map([...reaches, ...(await reachesOf(db, viewer, subjects, at))])
      const label = await readableLabeller(
        db,
        area,
        [...network.children.map((c) => `person:${c}`), ...network.members.map((m) => `${m.kind}:${m.key}`)],
        at,
        viewer,
        allReaches,
      )
      const chart = networkChart(network, area, viewer, allReaches, label, request.query)
      await audit(
        db,
        actor,
        {
          action: 'export_links_csv',
          details: { network: network.id, rows: chart.rows.length, children: childrenOfRows(chart.rows) },
        },
        at,
      )
      return csvReply(reply, `network-${network.id}-links.csv`, chart.rows)
    },
  )

  /** The newest decision the page showed (decision_from: empty for none); absent when a script sends none. */
  const decisionFrom = (body: { decision_from?: string }) =>
    body.decision_from === undefined ? undefined : body.decision_from === '' ? null : Number(body.decision_from)

  app.post<{ Params: { id: string }; Body: { outcome?: string; reason?: string; decision_from?: string } }>(
    '/networks/:id/decision',
    { preHandler: [signedIn, app.csrfProtection] },
    async (request, reply) => {
      const { network, asker, actor, at } = await networkFor(request, request.params.id)
      if (!mayDecide(asker)) throw forbidden('Only the MASH and the police confirm or dismiss a suggested network.')
      const outcome = request.body.outcome
      if (outcome !== 'confirmed' && outcome !== 'dismissed')
        throw badRequest('Choose to confirm or dismiss the network.')
      try {
        await recordDecision(
          db,
          actor as typeof actor & { kind: 'user' },
          {
            networkId: network.id,
            outcome,
            reason: request.body.reason ?? '',
            members: network.members,
            children: network.children,
            from: decisionFrom(request.body),
          },
          at,
        )
      } catch (error) {
        if (error instanceof DecisionRefused) throw badRequest('Give a reason for the decision.')
        throw error
      }
      return reply.redirect(`/networks/${network.id}`, 303)
    },
  )

  // Shared-association alerts ---------------------------------------------------------------------
  app.get('/links/shared', { preHandler: signedIn }, async (request, reply) => {
    const { asker, actor, viewer } = await ask(request)
    if (!maySeeSharedAlerts(asker)) throw forbidden('Shared-association alerts are for the MASH and the police.')
    const at = now()
    const { shared, area } = await sharedAt(db, { at })
    const byMember = new Map<string, LinkFact[]>()
    for (const f of area.facts) {
      const k = `${f.memberKind}:${f.memberKey}`
      const l = byMember.get(k)
      if (l) l.push(f)
      else byMember.set(k, [f])
    }
    const label = await readableLabeller(
      db,
      area,
      [...shared.map((s) => `${s.kind}:${s.key}`), ...shared.flatMap((s) => s.child_ids.map((c) => `person:${c}`))],
      at,
      viewer,
      new Map(),
    )
    const rows = shared.map((s) => {
      const facts = byMember.get(`${s.kind}:${s.key}`) ?? []
      return {
        ...s,
        label: label(`${s.kind}:${s.key}`),
        children: s.child_ids.map((c) => {
          const links = facts.filter((f) => f.personEntityId === c)
          const byAgency = new Map<string, number>()
          for (const f of links) {
            const t = new Date(f.recordedAt).getTime()
            byAgency.set(f.agency, Math.min(byAgency.get(f.agency) ?? Infinity, t))
          }
          return {
            id: c,
            name: label(`person:${c}`),
            recorded: [...byAgency].sort((a, b) => a[1] - b[1]).map(([agency, t]) => ({ agency, at: new Date(t) })),
          }
        }),
      }
    })
    await audit(
      db,
      actor,
      {
        action: 'view_shared_links',
        details: { shown: rows.length, children: namedChildren(rows.map((r) => r.children)) },
      },
      at,
    )
    return reply.render('networks-shared.njk', { pageTitle: 'Shared links', rows })
  })

  // Places of concern ---------------------------------------------------------------------------
  app.get('/places', { preHandler: signedIn }, async (request, reply) => {
    const { asker, actor, viewer } = await ask(request)
    if (!placeVisible(asker)) throw forbidden('Places of concern are for the MASH, the police and managers.')
    const at = now()
    const area = await loadAreaLinks(db, at)
    const places = placesOfConcern(area.facts, { population: area.population, asOf: at })
    const label = await readableLabeller(
      db,
      area,
      places.map((p) => `location:${p.key}`),
      at,
      viewer,
      new Map(),
    )
    const plans = await db
      .selectFrom('context_plans')
      .select(['subject_key', 'title'])
      .where('subject_kind', '=', 'location')
      .execute()
    const planOf = new Map(plans.map((p) => [p.subject_key, p.title]))
    await audit(
      db,
      actor,
      {
        action: 'view_places',
        details: { shown: places.length, children: [...new Set(places.flatMap((p) => p.children.map(Number)))] },
      },
      at,
    )
    return reply.render('networks-places.njk', {
      pageTitle: 'Places of concern',
      places: places.map((p) => ({
        ...p,
        label: label(`location:${p.key}`).replace(/^location /, ''),
        plan: planOf.get(p.key) ?? null,
      })),
    })
  })

  async function placeFor(request: FastifyRequest, key: string) {
    const ctx = await ask(request)
    if (!placeVisible(ctx.asker)) throw forbidden('Places of concern are for the MASH, the police and managers.')
    const at = now()
    const area = await loadAreaLinks(db, at)
    const place = placesOfConcern(area.facts, { population: area.population, asOf: at, minChildren: 1 }).find(
      (p) => p.key === key,
    )
    const plan = await planFor(db, { kind: 'location', key }, at)
    if (!place && !plan) throw notFound('There is no such place of concern.')
    return { ...ctx, area, place, plan, at }
  }

  app.get<{ Params: { key: string } }>('/places/:key', { preHandler: signedIn }, async (request, reply) => {
    const { area, place, plan, viewer, asker, actor, at } = await placeFor(request, request.params.key)
    const key = request.params.key
    const facts = area.facts.filter((f) => f.memberKind === 'location' && f.memberKey === key)
    const reaches = await reachesOf(db, viewer, [...new Set(facts.map((f) => Number(f.personEntityId)))], at)
    const all = isMashOrPolice(asker)
    const label = await readableLabeller(
      db,
      area,
      [`location:${key}`, ...facts.map((f) => `person:${f.personEntityId}`)],
      at,
      viewer,
      reaches,
    )
    const chart = linkChart({
      facts,
      population: area.population,
      starts: [`location:${key}`],
      steps: 1,
      canSee: linkVisibility(viewer, reaches),
      label,
    })
    const children = (place?.children ?? []).map((c) =>
      all || seesChild(reaches.get(Number(c)))
        ? { id: c, name: label(`person:${c}`) }
        : { id: null, name: 'a child you may not see' },
    )
    await audit(
      db,
      actor,
      {
        action: 'view_place',
        details: {
          place: key,
          children: [...new Set([...namedChildren([children]), ...childrenOfRows(chart.rows)])],
        },
      },
      at,
    )
    return reply.render('networks-place.njk', {
      pageTitle: 'Place of concern',
      key,
      label: label(`location:${key}`).replace(/^location /, ''),
      place: place ?? null,
      plan,
      rows: chart.rows,
      children,
      canPlan: mayPlan(asker),
      planAction: `/places/${encodeURIComponent(key)}/plan`,
    })
  })

  async function planPost(
    request: FastifyRequest<{ Body: Record<string, string | undefined> }>,
    reply: FastifyReply,
    subject: PlanSubject,
    back: string,
  ) {
    const { asker, actor } = await ask(request)
    if (!mayPlan(asker)) throw forbidden('Only the MASH, the police and managers make plans about places and groups.')
    const conference = request.body.conference_at ? parseWhen(request.body.conference_at, false) : null
    if (request.body.conference_at && !conference)
      throw badRequest('Give the conference date as YYYY-MM-DD or YYYY-MM-DD HH:MM.')
    const versionText = request.body.version ?? ''
    if (versionText && !/^\d{1,9}$/.test(versionText))
      throw badRequest('The form was not sent whole: open the page again.')
    const yours = { title: request.body.title ?? '', plan: request.body.plan ?? '', conferenceAt: conference }
    try {
      await savePlan(
        db,
        actor as typeof actor & { kind: 'user' },
        subject,
        yours,
        versionText ? Number(versionText) : null,
        now(),
      )
    } catch (error) {
      if (error instanceof PlanRefused) throw badRequest('Give the plan a title.')
      // both versions: theirs as saved, yours as sent, to compare and save again from theirs
      if (error instanceof PlanConflict)
        return reply.code(409).render('networks-plan-conflict.njk', { theirs: error.current, yours, back })
      throw error
    }
    return reply.redirect(back, 303)
  }

  app.post<{ Params: { key: string }; Body: Record<string, string | undefined> }>(
    '/places/:key/plan',
    { preHandler: [signedIn, app.csrfProtection] },
    async (request, reply) => {
      await placeFor(request, request.params.key)
      return planPost(
        request,
        reply,
        { kind: 'location', key: request.params.key },
        `/places/${encodeURIComponent(request.params.key)}`,
      )
    },
  )

  app.post<{ Params: { id: string }; Body: Record<string, string | undefined> }>(
    '/networks/:id/plan',
    { preHandler: [signedIn, app.csrfProtection] },
    async (request, reply) => {
      await networkFor(request, request.params.id)
      return planPost(request, reply, { kind: 'network', key: request.params.id }, `/networks/${request.params.id}`)
    },
  )

  const planPage = (p: { subject_kind: string; subject_key: string }) =>
    p.subject_kind === 'location' ? `/places/${encodeURIComponent(p.subject_key)}` : `/networks/${p.subject_key}`

  app.post<{ Params: { id: string }; Body: Record<string, string | undefined> }>(
    '/context-plans/:id/actions',
    { preHandler: [signedIn, app.csrfProtection] },
    async (request, reply) => {
      const { asker, actor } = await ask(request)
      if (!mayPlan(asker)) throw forbidden('Only the MASH, the police and managers make plans about places and groups.')
      const plan = await planById(db, Number(request.params.id))
      if (!plan) throw notFound('There is no such plan.')
      const due = parseWhen(request.body.due, true)
      if (!due) throw badRequest('Give the due date as YYYY-MM-DD.')
      try {
        await addAction(
          db,
          actor as typeof actor & { kind: 'user' },
          plan.id,
          { title: request.body.title ?? '', owner: request.body.owner ?? '', dueAt: due },
          now(),
        )
      } catch (error) {
        if (error instanceof PlanRefused) throw badRequest('An action needs a title and an owner.')
        throw error
      }
      return reply.redirect(planPage(plan), 303)
    },
  )

  app.post<{ Params: { id: string; action: string } }>(
    '/context-plans/:id/actions/:action/done',
    { preHandler: [signedIn, app.csrfProtection] },
    async (request, reply) => {
      const { asker, actor } = await ask(request)
      if (!mayPlan(asker)) throw forbidden('Only the MASH, the police and managers make plans about places and groups.')
      const plan = await planById(db, Number(request.params.id))
      if (!plan) throw notFound('There is no such plan.')
      try {
        await completeAction(
          db,
          actor as typeof actor & { kind: 'user' },
          plan.id,
          Number(request.params.action),
          now(),
        )
      } catch (error) {
        if (error instanceof PlanRefused) throw badRequest('There is no such open action.')
        throw error
      }
      return reply.redirect(planPage(plan), 303)
    },
  )

  // The link chart of a person (a child or an adult) ------------------------------------------------
  async function personChart(request: FastifyRequest<{ Params: { id: string }; Querystring: ChartQuery }>) {
    const ctx = await ask(request)
    if (!mayUseLinkCharts(ctx.asker)) throw forbidden("Your role does not give you access to children's records.")
    const requested = Number(request.params.id)
    if (!Number.isInteger(requested) || requested <= 0) throw notFound('There is no person with this reference.')
    const id = await resolvePerson(db, requested)
    if (id === null) throw notFound('There is no person with this reference.')
    const at = now()
    const area = await loadAreaLinks(db, at)
    const reaches = await reachesOf(
      db,
      ctx.viewer,
      [...new Set([id, ...area.facts.map((f) => Number(f.personEntityId))])],
      at,
    )
    if (reaches.get(id)?.level === 'none') throw forbidden("Your role does not give you access to children's records.")
    const { filters, steps, path } = filtersOf(request.query)
    const canSee = linkVisibility(ctx.viewer, reaches)
    // labels for every node the chart may show, read once
    const draft = linkChart({
      facts: area.facts,
      population: area.population,
      starts: [`person:${id}`],
      steps,
      filters,
      canSee,
      label: (n) => n,
      pathBetween: path,
    })
    const label = await readableLabeller(
      db,
      area,
      draft.nodes.map((n) => n.id),
      at,
      ctx.viewer,
      reaches,
    )
    const chart = linkChart({
      facts: area.facts,
      population: area.population,
      starts: [`person:${id}`],
      steps,
      filters,
      canSee,
      label,
      pathBetween: path,
    })
    return { ...ctx, id, at, chart, steps, name: label(`person:${id}`) }
  }

  app.get<{ Params: { id: string }; Querystring: ChartQuery }>(
    '/people/:id/links',
    { preHandler: signedIn },
    async (request, reply) => {
      const { id, at, chart, steps, name, actor } = await personChart(request)
      await audit(
        db,
        actor,
        {
          action: 'view_link_chart',
          entityId: id,
          details: { steps, nodes: chart.nodes.length, links: chart.rows.length, children: childrenOfChart(chart, id) },
        },
        at,
      )
      return reply.render('networks-chart.njk', {
        pageTitle: `Links of ${name}`,
        personId: id,
        name,
        chart,
        steps,
        chartData: chartJson(chart, { kind: 'person', id: String(id) }),
        query: request.query,
        kinds: MEMBER_KINDS,
        reliabilities: RELIABILITIES,
        chartAction: `/people/${id}/links`,
        csvHref: `/people/${id}/links.csv`,
      })
    },
  )

  app.get<{ Params: { id: string }; Querystring: ChartQuery }>(
    '/people/:id/links.csv',
    { preHandler: signedIn },
    async (request, reply) => {
      const { id, at, chart, actor } = await personChart(request)
      await audit(
        db,
        actor,
        {
          action: 'export_links_csv',
          entityId: id,
          details: { rows: chart.rows.length, query: request.query, children: childrenOfChart(chart, id) },
        },
        at,
      )
      return csvReply(reply, `person-${id}-links.csv`, chart.rows)
    },
  )

  // The chart exported as an image in the browser: the export is audited here.
  app.post<{ Body: { subject_kind?: string; subject_id?: string; nodes?: string } }>(
    '/links/chart-exported',
    { preHandler: [signedIn, app.csrfProtection] },
    async (request, reply) => {
      const { asker, actor } = await ask(request)
      if (!mayUseLinkCharts(asker)) throw forbidden()
      const kind = request.body.subject_kind
      const subject = request.body.subject_id ?? ''
      if ((kind !== 'person' && kind !== 'network') || !subject) throw badRequest('Say which chart was exported.')
      await audit(
        db,
        actor,
        {
          action: 'export_link_chart_png',
          entityId: kind === 'person' && /^\d+$/.test(subject) ? Number(subject) : null,
          details: { subject_kind: kind, subject, nodes: Number(request.body.nodes ?? 0) || null },
        },
        now(),
      )
      return reply.code(204).send()
    },
  )
}

/** The ids of the children a list names (those shown as "a child you may not see" are not named). */
function namedChildren(lists: readonly (readonly { id: string | null }[])[]): number[] {
  return [...new Set(lists.flatMap((l) => l.filter((c) => c.id !== null).map((c) => Number(c.id))))]
}

/** The people a link table names: the subject of every row. */
function childrenOfRows(rows: readonly LinkRow[]): number[] {
  return [...new Set(rows.map((r) => Number(r.personId)))]
}

/** The people a chart draws besides its subject (children and adults: "who viewed" is per person). */
function childrenOfChart(chart: ReturnType<typeof linkChart>, subject: number): number[] {
  return [
    ...new Set(
      chart.nodes.filter((n) => n.kind === 'person' && n.id !== `person:${subject}`).map((n) => Number(n.id.slice(7))),
    ),
  ]
}

/** What the browser draws: compact, in a JSON block (never inline script). */
function chartJson(chart: ReturnType<typeof linkChart>, subject: { kind: 'person' | 'network'; id: string }): string {
  return jsonBlock({
    subject,
    nodes: chart.nodes.map((n) => ({ id: n.id, label: n.label, kind: n.kind, child: n.child, step: n.step })),
    edges: chart.edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      kinds: e.kinds,
      roles: e.roles,
      agencies: e.agencies,
      reliability: e.reliability,
      first: e.first.slice(0, 10),
      last: e.last.slice(0, 10),
      count: e.count,
      restricted: e.restricted,
    })),
    path: chart.path,
  })
}

export default routes
