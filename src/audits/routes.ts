// The audit programme's pages: the list, a new audit, one audit (the partnership's view: Child 1..n,
// auditors, discussion, closing; an auditor's view: the children their agency knew, through the grant),
// an agency's return for a child, the discussion's agreed grades and findings (a child or the theme),
// and the anonymised report, printable and as CSV. Who may do each is access.ts; every page is audited,
// and every page that names a child names them in its audit entry.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import type { Db } from '../db/database.ts'
import type { NavigationItem } from '../web/navigation.ts'
import { actorOf, userOf, viewerOf, withRole } from '../web/guards.ts'
import { badRequest, forbidden, notFound } from '../web/http-error.ts'
import { FormErrors, text, type Form } from '../web/forms.ts'
import { now } from '../config/clock.ts'
import { audit } from '../audit/audit.ts'
import { formatRows } from '../cli/output.ts'
import { childFor } from '../people/child-in-reach.ts'
import { conditionWords } from './criteria.ts'
import { DomainError } from '../errors/domain-error.ts'
import { GRADES, GRADE_LABELS } from './tool.ts'
import {
  AUDIT_ROLES,
  mayCompleteReturn,
  mayCompleteThemeAction,
  mayRecordAgreement,
  mayViewThemeAction,
  mayRunAudits,
  mayViewAudit,
  mayViewReport,
  seesChildren,
} from './access.ts'
import { readAgreement, readFindingAction, readNewAudit, readReturn } from './form.ts'
import {
  addAuditor,
  auditClosed,
  boardRedaction,
  boardTextProblems,
  childAtPosition,
  prefillFor,
  reportOf,
  startAudit,
} from './programme.ts'
import { childLabel, reportColumns, reportRows } from './report.ts'
import {
  actionsOf,
  addCriterion,
  addFindingAction,
  agencyNames,
  agreementsOf,
  auditById,
  auditorsOf,
  auditsNamedOn,
  closeAudit,
  cohortOf,
  criterionVersion,
  currentCriteria,
  currentTool,
  isNamed,
  listAudits,
  listCriteria,
  possibleAuditors,
  returnsOf,
  saveAgreement,
  saveReturn,
  themeActionsFor,
  toolVersion,
  type AuditRow,
} from './store.ts'
import { completeActionFromForm } from '../working-together/forms.ts'
import { hasRole } from '../vocabulary/roles.ts'

export const auditsNavigation: NavigationItem[] = [
  { href: '/audits', text: 'Case audits', roles: AUDIT_ROLES, order: 54, section: 'partnership' },
]

type IdParams = { Params: { id: string } }
type ChildParams = { Params: { id: string; position: string } }
type ActionParams = { Params: { id: string; actionId: string } }

const grades = GRADES.map((g) => ({ value: g, text: GRADE_LABELS[g] }))

/** The audit in the address, with what the one asking is to it. */
async function auditFor(db: Db, request: FastifyRequest<IdParams>, at: Date) {
  const user = userOf(request)
  const row = await auditById(db, Number(request.params.id))
  const auditor = await isNamed(db, row.id, user.id)
  const facts = { closed: auditClosed(row, at), named: auditor !== null }
  if (!mayViewAudit(user.roles, facts)) throw forbidden('You are not named on this audit.')
  return { row, auditor, facts, user }
}

/** A child's number in the cohort from the address; `theme` (the discussion of the whole theme) is 0. */
function position(value: string, allowTheme = false): number {
  if (allowTheme && value === 'theme') return 0
  const n = /^\d{1,4}$/.test(value) ? Number(value) : NaN
  if (!(n >= 1)) throw notFound('There is no such child in this audit.')
  return n
}

async function listPage(db: Db, request: FastifyRequest, reply: FastifyReply) {
  const user = userOf(request)
  const at = now()
  const [all, criteria] = await Promise.all([listAudits(db), listCriteria(db)])
  const titleOf = (a: AuditRow) =>
    criteria.find((c) => c.name === a.criteria && c.version === a.criteria_version)?.title ?? a.criteria
  const named = mayRunAudits(user.roles) ? null : new Set(await auditsNamedOn(db, user.id))
  const shown = named ? all.filter((a) => named.has(a.id)) : all
  // the actions from audits' themes this person owns (or, a manager, their agency's): their work to do here
  const themeActions = (
    await themeActionsFor(db, { id: user.id, agency: user.agency, manager: hasRole(user.roles, 'manager') }, at)
  ).filter((a) => a.status !== 'done')
  await audit(db, actorOf(request), { action: 'view_case_audits', details: { audits: shown.map((a) => a.id) } }, at)
  return reply.render('audits-list.njk', {
    audits: shown.map((a) => ({ ...a, closed: auditClosed(a, at), criteriaTitle: titleOf(a) })),
    mayCreate: mayRunAudits(user.roles),
    themeActions,
  })
}

const newForm = async (db: Db, form: Form, errors?: unknown) => ({
  form,
  errors,
  criteria: (await currentCriteria(db)).map((c) => ({
    value: c.name,
    text: c.title,
    hint: { text: `${c.description} (version ${c.version})` },
    checked: text(form, 'criteria') === c.name,
  })),
})

async function newPage(db: Db, request: FastifyRequest, reply: FastifyReply) {
  if (!mayRunAudits(userOf(request).roles)) throw forbidden('Only the safeguarding partnership creates audits.')
  return reply.render('audits-new.njk', await newForm(db, { sample_size: '8', stratify_by: 'none' }))
}

async function createPage(db: Db, request: FastifyRequest<{ Body: Form }>, reply: FastifyReply) {
  const user = userOf(request)
  if (!mayRunAudits(user.roles)) throw forbidden('Only the safeguarding partnership creates audits.')
  const at = now()
  const body = request.body ?? {}
  const tool = await currentTool(db)
  const { audit: input, errors } = readNewAudit(body, tool.version, await currentCriteria(db))
  if (!input) return reply.code(400).render('audits-new.njk', await newForm(db, body, errors.view()))
  const id = await startAudit(db, actorOf(request), user.id, input, at)
  return reply.redirect(`/audits/${id}`)
}

/** The criteria and their versions, and (the partnership) a new version added from its JSON definition. */
async function criteriaPage(db: Db, request: FastifyRequest, reply: FastifyReply, form: Form = {}, errors?: unknown) {
  if (!mayRunAudits(userOf(request).roles))
    throw forbidden('Only the safeguarding partnership manages the audit criteria.')
  const at = now()
  const criteria = await listCriteria(db)
  await audit(db, actorOf(request), { action: 'view_audit_criteria', details: { criteria: criteria.length } }, at)
  return reply.code(errors ? 400 : 200).render('audits-criteria.njk', {
    criteria: criteria.map((c) => ({ ...c, conditions: c.conditions.map(conditionWords) })),
    form,
    errors,
  })
}

async function addCriterionPage(db: Db, request: FastifyRequest<{ Body: Form }>, reply: FastifyReply) {
  if (!mayRunAudits(userOf(request).roles))
    throw forbidden('Only the safeguarding partnership manages the audit criteria.')
  const body = request.body ?? {}
  const errors = new FormErrors()
  const source = text(body, 'definition')
  let definition: unknown
  if (!source) errors.add('definition', 'Enter the criterion as JSON: name, version, title, description and conditions')
  else if (source.length > 20_000) errors.add('definition', 'The definition must be 20,000 characters or less')
  else
    try {
      definition = JSON.parse(source)
    } catch {
      errors.add('definition', 'The definition is not JSON: check its brackets, commas and quotation marks')
    }
  if (!errors.any)
    await addCriterion(db, actorOf(request), definition, now()).catch((error: unknown) => {
      if (!(error instanceof DomainError) || !['invalid', 'conflict'].includes(error.code)) throw error
      errors.add('definition', error.message.replace(/^the criterion is not valid: /, 'The criterion is not valid: '))
    })
  if (errors.any) return criteriaPage(db, request, reply, body, errors.view())
  return reply.redirect('/audits/criteria')
}

async function auditPage(db: Db, request: FastifyRequest<IdParams>, reply: FastifyReply) {
  const at = now()
  const { row, auditor, facts, user } = await auditFor(db, request, at)
  const [criterion, cohort, auditors, returns, agreements, names] = await Promise.all([
    criterionVersion(db, row.criteria, row.criteria_version),
    cohortOf(db, row.id),
    auditorsOf(db, row.id),
    returnsOf(db, row.id),
    agreementsOf(db, row.id),
    agencyNames(db),
  ])
  const name = (code: string) => names.get(code) ?? code
  const named: number[] = []
  const viewer = viewerOf(request)
  const children = []
  for (const c of cohort) {
    const mine = auditor !== null && c.agencies.includes(auditor.agency)
    // an auditor sees by name only the children their agency knew, while the grant lasts
    let childName: string | null = null
    if (seesChildren(user.roles, facts) && mine && !facts.closed) {
      const kid = await childFor(db, viewer, c.childId, at)
      if (kid.reach.level === 'full') {
        childName = kid.name
        named.push(kid.id)
      }
    }
    children.push({
      position: c.position,
      label: childLabel(c.position),
      name: childName,
      childId: childName ? c.childId : null,
      agencies: c.agencies.map(name),
      returned: returns.filter((r) => r.position === c.position).map((r) => name(r.agency)),
      mineReturned: auditor !== null && returns.some((r) => r.position === c.position && r.agency === auditor.agency),
      mayReturn: mayCompleteReturn({ ...facts, agencyKnewChild: mine }),
      agreed: agreements.some((a) => a.position === c.position),
    })
  }
  const invited = [...new Set(cohort.flatMap((c) => c.agencies))]
  const runner = mayRunAudits(user.roles)
  const candidates = runner && !facts.closed ? await possibleAuditors(db, invited) : []
  await audit(db, actorOf(request), { action: 'view_case_audit', details: { audit_id: row.id, children: named } }, at)
  return reply.render('audits-audit.njk', {
    audit: row,
    criterion,
    closed: facts.closed,
    runner,
    auditor: auditor ? { ...auditor, agencyName: name(auditor.agency) } : null,
    children,
    auditors: auditors.map((a) => ({ ...a, agencyName: name(a.agency) })),
    candidates: candidates
      .filter((c) => !auditors.some((a) => a.userId === c.userId))
      .map((c) => ({ value: String(c.userId), text: `${c.name}, ${name(c.agency)}` })),
    themeAgreed: agreements.some((a) => a.position === 0),
    mayAgree: mayRecordAgreement(user.roles, facts),
  })
}

async function auditorPage(db: Db, request: FastifyRequest<IdParams & { Body: Form }>, reply: FastifyReply) {
  const at = now()
  const { row, facts, user } = await auditFor(db, request, at)
  if (!mayRecordAgreement(user.roles, facts))
    throw forbidden('Only the partnership names auditors, while the audit is open.')
  const chosen = text(request.body ?? {}, 'auditor')
  if (!/^\d+$/.test(chosen)) throw badRequest('Choose the manager or practitioner to name as an auditor.')
  await addAuditor(db, actorOf(request), row.id, Number(chosen), user.id, at)
  return reply.redirect(`/audits/${row.id}`)
}

async function closePage(db: Db, request: FastifyRequest<IdParams>, reply: FastifyReply) {
  const at = now()
  const { row, facts, user } = await auditFor(db, request, at)
  if (!mayRecordAgreement(user.roles, facts)) throw forbidden('Only the partnership closes an open audit.')
  await closeAudit(db, actorOf(request), row.id, user.id, at)
  return reply.redirect(`/audits/${row.id}`)
}

/** The child of a return: the auditor's agency knew them, and the grant lets the auditor see them. */
async function returnChild(db: Db, request: FastifyRequest<ChildParams>, at: Date) {
  const { row, auditor, facts } = await auditFor(db, request, at)
  const child = await childAtPosition(db, row.id, position(request.params.position))
  if (!auditor || !mayCompleteReturn({ ...facts, agencyKnewChild: child.agencies.includes(auditor.agency) }))
    throw forbidden('Only an auditor of an agency that knew this child completes its return, while the audit is open.')
  const kid = await childFor(db, viewerOf(request), child.childId, at)
  if (kid.reach.level !== 'full') throw forbidden('Your access to this child through the audit has ended.')
  const tool = await toolVersion(db, row.tool_version)
  return { row, auditor, child, kid, tool }
}

async function returnFormPage(
  db: Db,
  request: FastifyRequest<ChildParams>,
  reply: FastifyReply,
  form?: Form,
  errors?: unknown,
) {
  const at = now()
  const { row, auditor, child, kid, tool } = await returnChild(db, request, at)
  const facts = await prefillFor(db, kid.id, at)
  const previous = (await returnsOf(db, row.id)).find(
    (r) => r.position === child.position && r.agency === auditor.agency,
  )
  const values: Form =
    form ??
    (previous
      ? {
          ...Object.fromEntries(Object.entries(previous.answers).map(([k, v]) => [`answer_${k}`, v])),
          ...Object.fromEntries(Object.entries(previous.grades).map(([k, v]) => [`grade_${k}`, v])),
          good_practice: previous.goodPractice,
          should_have_happened: previous.shouldHaveHappened,
        }
      : {})
  await audit(
    db,
    actorOf(request),
    { action: 'view_agency_audit_form', entityId: kid.id, details: { audit_id: row.id, position: child.position } },
    at,
  )
  return reply.code(errors ? 400 : 200).render('audits-return.njk', {
    audit: row,
    kid,
    label: childLabel(child.position),
    position: child.position,
    auditor,
    tool,
    prefill: facts,
    form: values,
    errors,
    grades,
  })
}

async function returnSavePage(db: Db, request: FastifyRequest<ChildParams & { Body: Form }>, reply: FastifyReply) {
  const at = now()
  const { row, auditor, child, kid, tool } = await returnChild(db, request, at)
  const body = request.body ?? {}
  const read = readReturn(body, tool)
  for (const p of await boardTextProblems(db, row.id, [
    { field: 'good_practice', label: 'Good practice', text: read.goodPractice },
    { field: 'should_have_happened', label: 'What should have happened', text: read.shouldHaveHappened },
  ]))
    read.errors.add(p.field, p.message)
  if (read.errors.any) return returnFormPage(db, request, reply, body, read.errors.view())
  await saveReturn(
    db,
    actorOf(request),
    row.id,
    userOf(request).id,
    {
      position: child.position,
      childId: kid.id,
      agency: auditor.agency,
      toolVersion: tool.version,
      prefill: await prefillFor(db, kid.id, at),
      answers: read.answers,
      grades: read.grades,
      goodPractice: read.goodPractice,
      shouldHaveHappened: read.shouldHaveHappened,
    },
    at,
  )
  return reply.redirect(`/audits/${row.id}`)
}

/** The discussion of a child (Child n) or of the theme (0): the partnership, while the audit is open. */
async function agreementContext(db: Db, request: FastifyRequest<ChildParams>, at: Date) {
  const { row, facts, user } = await auditFor(db, request, at)
  if (!mayRecordAgreement(user.roles, facts))
    throw forbidden('Only the partnership records the discussion, while the audit is open.')
  const n = position(request.params.position, true)
  const child = n === 0 ? null : await childAtPosition(db, row.id, n)
  const tool = await toolVersion(db, row.tool_version)
  const [returns, agreements, names] = await Promise.all([
    returnsOf(db, row.id),
    agreementsOf(db, row.id),
    agencyNames(db),
  ])
  // the agencies' grades, without their pre-filled facts or words (which may name the child)
  const agencyGrades = returns
    .filter((r) => n === 0 || r.position === n)
    .map((r) => ({
      label:
        n === 0 ? `${childLabel(r.position)}, ${names.get(r.agency) ?? r.agency}` : (names.get(r.agency) ?? r.agency),
      grades: tool.headings.map((h) => (r.grades[h.id] ? GRADE_LABELS[r.grades[h.id]] : '')),
    }))
  // a child's actions go to the agencies that knew the child; the theme's to any agency invited
  const invited = child ? child.agencies : [...new Set((await cohortOf(db, row.id)).flatMap((c) => c.agencies))]
  const [owners, actions] = await Promise.all([possibleAuditors(db, invited), actionsOf(db, row.id, at)])
  return {
    row,
    n,
    child,
    tool,
    agencyGrades,
    agreed: agreements.find((a) => a.position === n) ?? null,
    owners: owners.map((o) => ({ ...o, agencyName: names.get(o.agency) ?? o.agency })),
    actions: actions.filter((a) => a.position === n),
  }
}

async function agreementFormPage(
  db: Db,
  request: FastifyRequest<ChildParams>,
  reply: FastifyReply,
  form?: Form,
  errors?: unknown,
  actionForm?: Form,
  actionErrors?: unknown,
) {
  const at = now()
  const { row, n, tool, agencyGrades, agreed, owners, actions } = await agreementContext(db, request, at)
  const values: Form =
    form ??
    (agreed
      ? {
          ...Object.fromEntries(Object.entries(agreed.grades).map(([k, v]) => [`grade_${k}`, v])),
          findings: agreed.findings,
        }
      : {})
  await audit(
    db,
    actorOf(request),
    { action: 'view_audit_agreement_form', details: { audit_id: row.id, position: n } },
    at,
  )
  return reply.code(errors || actionErrors ? 400 : 200).render('audits-agreement.njk', {
    audit: row,
    position: n,
    label: n === 0 ? 'The theme' : childLabel(n),
    tool,
    agencyGrades,
    form: values,
    errors,
    grades,
    actions,
    owners: owners.map((o) => ({ value: String(o.userId), text: `${o.name}, ${o.agencyName}` })),
    actionForm: actionForm ?? {},
    actionErrors,
  })
}

async function agreementSavePage(db: Db, request: FastifyRequest<ChildParams & { Body: Form }>, reply: FastifyReply) {
  const at = now()
  const { row, n, child, tool } = await agreementContext(db, request, at)
  const body = request.body ?? {}
  const read = readAgreement(body, tool)
  for (const p of await boardTextProblems(db, row.id, [{ field: 'findings', label: 'Findings', text: read.findings }]))
    read.errors.add(p.field, p.message)
  if (read.errors.any) return agreementFormPage(db, request, reply, body, read.errors.view())
  await saveAgreement(
    db,
    actorOf(request),
    row.id,
    userOf(request).id,
    { position: n, childId: child?.childId ?? null, grades: read.grades, findings: read.findings },
    at,
  )
  return reply.redirect(`/audits/${row.id}`)
}

async function actionSavePage(db: Db, request: FastifyRequest<ChildParams & { Body: Form }>, reply: FastifyReply) {
  const at = now()
  const { row, n, child, owners } = await agreementContext(db, request, at)
  const body = request.body ?? {}
  const read = readFindingAction(body, owners)
  for (const p of await boardTextProblems(db, row.id, [{ field: 'title', label: 'Action', text: text(body, 'title') }]))
    read.errors.add(p.field, p.message)
  const { errors } = read
  const action = errors.any ? null : read.action
  if (!action) return agreementFormPage(db, request, reply, undefined, undefined, body, errors.view())
  await addFindingAction(
    db,
    actorOf(request),
    row.id,
    userOf(request).id,
    { ...action, position: n, childId: child?.childId ?? null },
    at,
  )
  return reply.redirect(`/audits/${row.id}/discussion/${n === 0 ? 'theme' : n}#actions`)
}

/** An action from the theme's findings, for the partnership and whoever may mark it done (no child on it). */
async function themeActionFor(db: Db, request: FastifyRequest<ActionParams>, at: Date) {
  const user = userOf(request)
  const row = await auditById(db, Number(request.params.id))
  const action = (await actionsOf(db, row.id, at)).find(
    (a) => a.position === 0 && String(a.id) === request.params.actionId,
  )
  if (!action || !mayViewThemeAction(user, action)) throw notFound('There is no such action from this audit’s theme.')
  return { row, action, user, canComplete: mayCompleteThemeAction(user, action) && action.status !== 'done' }
}

async function themeActionPage(db: Db, request: FastifyRequest<ActionParams>, reply: FastifyReply) {
  const at = now()
  const { row, action, canComplete } = await themeActionFor(db, request, at)
  await audit(
    db,
    actorOf(request),
    { action: 'view_audit_theme_action', details: { audit_id: row.id, action_id: action.id } },
    at,
  )
  return reply.render('audits-theme-action.njk', { audit: row, action, canComplete, values: {} })
}

/** Marked done with its evidence: working together's completeAction, the one rule for every action. */
async function themeActionDonePage(
  db: Db,
  request: FastifyRequest<ActionParams & { Body: Form }>,
  reply: FastifyReply,
) {
  const at = now()
  const { row, action, user, canComplete } = await themeActionFor(db, request, at)
  if (!canComplete) throw forbidden('Only the owner of the action, or a manager in their agency, marks it done.')
  const form = request.body ?? {}
  const errors = await completeActionFromForm(
    db,
    actorOf(request),
    action,
    user.id,
    form,
    at,
    'a document reference or a figure',
  )
  if (errors.any)
    return reply
      .code(400)
      .render('audits-theme-action.njk', { audit: row, action, canComplete, values: form, errors: errors.view() })
  return reply.redirect(`/audits/${row.id}/actions/${action.id}`)
}

async function reportPage(db: Db, request: FastifyRequest<IdParams>, reply: FastifyReply) {
  const at = now()
  const { row, facts, user } = await auditFor(db, request, at)
  if (!mayViewReport(user.roles, facts)) throw forbidden()
  const [report, tool, actions] = await Promise.all([
    reportOf(db, row.id, at),
    toolVersion(db, row.tool_version),
    actionsOf(db, row.id, at),
  ])
  await audit(db, actorOf(request), { action: 'view_audit_report', details: { audit_id: row.id } }, at)
  // the board's copy: an action's words with any cohort child's name or identifier removed
  const board = await boardRedaction(db, row.id)
  const actionsByChild: Record<number, typeof actions> = {}
  for (const a of actions)
    actionsByChild[a.position] = [
      ...(actionsByChild[a.position] ?? []),
      { ...a, title: board(a.title), evidence: a.evidence === null ? null : board(a.evidence) },
    ]
  return reply.render('audits-report.njk', { report, tool, at, actionsByChild })
}

async function reportCsv(db: Db, request: FastifyRequest<IdParams>, reply: FastifyReply) {
  const at = now()
  const { row, facts, user } = await auditFor(db, request, at)
  if (!mayViewReport(user.roles, facts)) throw forbidden()
  const [report, tool] = await Promise.all([reportOf(db, row.id, at), toolVersion(db, row.tool_version)])
  await audit(db, actorOf(request), { action: 'download_audit_report', details: { audit_id: row.id } }, at)
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="case-audit-${row.id}.csv"`)
    .send(formatRows(reportColumns(tool), reportRows(report), 'csv'))
}

const routes: FastifyPluginAsync<AppDeps> = async (app, { database }) => {
  const db = database.db
  const guard = { preHandler: withRole(...AUDIT_ROLES) }
  app.get('/audits', guard, (request, reply) => listPage(db, request, reply))
  app.get('/audits/new', guard, (request, reply) => newPage(db, request, reply))
  app.get('/audits/criteria', guard, (request, reply) => criteriaPage(db, request, reply))
  app.post<{ Body: Form }>('/audits/criteria', guard, (request, reply) => addCriterionPage(db, request, reply))
  app.post<{ Body: Form }>('/audits', guard, (request, reply) => createPage(db, request, reply))
  app.get<IdParams>('/audits/:id', guard, (request, reply) => auditPage(db, request, reply))
  app.post<IdParams & { Body: Form }>('/audits/:id/auditors', guard, (request, reply) =>
    auditorPage(db, request, reply),
  )
  app.post<IdParams>('/audits/:id/close', guard, (request, reply) => closePage(db, request, reply))
  app.get<ChildParams>('/audits/:id/children/:position/return', guard, (request, reply) =>
    returnFormPage(db, request, reply),
  )
  app.post<ChildParams & { Body: Form }>('/audits/:id/children/:position/return', guard, (request, reply) =>
    returnSavePage(db, request, reply),
  )
  app.get<ChildParams>('/audits/:id/discussion/:position', guard, (request, reply) =>
    agreementFormPage(db, request, reply),
  )
  app.post<ChildParams & { Body: Form }>('/audits/:id/discussion/:position', guard, (request, reply) =>
    agreementSavePage(db, request, reply),
  )
  app.post<ChildParams & { Body: Form }>('/audits/:id/discussion/:position/actions', guard, (request, reply) =>
    actionSavePage(db, request, reply),
  )
  app.get<ActionParams>('/audits/:id/actions/:actionId', guard, (request, reply) => themeActionPage(db, request, reply))
  app.post<ActionParams & { Body: Form }>('/audits/:id/actions/:actionId/done', guard, (request, reply) =>
    themeActionDonePage(db, request, reply),
  )
  app.get<IdParams>('/audits/:id/report', guard, (request, reply) => reportPage(db, request, reply))
  app.get<IdParams>('/audits/:id/report.csv', guard, (request, reply) => reportCsv(db, request, reply))
}

export default routes
