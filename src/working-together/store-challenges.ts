// Challenges of a decision or of another agency's inaction, and what people record on them
// (a response, moving it up, resolving it). Stage, owner and deadline are computed when read.
import type { Db } from '../db/database.ts'
import type { Actor } from '../audit/actor.ts'
import { appendAudit } from '../audit/audit.ts'
import { englandAndWalesWorkingDays } from './calendar.ts'
import { type EscalationProtocol } from './protocol.ts'
import { areaProtocol } from './settings.ts'
import { CHALLENGE_SUBJECTS, type ChallengeOutcome, type ChallengeSubject } from './outcomes.ts'
import {
  challengeState,
  resolutionProblems,
  type Challenge,
  type ChallengeState,
  type StageEvent,
} from './escalation.ts'
import type { Decision } from './decisions.ts'
import { ownerName, stageOwner, type StageOwnership, type WorkFacts } from './stage-owner.ts'
import { allocationFacts, activeAllocation, professionals, type Professional } from './store-people.ts'
import { decisionsAt } from './store-decisions.ts'
import { lockPerson, mergedIds } from '../people/people.ts'
import { errorKind } from '../errors/domain-error.ts'
import { must, mustGet } from '../errors/must.ts'
import { contentAt, editRecord } from '../edits/record-versions.ts'

export class ChallengeError extends errorKind('invalid') {}

/** A note recorded against a challenge that has changed since the person saw it: nothing is saved. */
export class ChallengeChanged extends ChallengeError {}

export interface ChallengeNote {
  kind: 'responded' | 'escalated' | 'resolved'
  at: Date
  by: Professional | null
  outcome: string | null
  note: string | null
}

export interface StoredChallenge {
  id: number
  childId: string
  decisionId: string | null
  decision: Pick<Decision, 'kind' | 'outcome' | 'agency'> | null
  summary: string
  raisedBy: Professional
  challenge: Challenge
  state: ChallengeState
  /** The person who owns the current stage, when Threadline can tell. */
  stageOwner: Professional | null
  /** Who holds the current stage: the person, and the agency whose managers hold it (stage-owner.ts). */
  ownership: StageOwnership
  /** What pages call the owner: a person's name, "<agency>'s managers" or the partnership's chair. */
  ownerName: string
  notes: ChallengeNote[]
  /** How many notes have been recorded on it: a note is saved only against the version its writer saw. */
  version: number
}

export interface NewChallenge {
  childId: number
  decisionId: string | null
  raisedBy: number
  againstAgency: string
  subject: string
  summary: string
}

export async function raiseChallenge(db: Db, actor: Actor, input: NewChallenge, at: Date): Promise<number> {
  const problems: string[] = []
  if (!(CHALLENGE_SUBJECTS as readonly string[]).includes(input.subject))
    problems.push('choose what the challenge is about')
  if (!input.summary.trim()) problems.push('say what you disagree with and why')
  const raiser = await db
    .selectFrom('users')
    .select(['agency_code'])
    .where('id', '=', input.raisedBy)
    .executeTakeFirst()
  if (!raiser) problems.push('the person raising it is not known')
  if (raiser && raiser.agency_code === input.againstAgency)
    problems.push('choose another agency than your own: a challenge is raised with another agency')
  if (input.decisionId) {
    const decision = (await decisionsAt(db, at, [input.childId])).find((d) => d.id === input.decisionId)
    if (!decision) problems.push('there is no such decision about this child')
    else if (decision.decision.agency !== input.againstAgency)
      problems.push('a decision is challenged with the agency that made it')
  }
  const agency = await db
    .selectFrom('agencies')
    .select('code')
    .where('code', '=', input.againstAgency)
    .executeTakeFirst()
  if (!agency) problems.push('choose the agency you are challenging')
  // no one raising it is a problem named above
  if (problems.length || !raiser) throw new ChallengeError(problems.join('; '))
  return db.transaction().execute(async (trx) => {
    const childId = (await lockPerson(trx, input.childId)) ?? input.childId
    const row = await trx
      .insertInto('wt_challenges')
      .values({
        entity_id: childId,
        decision_ref: input.decisionId,
        raised_by: input.raisedBy,
        raised_by_agency: raiser.agency_code,
        against_agency: input.againstAgency,
        subject: input.subject,
        summary: input.summary.trim(),
        opened_at: at,
        recorded_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await appendAudit(
      trx,
      actor,
      {
        action: 'raise_challenge',
        entityId: childId,
        details: {
          challenge_id: row.id,
          decision_id: input.decisionId,
          against: input.againstAgency,
          subject: input.subject,
        },
      },
      at,
    )
    return row.id
  })
}

/**
 * Records a response, a move up or a resolution on a challenge still open at `at`. `seenVersion` is
 * the version the person saw (the page's form carries it); without one, the version read here. The
 * note is saved by one conditional update of that version, so of two clicks, or two people, acting
 * on the same version only the first is saved: a stage is never skipped, and a challenge resolved
 * meanwhile is never moved up (ChallengeChanged).
 */
export async function noteChallenge(
  db: Db,
  actor: Actor,
  challengeId: number,
  by: number,
  note: { kind: 'responded' | 'escalated' | 'resolved'; outcome?: string | null; note?: string | null },
  at: Date,
  seenVersion?: number,
): Promise<void> {
  const current = (await challengesAt(db, at, { ids: [challengeId] }))[0]
  if (!current) throw new ChallengeError('there is no such challenge')
  const expected = seenVersion ?? current.version
  if (expected !== current.version) throw changedSince(current)
  if (current.state.status !== 'open') throw new ChallengeError('this challenge has been resolved')
  const problems: string[] = []
  if (note.kind === 'resolved') problems.push(...resolutionProblems(current.challenge, note.outcome ?? '', note.note))
  else if (!note.note || !note.note.trim())
    problems.push(note.kind === 'escalated' ? 'say why it moves up' : 'write the response')
  if (note.kind === 'escalated' && current.state.stage >= areaProtocol().stages.length)
    problems.push('this challenge is already at the last stage')
  if (problems.length) throw new ChallengeError(problems.join('; '))
  await db.transaction().execute(async (trx) => {
    const saved = await trx
      .updateTable('wt_challenges')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('id', '=', challengeId)
      .where('version', '=', expected)
      .returning('version')
      .executeTakeFirst()
    if (!saved) throw changedSince(current)
    await trx
      .insertInto('wt_challenge_events')
      .values({
        challenge_id: challengeId,
        kind: note.kind,
        at,
        by_user: by,
        outcome: note.kind === 'resolved' ? must(note.outcome, 'the outcome of a resolution, checked above') : null,
        note: note.note?.trim() ?? null,
        recorded_at: at,
      })
      .execute()
    await appendAudit(
      trx,
      actor,
      {
        action: `challenge_${note.kind}`,
        entityId: Number(current.childId),
        details: { challenge_id: challengeId, stage: current.state.stage, outcome: note.outcome ?? null },
      },
      at,
    )
  })
}

/**
 * What a challenge says it disagrees with, changed by `by` (who may is access/record-author.ts mayEditRecord, the
 * page's to ask), saved against the version the page showed: a note recorded meanwhile raises the
 * same version, so an edit from a page opened before it is refused too (record-versions.ts).
 */
export async function editChallengeSummary(
  db: Db,
  actor: Actor,
  edit: { id: number; seen: number; by: number },
  summary: string,
  at: Date,
): Promise<number> {
  if (!summary.trim()) throw new ChallengeError('say what you disagree with and why')
  const content = { summary: summary.trim() }
  return editRecord(db, actor, { kind: 'challenge', ...edit, content }, at)
}

function changedSince(seen: StoredChallenge): ChallengeChanged {
  return new ChallengeChanged(
    `challenge ${seen.id} has changed since you opened it (someone has responded, moved it up or resolved it), ` +
      'so your note was not saved: look at it as it is now, and record your note again if it still applies',
  )
}

/** What stage-owner.ts `challengeWork` needs to know of a stored challenge. */
export const workFacts = (c: StoredChallenge): WorkFacts => ({
  status: c.state.status,
  stageOwnerRole: c.state.stageOwnerRole,
  owner: c.ownership,
  raisedBy: c.raisedBy.id,
  raisedByAgency: c.challenge.raisedByAgency,
  againstAgency: c.challenge.againstAgency,
})

/** A challenge's notes as known at `now`, in the order they were made. */
const challengeEvents = (db: Db, challengeIds: number[], now: Date) =>
  db
    .selectFrom('wt_challenge_events')
    .selectAll()
    .where('challenge_id', 'in', challengeIds)
    .where('recorded_at', '<=', now)
    .orderBy('at')
    .orderBy('id')
    .execute()

/** The notes that move a challenge's stage (moving it up, resolving it); a response does not. */
const stageEventsOf = (notes: Awaited<ReturnType<typeof challengeEvents>>): StageEvent[] =>
  notes.flatMap((e): StageEvent[] =>
    e.kind === 'escalated'
      ? [{ kind: 'escalated', at: e.at, recordedAt: e.recorded_at, by: String(e.by_user ?? '') }]
      : e.kind === 'resolved'
        ? [
            {
              kind: 'resolved',
              at: e.at,
              recordedAt: e.recorded_at,
              outcome: e.outcome as ChallengeOutcome,
              note: e.note ?? undefined,
            },
          ]
        : [],
  )

/** Challenges as known at `now`, each with its stage, owner and deadline computed from the protocol. */
export async function challengesAt(
  db: Db,
  now: Date,
  options: { childIds?: readonly number[]; ids?: readonly number[]; protocol?: EscalationProtocol } = {},
): Promise<StoredChallenge[]> {
  const protocol = options.protocol ?? areaProtocol()
  let q = db.selectFrom('wt_challenges').selectAll().where('recorded_at', '<=', now)
  if (options.childIds) q = q.where('entity_id', 'in', options.childIds.length ? [...options.childIds] : [-1])
  if (options.ids) q = q.where('id', 'in', options.ids.length ? [...options.ids] : [-1])
  const rows = await q.orderBy('opened_at').orderBy('id').execute()
  if (!rows.length) return []
  const ids = rows.map((r) => r.id)
  const [events, people, canonical, agencyRows, then] = await Promise.all([
    challengeEvents(db, ids, now),
    professionals(db),
    mergedIds(db),
    db.selectFrom('agencies').select(['code', 'name']).execute(),
    // a summary edited since `now` as it was then (decision 0029)
    contentAt(db, 'challenge', ids, now),
  ])
  const agencyNames = new Map(agencyRows.map((a) => [a.code, a.name]))
  const childIds = [...new Set(rows.map((r) => canonical(r.entity_id)))]
  const [decisions, allocations] = await Promise.all([decisionsAt(db, now, childIds), allocationFacts(db, childIds)])
  const decisionById = new Map(decisions.map((d) => [d.id, d.decision]))
  const candidates = [...people.values()]
  return rows.map((r) => {
    const childId = String(canonical(r.entity_id))
    const decision = r.decision_ref ? (decisionById.get(r.decision_ref) ?? null) : null
    const challenge: Challenge = {
      openedAt: r.opened_at,
      raisedBy: String(r.raised_by),
      raisedByAgency: r.raised_by_agency,
      againstAgency: r.against_agency,
      subject: r.subject as ChallengeSubject,
      decision: decision ? { kind: decision.kind, outcome: decision.outcome } : null,
    }
    const mine = events.filter((e) => e.challenge_id === r.id)
    const state = challengeState(challenge, stageEventsOf(mine), protocol, now, englandAndWalesWorkingDays)
    const stageStart = state.stages[state.stages.length - 1].startedAt
    const allocated = allocations
      .filter((a) => a.childId === childId && activeAllocation(a, stageStart))
      .map((a) => a.userId)
    const ownership = stageOwner(state.stageOwnerRole, {
      againstAgency: r.against_agency,
      allocated,
      people: candidates,
    })
    const ownerId = ownership.person
    return {
      id: r.id,
      childId,
      decisionId: r.decision_ref,
      decision: decision ? { kind: decision.kind, outcome: decision.outcome, agency: decision.agency } : null,
      summary: String(then.get(r.id)?.summary ?? r.summary),
      raisedBy: mustGet(people, r.raised_by, 'the person who raised the challenge'),
      challenge,
      state,
      stageOwner: ownerId === null ? null : (people.get(ownerId) ?? null),
      ownership,
      ownerName: ownerName(
        ownership,
        (id) => people.get(id)?.name,
        (code) => agencyNames.get(code),
      ),
      notes: mine.map((e) => ({
        kind: e.kind,
        at: e.at,
        by: e.by_user === null ? null : (people.get(e.by_user) ?? null),
        outcome: e.outcome,
        note: e.note,
      })),
      version: r.version,
    }
  })
}
