// Pages for meetings and their actions: record a meeting (strategy discussion, conference, ...) with
// what each agency shared and the actions agreed, read it as far as it is shared with you, read an
// action and mark it done. Who may see and do each is access.ts; pages.ts finds them.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { Db } from '../db/database.ts'
import type { AppDeps } from '../web/app.ts'
import { now } from '../config/clock.ts'
import { doesCasework } from '../vocabulary/roles.ts'
import { actorOf, signedIn, userOf, viewerOf } from '../web/guards.ts'
import { forbidden } from '../web/http-error.ts'
import { list, text, type Form } from '../web/forms.ts'
import { checkFormOnSave } from '../language/storage.ts'
import { actionRows, completeActionFromForm, londonTime } from './forms.ts'
import { INITIAL_CONFERENCE_WORKING_DAYS, MEETING_TYPES, MEETING_TYPE_LABELS } from './meetings.ts'
import { recordMeeting, actionsAt } from './store-meetings.ts'
import { agencyList, professionals } from './store-people.ts'
import { actionView, mayCompleteAction } from './access.ts'
import { mayEditRecord } from '../access/record-author.ts'
import { actionFor, asBadRequest, childWorkedWith, meetingFor, viewed } from './pages.ts'

const ACTION_ROWS = 5

/** What each agency said it shared, by agency code (blank ones left out). */
const sharedInformation = (form: Form, agencies: { code: string }[]) => {
  const information: Record<string, string> = {}
  for (const a of agencies) {
    const said = text(form, `information_${a.code}`)
    if (said) information[a.code] = said
  }
  return information
}

/** The meeting form: its type, who was invited and present, what each agency shared, the actions agreed. */
async function meetingFormPage(
  db: Db,
  request: FastifyRequest<{ Params: { id: string }; Querystring: { type?: string } }>,
  reply: FastifyReply,
) {
  const at = now()
  const record = await childWorkedWith(db, request, Number(request.params.id), at)
  await viewed(db, request, 'view_meeting_form', record.person_id, {}, at)
  const people = [...(await professionals(db)).values()]
    .filter((p) => p.active && doesCasework(p.roles))
    .sort((a, b) => a.agency.localeCompare(b.agency) || a.name.localeCompare(b.name))
  return reply.render('wt-meeting-new.njk', {
    record,
    conferenceWorkingDays: INITIAL_CONFERENCE_WORKING_DAYS,
    types: MEETING_TYPES.map((t) => ({
      value: t,
      text: MEETING_TYPE_LABELS[t],
      selected: t === request.query.type,
    })),
    agencies: await agencyList(db),
    people,
    rows: Array.from({ length: ACTION_ROWS }, (_, i) => i + 1),
  })
}

/** A meeting recorded with its actions (400 with what to put right). */
async function recordMeetingPage(
  db: Db,
  request: FastifyRequest<{ Params: { id: string }; Body: Form }>,
  reply: FastifyReply,
) {
  const at = now()
  const record = await childWorkedWith(db, request, Number(request.params.id), at)
  const form = request.body ?? {}
  const information = sharedInformation(form, await agencyList(db))
  const chairId = Number(text(form, 'chair_id')) || null
  const people = await professionals(db)
  const id = await recordMeeting(
    db,
    actorOf(request),
    {
      childId: record.person_id,
      type: text(form, 'type'),
      heldAt: londonTime(text(form, 'held_on'), text(form, 'held_time'), at),
      chairId,
      chair: chairId ? (people.get(chairId)?.email ?? '') : text(form, 'chair'),
      invited: list(form, 'invited'),
      present: list(form, 'present'),
      information,
      decisions: text(form, 'decisions') || null,
      actions: actionRows(form, ACTION_ROWS),
      recordedBy: userOf(request).id,
    },
    at,
  ).catch(asBadRequest)
  await checkFormOnSave(
    db,
    userOf(request),
    form,
    ['decisions', ...Object.keys(information).map((code) => `information_${code}`)],
    { context: 'meeting', childId: record.person_id, childDob: record.date_of_birth, at },
  )
  return reply.redirect(`/meetings/${id}`)
}

/** A meeting as far as it is shared with the viewer, and the actions they may see. */
async function meetingPage(db: Db, request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
  const at = now()
  const { meeting, record, view } = await meetingFor(db, request, Number(request.params.id), at)
  const actions = (await actionsAt(db, at, { childIds: [record.person_id] })).filter(
    (a) => a.meetingId === meeting.id && actionView(viewerOf(request), record.reach, a, view) === 'full',
  )
  await viewed(db, request, 'view_meeting', record.person_id, { meeting_id: meeting.id, view }, at)
  const names = Object.fromEntries((await agencyList(db)).map((a) => [a.code, a.name]))
  return reply.render('wt-meeting.njk', {
    conferenceWorkingDays: INITIAL_CONFERENCE_WORKING_DAYS,
    meeting: view === 'full' ? meeting : { ...meeting, information: {}, decisions: null },
    summary: view === 'summary',
    // what the meeting's record says is changed by whoever recorded it, or their manager (decision 0029)
    canEdit:
      view === 'full' &&
      mayEditRecord(
        userOf(request),
        meeting.recordedBy === null ? null : (await professionals(db)).get(meeting.recordedBy),
      ),
    label: MEETING_TYPE_LABELS[meeting.type],
    record,
    actions,
    names,
  })
}

/** An action, and whether the viewer may mark it done. */
async function actionPage(db: Db, request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
  const at = now()
  const { action, record } = await actionFor(db, request, Number(request.params.id), at)
  await viewed(db, request, 'view_action', record.person_id, { action_id: action.id }, at)
  return reply.render('wt-action.njk', {
    action,
    record,
    canComplete: mayCompleteAction(userOf(request), action),
    // what it is and when it is due is changed by whoever wrote it, or their manager (decision 0029)
    canEdit: mayEditRecord(
      userOf(request),
      action.recordedBy === null ? null : (await professionals(db)).get(action.recordedBy),
    ),
    values: {},
  })
}

/** An action marked done with its evidence, or the page again with what to put right. */
async function completeActionPage(
  db: Db,
  request: FastifyRequest<{ Params: { id: string }; Body: Form }>,
  reply: FastifyReply,
) {
  const at = now()
  const { action, record } = await actionFor(db, request, Number(request.params.id), at)
  const user = userOf(request)
  if (!mayCompleteAction(user, action))
    throw forbidden('Only the owner of an action, a manager in their agency or the chair can mark it done.')
  const form = request.body ?? {}
  const errors = await completeActionFromForm(
    db,
    actorOf(request),
    action,
    user.id,
    form,
    at,
    'a visit record reference',
  )
  if (errors.any)
    return reply
      .code(400)
      .render('wt-action.njk', { action, record, canComplete: true, values: form, errors: errors.view() })
  return reply.redirect(`/actions/${action.id}`)
}

const meetingRoutes: FastifyPluginAsync<AppDeps> = async (app, { database }) => {
  const db = database.db
  const post = { preHandler: [signedIn, app.csrfProtection] }

  app.get<{ Params: { id: string }; Querystring: { type?: string } }>(
    '/people/:id/meetings/new',
    { preHandler: signedIn },
    (request, reply) => meetingFormPage(db, request, reply),
  )

  app.post<{ Params: { id: string }; Body: Form }>('/people/:id/meetings', post, (request, reply) =>
    recordMeetingPage(db, request, reply),
  )

  app.get<{ Params: { id: string } }>('/meetings/:id', { preHandler: signedIn }, (request, reply) =>
    meetingPage(db, request, reply),
  )

  app.get<{ Params: { id: string } }>('/actions/:id', { preHandler: signedIn }, (request, reply) =>
    actionPage(db, request, reply),
  )

  app.post<{ Params: { id: string }; Body: Form }>('/actions/:id/done', post, (request, reply) =>
    completeActionPage(db, request, reply),
  )
}

export default meetingRoutes
