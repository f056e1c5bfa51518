// Pages for return interviews: record one about an episode (those responsible for it may, even
// without seeing other agencies' records of the episode), change one written on a page (its author or
// their manager, against the version the page showed: a stale save is 409 with both versions, the
// earlier version kept as the event's earlier version; decision 0033), the work list of each agency's
// interviews (work-list.ts) and assigning one to a professional. Who may do each is access.ts; the child is the
// one child-access check's (people/child-in-reach.ts childFor).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import type { Db } from '../db/database.ts'
import { mayEditRecord } from '../access/record-author.ts'
import { now } from '../config/clock.ts'
import { actorOf, signedIn, userOf, viewerOf } from '../web/guards.ts'
import { badRequest, forbidden, notFound } from '../web/http-error.ts'
import { audit } from '../audit/audit.ts'
import { allocatableUsers } from '../people/allocations.ts'
import { childFor } from '../people/child-in-reach.ts'
import { FormErrors, checkLengths, dateTimeValues, readDateTime } from '../web/forms.ts'
import { spokenTime } from '../web/date-time.ts'
import { checkFormOnSave } from '../language/storage.ts'
import { interviewRecordProblems } from './interviews.ts'
import { missingSettings } from './settings.ts'
import { interviewWork, loadMissingState } from './lists.ts'
import { missingLists } from './maintained-lists.ts'
import { INTERVIEW_TEXT, text } from './page-input.ts'
import { interviewRecords } from './page-records.ts'
import { historyFor } from './page-data.ts'
import { workListFilter, workListPage } from './work-list.ts'
import {
  assignInterview,
  currentAssignments,
  newSourceId,
  pageAuthors,
  recordOnPage,
  RecordChanged,
  versionOf,
  visibleVersions,
} from './store.ts'
import { holdsInterview, mayAssign, mayAssignInterview, mayRecordInterview, mayUseWorkList } from './access.ts'
import type { RecordedEvent } from './types.ts'

type Form = Record<string, string | undefined>
type InterviewSent = FastifyRequest<{ Params: { id: string }; Body: Form }>
type WorkListQuery = { show?: string; overdue?: string; all?: string; sort?: string; order?: string; page?: string }

/** The child and the episode an interview is about, for those who may record it (access.ts holdsInterview). */
async function interviewContext(db: Db, request: FastifyRequest, id: string, episodeSource: string | undefined) {
  if (!mayRecordInterview(userOf(request).roles)) throw forbidden('Your role does not record return interviews.')
  const at = now()
  const kid = await childFor(db, viewerOf(request), Number(id), at)
  if (!episodeSource) throw badRequest('Say which episode the interview is about.')
  const { history } = await historyFor(db, viewerOf(request), kid.reach, kid.id, at)
  const assigned = (await currentAssignments(db, [episodeSource])).get(episodeSource)
  const visible = history.episodes.find((e) => e.episode.sources.includes(episodeSource))
  // those responsible for the interview may record it, even without seeing other agencies' records of the episode
  if (!visible) {
    const state = await loadMissingState(db, at, missingSettings(), [kid.id])
    const row = state.interviews.find((r) => r.episode.sources.includes(episodeSource))
    const [work] = row ? await interviewWork(db, [row], missingSettings()) : []
    if (!work || !holdsInterview(userOf(request), work))
      throw notFound('There is no such episode for this child that you can see.')
  }
  return { at, kid, episode: visible ?? null, episodeSource: visible?.episode.id ?? episodeSource, assigned }
}

type InterviewContext = Awaited<ReturnType<typeof interviewContext>>

/**
 * The return interview being changed (`source`: its `agency:source_id`) as it is now, for its author or
 * their manager (access/record-author.ts mayEditRecord; 403 for anyone else, the same rule as the panel's link).
 */
async function interviewBeingChanged(
  db: Db,
  request: FastifyRequest,
  c: InterviewContext,
  source: string,
): Promise<RecordedEvent> {
  const versions = await visibleVersions(db, viewerOf(request), c.kid.reach, c.kid.id)
  const current = versions
    .filter((v) => v.event.kind === 'return_interview' && `${v.event.agency}:${v.event.source_id}` === source)
    .pop()
  if (!current) throw notFound('There is no such return interview.')
  if (!mayEditRecord(userOf(request), (await pageAuthors(db, [source])).get(source)))
    throw forbidden('Only the person who recorded this return interview, or their manager, can change it.')
  return current
}

/** An interview's values as the form shows them, with the version the page was made from. */
function interviewValues(current: RecordedEvent): Form {
  const e = current.event
  const said = (key: string) => (typeof e.extra?.[key] === 'string' ? (e.extra[key] as string) : '')
  return {
    version: versionOf(current.recordedAt),
    source: `${e.agency}:${e.source_id}`,
    outcome: said('status') || 'done',
    ...dateTimeValues('held', e.occurred_at),
    reason: said('reason'),
    offered_by: said('offered_by'),
    child_account: said('child_account'),
    where: said('where_they_were'),
    what_happened: said('what_happened'),
    what_they_want: said('what_they_want'),
    disclosures: said('disclosures'),
    what_follows: said('what_follows'),
  }
}

/** When the interview was held, as typed: not before the child came back (errors added). */
function heldAtOf(body: Form, errors: FormErrors, c: InterviewContext) {
  const returned = c.episode?.episode.returnedAt ?? null
  return readDateTime(
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
}

/** The return interview form. */
async function interviewFormPage(
  db: Db,
  request: FastifyRequest<{ Params: { id: string }; Querystring: { episode?: string; source?: string } }>,
  reply: FastifyReply,
) {
  const c = await interviewContext(db, request, request.params.id, request.query.episode)
  const source = text(request.query.source)
  const current = source ? await interviewBeingChanged(db, request, c, source) : null
  await audit(
    db,
    actorOf(request),
    {
      action: 'view_return_interview_form',
      entityId: c.kid.id,
      details: { episode: c.episodeSource, ...(source ? { source } : {}) },
    },
    c.at,
  )
  return reply.render('missing-interview.njk', { ...c, form: current ? interviewValues(current) : { outcome: 'done' } })
}

/** A return interview recorded, or the form again with what to put right. */
async function recordInterviewPage(db: Db, request: InterviewSent, reply: FastifyReply) {
  const body = request.body ?? {}
  const c = await interviewContext(db, request, request.params.id, text(body.episode))
  const source = text(body.source)
  const current = source ? await interviewBeingChanged(db, request, c, source) : null
  const errors = new FormErrors()
  const held = heldAtOf(body, errors, c)
  const outcome = body.outcome ?? ''
  for (const problem of interviewRecordProblems({ outcome, heldAt: held, reason: body.reason ?? null }))
    errors.add(
      /reason/.test(problem) ? 'reason' : /whether/.test(problem) ? 'outcome' : 'held',
      problem.replace(/^./, (ch) => ch.toUpperCase()),
    )
  checkLengths(body, INTERVIEW_TEXT, errors)
  // no date is an error named above
  if (errors.any || !held)
    return reply.code(400).render('missing-interview.njk', { ...c, form: body, errors: errors.view() })
  const user = userOf(request)
  const sourceId = current ? current.event.source_id : newSourceId()
  // a change is the next version of its agency's record, whoever of those who may makes it (an
  // author's named manager may work elsewhere)
  const writer = current ? { ...user, agency: current.event.agency } : user
  const written = { by: writer, sourceId, recordedAt: c.at.toISOString(), newId: newSourceId }
  const interview = { heldAt: held.toISOString(), episodeSource: c.episodeSource, outcome }
  // a change is saved against the version the page showed (store.ts recordOnPage)
  const seen = current
    ? { agency: current.event.agency, sourceId: current.event.source_id, recordedAt: text(body.version) || null }
    : undefined
  try {
    await recordOnPage(
      db,
      actorOf(request),
      writer,
      c.kid.id,
      c.at,
      (subject) => interviewRecords(body, { ...written, subject }, interview, current?.event ?? null),
      seen,
    )
  } catch (error) {
    if (!(error instanceof RecordChanged) || !current || !source) throw error
    return changedMeanwhile(db, request, reply, c, source)
  }
  await checkFormOnSave(db, user, body, ['reason', 'what_happened', 'what_they_want', 'disclosures', 'what_follows'], {
    context: 'return-interview',
    childId: c.kid.id,
    at: c.at,
  })
  return reply.redirect(`/people/${c.kid.id}/missing`)
}

/** Theirs as it is now beside yours as typed (409); saving again from here replaces theirs knowingly. */
async function changedMeanwhile(
  db: Db,
  request: InterviewSent,
  reply: FastifyReply,
  c: InterviewContext,
  source: string,
) {
  const theirs = interviewValues(await interviewBeingChanged(db, request, c, source))
  const errors = new FormErrors().add(
    'version',
    'Someone else changed this return interview after you opened it. Their version is shown above yours: nothing was saved. Save again to replace theirs with yours.',
    '#theirs',
  )
  return reply.code(409).render('missing-interview.njk', {
    ...c,
    form: { ...(request.body ?? {}), version: theirs.version },
    errors: errors.view(),
    theirs,
  })
}

/** The work list of return interviews. */
async function workList(db: Db, request: FastifyRequest<{ Querystring: WorkListQuery }>, reply: FastifyReply) {
  const user = userOf(request)
  if (!mayUseWorkList(user.roles)) throw forbidden('Your role does not hold return interviews.')
  const at = now()
  const filter = workListFilter(request.query)
  const { page, children, alerts } = await workListPage(db, user, filter, at, request.query)
  await audit(
    db,
    actorOf(request),
    {
      action: 'view_interview_work_list',
      details: { show: filter, rows: page.rows.length, page: page.list.page, alerts, children },
    },
    at,
  )
  return reply.render('missing-worklist.njk', page)
}

/** An open return interview assigned to a professional the assigning person manages (the MASH: anyone). */
async function assignPage(db: Db, request: FastifyRequest<{ Body: Form }>, reply: FastifyReply) {
  const user = userOf(request)
  if (!mayAssign(user.roles)) throw forbidden('Only managers and the MASH assign return interviews.')
  const body = request.body ?? {}
  const episodeSource = text(body.episode_source)
  const userId = Number(body.user_id)
  if (!episodeSource || !userId) throw badRequest('Choose the episode and the person to hold the interview.')
  const at = now()
  const state = await missingLists(db, at, missingSettings(), at)
  const row = state.interviews.find((r) => r.episodeSource === episodeSource)
  if (!row) throw notFound('There is no returned episode with this reference.')
  const [work] = await interviewWork(db, [row], missingSettings())
  if (!work || !mayAssignInterview(user, work))
    throw forbidden('You can assign the interviews your agency is responsible for (the MASH assigns any).')
  if (!(await allocatableUsers(db, user)).some((u) => u.id === userId))
    throw forbidden('You can assign only professionals you manage (the MASH can assign anyone).')
  const from = text(body.assigned_from) ? Number(text(body.assigned_from)) : null
  await assignInterview(db, actorOf(request), user, Number(row.childId), episodeSource, userId, from, at)
  return reply.redirect('/missing/interviews')
}

const interviewRoutes: FastifyPluginAsync<AppDeps> = async (app, { database }) => {
  const db = database.db
  const post = { preHandler: [signedIn, app.csrfProtection] }

  app.get<{ Params: { id: string }; Querystring: { episode?: string; source?: string } }>(
    '/people/:id/missing/interview',
    { preHandler: signedIn },
    (request, reply) => interviewFormPage(db, request, reply),
  )

  app.post<{ Params: { id: string }; Body: Form }>('/people/:id/missing/interview', post, (request, reply) =>
    recordInterviewPage(db, request, reply),
  )

  app.get<{ Querystring: WorkListQuery }>('/missing/interviews', { preHandler: signedIn }, (request, reply) =>
    workList(db, request, reply),
  )

  app.post<{ Body: Form }>('/missing/interviews/assign', post, (request, reply) => assignPage(db, request, reply))
}

export default interviewRoutes
