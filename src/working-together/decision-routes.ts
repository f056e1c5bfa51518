// Pages for decisions and challenges: record a decision about a child, raise a challenge (of a
// decision, or of another agency's practice), read a challenge and act on it. Who may do each is
// access.ts; every page starts from the child as the one asking may see them (pages.ts).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import type { Db } from '../db/database.ts'
import { londonDate, now } from '../config/clock.ts'
import { actorOf, signedIn, userOf } from '../web/guards.ts'
import { badRequest, forbidden, HttpError, notFound } from '../web/http-error.ts'
import { FormErrors, readDateTime, text, type Form } from '../web/forms.ts'
import { label } from '../web/filters.ts'
import { checkFormOnSave } from '../language/storage.ts'
import { DECISION_KINDS, CHARGING_OUTCOMES, THRESHOLD_OUTCOMES, decisionProblems } from './decisions.ts'
import { CHALLENGE_SUBJECTS, outcomesFor } from './outcomes.ts'
import { areaProtocol } from './settings.ts'
import { recordDecision, decisionsAt, DecisionError, type StoredDecision } from './store-decisions.ts'
import {
  raiseChallenge,
  noteChallenge,
  ChallengeError,
  ChallengeChanged,
  type StoredChallenge,
} from './store-challenges.ts'
import { agencyKindOf, agencyList } from './store-people.ts'
import { isChallengeChair, isChallengeParty, mayNoteChallenge, mayRecordDecisionKind } from './access.ts'
import { mayEditRecord } from '../access/record-author.ts'
import { asBadRequest, challengeFor, childWorkedWith, decisionSeen, viewed, type ChildRecord } from './pages.ts'

const kindLabel = { responded: 'a response', escalated: 'moving it up', resolved: 'resolving it' } as const
type NoteKind = keyof typeof kindLabel
const isNoteKind = (kind: string): kind is NoteKind => Object.hasOwn(kindLabel, kind)

/** Which field a decision's problem is about. */
const decisionField = (p: string) =>
  /kind/.test(p) ? 'kind' : /outcome/.test(p) ? 'outcome' : /date/.test(p) ? 'decided' : 'rationale'

/** What the decision form shows: the kinds this agency may record (access.ts mayRecordDecisionKind). */
async function decisionForm(db: Db, request: FastifyRequest, record: ChildRecord) {
  const agencyKind = await agencyKindOf(db, userOf(request).agency)
  return {
    record,
    kinds: DECISION_KINDS.filter((k) => mayRecordDecisionKind(k, agencyKind)).map((k) => ({
      value: k,
      text: label(k),
    })),
    outcomes: [...new Set([...THRESHOLD_OUTCOMES, ...CHARGING_OUTCOMES])].map((o) => ({ value: o, text: label(o) })),
    agencyKind,
  }
}

/** The decision as typed, checked all at once (the date and the decision's own checks); null with the errors added. */
async function saveDecision(
  db: Db,
  request: FastifyRequest,
  record: ChildRecord,
  form: Form,
  errors: FormErrors,
  at: Date,
): Promise<{ decidedAt: Date | null } | null> {
  const decidedAt = readDateTime(
    form,
    'decided',
    errors,
    { label: 'the date of the decision', required: true, notAfter: at },
    at,
  )
  const decision = {
    kind: text(form, 'kind'),
    outcome: text(form, 'outcome') || null,
    rationale: text(form, 'rationale'),
  }
  // every mistake at once: the decision's own checks too, whatever the date
  for (const problem of decisionProblems({ ...decision, decidedAt: decidedAt ?? at }))
    errors.add(
      decisionField(problem),
      problem.replace(/^./, (c) => c.toUpperCase()),
    )
  if (errors.any) return null
  const user = userOf(request)
  const input = { ...decision, childId: record.person_id, agency: user.agency, decidedAt, decidedBy: user.id }
  return recordDecision(db, actorOf(request), input, at).then(
    () => ({ decidedAt }),
    (error: unknown) => {
      if (!(error instanceof DecisionError)) throw error
      errors.fromProblems(error.message, decisionField)
      return null
    },
  )
}

/** What the challenge form shows: the decision challenged (one the viewer may read), or the agencies to challenge. */
async function challengeForm(
  db: Db,
  request: FastifyRequest,
  record: ChildRecord,
  decisionId: string | null,
  at: Date,
) {
  const found = decisionId
    ? (await decisionsAt(db, at, [record.person_id])).find((d) => d.id === decisionId)
    : undefined
  // a decision the viewer may not read is one they cannot see to challenge
  const decision = found && decisionSeen(request, record, found) !== 'hidden' ? found : null
  if (decisionId && !decision) throw notFound('There is no such decision about this child.')
  const others = (await agencyList(db)).filter((a) => a.code !== userOf(request).agency)
  return {
    record,
    decision,
    agencies: others.map((a) => ({ value: a.code, text: a.name })),
    subjects: CHALLENGE_SUBJECTS.map((s) => ({ value: s, text: label(s) })),
    protocol: areaProtocol().stages,
  }
}

/** A note refused because someone acted on the challenge first: what was not saved, in the refusal. */
const changedRefusal = (error: ChallengeChanged, kind: NoteKind, note: { outcome: string | null; note: string }) =>
  new HttpError(
    409,
    `${error.message.replace(/^./, (c) => c.toUpperCase())}. Your note (not saved): ${kindLabel[kind]}` +
      (note.outcome ? `, ${note.outcome.replace(/_/g, ' ')}` : '') +
      (note.note ? `: "${note.note}"` : '') +
      '.',
  )

/** The decision form (the kinds this agency records). */
async function decisionFormPage(db: Db, request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
  const at = now()
  const record = await childWorkedWith(db, request, Number(request.params.id), at)
  await viewed(db, request, 'view_decision_form', record.person_id, {}, at)
  return reply.render('wt-decision-new.njk', { ...(await decisionForm(db, request, record)), values: {} })
}

/** A decision recorded, or the form again with what to put right. */
async function recordDecisionPage(
  db: Db,
  request: FastifyRequest<{ Params: { id: string }; Body: Form }>,
  reply: FastifyReply,
) {
  const at = now()
  const record = await childWorkedWith(db, request, Number(request.params.id), at)
  const form = request.body ?? {}
  const page = await decisionForm(db, request, record)
  const kind = text(form, 'kind')
  if (!mayRecordDecisionKind(kind, page.agencyKind))
    throw forbidden(
      kind === 'charging_decision'
        ? 'Only the prosecutor records a charging decision.'
        : 'Only the police record a police decision to take no further action.',
    )
  const errors = new FormErrors()
  const saved = await saveDecision(db, request, record, form, errors, at)
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
    date: saved.decidedAt ? londonDate(saved.decidedAt) : null,
  })
  return reply.redirect(`/people/${record.person_id}/working-together`)
}

/** The challenge form: of a decision the viewer may read, or of another agency's practice. */
async function challengeFormPage(
  db: Db,
  request: FastifyRequest<{ Params: { id: string }; Querystring: { decision?: string } }>,
  reply: FastifyReply,
) {
  const at = now()
  const record = await childWorkedWith(db, request, Number(request.params.id), at)
  const decisionId = request.query.decision ?? null
  const page = await challengeForm(db, request, record, decisionId, at)
  await viewed(db, request, 'view_challenge_form', record.person_id, { decision_id: decisionId }, at)
  const values = {
    subject: page.decision?.decision.kind === 'charging_decision' ? 'prosecutor_decision' : '',
  }
  return reply.render('wt-challenge-new.njk', { ...page, values })
}

/** A challenge raised, or the form again with what to put right. */
async function raiseChallengePage(
  db: Db,
  request: FastifyRequest<{ Params: { id: string }; Body: Form }>,
  reply: FastifyReply,
) {
  const at = now()
  const record = await childWorkedWith(db, request, Number(request.params.id), at)
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
      ...(await challengeForm(db, request, record, decisionId, at)),
      values: form,
      errors: errors.view(),
    })
  return reply.redirect(`/challenges/${id}`)
}

interface ChallengedVersion {
  outcome: string | null
  rationale: string | null
  decidedAt: Date
  /** A decision recorded by hand has a page of its versions. */
  versioned: boolean
}

/**
 * The decision as it stood when it was challenged, when it has been changed since (decision 0029):
 * the challenge stays beside the version it was raised against, whatever the decision says now.
 */
async function challengedVersion(
  db: Db,
  record: ChildRecord,
  challenge: StoredChallenge,
  current: StoredDecision | undefined,
): Promise<ChallengedVersion | null> {
  const then = (await decisionsAt(db, challenge.challenge.openedAt, [record.person_id])).find(
    (d) => d.id === challenge.decisionId,
  )
  if (!then || !current) return null
  const [a, b] = [then.decision, current.decision]
  const same = a.outcome === b.outcome && a.rationale === b.rationale && a.decidedAt.getTime() === b.decidedAt.getTime()
  if (same) return null
  return { outcome: a.outcome, rationale: a.rationale, decidedAt: a.decidedAt, versioned: current.version !== null }
}

/** A challenge, and what the viewer may do with it. */
async function challengePage(db: Db, request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
  const at = now()
  const { challenge, record } = await challengeFor(db, request, Number(request.params.id), at)
  // the decision challenged, as far as the viewer may read it (a restricted one: its kind, not its outcome)
  let challenged: ChallengedVersion | null = null
  if (record && challenge.decision && challenge.decisionId) {
    const found = (await decisionsAt(db, at, [record.person_id])).find((d) => d.id === challenge.decisionId)
    if (decisionSeen(request, record, found) !== 'full') challenge.decision = { ...challenge.decision, outcome: null }
    else challenged = await challengedVersion(db, record, challenge, found)
  }
  await viewed(db, request, 'view_challenge', Number(challenge.childId), { challenge_id: challenge.id }, at)
  const user = userOf(request)
  const party = isChallengeParty(user, challenge.challenge)
  const chair = isChallengeChair(user, challenge.state.stageOwnerRole)
  return reply.render('wt-challenge.njk', {
    challenge,
    record,
    challenged,
    // what it disagrees with is changed by whoever raised it, or their manager (decision 0029)
    canEdit: record !== null && mayEditRecord(user, challenge.raisedBy),
    canAct: challenge.state.status === 'open' && (party || chair),
    canEscalate: party && challenge.state.stage < areaProtocol().stages.length,
    outcomes: outcomesFor(challenge.challenge.decision),
    protocol: areaProtocol().stages,
  })
}

/** A response, moving it up or resolving it, by those who may; refused when someone acted first (409). */
async function noteChallengePage(
  db: Db,
  request: FastifyRequest<{ Params: { id: string }; Body: Form }>,
  reply: FastifyReply,
) {
  const at = now()
  const { challenge } = await challengeFor(db, request, Number(request.params.id), at)
  const user = userOf(request)
  const form = request.body ?? {}
  const kind = text(form, 'kind')
  if (!isNoteKind(kind)) throw badRequest('Say whether you are responding, moving it up or resolving it.')
  if (!mayNoteChallenge(user, { challenge: challenge.challenge, stageOwnerRole: challenge.state.stageOwnerRole }, kind))
    throw forbidden('Only the agencies in this challenge (and the independent chair at the last stage) can act on it.')
  const note = { kind, outcome: text(form, 'outcome') || null, note: text(form, 'note') }
  // the version the page showed: a second click, or a page opened before someone else acted, is refused
  const seen = text(form, 'version')
  await noteChallenge(db, actorOf(request), challenge.id, user.id, note, at, seen === '' ? undefined : Number(seen))
    .catch((error: unknown) => {
      if (error instanceof ChallengeChanged) throw changedRefusal(error, kind, note)
      throw error
    })
    .catch(asBadRequest)
  return reply.redirect(`/challenges/${challenge.id}`)
}

const decisionRoutes: FastifyPluginAsync<AppDeps> = async (app, { database }) => {
  const db = database.db
  const post = { preHandler: [signedIn, app.csrfProtection] }

  app.get<{ Params: { id: string } }>('/people/:id/decisions/new', { preHandler: signedIn }, (request, reply) =>
    decisionFormPage(db, request, reply),
  )

  app.post<{ Params: { id: string }; Body: Form }>('/people/:id/decisions', post, (request, reply) =>
    recordDecisionPage(db, request, reply),
  )

  app.get<{ Params: { id: string }; Querystring: { decision?: string } }>(
    '/people/:id/challenges/new',
    { preHandler: signedIn },
    (request, reply) => challengeFormPage(db, request, reply),
  )

  app.post<{ Params: { id: string }; Body: Form }>('/people/:id/challenges', post, (request, reply) =>
    raiseChallengePage(db, request, reply),
  )

  app.get<{ Params: { id: string } }>('/challenges/:id', { preHandler: signedIn }, (request, reply) =>
    challengePage(db, request, reply),
  )

  app.post<{ Params: { id: string }; Body: Form }>('/challenges/:id/notes', post, (request, reply) =>
    noteChallengePage(db, request, reply),
  )
}

export default decisionRoutes
