// Decisions as stored and derived: those recorded by hand (wt_decisions) and those that imported
// `charging_decision` / `police_nfa` events are (read from the events, never copied). Each comes
// with whether Threadline prompts other agencies to challenge it, as known at `asOf`.
import type { Db } from '../db/database.ts'
import type { Actor } from '../audit/actor.ts'
import { appendAudit } from '../audit/audit.ts'
import { recordedEvents } from '../chronology/versions.ts'
import { knownAsOf, parseTime } from '../missing/index.ts'
import {
  decisionsFromEvents,
  decisionProblems,
  isNoFurtherAction,
  normaliseOutcome,
  type Decision,
  type DecisionKind,
} from './decisions.ts'
import { challengeable, type ChallengePrompt, type Concern } from './challengeable.ts'
import { offenceWords } from '../records/offences.ts'
import { SERIOUS_HARM_KINDS, seriousHarmFacts } from './serious-harm.ts'
import { bandsAt } from './band.ts'
import { allocationFacts, activeAllocation } from './store-people.ts'
import { lockPerson, mergedIds } from '../people/people.ts'
import { errorKind } from '../errors/domain-error.ts'
import { must } from '../errors/must.ts'
import { contentAt, editRecord } from '../edits/record-versions.ts'

export interface StoredDecision {
  /** A hand-recorded decision's number, or the imported event's `agency:source_id`. */
  id: string
  decision: Decision
  /** The imported event is restricted (its content stays with its agency). */
  restricted: boolean
  prompt: ChallengePrompt
  /** A hand-recorded decision's version now (what its edit form saves against); null for an imported one. */
  version: number | null
}

const CONCERN_KINDS = ['concern', 'contact_referral']
const DECISION_EVENT_KINDS = ['charging_decision', 'police_nfa']
/** Every kind a decision is judged with, read in one pass over the events. */
const CONTEXT_KINDS = [...new Set([...DECISION_EVENT_KINDS, ...CONCERN_KINDS, ...SERIOUS_HARM_KINDS])]

export class DecisionError extends errorKind('invalid') {}

export interface NewDecision {
  childId: number
  agency: string
  kind: string
  outcome?: string | null
  rationale: string
  decidedAt: Date | null
  decidedBy: number | null
}

export async function recordDecision(db: Db, actor: Actor, input: NewDecision, at: Date): Promise<string> {
  const problems = decisionProblems({
    kind: input.kind,
    outcome: input.outcome,
    rationale: input.rationale,
    decidedAt: input.decidedAt,
  })
  if (input.decidedAt && input.decidedAt.getTime() > at.getTime())
    problems.push('the date of the decision must be today or in the past')
  if (problems.length) throw new DecisionError(problems.join('; '))
  return db.transaction().execute(async (trx) => {
    const childId = (await lockPerson(trx, input.childId)) ?? input.childId
    const row = await trx
      .insertInto('wt_decisions')
      .values({
        entity_id: childId,
        agency_code: input.agency,
        kind: input.kind,
        outcome: normaliseOutcome(input.outcome),
        rationale: input.rationale.trim(),
        decided_at: must(input.decidedAt, 'the date of the decision, checked above'),
        decided_by: input.decidedBy,
        recorded_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await appendAudit(
      trx,
      actor,
      {
        action: 'record_decision',
        entityId: childId,
        details: { decision_id: String(row.id), kind: input.kind, outcome: input.outcome ?? null },
      },
      at,
    )
    return String(row.id)
  })
}

/** Every decision known at `asOf` (optionally for some children), oldest first, with its prompt. */
export async function decisionsAt(db: Db, asOf: Date, childIds?: readonly number[]): Promise<StoredDecision[]> {
  const canonical = await mergedIds(db)
  const [events, handRows, allocations, links] = await Promise.all([
    recordedEvents(db, { kinds: CONTEXT_KINDS, personIds: childIds, recordedBy: asOf }),
    (() => {
      let q = db.selectFrom('wt_decisions').selectAll().where('recorded_at', '<=', asOf)
      if (childIds) q = q.where('entity_id', 'in', childIds.length ? [...childIds] : [-1])
      return q.orderBy('id').execute()
    })(),
    allocationFacts(db, childIds),
    (() => {
      let q = db.selectFrom('entity_links').select(['entity_id', 'agency_code'])
      if (childIds) q = q.where('entity_id', 'in', childIds.length ? [...childIds] : [-1])
      return q.execute()
    })(),
  ])
  const ofKinds = (kinds: readonly string[]) => events.filter((v) => kinds.includes(v.event.kind))
  const [versions, concernVersions] = [ofKinds(DECISION_EVENT_KINDS), ofKinds(CONCERN_KINDS)]
  const knownDecisions = new Map(knownAsOf(versions, asOf).map((k) => [k.key, k.current.event]))
  const restricted = new Map([...knownDecisions].map(([key, e]) => [key, e.restricted === true]))
  const imported: StoredDecision[] = decisionsFromEvents(versions, asOf).map((d) => {
    const id = must(d.sourceRecord, "an imported decision's record")
    return { id, decision: d, restricted: restricted.get(id) ?? false, prompt: NONE, version: null }
  })
  // a decision edited since `asOf` as it was then (decision 0029)
  const handIds = handRows.map((r) => r.id)
  const then = await contentAt(db, 'decision', handIds, asOf)
  const byHand: StoredDecision[] = handRows.map((r) => ({
    id: String(r.id),
    restricted: false,
    prompt: NONE,
    version: r.version,
    decision: {
      childId: String(canonical(r.entity_id)),
      agency: r.agency_code,
      kind: r.kind as DecisionKind,
      ...handContent(r, then.get(r.id)),
      recordedAt: r.recorded_at,
      decidedBy: r.decided_by === null ? null : String(r.decided_by),
      sourceRecord: null,
    },
  }))
  const all = [...imported, ...byHand].sort(
    (a, b) => a.decision.decidedAt.getTime() - b.decision.decidedAt.getTime() || a.id.localeCompare(b.id),
  )

  // the context each child's decisions are judged in
  const concerns = new Map<string, Concern[]>()
  for (const k of knownAsOf(concernVersions, asOf)) {
    const at = parseTime(k.current.event.occurred_at)
    if (!at) continue
    const list = concerns.get(k.current.childId) ?? []
    list.push({ agency: k.current.event.agency, at, recordedAt: k.firstRecordedAt, source: k.key })
    concerns.set(k.current.childId, list)
  }
  const agencies = new Map<string, Set<string>>()
  const add = (child: string, agency: string) => {
    const set = agencies.get(child) ?? new Set<string>()
    set.add(agency)
    agencies.set(child, set)
  }
  for (const l of links) add(String(canonical(l.entity_id)), l.agency_code)
  for (const a of allocations) if (activeAllocation(a, asOf)) add(a.childId, a.agency)
  // the band when the decision was made, on what had been recorded by then
  const bandQuery = (d: StoredDecision) => ({
    childId: d.decision.childId,
    at: d.decision.decidedAt.getTime() < asOf.getTime() ? d.decision.decidedAt : asOf,
  })
  const bandOf = await bandsAt(db, all.filter((d) => isNoFurtherAction(d.decision)).map(bandQuery))
  const harm = seriousHarmFacts(ofKinds(SERIOUS_HARM_KINDS), asOf)
  for (const d of all) {
    const e = d.decision.sourceRecord ? knownDecisions.get(d.decision.sourceRecord) : undefined
    d.prompt = challengeable(d.decision, {
      asOf,
      band: isNoFurtherAction(d.decision) ? bandOf(bandQuery(d)) : null,
      concerns: concerns.get(d.decision.childId) ?? [],
      agencies: [...(agencies.get(d.decision.childId) ?? [])],
      seriousHarm: harm.get(d.decision.childId) ?? [],
      decisionTexts: e ? offenceWords(e) : [],
    })
  }
  return all
}

/** What a hand-recorded decision said: now, or the version in force at the moment asked about. */
function handContent(
  row: { outcome: string | null; rationale: string; decided_at: Date },
  earlier: Record<string, unknown> | undefined,
): Pick<Decision, 'outcome' | 'rationale' | 'decidedAt'> {
  if (!earlier) return { outcome: row.outcome, rationale: row.rationale, decidedAt: row.decided_at }
  return {
    outcome: typeof earlier.outcome === 'string' ? earlier.outcome : null,
    rationale: String(earlier.rationale ?? ''),
    decidedAt: new Date(String(earlier.decided_at)),
  }
}

export interface DecisionEdit {
  outcome?: string | null
  rationale: string
  decidedAt: Date | null
}

/**
 * A hand-recorded decision changed by `by` (who may is access/record-author.ts mayEditRecord, the page's to ask):
 * checked as a new one is, saved against the version the page showed (record-versions.ts).
 */
export async function editDecision(
  db: Db,
  actor: Actor,
  edit: { id: number; seen: number; by: number },
  input: DecisionEdit,
  at: Date,
): Promise<number> {
  const row = await db.selectFrom('wt_decisions').select(['kind']).where('id', '=', edit.id).executeTakeFirst()
  if (!row) throw new DecisionError('there is no such decision')
  const problems = decisionProblems({ kind: row.kind, ...input })
  if (input.decidedAt && input.decidedAt.getTime() > at.getTime())
    problems.push('the date of the decision must be today or in the past')
  if (problems.length) throw new DecisionError(problems.join('; '))
  const content = {
    outcome: normaliseOutcome(input.outcome),
    decided_at: must(input.decidedAt, 'the date of the decision, checked above'),
    rationale: input.rationale.trim(),
  }
  return editRecord(db, actor, { kind: 'decision', id: edit.id, seen: edit.seen, by: edit.by, content }, at)
}

const NONE: ChallengePrompt = { challengeable: false, reasons: [], prompt: null, promptAgencies: [] }
