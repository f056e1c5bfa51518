// The probabilistic step of linking imported records, after the exact rules. Built once per import
// transaction from the current person records, and only when a trained model exists; then every
// record no exact rule linked is scored in memory against the people already known:
//   probability >= auto threshold -> linked to that person (method 'probabilistic')
//   review <= probability < auto  -> a new person, and the pair goes to the MASH's review queue
//   below                         -> a new person.
// People's decisions win: a person decided "not the same" as a record is never its candidate, and a
// record that matches two people someone decided are different is not linked to either by the model.
import type { Transaction } from 'kysely'
import type { Tables } from '../db/schema.ts'
import type { PersonRecord } from '../records/types.ts'
import { createLinker, type Linker } from './linker.ts'
import { linkageRecordFromPerson } from './record.ts'
import { activeModel, currentRecords, productNicknames, recordKey, thresholds } from './storage.ts'
import type { Thresholds } from './thresholds.ts'
import type { Explanation } from './explain.ts'

export type LinkDecision =
  | { kind: 'link'; entityId: number; probability: number }
  | { kind: 'review'; entityId: number; probability: number; recordId: string }
  | { kind: 'new' }

export interface LinkSession {
  readonly modelId: number
  readonly thresholds: Thresholds
  /** what the model says about a record no exact rule linked */
  decide(record: PersonRecord): LinkDecision
  /** a record now linked to a person, so that later records of the import can match it */
  add(record: PersonRecord, entityId: number): void
  /** queue a pair for the MASH: the record (now its own person) and the candidate */
  queue(record: PersonRecord, candidate: Extract<LinkDecision, { kind: 'review' }>): void
  /** writes the queued pairs */
  finish(trx: Transaction<Tables>, at: Date): Promise<void>
}

const sessions = new WeakMap<object, Promise<LinkSession | null>>()

/** The session of this transaction, or null when no model has been trained. */
export function linkSession(trx: Transaction<Tables>): Promise<LinkSession | null> {
  let session = sessions.get(trx)
  if (!session) {
    session = openSession(trx)
    sessions.set(trx, session)
  }
  return session
}

/** A pair of record keys in either order. */
const pair = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`)

async function openSession(trx: Transaction<Tables>): Promise<LinkSession | null> {
  const active = await activeModel(trx)
  if (!active) return null
  const [records, limits, decisions] = await Promise.all([
    currentRecords(trx),
    thresholds(trx),
    trx.selectFrom('linkage_decisions').select(['agency_a', 'source_a', 'agency_b', 'source_b']).where('same', '=', false).execute(),
  ])
  const linker: Linker = createLinker(active.model, productNicknames())
  const members = new Map<number, Set<string>>()
  const join = (key: string, entityId: number) => {
    const set = members.get(entityId)
    if (set) set.add(key)
    else members.set(entityId, new Set([key]))
  }
  for (const s of records) {
    linker.add(s.record, String(s.entityId))
    join(s.record.id, s.entityId)
  }
  const notSame = new Set(decisions.map((d) => pair(recordKey(d.agency_a, d.source_a), recordKey(d.agency_b, d.source_b))))
  const decidedApart = (key: string, entityId: number) => {
    if (notSame.size === 0) return false
    for (const other of members.get(entityId) ?? []) if (notSame.has(pair(key, other))) return true
    return false
  }
  const peopleApart = (x: number, y: number) => {
    if (notSame.size === 0) return false
    for (const key of members.get(x) ?? []) if (decidedApart(key, y)) return true
    return false
  }
  const queued: { record: PersonRecord; candidate: Extract<LinkDecision, { kind: 'review' }>; explanation: Explanation }[] = []

  return {
    modelId: active.id,
    thresholds: limits,
    decide(person) {
      const record = linkageRecordFromPerson(person)
      const matches = linker.match(record, { minProbability: limits.review })
        .map((m) => ({ entityId: Number(m.id), probability: m.probability, recordId: m.recordId }))
        .filter((m) => !decidedApart(record.id, m.entityId))
      const best = matches[0]
      if (!best) return { kind: 'new' }
      const contested = matches.slice(1).some((m) => peopleApart(best.entityId, m.entityId))
      if (best.probability >= limits.auto && !contested) return { kind: 'link', entityId: best.entityId, probability: best.probability }
      return { kind: 'review', ...best }
    },
    add(person, entityId) {
      const record = linkageRecordFromPerson(person)
      linker.add(record, String(entityId))
      join(record.id, entityId)
    },
    queue(person, candidate) {
      const explanation = linker.explain(linkageRecordFromPerson(person), candidate.recordId)
      queued.push({ record: person, candidate, explanation })
    },
    async finish(trx, at) {
      if (queued.length === 0) return
      const rows = queued.map(({ record, candidate, explanation }) => {
        const [candidateAgency, ...rest] = candidate.recordId.split(':')
        return {
          agency_code: record.agency, source_id: record.source_id, candidate_entity: candidate.entityId,
          candidate_agency: candidateAgency, candidate_source: rest.join(':'), probability: candidate.probability,
          model_id: active.id, explanation: JSON.stringify(explanation), created_at: at,
        }
      })
      queued.length = 0
      await trx.insertInto('linkage_reviews').values(rows).execute()
    },
  }
}
