// Storage of section 11 and section 175 self-assessments: an agency's ratings of each standard for a
// period, kept as recorded (a new period is a new self-assessment), with its actions in plan_actions.
import type { Db } from '../db/database.ts'
import type { Actor } from '../audit/actor.ts'
import { appendAudit } from '../audit/audit.ts'
import { errorKind } from '../errors/domain-error.ts'
import type { AssessmentKind, Rating } from './self-assessments.ts'

export class SelfAssessmentNotFound extends errorKind('not_found') {}

export interface SelfAssessment {
  id: number
  kind: AssessmentKind
  agency: string
  period: string
  ratings: Record<string, Rating>
  /** the version of its kind's standards it was made against */
  standardsVersion: number
  recordedBy: string
  recordedAt: Date
}

/** Self-assessments, of one agency or all, newest first. */
export async function selfAssessments(
  db: Db,
  filter: { agency?: string; id?: number } = {},
): Promise<SelfAssessment[]> {
  let query = db
    .selectFrom('self_assessments as s')
    .innerJoin('users as u', 'u.id', 's.recorded_by')
    .select([
      's.id',
      's.kind',
      's.agency_code',
      's.period',
      's.ratings',
      's.standards_version',
      'u.name',
      's.recorded_at',
    ])
    .orderBy('s.recorded_at', 'desc')
    .orderBy('s.id', 'desc')
  if (filter.agency !== undefined) query = query.where('s.agency_code', '=', filter.agency)
  if (filter.id !== undefined) query = query.where('s.id', '=', filter.id)
  return (await query.execute()).map((r) => ({
    id: r.id,
    kind: r.kind as AssessmentKind,
    agency: r.agency_code,
    period: r.period,
    ratings: r.ratings as Record<string, Rating>,
    standardsVersion: r.standards_version,
    recordedBy: r.name,
    recordedAt: r.recorded_at,
  }))
}

export async function selfAssessment(db: Db, id: number): Promise<SelfAssessment> {
  const [found] = await selfAssessments(db, { id })
  if (!found) throw new SelfAssessmentNotFound('There is no such self-assessment.')
  return found
}

export async function recordSelfAssessment(
  db: Db,
  actor: Actor,
  userId: number,
  assessment: {
    kind: AssessmentKind
    agency: string
    period: string
    ratings: Record<string, Rating>
    /** the version of the standards it was made against (the newest of its kind when not given) */
    standardsVersion?: number
  },
  at: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const version =
      assessment.standardsVersion ??
      (
        await trx
          .selectFrom('review_standard_sets')
          .select((eb) => eb.fn.max('version').as('v'))
          .where('kind', '=', assessment.kind)
          .executeTakeFirstOrThrow()
      ).v
    const { id } = await trx
      .insertInto('self_assessments')
      .values({
        kind: assessment.kind,
        agency_code: assessment.agency,
        period: assessment.period,
        ratings: JSON.stringify(assessment.ratings),
        standards_version: Number(version),
        recorded_by: userId,
        recorded_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await appendAudit(
      trx,
      actor,
      {
        action: 'self_assessment_recorded',
        details: {
          self_assessment_id: id,
          kind: assessment.kind,
          agency: assessment.agency,
          standards_version: Number(version),
        },
      },
      at,
    )
    return id
  })
}
