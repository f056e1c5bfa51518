// The SSDA903 return (children looked after; CSV tables or one XML file) as agency records. The tables
// given together are one return, imported all or nothing. Each child (CHILD, the LA child id) is a
// person; episodes become the start of care, placement moves and the end of care; the missing table
// becomes missing episodes; reviews become notes. docs/returns/ssda903.md is the mapping.
import { Readable } from 'node:stream'
import { parse } from 'csv-parse'
import type { FieldError } from '../../records/validate.ts'
import { normalisePostcode } from '../../records/identifiers.ts'
import {
  checkCode,
  checkDate,
  checkNotAfter,
  checkOrder,
  ETHNICITY,
  ethnicityFromDfe,
  recordedOn,
  returnDate,
  returnYear,
  UPN_UNKNOWN,
  type ReturnYear,
} from '../codes.ts'
import { checkAuthority } from '../cin/census.ts'
import { ReturnRefused, type ReadContext, type ReturnFormat, type ReturnInput, type Unit } from '../format.ts'
import { readXml, serialise, XmlNotWellFormed, type XmlNode } from '../xml.ts'
import {
  CATEGORY_OF_NEED,
  IMPORTED_TABLES,
  LEGAL_STATUS,
  MISSING_OR_AWAY,
  MOTHER,
  NOT_IMPORTED,
  PLACEMENT,
  PLACEMENT_PROVIDER,
  placementCodes,
  REASON_CEASED,
  REASON_NEW_EPISODE,
  REASON_PLACE_CHANGE,
  REVIEW_CODE,
  SEX_903,
  SSDA903_YEARS,
  TABLES,
} from './codes.ts'

export const ssda903: ReturnFormat = {
  name: 'ssda903',
  title: 'SSDA903 return (DfE, CSV tables or XML)',
  personFields: ['date_of_birth', 'sex', 'ethnicity', 'upn', 'upn_unknown', 'is_child'],
  inputsAreOneReturn: true,
  read: readReturn,
}

/** One row of one table, wherever it came from (a CSV line or an XML element). */
interface Row {
  table: string
  fields: Record<string, string | undefined>
  line: number
  path: string
  text: string
  tag: string
}

async function* readReturn(inputs: ReturnInput[], ctx: ReadContext): AsyncGenerator<Unit> {
  const kinds = await Promise.all(inputs.map(async (input) => ({ input, first: await firstChars(input) })))
  const xml = kinds.filter((k) => k.first.startsWith('<'))
  if (xml.length > 0 && kinds.length > 1)
    throw new ReturnRefused('an SSDA903 return is either CSV tables or one XML file, not both or several XML files')
  const sources: (() => AsyncIterable<Row>)[] = []
  let stated: number | null = null
  if (xml.length === 1) {
    const input = xml[0].input
    const found = await xmlHeader(input, ctx)
    stated = found
    sources.push(() => xmlRows(input))
  } else {
    const tables = await Promise.all(inputs.map(async (input) => ({ input, table: await csvTable(input) })))
    const seen = new Map<string, string>()
    for (const t of tables) {
      const twice = seen.get(t.table)
      if (twice) throw new ReturnRefused(`${twice} and ${t.input.name} are both the ${t.table} table`)
      seen.set(t.table, t.input.name)
    }
    const order = (name: string) => {
      const i = (IMPORTED_TABLES as readonly string[]).indexOf(name)
      return i === -1 ? 99 : i
    }
    tables.sort((a, b) => order(a.table) - order(b.table))
    for (const t of tables) sources.push(() => csvRows(t.input, t.table))
  }
  const inferred = stated ?? (await inferYear(sources))
  if (inferred === null) return // tables with no rows: an authority with no child looked after that year
  const year = returnYear(inferred)
  if (!(SSDA903_YEARS as readonly number[]).includes(year.year))
    throw new ReturnRefused(
      `the return's year ${year.year} (1 April ${year.year - 1} to 31 March ${year.year}) is not a specification year ` +
        `Threadline reads (${SSDA903_YEARS.join(', ')})`,
    )
  for (const source of sources) for await (const row of source()) yield* mapRow(row, year, ctx)
}

async function firstChars(input: ReturnInput): Promise<string> {
  for await (const chunk of input.chunks()) {
    const t = chunk.replace(/^\uFEFF/, '').trimStart()
    if (t !== '') return t.slice(0, 200)
  }
  return ''
}

async function csvTable(input: ReturnInput): Promise<string> {
  const first = (await firstChars(input)).split(/\r?\n/)[0]
  const columns = first.split(',').map((c) => c.trim().replace(/^"|"$/g, '').toUpperCase())
  const set = new Set(columns)
  for (const [table, expected] of Object.entries(TABLES))
    if (expected.length === set.size && expected.every((c) => set.has(c))) return table
  throw new ReturnRefused(
    `${input.name} is not an SSDA903 table: its header is "${first.slice(0, 120)}"; expected the columns of one of ` +
      Object.entries(TABLES)
        .map(([t, c]) => `${t} (${c.join(',')})`)
        .join('; '),
  )
}

async function* csvRows(input: ReturnInput, table: string): AsyncIterable<Row> {
  const parser = Readable.from(input.chunks()).pipe(
    parse({ bom: true, info: true, raw: true, skip_empty_lines: true, relax_column_count: true, trim: true }),
  )
  let columns: string[] | null = null
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number }; raw: string }>) {
    if (!columns) {
      columns = item.record.map((c) => c.toUpperCase())
      continue
    }
    const fields: Record<string, string | undefined> = {}
    columns.forEach((c, i) => (fields[c] = item.record[i] === '' ? undefined : item.record[i]))
    yield { table, fields, line: item.info.lines, path: table, text: item.raw.replace(/\r?\n$/, ''), tag: input.name }
  }
}

const isChild = (names: readonly string[]) => names.length === 2 && names[1].toUpperCase() === 'CHILD'

async function xmlHeader(input: ReturnInput, ctx: ReadContext): Promise<number | null> {
  try {
    for await (const item of readXml(input.chunks(), (n) => n.length === 2 && n[1] === 'Header')) {
      if (item.kind === 'root') continue
      const details = item.node.children.find((c) => c.name === 'CollectionDetails')
      const collection = details?.children.find((c) => c.name === 'Collection')?.text
      if (collection && collection !== 'SSDA903')
        throw new ReturnRefused(`${input.name} is a "${collection}" collection, not the SSDA903`)
      const sources = item.node.children.filter((c) => c.name === 'Source')
      const las = [...new Set(sources.map((s) => s.children.find((c) => c.name === 'LEA')?.text ?? ''))].filter(Boolean)
      if (las.length > 1) throw new ReturnRefused(`${input.name} mixes local authorities (${las.join(', ')})`)
      if (las.length === 1) checkAuthority(las[0], input.name, ctx)
      const year = Number(details?.children.find((c) => c.name === 'Year')?.text)
      return Number.isInteger(year) && year > 0 ? year : null
    }
  } catch (error) {
    if (error instanceof XmlNotWellFormed) throw new ReturnRefused(`${input.name}: ${error.message}`)
    throw error
  }
  return null
}

async function* xmlRows(input: ReturnInput): AsyncIterable<Row> {
  const capture = (names: readonly string[]) => isChild(names) || (names.length === 2 && names[1] === 'Header')
  let sawChild = false
  try {
    for await (const item of readXml(input.chunks(), capture)) {
      if (item.kind === 'root') continue
      if (item.node.name === 'Header') continue
      sawChild = true
      yield* childRows(item.node, input.name)
    }
  } catch (error) {
    if (error instanceof XmlNotWellFormed) throw new ReturnRefused(`${input.name}: ${error.message}`)
    throw error
  }
  if (!sawChild) throw new ReturnRefused(`${input.name} is not an SSDA903 XML return: it holds no <CHILD> elements`)
}

const RENAMED: Record<string, string> = { CHILDID: 'CHILD', PL: 'PLACE' }

function leaves(node: XmlNode): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {}
  for (const c of node.children)
    if (c.children.length === 0) out[RENAMED[c.name.toUpperCase()] ?? c.name.toUpperCase()] = c.text || undefined
  return out
}

function* childRows(node: XmlNode, tag: string): Generator<Row> {
  const own = leaves(node)
  const row = (table: string, n: XmlNode, fields: Record<string, string | undefined>): Row => ({
    table,
    fields: { ...own, ...fields },
    line: n.line,
    path: n.path,
    text: serialise(n),
    tag,
  })
  yield row('Header', node, {})
  for (const c of node.children) {
    const name = c.name.toUpperCase()
    if (name === 'EPISODE') yield row('Episodes', c, leaves(c))
    if (name === 'HEADER')
      for (const t of c.children) {
        const tn = t.name.toUpperCase()
        if (tn === 'AREVIEW') yield row('Reviews', t, leaves(t))
        else if (tn === 'AMISSING') yield row('Missing', t, leaves(t))
      }
  }
}

/** A CSV return names no year: it is the collection year holding the latest date in its tables. */
async function inferYear(sources: (() => AsyncIterable<Row>)[]): Promise<number | null> {
  let latest = ''
  let rows = 0
  for (const source of sources)
    for await (const row of source()) {
      rows++
      if (!(IMPORTED_TABLES as readonly string[]).includes(row.table)) continue
      for (const f of ['DECOM', 'DEC', 'REVIEW', 'MIS_START', 'MIS_END']) {
        const d = row.fields[f] && returnDate(row.fields[f] as string)
        if (d && d > latest) latest = d
      }
    }
  if (!latest && rows === 0) return null
  if (!latest) throw new ReturnRefused('the SSDA903 tables hold no dates to tell the collection year from')
  const y = Number(latest.slice(0, 4))
  return latest.slice(5) >= '04-01' ? y + 1 : y
}

function mapRow(row: Row, year: ReturnYear, ctx: ReadContext): Unit[] {
  const base = { line: row.line, path: row.path, text: row.text, table: row.table, tag: row.tag }
  const why = NOT_IMPORTED[row.table]
  if (why) return [{ ...base, skipped: why }]
  const f = row.fields
  const errors: FieldError[] = []
  const child = f.CHILD
  if (!child) return [{ ...base, errors: [{ field: 'CHILD', message: 'is required (the child id is missing)' }] }]
  const event = (sourceId: string, ownDate: string, fields: Record<string, unknown>): Unit => {
    const value: Record<string, unknown> = {
      type: 'event',
      source_id: sourceId,
      recorded_at: recordedOn(year, ownDate),
    }
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) value[k] = v
    const unit: Unit = { ...base, value }
    if (errors.length > 0) unit.errors = errors
    else if (ctx.before && String(fields.occurred_at) >= ctx.before)
      unit.skipped = `began on or after ${ctx.before} (--before): left to the agency's live records`
    return unit
  }
  const mapping: RowMapping = { f, child, errors, year, base, event }
  if (row.table === 'Header') return mapHeader(mapping)
  if (row.table === 'Episodes') return mapEpisodes(mapping)
  if (row.table === 'Missing') return mapMissing(mapping)
  return mapReview(mapping)
}

/** One row of a table being mapped: its fields, its child, the errors found so far, and how to make an event of it. */
interface RowMapping {
  f: Row['fields']
  child: string
  errors: FieldError[]
  year: ReturnYear
  base: { line: number; path: string; text: string; table: string; tag: string }
  event: (sourceId: string, ownDate: string, fields: Record<string, unknown>) => Unit
}

/** A Header row: the child as a person, and a birth when the child has become a mother. */
function mapHeader(m: RowMapping): Unit[] {
  const { f, child, errors, year, base, event } = m
  const dob = checkDate(f.DOB, 'DOB', errors)
  if (!f.DOB) errors.push({ field: 'DOB', message: 'is required' })
  const sex = checkCode(SEX_903, f.SEX, 'SEX', errors)
  const ethnic = checkCode(ETHNICITY, f.ETHNIC, 'ETHNIC', errors)
  const person: Record<string, unknown> = {
    type: 'person',
    source_id: child,
    recorded_at: year.referenceDate,
    is_child: true,
  }
  if (dob) person.date_of_birth = dob
  if (sex) person.sex = sex === '1' ? 'male' : 'female'
  const label = ethnicityFromDfe(ethnic)
  if (label) person.ethnicity = label
  if (f.UPN && /^UN\d$/.test(f.UPN)) person.upn_unknown = checkCode(UPN_UNKNOWN, f.UPN, 'UPN', errors)
  else if (f.UPN) person.upn = f.UPN
  const mother = checkCode(MOTHER, f.MOTHER, 'MOTHER', errors)
  const childsBirth = checkDate(f.MC_DOB, 'MC_DOB', errors)
  if (mother === '1' && !childsBirth) errors.push({ field: 'MC_DOB', message: 'is required when MOTHER is 1' })
  const unit: Unit = { ...base, value: person }
  if (errors.length > 0) return [{ ...unit, errors }]
  if (mother === '1' && childsBirth) {
    // the one fact of the header that is an event: a looked-after child who has become a mother
    const birth = event(`903/${child}/mother/${childsBirth}`, childsBirth, {
      kind: 'pregnancy',
      subject: child,
      occurred_at: childsBirth,
      summary: "Gave birth (SSDA903: the date of birth of the child's own child)",
    })
    return [unit, birth]
  }
  return [unit]
}

/** An Episodes row: the episode's start (looked after, a placement move, a legal status) and its end. */
function mapEpisodes(m: RowMapping): Unit[] {
  const { f, child, errors, year, base, event } = m
  const start = checkDate(f.DECOM, 'DECOM', errors)
  if (!f.DECOM) errors.push({ field: 'DECOM', message: 'is required' })
  const end = checkDate(f.DEC, 'DEC', errors)
  checkOrder(start, end, 'DEC', 'the episode start DECOM', errors)
  checkNotAfter(year, start, 'DECOM', errors)
  checkNotAfter(year, end, 'DEC', errors)
  const rne = checkCode(REASON_NEW_EPISODE, f.RNE, 'RNE', errors)
  const ls = checkCode(LEGAL_STATUS, f.LS, 'LS', errors)
  const need = checkCode(CATEGORY_OF_NEED, f.CIN, 'CIN', errors)
  const place = checkCode(
    PLACEMENT,
    f.PLACE,
    'PLACE',
    errors,
    placementCodes(year.year),
    ` (${year.year - 1}-${String(year.year).slice(2)})`,
  )
  const provider = checkCode(PLACEMENT_PROVIDER, f.PLACE_PROVIDER, 'PLACE_PROVIDER', errors)
  const rec = checkCode(REASON_CEASED, f.REC, 'REC', errors)
  const change = checkCode(REASON_PLACE_CHANGE, f.REASON_PLACE_CHANGE, 'REASON_PLACE_CHANGE', errors)
  if (end && !rec) errors.push({ field: 'REC', message: 'is required when the episode has ended (DEC)' })
  if (rec && !end) errors.push({ field: 'DEC', message: `is required when the episode ceased (REC ${rec})` })
  if (!start) return [{ ...base, errors }]
  const outOfArea = outsideHomeArea(f.HOME_POST, f.PL_POST)
  const kind = rne === 'S' ? 'looked_after_start' : rne === 'L' ? 'note' : 'placement_move'
  const placeLabel = place ? PLACEMENT.codes[place] : 'placement not given'
  const summary =
    kind === 'looked_after_start'
      ? `Started to be looked after${ls ? ` (${LEGAL_STATUS.codes[ls]})` : ''}: ${placeLabel}`
      : kind === 'note'
        ? `Legal status changed${ls ? `: ${LEGAL_STATUS.codes[ls]}` : ''}`
        : `Placement changed: ${placeLabel}${outOfArea ? ', outside the home area' : ''}`
  const startUnit = event(`903/${child}/episode/${start}`, start, {
    kind,
    subject: child,
    occurred_at: start,
    summary,
    reason_new_episode: rne,
    legal_status: ls,
    category_of_need: need,
    placement_type: place,
    placement_provider: provider,
    provider_urn: f.URN,
    reason_place_change: change,
    out_of_area: outOfArea || undefined,
    indicators: outOfArea && kind !== 'note' ? ['isolated'] : undefined,
  })
  if (end && rec && rec !== 'X1' && !startUnit.errors)
    return [
      startUnit,
      event(`903/${child}/episode/${start}/end`, end, {
        kind: 'looked_after_end',
        subject: child,
        occurred_at: end,
        summary: `Stopped being looked after: ${REASON_CEASED.codes[rec]}`,
        reason_ceased: rec,
      }),
    ]
  return [startUnit]
}

/** A Missing row: missing from placement, or away from it without authorisation. */
function mapMissing(m: RowMapping): Unit[] {
  const { f, child, errors, year, base, event } = m
  const kind = checkCode(MISSING_OR_AWAY, f.MISSING, 'MISSING', errors)
  const start = checkDate(f.MIS_START, 'MIS_START', errors)
  if (!f.MIS_START) errors.push({ field: 'MIS_START', message: 'is required' })
  const end = checkDate(f.MIS_END, 'MIS_END', errors)
  checkOrder(start, end, 'MIS_END', 'the start MIS_START', errors)
  checkNotAfter(year, end, 'MIS_END', errors)
  if (!start) return [{ ...base, errors }]
  if (kind === 'A')
    return [
      event(`903/${child}/away/${start}`, end ?? start, {
        kind: 'note',
        subject: child,
        occurred_at: start,
        ended_at: end,
        summary:
          'Away from placement without authorisation (whereabouts known; not missing, so no return interview is due)',
        indicators: ['staying_out_late'],
        absence: 'away',
      }),
    ]
  return [
    event(`903/${child}/missing/${start}`, end ?? start, {
      kind: 'missing_episode',
      subject: child,
      occurred_at: start,
      ended_at: end,
      summary: 'Missing from placement (SSDA903: dates only)',
      missing_from: 'care_placement',
      dates_only: true,
    }),
  ]
}

/** A Reviews row: a looked-after child review. */
function mapReview(m: RowMapping): Unit[] {
  const { f, child, errors, year, base, event } = m
  const date = checkDate(f.REVIEW, 'REVIEW', errors)
  if (!f.REVIEW) errors.push({ field: 'REVIEW', message: 'is required' })
  const code = checkCode(REVIEW_CODE, f.REVIEW_CODE, 'REVIEW_CODE', errors)
  checkNotAfter(year, date, 'REVIEW', errors)
  if (!date) return [{ ...base, errors }]
  return [
    event(`903/${child}/review/${date}`, date, {
      kind: 'note',
      subject: child,
      occurred_at: date,
      summary: `Looked-after child review${code ? `: ${REVIEW_CODE.codes[code]}` : ''}`,
      review_participation: code,
    }),
  ]
}

/**
 * Is the placement outside the child's home area? Taken as a different postcode area (the letters
 * before the district number, "OL" in OL11 1AA) for the placement than for the home. An approximation
 * (postcode areas do not follow local-authority boundaries), stated in the mapping document.
 */
export function outsideHomeArea(home: string | undefined, placement: string | undefined): boolean {
  const area = (p: string | undefined) => {
    if (!p) return null
    const full = normalisePostcode(p)
    const outward = (full ?? p.trim().toUpperCase()).split(/\s+/)[0]
    const m = /^([A-Z]{1,2})\d/.exec(outward)
    return m ? m[1] : null
  }
  const a = area(home)
  const b = area(placement)
  return a !== null && b !== null && a !== b
}
