// Incremental linking: an index of existing records (blocking key → records) and a trained model;
// a new record is scored against its candidates at once, without retraining.
import { BLOCKING_RULES } from './blocking.ts'
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
}

export interface LinkerOptions {
  /** most records compared per blocking key (the most recently added are kept) */
  maxBlock?: number
}

/** The most other records of one person whose sex, addresses and phones count (the latest added). */
export const MAX_PERSON_RECORDS = 24

export function createLinker(model: LinkageModel, nicknames: NicknameTable, options: LinkerOptions = {}): Linker {
  const maxBlock = options.maxBlock ?? 64
  const records = new PreparedRecords(nicknames, 4096)
  const scorer = new PairScorer(model, records)
  const index = BLOCKING_RULES.map(() => new Map<number, number[]>())
  // for a rule that pairs large blocks only through some records, those records' part of each block
  const indexFor = BLOCKING_RULES.map(() => new Map<number, number[]>())
  const file = (blocks: Map<number, number[]>, key: number, i: number) => {
    const list = blocks.get(key)
    if (list) list.push(i)
    else blocks.set(key, [i])
  }
  const entityOf: (string | null)[] = []
  const indexOf = new Map<string, number>()
  /** the records of each entity (removed records are dropped when read: entityOf is null) */
  const membersOf = new Map<string, number[]>()
  const join = (entity: string, i: number) => {
    const list = membersOf.get(entity)
    if (list) list.push(i)
    else membersOf.set(entity, [i])
  }
  /** the other current records of i's entity (PairScorer.personLevels), at most MAX_PERSON_RECORDS */
  const othersOf = (i: number): number[] => {
    const entity = entityOf[i]
    if (entity === null) return []
    const list = membersOf.get(entity)
    if (!list) return []
    const live = list.filter((x) => entityOf[x] === entity)
    if (live.length !== list.length) membersOf.set(entity, live)
    return live.filter((x) => x !== i).slice(-MAX_PERSON_RECORDS)
  }

  const withProbe = <T>(record: LinkageRecord, use: (probe: number) => T): T => {
    const probe = records.add(record)
    scorer.refreshNames()
    try {
      return use(probe)
    } finally {
      // the probe is the last record: drop it again
      records.size--
      records.ids.pop()
      records.otherNames.pop()
    }
  }

  return {
    get size() {
      return indexOf.size
    },
    add(record, entityId) {
      if (indexOf.has(record.id)) this.remove(record.id)
      const i = records.add(record)
      const entity = entityId ?? record.id
      entityOf[i] = entity
      join(entity, i)
      indexOf.set(record.id, i)
      BLOCKING_RULES.forEach((rule, r) => {
        const key = rule.key(records, i)
        if (key < 0) return
        file(index[r], key, i)
        if (rule.onlyFor?.(records, i)) file(indexFor[r], key, i)
      })
    },
    setEntity(recordId, entityId) {
      const i = indexOf.get(recordId)
      if (i === undefined) throw new Error(`unknown record ${recordId}`)
      entityOf[i] = entityId
      join(entityId, i)
    },
    remove(recordId) {
      const i = indexOf.get(recordId)
      if (i === undefined) return
      indexOf.delete(recordId)
      entityOf[i] = null
      // removed from the blocks lazily: a record without an entity is skipped
    },
    match(record, options = {}) {
      const minProbability = options.minProbability ?? 0.01
      return withProbe(record, (probe) => {
        const seen = new Set<number>()
        // the best record of each entity by itself, then the entity as a person (its other records'
        // sex, addresses and phones: PairScorer.personLevels)
        const bestRecord = new Map<string, { i: number; weight: number }>()
        BLOCKING_RULES.forEach((rule, r) => {
          const key = rule.key(records, probe)
          if (key < 0) return
          let list = index[r].get(key)
          if (!list) return
          // as in batch blocking: in a large block (the probe makes one more) a record the rule is
          // not for meets only those it is for
          if (rule.onlyFor && list.length + 1 > (rule.maxBlock ?? maxBlock) && !rule.onlyFor(records, probe))
            list = indexFor[r].get(key)
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
        const out: EntityMatch[] = []
        for (const [entity, { i }] of bestRecord) {
          const probability = scorer.probability(i, probe, othersOf(i))
          if (probability >= minProbability) out.push({ id: entity, probability, recordId: records.ids[i] })
        }
        out.sort((x, y) => y.probability - x.probability)
        return options.limit ? out.slice(0, options.limit) : out
      })
    },
    explain(record, recordId) {
      const i = indexOf.get(recordId)
      if (i === undefined) throw new Error(`unknown record ${recordId}`)
      return withProbe(record, (probe) => explainPair(scorer, i, probe, othersOf(i)))
    },
  }
}
