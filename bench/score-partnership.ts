// Scores the partnership figures on a blind partnership area (issue 18's check) and looks for any
// child on the pages the partnership role can open.
//
//   node --import tsx bench/score-partnership.ts <area-dir> [--now ISO] [--keep]
//
// <area-dir> holds IMPORT.sh, records/ and truth-quarters.csv
// (`period_start,period_end,missing_episodes_ended,episodes_with_interview_within_72h`). The area is
// imported into a fresh embedded folder with the README's commands only, then:
//  1. `partnership figures --by quarter --format csv` over the truth's quarters: missing episodes
//     ended must equal the truth exactly; interviews within 72 hours must have the truth's episodes
//     as denominator and a value within 2 percentage points;
//  2. the same with `--suppress`: no count, numerator or denominator from 1 to 4 may be shown;
//  3. signed in as a `partnership` user: the partnership page, its downloads, and every page they
//     link to that the role may open (up to 80) must hold no child's full name, family name with
//     given initial, person source id, NHS number, UPN or PNC id from the area's person records, and
//     the page's CSV must show no count from 1 to 4.
// Exits 1 if any check fails. Prints what it compared.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parse } from 'csv-parse/sync'
import { openDatabase } from '../src/db/database.ts'
import { createUser } from '../src/access/users.ts'
import { addAgency } from '../src/agencies/agencies.ts'
import { testApp, Browser } from '../src/testing/web.ts'

const args = process.argv.slice(2)
const area = resolve(args[0] ?? '')
if (!args[0]) {
  console.error('usage: node --import tsx bench/score-partnership.ts <area-dir> [--now ISO]')
  process.exit(2)
}
const checkout = resolve(import.meta.dirname, '..')
const truth = (
  parse(readFileSync(join(area, 'truth-quarters.csv'), 'utf8'), { columns: true }) as Record<string, string>[]
).map((r) => ({
  start: r.period_start,
  end: r.period_end,
  ended: Number(r.missing_episodes_ended),
  within: Number(r.episodes_with_interview_within_72h),
}))
const from = truth[0].start
const to = truth[truth.length - 1].end
const now = args.includes('--now') ? args[args.indexOf('--now') + 1] : latestRecordedAt(area)

const dataDir = mkdtempSync(join(tmpdir(), 'threadline-partnership-'))
const env: NodeJS.ProcessEnv = {
  ...process.env,
  THREADLINE_DATA: dataDir,
  THREADLINE_CLI: `node ${join(checkout, 'bin/threadline.js')}`,
  THREADLINE_BUNDLE: '0',
  THREADLINE_DEMO: '0',
  THREADLINE_NOW: now,
}
delete env.DATABASE_URL
const cli = (...a: string[]) =>
  execFileSync('node', [join(checkout, 'bin/threadline.js'), ...a], { env, encoding: 'utf8' })
console.log(`area ${area}\nnow ${now}; quarters ${from} to ${to}; data ${dataDir}`)
execFileSync('bash', [join(area, 'IMPORT.sh')], { env, cwd: area, stdio: ['ignore', 'ignore', 'inherit'] })

let failures = 0
const fail = (what: string) => {
  failures++
  console.log(`FAIL ${what}`)
}

type Row = Record<string, string>
const figures = (suppress: boolean): Row[] =>
  parse(
    cli(
      'partnership',
      'figures',
      '--from',
      from,
      '--to',
      to,
      '--by',
      'quarter',
      '--format',
      'csv',
      ...(suppress ? ['--suppress'] : []),
    ),
    { columns: true },
  ) as Row[]

// 1. exact figures against the truth
const exact = figures(false)
const areaRow = (measure: string, start: string) =>
  exact.find((r) => r.measure === measure && r.period_start === start && r.agency === '' && r.category === '')
let worstPoints = 0
console.log('\nquarter      ended truth/got   within-72h truth/got (value)')
for (const q of truth) {
  const ended = areaRow('missing_episodes_ended', q.start)
  const within = areaRow('return_interviews_within_72h', q.start)
  const got = ended ? Number(ended.value) : NaN
  if (got !== q.ended) fail(`${q.start}: missing_episodes_ended ${got}, truth ${q.ended}`)
  const denominator = within?.denominator === '' ? 0 : Number(within?.denominator)
  if (q.ended > 0 && denominator !== q.ended)
    fail(`${q.start}: 72h denominator ${within?.denominator}, truth ${q.ended}`)
  const truthShare = q.ended ? q.within / q.ended : 0
  const gotShare = within && within.value !== '' ? Number(within.value) : 0
  const points = Math.abs(gotShare - truthShare) * 100
  worstPoints = Math.max(worstPoints, points)
  if (points > 2)
    fail(`${q.start}: within 72h ${(gotShare * 100).toFixed(1)}%, truth ${(truthShare * 100).toFixed(1)}%`)
  console.log(
    `${q.start}   ${String(q.ended).padStart(4)} / ${String(got).padEnd(5)}  ${String(q.within).padStart(4)} / ${within?.numerator ?? '?'} (${(truthShare * 100).toFixed(1)}% / ${(gotShare * 100).toFixed(1)}%)`,
  )
}
const totalEnded = truth.reduce((s, q) => s + q.ended, 0)
const totalWithin = truth.reduce((s, q) => s + q.within, 0)
console.log(
  `episodes ended: truth ${totalEnded}; interviews within 72h: truth ${totalWithin}; worst quarter off by ${worstPoints.toFixed(2)} points`,
)

// 2. suppression in the CLI's --suppress output
const small = (v: string) => v !== '' && Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= 4
const showsSmall = (rows: Row[]) =>
  rows.filter((r) => r.suppressed !== 'true' && [r.numerator, r.denominator].some(small)).length
const leaks = showsSmall(figures(true))
if (leaks > 0) fail(`--suppress shows ${leaks} rows with a count from 1 to 4`)
console.log(`\n--suppress: ${leaks} rows show a count from 1 to 4`)

// 3. the partnership role's pages
const people = personIdentifiers(area)
const database = await openDatabase({ dataDir, command: 'score-partnership' })
try {
  const db = database.db
  if (!(await db.selectFrom('agencies').select('code').where('code', '=', 'lscp').executeTakeFirst()))
    await addAgency(db, { code: 'lscp', name: 'Safeguarding Partnership', kind: 'other' })
  await createUser(db, {
    email: 'board@lscp.test',
    name: 'Board chair',
    agency: 'lscp',
    roles: ['partnership'],
    password: 'correct-horse-battery',
  })
  const app = await testApp(database, {}, { now: () => new Date(now) })
  const browser = await new Browser(app).signIn('board@lscp.test', 'correct-horse-battery')
  const query = `from=${from}&to=${to}&by=quarter`
  const start = [`/partnership?${query}`, `/partnership/figures.csv?${query}`, '/partnership', '/reviews', '/audits']
  const seen = new Set<string>()
  const queue = [...start]
  let opened = 0
  let found = 0
  while (queue.length > 0 && seen.size < 80) {
    const url = queue.shift()!
    if (seen.has(url)) continue
    seen.add(url)
    const res = await browser.get(url)
    if (res.statusCode !== 200) continue
    opened++
    const text = res.body
    for (const hit of identifiersIn(text, people)) {
      found++
      if (found <= 10) fail(`${url} shows ${hit}`)
    }
    if (url.includes('.csv')) {
      const rows = parse(text, { columns: true }) as Row[]
      const csvLeaks = showsSmall(rows)
      if (csvLeaks > 0) fail(`${url}: ${csvLeaks} rows show a count from 1 to 4 to the partnership role`)
    }
    for (const m of text.matchAll(/href="(\/[^"#]*)"/g)) {
      const link = m[1].replaceAll('&amp;', '&')
      if (/^\/(assets|sign-out|static)/.test(link)) continue
      if (!seen.has(link)) queue.push(link)
    }
  }
  if (found > 10) fail(`... ${found} identifiers shown in all`)
  console.log(`partnership role: ${opened} pages opened of ${seen.size} tried; ${found} child identifiers shown`)
  await app.close()
} finally {
  await database.close()
  if (args.includes('--keep')) console.log(`kept ${dataDir}`)
  else rmSync(dataDir, { recursive: true, force: true })
}
console.log(failures ? `\n${failures} checks failed` : '\nall checks passed')
process.exit(failures ? 1 : 0)

/** The latest `recorded_at` in the area's files, so that every file imports. */
function latestRecordedAt(dir: string): string {
  let latest = ''
  for (const file of ndjsonFiles(join(dir, 'records')))
    for (const m of readFileSync(file, 'utf8').matchAll(/"recorded_at":"([^"]+)"/g)) if (m[1] > latest) latest = m[1]
  const day = new Date(Date.parse(latest.slice(0, 10)) + 2 * 86_400_000)
  return day.toISOString().slice(0, 10) + 'T12:00:00Z'
}

function ndjsonFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ndjson'))
    .map((f) => join(dir, f))
}

interface Identifiers {
  names: RegExp[]
  ids: Set<string>
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Every person record's full name, initial and family name, and identifiers, from the area's files. */
function personIdentifiers(dir: string): Identifiers {
  const names = new Set<string>()
  const ids = new Set<string>()
  for (const file of ndjsonFiles(join(dir, 'records')))
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue
      const r = JSON.parse(line) as Record<string, unknown>
      if (r.type !== 'person') continue
      const given = String(r.given_name ?? '').trim()
      const family = String(r.family_name ?? '').trim()
      if (given.length > 1 && family.length > 1) {
        names.add(`\\b${escape(given)} ${escape(family)}\\b`)
        names.add(`\\b${escape(given[0])}\\.? ${escape(family)}\\b`)
      }
      for (const k of ['source_id', 'nhs_number', 'upn', 'pnc_id']) {
        const v = String(r[k] ?? '').replaceAll(' ', '')
        // a short number could be any figure on the page
        if (v.length >= 5 && !(/^\d+$/.test(v) && v.length < 8)) ids.add(v)
      }
    }
  return { names: [...names].map((n) => new RegExp(n, 'i')), ids }
}

function identifiersIn(text: string, people: Identifiers): string[] {
  const hits: string[] = []
  const plain = text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
  for (const re of people.names) {
    const m = re.exec(plain)
    if (m) hits.push(`the name "${m[0]}"`)
  }
  const compact = plain.replaceAll(' ', '')
  for (const id of people.ids) if (compact.includes(id)) hits.push(`the identifier ${id}`)
  return hits
}
