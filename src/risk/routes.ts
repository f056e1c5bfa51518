// Pages for risk: the panel on the child's page (band, score, the unanswered banner, the chart and the
// evidence), the screening form, the MASH queue, the unanswered list and the alerts. Every route checks
// who is asking, and every view of a child's risk is audited.
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { FormErrors, readDay } from '../web/forms.ts'
import { endOfLondonDay, isoOfDay } from '../web/date-time.ts'
import type { AppDeps } from '../web/app.ts'
import { now } from '../config/clock.ts'
import { actorOf, signedIn, userOf, viewerOf, withRole } from '../web/guards.ts'
import { badRequest, forbidden } from '../web/http-error.ts'
import { audit } from '../audit/audit.ts'
import type { Reach, Viewer } from '../access/visibility.ts'
import type { PanelContext, PersonPanel } from '../people/panels.ts'
import { childFor as childInReach } from '../people/child-in-reach.ts'
import { summaries } from '../people/people.ts'
import type { Db } from '../db/database.ts'
import { mayScreen, mayUseRiskLists, mayViewMashDecisions } from './access.ts'
import { assessArea, assessOne, type AssessedChild } from './area.ts'
import { scoreChart } from './chart.ts'
import { evidenceLines, unansweredTimeline } from './page.ts'
import { mashRoutes } from './mash-routes.ts'
import { MASH_OUTCOMES } from './mash-queue.ts'
import { completeScreening, type AddedItem, type ItemDecision } from './screening.ts'
import { riskSettings } from './settings.ts'
import { agencyContacts, currentInstrument, mashDecisionsOf, saveScreening, signerNames } from './store.ts'
import { unansweredFor, watchedChildren } from './unanswered-for.ts'
import { maintainedAlerts } from './maintained-lists.ts'
import { recentAlerts } from './recent-alerts.ts'
import './manager-section.ts'
import type { Instrument } from './instrument.ts'
import { byText, byValue, listView, type SortColumns } from '../web/list-view.ts'
import { mayEditRecord } from '../access/record-author.ts'
import { recordAuthors } from '../access/users.ts'

type Form = Record<string, string | undefined>
const ADD_ROWS = 3

/**
 * "as of" from a query (the end of that London day; 04/12/2026 or 2026-12-04), else now. A date that
 * cannot be is reported in `errors` and the page shows now, with the error summary (status 400).
 */
function asOfQuery(query: { as_of?: string }, at: Date, errors: FormErrors): { at: Date; asOf: string } {
  const day = readDay(query, 'as_of', errors, { label: 'the "as known on" date' })
  return day ? { at: endOfLondonDay(day), asOf: isoOfDay(day) } : { at, asOf: '' }
}

/** What the "as known on" form shows, and the status of a page with a mistake in it. */
function asOfView(reply: FastifyReply, query: { as_of?: string }, asOf: string, errors: FormErrors) {
  if (errors.any) reply.code(400)
  return { asOf, asOfValues: { as_of: query.as_of ?? '' }, errors: errors.any ? errors.view() : undefined }
}

/** The child's risk as this viewer may see it. */
async function riskView(db: Db, child: AssessedChild, instrument: Instrument, viewer: Viewer, reach: Reach) {
  const contacts = await agencyContacts(db)
  const r = child.risk
  const signers = await signerNames(
    db,
    child.screenings.map((s) => s.signedById).filter((x): x is number => x !== null),
  )
  return {
    risk: r,
    items: r.score.items.map((i) => ({
      code: i.code,
      label: i.label,
      domain: i.domain,
      explanation: i.explanation ?? null,
      points: i.points,
      evidence: evidenceLines(i.evidence, viewer, reach, contacts),
    })),
    restrictedAgencies: [
      ...new Set(
        r.score.items
          .flatMap((i) => evidenceLines(i.evidence, viewer, reach, contacts))
          .filter((e) => !e.shown)
          .map((e) => e.agency),
      ),
    ],
    chart: scoreChart(r.trajectory.points, r.asOf, instrument.bands),
    timeline: unansweredTimeline(
      r.unanswered,
      r.score.items.flatMap((i) => evidenceLines(i.evidence, viewer, reach, contacts)),
    ),
    screenings: [...child.screenings]
      .reverse()
      .filter((s) => Date.parse(s.signedAt) <= +r.asOf)
      .map((s) => ({ ...s, signerName: (s.signedById !== null ? signers.get(s.signedById) : null) ?? s.signedBy })),
    alerts: [...r.alerts].reverse().slice(0, 10),
    mashDecisions: (mayViewMashDecisions(reach) ? ((await mashDecisionsOf(db, [child.id])).get(child.id) ?? []) : [])
      .filter((d) => +d.decidedAt <= +r.asOf)
      .reverse()
      .map((d) => ({ ...d, outcomeWords: MASH_OUTCOMES[d.outcome] ?? d.outcome })),
  }
}

// The child's risk on their page, above the agency records (order 20).
export const riskPanel: PersonPanel = {
  id: 'risk',
  page: 'risk',
  template: 'risk-panel.njk',
  order: 20,
  async load(ctx: PanelContext) {
    const { db, record, user, viewer, at } = ctx
    if (record.reach.level === 'none') return null
    const instrument = await currentInstrument(db)
    const child = await assessOne(db, record.person_id, at, { settings: riskSettings(), instrument })
    if (!child) return null
    const view = await riskView(db, child, instrument, viewer, record.reach)
    await audit(
      db,
      { kind: 'user', userId: user.id, email: user.email, name: user.name, agency: user.agency, roles: user.roles },
      {
        action: 'view_risk',
        entityId: record.person_id,
        details: { via: 'person_page', as_of: at.toISOString(), band: child.risk.band },
      },
      ctx.now,
    )
    // a screening's wording is changed by whoever signed it, or their manager (decision 0033)
    const authors = await recordAuthors(
      db,
      view.screenings.map((s) => s.signedById),
    )
    return {
      ...view,
      screenings: view.screenings.map((s) => ({
        ...s,
        canEdit: +at >= +ctx.now && s.signedById !== null && mayEditRecord(user, authors.get(s.signedById)),
      })),
      personId: record.person_id,
      asOfPast: +at < +ctx.now,
      canScreen: mayScreen(user.roles, record.reach) && +at >= +ctx.now,
    }
  },
}

const routes: FastifyPluginAsync<AppDeps> = async (app, { database }) => {
  const db = database.db
  screeningRoutes(app, db)
  mashRoutes(app, db)
  unansweredRoute(app, db)
  alertsRoute(app, db)
}

// The screening form ---------------------------------------------------------------------------

/** The child to screen, as now, when this user may screen them; the instrument and the child assessed with it. */
async function screeningContext(db: Db, request: FastifyRequest, id: string) {
  const at = now()
  const kid = await childInReach(db, viewerOf(request), Number(id), at)
  if (!mayScreen(userOf(request).roles, kid.reach)) {
    throw forbidden(
      "A practitioner or manager who sees the child's whole record (allocated, or with access opened), or the MASH, completes a screening.",
    )
  }
  const instrument = await currentInstrument(db)
  const child = await assessOne(db, kid.id, at, { settings: riskSettings(), instrument })
  if (!child) throw badRequest('This person is not a child on the records: there is nothing to screen.')
  return { at, kid, instrument, child }
}

function screeningPage(
  ctx: Awaited<ReturnType<typeof screeningContext>>,
  request: FastifyRequest,
  view: Awaited<ReturnType<typeof riskView>>,
  form: Form,
  errors: string[],
) {
  const suggested = new Set(ctx.child.risk.score.items.map((i) => i.code))
  return {
    kid: ctx.kid,
    instrument: ctx.instrument,
    view,
    form,
    errors,
    addRows: [...Array(ADD_ROWS).keys()].map((n) => n + 1),
    addable: ctx.instrument.items.filter((i) => !suggested.has(i.code)),
    bands: ctx.instrument.bands,
    pageTitle: `Risk screening: ${ctx.kid.name}`,
    user: request.user,
  }
}

/** The screening form as sent: a decision on each suggested item, the items added, and any override. */
function readScreeningForm(body: Form, items: readonly { code: string }[]) {
  const decisions: ItemDecision[] = []
  for (const item of items) {
    const d = body[`decision_${item.code}`]
    const note = body[`note_${item.code}`]?.trim()
    if (d === 'confirmed' || d === 'rejected')
      decisions.push({ code: item.code, decision: d, ...(note ? { note } : {}) })
  }
  const added: AddedItem[] = []
  for (let n = 1; n <= ADD_ROWS; n++) {
    const code = body[`add_code_${n}`]?.trim()
    if (!code) continue
    const date = body[`add_date_${n}`]?.trim()
    added.push({ code, note: body[`add_note_${n}`] ?? '', ...(date ? { date } : {}) })
  }
  const errors: string[] = []
  let override = null
  if (body.override_band) {
    const band = Number(body.override_band)
    override = { band, reason: body.override_reason ?? '' }
  } else if (body.override_reason?.trim()) errors.push('Choose the band you are setting, or leave the reason empty.')
  return { decisions, added, override, errors }
}

function screeningRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Params: { id: string } }>(
    '/people/:id/risk/screening',
    { preHandler: signedIn },
    async (request, reply) => {
      const ctx = await screeningContext(db, request, request.params.id)
      const view = await riskView(db, ctx.child, ctx.instrument, viewerOf(request), ctx.kid.reach)
      await audit(
        db,
        actorOf(request),
        { action: 'view_risk_screening', entityId: ctx.kid.id, details: { band: ctx.child.risk.band } },
        ctx.at,
      )
      return reply.render('risk-screening.njk', screeningPage(ctx, request, view, {}, []))
    },
  )

  app.post<{ Params: { id: string }; Body: Form }>(
    '/people/:id/risk/screening',
    { preHandler: [signedIn, app.csrfProtection] },
    async (request, reply) => {
      const ctx = await screeningContext(db, request, request.params.id)
      const body = request.body ?? {}
      const user = userOf(request)
      const { decisions, added, override, errors } = readScreeningForm(body, ctx.child.risk.score.items)
      const result = completeScreening(ctx.instrument, {
        suggested: ctx.child.risk.score,
        decisions,
        added,
        override,
        signedBy: user.name,
        signedAt: ctx.at,
        dateOfBirth: ctx.child.dateOfBirth,
      })
      if (!result.ok || errors.length) {
        const view = await riskView(db, ctx.child, ctx.instrument, viewerOf(request), ctx.kid.reach)
        reply.code(400)
        return reply.render(
          'risk-screening.njk',
          screeningPage(ctx, request, view, body, [...errors, ...(result.ok ? [] : result.errors)]),
        )
      }
      await saveScreening(db, actorOf(request), ctx.kid.id, result.screening, user.id)
      return reply.redirect(`/people/${ctx.kid.id}/risk`)
    },
  )
}

// The unanswered list ----------------------------------------------------------------------------
type UnansweredEntry = Awaited<ReturnType<typeof unansweredFor>>[number]
const UNANSWERED_COLUMNS: SortColumns<UnansweredEntry> = {
  name: { compare: byText((e) => e.name) },
  band: { compare: byValue((e) => e.band), natural: 'descending' },
}
function unansweredRoute(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: { as_of?: string } }>(
    '/unanswered',
    { preHandler: withRole('practitioner', 'manager', 'mash') },
    async (request, reply) => {
      if (!mayUseRiskLists(userOf(request).roles))
        throw forbidden("Your role does not give you access to children's records.")
      const current = now()
      const asOfErrors = new FormErrors()
      const { at, asOf } = asOfQuery(request.query, current, asOfErrors)
      const list = listView(await unansweredFor(db, userOf(request), at, riskSettings(), current), request.query, {
        path: '/unanswered',
        columns: UNANSWERED_COLUMNS,
        pageSize: RISK_LIST_PAGE_SIZE,
      })
      const entries = list.rows
      await audit(
        db,
        actorOf(request),
        {
          action: 'view_unanswered',
          details: { as_of: at.toISOString(), page: list.page, children: entries.map((e) => e.childId) },
        },
        current,
      )
      return reply.render('risk-unanswered.njk', {
        pageTitle: 'Unanswered: children whose rising risk has had no response',
        ...asOfView(reply, request.query, asOf, asOfErrors),
        at,
        entries: entries.map((e) => ({ ...e, timeline: unansweredTimeline(e.unanswered) })),
        list,
        workingDays: riskSettings().workingDays,
      })
    },
  )
}

// Alerts -------------------------------------------------------------------------------------------
/** How many rows the alerts and unanswered lists show at a time. */
export const RISK_LIST_PAGE_SIZE = 25
type NamedAlert = { at: Date; message: string; person?: { given_name: string | null; family_name: string | null } }
const fullName = (p?: { given_name: string | null; family_name: string | null }) =>
  p ? [p.family_name, p.given_name].filter(Boolean).join(' ') : ''
const ALERT_COLUMNS: SortColumns<NamedAlert> = {
  when: { compare: byValue((a) => a.at), natural: 'descending' },
  child: { compare: byText((a) => fullName(a.person)) },
  alert: { compare: byText((a) => a.message) },
}
function alertsRoute(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: { as_of?: string } }>(
    '/alerts',
    { preHandler: withRole('practitioner', 'manager', 'mash') },
    async (request, reply) => {
      const current = now()
      const asOfErrors = new FormErrors()
      const { at, asOf } = asOfQuery(request.query, current, asOfErrors)
      const user = userOf(request)
      const { ids, allocated } = await watchedChildren(
        db,
        { ...user, roles: user.roles.filter((r) => r !== 'manager') },
        at,
      )
      // today's list is the maintained one (maintained-lists.ts); an "as known on" day computes with the same rule
      const listed =
        ids && ids.length === 0
          ? []
          : ((+at === +current ? await maintainedAlerts(db, current, ids) : null) ??
            recentAlerts(await assessArea(db, at, { ...(ids ? { ids } : {}), settings: riskSettings() }), at))
      const alerts = listed.map((a) => ({ ...a, allocated: allocated.has(a.childId) }))
      const people = await summaries(db, [...new Set(alerts.map((a) => a.childId))], at)
      const named = alerts.map((a) => ({ ...a, person: people.get(a.childId) }))
      const list = listView(named, request.query, {
        path: '/alerts',
        columns: ALERT_COLUMNS,
        pageSize: RISK_LIST_PAGE_SIZE,
        defaultSort: { sort: 'when' },
      })
      await audit(
        db,
        actorOf(request),
        {
          action: 'view_risk_alerts',
          details: {
            as_of: at.toISOString(),
            page: list.page,
            children: [...new Set(list.rows.map((a) => a.childId))],
          },
        },
        current,
      )
      return reply.render('risk-alerts.njk', {
        pageTitle: 'Risk alerts',
        ...asOfView(reply, request.query, asOf, asOfErrors),
        at,
        forMash: ids === null,
        alerts: list.rows,
        list,
      })
    },
  )
}

export default routes
