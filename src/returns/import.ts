// Imports returns through the one import path (import/importer.ts): the same validation, versions,
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
import { importRecords, type InputLine, type Reject } from '../import/importer.ts'
import { validateRecord } from '../records/validate.ts'
import { canonical } from '../audit/chain.ts'
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
/** Marks a stored version that is no longer the current one. */
const HISTORIC = Symbol('historic')

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
    const { checks, people, events } = await checkReturn(format, group, ctx, options, result)
    if (options.check) {
      result.checks.push(...checks.values())
      continue
    }
    const stored = {
      person: await storedAt(db, 'person_versions', agency.code, people),
      event: await storedAt(db, 'events', agency.code, events),
    }
    await importReturn(db, format, group, ctx, stored, options, result)
  }
  return result
}

/**
 * The first pass over one return: every unit read and checked, counted by file and table (with the
 * rejects when only checking), and the recorded_at of each valid person and event by source_id.
 */
async function checkReturn(
  format: ReturnFormat,
  group: ReturnInput[],
  ctx: ReadContext,
  options: ReturnsImportOptions,
  result: ReturnsResult,
): Promise<{ checks: Map<string, CheckRow>; people: Map<string, string>; events: Map<string, string> }> {
  const agencies = new Set([ctx.agency])
  const checks = new Map<string, CheckRow>()
  const people = new Map<string, string>()
  const events = new Map<string, string>()
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
    const errors =
      unit.errors ??
      (() => {
        const v = validateRecord({ ...unit.value, agency: ctx.agency }, { agencies, defaultAgency: ctx.agency })
        return v.ok ? undefined : v.errors
      })()
    const valid = errors === undefined
    if (!valid) row.rejected++
    else row.records++
    if (!valid && options.check)
      result.rejects.push({ line: unit.line, path: unit.path, errors, text: unit.text, tag: unit.tag })
    if (valid && unit.value?.type === 'person')
      people.set(String(unit.value.source_id), String(unit.value.recorded_at ?? ''))
    if (valid && unit.value?.type === 'event' && unit.value.recorded_at !== undefined)
      events.set(String(unit.value.source_id), String(unit.value.recorded_at))
  }
  return { checks, people, events }
}

/** The second pass over one return: imported through the one import path, counted by file. */
async function importReturn(
  db: Db,
  format: ReturnFormat,
  group: ReturnInput[],
  ctx: ReadContext,
  stored: { person: Map<string, Record<string, unknown>>; event: Map<string, Record<string, unknown>> },
  options: ReturnsImportOptions,
  result: ReturnsResult,
): Promise<void> {
  const tallies = new Map<string, FileRow>(group.map((i) => [i.name, emptyRow(i.name)]))
  const tally = (tag: string | undefined) => tallies.get(tag ?? group[0].name) ?? tallies.values().next().value
  const outcome = await importRecords(
    db,
    units(format, group, ctx, stored, result.skipped, (tag) => {
      const row = tally(tag)
      if (row) row.unchanged++
    }),
    {
      channel: options.channel,
      filename: group.map((i) => i.name).join(', '),
      defaultAgency: ctx.agency,
      onlyAgency: options.onlyAgency,
      skipInvalid: options.skipInvalid,
      actor: options.actor,
      receivedAt: options.receivedAt,
      tokenId: options.tokenId,
      onOutcome: (tag, o) => {
        const row = tally(tag)
        if (row) row[o]++
      },
    },
  )
  for (const row of tallies.values()) {
    if (outcome.rolledBack) row.created = row.updated = row.unchanged = row.withdrawn = 0
    result.rows.push(row)
  }
  result.rejects.push(...outcome.rejects)
  result.rolledBack ||= outcome.rolledBack
  result.dangling.push(...outcome.dangling)
}

function emptyRow(file: string): FileRow {
  return { file, created: 0, updated: 0, unchanged: 0, withdrawn: 0, rejected: 0 }
}

async function* units(
  format: ReturnFormat,
  group: ReturnInput[],
  ctx: ReadContext,
  stored: { person: Map<string, Record<string, unknown>>; event: Map<string, Record<string, unknown>> },
  skipped: Map<string, number>,
  unchanged: (tag: string | undefined) => void,
): AsyncIterable<InputLine> {
  const carried = new Set(format.personFields)
  for await (const unit of format.read(group, ctx)) {
    if (unit.skipped) {
      skipped.set(unit.skipped, (skipped.get(unit.skipped) ?? 0) + 1)
      continue
    }
    let value = unit.value
    const kind = value?.type === 'person' ? 'person' : value?.type === 'event' ? 'event' : null
    const before = kind && value ? stored[kind].get(String(value.source_id)) : undefined
    if (value && before) {
      if (kind === 'person') value = keepUncarried(value, before, carried)
      value = sameAsBefore(value, before)
      // An earlier year's return sent again: its content is a version already in the history. The
      // format's rule (1.2: identical content at its recorded_at adds nothing) makes it `unchanged`.
      if (value.recorded_at === before.recorded_at && (before as Record<symbol, unknown>)[HISTORIC] && !unit.errors) {
        unchanged(unit.tag)
        continue
      }
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

/**
 * A fact a return repeats unchanged from an earlier year keeps the time it was first recorded: the
 * same object, content and recorded_at, so it is `unchanged` (and no new version says it was learnt
 * again at this year's reference date).
 */
function sameAsBefore(value: Record<string, unknown>, before: Record<string, unknown>): Record<string, unknown> {
  const content = (o: Record<string, unknown>) => {
    const rest: Record<string, unknown> = { ...o }
    delete rest.recorded_at
    delete rest.agency
    return canonical(rest)
  }
  if (before.recorded_at === undefined || content(value) !== content(before)) return value
  return { ...value, recorded_at: before.recorded_at }
}

/** Each object as Threadline held it at the time the return records it (its version in force then). */
async function storedAt(
  db: Db,
  table: 'person_versions' | 'events',
  agency: string,
  objects: Map<string, string>,
): Promise<Map<string, Record<string, unknown>>> {
  const byTime = new Map<string, string[]>()
  for (const [id, at] of objects) {
    const list = byTime.get(at)
    if (list) list.push(id)
    else byTime.set(at, [id])
  }
  const found = new Map<string, Record<string, unknown>>()
  for (const [at, ids] of byTime) {
    const moment = DateTime.fromISO(at, { zone: ZONE })
    if (!moment.isValid) continue
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await sql<{ source_id: string; raw: unknown; is_current: boolean }>`
        select p.source_id, p.raw, p.is_current from ${sql.table(table)} p
        where p.agency_code = ${agency} and p.source_id = any(${ids.slice(i, i + 1000)}::text[])
          and ${knownAt('p', moment.toJSDate())}`.execute(db)
      for (const row of rows.rows) {
        const raw = typeof row.raw === 'string' ? JSON.parse(row.raw) : row.raw
        if (raw && typeof raw === 'object')
          found.set(row.source_id, { ...(raw as Record<string, unknown>), [HISTORIC]: !row.is_current })
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
