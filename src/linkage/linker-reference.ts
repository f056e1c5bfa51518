// The linker as it was before decision 0054 (a Map of blocking key to number[] per rule, an entity
// id string per record, a Map of record ids), kept only to compare against: linker-compact.test.ts
// asserts the same candidates and probabilities, and bench/linker-memory.ts measures both. Not used
// by the product.
import { BLOCKING_RULES, type BlockingRule } from './blocking.ts'
import { explainPair, type Explanation } from './explain.ts'
import type { EntityMatch, Linker, LinkerOptions, MatchOptions } from './linker.ts'
import { MAX_PERSON_RECORDS } from './linker.ts'
import type { LinkageModel } from './model.ts'
import type { NicknameTable } from './nicknames.ts'
import { PreparedRecords } from './prepared.ts'
import type { LinkageRecord } from './record.ts'
import { PairScorer } from './scorer.ts'

export function createReferenceLinker(
  model: LinkageModel,
  nicknames: NicknameTable,
  options: LinkerOptions = {},
): Linker {
  return new BlockedLinker(model, nicknames, options.maxBlock ?? 64)
}

/** The best-scoring record of an entity against a probe, by itself. */
interface BestRecord {
  i: number
  weight: number
}

/**
 * The records by blocking key (one index per rule), each record's entity and each entity's records;
 * a new record (the probe) is added last, scored against its blocks, and dropped again.
 */
class BlockedLinker implements Linker {
  private readonly records: PreparedRecords
  private readonly scorer: PairScorer
  /** the records of each blocking key, one map per rule */
  private readonly index = BLOCKING_RULES.map(() => new Map<number, number[]>())
  /** for a rule that pairs large blocks only through some records, those records' part of each block */
  private readonly indexFor = BLOCKING_RULES.map(() => new Map<number, number[]>())
  /** the entity of each record (null once removed) */
  private readonly entityOf: (string | null)[] = []
  private readonly indexOf = new Map<string, number>()
  /** the records of each entity (removed records are dropped when read: entityOf is null) */
  private readonly membersOf = new Map<string, number[]>()

  constructor(
    model: LinkageModel,
    nicknames: NicknameTable,
    /** most records compared per blocking key (the most recently added are kept) */
    private readonly maxBlock: number,
  ) {
    this.records = new PreparedRecords(nicknames, 4096)
    this.scorer = new PairScorer(model, this.records)
  }

  get size(): number {
    return this.indexOf.size
  }

  add(record: LinkageRecord, entityId?: string): void {
    if (this.indexOf.has(record.id)) this.remove(record.id)
    const i = this.records.add(record)
    const entity = entityId ?? record.id
    this.entityOf[i] = entity
    this.join(entity, i)
    this.indexOf.set(record.id, i)
    BLOCKING_RULES.forEach((rule, r) => {
      const key = rule.key(this.records, i)
      if (key < 0) return
      file(this.index[r], key, i)
      if (rule.onlyFor?.(this.records, i)) file(this.indexFor[r], key, i)
    })
  }

  setEntity(recordId: string, entityId: string): void {
    const i = this.indexOf.get(recordId)
    if (i === undefined) throw new Error(`unknown record ${recordId}`)
    this.entityOf[i] = entityId
    this.join(entityId, i)
  }

  remove(recordId: string): void {
    const i = this.indexOf.get(recordId)
    if (i === undefined) return
    this.indexOf.delete(recordId)
    this.entityOf[i] = null
    // removed from the blocks lazily: a record without an entity is skipped
  }

  match(record: LinkageRecord, options: MatchOptions = {}): EntityMatch[] {
    const minProbability = options.minProbability ?? 0.01
    return this.withProbe(record, (probe) => {
      // the best record of each entity by itself, then the entity as a person (its other records'
      // sex, addresses and phones: PairScorer.personLevels)
      const out: EntityMatch[] = []
      for (const [entity, { i }] of this.bestRecordOfEachEntity(probe)) {
        const probability = this.scorer.probability(i, probe, this.othersOf(i))
        if (probability >= minProbability) out.push({ id: entity, probability, recordId: this.records.ids[i] })
      }
      out.sort((x, y) => y.probability - x.probability)
      return options.limit ? out.slice(0, options.limit) : out
    })
  }

  explain(record: LinkageRecord, recordId: string): Explanation {
    const i = this.indexOf.get(recordId)
    if (i === undefined) throw new Error(`unknown record ${recordId}`)
    return this.withProbe(record, (probe) => explainPair(this.scorer, i, probe, this.othersOf(i)))
  }

  between(recordId: string, otherId: string): number {
    const i = this.indexOf.get(recordId)
    const j = this.indexOf.get(otherId)
    if (i === undefined || j === undefined) return 0
    this.scorer.refreshNames()
    return this.scorer.probability(i, j, this.othersOf(i))
  }

  recordsOf(entityId: string): string[] {
    const live = (this.membersOf.get(entityId) ?? []).filter((x) => this.entityOf[x] === entityId)
    return live.filter((x, k) => live.lastIndexOf(x) === k).map((x) => this.records.ids[x])
  }

  /** Adds `record` as the probe, runs `use` with it, and drops it again. */
  private withProbe<T>(record: LinkageRecord, use: (probe: number) => T): T {
    const records = this.records
    const probe = records.add(record)
    this.scorer.refreshNames()
    try {
      return use(probe)
    } finally {
      // the probe is the last record: drop it again
      records.size--
      records.ids.pop()
      records.otherNames.pop()
    }
  }

  /** Each entity with a current record in the probe's blocks, and its record that scores best by itself. */
  private bestRecordOfEachEntity(probe: number): Map<string, BestRecord> {
    const { entityOf, scorer, maxBlock } = this
    const seen = new Set<number>()
    const bestRecord = new Map<string, BestRecord>()
    BLOCKING_RULES.forEach((rule, r) => {
      const list = this.blockOf(rule, r, probe)
      if (!list) return
      for (let x = Math.max(0, list.length - maxBlock); x < list.length; x++) {
        const i = list[x]
        const entity = entityOf[i]
        if (seen.has(i) || entity === null) continue
        seen.add(i)
        const weight = scorer.weight(i, probe)
        const current = bestRecord.get(entity)
        if (!current || current.weight < weight) bestRecord.set(entity, { i, weight })
      }
    })
    return bestRecord
  }

  /** The indexed records that share the probe's key under `rule` (the `r`th). */
  private blockOf(rule: BlockingRule, r: number, probe: number): number[] | undefined {
    const key = rule.key(this.records, probe)
    if (key < 0) return undefined
    const list = this.index[r].get(key)
    if (!list) return undefined
    // as in batch blocking: in a large block (the probe makes one more) a record the rule is not for
    // meets only those it is for
    if (rule.onlyFor && list.length + 1 > (rule.maxBlock ?? this.maxBlock) && !rule.onlyFor(this.records, probe))
      return this.indexFor[r].get(key)
    return list
  }

  private join(entity: string, i: number): void {
    const list = this.membersOf.get(entity)
    if (list) list.push(i)
    else this.membersOf.set(entity, [i])
  }

  /** the other current records of i's entity (PairScorer.personLevels), at most MAX_PERSON_RECORDS */
  private othersOf(i: number): number[] {
    const entity = this.entityOf[i]
    if (entity === null) return []
    const list = this.membersOf.get(entity)
    if (!list) return []
    const live = list.filter((x) => this.entityOf[x] === entity)
    if (live.length !== list.length) this.membersOf.set(entity, live)
    return live.filter((x) => x !== i).slice(-MAX_PERSON_RECORDS)
  }
}

/** Files record `i` under `key` in one rule's blocks. */
function file(blocks: Map<number, number[]>, key: number, i: number): void {
  const list = blocks.get(key)
  if (list) list.push(i)
  else blocks.set(key, [i])
}
