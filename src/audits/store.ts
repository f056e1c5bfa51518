// The audits' SQL: the programme, each audit's cohort, auditors and their access grants, each agency's
// return and the discussion's agreements. Every change is one transaction with its audit entry.
import { sql, type Transaction } from 'kysely'
import type { Db } from '../db/database.ts'
import type { Tables } from '../db/schema.ts'
import type { Actor } from '../audit/actor.ts'
import { appendAudit } from '../audit/audit.ts'
import { mergedIds } from '../people/people.ts'
import { badRequest, conflict, notFound } from '../errors/domain-error.ts'
import { must } from '../errors/must.ts'
import { toolFrom, toolProblems, type AuditTool, type Grade } from './tool.ts'
import { criterionFrom, CriterionError, type CriterionDefinition } from './criteria.ts'
import type { Stratify } from './tables.ts'
import type { Prefill } from './prefill.ts'
import type { CohortIdentity } from './board-text.ts'
import { actionStatus, dueAtEndOf, type ActionStatus } from '../working-together/actions.ts'

export interface AuditRow {
  id: number
  theme: string
  criteria: string
  criteria_version: number
  period_from: string
  period_to: string
  sample_size: number
  seed: string
  stratify_by: Stratify
  tool_version: string
  closes_on: string
  created_at: Date
  closed_at: Date | null
}

/** Closed: closed by hand, or its closing day is over (time is an input: nothing runs to close it). */
export const isClosed = (audit: Pick<AuditRow, 'closed_at'>, closesAt: Date, at: Date) =>
  (audit.closed_at !== null && audit.closed_at.getTime() <= at.getTime()) || closesAt.getTime() <= at.getTime()

const AUDIT_COLUMNS = [
  'id',
  'theme',
  'criteria',
  'criteria_version',
  'period_from',
  'period_to',
  'sample_size',
  'seed',
  'stratify_by',
  'tool_version',
  'closes_on',
  'created_at',
  'closed_at',
] as const

export async function listAudits(db: Db): Promise<(AuditRow & { children: number })[]> {
  const rows = await db
    .selectFrom('case_audits as a')
    .select(AUDIT_COLUMNS.map((c) => `a.${c}` as const))
    .select((eb) =>
      eb
        .selectFrom('case_audit_children as c')
        .whereRef('c.audit_id', '=', 'a.id')
        .select(eb.fn.countAll<number>().as('n'))
        .as('children'),
    )
    .orderBy('a.id', 'desc')
    .execute()
  return rows.map((r) => ({ ...r, children: Number(r.children) }))
}

export async function auditById(db: Db | Transaction<Tables>, id: number): Promise<AuditRow> {
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound('There is no audit with this number.')
  const row = await db.selectFrom('case_audits').select(AUDIT_COLUMNS).where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('There is no audit with this number.')
  return row
}

/** The tool in use: the version added last. */
export async function currentTool(db: Db): Promise<AuditTool> {
  const row = await db
    .selectFrom('case_audit_tools')
    .select('definition')
    .orderBy('added_at', 'desc')
    .orderBy('version', 'desc')
    .executeTakeFirstOrThrow()
  return toolFrom(row.definition)
}

export async function toolVersion(db: Db, version: string): Promise<AuditTool> {
  const row = await db
    .selectFrom('case_audit_tools')
    .select('definition')
    .where('version', '=', version)
    .executeTakeFirst()
  if (!row) throw notFound(`There is no audit tool version ${version}.`)
  return toolFrom(row.definition)
}

/** Every version of the audit tool, the one in use first. */
export async function listTools(db: Db): Promise<{ version: string; added_at: Date; in_use: boolean }[]> {
  const rows = await db
    .selectFrom('case_audit_tools')
    .select(['version', 'added_at'])
    .orderBy('added_at', 'desc')
    .orderBy('version', 'desc')
    .execute()
  return rows.map((r, i) => ({ ...r, in_use: i === 0 }))
}

/** Adds a version of the tool, checked first; new audits use it from now (each audit keeps its own). */
export async function addTool(db: Db, actor: Actor, definition: unknown, at: Date): Promise<AuditTool> {
  const problems = toolProblems(definition)
  if (problems.length) throw badRequest(`the audit tool is not valid: ${problems.join('; ')}`)
  const tool = definition as AuditTool
  const clean: AuditTool = {
    version: tool.version,
    headings: tool.headings.map((h) => ({ id: h.id, title: h.title.trim() })),
    questions: tool.questions.map((q) => ({ id: q.id, heading: q.heading, text: q.text.trim() })),
  }
  await db.transaction().execute(async (trx) => {
    const added = await trx
      .insertInto('case_audit_tools')
      .values({ version: clean.version, definition: JSON.stringify(clean), added_at: at })
      .onConflict((oc) => oc.doNothing())
      .returning('version')
      .executeTakeFirst()
    if (!added) throw conflict(`audit tool version ${clean.version} already exists: give the new one a new version`)
    await appendAudit(trx, actor, { action: 'add_audit_tool', details: { version: clean.version } }, at)
  })
  return clean
}

export interface CriterionVersion extends CriterionDefinition {
  added_at: Date
  /** the newest version of its name: the one new audits use */
  current: boolean
}

/** Every version of every audit criterion, by name, the newest version first. */
export async function listCriteria(db: Db): Promise<CriterionVersion[]> {
  const rows = await db
    .selectFrom('case_audit_criteria')
    .select(['name', 'version', 'definition', 'added_at'])
    .orderBy('name')
    .orderBy('version', 'desc')
    .execute()
  return rows.map((r, i) => ({
    ...criterionFrom(r.definition),
    added_at: r.added_at,
    current: i === 0 || rows[i - 1].name !== r.name,
  }))
}

/** The criteria new audits may use: the newest version of each name. */
export async function currentCriteria(db: Db): Promise<CriterionVersion[]> {
  return (await listCriteria(db)).filter((c) => c.current)
}

/** One version of a criterion, or (no version) the newest of its name; an unknown one is the user's mistake. */
export async function criterionVersion(db: Db, name: string, version?: number): Promise<CriterionDefinition> {
  let query = db.selectFrom('case_audit_criteria').select('definition').where('name', '=', name)
  if (version !== undefined) query = query.where('version', '=', version)
  const row = await query.orderBy('version', 'desc').executeTakeFirst()
  if (!row)
    throw badRequest(`There is no audit criterion "${name}"${version === undefined ? '' : ` version ${version}`}.`)
  return criterionFrom(row.definition)
}

/** The newest version of a criterion's name (an unknown name is the user's mistake). */
async function newestVersion(db: Db | Transaction<Tables>, name: string): Promise<number> {
  const row = await db
    .selectFrom('case_audit_criteria')
    .select('version')
    .where('name', '=', name)
    .orderBy('version', 'desc')
    .executeTakeFirst()
  if (!row) throw badRequest(`There is no audit criterion "${name}".`)
  return row.version
}

/** Adds a version of a criterion, checked first; it must be higher than its name's newest. New audits use it from now. */
export async function addCriterion(db: Db, actor: Actor, definition: unknown, at: Date): Promise<CriterionDefinition> {
  let criterion: CriterionDefinition
  try {
    criterion = criterionFrom(definition)
  } catch (error) {
    if (error instanceof CriterionError) throw badRequest(error.message)
    throw error
  }
  await db.transaction().execute(async (trx) => {
    // one writer per name at a time, so two versions added together cannot both pass the check below
    await sql`select pg_advisory_xact_lock(hashtext(${`case_audit_criteria:${criterion.name}`}))`.execute(trx)
    const newest = await trx
      .selectFrom('case_audit_criteria')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('name', '=', criterion.name)
      .executeTakeFirst()
    const highest = newest?.version == null ? 0 : Number(newest.version)
    if (criterion.version <= highest)
      throw conflict(
        `audit criterion ${criterion.name} has version ${highest} already: give the new one a higher version (${highest + 1})`,
      )
    await trx
      .insertInto('case_audit_criteria')
      .values({ name: criterion.name, version: criterion.version, definition: JSON.stringify(criterion), added_at: at })
      .execute()
    await appendAudit(
      trx,
      actor,
      { action: 'add_audit_criterion', details: { name: criterion.name, version: criterion.version } },
      at,
    )
  })
  return criterion
}

/** The agencies that hold a record of each child (a person record linked to them). */
export async function agenciesKnowing(db: Db, childIds: readonly number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>()
  if (childIds.length === 0) return out
  const rows = await db
    .selectFrom('entity_links')
    .select(['entity_id', 'agency_code'])
    .distinct()
    .where('entity_id', 'in', [...childIds])
    .orderBy('agency_code')
    .execute()
  for (const r of rows) out.set(r.entity_id, [...(out.get(r.entity_id) ?? []), r.agency_code])
  return out
}

export interface NewAudit {
  theme: string
  criteria: string
  /** the criterion's version; the newest of its name when left out (the one drawn with is recorded) */
  criteriaVersion?: number
  periodFrom: string
  periodTo: string
  sampleSize: number
  seed: string
  stratifyBy: Stratify
  toolVersion: string
  closesOn: string
}

export interface CohortChild {
  childId: number
  stratum: string
  agencies: string[]
}

export async function createAudit(
  db: Db,
  actor: Actor,
  createdBy: number,
  input: NewAudit,
  cohort: readonly CohortChild[],
  at: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('case_audits')
      .values({
        theme: input.theme,
        criteria: input.criteria,
        criteria_version: input.criteriaVersion ?? (await newestVersion(trx, input.criteria)),
        period_from: input.periodFrom,
        period_to: input.periodTo,
        sample_size: input.sampleSize,
        seed: input.seed,
        stratify_by: input.stratifyBy,
        tool_version: input.toolVersion,
        closes_on: input.closesOn,
        created_by: createdBy,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (cohort.length > 0)
      await trx
        .insertInto('case_audit_children')
        .values(
          cohort.map((c, i) => ({
            audit_id: id,
            position: i + 1,
            entity_id: c.childId,
            stratum: c.stratum,
            agencies: c.agencies,
          })),
        )
        .execute()
    await appendAudit(
      trx,
      actor,
      {
        action: 'create_case_audit',
        details: {
          audit_id: id,
          criteria: input.criteria,
          criteria_version: input.criteriaVersion,
          seed: input.seed,
          children: cohort.map((c) => c.childId),
        },
      },
      at,
    )
    return id
  })
}

export async function cohortOf(db: Db, auditId: number): Promise<(CohortChild & { position: number })[]> {
  const rows = await db
    .selectFrom('case_audit_children')
    .select(['position', 'entity_id', 'stratum', 'agencies'])
    .where('audit_id', '=', auditId)
    .orderBy('position')
    .execute()
  return rows.map((r) => ({ position: r.position, childId: r.entity_id, stratum: r.stratum, agencies: r.agencies }))
}

export interface Auditor {
  userId: number
  name: string
  agency: string
}

export async function auditorsOf(db: Db, auditId: number): Promise<Auditor[]> {
  const rows = await db
    .selectFrom('case_audit_auditors as x')
    .innerJoin('users as u', 'u.id', 'x.user_id')
    .select(['u.id', 'u.name', 'x.agency_code'])
    .where('x.audit_id', '=', auditId)
    .orderBy('x.agency_code')
    .orderBy('u.name')
    .execute()
  return rows.map((r) => ({ userId: r.id, name: r.name, agency: r.agency_code }))
}

/** The managers and practitioners of the agencies invited, who may be named. */
export async function possibleAuditors(db: Db, agencies: readonly string[]): Promise<Auditor[]> {
  if (agencies.length === 0) return []
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'agency_code'])
    .where('active', '=', true)
    .where('agency_code', 'in', [...agencies])
    .where(sql<boolean>`roles && array['manager', 'practitioner']::text[]`)
    .orderBy('agency_code')
    .orderBy('name')
    .execute()
  return rows.map((r) => ({ userId: r.id, name: r.name, agency: r.agency_code }))
}

/**
 * Names an auditor and gives them, for each child their agency knew, an access grant for this audit
 * (the one way into another agency's record with a reason, access/visibility.ts), ending at `expiresAt`.
 */
export async function nameAuditor(
  db: Db,
  actor: Actor,
  audit: Pick<AuditRow, 'id' | 'theme'>,
  auditor: Auditor,
  namedBy: number,
  children: readonly number[],
  expiresAt: Date,
  at: Date,
): Promise<void> {
  const reason = `Multi-agency case audit ${audit.id}: ${audit.theme}`
  await db.transaction().execute(async (trx) => {
    const named = await trx
      .insertInto('case_audit_auditors')
      .values({
        audit_id: audit.id,
        user_id: auditor.userId,
        agency_code: auditor.agency,
        named_by: namedBy,
        named_at: at,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('user_id')
      .executeTakeFirst()
    if (!named) throw conflict(`${auditor.name} is already an auditor on this audit.`)
    if (children.length > 0)
      await trx
        .insertInto('access_grants')
        .values(
          children.map((child) => ({
            entity_id: child,
            user_id: auditor.userId,
            reason,
            granted_at: at,
            expires_at: expiresAt,
            audit_id: audit.id,
          })),
        )
        .execute()
    await appendAudit(
      trx,
      actor,
      [
        {
          action: 'name_case_auditor',
          details: { audit_id: audit.id, user_id: auditor.userId, agency: auditor.agency },
        },
        ...children.map((child) => ({
          action: 'access_with_reason' as const,
          entityId: child,
          reason,
          details: { audit_id: audit.id, user_id: auditor.userId, expires_at: expiresAt.toISOString() },
        })),
      ],
      at,
    )
  })
}

/** Closes an audit: every access grant given for it ends now. */
export async function closeAudit(db: Db, actor: Actor, auditId: number, closedBy: number, at: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const closed = await trx
      .updateTable('case_audits')
      .set({ closed_at: at, closed_by: closedBy })
      .where('id', '=', auditId)
      .where('closed_at', 'is', null)
      .returning('id')
      .executeTakeFirst()
    if (!closed) throw conflict('This audit is already closed.')
    const ended = await trx
      .updateTable('access_grants')
      .set({ expires_at: at })
      .where('audit_id', '=', auditId)
      .where('expires_at', '>', at)
      .returning('id')
      .execute()
    await appendAudit(
      trx,
      actor,
      { action: 'close_case_audit', details: { audit_id: auditId, grants_ended: ended.length } },
      at,
    )
  })
}

export async function isNamed(db: Db, auditId: number, userId: number): Promise<Auditor | null> {
  const row = await db
    .selectFrom('case_audit_auditors as x')
    .innerJoin('users as u', 'u.id', 'x.user_id')
    .select(['u.id', 'u.name', 'x.agency_code'])
    .where('x.audit_id', '=', auditId)
    .where('x.user_id', '=', userId)
    .executeTakeFirst()
  return row ? { userId: row.id, name: row.name, agency: row.agency_code } : null
}

/** The audits a person is named on as an auditor. */
export async function auditsNamedOn(db: Db, userId: number): Promise<number[]> {
  const rows = await db.selectFrom('case_audit_auditors').select('audit_id').where('user_id', '=', userId).execute()
  return rows.map((r) => r.audit_id)
}

export interface AgencyReturn {
  position: number
  agency: string
  toolVersion: string
  prefill: Prefill
  answers: Record<string, string>
  grades: Record<string, Grade>
  goodPractice: string
  shouldHaveHappened: string
  submittedBy: string
  submittedAt: Date
}

export interface NewReturn {
  position: number
  childId: number
  agency: string
  toolVersion: string
  prefill: Prefill
  answers: Record<string, string>
  grades: Record<string, Grade>
  goodPractice: string
  shouldHaveHappened: string
}

/** An agency's return for a child; sent again, it replaces the one before (the latest stands). */
export async function saveReturn(
  db: Db,
  actor: Actor,
  auditId: number,
  submittedBy: number,
  input: NewReturn,
  at: Date,
): Promise<void> {
  const row = {
    audit_id: auditId,
    position: input.position,
    agency_code: input.agency,
    tool_version: input.toolVersion,
    prefill: JSON.stringify(input.prefill),
    answers: JSON.stringify(input.answers),
    grades: JSON.stringify(input.grades),
    good_practice: input.goodPractice,
    should_have_happened: input.shouldHaveHappened,
    submitted_by: submittedBy,
    submitted_at: at,
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('case_audit_returns')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['audit_id', 'position', 'agency_code']).doUpdateSet({
          tool_version: row.tool_version,
          prefill: row.prefill,
          answers: row.answers,
          grades: row.grades,
          good_practice: row.good_practice,
          should_have_happened: row.should_have_happened,
          submitted_by: row.submitted_by,
          submitted_at: row.submitted_at,
        }),
      )
      .execute()
    await recordGradeVersion(trx, auditId, input.position, input.agency, row.grades, submittedBy, at)
    await appendAudit(
      trx,
      actor,
      {
        action: 'submit_agency_audit',
        entityId: input.childId,
        details: { audit_id: auditId, position: input.position, agency: input.agency },
      },
      at,
    )
  })
}

export async function returnsOf(db: Db, auditId: number): Promise<AgencyReturn[]> {
  const rows = await db
    .selectFrom('case_audit_returns as r')
    .innerJoin('users as u', 'u.id', 'r.submitted_by')
    .selectAll('r')
    .select('u.name')
    .where('r.audit_id', '=', auditId)
    .orderBy('r.position')
    .orderBy('r.agency_code')
    .execute()
  return rows.map((r) => ({
    position: r.position,
    agency: r.agency_code,
    toolVersion: r.tool_version,
    prefill: r.prefill as Prefill,
    answers: r.answers,
    grades: r.grades,
    goodPractice: r.good_practice,
    shouldHaveHappened: r.should_have_happened,
    submittedBy: r.name,
    submittedAt: r.submitted_at,
  }))
}

export interface Agreement {
  /** 0: the theme; otherwise the child's number in the cohort */
  position: number
  grades: Record<string, Grade>
  findings: string
}

/** The discussion's agreed grades and findings for a child (or the theme, position 0); the latest stands. */
export async function saveAgreement(
  db: Db,
  actor: Actor,
  auditId: number,
  recordedBy: number,
  input: Agreement & { childId: number | null },
  at: Date,
): Promise<void> {
  const values = {
    audit_id: auditId,
    position: input.position,
    grades: JSON.stringify(input.grades),
    findings: input.findings,
    recorded_by: recordedBy,
    recorded_at: at,
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('case_audit_agreements')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['audit_id', 'position']).doUpdateSet({
          grades: values.grades,
          findings: values.findings,
          recorded_by: recordedBy,
          recorded_at: at,
        }),
      )
      .execute()
    await recordGradeVersion(trx, auditId, input.position, null, values.grades, recordedBy, at)
    await appendAudit(
      trx,
      actor,
      {
        action: 'record_audit_agreement',
        entityId: input.childId,
        details: { audit_id: auditId, position: input.position },
      },
      at,
    )
  })
}

/** Keeps every set of grades saved (migration 0033), so the figures read them as known at any moment. */
async function recordGradeVersion(
  trx: Transaction<Tables>,
  auditId: number,
  position: number,
  agency: string | null,
  grades: string,
  recordedBy: number,
  at: Date,
): Promise<void> {
  await trx
    .insertInto('case_audit_grade_versions')
    .values({ audit_id: auditId, position, agency_code: agency, grades, recorded_by: recordedBy, recorded_at: at })
    .execute()
}

/** Every set of grades recorded by `asOf`, of every audit (the partnership's audit_grades; no child's id). */
export async function gradeVersionsBy(db: Db, asOf: Date) {
  const rows = await db
    .selectFrom('case_audit_grade_versions')
    .select(['audit_id', 'position', 'agency_code', 'grades', 'recorded_at'])
    .where('recorded_at', '<=', asOf)
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    auditId: r.audit_id,
    position: r.position,
    agency: r.agency_code,
    grades: r.grades,
    recordedAt: new Date(r.recorded_at),
  }))
}

export async function agreementsOf(db: Db, auditId: number): Promise<Agreement[]> {
  const rows = await db
    .selectFrom('case_audit_agreements')
    .select(['position', 'grades', 'findings'])
    .where('audit_id', '=', auditId)
    .orderBy('position')
    .execute()
  return rows
}

/**
 * Every name and identifier of the audit's children, from every version of every agency record linked
 * to them (and to anyone merged into them): what the board's text must not carry (board-text.ts).
 */
export async function cohortIdentity(db: Db, auditId: number): Promise<CohortIdentity> {
  const cohort = await cohortOf(db, auditId)
  if (cohort.length === 0) return { names: [], identifiers: [], personIds: [] }
  const canonical = await mergedIds(db)
  const drawn = new Set(cohort.map((c) => canonical(c.childId)))
  const merged = await db.selectFrom('entities').select('id').where('merged_into', 'is not', null).execute()
  const personIds = [...new Set([...cohort.map((c) => c.childId), ...drawn, ...merged.map((m) => m.id)])].filter((id) =>
    drawn.has(canonical(id)),
  )
  const rows = await db
    .selectFrom('entity_links as l')
    .innerJoin('person_versions as p', (j) =>
      j.onRef('p.agency_code', '=', 'l.agency_code').onRef('p.source_id', '=', 'l.source_id'),
    )
    .select(['p.source_id', 'p.given_name', 'p.family_name', 'p.other_names', 'p.nhs_number', 'p.upn', 'p.pnc_id'])
    .where('l.entity_id', 'in', personIds)
    .execute()
  const names = new Set<string>()
  const identifiers = new Set<string>()
  for (const r of rows) {
    for (const n of [r.given_name, r.family_name, ...(r.other_names ?? [])]) if (n) names.add(n)
    for (const id of [r.source_id, r.nhs_number, r.upn, r.pnc_id]) if (id) identifiers.add(id)
  }
  return { names: [...names], identifiers: [...identifiers], personIds }
}

export async function agencyNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('agencies').select(['code', 'name']).execute()
  return new Map(rows.map((r) => [r.code, r.name]))
}

export interface FindingAction {
  /** the child's number in the cohort; 0: the theme */
  position: number
  /** null: a finding about the theme, which is no child's (migration 0033) */
  childId: number | null
  title: string
  ownerId: number
  ownerAgency: string
  /** YYYY-MM-DD, overdue from the end of that London day */
  dueDate: string
}

/**
 * A finding made an action working together tracks (wt_actions, marked with the audit). About a child:
 * its owner sees it in their work and on the child's record, and marks it done with evidence there.
 * About the theme (no child): its owner sees it on the audit programme's page and marks it done with
 * evidence on the action's page in the audit (working together's completeAction, the same rule).
 */
export async function addFindingAction(
  db: Db,
  actor: Actor,
  auditId: number,
  recordedBy: number,
  input: FindingAction,
  at: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('wt_actions')
      .values({
        entity_id: input.childId,
        meeting_id: null,
        supervision_id: null,
        title: input.title,
        owner_user_id: input.ownerId,
        owner_agency: input.ownerAgency,
        due_date: input.dueDate,
        recorded_by: recordedBy,
        recorded_at: at,
        audit_id: auditId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await appendAudit(
      trx,
      actor,
      {
        action: 'add_audit_action',
        entityId: input.childId,
        details: { audit_id: auditId, position: input.position, action_id: id, owner: input.ownerId },
      },
      at,
    )
    return id
  })
}

export interface AuditAction {
  id: number
  /** 0: an action from the theme's findings */
  position: number
  title: string
  ownerId: number
  owner: string
  ownerAgency: string
  dueDate: string
  status: ActionStatus
  completedAt: Date | null
  evidence: string | null
}

/** The actions an audit's findings became, by child number (0: the theme), with their status now (working-together/actions.ts). */
export async function actionsOf(db: Db, auditId: number, at: Date): Promise<AuditAction[]> {
  const [rows, cohort, canonical] = await Promise.all([
    auditActionRows(db, at).where('a.audit_id', '=', auditId).execute(),
    cohortOf(db, auditId),
    mergedIds(db),
  ])
  // the action moves with its child through a merge; the cohort keeps the child as drawn
  const positions = new Map(cohort.map((c) => [canonical(c.childId), c.position]))
  return rows
    .map((r) => auditAction(r, r.entity_id === null ? 0 : (positions.get(canonical(r.entity_id)) ?? 0), at))
    .sort((a, b) => a.position - b.position)
}

/** The actions from audits' themes a person owns, or, for a manager, their agency's people own (mayCompleteAction's rule). */
export async function themeActionsFor(
  db: Db,
  user: { id: number; agency: string; manager: boolean },
  at: Date,
): Promise<(AuditAction & { auditId: number; theme: string })[]> {
  const rows = await auditActionRows(db, at)
    .innerJoin('case_audits as c', 'c.id', 'a.audit_id')
    .select(['c.theme'])
    .where('a.entity_id', 'is', null)
    .where((eb) =>
      user.manager
        ? eb.or([eb('a.owner_user_id', '=', user.id), eb('a.owner_agency', '=', user.agency)])
        : eb('a.owner_user_id', '=', user.id),
    )
    .execute()
  return rows.map((r) => ({ ...auditAction(r, 0, at), auditId: must(r.audit_id, 'an audit action'), theme: r.theme }))
}

function auditActionRows(db: Db, at: Date) {
  return db
    .selectFrom('wt_actions as a')
    .innerJoin('users as u', 'u.id', 'a.owner_user_id')
    .select([
      'a.id',
      'a.audit_id',
      'a.entity_id',
      'a.title',
      'a.owner_user_id',
      'u.name',
      'a.owner_agency',
      'a.due_date',
      'a.completed_at',
      'a.completion_recorded_at',
      'a.evidence',
    ])
    .where('a.audit_id', 'is not', null)
    .where('a.recorded_at', '<=', at)
    .orderBy('a.due_date')
    .orderBy('a.id')
}

function auditAction(
  r: {
    id: number
    title: string
    owner_user_id: number
    name: string
    owner_agency: string
    due_date: string
    completed_at: Date | null
    completion_recorded_at: Date | null
    evidence: string | null
  },
  position: number,
  at: Date,
): AuditAction {
  const status = actionStatus(
    {
      title: r.title,
      owner: r.name,
      ownerAgency: r.owner_agency,
      dueAt: dueAtEndOf(r.due_date),
      completedAt: r.completed_at,
      completionRecordedAt: r.completion_recorded_at,
    },
    at,
  )
  return {
    id: r.id,
    position,
    title: r.title,
    ownerId: r.owner_user_id,
    owner: r.name,
    ownerAgency: r.owner_agency,
    dueDate: r.due_date,
    status,
    completedAt: status === 'done' ? r.completed_at : null,
    evidence: status === 'done' ? r.evidence : null,
  }
}
