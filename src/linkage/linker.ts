// Incremental linking: an index of existing records (blocking key → records) and a trained model;
// a new record is scored against its candidates at once, without retraining.
// The index is columns indexed by record number, not objects per record (decision 0054): the
// prepared fields (prepared.ts), each rule's blocks as chains through one Int32Array per rule with
// an open-addressing table of key → newest record, each person's records as a chain, and record
// ids found through a table of record numbers. About 300 bytes a record (bench/linker-memory.ts).
import { BLOCKING_RULES, type BlockingRule } from './blocking.ts'
import { explainPair, type Explanation } from './explain.ts'
import type { LinkageModel } from './model.ts'
import type { NicknameTable } from './nicknames.ts'
import { PreparedRecords } from './prepared.ts'
import type { LinkageRecord } from './record.ts'
import { PairScorer } from './scorer.ts'

export interface EntityMatch {
  /** the entity (person) the candidate records belong to */
  id: string
  probability: number
  /** the entity's record that matched best */
  recordId: string
}

export interface MatchOptions {
  /** drop entities below this probability (default 0.01) */
  minProbability?: number
  limit?: number
}

export interface Linker {
  readonly size: number
  /** Indexes a record as part of an entity (default: an entity of its own, named by the record id). */
  add(record: LinkageRecord, entityId?: string): void
  /** Moves a record to another entity (after a merge, an unmerge or a person's decision). */
  setEntity(recordId: string, entityId: string): void
  /** Forgets a record (withdrawn, or about to be re-added changed). */
  remove(recordId: string): void
  /** Candidate entities for a new record, most probable first. The record is not added. */
  match(record: LinkageRecord, options?: MatchOptions): EntityMatch[]
  /** The waterfall of a new record against one indexed record. */
  explain(record: LinkageRecord, recordId: string): Explanation
  /** The current records of an entity, in the order they joined it (each once, where it last joined). */
  recordsOf(entityId: string): string[]
  /** The probability that two indexed records are one person (the first with its person's other records), 0 if either is unknown. */
  between(recordId: string, otherId: string): number
}

export interface LinkerOptions {
  /** most records compared per blocking key (the most recently added are kept) */
  maxBlock?: number
}

/** The most other records of one person whose sex, addresses and phones count (the latest added). */
export const MAX_PERSON_RECORDS = 24

export function createLinker(model: LinkageModel, nicknames: NicknameTable, options: LinkerOptions = {}): Linker {
  return new CompactLinker(model, nicknames, options.maxBlock ?? 64)
}

/** The best-scoring record of an entity against a probe, by itself. */
interface BestRecord {
  i: number
  weight: number
}

const EMPTY = -1

/**
 * Non-negative int32 keys to int32 values, open addressing with linear probing in two Int32Arrays
 * (8 bytes a slot, at most 70% full): no object per key.
 */
export class IntTable {
  private keys: Int32Array
  private values: Int32Array
  private mask: number
  size = 0

  constructor(capacity = 16) {
    let cap = 16
    while (cap < capacity) cap *= 2
    this.keys = new Int32Array(cap).fill(EMPTY)
    this.values = new Int32Array(cap)
    this.mask = cap - 1
  }

  private slot(key: number): number {
    const { keys, mask } = this
    let s = Math.imul(key, 0x9e3779b1) >>> 0
    for (;;) {
      s &= mask
      const k = keys[s]
      if (k === key || k === EMPTY) return s
      s++
    }
  }

  /** the value of `key`, or -1 */
  get(key: number): number {
    const s = this.slot(key)
    return this.keys[s] === key ? this.values[s] : EMPTY
  }

  set(key: number, value: number): void {
    let s = this.slot(key)
    if (this.keys[s] !== key) {
      if ((this.size + 1) * 10 > this.keys.length * 7) {
        this.grow()
        s = this.slot(key)
      }
      this.keys[s] = key
      this.size++
    }
    this.values[s] = value
  }

  private grow(): void {
    const { keys, values } = this
    this.keys = new Int32Array(keys.length * 2).fill(EMPTY)
    this.values = new Int32Array(keys.length * 2)
    this.mask = keys.length * 2 - 1
    for (let s = 0; s < keys.length; s++) {
      if (keys[s] === EMPTY) continue
      const t = this.slot(keys[s])
      this.keys[t] = keys[s]
      this.values[t] = values[s]
    }
  }

  /** bytes held */
  get bytes(): number {
    return this.keys.byteLength + this.values.byteLength
  }
}

/** Grows an Int32Array to hold index `i` (by half again), new entries -1. */
function room(a: Int32Array<ArrayBuffer>, i: number): Int32Array<ArrayBuffer> {
  if (i < a.length) return a
  const b = new Int32Array(Math.max(i + 1, Math.ceil(a.length * 1.5), 1024)).fill(EMPTY)
  b.set(a)
  return b
}

/**
 * One rule's blocks: each record's previous record of the same key (one Int32Array), and each key's
 * newest record in an open-addressing table that holds only the record (4 bytes a slot): a slot's key
 * is the rule's key of its record, computed again when read.
 */
class Blocks {
  /** the record filed before record i under i's key, -1 for the first */
  previous = new Int32Array(0)
  private slots = new Int32Array(1024).fill(EMPTY)
  private used = 0
  /** records filed under each key (only kept for a rule with onlyFor, the one rule that reads it) */
  readonly counts: IntTable | null

  constructor(
    private readonly keyOf: (i: number) => number,
    counted: boolean,
  ) {
    this.counts = counted ? new IntTable() : null
  }

  /** the slot of `key`: its newest record's, or the empty one where it would go */
  private slot(key: number): number {
    const { slots, keyOf } = this
    const mask = slots.length - 1
    for (let s = Math.imul(key, 0x9e3779b1) & mask; ; s = (s + 1) & mask) {
      const i = slots[s]
      if (i === EMPTY || keyOf(i) === key) return s
    }
  }

  file(key: number, i: number): void {
    this.previous = room(this.previous, i)
    let s = this.slot(key)
    if (this.slots[s] === EMPTY) {
      if ((this.used + 1) * 10 > this.slots.length * 7) {
        this.grow()
        s = this.slot(key)
      }
      this.used++
    }
    this.previous[i] = this.slots[s]
    this.slots[s] = i
    if (this.counts) this.counts.set(key, Math.max(0, this.counts.get(key)) + 1)
  }

  private grow(): void {
    const old = this.slots
    this.slots = new Int32Array(old.length * 2).fill(EMPTY)
    for (const i of old) if (i !== EMPTY) this.slots[this.slot(this.keyOf(i))] = i
  }

  /** the last `most` records filed under `key`, oldest first, into `out`; how many */
  last(key: number, most: number, out: Int32Array): number {
    let n = 0
    for (let i = this.slots[this.slot(key)]; i !== EMPTY && n < most; i = this.previous[i]) out[n++] = i
    out.subarray(0, n).reverse()
    return n
  }

  get bytes(): number {
    return this.previous.byteLength + this.slots.byteLength + (this.counts?.bytes ?? 0)
  }
}

/** A string's hash (FNV-1a), for the table of record ids. */
function hashString(s: string): number {
  let h = 0x811c9dc5
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193)
  return h >>> 0
}

const GONE = -2

/**
 * The records (held by record number) found by id, an open-addressing table of record numbers
 * whose ids are compared: 4 bytes a slot, no Map entry per record.
 */
class RecordIds {
  private slots = new Int32Array(1024).fill(EMPTY)
  private used = 0
  size = 0

  constructor(private readonly ids: readonly string[]) {}

  private find(id: string): number {
    const { slots, ids } = this
    const mask = slots.length - 1
    for (let s = hashString(id) & mask; ; s = (s + 1) & mask) {
      const i = slots[s]
      if (i === EMPTY) return -1 - s
      if (i !== GONE && ids[i] === id) return s
    }
  }

  get(id: string): number | undefined {
    const s = this.find(id)
    return s >= 0 ? this.slots[s] : undefined
  }

  /** files record i (whose id is not held) */
  add(id: string, i: number): void {
    if ((this.used + 1) * 10 > this.slots.length * 7) this.rehash()
    const s = -1 - this.find(id)
    this.slots[s] = i
    this.used++
    this.size++
  }

  delete(id: string): void {
    const s = this.find(id)
    if (s < 0) return
    this.slots[s] = GONE
    this.size--
  }

  private rehash(): void {
    const old = this.slots
    const cap = this.size * 10 > old.length * 3 ? old.length * 2 : old.length
    this.slots = new Int32Array(cap).fill(EMPTY)
    this.used = 0
    for (const i of old) {
      if (i < 0) continue
      const s = -1 - this.find(this.ids[i])
      this.slots[s] = i
      this.used++
    }
  }

  get bytes(): number {
    return this.slots.byteLength
  }
}

/** Entity ids as numbers: a canonical integer below 2^30 as itself, any other id interned above it. */
class EntityNames {
  private readonly interned = new Map<string, number>()
  private readonly names: string[] = []

  code(entity: string): number {
    const n = Number(entity)
    if (Number.isInteger(n) && n >= 0 && n < ENTITY_INTERNED && String(n) === entity) return n
    let code = this.interned.get(entity)
    if (code === undefined) {
      code = ENTITY_INTERNED + this.names.length
      this.interned.set(entity, code)
      this.names.push(entity)
    }
    return code
  }

  /** the code of an entity named before, or -1 */
  find(entity: string): number {
    const n = Number(entity)
    if (Number.isInteger(n) && n >= 0 && n < ENTITY_INTERNED && String(n) === entity) return n
    return this.interned.get(entity) ?? EMPTY
  }

  name(code: number): string {
    return code < ENTITY_INTERNED ? String(code) : this.names[code - ENTITY_INTERNED]
  }
}

const ENTITY_INTERNED = 2 ** 30

/**
 * The records by blocking key (one chain per rule), each record's entity and each entity's records;
 * a new record (the probe) is added last, scored against its blocks, and dropped again.
 */
class CompactLinker implements Linker {
  private readonly records: PreparedRecords
  private readonly scorer: PairScorer
  /** the records of each blocking key, one per rule */
  private readonly index: Blocks[]
  /** for a rule that pairs large blocks only through some records, those records' part of each block */
  private readonly indexFor: (Blocks | null)[]
  /** the entity (EntityNames code) of each record, -1 once removed */
  private entityOf = new Int32Array(0)
  private readonly entities = new EntityNames()
  private readonly indexOf: RecordIds
  /** each entity's newest record, and each record's previous one of the same entity (-1 none) */
  private readonly newestOf = new IntTable()
  private previousOf = new Int32Array(0)
  private readonly block: Int32Array
  private readonly others = new Int32Array(MAX_PERSON_RECORDS + 1)

  constructor(
    model: LinkageModel,
    nicknames: NicknameTable,
    /** most records compared per blocking key (the most recently added are kept) */
    private readonly maxBlock: number,
  ) {
    this.records = new PreparedRecords(nicknames, 4096)
    this.scorer = new PairScorer(model, this.records)
    this.indexOf = new RecordIds(this.records.ids)
    const keyOf = (rule: BlockingRule) => (i: number) => rule.key(this.records, i)
    this.index = BLOCKING_RULES.map((rule) => new Blocks(keyOf(rule), rule.onlyFor !== undefined))
    this.indexFor = BLOCKING_RULES.map((rule) => (rule.onlyFor ? new Blocks(keyOf(rule), false) : null))
    this.block = new Int32Array(Math.max(maxBlock, ...BLOCKING_RULES.map((r) => r.maxBlock ?? 0)))
  }

  get size(): number {
    return this.indexOf.size
  }

  add(record: LinkageRecord, entityId?: string): void {
    if (this.indexOf.get(record.id) !== undefined) this.remove(record.id)
    const i = this.records.add(record)
    this.entityOf = room(this.entityOf, i)
    this.previousOf = room(this.previousOf, i)
    this.join(this.entities.code(entityId ?? record.id), i)
    this.indexOf.add(record.id, i)
    BLOCKING_RULES.forEach((rule, r) => {
      const key = rule.key(this.records, i)
      if (key < 0) return
      this.index[r].file(key, i)
      if (rule.onlyFor?.(this.records, i)) this.indexFor[r]?.file(key, i)
    })
  }

  setEntity(recordId: string, entityId: string): void {
    const i = this.indexOf.get(recordId)
    if (i === undefined) throw new Error(`unknown record ${recordId}`)
    this.leave(i)
    this.join(this.entities.code(entityId), i)
  }

  remove(recordId: string): void {
    const i = this.indexOf.get(recordId)
    if (i === undefined) return
    this.indexOf.delete(recordId)
    this.leave(i)
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
        if (probability >= minProbability)
          out.push({ id: this.entities.name(entity), probability, recordId: this.records.ids[i] })
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
    const code = this.entities.find(entityId)
    if (code === EMPTY) return []
    const out: string[] = []
    for (let x = this.newestOf.get(code); x !== EMPTY; x = this.previousOf[x]) out.push(this.records.ids[x])
    return out.reverse()
  }

  /** Bytes held by the index's typed arrays, by part (bench/linker-memory.ts). */
  bytesByPart(): Record<string, number> {
    const blocks = this.index.reduce((s, b) => s + b.bytes, 0) + this.indexFor.reduce((s, b) => s + (b?.bytes ?? 0), 0)
    const columns = Object.values(this.records).reduce(
      (sum: number, v: unknown) => sum + (ArrayBuffer.isView(v) ? v.byteLength : 0),
      0,
    )
    return {
      'prepared columns': columns,
      blocks,
      entities: this.entityOf.byteLength + this.previousOf.byteLength + this.newestOf.bytes,
      ids: this.indexOf.bytes,
    }
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
  private bestRecordOfEachEntity(probe: number): Map<number, BestRecord> {
    const { entityOf, scorer, block } = this
    const seen = new Set<number>()
    const bestRecord = new Map<number, BestRecord>()
    BLOCKING_RULES.forEach((rule, r) => {
      const n = this.blockOf(rule, r, probe)
      for (let x = 0; x < n; x++) {
        const i = block[x]
        const entity = entityOf[i]
        if (seen.has(i) || entity === EMPTY) continue
        seen.add(i)
        const weight = scorer.weight(i, probe)
        const current = bestRecord.get(entity)
        if (!current || current.weight < weight) bestRecord.set(entity, { i, weight })
      }
    })
    return bestRecord
  }

  /** The last maxBlock indexed records that share the probe's key under `rule` (the `r`th), into this.block; how many. */
  private blockOf(rule: BlockingRule, r: number, probe: number): number {
    const key = rule.key(this.records, probe)
    if (key < 0) return 0
    const blocks = this.index[r]
    const only = this.indexFor[r]
    // as in batch blocking: in a large block (the probe makes one more) a record the rule is not for
    // meets only those it is for
    if (
      rule.onlyFor &&
      only &&
      blocks.counts &&
      blocks.counts.get(key) + 1 > (rule.maxBlock ?? this.maxBlock) &&
      !rule.onlyFor(this.records, probe)
    )
      return only.last(key, this.maxBlock, this.block)
    return blocks.last(key, this.maxBlock, this.block)
  }

  /** record i joins `entity` as its newest record */
  private join(entity: number, i: number): void {
    this.entityOf[i] = entity
    this.previousOf[i] = this.newestOf.get(entity)
    this.newestOf.set(entity, i)
  }

  /** record i leaves its entity's chain */
  private leave(i: number): void {
    const entity = this.entityOf[i]
    if (entity === EMPTY) return
    this.entityOf[i] = EMPTY
    const newest = this.newestOf.get(entity)
    if (newest === i) {
      this.newestOf.set(entity, this.previousOf[i])
      return
    }
    for (let x = newest; x !== EMPTY; x = this.previousOf[x]) {
      if (this.previousOf[x] === i) {
        this.previousOf[x] = this.previousOf[i]
        return
      }
    }
  }

  /** the other current records of i's entity (PairScorer.personLevels), at most MAX_PERSON_RECORDS, oldest first */
  private othersOf(i: number): number[] {
    const entity = this.entityOf[i]
    if (entity === EMPTY) return []
    const out: number[] = []
    for (let x = this.newestOf.get(entity); x !== EMPTY && out.length < MAX_PERSON_RECORDS; x = this.previousOf[x])
      if (x !== i) out.push(x)
    return out.reverse()
  }
}
