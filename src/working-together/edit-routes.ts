// Pages to change what a practitioner wrote, and to read every version of it (issue 15, decision
// 0029): a decision recorded by hand, what a challenge disagrees with, what a meeting's record says,
// what an action is and when it is due.
// Each page starts from the record as the one asking may read it (pages.ts); who may change it is
// access/record-author.ts mayEditRecord, for the "Change" link and the page alike. A change is saved against the
// version the page showed (record-versions.ts): a stale page gets 409 with what the record says now
// beside what this person typed, nothing saved. The language check runs as they type (the form's
// boxes) and again on save; the form, each change and each look at the versions are audited.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import type { Db } from '../db/database.ts'
import type { Actor } from '../audit/actor.ts'
import { londonDate, now } from '../config/clock.ts'
import { actorOf, signedIn, userOf } from '../web/guards.ts'
import { badRequest, forbidden, notFound } from '../web/http-error.ts'
import { FormErrors, dateTimeValues, readDateTime, text, type Form } from '../web/forms.ts'
import { spokenTime } from '../web/date-time.ts'
import { label } from '../web/filters.ts'
import { checkFormOnSave } from '../language/storage.ts'
import { CHARGING_OUTCOMES, THRESHOLD_OUTCOMES } from './decisions.ts'
import { MEETING_TYPE_LABELS } from './meetings.ts'
import { DecisionError, editDecision } from './store-decisions.ts'
import { ChallengeError, editChallengeSummary } from './store-challenges.ts'
import { editAction, editMeeting, MeetingError } from './store-meetings.ts'
import { agencyList, professionals } from './store-people.ts'
import { mayEditRecord, type RecordAuthor } from '../access/record-author.ts'
import { actionFor, challengeFor, childSeen, decisionFor, meetingFor, viewed, type ChildRecord } from './pages.ts'
import { rewordScreening, type Screening } from '../risk/screening.ts'
import { editScreening, instrumentVersions, screeningById } from '../risk/store.ts'
import {
  RecordChanged,
  RecordEditError,
  versionsOf,
  type Content,
  type EditableKind,
  type RecordVersion,
} from '../edits/record-versions.ts'

type Params = FastifyRequest<{ Params: { id: string } }>
type Sent = FastifyRequest<{ Params: { id: string }; Body: Form }>

interface Field {
  type: 'textarea' | 'input' | 'select' | 'dateTime'
  name: string
  label: string
  hint?: string
  options?: { value: string; text: string }[]
  blank?: string
  classes?: string
}

/** What a user asks to save, against the version their page showed. */
interface EditBy {
  id: number
  seen: number
  by: number
}

/** A form read for saving: how to save it, and what the language check reads again once saved. */
interface Write {
  /** The store's edit (raises RecordChanged on a stale version, a kind in `problems` on a mistake). */
  save: (actor: Actor, edit: EditBy) => Promise<unknown>
  /** The free-text fields the language check runs on again after saving. */
  checked: string[]
  /** The day the record is about, for the language check (its own date when it has one). */
  date?: string | null
}

/** One kind's edit page: the record as this person may read it, and what the form and the versions show. */
interface Editable {
  kind: EditableKind
  id: number
  record: ChildRecord
  /** Who wrote it first (access/record-author.ts mayEditRecord). */
  author: RecordAuthor | undefined
  version: number
  heading: string
  back: { href: string; text: string }
  fields: Field[]
  /** The form's values from what the record says now. */
  values: Form
  /** What a version says, row by row, in the words of the form. */
  rows: (content: Content) => { label: string; value: string }[]
  /** The form read for saving, its mistakes added to `errors` (null: nothing to save). */
  write: (form: Form, errors: FormErrors, at: Date) => Write | null
  /** The store's refusals that are mistakes to put right on the page, and the field each belongs to. */
  problems: { kinds: (new (...args: never[]) => Error)[]; field: (problem: string) => string }
  /** Where the language check files what it finds (decision, challenge, ...). */
  context: string
  /** Where a saved change goes. */
  after: string
}

const base = (e: Editable) => `/${e.kind}s/${e.id}`

/** The record, for one who may change it (403 otherwise, the same rule as the link). */
function mayChange(request: FastifyRequest, e: Editable): Editable {
  if (!mayEditRecord(userOf(request), e.author))
    throw forbidden('Only the person who wrote this record, or their manager, can change it.')
  return e
}

/** The version the form was opened from: a small counter, or the form was not sent whole. */
function seenVersion(form: Form): number {
  const seen = text(form, 'version')
  if (!/^\d{1,9}$/.test(seen)) throw badRequest('The form was not sent whole: open the record again.')
  return Number(seen)
}

const editView = (e: Editable) => ({
  heading: e.heading,
  back: e.back,
  fields: e.fields,
  action: `${base(e)}/edit`,
  versionsHref: `${base(e)}/versions`,
  version: e.version,
})

async function editFormPage(db: Db, request: FastifyRequest, reply: FastifyReply, e: Editable) {
  mayChange(request, e)
  await viewed(db, request, 'view_record_edit_form', e.record.person_id, { kind: e.kind, record_id: e.id }, now())
  return reply.render('wt-edit.njk', { ...editView(e), values: e.values })
}

/** The same page again: with what to put right (400), or with what the record says now (409). */
async function refused(
  db: Db,
  reply: FastifyReply,
  e: Editable,
  form: Form,
  errors: FormErrors,
  error?: RecordChanged,
) {
  // the version the page was opened from goes back with it: a change made meanwhile is still caught
  const seen = text(form, 'version')
  if (!error)
    return reply.code(400).render('wt-edit.njk', { ...editView(e), version: seen, values: form, errors: errors.view() })
  const people = await professionals(db)
  const changedBy = (error.current.writtenBy !== null && people.get(error.current.writtenBy)?.name) || 'someone'
  // a challenge also changes when a note is recorded on it (decision 0029)
  const how = e.kind === 'challenge' ? ' (a note was recorded, or what it says was changed)' : ''
  errors.add('version', `This ${e.kind} changed after you opened it${how}. Nothing was saved.`, '#record-now')
  return reply.code(409).render('wt-edit.njk', {
    ...editView(e),
    // saving again from this page changes the version shown, knowingly
    version: error.current.version,
    values: form,
    errors: errors.view(),
    current: e.rows(error.current.content),
    changedBy,
    changedAt: error.current.recordedAt,
  })
}

/**
 * A change saved, for every kind: the record for one who may change it, the form read (every mistake at
 * once), saved against the version the page showed, then the language check again and on to the record.
 * A stale version is the page again with what the record says now (409); a mistake, the page again (400).
 */
async function saveEdit(db: Db, request: Sent, reply: FastifyReply, load: Loader) {
  const at = now()
  const e = mayChange(request, await load(db, request, Number(request.params.id), at))
  const form = request.body ?? {}
  const seen = seenVersion(form)
  const errors = new FormErrors()
  const write = e.write(form, errors, at)
  let stale: RecordChanged | undefined
  if (write && !errors.any)
    try {
      await write.save(actorOf(request), { id: e.id, seen, by: userOf(request).id })
    } catch (error) {
      if (error instanceof RecordChanged) stale = error
      else if (e.problems.kinds.some((K) => error instanceof K))
        errors.fromProblems((error as Error).message, e.problems.field)
      else throw error
    }
  if (!write || stale || errors.any) return refused(db, reply, e, form, errors, stale)
  await checkFormOnSave(db, userOf(request), form, write.checked, {
    context: e.context,
    childId: e.record.person_id,
    childDob: e.record.date_of_birth,
    at,
    ...(write.date ? { date: write.date } : {}),
  })
  return reply.redirect(e.after)
}

async function versionsPage(db: Db, request: FastifyRequest, reply: FastifyReply, e: Editable) {
  const versions = (await versionsOf(db, e.kind, e.id)) ?? []
  const people = await professionals(db)
  await viewed(db, request, 'view_record_versions', e.record.person_id, { kind: e.kind, record_id: e.id }, now())
  return reply.render('wt-versions.njk', {
    heading: `Versions: ${e.heading.replace(/^Change /, '')}`,
    back: e.back,
    versions: versions.map((v: RecordVersion) => ({
      ...v,
      writtenBy: (v.writtenBy !== null && people.get(v.writtenBy)?.name) || 'unknown',
      rows: e.rows(v.content),
    })),
  })
}

// decisions

const OUTCOMES = [...new Set([...THRESHOLD_OUTCOMES, ...CHARGING_OUTCOMES])].map((o) => ({ value: o, text: label(o) }))
const decisionField = (p: string) => (/outcome/.test(p) ? 'outcome' : /date/.test(p) ? 'decided' : 'rationale')

async function editableDecision(db: Db, request: FastifyRequest, id: number, at: Date): Promise<Editable> {
  const { decision, record } = await decisionFor(db, request, id, at)
  const d = decision.decision
  return {
    kind: 'decision',
    id,
    record,
    author: d.decidedBy === null ? undefined : (await professionals(db)).get(Number(d.decidedBy)),
    version: decision.version ?? 0,
    heading: `Change the ${label(d.kind).toLowerCase()} about ${record.given_name} ${record.family_name}`,
    back: { href: `/people/${record.person_id}/working-together`, text: 'Back to working together' },
    fields: [
      { type: 'select', name: 'outcome', label: 'Outcome', options: OUTCOMES, blank: 'Not applicable' },
      { type: 'dateTime', name: 'decided', label: 'Date of the decision' },
      {
        type: 'textarea',
        name: 'rationale',
        label: 'Rationale',
        hint: 'Why this decision was made, on what information',
      },
    ],
    values: { outcome: d.outcome ?? '', ...dateTimeValues('decided', d.decidedAt), rationale: d.rationale ?? '' },
    rows: (c) => [
      { label: 'Outcome', value: c.outcome ? label(String(c.outcome)) : '' },
      { label: 'Date of the decision', value: spokenTime(c.decided_at as Date | string) },
      { label: 'Rationale', value: String(c.rationale ?? '') },
    ],
    write: (form, errors, at) => {
      const decidedAt = readDateTime(
        form,
        'decided',
        errors,
        { label: 'the date of the decision', required: true, notAfter: at },
        at,
      )
      const input = { outcome: text(form, 'outcome') || null, rationale: text(form, 'rationale'), decidedAt }
      // every mistake at once: the rationale too, whatever the date (the store checks the rest)
      if (!input.rationale)
        errors.add('rationale', 'Give the rationale: why this decision was made, on what information')
      return {
        save: (actor, edit) => editDecision(db, actor, edit, input, at),
        checked: ['rationale'],
        date: decidedAt ? londonDate(decidedAt) : null,
      }
    },
    problems: { kinds: [DecisionError], field: decisionField },
    context: 'decision',
    after: `/people/${record.person_id}/working-together`,
  }
}

// challenges

async function editableChallenge(db: Db, request: FastifyRequest, id: number, at: Date): Promise<Editable> {
  const { challenge, record } = await challengeFor(db, request, id, at)
  // the partnership reads a challenge's stage, never what was said
  if (!record) throw notFound('There is no such challenge, or it is not shared with you.')
  return {
    kind: 'challenge',
    id,
    record,
    author: challenge.raisedBy,
    version: challenge.version,
    heading: `Change challenge ${id}`,
    back: { href: `/challenges/${id}`, text: `Back to challenge ${id}` },
    fields: [{ type: 'textarea', name: 'summary', label: 'What you disagree with, and why' }],
    values: { summary: challenge.summary },
    rows: (c) => [{ label: 'What they disagree with', value: String(c.summary ?? '') }],
    write: (form, _errors, at) => ({
      save: (actor, edit) => editChallengeSummary(db, actor, edit, text(form, 'summary'), at),
      checked: ['summary'],
    }),
    problems: { kinds: [ChallengeError], field: () => 'summary' },
    context: 'challenge',
    after: `/challenges/${id}`,
  }
}

// meetings

async function editableMeeting(db: Db, request: FastifyRequest, id: number, at: Date): Promise<Editable> {
  const { meeting, record, view } = await meetingFor(db, request, id, at)
  // what was shared in a strategy discussion stays with those who were in it
  if (view !== 'full') throw notFound('There is no such meeting, or it is not shared with you.')
  const agencies = await agencyList(db)
  const information = (c: Content) =>
    (typeof c.information === 'string' ? JSON.parse(c.information) : (c.information ?? {})) as Record<string, string>
  return {
    kind: 'meeting',
    id,
    record,
    author: meeting.recordedBy === null ? undefined : (await professionals(db)).get(meeting.recordedBy),
    version: meeting.version,
    heading: `Change the ${MEETING_TYPE_LABELS[meeting.type].toLowerCase()} of ${spokenTime(meeting.heldAt)}`,
    back: { href: `/meetings/${id}`, text: 'Back to the meeting' },
    fields: [
      ...agencies.map((a): Field => ({
        type: 'textarea',
        name: `information_${a.code}`,
        label: `What ${a.name} shared`,
      })),
      { type: 'textarea', name: 'decisions', label: 'Decisions' },
    ],
    values: {
      ...Object.fromEntries(Object.entries(meeting.information).map(([code, said]) => [`information_${code}`, said])),
      decisions: meeting.decisions ?? '',
    },
    rows: (c) => [
      ...agencies
        .filter((a) => information(c)[a.code])
        .map((a) => ({ label: `What ${a.name} shared`, value: information(c)[a.code] })),
      { label: 'Decisions', value: typeof c.decisions === 'string' ? c.decisions : '' },
    ],
    write: (form, _errors, at) => {
      const codes = agencies.map((a) => a.code)
      const shared = Object.fromEntries(codes.map((code) => [code, text(form, `information_${code}`)]))
      const input = { information: shared, decisions: text(form, 'decisions') || null }
      return {
        save: (actor, edit) => editMeeting(db, actor, edit, input, at),
        checked: ['decisions', ...codes.filter((c) => shared[c]).map((code) => `information_${code}`)],
      }
    },
    problems: { kinds: [], field: () => 'decisions' },
    context: 'meeting',
    after: `/meetings/${id}`,
  }
}

// actions

async function editableAction(db: Db, request: FastifyRequest, id: number, at: Date): Promise<Editable> {
  const { action, record } = await actionFor(db, request, id, at)
  return {
    kind: 'action',
    id,
    record,
    author: action.recordedBy === null ? undefined : (await professionals(db)).get(action.recordedBy),
    version: action.version,
    heading: `Change the action "${action.title}"`,
    back: { href: `/actions/${id}`, text: 'Back to the action' },
    fields: [
      { type: 'input', name: 'title', label: 'What is to be done' },
      { type: 'input', name: 'due_date', label: 'Due by', hint: 'YYYY-MM-DD', classes: 'govuk-input--width-10' },
    ],
    values: { title: action.title, due_date: action.dueDate },
    rows: (c) => [
      { label: 'What is to be done', value: String(c.title ?? '') },
      { label: 'Due by', value: String(c.due_date ?? '') },
    ],
    write: (form, _errors, at) => {
      const input = { title: text(form, 'title'), dueDate: text(form, 'due_date') }
      return { save: (actor, edit) => editAction(db, actor, edit, input, at), checked: ['title'] }
    },
    problems: { kinds: [MeetingError], field: (p) => (/due/.test(p) ? 'due_date' : 'title') },
    context: 'action',
    after: `/actions/${id}`,
  }
}

// screenings

/** A signed screening's wording: the notes on its items and an override's reason (risk/screening.ts rewordScreening). */
async function editableScreening(db: Db, request: FastifyRequest, id: number, at: Date): Promise<Editable> {
  const screening = Number.isInteger(id) && id > 0 ? await screeningById(db, id) : undefined
  if (!screening) throw notFound('There is no such screening.')
  // read by whoever sees the child's risk (the risk panel's rule: any reach)
  const record = await childSeen(db, request, screening.entityId, at)
  const instrument = (await instrumentVersions(db)).get(`${screening.instrumentId}@${screening.instrumentVersion}`)
  const labelOf = (code: string) => instrument?.items.find((i) => i.code === code)?.label ?? label(code)
  const noted = [
    ...screening.items.map((i) => ({
      code: i.code,
      label: i.basis === 'added' ? `What "${i.label}" is based on` : `Your note on "${i.label}"`,
    })),
    ...screening.rejected.map((r) => ({ code: r.code, label: `Why "${labelOf(r.code)}" does not apply` })),
  ]
  const said = (c: Content) =>
    (typeof c.screening === 'string' ? JSON.parse(c.screening) : (c.screening ?? {})) as Partial<Screening>
  const noteIn = (s: Partial<Screening>, code: string) =>
    s.items?.find((i) => i.code === code)?.note ?? s.rejected?.find((r) => r.code === code)?.note ?? ''
  const name = `${record.given_name ?? ''} ${record.family_name ?? ''}`.trim()
  return {
    kind: 'screening',
    id,
    record,
    author: screening.signedById === null ? undefined : (await professionals(db)).get(screening.signedById),
    version: screening.version,
    heading: `Change the screening of ${name} signed ${spokenTime(screening.signedAt)}`,
    back: { href: `/people/${record.person_id}/risk`, text: 'Back to risk' },
    fields: [
      ...noted.map((n): Field => ({ type: 'textarea', name: `note_${n.code}`, label: n.label })),
      ...(screening.override
        ? [
            {
              type: 'textarea',
              name: 'override_reason',
              label: `Why the band is ${screening.override.band}, not ${screening.screenedBand}`,
              hint: 'The band and the items stand as signed: a different judgement is a new screening.',
            } as Field,
          ]
        : []),
    ],
    values: {
      ...Object.fromEntries(noted.map((n) => [`note_${n.code}`, noteIn(screening, n.code)])),
      ...(screening.override ? { override_reason: screening.override.reason } : {}),
    },
    rows: (c) => [
      ...noted.map((n) => ({ label: n.label, value: noteIn(said(c), n.code) })),
      ...(screening.override ? [{ label: 'Why the band was set', value: said(c).override?.reason ?? '' }] : []),
    ],
    write: (form, errors, at) => {
      const reworded = rewordScreening(screening, {
        notes: Object.fromEntries(noted.map((n) => [n.code, text(form, `note_${n.code}`)])),
        overrideReason: screening.override ? text(form, 'override_reason') : null,
      })
      if (!reworded.ok) {
        for (const p of reworded.errors)
          errors.add(p.code === 'override' ? 'override_reason' : `note_${p.code}`, p.message)
        return null
      }
      return {
        save: (actor, edit) => editScreening(db, actor, edit, reworded.screening, at),
        checked: [...noted.map((n) => `note_${n.code}`), ...(screening.override ? ['override_reason'] : [])],
      }
    },
    problems: { kinds: [RecordEditError], field: () => 'version' },
    context: 'risk-screening',
    after: `/people/${record.person_id}/risk`,
  }
}

type Loader = (db: Db, request: FastifyRequest, id: number, at: Date) => Promise<Editable>

/** Every editable kind's page, by the kind its address names. */
const LOADERS: Record<EditableKind, Loader> = {
  decision: editableDecision,
  challenge: editableChallenge,
  meeting: editableMeeting,
  action: editableAction,
  screening: editableScreening,
}

const editRoutes: FastifyPluginAsync<AppDeps> = async (app, { database }) => {
  const db = database.db
  const post = { preHandler: [signedIn, app.csrfProtection] }
  for (const kind of Object.keys(LOADERS) as EditableKind[]) {
    const load = (request: Params) => LOADERS[kind](db, request, Number(request.params.id), now())
    app.get<{ Params: { id: string } }>(`/${kind}s/:id/edit`, { preHandler: signedIn }, async (request, reply) =>
      editFormPage(db, request, reply, await load(request)),
    )
    app.post<{ Params: { id: string }; Body: Form }>(`/${kind}s/:id/edit`, post, (request, reply) =>
      saveEdit(db, request, reply, LOADERS[kind]),
    )
    app.get<{ Params: { id: string } }>(`/${kind}s/:id/versions`, { preHandler: signedIn }, async (request, reply) =>
      versionsPage(db, request, reply, await load(request)),
    )
  }
}

export default editRoutes
