// What every working-together page starts from: the child as the one asking may see them (the one
// child-access check, people/child-in-reach.ts childFor, then this capability's rules in access.ts),
// a challenge, a meeting or an action as they may see it (404 when it is not shared with them), the
// audit entry of what was seen, and a refusal from a store as the page's 400.
import type { AuditAction } from '../vocabulary/audit-actions.ts'
import type { FastifyRequest } from 'fastify'
import type { Db } from '../db/database.ts'
import type { Reach } from '../access/visibility.ts'
import { doesCasework } from '../vocabulary/roles.ts'
import { audit } from '../audit/audit.ts'
import { DomainError } from '../errors/domain-error.ts'
import { mustGet } from '../errors/must.ts'
import { childFor } from '../people/child-in-reach.ts'
import { summaries } from '../people/people.ts'
import { actorOf, userOf, viewerOf } from '../web/guards.ts'
import { badRequest, forbidden, notFound } from '../web/http-error.ts'
import {
  actionView,
  challengeView,
  decisionView,
  meetingView,
  partnershipOnly,
  supervisionView,
  worksWithChild,
} from './access.ts'
import type { ObjectView } from './access.ts'
import { challengesAt, ChallengeError, type StoredChallenge } from './store-challenges.ts'
import { CompetencyError } from './store-competencies.ts'
import { DecisionError, decisionsAt, type StoredDecision } from './store-decisions.ts'
import { actionsAt, meetingsAt, MeetingError } from './store-meetings.ts'
import { agenciesHoldingRecords, professionals } from './store-people.ts'
import { RecordEditError } from '../edits/record-versions.ts'
import { supervisionsAt, SupervisionError, type SupervisionRecord } from './store-supervision.ts'

/** The child a page is about, as the pages show them (their name, and their date of birth for the language check). */
export interface ChildRecord {
  person_id: number
  reach: Reach
  given_name: string | null
  family_name: string | null
  date_of_birth: string | null
}

const DOMAIN_ERRORS = [RecordEditError, DecisionError, ChallengeError, MeetingError, SupervisionError, CompetencyError]

/** A store's refusal (a wrong value in the form) is the page's 400, in a sentence; anything else goes on. */
export const asBadRequest = (error: unknown): never => {
  if (DOMAIN_ERRORS.some((E) => error instanceof E))
    throw badRequest(`${(error as Error).message.replace(/^./, (c) => c.toUpperCase())}.`)
  throw error
}

/** An audit entry of what this person saw (or opened to change). */
export const viewed = (
  db: Db,
  request: FastifyRequest,
  action: AuditAction,
  entityId: number | null,
  details: Record<string, unknown>,
  at: Date,
) => audit(db, actorOf(request), { action, entityId, details }, at)

/** The child as this person may see them (their reach); 403 for a role that sees no child. Audited by the caller. */
export async function childSeen(db: Db, request: FastifyRequest, id: number, at: Date): Promise<ChildRecord> {
  if (!Number.isInteger(id) || id <= 0) throw notFound('There is no person with this reference.')
  if (!doesCasework(userOf(request).roles)) throw forbidden("Your role does not give you access to children's records.")
  const child = await childFor(db, viewerOf(request), id, at)
  const summary = mustGet(await summaries(db, [child.id], at), child.id, "the child's name and date of birth")
  return {
    person_id: child.id,
    reach: child.reach,
    given_name: summary.given_name,
    family_name: summary.family_name,
    date_of_birth: summary.date_of_birth,
  }
}

/** The child as this person may see them; 403 unless they work with the child (access.ts worksWithChild). */
export async function childWorkedWith(db: Db, request: FastifyRequest, id: number, at: Date): Promise<ChildRecord> {
  const record = await childSeen(db, request, id, at)
  if (!worksWithChild(viewerOf(request), record.reach, await agenciesHoldingRecords(db, record.person_id, at)))
    throw forbidden('Only professionals working with this child can do this. Open the full record with a reason first.')
  return record
}

export const supervisionFacts = (s: SupervisionRecord) => ({
  workerId: s.worker.id,
  workerAgency: s.worker.agency,
  supervisorId: s.supervisor.id,
  supervisorAgency: s.supervisor.agency,
})

/** A challenge: the casework staff of the agencies in it and those working with the child; the partnership (no child's details). */
export async function challengeFor(
  db: Db,
  request: FastifyRequest,
  id: number,
  at: Date,
): Promise<{ challenge: StoredChallenge; record: ChildRecord | null }> {
  if (!Number.isInteger(id) || id <= 0) throw notFound()
  const [challenge] = await challengesAt(db, at, { ids: [id] })
  if (!challenge) throw notFound('There is no such challenge.')
  if (partnershipOnly(userOf(request).roles)) return { challenge, record: null }
  const record = await childSeen(db, request, Number(challenge.childId), at)
  if (challengeView(viewerOf(request), record.reach, challenge.challenge) !== 'full')
    throw notFound('There is no such challenge, or it is not shared with you.')
  return { challenge, record }
}

/** A meeting as this viewer may see it (meetingView); 404 when it is not shared with them. */
export async function meetingFor(db: Db, request: FastifyRequest, id: number, at: Date) {
  const [meeting] = Number.isInteger(id) && id > 0 ? await meetingsAt(db, at, { ids: [id] }) : []
  if (!meeting) throw notFound('There is no such meeting.')
  const record = await childSeen(db, request, Number(meeting.childId), at)
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

/** How the viewer sees what an action came from: its meeting (a meeting they may not open hides it) or its supervision. */
async function actionParent(
  db: Db,
  request: FastifyRequest,
  action: { meetingId: number | null; supervisionId: number | null },
  record: ChildRecord,
  at: Date,
): Promise<ObjectView> {
  if (action.meetingId !== null)
    // a meeting the viewer may not open hides the action's context; any other failure is a fault
    return meetingFor(db, request, action.meetingId, at).then(
      (m) => m.view,
      (error: unknown) => {
        if (error instanceof DomainError && (error.code === 'forbidden' || error.code === 'not_found')) return 'hidden'
        throw error
      },
    )
  if (action.supervisionId === null) return 'hidden'
  const note = (await supervisionsAt(db, at, [record.person_id])).find((s) => s.id === action.supervisionId)
  return note ? supervisionView(viewerOf(request), record.reach, supervisionFacts(note)) : 'hidden'
}

/** An action as this viewer may see it (actionView, through the meeting or supervision it came from). */
export async function actionFor(db: Db, request: FastifyRequest, id: number, at: Date) {
  const [action] = Number.isInteger(id) && id > 0 ? await actionsAt(db, at, { ids: [id] }) : []
  if (!action) throw notFound('There is no such action.')
  const record = await childSeen(db, request, Number(action.childId), at)
  const parent = await actionParent(db, request, action, record, at)
  if (actionView(viewerOf(request), record.reach, action, parent) === 'hidden')
    throw notFound('There is no such action, or it is not shared with you.')
  return { action, record, parent }
}

/** How this viewer sees a stored decision about the child (access.ts decisionView). */
export const decisionSeen = (request: FastifyRequest, record: ChildRecord, found: StoredDecision | undefined) =>
  found
    ? decisionView(viewerOf(request), record.reach, {
        agency: found.decision.agency,
        sourceRecord: found.decision.sourceRecord,
        restricted: found.restricted,
      })
    : 'hidden'

/** A decision recorded by hand, as this viewer may read it in full (decisionView); 404 otherwise. */
export async function decisionFor(db: Db, request: FastifyRequest, id: number, at: Date) {
  const row =
    Number.isInteger(id) && id > 0
      ? await db.selectFrom('wt_decisions').select(['entity_id']).where('id', '=', id).executeTakeFirst()
      : undefined
  if (!row) throw notFound('There is no such decision.')
  const record = await childSeen(db, request, row.entity_id, at)
  const found = (await decisionsAt(db, at, [record.person_id])).find((d) => d.id === String(id))
  if (!found || decisionSeen(request, record, found) !== 'full')
    throw notFound('There is no such decision, or it is not shared with you.')
  return { decision: found, record }
}
