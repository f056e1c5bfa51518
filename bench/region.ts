// `npm run bench -- region`: the regional benchmark (issue 20, decision 0056). A generated area of N
// children (their families, about 33 events a child over ten years from eight agencies) imported with
// linkage on, the lists brought up to date, then P practitioners over HTTP for M minutes. Prints one
// screen and writes the figures as JSON.
//   node --import tsx bench/region.ts [--db pg|pglite] [--children N] [--minutes M] [--practitioners P]
//     [--think-scale X] [--out FILE] [--quick]
// --minutes 0: no load window; each practitioner still does one action of each kind (a smoke load).
// --quick: 2,000 children, 2 minutes, 20 practitioners, think time scaled by 0.2.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { parseArgs } from 'node:util'
import { runRegion, type RegionOptions, type RegionResult } from './region/run.ts'
import { fmt } from './support.ts'

function option(values: Record<string, string | boolean | undefined>, name: string, fallback: number, min: number) {
  const v = values[name]
  if (v === undefined) return fallback
  const n = Number(v)
  if (!Number.isFinite(n) || n < min) {
    process.stderr.write(`--${name} "${String(v)}" must be a number of at least ${min}\n`)
    process.exit(2)
  }
  return n
}

export function summary(r: RegionResult): string {
  const lines: string[] = []
  const add = (k: string, v: string) => lines.push(`${k.padEnd(44)} ${v}`)
  const i = r.import
  lines.push(`Regional benchmark on ${r.options.db === 'pg' ? 'the PostgreSQL server' : 'PGlite'} (${r.startedAt})`)
  add(
    'area',
    `${fmt(r.area.children)} children, ${fmt(r.area.adults)} adults, ${fmt(r.area.totalPersons)} person records, ` +
      `${fmt(r.area.totalEvents)} events (generated in ${fmt(r.area.generateSeconds, 1)} s)`,
  )
  add('import: people and relationships, linked', `${fmt(i.peopleSeconds, 1)} s`)
  add('import: events', `${fmt(i.eventsSeconds, 1)} s`)
  add(
    'import: throughput',
    `${fmt(i.eventsPerSecond)} events/s (${fmt(i.linesPerSecond)} lines/s), ${fmt(i.rejected)} rejected`,
  )
  add(
    'linkage: child records → people',
    `${fmt(i.childRecords)} → ${fmt(i.childPeople)} (${fmt(r.area.children)} children generated)`,
  )
  add(
    'risk + maintained lists brought up to date',
    `${fmt(i.listsSeconds, 1)} s (${fmt(i.childrenWorkedOut ?? 0)} people worked out)`,
  )
  add(
    'load',
    `${r.options.practitioners} practitioners, ${fmt(r.load.seconds)} s, think ×${r.options.thinkScale}, ${fmt(r.load.requests)} requests`,
  )
  lines.push(
    `${'page'.padEnd(26)} ${'n'.padStart(6)} ${'p50 ms'.padStart(9)} ${'p95 ms'.padStart(9)} ${'p99 ms'.padStart(9)}`,
  )
  for (const [k, f] of Object.entries(r.load.pages))
    lines.push(
      `${k.padEnd(26)} ${String(f.count).padStart(6)} ${f.p50.toFixed(0).padStart(9)} ${f.p95.toFixed(0).padStart(9)} ${f.p99.toFixed(0).padStart(9)}`,
    )
  const rss = r.load.rss
  add(
    'server RSS',
    `${fmt(rss.afterFirstWindow)} MB after ${fmt(rss.window)} s, ${fmt(rss.lastWindowMax)} MB at most in the last ${fmt(rss.window)} s ` +
      `(${fmt((rss.ratio - 1) * 100, 1)}%; aim within 10%)`,
  )
  add('errors', `${r.load.errors.length} (must be 0)`)
  for (const e of r.load.errors.slice(0, 20))
    lines.push(`  ${e.status} ${e.kind}: ${e.path} after ${fmt(e.ms)} ms${e.said ? `: ${e.said.slice(0, 80)}` : ''}`)
  if (r.load.errors.length > 20) lines.push(`  ... and ${r.load.errors.length - 20} more (in the JSON file)`)
  return lines.join('\n') + '\n'
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      children: { type: 'string' },
      minutes: { type: 'string' },
      practitioners: { type: 'string' },
      'think-scale': { type: 'string' },
      out: { type: 'string' },
      quick: { type: 'boolean' },
    },
  })
  const quick = values.quick === true
  const db = values.db ?? 'pg'
  if (db !== 'pg' && db !== 'pglite') {
    process.stderr.write(`--db "${db}" must be pg or pglite\n`)
    process.exit(2)
  }
  const options: RegionOptions = {
    db,
    children: Math.round(option(values, 'children', quick ? 2_000 : 300_000, 1)),
    minutes: option(values, 'minutes', quick ? 2 : 10, 0),
    practitioners: Math.round(option(values, 'practitioners', quick ? 20 : 50, 1)),
    thinkScale: option(values, 'think-scale', quick ? 0.2 : 1, 0),
    pgUrl:
      process.env.THREADLINE_TEST_PG && process.env.THREADLINE_TEST_PG !== 'none'
        ? process.env.THREADLINE_TEST_PG
        : undefined,
  }
  const result = await runRegion(options)
  process.stdout.write(summary(result))
  const out = values.out ?? `.out/region-${db}-${options.children}.json`
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(out, JSON.stringify(result, null, 1))
  process.stdout.write(`figures written to ${out}\n`)
  process.exit(result.load.errors.length ? 1 : 0)
}
