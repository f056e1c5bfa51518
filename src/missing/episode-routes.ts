// Pages for a missing episode: record one, or update the user's agency's report of it (its return
// among it), with the people, places and vehicles the child was found with. An update made on a page
// someone else changed meanwhile is refused with both versions shown (409). Who may record is
// access.ts; the child is the one child-access check's (people/child-in-reach.ts childFor).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import type { Db } from '../db/database.ts'
import { now } from '../config/clock.ts'
import { actorOf, signedIn, userOf, viewerOf } from '../web/guards.ts'
import { forbidden, notFound } from '../web/http-error.ts'
import { audit } from '../audit/audit.ts'
import { childFor } from '../people/child-in-reach.ts'
import { FormErrors, checkLengths, dateTimeValues, hasDate, readDateTime } from '../web/forms.ts'
import { spokenTime } from '../web/date-time.ts'
import { label } from '../web/filters.ts'
import { MISSING_FROM, RISK_GRADINGS, type RecordedEvent } from './types.ts'
import { EPISODE_TEXT, editedOnEpisodePage, text } from './page-input.ts'
import { episodeRecords } from './page-records.ts'
import {
  agencyKind,
  newSourceId,
  pageAuthors,
  recordOnPage,
  RecordChanged,
  versionOf,
  visibleVersions,
} from './store.ts'
import { mayRecordEpisode, mayUpdateEpisodeReport } from './access.ts'

type Form = Record<string, string | undefined>
type EpisodeRequest = FastifyRequest<{ Params: { id: string }; Querystring: { source?: string } }>
type EpisodeSent = FastifyRequest<{ Params: { id: string }; Body: Form }>

/** The child, and the report being updated (the user's agency's own, as far as they may see it); 403 for those who do not record episodes. */
async function episodeForm(db: Db, request: FastifyRequest, id: string, source: string | undefined) {
  const at = now()
  const kid = await childFor(db, viewerOf(request), Number(id), at)
  const user = userOf(request)
  if (!mayRecordEpisode(user.roles, await agencyKind(db, user.agency)))
    throw forbidden("Police and care providers' staff record missing episodes.")
  let current: RecordedEvent | null = null
  if (source) {
    const author = (await pageAuthors(db, [source])).get(source)
    if (!mayUpdateEpisodeReport(user, source, author))
      throw forbidden(
        author
          ? 'Only the person who recorded this report, or their manager, can change it.'
          : "You can update only your own agency's report of an episode.",
      )
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
function episodeValues(current: RecordedEvent): Form {
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

/** When the child went missing and came back, as typed, checked field by field (errors added). */
function episodeTimes(body: Form, errors: FormErrors, at: Date) {
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
  return { started, returned }
}

/** The episode form. */
async function episodeFormPage(db: Db, request: EpisodeRequest, reply: FastifyReply) {
  const { at, kid, current } = await episodeForm(db, request, request.params.id, request.query.source)
  await audit(
    db,
    actorOf(request),
    { action: 'view_missing_episode_form', entityId: kid.id, details: { source: request.query.source ?? null } },
    at,
  )
  const form: Form = current ? episodeValues(current) : {}
  return reply.render('missing-episode.njk', episodePage(kid, form, current?.event ?? null))
}

/** Theirs as it is now beside yours as typed; saving again from here replaces theirs knowingly. */
async function changedMeanwhile(db: Db, request: EpisodeSent, reply: FastifyReply, kid: { id: number; name: string }) {
  const body = request.body ?? {}
  const again = await episodeForm(db, request, request.params.id, text(body.source))
  const theirs = again.current ? episodeValues(again.current) : null
  // about the version the page was opened from (no box of its own to mark); the summary links to the form
  const errors = new FormErrors().add(
    'version',
    'Someone else changed this report after you opened it. Their version is shown below yours: nothing was saved. Save again to replace theirs with yours.',
    '#summary',
  )
  return reply.code(409).render('missing-episode.njk', {
    ...episodePage(kid, { ...body, version: theirs?.version ?? '' }, again.current?.event ?? null, errors),
    theirs,
  })
}

/** An episode recorded or updated, or the form again with what to put right. */
async function recordEpisodePage(db: Db, request: EpisodeSent, reply: FastifyReply) {
  const body = request.body ?? {}
  const { at, kid, current } = await episodeForm(db, request, request.params.id, text(body.source))
  const user = userOf(request)
  const errors = new FormErrors()
  const { started, returned } = episodeTimes(body, errors, at)
  checkLengths(body, EPISODE_TEXT, errors)
  // no start is an error named above
  if (errors.any || !started)
    return reply.code(400).render('missing-episode.njk', episodePage(kid, body, current?.event ?? null, errors))
  const sourceId = current ? current.event.source_id : newSourceId()
  const seen = current
    ? { agency: current.event.agency, sourceId: current.event.source_id, recordedAt: text(body.version) || null }
    : undefined
  // a change is the next version of its agency's record, whoever of those who may makes it (an
  // author's named manager may work elsewhere)
  const writer = current ? { ...user, agency: current.event.agency } : user
  const written = { by: writer, sourceId, recordedAt: at.toISOString(), newId: newSourceId }
  const times = { startedAt: started.toISOString(), returnedAt: returned ? returned.toISOString() : null }
  try {
    await recordOnPage(
      db,
      actorOf(request),
      writer,
      kid.id,
      at,
      (subject) => episodeRecords(body, { ...written, subject }, times, current?.event ?? null),
      seen,
    )
  } catch (error) {
    if (!(error instanceof RecordChanged)) throw error
    return changedMeanwhile(db, request, reply, kid)
  }
  return reply.redirect(`/people/${kid.id}/missing`)
}

const episodeRoutes: FastifyPluginAsync<AppDeps> = async (app, { database }) => {
  const db = database.db

  app.get<{ Params: { id: string }; Querystring: { source?: string } }>(
    '/people/:id/missing/episode',
    { preHandler: signedIn },
    (request, reply) => episodeFormPage(db, request, reply),
  )

  app.post<{ Params: { id: string }; Body: Form }>(
    '/people/:id/missing/episode',
    { preHandler: [signedIn, app.csrfProtection] },
    (request, reply) => recordEpisodePage(db, request, reply),
  )
}

export default episodeRoutes
