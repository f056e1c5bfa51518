// Pages for missing episodes: the child's missing history on their page (and the Philomena profile
// at the top while they are missing), recording an episode, its return, the return interview and
// the strategy discussion's plan, the return-interview work list, the figures, and the profile.
import { readFileSync } from 'node:fs'
import { sourcePath } from '../config/paths.ts'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import multipart from '@fastify/multipart'
import type { AppDeps } from '../web/app.ts'
import './panels.ts'
import { endOfDayLondon, now } from '../config/clock.ts'
import { actorOf, signedIn, userOf, viewerOf, withRole } from '../web/guards.ts'
import { badRequest, forbidden, notFound } from '../web/http-error.ts'
import { audit } from '../audit/audit.ts'
import { allocatableUsers } from '../people/allocations.ts'
import { summaries } from '../people/people.ts'
import { interviewRecordProblems } from './interviews.ts'
import { interviewFigures } from './figures.ts'
import { MISSING_FROM, RISK_GRADINGS, type RecordedEvent } from './types.ts'
import { missingSettings } from './settings.ts'
import { areaAgencyOf, interviewWork, loadMissingState, type InterviewWork } from './lists.ts'
import { onWorkList } from './responsibility.ts'
import { asSent, editedOnEpisodePage, localTime, namedPeople, places, text, things } from './page-input.ts'
import { FormErrors, dateTimeValues, hasDate, readDateTime } from '../web/forms.ts'
import { spokenTime } from '../web/date-time.ts'
import { label } from '../web/filters.ts'
import { childFor } from '../people/child-in-reach.ts'
import {
  agencyKind,
  allocatedChildren,
  assignInterview,
  currentAssignments,
  newSourceId,
  photoOf,
  PROFILE_FIELDS,
  recordOnPage,
  RecordChanged,
  versionOf,
  ProfileConflict,
  saveProfile,
  visibleVersions,
} from './store.ts'
import {
  imageType,
  mayAssign,
  mayRecordEpisode,
  mayRecordInterview,
  mayRecordStrategy,
  maySeeFigures,
  mayUseWorkList,
} from './access.ts'
import { historyFor, profileAccess } from './page-data.ts'
import './manager-section.ts'
import { checkFormOnSave } from '../language/storage.ts'

const PRINT_CSS = readFileSync(sourcePath('missing', 'views', 'missing-print.css'), 'utf8')
const MAX_PHOTO_BYTES = 5 * 1024 * 1024

type Form = Record<string, string | undefined>

/** A manager assigns the open interviews their agency is responsible for or whose episode it reported; the MASH any. */
const mayAssignRow = (user: { roles: string[]; agency: string }, w: InterviewWork) =>
  mayAssign(user.roles) &&
  (w.row.status === 'due' || w.row.status === 'overdue') &&
  (user.roles.includes('mash') || w.responsible.agency === user.agency || w.row.episode.agencies.includes(user.agency))

const routes: FastifyPluginAsync<AppDeps> = async (app, { database }) => {
  const db = database.db
  missingSettings() // a bad THREADLINE_INTERVIEW_HOURS / _REPEAT_* stops the server at start, naming the variable
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 20, fieldSize: 20_000 },
    async onFile(part) {
      const data = await part.toBuffer()
      ;(part as unknown as { value: unknown }).value = { data, filename: part.filename, mimetype: part.mimetype }
    },
  })

  const child = (request: FastifyRequest, id: string, at: Date) => childFor(db, viewerOf(request), Number(id), at)

  // Recording an episode, or its return --------------------------------------------------------
  async function episodeForm(request: FastifyRequest, id: string, source: string | undefined) {
    const at = now()
    const kid = await child(request, id, at)
    const kind = await agencyKind(db, userOf(request).agency)
    if (!mayRecordEpisode(userOf(request).roles, kind))
      throw forbidden("Police and care providers' staff record missing episodes.")
    let current: RecordedEvent | null = null
    if (source) {
      if (!source.startsWith(`${userOf(request).agency}:`))
        throw forbidden("You can update only your own agency's report of an episode.")
      const versions = await visibleVersions(db, viewerOf(request), kid.reach, kid.id)
      current =
        versions
          .filter((v) => `${v.event.agency}:${v.event.source_id}` === source && v.event.kind === 'missing_episode')
          .pop() ?? null
      if (!current) throw notFound('There is no such episode report.')
    }
    return { at, kid, current }
  }

  /** The episode report's values as the form shows them, with the version the page was made from. */
  const episodeValues = (current: RecordedEvent): Form => {
    const e = current.event
    return {
      version: versionOf(current.recordedAt),
      source: `${e.agency}:${e.source_id}`,
      ...dateTimeValues('started', e.occurred_at),
      ...dateTimeValues('returned', e.ended_at ?? null),
      reported_by: e.extra?.reported_by as string,
      missing_from: e.extra?.missing_from as string,
      risk_grading: e.extra?.risk_grading as string,
      risk_reviews: e.extra?.risk_reviews as string,
      last_seen: e.extra?.last_seen as string,
      found_by: e.extra?.found_by as string,
      summary: e.summary,
      found_at: e.involves
        .filter((i) => i.kind === 'location' && i.role === 'found_at')
        .map((i) => (i.kind === 'location' ? i.display : ''))
        .join('\n'),
      found_with_vehicles: e.involves
        .filter((i) => i.kind === 'vehicle' && i.role === 'found_with')
        .map((i) => (i.kind === 'vehicle' ? i.display : ''))
        .join('\n'),
    }
  }

  const episodePage = (
    kid: { id: number; name: string },
    form: Form,
    e: RecordedEvent['event'] | null,
    errors?: FormErrors,
  ) => ({
    kid,
    form,
    errors: errors?.view(),
    missingFrom: MISSING_FROM.map((m) => ({ value: m, text: label(m) })),
    gradings: RISK_GRADINGS.map((g) => ({ value: g, text: label(g) })),
    keptPeople: e ? e.involves.filter((i) => !editedOnEpisodePage(i)).length : 0,
  })

  app.get<{ Params: { id: string }; Querystring: { source?: string } }>(
    '/people/:id/missing/episode',
    { preHandler: signedIn },
    async (request, reply) => {
      const { at, kid, current } = await episodeForm(request, request.params.id, request.query.source)
      const e = current?.event
      await audit(
        db,
        actorOf(request),
        { action: 'view_missing_episode_form', entityId: kid.id, details: { source: request.query.source ?? null } },
        at,
      )
      const form: Form = current ? episodeValues(current) : {}
      return reply.render('missing-episode.njk', episodePage(kid, form, e ?? null))
    },
  )

  app.post<{ Params: { id: string }; Body: Form }>(
    '/people/:id/missing/episode',
    { preHandler: [signedIn, app.csrfProtection] },
    async (request, reply) => {
      const body = request.body ?? {}
      const { at, kid, current } = await episodeForm(request, request.params.id, text(body.source))
      const user = userOf(request)
      const errors = new FormErrors()
      const started = readDateTime(body, 'started', errors, {
        label: 'the date the child went missing',
        required: true,
        timeRequired: true,
        notAfter: at,
      })
      const returned = readDateTime(body, 'returned', errors, {
        label: 'the date the child was found or returned',
        timeRequired: hasDate(body, 'returned'),
        notAfter: at,
        ...(started
          ? {
              notBefore: {
                at: started,
                message: `The return must be after the child went missing (${spokenTime(started)})`,
              },
            }
          : {}),
      })
      if (body.missing_from && !(MISSING_FROM as readonly string[]).includes(body.missing_from))
        errors.add('missing_from', 'Choose where the child went missing from')
      if (body.risk_grading && !(RISK_GRADINGS as readonly string[]).includes(body.risk_grading))
        errors.add('risk_grading', 'Choose a risk grading')
      if (errors.any)
        return reply.code(400).render('missing-episode.njk', episodePage(kid, body, current?.event ?? null, errors))
      const startedAt = started!.toISOString()
      const returnedAt = returned ? returned.toISOString() : null
      const sourceId = current ? current.event.source_id : newSourceId()
      const recordedAt = at.toISOString()
      const seen = current
        ? { agency: current.event.agency, sourceId: current.event.source_id, recordedAt: text(body.version) || null }
        : undefined
      const saving = recordOnPage(
        db,
        actorOf(request),
        user,
        kid.id,
        at,
        (subject) => {
          const people = namedPeople(body.found_with_people, user.agency, 'found_with', newSourceId, recordedAt)
          // an update re-sends the report whole: what the page does not edit is kept as it was
          const before = current?.event
          const kept = before ? before.involves.filter((i) => !editedOnEpisodePage(i)).map(asSent) : []
          const event = {
            ...(before
              ? {
                  ...before.extra,
                  details: before.details,
                  outcome: before.outcome,
                  rationale: before.rationale,
                  restricted: before.restricted,
                }
              : {}),
            type: 'event',
            agency: user.agency,
            source_id: sourceId,
            kind: 'missing_episode',
            subject: before?.subject ?? subject,
            occurred_at: startedAt,
            ...(returnedAt ? { ended_at: returnedAt } : {}),
            recorded_at: recordedAt,
            recorded_by: user.name,
            summary: text(body.summary, 500),
            indicators: [...new Set([...(before?.indicators ?? []), 'missing'])],
            reported_by: text(body.reported_by, 200),
            missing_from: text(body.missing_from),
            risk_grading: text(body.risk_grading),
            risk_reviews: text(body.risk_reviews, 1000),
            last_seen: text(body.last_seen, 1000),
            found_by: text(body.found_by, 200),
            involves: [
              ...places(body.found_at, 'found_at'),
              ...kept,
              ...people.map((p) => p.involvement),
              ...things(body.found_with_vehicles, 'vehicle', 'found_with'),
            ],
          }
          return {
            records: [...people.map((p) => p.record), event],
            action: current ? 'update_missing_episode' : 'record_missing_episode',
            details: { source: `${user.agency}:${sourceId}` },
          }
        },
        seen,
      )
      try {
        await saving
      } catch (error) {
        if (!(error instanceof RecordChanged)) throw error
        // theirs as it is now beside yours as typed; saving again from here replaces theirs knowingly
        const again = await episodeForm(request, request.params.id, text(body.source))
        const theirs = again.current ? episodeValues(again.current) : null
        const errors = new FormErrors().add(
          'summary',
          'Someone else changed this report after you opened it. Their version is shown below yours: nothing was saved. Save again to replace theirs with yours.',
        )
        return reply.code(409).render('missing-episode.njk', {
          ...episodePage(kid, { ...body, version: theirs?.version ?? '' }, again.current?.event ?? null, errors),
          theirs,
        })
      }
      return reply.redirect(`/people/${kid.id}#missing-history`)
    },
  )

  // The return interview ------------------------------------------------------------------------
  async function interviewContext(request: FastifyRequest, id: string, episodeSource: string | undefined) {
    if (!mayRecordInterview(userOf(request).roles)) throw forbidden('Your role does not record return interviews.')
    const at = now()
    const kid = await child(request, id, at)
    if (!episodeSource) throw badRequest('Say which episode the interview is about.')
    const { history } = await historyFor(db, viewerOf(request), kid.reach, kid.id, at)
    const assigned = (await currentAssignments(db, [episodeSource])).get(episodeSource)
    const visible = history.episodes.find((e) => e.episode.sources.includes(episodeSource))
    // those responsible for the interview (the worker it is assigned to, or their agency: responsibility.ts)
    // may record it, even without seeing other agencies' records of the episode
    if (!visible) {
      const state = await loadMissingState(db, at, missingSettings(), [kid.id])
      const row = state.interviews.find((r) => r.episode.sources.includes(episodeSource))
      const [work] = row ? await interviewWork(db, [row], missingSettings()) : []
      const user = userOf(request)
      if (!work || !(work.assigned?.user_id === user.id || work.responsible.agency === user.agency))
        throw notFound('There is no such episode for this child that you can see.')
    }
    return { at, kid, episode: visible ?? null, episodeSource: visible?.episode.id ?? episodeSource, assigned }
  }

  app.get<{ Params: { id: string }; Querystring: { episode?: string } }>(
    '/people/:id/missing/interview',
    { preHandler: signedIn },
    async (request, reply) => {
      const c = await interviewContext(request, request.params.id, request.query.episode)
      await audit(
        db,
        actorOf(request),
        { action: 'view_return_interview_form', entityId: c.kid.id, details: { episode: c.episodeSource } },
        c.at,
      )
      return reply.render('missing-interview.njk', { ...c, form: { outcome: 'done' } })
    },
  )

  app.post<{ Params: { id: string }; Body: Form }>(
    '/people/:id/missing/interview',
    { preHandler: [signedIn, app.csrfProtection] },
    async (request, reply) => {
      const body = request.body ?? {}
      const c = await interviewContext(request, request.params.id, text(body.episode))
      const errors = new FormErrors()
      const returned = c.episode?.episode.returnedAt ?? null
      const held = readDateTime(
        body,
        'held',
        errors,
        {
          label: 'the date of the interview',
          required: true,
          notAfter: c.at,
          ...(returned
            ? {
                notBefore: {
                  at: returned,
                  message: `The interview must be after the child came back (${spokenTime(returned)})`,
                },
              }
            : {}),
        },
        c.at,
      )
      const outcome = body.outcome ?? ''
      for (const problem of interviewRecordProblems({ outcome, heldAt: held, reason: body.reason ?? null }))
        errors.add(
          /reason/.test(problem) ? 'reason' : /whether/.test(problem) ? 'outcome' : 'held',
          problem.replace(/^./, (ch) => ch.toUpperCase()),
        )
      if (errors.any)
        return reply.code(400).render('missing-interview.njk', { ...c, form: body, errors: errors.view() })
      const heldAt = held!.toISOString()
      const user = userOf(request)
      const recordedAt = c.at.toISOString()
      const sourceId = newSourceId()
      await recordOnPage(db, actorOf(request), user, c.kid.id, c.at, (subject) => {
        const people = namedPeople(body.with_people, user.agency, 'associate', newSourceId, recordedAt)
        const event = {
          type: 'event',
          agency: user.agency,
          source_id: sourceId,
          kind: 'return_interview',
          subject,
          occurred_at: heldAt,
          recorded_at: recordedAt,
          recorded_by: user.name,
          episode: c.episodeSource,
          status: outcome,
          reason: text(body.reason, 2000),
          child_account: text(body.child_account, 10000),
          where_they_were: text(body.where, 2000),
          what_happened: text(body.what_happened, 10000),
          what_they_want: text(body.what_they_want, 5000),
          disclosures: text(body.disclosures, 5000),
          what_follows: text(body.what_follows, 5000),
          offered_by: text(body.offered_by, 200),
          summary:
            outcome === 'done'
              ? 'Return interview held'
              : outcome === 'declined'
                ? 'Return interview declined'
                : 'Return interview not held',
          details: text(body.what_happened, 10000),
          involves: [
            ...people.map((p) => p.involvement),
            ...places(body.places, 'associate'),
            ...things(body.vehicles, 'vehicle', 'associate'),
            ...things(body.phones, 'phone', 'associate'),
            ...things(body.online, 'online', 'associate'),
          ],
        }
        return {
          records: [...people.map((p) => p.record), event],
          action: 'record_return_interview',
          details: { source: `${user.agency}:${sourceId}`, episode: c.episodeSource, outcome },
        }
      })
      await checkFormOnSave(
        db,
        user,
        body,
        ['reason', 'what_happened', 'what_they_want', 'disclosures', 'what_follows'],
        { context: 'return-interview', childId: c.kid.id, at: c.at },
      )
      return reply.redirect(`/people/${c.kid.id}#missing-history`)
    },
  )

  // The strategy discussion and the plan for the next episode -------------------------------------
  app.post<{ Params: { id: string }; Body: Form }>(
    '/people/:id/missing/strategy',
    { preHandler: [signedIn, app.csrfProtection] },
    async (request, reply) => {
      if (!mayRecordStrategy(userOf(request).roles)) throw forbidden('Your role does not record strategy discussions.')
      const at = now()
      const kid = await child(request, request.params.id, at)
      const body = request.body ?? {}
      const heldAt = localTime(body.held_at)
      const plan = text(body.plan, 5000)
      if (!heldAt) throw badRequest('Enter when the strategy discussion was held, as YYYY-MM-DD HH:MM.')
      if (!plan) throw badRequest('Write the plan for what to do when the child is next missing.')
      const user = userOf(request)
      await recordOnPage(db, actorOf(request), user, kid.id, at, (subject) => ({
        records: [
          {
            type: 'event',
            agency: user.agency,
            source_id: newSourceId(),
            kind: 'strategy_discussion',
            subject,
            occurred_at: heldAt,
            recorded_at: at.toISOString(),
            recorded_by: user.name,
            summary: 'Strategy discussion: repeat missing',
            details: text(body.summary, 5000),
            next_episode_plan: plan,
          },
        ],
        action: 'record_strategy_discussion',
        details: { held_at: heldAt },
      }))
      await checkFormOnSave(db, user, body, ['summary', 'plan'], {
        context: 'strategy-discussion',
        childId: kid.id,
        at,
      })
      return reply.redirect(`/people/${kid.id}#missing-history`)
    },
  )

  // The work list of return interviews -------------------------------------------------------------
  // Each agency's: the interviews it is responsible for (responsibility.ts, the one rule), due, overdue
  // and done; the MASH sees every child's.
  const FILTERS = ['outstanding', 'overdue', 'done', 'all'] as const
  const DONE = ['done', 'done_late', 'declined', 'not_held']
  app.get<{ Querystring: { show?: string; overdue?: string; all?: string } }>(
    '/missing/interviews',
    { preHandler: signedIn },
    async (request, reply) => {
      const user = userOf(request)
      if (!mayUseWorkList(user.roles)) throw forbidden('Your role does not hold return interviews.')
      const at = now()
      const settings = missingSettings()
      const state = await loadMissingState(db, at, settings)
      const q = request.query
      // ?overdue=1 and ?all=1 are the addresses the list had before ?show=
      const filter = (FILTERS as readonly string[]).includes(q.show ?? '')
        ? (q.show as (typeof FILTERS)[number])
        : q.all
          ? 'all'
          : q.overdue
            ? 'overdue'
            : 'outstanding'
      const shown = (status: string) =>
        filter === 'all' ||
        (filter === 'overdue' && status === 'overdue') ||
        (filter === 'done' && DONE.includes(status)) ||
        (filter === 'outstanding' && (status === 'due' || status === 'overdue'))
      const work = (await interviewWork(db, state.interviews, settings)).filter((w) =>
        onWorkList(user, w.responsible, w.assigned?.user_id ?? null),
      )
      const counts = {
        outstanding: work.filter((w) => w.row.status === 'due' || w.row.status === 'overdue').length,
        overdue: work.filter((w) => w.row.status === 'overdue').length,
        done: work.filter((w) => DONE.includes(w.row.status)).length,
        all: work.length,
      }
      const rows = work
        .filter((w) => shown(w.row.status))
        .sort((a, b) => a.row.interviewDueAt.getTime() - b.row.interviewDueAt.getTime())
      const allocated = user.roles.includes('mash') ? null : await allocatedChildren(db, user.id, at)
      const alerts = state.repeat.filter((r) => r.listed && (allocated === null || allocated.has(r.childId)))
      const [names, agencyRows] = await Promise.all([
        summaries(
          db,
          [...new Set([...rows.map((w) => Number(w.row.childId)), ...alerts.map((r) => Number(r.childId))])],
          at,
        ),
        db.selectFrom('agencies').select(['code', 'name']).execute(),
      ])
      const agencyName = new Map(agencyRows.map((a) => [a.code, a.name]))
      const nameOf = (id: string) => {
        const s = names.get(Number(id))
        return s ? [s.given_name, s.family_name].filter(Boolean).join(' ') : `Person ${id}`
      }
      const candidates = mayAssign(user.roles) ? await allocatableUsers(db, user) : []
      await audit(
        db,
        actorOf(request),
        {
          action: 'view_interview_work_list',
          details: {
            show: filter,
            rows: rows.length,
            alerts: alerts.length,
            children: [
              ...new Set([...rows.map((w) => Number(w.row.childId)), ...alerts.map((r) => Number(r.childId))]),
            ],
          },
        },
        at,
      )
      return reply.render('missing-worklist.njk', {
        rows: rows.map((w) => ({
          row: w.row,
          name: nameOf(w.row.childId),
          assigned: w.assigned,
          responsible: { ...w.responsible, name: agencyName.get(w.responsible.agency) ?? w.responsible.agency },
          // those responsible for it may record it (the interview form lets them, responsibility.ts)
          canRecord:
            (w.row.status === 'due' || w.row.status === 'overdue') &&
            mayRecordInterview(user.roles) &&
            (w.responsible.agency === user.agency || w.assigned?.user_id === user.id),
          canAssign: mayAssignRow(user, w),
          hoursLeft: Math.round((w.row.interviewDueAt.getTime() - at.getTime()) / 3_600_000),
        })),
        alerts: alerts.map((r) => ({ row: r, name: nameOf(r.childId) })),
        candidates,
        filter,
        counts,
        areaAgency: (await areaAgencyOf(db, settings)) ?? null,
        agencyName: Object.fromEntries(agencyName),
        settings,
        now: at,
      })
    },
  )

  app.post<{ Body: Form }>(
    '/missing/interviews/assign',
    { preHandler: [signedIn, app.csrfProtection] },
    async (request, reply) => {
      const user = userOf(request)
      if (!mayAssign(user.roles)) throw forbidden('Only managers and the MASH assign return interviews.')
      const body = request.body ?? {}
      const episodeSource = text(body.episode_source)
      const userId = Number(body.user_id)
      if (!episodeSource || !userId) throw badRequest('Choose the episode and the person to hold the interview.')
      const at = now()
      const state = await loadMissingState(db, at, missingSettings())
      const row = state.interviews.find((r) => r.episodeSource === episodeSource)
      if (!row) throw notFound('There is no returned episode with this reference.')
      const [work] = await interviewWork(db, [row], missingSettings())
      if (!mayAssignRow(user, work))
        throw forbidden('You can assign the interviews your agency is responsible for (the MASH assigns any).')
      if (!(await allocatableUsers(db, user)).some((u) => u.id === userId))
        throw forbidden('You can assign only professionals you manage (the MASH can assign anyone).')
      const from = text(body.assigned_from) ? Number(text(body.assigned_from)) : null
      await assignInterview(db, actorOf(request), user, Number(row.childId), episodeSource, userId, from, at)
      return reply.redirect('/missing/interviews')
    },
  )

  // Figures: numbers only ------------------------------------------------------------------------
  app.get<{ Querystring: { as_of?: string } }>(
    '/missing/figures',
    { preHandler: withRole('manager', 'mash', 'partnership') },
    async (request, reply) => {
      if (!maySeeFigures(userOf(request).roles)) throw forbidden()
      const at = request.query.as_of ? endOfDayLondon(request.query.as_of) : now()
      if (!at) throw badRequest('Give the date as YYYY-MM-DD.')
      const settings = missingSettings()
      const state = await loadMissingState(db, at, settings)
      // each interview counts for the agency responsible for it (responsibility.ts), as the work lists show
      const work = await interviewWork(db, state.interviews, settings, at)
      const responsible = new Map(work.map((w) => [w.row, w.responsible.agency]))
      const figures = interviewFigures(state.interviews, {
        agencyOf: (row) => responsible.get(row) ?? row.episode.reports[0].agency,
      })
      const agencies = new Map(
        (await db.selectFrom('agencies').select(['code', 'name']).execute()).map((a) => [a.code, a.name]),
      )
      await audit(db, actorOf(request), { action: 'view_missing_figures', details: { as_of: at.toISOString() } }, now())
      return reply.render('missing-figures.njk', {
        figures: figures.map((f) => ({
          ...f,
          agencyName: f.agency === 'ALL' ? 'All agencies' : (agencies.get(f.agency) ?? f.agency),
        })),
        settings,
        asOf: request.query.as_of ?? '',
      })
    },
  )

  // The Philomena profile -----------------------------------------------------------------------
  async function profileContext(request: FastifyRequest, id: string) {
    const at = now()
    const kid = await child(request, id, at)
    const access = await profileAccess(db, userOf(request), kid.reach, kid.id, at)
    return { at, kid, ...access }
  }

  app.get<{ Params: { id: string } }>('/people/:id/philomena', { preHandler: signedIn }, async (request, reply) => {
    const c = await profileContext(request, request.params.id)
    if (!c.mayView && !c.mayEdit)
      throw forbidden(
        "The Philomena profile is shared with those who see this child's whole record, the agency that keeps it, and the police while the child is missing.",
      )
    const { history } = await historyFor(db, viewerOf(request), c.kid.reach, c.kid.id, c.at)
    await audit(
      db,
      actorOf(request),
      { action: 'view_philomena_profile', entityId: c.kid.id, details: { via: 'profile_page', profile: !!c.profile } },
      c.at,
    )
    return reply.render('missing-philomena.njk', { ...c, history, fields: PROFILE_FIELDS })
  })

  app.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/people/:id/philomena',
    { preHandler: [signedIn, app.csrfProtection] },
    async (request, reply) => {
      const c = await profileContext(request, request.params.id)
      if (!c.mayEdit)
        throw forbidden("Carers and social workers who may see this child's record keep the Philomena profile.")
      const body = request.body ?? {}
      const upload = body.photo as { data?: Buffer; mimetype?: string } | undefined
      let photo: { data: Buffer; type: 'image/jpeg' | 'image/png'; taken: string | null } | null = null
      if (upload?.data && upload.data.length > 0) {
        const type = imageType(upload.data)
        if (!type || (upload.mimetype !== 'image/jpeg' && upload.mimetype !== 'image/png'))
          throw badRequest('The photograph must be a JPEG or PNG image.')
        photo = { data: upload.data, type, taken: text(body.photo_taken, 100) ?? null }
      }
      const fields = Object.fromEntries(PROFILE_FIELDS.map((f) => [f, text(body[f], 5000) ?? null]))
      const versionText = text(body.version, 12) ?? ''
      if (versionText && !/^\d+$/.test(versionText))
        throw badRequest('The form was not sent whole: open the profile again.')
      try {
        const version = versionText ? Number(versionText) : null
        await saveProfile(db, actorOf(request), userOf(request), c.kid.id, fields, photo, version, c.at)
      } catch (error) {
        if (!(error instanceof ProfileConflict)) throw error
        // both versions: theirs as saved (shown above the form), yours kept in the form to compare and save again
        const { history } = await historyFor(db, viewerOf(request), c.kid.reach, c.kid.id, c.at)
        return reply.code(409).render('missing-philomena.njk', {
          ...c,
          profile: error.current,
          history,
          fields: PROFILE_FIELDS,
          yours: fields,
          errors: [
            {
              text: `${error.current?.updated_by_name ?? 'Someone'} saved this profile after you opened it. Their version is shown; yours is in the form below. Compare them, then save again.`,
              href: '#description',
            },
          ],
        })
      }
      return reply.redirect(`/people/${c.kid.id}/philomena`)
    },
  )

  app.get<{ Params: { id: string } }>(
    '/people/:id/philomena/photo',
    { preHandler: signedIn },
    async (request, reply) => {
      const c = await profileContext(request, request.params.id)
      if (!c.mayView) throw forbidden('The Philomena profile is not shared with you.')
      const photo = await photoOf(db, c.kid.id)
      if (!photo) throw notFound('There is no photograph.')
      await audit(db, actorOf(request), { action: 'view_philomena_photo', entityId: c.kid.id }, c.at)
      return reply
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .type(photo.type)
        .send(photo.photo)
    },
  )

  app.get<{ Params: { id: string } }>(
    '/people/:id/philomena/print',
    { preHandler: signedIn },
    async (request, reply) => {
      const c = await profileContext(request, request.params.id)
      if (!c.mayView) throw forbidden('The Philomena profile is not shared with you.')
      const { history } = await historyFor(db, viewerOf(request), c.kid.reach, c.kid.id, c.at)
      const records = (await summaries(db, [c.kid.id], c.at)).get(c.kid.id)
      await audit(db, actorOf(request), { action: 'print_philomena_profile', entityId: c.kid.id }, c.at)
      return reply
        .header('cache-control', 'private, no-store')
        .render('missing-philomena-print.njk', { ...c, history, person: records, printedAt: c.at })
    },
  )

  app.get('/missing/print.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(PRINT_CSS),
  )
}

export default routes
