// The audit programme's services, used by the pages and the command line: drawing an audit's cohort
// from the criteria (facts.ts, criteria.ts, draw.ts), naming auditors with their access grants, what
// an auditor's return is pre-filled with, and the anonymised report.
import type { Db } from '../db/database.ts'
import type { Actor } from '../audit/actor.ts'
import { endOfDayLondon } from '../config/clock.ts'
import { badRequest, notFound } from '../errors/domain-error.ts'
import { missingSettings } from '../missing/settings.ts'
import { riskSettings } from '../risk/settings.ts'
import { candidatesFor, type CriterionDefinition } from './criteria.ts'
import { drawCohort } from './draw.ts'
import { cohortFacts, prefillFacts, type FactSettings } from './facts.ts'
import { prefill, type Prefill } from './prefill.ts'
import { auditReport, type AuditReport } from './report.ts'
import { mayBeAuditor } from './access.ts'
import { identifiesChild, identifiesMessage, identityPattern, redacted } from './board-text.ts'
import {
  agenciesKnowing,
  cohortIdentity,
  agencyNames,
  agreementsOf,
  auditById,
  cohortOf,
  createAudit,
  criterionVersion,
  isClosed,
  nameAuditor,
  possibleAuditors,
  returnsOf,
  toolVersion,
  type AuditRow,
  type CohortChild,
  type NewAudit,
} from './store.ts'

export const factSettings = (): FactSettings => ({ missing: missingSettings(), risk: riskSettings() })

/** The moment an audit's grants end unless it is closed sooner: the end of its closing day. */
export function closesAt(audit: Pick<AuditRow, 'closes_on'>): Date {
  const end = endOfDayLondon(audit.closes_on)
  if (!end) throw new Error(`audit closing day "${audit.closes_on}" is not a date`)
  return end
}

export const auditClosed = (audit: AuditRow, at: Date) => isClosed(audit, closesAt(audit), at)

/**
 * The children drawn for an audit: the same criterion version, seed and data always give the same
 * children. The criterion is the version the audit names, or the newest of its name.
 */
export async function drawFor(db: Db, input: NewAudit, at: Date, settings = factSettings()): Promise<CohortChild[]> {
  return (await drawWith(db, input, at, settings)).cohort
}

async function drawWith(
  db: Db,
  input: NewAudit,
  at: Date,
  settings: FactSettings,
): Promise<{ criterion: CriterionDefinition; cohort: CohortChild[] }> {
  const criterion = await criterionVersion(db, input.criteria, input.criteriaVersion)
  const period = { from: input.periodFrom, to: input.periodTo }
  const facts = await cohortFacts(db, period, at, settings)
  const candidates = candidatesFor(criterion, facts, period, input.stratifyBy)
  const drawn = drawCohort(candidates, input.sampleSize, input.seed, input.stratifyBy !== 'none')
  const strata = new Map<number, string>()
  for (const c of [...candidates].sort((a, b) => a.stratum.localeCompare(b.stratum)))
    if (!strata.has(c.childId)) strata.set(c.childId, c.stratum)
  const knowing = await agenciesKnowing(db, drawn)
  return {
    criterion,
    cohort: drawn.map((childId) => ({
      childId,
      stratum: strata.get(childId) ?? '',
      agencies: knowing.get(childId) ?? [],
    })),
  }
}

/** Draws the cohort and creates the audit, recording the criterion version it drew with. */
export async function startAudit(db: Db, actor: Actor, createdBy: number, input: NewAudit, at: Date): Promise<number> {
  const { criterion, cohort } = await drawWith(db, input, at, factSettings())
  return createAudit(db, actor, createdBy, { ...input, criteriaVersion: criterion.version }, cohort, at)
}

/** Names a manager or practitioner of an agency invited as an auditor, with a grant for each child their agency knew. */
export async function addAuditor(
  db: Db,
  actor: Actor,
  auditId: number,
  userId: number,
  namedBy: number,
  at: Date,
): Promise<void> {
  const audit = await auditById(db, auditId)
  if (auditClosed(audit, at)) throw badRequest('This audit is closed: no one can be named on it.')
  const cohort = await cohortOf(db, auditId)
  const invited = [...new Set(cohort.flatMap((c) => c.agencies))]
  const auditor = (await possibleAuditors(db, invited)).find((a) => a.userId === userId)
  if (!auditor) {
    const user = await db.selectFrom('users').select(['roles']).where('id', '=', userId).executeTakeFirst()
    throw badRequest(
      user && !mayBeAuditor(user.roles)
        ? 'An auditor must be a manager or practitioner.'
        : 'Choose a manager or practitioner of an agency that knew a child in the cohort.',
    )
  }
  const children = cohort.filter((c) => c.agencies.includes(auditor.agency)).map((c) => c.childId)
  await nameAuditor(db, actor, audit, auditor, namedBy, children, closesAt(audit), at)
}

/** The facts a child's return is pre-filled with, as known now. */
export async function prefillFor(db: Db, childId: number, at: Date): Promise<Prefill> {
  return prefill(await prefillFacts(db, childId, at, factSettings()))
}

/** A field of free text the partnership board reads. */
export interface BoardText {
  field: string
  label: string
  text: string
}

/**
 * The fields whose text names or identifies a child of the audit (board-text.ts), each with its message:
 * the save is refused. The message names the field, never the name found.
 */
export async function boardTextProblems(
  db: Db,
  auditId: number,
  fields: readonly BoardText[],
): Promise<{ field: string; message: string }[]> {
  if (fields.every((f) => !f.text.trim())) return []
  const pattern = identityPattern(await cohortIdentity(db, auditId))
  return fields
    .filter((f) => identifiesChild(f.text, pattern))
    .map((f) => ({ field: f.field, message: identifiesMessage(f.label) }))
}

/** The board's copy of an audit's text: any cohort child's name or identifier removed (the second guard). */
export async function boardRedaction(db: Db, auditId: number): Promise<(text: string) => string> {
  const pattern = identityPattern(await cohortIdentity(db, auditId))
  return (text: string) => redacted(text, pattern)
}

/** The anonymised report of an audit (report.ts). */
export async function reportOf(db: Db, auditId: number, at: Date): Promise<AuditReport> {
  const audit = await auditById(db, auditId)
  const [criterion, tool, cohort, returns, agreements, names, board] = await Promise.all([
    criterionVersion(db, audit.criteria, audit.criteria_version),
    toolVersion(db, audit.tool_version),
    cohortOf(db, auditId),
    returnsOf(db, auditId),
    agreementsOf(db, auditId),
    agencyNames(db),
    boardRedaction(db, auditId),
  ])
  return auditReport({
    board,
    audit,
    criterionTitle: criterion.title,
    closed: auditClosed(audit, at),
    tool,
    cohort,
    returns,
    agreements,
    agencyName: (code) => names.get(code) ?? code,
  })
}

/** The child in a cohort position, for an auditor of an agency that knew them; refused otherwise. */
export async function childAtPosition(db: Db, auditId: number, position: number) {
  const cohort = await cohortOf(db, auditId)
  const child = cohort.find((c) => c.position === position)
  if (!child) throw notFound('There is no such child in this audit.')
  return child
}
