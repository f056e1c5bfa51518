// The probabilistic step of linking imported records, after the exact rules, with the active model
// (the shipped default, default-model.ts, until another is stored): an in-memory linker of the current person records, kept by the process between
// imports while the linking generation (generation.ts) shows nothing else changed them, else built
// again (one query). Every record no exact rule linked is scored against the people already known:
//   probability >= auto threshold -> linked to that person (method 'probabilistic')
//   review <= probability < auto  -> a new person, and the pair goes to the MASH's review queue
//   below                         -> a new person.
// People's decisions win: a person decided "not the same" as a record is never its candidate, and a
// record that matches two people someone decided are different is not linked to either by the model.
// `threadline linkage relink` (relink.ts) asks the same session about people made of one record.
import type { Transaction } from 'kysely'
import type { Tables } from '../db/schema.ts'
import type { PersonRecord } from '../records/types.ts'
import { createLinker, type Linker } from './linker.ts'
import { linkageRecordFromPerson, type LinkageRecord } from './record.ts'
import { activeOrDefaultModel, currentRecords, productNicknames, thresholds } from './storage.ts'
import { recordKey, splitRecordKey } from '../records/keys.ts'
import { probabilityFromWeight, type LinkageModel } from './model.ts'
import { canonicalName, validNhsNumber } from './fields.ts'
import { NhsNumberAges } from './shared-nhs.ts'
import {
  identifiersConflict,
  identifiersOf as identifiersOfValues,
  identifiersShared,
  type PersonIdentifiers,
} from './identifiers.ts'
import { bumpGeneration, lockLinking } from './generation.ts'
import { prepareRecords } from './pipeline.ts'
import { withLocalHomeU } from './train.ts'
import type { Thresholds } from './thresholds.ts'
import type { Explanation } from './explain.ts'

export type LinkDecision =
  | {
      kind: 'link'
      entityId: number
      probability: number
      /** why a probability below the auto threshold was enough (see settle) */
      settledBy?: string
    }
  | { kind: 'review'; entityId: number; probability: number; recordId: string }
  | { kind: 'new' }

export interface LinkSession {
  readonly modelId: number
  readonly thresholds: Thresholds
  /** what the model says about a record no exact rule linked */
  decide(record: PersonRecord): LinkDecision
  /**
   * what the model says about a record already linked, as if it were new: its own person `own` is
   * no candidate. Nothing is recorded (the caller merges or queues).
   */
  reconsider(record: LinkageRecord, own: number): LinkDecision
  /**
   * what the model says of `record` against one person, with `bits` of evidence the fields do not
   * hold (references.ts): the best of the person's records, or null when a person's decision or a
   * conflicting identifier keeps them apart. Nothing is recorded.
   */
  against(record: LinkageRecord, entityId: number, bits: number): { probability: number; recordId: string } | null
  /** how many current records make up a person, as the linker knows them */
  sizeOf(entityId: number): number
  /** a merge in this transaction: the records of `from` are now those of `into` */
  merged(from: number, into: number): void
  /** a record now linked to a person (or a new version of one), so that later records can match it */
  add(record: PersonRecord, entityId: number): void
  /** withdrawn records: no longer candidates */
  forget(records: readonly PersonRecord[]): void
  /** queue a pair for the MASH: the record (now its own person) and the candidate */
  queue(record: PersonRecord | LinkageRecord, candidate: Extract<LinkDecision, { kind: 'review' }>): void
  /** writes the queued pairs */
  finish(trx: Transaction<Tables>, at: Date): Promise<void>
  /**
   * every change of people this transaction made went through this session (add, merged): the
   * kept linker is the one of the generation the transaction ends at, and is not built again
   */
  settle(trx: Transaction<Tables>): Promise<void>
}

const sessions = new WeakMap<object, Promise<LinkSession>>()

/**
 * The session of this transaction, with the active model, or the shipped default stored as the first
 * model when none is (so linking is probabilistic from the first import). `batch`, the records the
 * caller is about to link, counts towards the names' frequencies when the model has none yet.
 */
export function linkSession(
  trx: Transaction<Tables>,
  at: Date = new Date(),
  batch: readonly PersonRecord[] = [],
): Promise<LinkSession> {
  let session = sessions.get(trx)
  if (!session) {
    session = openSession(trx, at, batch)
    sessions.set(trx, session)
  }
  return session
}

function identifiersOf(record: LinkageRecord): PersonIdentifiers | null {
  return identifiersOfValues({ nhs: record.nhs_number, upn: record.identifier, pnc: record.pnc_id })
}

/** Name counts of the records, as training counts them (train.ts termFrequencies). */
function countNames(records: Iterable<LinkageRecord>): LinkageModel['termFrequencies'] {
  const given = new Map<string, number>()
  const family = new Map<string, number>()
  let givenTotal = 0
  let familyTotal = 0
  for (const r of records) {
    const g = canonicalName(r.given_name)
    const f = canonicalName(r.family_name)
    if (g) {
      givenTotal++
      given.set(g, (given.get(g) ?? 0) + 1)
    }
    if (f) {
      familyTotal++
      family.set(f, (family.get(f) ?? 0) + 1)
    }
  }
  const counts = (m: Map<string, number>) => Object.fromEntries([...m].filter(([, n]) => n >= 2))
  return { given: { total: givenTotal, counts: counts(given) }, family: { total: familyTotal, counts: counts(family) } }
}

/** A pair of record keys in either order. */
const pair = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`)

interface KeptLinker {
  modelId: number
  generation: number
  /** the records and their people (Linker.recordsOf: the linker holds each record's person) */
  linker: Linker
  /** NHS number, UPN and PNC id of each record key that has any */
  identifiers: Map<string, PersonIdentifiers>
  /** the dates of birth each NHS number is held with (shared-nhs.ts) */
  nhsAges: NhsNumberAges
}

/** Linkers kept between imports, by database instance. */
const kept = new Map<string, KeptLinker>()

/** Drops the kept linkers (after a transaction rolled back on purpose: its generation may come again). */
export function forgetKeptLinkers(): void {
  kept.clear()
}

async function keptLinker(
  trx: Transaction<Tables>,
  modelId: number,
  model: LinkageModel,
  batch: readonly PersonRecord[],
): Promise<KeptLinker> {
  const state = await lockLinking(trx)
  let k = kept.get(state.instance)
  if (!k || k.modelId !== modelId || k.generation !== state.generation) {
    const current = await currentRecords(trx)
    // a model without name counts (the shipped default) counts the names of the records held, and
    // reads how often two people share a home by chance from them (train.ts withLocalHomeU)
    const held = () => [...current.map((s) => s.record), ...batch.map(linkageRecordFromPerson)]
    const counted =
      model.termFrequencies.given.total > 0
        ? model
        : withLocalHomeU(
            { ...model, termFrequencies: countNames(held()) },
            prepareRecords([held()], productNicknames()),
          )
    k = {
      modelId,
      generation: state.generation,
      linker: createLinker(counted, productNicknames()),
      identifiers: new Map(),
      nhsAges: new NhsNumberAges(),
    }
    for (const s of current) {
      k.linker.add(s.record, String(s.entityId))
      keepIdentifiers(k, s.record)
    }
    kept.set(state.instance, k)
  }
  // this transaction changes the linker: if it commits, the generation it wrote is the linker's
  k.generation = (await bumpGeneration(trx)).generation
  return k
}

function keepIdentifiers(k: KeptLinker, record: LinkageRecord): void {
  const nhs = validNhsNumber(record.nhs_number)
  if (nhs) k.nhsAges.addDate(nhs, record.date_of_birth)
  const ids = identifiersOf(record)
  if (ids) k.identifiers.set(record.id, ids)
  else k.identifiers.delete(record.id)
}

async function openSession(trx: Transaction<Tables>, at: Date, batch: readonly PersonRecord[]): Promise<LinkSession> {
  const active = await activeOrDefaultModel(trx, at)
  const k = await keptLinker(trx, active.id, active.model, batch)
  const [limits, decisions, relationships] = await Promise.all([
    thresholds(trx),
    trx
      .selectFrom('linkage_decisions')
      .select(['agency_a', 'source_a', 'agency_b', 'source_b'])
      .where('same', '=', false)
      .execute(),
    trx
      .selectFrom('relationships')
      .select(['agency_code', 'from_source_id', 'to_source_id'])
      .where('is_current', '=', true)
      .where('withdrawn', '=', false)
      .execute(),
  ])
  const notSame = new Set(
    decisions.map((d) => pair(recordKey(d.agency_a, d.source_a), recordKey(d.agency_b, d.source_b))),
  )
  // an agency that relates two of its records (parent, lives_with, associate...) holds two people
  const related = new Set(
    relationships.map((r) =>
      pair(recordKey(r.agency_code, r.from_source_id), recordKey(r.agency_code, r.to_source_id)),
    ),
  )
  return new ModelSession(active.id, limits, k, notSame, related)
}

/** A record the model linked to a person, to be written to the person's link history. */
interface ModelLink {
  agency_code: string
  source_id: string
  to_entity: number
  probability: number
  settledBy?: string
}

/** A pair for the MASH's review queue, with the waterfall it is shown. */
interface QueuedPair {
  recordId: string
  candidate: Extract<LinkDecision, { kind: 'review' }>
  explanation: Explanation
}

/** One transaction's session: the kept linker, people's decisions, and the links and pairs to write. */
class ModelSession implements LinkSession {
  private readonly linker: Linker
  private readonly linked: ModelLink[] = []
  private readonly queued: QueuedPair[] = []

  constructor(
    readonly modelId: number,
    readonly thresholds: Thresholds,
    private readonly k: KeptLinker,
    /** pairs of record keys a person decided are not the same person */
    private readonly notSame: ReadonlySet<string>,
    /** pairs of record keys an agency relates to each other */
    private readonly related: ReadonlySet<string>,
  ) {
    this.linker = k.linker
  }

  /** the record keys of a person, in the order they joined it */
  private members(entityId: number): string[] {
    return this.linker.recordsOf(String(entityId))
  }

  decide(person: PersonRecord): LinkDecision {
    const decision = this.judge(linkageRecordFromPerson(person))
    if (decision.kind === 'link') {
      this.linked.push({
        agency_code: person.agency,
        source_id: person.source_id,
        to_entity: decision.entityId,
        probability: decision.probability,
        settledBy: decision.settledBy,
      })
    }
    return decision
  }

  reconsider(record: LinkageRecord, own: number): LinkDecision {
    return this.judge(record, own)
  }

  against(record: LinkageRecord, entityId: number, bits: number): { probability: number; recordId: string } | null {
    if (this.apart(record.id, entityId) || this.conflicting(record, entityId)) return null
    let best: { probability: number; recordId: string } | null = null
    for (const key of this.members(entityId)) {
      if (key === record.id) continue
      const probability = probabilityFromWeight(this.linker.explain(record, key).totalWeight + bits)
      if (!best || probability > best.probability) best = { probability, recordId: key }
    }
    return best
  }

  sizeOf(entityId: number): number {
    return this.members(entityId).length
  }

  merged(from: number, into: number): void {
    for (const key of this.members(from)) this.linker.setEntity(key, String(into))
  }

  add(person: PersonRecord, entityId: number): void {
    const record = linkageRecordFromPerson(person)
    this.linker.add(record, String(entityId))
    keepIdentifiers(this.k, record)
  }

  forget(records: readonly PersonRecord[]): void {
    for (const person of records) {
      const key = recordKey(person.agency, person.source_id)
      this.linker.remove(key)
      this.k.identifiers.delete(key)
    }
  }

  queue(person: PersonRecord | LinkageRecord, candidate: Extract<LinkDecision, { kind: 'review' }>): void {
    const record = 'source_id' in person ? linkageRecordFromPerson(person) : person
    this.queued.push({ recordId: record.id, candidate, explanation: this.linker.explain(record, candidate.recordId) })
  }

  async finish(trx: Transaction<Tables>, at: Date): Promise<void> {
    await this.writeLinks(trx, at)
    await this.writeReviews(trx, at)
  }

  async settle(trx: Transaction<Tables>): Promise<void> {
    this.k.generation = (await lockLinking(trx)).generation
  }

  /** The best person for a record (not its own person `own`), and whether the model links, asks or leaves it. */
  private judge(record: LinkageRecord, own?: number): LinkDecision {
    const limits = this.thresholds
    const all = this.linker
      .match(record, { minProbability: Math.min(RIVAL_PROBABILITY, limits.review) })
      .map((m) => ({ entityId: Number(m.id), probability: m.probability, recordId: m.recordId }))
      .filter((m) => m.entityId !== own && !this.apart(record.id, m.entityId))
    const matches = all.filter((m) => m.probability >= limits.review)
    const best = matches[0]
    if (!best) return { kind: 'new' }
    // two people the model finds near alike are a person's question, not the model's; unless the
    // two are one person recorded twice (splitOf): then the record joins the best of them
    const contested =
      matches
        .slice(1)
        .some(
          (m) =>
            this.peopleApart(best.entityId, m.entityId) ||
            (m.probability >= limits.auto && !this.splitOf(best.entityId, m.entityId)),
        ) || this.conflicting(record, best.entityId)
    if (best.probability >= limits.auto && !contested)
      return { kind: 'link', entityId: best.entityId, probability: best.probability }
    if (!contested) {
      // the module's settle (below), not this session's
      const settled = settle(
        this.linker.explain(record, best.recordId),
        identifiersShared(identifiersOf(record), this.heldIdentifiers(best.entityId)),
        all.length === 1,
      )
      if (settled === 'new') return { kind: 'new' }
      if (settled) return { kind: 'link', entityId: best.entityId, probability: best.probability, settledBy: settled }
    }
    return { kind: 'review', ...best }
  }

  private decidedApart(key: string, entityId: number): boolean {
    if (this.notSame.size === 0) return false
    for (const other of this.members(entityId)) if (this.notSame.has(pair(key, other))) return true
    return false
  }

  private relatedTo(key: string, entityId: number): boolean {
    if (this.related.size === 0) return false
    for (const other of this.members(entityId)) if (this.related.has(pair(key, other))) return true
    return false
  }

  /** a record never joins a person decided apart from it or holding a record its agency relates to it */
  private apart(key: string, entityId: number): boolean {
    return this.decidedApart(key, entityId) || this.relatedTo(key, entityId)
  }

  /**
   * Whether `rival` is `best` recorded twice: a child whose earlier records were left as two people
   * (each then a rival of the other for every later record, so that all of them queue). Every one of
   * the rival's records (at most SPLIT_MEMBERS) is one person with one of best's at the auto threshold
   * or above, with no identifier that conflicts and no person's decision apart. Twins are not: their
   * records score under the threshold against each other (scorer.ts twinsLike). Decision 0057.
   */
  private splitOf(best: number, rival: number): boolean {
    const rivals = this.members(rival)
    const bests = this.members(best)
    if (rivals.length === 0 || rivals.length > SPLIT_MEMBERS || this.peopleApart(best, rival)) return false
    const held = this.heldIdentifiers(best)
    for (const key of rivals) {
      if (identifiersConflict(this.reliable(this.k.identifiers.get(key)), held.map(this.reliable))) return false
      if (!bests.some((other) => this.linker.between(other, key) >= this.thresholds.auto)) return false
    }
    return true
  }

  private peopleApart(x: number, y: number): boolean {
    if (this.notSame.size === 0) return false
    for (const key of this.members(x)) if (this.decidedApart(key, y)) return true
    return false
  }

  /** a different NHS number, UPN or PNC id held by any record of the person: a person must say */
  private conflicting(record: LinkageRecord, entityId: number): boolean {
    return identifiersConflict(this.reliable(identifiersOf(record)), this.heldIdentifiers(entityId).map(this.reliable))
  }

  /** identifiers without an NHS number held a generation apart (a mother's on her baby's record) */
  private readonly reliable = (ids: PersonIdentifiers | null | undefined): PersonIdentifiers | null => {
    if (!ids?.nhs) return ids ?? null
    const nhs = validNhsNumber(ids.nhs)
    return nhs && this.k.nhsAges.unreliable(nhs) ? { ...ids, nhs: null } : ids
  }

  private heldIdentifiers(entityId: number): (PersonIdentifiers | undefined)[] {
    return this.members(entityId).map((key) => this.k.identifiers.get(key))
  }

  /** the model's links are history too: who (the model), when and on what evidence */
  private async writeLinks(trx: Transaction<Tables>, at: Date): Promise<void> {
    if (this.linked.length === 0) return
    await trx
      .insertInto('entity_link_history')
      .values(
        this.linked.map((l) => ({
          agency_code: l.agency_code,
          source_id: l.source_id,
          from_entity: null,
          to_entity: l.to_entity,
          action: 'link' as const,
          decided_by: null,
          actor: `linkage model ${this.modelId}`,
          reason: `probability ${l.probability.toFixed(4)}${l.settledBy ? `; ${l.settledBy}` : ''}`,
          at,
        })),
      )
      .execute()
    this.linked.length = 0
  }

  private async writeReviews(trx: Transaction<Tables>, at: Date): Promise<void> {
    if (this.queued.length === 0) return
    const rows = this.queued.map(({ recordId, candidate, explanation }) => {
      const { agency: agency, sourceId: source } = splitRecordKey(recordId)
      const { agency: candidateAgency, sourceId: candidateSource } = splitRecordKey(candidate.recordId)
      return {
        agency_code: agency,
        source_id: source,
        candidate_entity: candidate.entityId,
        candidate_agency: candidateAgency,
        candidate_source: candidateSource,
        probability: candidate.probability,
        model_id: this.modelId,
        explanation: JSON.stringify(explanation),
        created_at: at,
      }
    })
    this.queued.length = 0
    await trx.insertInto('linkage_reviews').values(rows).execute()
  }
}

/** The most records of a rival person that splitOf compares with the best person's (a split is a few records). */
export const SPLIT_MEMBERS = 4

/** A person with a best match below this is no rival of the best one. */
export const RIVAL_PROBABILITY = 0.01
/** The least probability at which agreeing names and date, with no rival, settle a pair. */
export const SETTLE_PROBABILITY = 0.8

const AGREEING = {
  given_name: ['exact', 'nickname or first part', 'jaro-winkler >= 0.92'],
  family_name: ['exact', 'double-barrelled part', 'jaro-winkler >= 0.92', 'other or previous name'],
  date_of_birth: [
    'exact',
    'day and month transposed',
    'partial date agrees to the month',
    'partial date agrees to the year',
    'one digit wrong',
    'within a month',
  ],
} as const

/**
 * What a pair in the review band (not contested, no conflicting identifier) comes to without a
 * person, so that the MASH sees only the pairs that need one (issue 13: at most 5 per 1,000 records):
 *   'new': a household member, not the child: a rule of the scorer found twins, a generation
 *          apart, or one family's shared home with different names and dates (scorer.ts); or
 *          a name alone: no date of birth on one side, no home, phone or identifier shared;
 *   a reason to link: the record shares an NHS number, UPN or PNC id with the person; or, at
 *          SETTLE_PROBABILITY or more with no other person near (`alone`), the given name, the
 *          family name and the date of birth all agree (exactly or as one person's variants: a
 *          nickname, a typo, a swap; a year or a month that holds the other's date, as a charity's
 *          record of a name and an age does) and the sex does not disagree;
 *   null: a person decides.
 */
export function settle(explanation: Explanation, sharesIdentifier: boolean, alone: boolean): 'new' | string | null {
  const level = (name: string) => explanation.comparisons.find((c) => c.comparison === name)?.level ?? 'null'
  if (explanation.comparisons.some((c) => HOUSEHOLD_RULES.has(c.comparison))) return 'new'
  if (sharesIdentifier) return 'settled by a shared identifier'
  // a name and nothing of a date, a home or an identifier: namesakes are too common to ask about
  const home = level('address')
  if (
    level('date_of_birth') === 'null' &&
    !home.startsWith('same address') &&
    !home.startsWith('same postcode') &&
    !level('phone').startsWith('exact') &&
    level('nhs_number') !== 'exact' &&
    level('identifier') !== 'exact'
  )
    return 'new'
  if (
    alone &&
    explanation.probability >= SETTLE_PROBABILITY &&
    Object.entries(AGREEING).every(([name, levels]) => (levels as readonly string[]).includes(level(name))) &&
    level('sex') !== 'else'
  )
    return 'settled: names and date of birth agree, no other person near'
  // housing's household member, a charity's client: a name and the home, no date of birth on one
  // side to tell the child from a namesake; the only person near who fits is the child (a parent of
  // the same name is held apart by the age and generation rules, a sibling of the same name makes a
  // rival)
  if (
    alone &&
    explanation.probability >= SETTLE_PROBABILITY &&
    level('date_of_birth') === 'null' &&
    (AGREEING.given_name as readonly string[]).includes(level('given_name')) &&
    (AGREEING.family_name as readonly string[]).includes(level('family_name')) &&
    SAME_HOME.some((h) => home.startsWith(h)) &&
    level('sex') !== 'else'
  )
    return 'settled: names and home agree, no date of birth to tell apart, no other person near'
  return null
}

/** Address levels that are one home: the same address (either half of the family-name grouping). */
const SAME_HOME = ['same address'] as const

const HOUSEHOLD_RULES = new Set([
  'twins',
  'generation',
  'household',
  'age',
  'dates apart',
  'namesakes',
  'identifiers',
  'sexes',
])
