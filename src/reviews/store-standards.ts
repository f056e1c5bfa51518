// Storage of the section 11 and section 175 standard sets (review_standard_sets, migration 0034): the
// shipped version 1 of each, and each version an area adds after, checked field by field first. A new
// self-assessment uses the newest set of its kind; each one keeps the version it was made against.
import type { Db } from '../db/database.ts'
import type { Actor } from '../audit/actor.ts'
import { appendAudit } from '../audit/audit.ts'
import { errorKind } from '../errors/domain-error.ts'
import type { AssessmentKind } from './self-assessments.ts'
import { cleanSet, problemLine, standardSetProblems, type SetProblem, type StandardSet } from './standards.ts'

export class StandardsNotFound extends errorKind('not_found') {}

/** A file that is not a standard set: each problem names its field and what was expected. */
export class StandardSetRefused extends errorKind('invalid') {
  constructor(readonly problems: SetProblem[]) {
    super(`the standard set is not valid: ${problems.map(problemLine).join('; ')}`)
  }
}

export interface StoredStandardSet extends StandardSet {
  addedBy: string | null
  addedAt: Date
  /** the newest of its kind: what a new self-assessment is made against */
  inUse: boolean
  /** how many self-assessments were made against it */
  assessments: number
}

/** Every set held, by kind, newest version first. */
export async function standardSets(db: Db): Promise<StoredStandardSet[]> {
  const rows = await db
    .selectFrom('review_standard_sets as s')
    .leftJoin('users as u', 'u.id', 's.added_by')
    .select((eb) => [
      's.kind',
      's.version',
      's.definition',
      'u.name',
      's.added_at',
      eb
        .selectFrom('self_assessments as a')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('a.kind', '=', 's.kind')
        .whereRef('a.standards_version', '=', 's.version')
        .as('assessments'),
    ])
    .orderBy('s.kind')
    .orderBy('s.version', 'desc')
    .execute()
  const seen = new Set<string>()
  return rows.map((r) => {
    const inUse = !seen.has(r.kind)
    seen.add(r.kind)
    return {
      ...(r.definition as StandardSet),
      addedBy: r.name,
      addedAt: r.added_at,
      inUse,
      assessments: Number(r.assessments ?? 0),
    }
  })
}

/** One version of a kind's standards. */
export async function standardSet(db: Db, kind: AssessmentKind, version: number): Promise<StandardSet> {
  const row = await db
    .selectFrom('review_standard_sets')
    .select('definition')
    .where('kind', '=', kind)
    .where('version', '=', version)
    .executeTakeFirst()
  if (!row) throw new StandardsNotFound(`There is no version ${version} of the ${kind} standards.`)
  return row.definition as StandardSet
}

/** The newest set of a kind: the one a new self-assessment is made against. */
export async function currentStandardSet(db: Db, kind: AssessmentKind): Promise<StandardSet> {
  const row = await db
    .selectFrom('review_standard_sets')
    .select('definition')
    .where('kind', '=', kind)
    .orderBy('version', 'desc')
    .executeTakeFirst()
  if (!row) throw new StandardsNotFound(`There are no ${kind} standards.`)
  return row.definition as StandardSet
}

/**
 * A new version of a kind's standards, checked first (every problem with its field and what was
 * expected), then added in one transaction with its audit row. Only an administrator adds one: the
 * command line (run by those who run the server) and nothing else calls it.
 */
export async function addStandardSet(
  db: Db,
  actor: Actor,
  addedBy: number | null,
  value: unknown,
  at: Date,
): Promise<StandardSet> {
  return db.transaction().execute(async (trx) => {
    // one version at a time: two adding at once would both be "the next"
    await trx.selectFrom('review_standard_sets').select('kind').forUpdate().execute()
    const latest = await trx
      .selectFrom('review_standard_sets')
      .select(['kind', (eb) => eb.fn.max('version').as('version')])
      .groupBy('kind')
      .execute()
    const problems = standardSetProblems(value, Object.fromEntries(latest.map((r) => [r.kind, Number(r.version)])))
    if (problems.length) throw new StandardSetRefused(problems)
    const set = cleanSet(value)
    await trx
      .insertInto('review_standard_sets')
      .values({
        kind: set.kind,
        version: set.version,
        title: set.title,
        source: set.source,
        definition: JSON.stringify(set),
        added_by: addedBy,
        added_at: at,
      })
      .execute()
    await appendAudit(
      trx,
      actor,
      {
        action: 'review_standards_added',
        details: { kind: set.kind, version: set.version, standards: set.standards.length },
      },
      at,
    )
    return set
  })
}
