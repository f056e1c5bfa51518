// Pages for supervision, competencies and who does what for a child: record supervision of a
// worker about a child, the competency register of a manager's own agency and the workers'
// settings, assign a task to someone qualified for it (or say why not), and name the lead
// professional. Who may do each is access.ts; pages.ts finds the child.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import type { Db } from '../db/database.ts'
import { now } from '../config/clock.ts'
import { doesCasework, hasRole } from '../vocabulary/roles.ts'
import { actorOf, userOf, viewerOf, withRole } from '../web/guards.ts'
import { badRequest, forbidden } from '../web/http-error.ts'
import { text, type Form } from '../web/forms.ts'
import { checkFormOnSave } from '../language/storage.ts'
import { actionRows, isoDay, londonTime } from './forms.ts'
import { COMPETENCY_TYPES, COMPETENCY_LABELS, requiredFor } from './competencies.ts'
import { recordSupervision, supervisionsAt } from './store-supervision.ts'
import {
  addCompetency,
  setWorkerSettings,
  workers,
  assignTask,
  candidatesFor,
  OverrideNeeded,
  TASKS,
  type Worker,
} from './store-competencies.ts'
import { byText, byValue, listView, type Query, type SortColumns } from '../web/list-view.ts'
import { allocationFacts, activeAllocation, professionals, type Professional } from './store-people.ts'
import { LeadRefused, setLeadProfessional } from './store-lead.ts'
import { keepsRegisterOf, mayViewStaffRecords, supervisionView } from './access.ts'
import { importedWorkersAt, trainingLapsesAt } from './store-staff.ts'
import { heldAt } from './competencies.ts'
import { trainingCompetencies } from './oversight.ts'
import { summaries } from '../people/people.ts'
import { asBadRequest, childWorkedWith, supervisionFacts, viewed, type ChildRecord } from './pages.ts'

const competencyLabel = (c: string) => COMPETENCY_LABELS[c as keyof typeof COMPETENCY_LABELS] ?? c

/** The worker whose register entry a manager changes: one of their own agency's staff (access.ts keepsRegisterOf). */
async function ownStaff(db: Db, request: FastifyRequest, userId: number): Promise<Professional> {
  const person = (await professionals(db)).get(userId)
  if (!person || !keepsRegisterOf(userOf(request), person))
    throw forbidden("You manage the register of your own agency's staff.")
  return person
}

/** What the supervision form shows: who is allocated, and the agency's own past notes (access.ts supervisionView). */
async function supervisionForm(db: Db, request: FastifyRequest, record: ChildRecord, at: Date) {
  const people = await professionals(db)
  const allocated = (await allocationFacts(db, [record.person_id]))
    .filter((a) => activeAllocation(a, at))
    .flatMap((a) => people.get(a.userId) ?? [])
  const past = (await supervisionsAt(db, at, [record.person_id])).filter(
    (s) => supervisionView(viewerOf(request), record.reach, supervisionFacts(s)) === 'full',
  )
  return {
    record,
    allocated,
    past,
    people: [...people.values()].filter((p) => p.active && doesCasework(p.roles)),
    rows: [1, 2, 3],
  }
}

type StaffRow = Worker & { heldNow: { valid: boolean }[] }

/** The register's sortable columns; unsorted, the staff in the store's order. */
const STAFF_COLUMNS: SortColumns<StaffRow> = {
  name: { compare: byText((w) => w.person.name) },
  valid: { compare: byValue((w) => w.heldNow.filter((c) => c.valid).length), natural: 'descending' },
  asye: { compare: byText((w) => w.person.asyeStartedOn) },
}

/** The page of the register's staff a query asks for (25 a page), sorted over every member of staff. */
export function staffList<T extends StaffRow>(staff: readonly T[], q: Query) {
  return listView(staff, q, { path: '/competencies', columns: STAFF_COLUMNS })
}

/**
 * The staff the manager's agency's own records name (import format 1.4) with each training current
 * or not now, and the allocations that broke the CSE training rule: its own managers' alone
 * (access.ts mayViewStaffRecords).
 */
async function importedStaff(db: Db, request: FastifyRequest, at: Date) {
  const agency = userOf(request).agency
  if (!mayViewStaffRecords(userOf(request), agency)) return { importedStaff: [], lapses: [] }
  const [staff, lapses] = await Promise.all([importedWorkersAt(db, at, agency), trainingLapsesAt(db, at, agency)])
  const names = await summaries(db, [...new Set(lapses.map((l) => Number(l.childId)))], at)
  const nameOf = (id: string) => {
    const s = names.get(Number(id))
    return (s && `${s.given_name ?? ''} ${s.family_name ?? ''}`.trim()) || `Child ${id}`
  }
  return {
    importedStaff: [...staff.values()].map((w) => ({
      ...w,
      trainings: w.trainings.map((t, i) => ({ ...t, current: heldAt(trainingCompetencies(w.trainings)[i], at) })),
    })),
    lapses: lapses.map((l) => ({ ...l, childName: nameOf(l.childId) })),
  }
}

/** The competency register of the manager's agency: each worker's competencies, valid or not now. */
async function registerPage(db: Db, request: FastifyRequest, at: Date) {
  const workersNow = await workers(db, at, userOf(request).agency)
  const people = [...(await professionals(db)).values()]
  const imported = await importedStaff(db, request, at)
  const staff = workersNow.map((w) => ({
    ...w,
    heldNow: w.held.map((c) => ({
      ...c,
      label: competencyLabel(c.type),
      valid: c.obtainedAt <= at && (!c.expiresAt || c.expiresAt > at),
    })),
  }))
  return {
    staff,
    staffList: staffList(staff, request.query as Query),
    types: COMPETENCY_TYPES.map((t) => ({ value: t, text: COMPETENCY_LABELS[t] })),
    managers: people.filter((p) => p.active && hasRole(p.roles, 'manager') && p.agency === userOf(request).agency),
    tasks: TASKS.map((t) => ({ task: t, needs: requiredFor(t).map(competencyLabel) })),
    importedStaff: imported.importedStaff,
    lapses: imported.lapses,
  }
}

/** What the assignment form shows: the task's qualified and unqualified candidates. */
async function assignPage(
  db: Db,
  request: FastifyRequest,
  record: ChildRecord,
  task: string,
  at: Date,
  problem: string | null,
  form: Form = {},
) {
  const { qualified, unqualified } = TASKS.includes(task)
    ? await candidatesFor(db, task, at)
    : { qualified: [], unqualified: [] }
  return {
    record,
    task,
    tasks: TASKS.map((t) => ({
      value: t,
      text: t.replace(/_/g, ' '),
      needs: requiredFor(t).map(competencyLabel),
      selected: t === task,
    })),
    qualified,
    unqualified,
    problem,
    form,
    isManager: hasRole(userOf(request).roles, 'manager'),
  }
}

/** The supervision form: the child's allocated workers and the agency's past notes. */
async function supervisionFormPage(db: Db, request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
  const at = now()
  const record = await childWorkedWith(db, request, Number(request.params.id), at)
  const page = await supervisionForm(db, request, record, at)
  await viewed(db, request, 'view_supervision_form', record.person_id, {}, at)
  return reply.render('wt-supervision-new.njk', page)
}

/** A supervision recorded with its actions. */
async function recordSupervisionPage(
  db: Db,
  request: FastifyRequest<{ Params: { id: string }; Body: Form }>,
  reply: FastifyReply,
) {
  const at = now()
  const record = await childWorkedWith(db, request, Number(request.params.id), at)
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
  return reply.redirect(`/people/${record.person_id}/working-together`)
}

/** The competency register of the manager's agency. */
async function competenciesPage(db: Db, request: FastifyRequest, reply: FastifyReply) {
  const at = now()
  const page = await registerPage(db, request, at)
  const children = [...new Set(page.lapses.map((l) => Number(l.childId)))]
  await viewed(db, request, 'view_competencies', null, { agency: userOf(request).agency, children }, at)
  return reply.render('wt-competencies.njk', page)
}

/** A competency added to the register of one of the manager's own staff. */
async function addCompetencyPage(db: Db, request: FastifyRequest<{ Body: Form }>, reply: FastifyReply) {
  const form = request.body ?? {}
  const userId = Number(text(form, 'user_id'))
  await ownStaff(db, request, userId)
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
}

/** A worker's ASYE start and line manager, set by a manager of their agency. */
async function workerSettingsPage(db: Db, request: FastifyRequest<{ Body: Form }>, reply: FastifyReply) {
  const form = request.body ?? {}
  const userId = Number(text(form, 'user_id'))
  await ownStaff(db, request, userId)
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
}

/** The assignment form: who is qualified for the task, and who is not. */
async function assignFormPage(
  db: Db,
  request: FastifyRequest<{ Params: { id: string }; Querystring: { task?: string } }>,
  reply: FastifyReply,
) {
  const at = now()
  const record = await childWorkedWith(db, request, Number(request.params.id), at)
  await viewed(db, request, 'view_assignment_form', record.person_id, {}, at)
  const task = request.query.task ?? TASKS[0]
  return reply.render('wt-assign.njk', await assignPage(db, request, record, task, at, null))
}

/** A task assigned (to someone unqualified only with a manager's reason). */
async function assignTaskPage(
  db: Db,
  request: FastifyRequest<{ Params: { id: string }; Body: Form }>,
  reply: FastifyReply,
) {
  const at = now()
  const record = await childWorkedWith(db, request, Number(request.params.id), at)
  const form = request.body ?? {}
  const task = text(form, 'task')
  const chosen = text(form, 'qualified_user_id') || text(form, 'override_user_id')
  if (!chosen) throw badRequest('Choose who is to do the task.')
  const overriding = !text(form, 'qualified_user_id')
  const user = userOf(request)
  try {
    await assignTask(
      db,
      actorOf(request),
      {
        childId: record.person_id,
        task,
        userId: Number(chosen),
        by: { id: user.id, roles: user.roles },
        overrideReason: overriding ? text(form, 'override_reason') : null,
      },
      at,
    )
  } catch (error) {
    if (error instanceof OverrideNeeded)
      return reply
        .code(400)
        .render('wt-assign.njk', await assignPage(db, request, record, task, at, error.message, form))
    return asBadRequest(error)
  }
  return reply.redirect(`/people/${record.person_id}/working-together`)
}

/** The child's lead professional named from their allocations. */
async function leadProfessionalPage(
  db: Db,
  request: FastifyRequest<{ Params: { id: string }; Body: Form }>,
  reply: FastifyReply,
) {
  const at = now()
  const record = await childWorkedWith(db, request, Number(request.params.id), at)
  const body = request.body ?? {}
  const allocationId = Number(text(body, 'allocation_id'))
  const from = text(body, 'lead_from') ? Number(text(body, 'lead_from')) : null
  try {
    await setLeadProfessional(db, actorOf(request), record.person_id, allocationId, from, at)
  } catch (error) {
    if (error instanceof LeadRefused) throw badRequest(error.message)
    throw error
  }
  return reply.redirect(`/people/${record.person_id}/working-together`)
}

const supervisionRoutes: FastifyPluginAsync<AppDeps> = async (app, { database }) => {
  const db = database.db

  app.get<{ Params: { id: string } }>(
    '/people/:id/supervision/new',
    { preHandler: withRole('manager') },
    (request, reply) => supervisionFormPage(db, request, reply),
  )

  app.post<{ Params: { id: string }; Body: Form }>(
    '/people/:id/supervision',
    { preHandler: [withRole('manager'), app.csrfProtection] },
    (request, reply) => recordSupervisionPage(db, request, reply),
  )

  app.get('/competencies', { preHandler: withRole('manager') }, (request, reply) =>
    competenciesPage(db, request, reply),
  )

  app.post<{ Body: Form }>(
    '/competencies',
    { preHandler: [withRole('manager'), app.csrfProtection] },
    (request, reply) => addCompetencyPage(db, request, reply),
  )

  app.post<{ Body: Form }>(
    '/competencies/settings',
    { preHandler: [withRole('manager'), app.csrfProtection] },
    (request, reply) => workerSettingsPage(db, request, reply),
  )

  app.get<{ Params: { id: string }; Querystring: { task?: string } }>(
    '/people/:id/assign',
    { preHandler: withRole('manager', 'mash') },
    (request, reply) => assignFormPage(db, request, reply),
  )

  app.post<{ Params: { id: string }; Body: Form }>(
    '/people/:id/assign',
    { preHandler: [withRole('manager', 'mash'), app.csrfProtection] },
    (request, reply) => assignTaskPage(db, request, reply),
  )

  app.post<{ Params: { id: string }; Body: Form }>(
    '/people/:id/lead-professional',
    { preHandler: [withRole('manager', 'mash'), app.csrfProtection] },
    (request, reply) => leadProfessionalPage(db, request, reply),
  )
}

export default supervisionRoutes
