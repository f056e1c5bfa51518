// Imports returns through the one import path (records/importer.ts): the same validation, versions,
// as-of, linkage, audit, whole-file-or-nothing and --skip-invalid as NDJSON. A first pass reads the
// return through (refusing the wrong format, year or authority before anything is written) and finds
// its children; a stored person keeps the fields a return does not carry (the SSDA903 says nothing of
// disability, so it never erases what the census recorded); the second pass imports.
import { sql } from 'kysely'
import { DateTime } from 'luxon'
import type { Db } from '../db/database.ts'
import type { Actor } from '../audit/actor.ts'
import { knownAt } from '../db/as-of.ts'
import { ZONE } from '../config/clock.ts'
import { importRecords, type InputLine, type Reject } from '../records/importer.ts'
import { validateRecord } from '../records/validate.ts'
import { ReturnRefused, type ReadContext, type ReturnFormat, type ReturnInput, type Unit } from './format.ts'

export interface ReturnsImportOptions {
  agency: string
  skipInvalid: boolean
  /** Validate and count only; write nothing. */
  check: boolean
  before?: string
  actor: Actor
  receivedAt: Date
  channel: 'file' | 'api'
  tokenId?: number
  /** An API caller may write only its own agency's records. */
  onlyAgency?: string
}

export interface FileRow {
  file: string
  created: number
  updated: number
  unchanged: number
  withdrawn: number
  rejected: number
}

/** --check: one row per table of the return, to reconcile with the return's own totals. */
export interface CheckRow {
  file: string
  table: string
  rows: number
  records: number
  rejected: number
  skipped: number
}

export interface ReturnsResult {
  rows: FileRow[]
  checks: CheckRow[]
  rejects: Reject[]
  /** Why rows were skipped, with how many, for the person importing. */
  skipped: Map<string, number>
  rolledBack: boolean
  dangling: string[]
}

export { ReturnRefused }

const FRAMING = new Set(['type', 'agency', 'source_id', 'recorded_at', 'withdrawn', 'reason'])

export async function importReturns(
  db: Db,
  format: ReturnFormat,
  inputs: ReturnInput[],
  options: ReturnsImportOptions,
): Promise<ReturnsResult> {
  const agency = await db
    .selectFrom('agencies')
    .select(['code', 'la_number'])
    .where('code', '=', options.agency)
    .executeTakeFirst()
  if (!agency) throw new ReturnRefused(`agency "${options.agency}" is not registered (threadline agencies lists them)`)
  if (options.onlyAgency && options.onlyAgency !== agency.code)
    throw new ReturnRefused(`a token or user of ${options.onlyAgency} may send only its own agency's records`)
  const ctx: ReadContext = { agency: agency.code, laNumber: agency.la_number, before: options.before }
  const agencies = new Set([agency.code])
  const result: ReturnsResult = {
    rows: [],
    checks: [],
    rejects: [],
    skipped: new Map(),
    rolledBack: false,
    dangling: [],
  }
  const groups = format.inputsAreOneReturn ? [inputs] : inputs.map((i) => [i])
  for (const group of groups) {
    // first pass: the whole return is read and checked before anything is written
    const checks = new Map<string, CheckRow>()
    const people = new Map<string, string>()
    for await (const unit of format.read(group, ctx)) {
      const file = unit.tag ?? group[0].name
      const row = checks.get(`${file}\u0000${unit.table}`) ?? {
        file,
        table: unit.table,
        rows: 0,
        records: 0,
        rejected: 0,
        skipped: 0,
      }
      checks.set(`${file}\u0000${unit.table}`, row)
      row.rows++
      if (unit.skipped) {
        row.skipped++
        continue
      }
      const valid =
        !unit.errors &&
        validateRecord({ ...unit.value, agency: agency.code }, { agencies, defaultAgency: agency.code }).ok
      if (!valid) row.rejected++
      else row.records++
      if (valid && unit.value?.type === 'person')
        people.set(String(unit.value.source_id), String(unit.value.recorded_at ?? ''))
    }
    if (options.check) {
      result.checks.push(...checks.values())
      continue
    }
    const stored = await storedPeople(db, agency.code, people)
    const tallies = new Map<string, FileRow>(group.map((i) => [i.name, emptyRow(i.name)]))
    const outcome = await importRecords(db, units(format, group, ctx, stored, result.skipped), {
      channel: options.channel,
      filename: group.map((i) => i.name).join(', '),
      defaultAgency: agency.code,
      onlyAgency: options.onlyAgency,
      skipInvalid: options.skipInvalid,
      actor: options.actor,
      receivedAt: options.receivedAt,
      tokenId: options.tokenId,
      onOutcome: (tag, o) => {
        const row = tallies.get(tag ?? group[0].name) ?? tallies.values().next().value
        if (row) row[o]++
      },
    })
    for (const row of tallies.values()) {
      if (outcome.rolledBack) row.created = row.updated = row.unchanged = row.withdrawn = 0
      result.rows.push(row)
    }
    result.rejects.push(...outcome.rejects)
    result.rolledBack ||= outcome.rolledBack
    result.dangling.push(...outcome.dangling)
  }
  return result
}

function emptyRow(file: string): FileRow {
  return { file, created: 0, updated: 0, unchanged: 0, withdrawn: 0, rejected: 0 }
}

async function* units(
  format: ReturnFormat,
  group: ReturnInput[],
  ctx: ReadContext,
  stored: Map<string, Record<string, unknown>>,
  skipped: Map<string, number>,
): AsyncIterable<InputLine> {
  const carried = new Set(format.personFields)
  for await (const unit of format.read(group, ctx)) {
    if (unit.skipped) {
      skipped.set(unit.skipped, (skipped.get(unit.skipped) ?? 0) + 1)
      continue
    }
    let value = unit.value
    if (value?.type === 'person') {
      const before = stored.get(String(value.source_id))
      if (before) value = keepUncarried(value, before, carried)
    }
    yield { line: unit.line, path: unit.path, text: unit.text, value: value ?? {}, errors: unit.errors, tag: unit.tag }
  }
}

/** The person as the return has it, with the stored person's fields that the return does not carry. */
function keepUncarried(
  value: Record<string, unknown>,
  stored: Record<string, unknown>,
  carried: ReadonlySet<string>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...value }
  for (const [k, v] of Object.entries(stored)) if (!FRAMING.has(k) && !carried.has(k) && !(k in merged)) merged[k] = v
  return merged
}

/** Each person as Threadline held them at the time the return records them (their version in force then). */
async function storedPeople(
  db: Db,
  agency: string,
  people: Map<string, string>,
): Promise<Map<string, Record<string, unknown>>> {
  const byTime = new Map<string, string[]>()
  for (const [id, at] of people) byTime.set(at, [...(byTime.get(at) ?? []), id])
  const found = new Map<string, Record<string, unknown>>()
  for (const [at, ids] of byTime) {
    const moment = DateTime.fromISO(at, { zone: ZONE })
    if (!moment.isValid) continue
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await sql<{ source_id: string; raw: unknown }>`
        select p.source_id, p.raw from person_versions p
        where p.agency_code = ${agency} and p.source_id = any(${ids.slice(i, i + 1000)}::text[])
          and ${knownAt('p', moment.toJSDate())}`.execute(db)
      for (const row of rows.rows) {
        const raw = typeof row.raw === 'string' ? JSON.parse(row.raw) : row.raw
        if (raw && typeof raw === 'object') found.set(row.source_id, raw as Record<string, unknown>)
      }
    }
  }
  return found
}

/** A file read again for each pass, in chunks. */
export function fileInput(path: string, open: (path: string) => AsyncIterable<string>): ReturnInput {
  return { name: path, chunks: () => open(path) }
}

/** A request body (or a test's text) as an input. */
export function textInput(name: string, text: string): ReturnInput {
  return {
    name,
    chunks: async function* () {
      for (let i = 0; i < text.length; i += 65536) yield text.slice(i, i + 65536)
    },
  }
}

export type { Unit }
