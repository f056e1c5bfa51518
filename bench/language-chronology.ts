// A chronology of one child with 2,000 events whose summaries and details are case-note sentences
// (from the language corpus, harmful and careful alike): how much checking the words for
// victim-blaming language adds to opening the record. Figures: the record view with its findings,
// first view (every entry checked and kept) and later views (kept findings read), against the same
// chronology query without them, on the embedded database in this process.
//   node --import tsx bench/language-chronology.ts [--quick] [--harmful-share 0.05]
import { readFileSync } from 'node:fs'
import { openDatabase } from '../src/db/database.ts'
import { migrate } from '../src/db/migrate.ts'
import { seedArea, TEST_ACTOR } from '../src/testing/seed.ts'
import { importRecords, ndjsonLines } from '../src/import/importer.ts'
import { chronology } from '../src/chronology/chronology.ts'
import { viewPersonRecord } from '../src/people/record-view.ts'
import { attachLanguage, checkEvent } from '../src/language/chronology.ts'
import { parseCorpus } from '../src/language/corpus/evaluate.ts'
import { corpusFile } from '../src/language/corpus/report.ts'

const quick = process.argv.includes('--quick')
const EVENTS = quick ? 500 : 2000
const RUNS = quick ? 5 : 15

// the share of sentences that blame the child (real records: a few; the corpus alone: half)
const shareArg = process.argv.indexOf('--harmful-share')
const HARMFUL_SHARE = shareArg > 0 ? Number(process.argv[shareArg + 1]) : 0.05
const corpus = parseCorpus(readFileSync(corpusFile('tuning'), 'utf8'))
const harmful = corpus.filter((e) => e.label === 'harmful').map((e) => e.text)
const careful = corpus.filter((e) => e.label !== 'harmful').map((e) => e.text)
const pick = (i: number) => {
  const from = ((i * 2654435761) % 1000) / 1000 < HARMFUL_SHARE ? harmful : careful
  return from[(i * 7919) % from.length]
}

const database = await openDatabase({ dataDir: 'memory://' })
const db = database.db
await migrate(db, database.schema)
const { amy, users } = await seedArea(db)
const lines: string[] = []
for (let i = 0; i < EVENTS; i++) {
  lines.push(
    JSON.stringify({
      type: 'event',
      agency: 'csc',
      source_id: `BENCH-E${i}`,
      kind: 'note',
      subject: 'C-77',
      restricted: false,
      occurred_at: new Date(Date.UTC(2015, 0, 1) + i * 3_600_000 * 7).toISOString().slice(0, 19),
      recorded_at: '2024-01-01T00:00:00',
      summary: pick(3 * i),
      details: `${pick(3 * i + 1)} ${pick(3 * i + 2)}`,
    }),
  )
}
await importRecords(db, ndjsonLines(lines.join('\n')), {
  channel: 'file',
  skipInvalid: false,
  actor: TEST_ACTOR,
  receivedAt: new Date('2024-01-02T00:00:00Z'),
})
const viewer = { kind: 'user' as const, userId: users.mash, agency: 'csc', roles: ['mash'] }
const at = new Date('2024-06-01T00:00:00Z')
const filter = { at }

const time = async (f: () => Promise<unknown>) => {
  const t = performance.now()
  await f()
  return performance.now() - t
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

// warm the query plans and the JIT on the chronology alone
for (let i = 0; i < 3; i++) await chronology(db, amy, filter)
const bare: number[] = []
for (let i = 0; i < RUNS; i++) bare.push(await time(() => chronology(db, amy, filter)))

const events = await chronology(db, amy, filter)
const pureStart = performance.now()
let findings = 0
for (const e of events) findings += checkEvent(e, '2007-03-14').count
const pureMs = performance.now() - pureStart

const first = await time(() => viewPersonRecord(db, viewer, TEST_ACTOR, amy, filter, at, { audit: false }))
const later: number[] = []
for (let i = 0; i < RUNS; i++)
  later.push(await time(() => viewPersonRecord(db, viewer, TEST_ACTOR, amy, filter, at, { audit: false })))
// what the findings add to a later view: attaching kept findings to the same entries
const attach: number[] = []
for (let i = 0; i < RUNS; i++) {
  const copy = events.map((e) => ({ ...e, view: 'full' as const }))
  attach.push(await time(() => attachLanguage(db, copy, '2007-03-14', at)))
}
const kept = await db
  .selectFrom('language_event_checks')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .executeTakeFirstOrThrow()

const words = events.reduce((n, e) => n + 1 + (e.details ? 2 : 0), 0)
console.log(
  `harmful share ${HARMFUL_SHARE}, events ${events.length}, sentences about ${words}, findings ${findings}, kept ${kept.n}`,
)
console.log(`checking every entry (pure): ${pureMs.toFixed(0)} ms (${Math.round(words / (pureMs / 1000))} sentences/s)`)
console.log(`chronology query alone: median ${median(bare).toFixed(1)} ms`)
console.log(`record view, first view (check and keep): ${first.toFixed(1)} ms`)
console.log(
  `record view, later views (kept findings): median ${median(later).toFixed(1)} ms (ratio to the query alone ${(median(later) / median(bare)).toFixed(2)})`,
)
console.log(`findings added to a later view: median ${median(attach).toFixed(1)} ms`)
await database.close()
