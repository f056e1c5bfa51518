// Pages for working together: record a decision, raise and work a challenge, record a meeting with
// actions, mark an action done, record supervision, the competency register and assignments, the
// manager's morning page and the partnership's challenge figures. Every route checks who is asking
// (guards, then access/visibility.ts through the person's record for anything about a child) and
// audits what is seen and changed.
import type { AuditAction } from '../vocabulary/audit-actions.ts'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import type { Db } from '../db/database.ts'
import { now } from '../config/clock.ts'
import { actorOf, signedIn, userOf, viewerOf, withRole } from '../web/guards.ts'
import { badRequest, forbidden, HttpError, notFound } from '../web/http-error.ts'
import { DomainError } from '../errors/domain-error.ts'
import { audit } from '../audit/audit.ts'
import { doesCasework } from '../vocabulary/roles.ts'
import type { PersonPanel } from '../people/panels.ts'
import type { NavigationItem } from '../web/navigation.ts'
import { summaries } from '../people/people.ts'
import { Forbidden, NotFound, viewPersonRecord, type PersonRecordView } from '../people/record-view.ts'
import { chronologyFilter } from '../people/filters.ts'
import { loadWorkingTogetherPanel } from './panel.ts'
import { actionRows, isoDay, list, londonTime, text, type Form } from './forms.ts'
import { FormErrors, readDateTime } from '../web/forms.ts'
import { label } from '../web/filters.ts'
import { londonDate } from '../config/clock.ts'
import { DECISION_KINDS, CHARGING_OUTCOMES, THRESHOLD_OUTCOMES, decisionProblems } from './decisions.ts'
import { CHALLENGE_SUBJECTS, outcomesFor } from './outcomes.ts'
import { INITIAL_CONFERENCE_WORKING_DAYS, MEETING_TYPES, MEETING_TYPE_LABELS } from './meetings.ts'
import { COMPETENCY_TYPES, COMPETENCY_LABELS, requiredFor } from './competencies.ts'
import { areaProtocol } from './settings.ts'
import { recordDecision, decisionsAt, DecisionError } from './store-decisions.ts'
import {
  raiseChallenge,
  noteChallenge,
  challengesAt,
  ChallengeError,
  ChallengeChanged,
  workFacts,
  type StoredChallenge,
} from './store-challenges.ts'
import { challengeWork } from './stage-owner.ts'
import { recordMeeting, meetingsAt, actionsAt, completeAction, MeetingError } from './store-meetings.ts'
import { completionProblems } from './actions.ts'
import {
  recordSupervision,
  supervisionsAt,
  supervisionStatusAt,
  SupervisionError,
  type SupervisionRecord,
} from './store-supervision.ts'
import {
  addCompetency,
  setWorkerSettings,
  workers,
  assignTask,
  assignmentsAt,
  candidatesFor,
  CompetencyError,
  OverrideNeeded,
  TASKS,
} from './store-competencies.ts'
import { allocationFacts, activeAllocation, professionals } from './store-people.ts'
import { LeadRefused, setLeadProfessional } from './store-lead.ts'
import { managerPage } from './manager.ts'
import { loadManagerSections } from './manager-sections.ts'
import { childrenNamed } from '../web/sections.ts'
import { partnershipReport } from './partnership-report.ts'
import { checkFormOnSave } from '../language/storage.ts'
import { actionView, challengeView, decisionView, meetingView, supervisionView, type ObjectView } from './access.ts'

export const workingTogetherPanel: PersonPanel = {
  id: 'working-together',
  template: 'wt-panel.njk',
  order: 60,
  load: loadWorkingTogetherPanel,
}
export const workingTogetherNavigation: NavigationItem[] = [
  { href: '/my-work', text: 'My work', roles: ['practitioner', 'manager', 'mash'], order: 50 },
  { href: '/manager', text: 'Morning page', roles: ['manager'], order: 51 },
  { href: '/competencies', text: 'Competencies', roles: ['manager'], order: 52 },
  { href: '/partnership/challenges', text: 'Challenges', roles: ['partnership', 'manager'], order: 53 },
]

const ACTION_ROWS = 5

/** The owner of an action, a manager in the owner's agency, or the meeting's chair marks it done. */
const mayComplete = (
  user: { id: number; roles: string[]; agency: string },
  action: { owner: { id: number }; ownerAgency: string; chairId: number | null },
) =>
  action.owner.id === user.id ||
  (user.roles.includes('manager') && user.agency === action.ownerAgency) ||
  action.chairId === user.id
const DOMAIN_ERRORS = [DecisionError, ChallengeError, MeetingError, SupervisionError, CompetencyError]
const kindLabel = { responded: 'a response', escalated: 'moving it up', resolved: 'resolving it' } as const

const asBadRequest = (error: unknown): never => {
  if (DOMAIN_ERRORS.some((E) => error instanceof E))
    throw badRequest(`${(error as Error).message.replace(/^./, (c) => c.toUpperCase())}.`)
  throw error
}

interface ChildAccess {
  record: PersonRecordView
  /** Full reach, or their agency holds records about the child: they work with the child. */
  working: boolean
}

/** The child as this person may see them (their reach); 403 for a role that sees no child. Audited by the caller. */
async function recordFor(db: Db, request: FastifyRequest, id: number, at: Date): Promise<PersonRecordView> {
  if (!Number.isInteger(id) || id <= 0) throw notFound()
  if (!doesCasework(userOf(request).roles)) throw forbidden("Your role does not give you access to children's records.")
  try {
    return await viewPersonRecord(db, viewerOf(request), actorOf(request), id, chronologyFilter({}, at), at, {
      audit: false,
      withEvents: false,
    })
  } catch (error) {
    if (error instanceof NotFound) throw notFound('There is no person with this reference.')
    if (error instanceof Forbidden) throw forbidden("Your role does not give you access to children's records.")
    throw error
  }
}

/** The child as this person may see them; 403 unless they work with the child. Audited by the caller. */
async function childFor(db: Db, request: FastifyRequest, id: number, at: Date): Promise<ChildAccess> {
  const record = await recordFor(db, request, id, at)
  const working = record.reach.level === 'full' || record.agencies.some((a) => a.code === viewerOf(request).agency)
  if (!working)
    throw forbidden('Only professionals working with this child can do this. Open the full record with a reason first.')
  return { record, working }
}

const supervisionFacts = (s: SupervisionRecord) => ({
  workerId: s.worker.id,
  workerAgency: s.worker.agency,
  supervisorId: s.supervisor.id,
  supervisorAgency: s.supervisor.agency,
})

const viewed = (
  db: Db,
  request: FastifyRequest,
  action: AuditAction,
  entityId: number | null,
  details: Record<string, unknown>,
  at: Date,
) => audit(db, actorOf(request), { action, entityId, details }, at)

const routes: FastifyPluginAsync<AppDeps> = async (app, { database }) => {
  const db = database.db
  const post = { preHandler: [signedIn, app.csrfProtection] }
  const agencies = async () => db.selectFrom('agencies').select(['code', 'name', 'kind']).orderBy('name').execute()

  // ---- decisions ----
  /** What the decision form shows: the kinds this agency may record (a charging decision is the prosecutor's, a police NFA the police's). */
  const decisionForm = async (request: FastifyRequest, record: PersonRecordView) => {
    const agencyKind = (
      await db.selectFrom('agencies').select('kind').where('code', '=', userOf(request).agency).executeTakeFirst()
    )?.kind
    const kinds = DECISION_KINDS.filter(
      (k) =>
        (k !== 'police_nfa' || agencyKind === 'police') && (k !== 'charging_decision' || agencyKind === 'prosecutor'),
    )
    return {
      record,
      kinds: kinds.map((k) => ({ value: k, text: label(k) })),
      outcomes: [...new Set([...THRESHOLD_OUTCOMES, ...CHARGING_OUTCOMES])].map((o) => ({ value: o, text: label(o) })),
      agencyKind,
    }
  }

  app.get<{ Params: { id: string } }>('/people/:id/decisions/new', { preHandler: signedIn }, async (request, reply) => {
    const at = now()
    const { record } = await childFor(db, request, Number(request.params.id), at)
    await viewed(db, request, 'view_decision_form', record.person_id, {}, at)
    return reply.render('wt-decision-new.njk', { ...(await decisionForm(request, record)), values: {} })
  })

  app.post<{ Params: { id: string }; Body: Form }>('/people/:id/decisions', post, async (request, reply) => {
    const at = now()
    const { record } = await childFor(db, request, Number(request.params.id), at)
    const form = request.body ?? {}
    const page = await decisionForm(request, record)
    const kind = text(form, 'kind')
    if (
      (kind === 'charging_decision' && page.agencyKind !== 'prosecutor') ||
      (kind === 'police_nfa' && page.agencyKind !== 'police')
    ) {
      throw forbidden(
        kind === 'charging_decision'
          ? 'Only the prosecutor records a charging decision.'
          : 'Only the police record a police decision to take no further action.',
      )
    }
    const errors = new FormErrors()
    const decidedAt = readDateTime(
      form,
      'decided',
      errors,
      { label: 'the date of the decision', required: true, notAfter: at },
      at,
    )
    // every mistake at once: the decision's own checks too, whatever the date
    const fieldOf = (p: string) =>
      /kind/.test(p) ? 'kind' : /outcome/.test(p) ? 'outcome' : /date/.test(p) ? 'decided' : 'rationale'
    for (const problem of decisionProblems({
      kind,
      outcome: text(form, 'outcome') || null,
      rationale: text(form, 'rationale'),
      decidedAt: decidedAt ?? at,
    }))
      errors.add(
        fieldOf(problem),
        problem.replace(/^./, (c) => c.toUpperCase()),
      )
    const saved = errors.any
      ? null
      : await recordDecision(
          db,
          actorOf(request),
          {
            childId: record.person_id,
            agency: userOf(request).agency,
            kind,
            outcome: text(form, 'outcome') || null,
            rationale: text(form, 'rationale'),
            decidedAt,
            decidedBy: userOf(request).id,
          },
          at,
        ).catch((error: unknown) => {
          if (!(error instanceof DecisionError)) throw error
          errors.fromProblems(error.message, fieldOf)
          return null
        })
    if (saved === null) {
      // the decision form again, with what was typed and what to put right
      if (!errors.any) errors.add('rationale', 'The decision could not be recorded')
      return reply.code(400).render('wt-decision-new.njk', { ...page, values: form, errors: errors.view() })
    }
    await checkFormOnSave(db, userOf(request), form, ['rationale'], {
      context: 'decision',
      childId: record.person_id,
      childDob: record.date_of_birth,
      at,
      // the child's age on the day decided, not the day typed: choice language is about a child under 18
      date: decidedAt ? londonDate(decidedAt) : null,
    })
    return reply.redirect(`/people/${record.person_id}#working-together`)
  })

  // ---- challenges ----
  /** What the challenge form shows: the decision challenged (one the viewer may read), or the agencies to challenge. */
  const challengeForm = async (
    request: FastifyRequest,
    record: PersonRecordView,
    decisionId: string | null,
    at: Date,
  ) => {
    const found = decisionId
      ? ((await decisionsAt(db, at, [record.person_id])).find((d) => d.id === decisionId) ?? null)
      : null
    // a decision the viewer may not read is one they cannot see to challenge
    const decision =
      found &&
      decisionView(viewerOf(request), record.reach, {
        agency: found.decision.agency,
        sourceRecord: found.decision.sourceRecord,
        restricted: found.restricted,
      }) !== 'hidden'
        ? found
        : null
    if (decisionId && !decision) throw notFound('There is no such decision about this child.')
    const others = (await agencies()).filter((a) => a.code !== userOf(request).agency)
    return {
      record,
      decision,
      agencies: others.map((a) => ({ value: a.code, text: a.name })),
      subjects: CHALLENGE_SUBJECTS.map((s) => ({ value: s, text: label(s) })),
      protocol: areaProtocol().stages,
    }
  }

  app.get<{ Params: { id: string }; Querystring: { decision?: string } }>(
    '/people/:id/challenges/new',
    { preHandler: signedIn },
    async (request, reply) => {
      const at = now()
      const { record } = await childFor(db, request, Number(request.params.id), at)
      const decisionId = request.query.decision ?? null
      const page = await challengeForm(request, record, decisionId, at)
      await viewed(db, request, 'view_challenge_form', record.person_id, { decision_id: decisionId }, at)
      const values = {
        subject: page.decision?.decision.kind === 'charging_decision' ? 'prosecutor_decision' : '',
      }
      return reply.render('wt-challenge-new.njk', { ...page, values })
    },
  )

  app.post<{ Params: { id: string }; Body: Form }>('/people/:id/challenges', post, async (request, reply) => {
    const at = now()
    const { record } = await childFor(db, request, Number(request.params.id), at)
    const form = request.body ?? {}
    const decisionId = text(form, 'decision_id') || null
    const errors = new FormErrors()
    const id = await raiseChallenge(
      db,
      actorOf(request),
      {
        childId: record.person_id,
        decisionId,
        raisedBy: userOf(request).id,
        againstAgency: text(form, 'against_agency'),
        subject: text(form, 'subject'),
        summary: text(form, 'summary'),
      },
      at,
    ).catch((error: unknown) => {
      if (!(error instanceof ChallengeError)) throw error
      errors.fromProblems(error.message, (p) =>
        /about/.test(p) ? 'subject' : /disagree/.test(p) ? 'summary' : 'against_agency',
      )
      return null
    })
    if (id === null)
      return reply.code(400).render('wt-challenge-new.njk', {
        ...(await challengeForm(request, record, decisionId, at)),
        values: form,
        errors: errors.view(),
      })
    return reply.redirect(`/challenges/${id}`)
  })

  /** A challenge: the casework staff of the agencies in it and those working with the child; the partnership (no child's details). */
  async function challengeFor(
    request: FastifyRequest,
    id: number,
    at: Date,
  ): Promise<{ challenge: StoredChallenge; record: PersonRecordView | null }> {
    if (!Number.isInteger(id) || id <= 0) throw notFound()
    const [challenge] = await challengesAt(db, at, { ids: [id] })
    if (!challenge) throw notFound('There is no such challenge.')
    const user = userOf(request)
    if (user.roles.includes('partnership') && !doesCasework(user.roles)) return { challenge, record: null }
    const record = await recordFor(db, request, Number(challenge.childId), at)
    if (challengeView(viewerOf(request), record.reach, challenge.challenge) !== 'full')
      throw notFound('There is no such challenge, or it is not shared with you.')
    return { challenge, record }
  }

  app.get<{ Params: { id: string } }>('/challenges/:id', { preHandler: signedIn }, async (request, reply) => {
    const at = now()
    const { challenge, record } = await challengeFor(request, Number(request.params.id), at)
    // the decision challenged, as far as the viewer may read it (a restricted one: its kind, not its outcome)
    if (record && challenge.decision && challenge.decisionId) {
      const found = (await decisionsAt(db, at, [record.person_id])).find((d) => d.id === challenge.decisionId)
      const view = found
        ? decisionView(viewerOf(request), record.reach, {
            agency: found.decision.agency,
            sourceRecord: found.decision.sourceRecord,
            restricted: found.restricted,
          })
        : 'hidden'
      if (view !== 'full') challenge.decision = { ...challenge.decision, outcome: null }
    }
    await viewed(db, request, 'view_challenge', Number(challenge.childId), { challenge_id: challenge.id }, at)
    const user = userOf(request)
    const party =
      doesCasework(user.roles) &&
      [challenge.challenge.raisedByAgency, challenge.challenge.againstAgency].includes(user.agency)
    const chair = user.roles.includes('partnership') && challenge.state.stageOwnerRole === 'independent_chair'
    return reply.render('wt-challenge.njk', {
      challenge,
      record,
      canAct: challenge.state.status === 'open' && (party || chair),
      canEscalate: party && challenge.state.stage < areaProtocol().stages.length,
      outcomes: outcomesFor(challenge.challenge.decision),
      protocol: areaProtocol().stages,
    })
  })

  app.post<{ Params: { id: string }; Body: Form }>('/challenges/:id/notes', post, async (request, reply) => {
    const at = now()
    const { challenge } = await challengeFor(request, Number(request.params.id), at)
    const user = userOf(request)
    const kind = text(request.body ?? {}, 'kind')
    if (kind !== 'responded' && kind !== 'escalated' && kind !== 'resolved')
      throw badRequest('Say whether you are responding, moving it up or resolving it.')
    const party =
      doesCasework(user.roles) &&
      [challenge.challenge.raisedByAgency, challenge.challenge.againstAgency].includes(user.agency)
    const chair =
      user.roles.includes('partnership') &&
      challenge.state.stageOwnerRole === 'independent_chair' &&
      kind === 'resolved'
    if (!party && !chair)
      throw forbidden(
        'Only the agencies in this challenge (and the independent chair at the last stage) can act on it.',
      )
    const note = {
      kind: kind as keyof typeof kindLabel,
      outcome: text(request.body ?? {}, 'outcome') || null,
      note: text(request.body ?? {}, 'note'),
    }
    // the version the page showed: a second click, or a page opened before someone else acted, is refused
    const seen = text(request.body ?? {}, 'version')
    await noteChallenge(db, actorOf(request), challenge.id, user.id, note, at, seen === '' ? undefined : Number(seen))
      .catch((error: unknown) => {
        if (error instanceof ChallengeChanged)
          throw new HttpError(
            409,
            `${error.message.replace(/^./, (c) => c.toUpperCase())}. Your note (not saved): ${kindLabel[kind]}` +
              (note.outcome ? `, ${note.outcome.replace(/_/g, ' ')}` : '') +
              (note.note ? `: "${note.note}"` : '') +
              '.',
          )
        throw error
      })
      .catch(asBadRequest)
    return reply.redirect(`/challenges/${challenge.id}`)
  })

  // ---- meetings and actions ----
  app.get<{ Params: { id: string }; Querystring: { type?: string } }>(
    '/people/:id/meetings/new',
    { preHandler: signedIn },
    async (request, reply) => {
      const at = now()
      const { record } = await childFor(db, request, Number(request.params.id), at)
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
        agencies: await agencies(),
        people,
        rows: Array.from({ length: ACTION_ROWS }, (_, i) => i + 1),
      })
    },
  )

  app.post<{ Params: { id: string }; Body: Form }>('/people/:id/meetings', post, async (request, reply) => {
    const at = now()
    const { record } = await childFor(db, request, Number(request.params.id), at)
    const form = request.body ?? {}
    const information: Record<string, string> = {}
    for (const a of await agencies()) {
      const said = text(form, `information_${a.code}`)
      if (said) information[a.code] = said
    }
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
  })

  /** A meeting as this viewer may see it (meetingView); 404 when it is not shared with them. */
  async function meetingFor(request: FastifyRequest, id: number, at: Date) {
    const [meeting] = Number.isInteger(id) && id > 0 ? await meetingsAt(db, at, { ids: [id] }) : []
    if (!meeting) throw notFound('There is no such meeting.')
    const record = await recordFor(db, request, Number(meeting.childId), at)
    const people = await professionals(db)
    const view = meetingView(viewerOf(request), record.reach, {
      type: meeting.type,
      invited: meeting.invited,
      chairId: meeting.chairId,
      chairAgency: meeting.chairId ? (people.get(meeting.chairId)?.agency ?? null) : null,
      recordedBy: meeting.recordedBy,
    })
    if (view === 'hidden') throw notFound('There is no such meeting, or it is not shared with you.')
    return { meeting, record, view }
  }

  /** An action as this viewer may see it (actionView, through the meeting or supervision it came from). */
  async function actionFor(request: FastifyRequest, id: number, at: Date) {
    const [action] = Number.isInteger(id) && id > 0 ? await actionsAt(db, at, { ids: [id] }) : []
    if (!action) throw notFound('There is no such action.')
    const record = await recordFor(db, request, Number(action.childId), at)
    let parent: ObjectView = 'hidden'
    if (action.meetingId !== null) {
      // a meeting the viewer may not open hides the action's context; any other failure is a fault
      parent = await meetingFor(request, action.meetingId, at).then(
        (m) => m.view,
        (error: unknown) => {
          if (error instanceof DomainError && (error.code === 'forbidden' || error.code === 'not_found'))
            return 'hidden'
          throw error
        },
      )
    } else if (action.supervisionId !== null) {
      const note = (await supervisionsAt(db, at, [record.person_id])).find((s) => s.id === action.supervisionId)
      if (note) parent = supervisionView(viewerOf(request), record.reach, supervisionFacts(note))
    }
    if (actionView(viewerOf(request), record.reach, action, parent) === 'hidden')
      throw notFound('There is no such action, or it is not shared with you.')
    return { action, record, parent }
  }

  app.get<{ Params: { id: string } }>('/meetings/:id', { preHandler: signedIn }, async (request, reply) => {
    const at = now()
    const found = await meetingFor(request, Number(request.params.id), at)
    const { meeting, record, view } = found
    const actions = (await actionsAt(db, at, { childIds: [record.person_id] })).filter(
      (a) => a.meetingId === meeting.id && actionView(viewerOf(request), record.reach, a, view) === 'full',
    )
    await viewed(db, request, 'view_meeting', record.person_id, { meeting_id: meeting.id, view }, at)
    const names = Object.fromEntries((await agencies()).map((a) => [a.code, a.name]))
    return reply.render('wt-meeting.njk', {
      conferenceWorkingDays: INITIAL_CONFERENCE_WORKING_DAYS,
      meeting: view === 'full' ? meeting : { ...meeting, information: {}, decisions: null },
      summary: view === 'summary',
      label: MEETING_TYPE_LABELS[meeting.type],
      record,
      actions,
      names,
    })
  })

  app.get<{ Params: { id: string } }>('/actions/:id', { preHandler: signedIn }, async (request, reply) => {
    const at = now()
    const { action, record } = await actionFor(request, Number(request.params.id), at)
    await viewed(db, request, 'view_action', record.person_id, { action_id: action.id }, at)
    return reply.render('wt-action.njk', {
      action,
      record,
      canComplete: mayComplete(userOf(request), action),
      values: {},
    })
  })

  app.post<{ Params: { id: string }; Body: Form }>('/actions/:id/done', post, async (request, reply) => {
    const at = now()
    const { action, record } = await actionFor(request, Number(request.params.id), at)
    const user = userOf(request)
    if (!mayComplete(user, action))
      throw forbidden('Only the owner of an action, a manager in their agency or the chair can mark it done.')
    const form = request.body ?? {}
    const errors = new FormErrors()
    const completedAt = readDateTime(
      form,
      'done',
      errors,
      { label: 'the date it was done', required: true, notAfter: at },
      at,
    )
    // the one check of a completion (actions.ts); the date is the shared reader's
    if (completionProblems({ completedAt: completedAt ?? at, evidence: text(form, 'evidence') }).length)
      errors.add('evidence', 'Enter the evidence that it was done, for example a visit record reference')
    if (!errors.any)
      await completeAction(
        db,
        actorOf(request),
        action.id,
        user.id,
        { completedAt, evidence: text(form, 'evidence') },
        at,
      ).catch((error: unknown) => {
        if (!(error instanceof MeetingError)) throw error
        errors.fromProblems(error.message, (p) => (/date/.test(p) ? 'done' : 'evidence'))
      })
    if (errors.any)
      return reply
        .code(400)
        .render('wt-action.njk', { action, record, canComplete: true, values: form, errors: errors.view() })
    return reply.redirect(`/actions/${action.id}`)
  })

  // ---- supervision ----
  app.get<{ Params: { id: string } }>(
    '/people/:id/supervision/new',
    { preHandler: withRole('manager') },
    async (request, reply) => {
      const at = now()
      const { record } = await childFor(db, request, Number(request.params.id), at)
      const people = await professionals(db)
      const allocated = (await allocationFacts(db, [record.person_id]))
        .filter((a) => activeAllocation(a, at))
        .map((a) => people.get(a.userId)!)
        .filter(Boolean)
      // the agency's own supervision notes only (access.ts supervisionView)
      const past = (await supervisionsAt(db, at, [record.person_id])).filter(
        (s) => supervisionView(viewerOf(request), record.reach, supervisionFacts(s)) === 'full',
      )
      await viewed(db, request, 'view_supervision_form', record.person_id, {}, at)
      return reply.render('wt-supervision-new.njk', {
        record,
        allocated,
        past,
        people: [...people.values()].filter((p) => p.active && doesCasework(p.roles)),
        rows: [1, 2, 3],
      })
    },
  )

  app.post<{ Params: { id: string }; Body: Form }>(
    '/people/:id/supervision',
    { preHandler: [withRole('manager'), app.csrfProtection] },
    async (request, reply) => {
      const at = now()
      const { record } = await childFor(db, request, Number(request.params.id), at)
      const form = request.body ?? {}
      await recordSupervision(
        db,
        actorOf(request),
        {
          childId: record.person_id,
          workerId: Number(text(form, 'worker_id')),
          supervisorId: userOf(request).id,
          heldAt: londonTime(text(form, 'held_on'), text(form, 'held_time'), at),
          reflection: text(form, 'reflection'),
          decisions: text(form, 'decisions') || null,
          actions: actionRows(form, 3),
        },
        at,
      ).catch(asBadRequest)
      await checkFormOnSave(db, userOf(request), form, ['reflection', 'decisions'], {
        context: 'supervision',
        childId: record.person_id,
        childDob: record.date_of_birth,
        at,
      })
      return reply.redirect(`/people/${record.person_id}#working-together`)
    },
  )

  // ---- competencies and assignments ----
  app.get('/competencies', { preHandler: withRole('manager') }, async (request, reply) => {
    const at = now()
    const staff = await workers(db, at, userOf(request).agency)
    const people = [...(await professionals(db)).values()]
    await viewed(db, request, 'view_competencies', null, { agency: userOf(request).agency }, at)
    return reply.render('wt-competencies.njk', {
      staff: staff.map((w) => ({
        ...w,
        heldNow: w.held.map((c) => ({
          ...c,
          label: COMPETENCY_LABELS[c.type as keyof typeof COMPETENCY_LABELS] ?? c.type,
          valid: c.obtainedAt <= at && (!c.expiresAt || c.expiresAt > at),
        })),
      })),
      types: COMPETENCY_TYPES.map((t) => ({ value: t, text: COMPETENCY_LABELS[t] })),
      managers: people.filter((p) => p.active && p.roles.includes('manager') && p.agency === userOf(request).agency),
      tasks: TASKS.map((t) => ({
        task: t,
        needs: requiredFor(t).map((c) => COMPETENCY_LABELS[c as keyof typeof COMPETENCY_LABELS] ?? c),
      })),
    })
  })

  const ownStaff = async (request: FastifyRequest, userId: number) => {
    const person = (await professionals(db)).get(userId)
    if (!person || person.agency !== userOf(request).agency)
      throw forbidden("You manage the register of your own agency's staff.")
    return person
  }

  app.post<{ Body: Form }>(
    '/competencies',
    { preHandler: [withRole('manager'), app.csrfProtection] },
    async (request, reply) => {
      const form = request.body ?? {}
      const userId = Number(text(form, 'user_id'))
      await ownStaff(request, userId)
      await addCompetency(
        db,
        actorOf(request),
        userOf(request).id,
        {
          userId,
          type: text(form, 'type'),
          obtainedOn: text(form, 'obtained_on'),
          expiresOn: text(form, 'expires_on') || null,
        },
        now(),
      ).catch(asBadRequest)
      return reply.redirect('/competencies')
    },
  )

  app.post<{ Body: Form }>(
    '/competencies/settings',
    { preHandler: [withRole('manager'), app.csrfProtection] },
    async (request, reply) => {
      const form = request.body ?? {}
      const userId = Number(text(form, 'user_id'))
      await ownStaff(request, userId)
      const asye = text(form, 'asye_started_on')
      if (asye && !isoDay(asye)) throw badRequest('The ASYE start date must be a date (YYYY-MM-DD).')
      await setWorkerSettings(
        db,
        actorOf(request),
        userId,
        { asyeStartedOn: asye || null, managerId: Number(text(form, 'manager_id')) || null },
        now(),
      ).catch(asBadRequest)
      return reply.redirect('/competencies')
    },
  )

  const assignPage = async (
    request: FastifyRequest,
    record: PersonRecordView,
    task: string,
    at: Date,
    problem: string | null,
    form: Form = {},
  ) => {
    const { qualified, unqualified } = TASKS.includes(task)
      ? await candidatesFor(db, task, at)
      : { qualified: [], unqualified: [] }
    return {
      record,
      task,
      tasks: TASKS.map((t) => ({
        value: t,
        text: t.replace(/_/g, ' '),
        needs: requiredFor(t).map((c) => COMPETENCY_LABELS[c as keyof typeof COMPETENCY_LABELS] ?? c),
        selected: t === task,
      })),
      qualified,
      unqualified,
      problem,
      form,
      isManager: userOf(request).roles.includes('manager'),
    }
  }

  app.get<{ Params: { id: string }; Querystring: { task?: string } }>(
    '/people/:id/assign',
    { preHandler: withRole('manager', 'mash') },
    async (request, reply) => {
      const at = now()
      const { record } = await childFor(db, request, Number(request.params.id), at)
      await viewed(db, request, 'view_assignment_form', record.person_id, {}, at)
      return reply.render('wt-assign.njk', await assignPage(request, record, request.query.task ?? TASKS[0], at, null))
    },
  )

  app.post<{ Params: { id: string }; Body: Form }>(
    '/people/:id/assign',
    { preHandler: [withRole('manager', 'mash'), app.csrfProtection] },
    async (request, reply) => {
      const at = now()
      const { record } = await childFor(db, request, Number(request.params.id), at)
      const form = request.body ?? {}
      const task = text(form, 'task')
      const chosen = text(form, 'qualified_user_id') || text(form, 'override_user_id')
      if (!chosen) throw badRequest('Choose who is to do the task.')
      const overriding = !text(form, 'qualified_user_id')
      try {
        await assignTask(
          db,
          actorOf(request),
          {
            childId: record.person_id,
            task,
            userId: Number(chosen),
            by: { id: userOf(request).id, roles: userOf(request).roles },
            overrideReason: overriding ? text(form, 'override_reason') : null,
          },
          at,
        )
      } catch (error) {
        if (error instanceof OverrideNeeded)
          return reply
            .code(400)
            .render('wt-assign.njk', await assignPage(request, record, task, at, error.message, form))
        return asBadRequest(error)
      }
      return reply.redirect(`/people/${record.person_id}#working-together`)
    },
  )

  app.post<{ Params: { id: string }; Body: Form }>(
    '/people/:id/lead-professional',
    { preHandler: [withRole('manager', 'mash'), app.csrfProtection] },
    async (request, reply) => {
      const at = now()
      const { record } = await childFor(db, request, Number(request.params.id), at)
      const body = request.body ?? {}
      const allocationId = Number(text(body, 'allocation_id'))
      const from = text(body, 'lead_from') ? Number(text(body, 'lead_from')) : null
      try {
        await setLeadProfessional(db, actorOf(request), record.person_id, allocationId, from, at)
      } catch (error) {
        if (error instanceof LeadRefused) throw badRequest(error.message)
        throw error
      }
      return reply.redirect(`/people/${record.person_id}#working-together`)
    },
  )

  // ---- a worker's own page, the manager's morning page and the partnership's figures ----
  app.get('/my-work', { preHandler: withRole('practitioner', 'manager', 'mash') }, async (request, reply) => {
    const at = now()
    const me = userOf(request).id
    const [actions, challenges, supervision, assignments, allocations] = await Promise.all([
      actionsAt(db, at),
      challengesAt(db, at),
      supervisionStatusAt(db, at),
      assignmentsAt(db, at),
      allocationFacts(db),
    ])
    // decisions put to my agency ("Do you agree with this decision?") about the children I am allocated to
    const myChildren = [
      ...new Set(allocations.filter((a) => a.userId === me && activeAllocation(a, at)).map((a) => Number(a.childId))),
    ]
    const agency = userOf(request).agency
    const prompted = (await decisionsAt(db, at, myChildren)).filter(
      (d) =>
        d.prompt.promptAgencies.includes(agency) &&
        !challenges.some((c) => c.decisionId === d.id && c.challenge.raisedByAgency === agency),
    )
    const mine = {
      prompted,
      actions: actions.filter((a) => (a.owner.id === me || a.chairId === me) && a.status !== 'done'),
      // the one rule of whose work a challenge is (stage-owner.ts), as on the morning page
      challenges: challenges
        .map((c) => ({ ...c, work: challengeWork(userOf(request), workFacts(c)) }))
        .filter((c) => c.work !== null),
      supervision: supervision.filter((s) => s.worker.id === me),
      assignments: assignments.filter((a) => a.worker.id === me && a.open),
    }
    const children = [
      ...new Set(
        [...mine.actions, ...mine.challenges, ...mine.supervision, ...mine.assignments]
          .map((x) => Number(x.childId))
          .concat(prompted.map((d) => Number(d.decision.childId))),
      ),
    ]
    const names = await summaries(db, children, at)
    const nameOf = (id: string) => {
      const s = names.get(Number(id))
      return s ? `${s.given_name ?? ''} ${s.family_name ?? ''}`.trim() || `Child ${id}` : `Child ${id}`
    }
    await viewed(db, request, 'view_my_work', null, { children }, at)
    return reply.render('wt-my-work.njk', { ...mine, nameOf, at, me })
  })

  app.get('/manager', { preHandler: withRole('manager') }, async (request, reply) => {
    const at = now()
    const page = await managerPage(db, userOf(request), at)
    const sections = await loadManagerSections({ db, user: userOf(request), team: page.team.map((p) => p.id), now: at })
    const children = [...new Set([...page.children.map(Number), ...childrenNamed(sections.map((s) => s.section))])]
    await viewed(db, request, 'view_manager_page', null, { children }, at)
    return reply.render('wt-manager.njk', { ...page, sections, at })
  })

  app.get('/partnership/challenges', { preHandler: withRole('partnership', 'manager') }, async (request, reply) => {
    const at = now()
    const report = await partnershipReport(db, at)
    await viewed(db, request, 'view_partnership_report', null, { report: 'challenges' }, at)
    return reply.render('wt-partnership.njk', { report, at })
  })
}

export default routes
