// Benchmark of risk on the database (issue 4):
//  1. Recompute every child's score (read every event version through recordedEvents, evidence, trajectory,
//     score, unanswered, and write the cache) for an area of 100,000 children and 2,000,000 events, against
//     the time of one SQL pass that reads the same events ordered by child, in the same run (aim ≤ 5×).
//  2. Incremental: one new event imported for a child (the ordinary import, whose records-changed hook
//     recomputes that child's score and alerts), median and p99 (aim p99 < 50 ms on PostgreSQL).
// The area is generated inside the server (generate_series), so loading it takes seconds, not the import.
// Run alone: node --import tsx bench/risk-db.ts [--quick] [--children N] [--events-per-child N] [--samples N]
// PostgreSQL from DATABASE_URL or THREADLINE_TEST_PG (default postgres://postgres@127.0.0.1:5432/test).
import { pathToFileURL } from 'node:url'
import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import pg from 'pg'
import { openDatabase } from '../src/db/database.ts'
import { migrate } from '../src/db/migrate.ts'
import { importRecords } from '../src/import/importer.ts'
import { recomputeAll, recomputeScores } from '../src/risk/cache.ts'

export interface RiskDbBenchOptions {
  children?: number
  eventsPerChild?: number
  samples?: number
  databaseUrl?: string
}

export interface RiskDbBenchResult {
  children: number
  events: number
  loadSeconds: number
  sqlPassSeconds: number
  recomputeSeconds: number
  ratio: number
  incremental: {
    samples: number
    medianMs: number
    p99Ms: number
    recomputeMedianMs: number
    recomputeP99Ms: number
    alerts: number
  }
}

const KINDS = [
  'note',
  'note',
  'note',
  'health_attendance',
  'school_absence',
  'note',
  'missing_episode',
  'concern',
  'contact_referral',
  'assessment',
  'sexual_health',
  'self_harm',
  'note',
  'school_exclusion',
  'health_attendance',
  'note',
  'strategy_discussion',
]
const INDICATORS = [
  'gifts_money',
  'staying_out_late',
  'older_associates',
  'concerning_phone_use',
  'drug_misuse',
  'isolated',
  'looked_after',
]
const AGENCIES = ['police', 'csc', 'health']

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]

async function generate(
  db: Awaited<ReturnType<typeof openDatabase>>['db'],
  children: number,
  perChild: number,
): Promise<void> {
  for (const a of AGENCIES)
    await sql`insert into agencies (code, name, kind) values (${a}, ${a}, ${a === 'police' ? 'police' : a === 'csc' ? 'childrens_social_care' : 'health'})`.execute(
      db,
    )
  await sql`insert into imports (id, channel, received_at) overriding system value values (1, 'file', '2026-07-01T00:00:00Z')`.execute(
    db,
  )
  await sql`select setval(pg_get_serial_sequence('imports', 'id'), 1)`.execute(db)
  await sql`insert into entities (id) overriding system value select g from generate_series(1, ${children}) g`.execute(
    db,
  )
  await sql`select setval(pg_get_serial_sequence('entities', 'id'), ${children})`.execute(db)
  await sql`insert into person_versions (agency_code, source_id, version, is_current, recorded_at, received_at, import_id, raw,
      given_name, family_name, date_of_birth, is_child, name_key)
    select a.code, a.code || '-' || g, 1, true, '2023-01-01T00:00:00Z', '2023-01-01T00:00:00Z', 1, '{}'::jsonb,
      'Child', 'C' || g, to_char(date '2008-01-01' + (g * 37 % 3000), 'YYYY-MM-DD'), true, 'child c' || g
    from generate_series(1, ${children}) g cross join unnest(${AGENCIES}::text[]) as a(code)`.execute(db)
  await sql`insert into entity_links (agency_code, source_id, entity_id, method, linked_at)
    select a.code, a.code || '-' || g, g, 'first_seen', '2023-01-01T00:00:00Z' from generate_series(1, ${children}) g cross join unnest(${AGENCIES}::text[]) as a(code)`.execute(
    db,
  )
  // Events: every child gets perChild events from the three agencies, over two and a half years; one in ten
  // carries an indicator; one in fifty involves a vehicle.
  const total = children * perChild
  await sql`insert into events (agency_code, source_id, version, is_current, recorded_at, received_at, import_id, raw,
      kind, subject_source_id, occurred_at, restricted, indicators)
    select (${AGENCIES}::text[])[(1 + g % 3)::int], 'E-' || g, 1, true,
      timestamptz '2024-01-01T00:00:00Z' + ((g * 7919) % 912) * interval '1 day' + (g % 48) * interval '1 hour',
      timestamptz '2026-07-01T00:00:00Z', 1, '{}'::jsonb,
      (${KINDS}::text[])[(1 + (g * 31) % ${KINDS.length})::int], (${AGENCIES}::text[])[(1 + g % 3)::int] || '-' || (1 + (g / 3) % ${children}),
      timestamptz '2024-01-01T00:00:00Z' + ((g * 7919) % 912) * interval '1 day', (g % 40 = 0),
      case when g % 10 = 0 then array[(${INDICATORS}::text[])[(1 + (g / 10) % ${INDICATORS.length})::int]] else '{}'::text[] end
    from generate_series(1::bigint, ${total}::bigint) g`.execute(db)
  await sql`insert into involvements (event_id, agency_code, kind, key, display, role)
    select e.id, e.agency_code, 'vehicle', 'AB' || (e.id % 500), 'AB' || (e.id % 500), 'seen_with' from events e where e.id % 50 = 0`.execute(
    db,
  )
  await sql`analyze`.execute(db)
}

export async function benchRiskDatabase(options: RiskDbBenchOptions = {}): Promise<RiskDbBenchResult> {
  const children = options.children ?? 100_000
  const perChild = options.eventsPerChild ?? 20
  const samples = options.samples ?? 200
  const url =
    options.databaseUrl ??
    process.env.DATABASE_URL ??
    process.env.THREADLINE_TEST_PG ??
    'postgres://postgres@127.0.0.1:5432/test'
  const schema = `bench_risk_${randomBytes(4).toString('hex')}`
  const database = await openDatabase({ databaseUrl: url, schema })
  const { db } = database
  try {
    await migrate(db, schema)
    let t = performance.now()
    await generate(db, children, perChild)
    const loadSeconds = (performance.now() - t) / 1000
    const at = new Date('2026-07-01T00:00:00Z')

    // One SQL pass: the same event versions, ordered by child, read to the client.
    t = performance.now()
    const pass = await sql<{ entity_id: number }>`
      select l.entity_id, e.agency_code, e.source_id, e.version, e.kind, e.occurred_at, e.recorded_at, e.indicators, e.restricted, e.withdrawn
      from events e join entity_links l on l.agency_code = e.agency_code and l.source_id = e.subject_source_id
      where e.recorded_at <= ${at} order by l.entity_id`.execute(db)
    const sqlPassSeconds = (performance.now() - t) / 1000
    const events = pass.rows.length
    pass.rows.length = 0

    t = performance.now()
    const all = await recomputeAll(db, at)
    const recomputeSeconds = (performance.now() - t) / 1000

    // Incremental: one new event for a random child through the import; its hook updates score and alerts.
    const times: number[] = []
    const recomputeTimes: number[] = []
    let alerts = 0
    for (let i = 0; i < samples; i++) {
      const child = 1 + ((i * 7_919) % children)
      const agency = AGENCIES[i % 3]
      const receivedAt = new Date(+at + (i + 1) * 60_000)
      const line = JSON.stringify({
        type: 'event',
        agency,
        source_id: `NEW-${i}`,
        kind: 'missing_episode',
        subject: `${agency}-${child}`,
        occurred_at: receivedAt.toISOString(),
        recorded_at: receivedAt.toISOString(),
        indicators: ['gifts_money'],
      })
      let s = performance.now()
      await importRecords(db, [{ line: 1, text: line }], {
        channel: 'api',
        skipInvalid: false,
        actor: { kind: 'system', name: 'bench' },
        receivedAt,
      })
      times.push(performance.now() - s)
      s = performance.now()
      const r = await recomputeScores(db, [child], receivedAt)
      recomputeTimes.push(performance.now() - s)
      alerts += r.alerts.length
    }
    times.sort((a, b) => a - b)
    recomputeTimes.sort((a, b) => a - b)
    return {
      children: all.children,
      events,
      loadSeconds,
      sqlPassSeconds,
      recomputeSeconds,
      ratio: recomputeSeconds / sqlPassSeconds,
      incremental: {
        samples,
        medianMs: pct(times, 0.5),
        p99Ms: pct(times, 0.99),
        recomputeMedianMs: pct(recomputeTimes, 0.5),
        recomputeP99Ms: pct(recomputeTimes, 0.99),
        alerts,
      },
    }
  } finally {
    await database.close()
    const c = new pg.Client({ connectionString: url })
    await c.connect()
    await c.query(`drop schema if exists ${schema} cascade`)
    await c.end()
  }
}

export function describeRiskDb(r: RiskDbBenchResult): string {
  return [
    `risk on PostgreSQL: ${r.children} children, ${r.events} events (generated in ${r.loadSeconds.toFixed(1)} s)`,
    `  one SQL pass reading the events by child: ${r.sqlPassSeconds.toFixed(2)} s`,
    `  recompute every child's score, band, trajectory and unanswered state, and write the cache: ${r.recomputeSeconds.toFixed(2)} s`,
    `  ratio: ${r.ratio.toFixed(2)}× (aim ≤ 5×)`,
    `  incremental, one new event imported to an updated score and alerts (the import's hook): median ${r.incremental.medianMs.toFixed(1)} ms, p99 ${r.incremental.p99Ms.toFixed(1)} ms over ${r.incremental.samples} (aim p99 < 50 ms)`,
    `  of which the recompute of the child alone: median ${r.incremental.recomputeMedianMs.toFixed(1)} ms, p99 ${r.incremental.recomputeP99Ms.toFixed(1)} ms`,
  ].join('\n')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2)
  const arg = (name: string) => {
    const i = args.indexOf(name)
    return i >= 0 ? Number(args[i + 1]) : undefined
  }
  const quick = args.includes('--quick')
  const result = await benchRiskDatabase({
    children: arg('--children') ?? (quick ? 5_000 : 100_000),
    eventsPerChild: arg('--events-per-child') ?? 20,
    samples: arg('--samples') ?? (quick ? 50 : 200),
  })
  console.log(describeRiskDb(result))
}
