// The regional benchmark's import: the generated files through the product's own import service (what
// `threadline import FILE` calls, with the same reader), linkage on as configured (the default model),
// each agency's people before any events; then the maintained lists (and the risk assessment they are
// made from) brought up to date for every child, as the first read of a list after an import does.
import type { Db } from '../../src/db/database.ts'
import { importRecords } from '../../src/import/importer.ts'
import { readLines } from '../../src/import/cli.ts'
import { bringUpToDate } from '../../src/db/maintained-lists.ts'
import { RISK_LISTS_SOURCE } from '../../src/risk/maintained-lists.ts'
import { MISSING_LISTS_SOURCE } from '../../src/missing/maintained-lists.ts'
import type { AreaCounts } from './area.ts'

export interface ImportTimings {
  files: { file: string; lines: number; seconds: number; created: number; rejected: number }[]
  /** person records and relationships: written with the incremental linker linking each batch */
  peopleSeconds: number
  eventsSeconds: number
  created: number
  rejected: number
  /** the maintained lists brought up to date for every child (risk assessed per child) */
  listsSeconds: number
  childrenWorkedOut: number | null
  /** people (after linkage) with a current child record, and how many child records they hold */
  childPeople: number
  childRecords: number
}

const seconds = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9

export async function importArea(db: Db, area: AreaCounts, now: Date): Promise<ImportTimings> {
  const t: ImportTimings = {
    files: [],
    peopleSeconds: 0,
    eventsSeconds: 0,
    created: 0,
    rejected: 0,
    listsSeconds: 0,
    childrenWorkedOut: null,
    childPeople: 0,
    childRecords: 0,
  }
  // two imports, as an area loading its history sends them: every agency's people and relationships,
  // then every agency's events (each import's fixed work, the statistics, the model re-estimated and
  // the people relinked, is paid once for all its lines)
  for (const part of ['people', 'events'] as const) {
    const files = area.files.filter((f) => f.part === part)
    const started = process.hrtime.bigint()
    let lines = 0
    async function* chained() {
      for (const f of files) for await (const unit of readLines(f.path)) yield { ...unit, tag: f.agency }
    }
    const result = await importRecords(db, chained(), {
      channel: 'file',
      filename: `${part} of ${files.map((f) => f.agency).join(', ')}`,
      skipInvalid: true,
      actor: { kind: 'system', name: 'regional benchmark' },
      receivedAt: now,
      onProgress: (n) => (lines = n),
    })
    const took = seconds(started)
    if (part === 'people') t.peopleSeconds += took
    else t.eventsSeconds += took
    t.created += result.created
    t.rejected += result.rejected
    t.files.push({ file: part, lines, seconds: took, created: result.created, rejected: result.rejected })
    if (result.rejected > 0)
      process.stderr.write(`${part}: ${result.rejected} rejected, first: ${JSON.stringify(result.rejects[0])}\n`)
  }
  const started = process.hrtime.bigint()
  // every maintained list: risk's (MASH queue, unanswered, alerts) and missing's (interviews, repeat missing)
  const workedOut = [
    await bringUpToDate(db, RISK_LISTS_SOURCE, now),
    await bringUpToDate(db, MISSING_LISTS_SOURCE, now),
  ]
  t.childrenWorkedOut = workedOut.includes(null) ? null : workedOut.reduce((a, b) => (a ?? 0) + (b ?? 0), 0)
  t.listsSeconds = seconds(started)
  const linked = await db
    .selectFrom('entity_links as l')
    .innerJoin('person_versions as p', (j) =>
      j.onRef('p.agency_code', '=', 'l.agency_code').onRef('p.source_id', '=', 'l.source_id'),
    )
    .select((eb) => [
      eb.fn.count<string>('l.entity_id').distinct().as('people'),
      eb.fn.countAll<string>().as('records'),
    ])
    .where('p.is_current', '=', true)
    .where('p.is_child', '=', true)
    .executeTakeFirstOrThrow()
  t.childPeople = Number(linked.people)
  t.childRecords = Number(linked.records)
  return t
}
