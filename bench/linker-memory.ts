// The incremental linker's index in memory (decision 0054): heap and RSS bytes per record, measured
// as the difference before and after building the index (with global.gc()), and the time per probe,
// for the compact index (linker.ts) and the one before it (linker-reference.ts), each in a process of
// its own, alternately, in the same run.
//   node --import tsx bench/linker-memory.ts                 (100k and 1M records)
//   node --import tsx bench/linker-memory.ts --quick         (100k)
//   node --import tsx bench/linker-memory.ts 300000          (sizes named)
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { defaultModel } from '../src/linkage/default-model.ts'
import { generatePeople } from '../src/linkage/generate.ts'
import { createLinker, type Linker } from '../src/linkage/linker.ts'
import { createReferenceLinker } from '../src/linkage/linker-reference.ts'
import { loadNicknames } from '../src/linkage/nicknames-file.ts'
import type { LinkageRecord } from '../src/linkage/record.ts'

const PROBES = 2200
const WARM_UP = 200

export interface LinkerMemoryFigures {
  impl: 'compact' | 'reference'
  records: number
  heapBytesPerRecord: number
  rssBytesPerRecord: number
  buildSeconds: number
  p50Ms: number
  p99Ms: number
  maxMs: number
  cpuP50Ms: number
  cpuP99Ms: number
  /** bytes a record in typed arrays, by part (compact only) */
  parts?: Record<string, number>
}

/** The JavaScript heap and the typed arrays' buffers (held outside it). */
function heapBytes(): number {
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}

/** A string of its own (not shared with the generated record), as a row read from the database is. */
const own = (s: string) => Buffer.from(s, 'latin1').toString('latin1')

function measure(impl: 'compact' | 'reference', records: number): LinkerMemoryFigures {
  const gc = (globalThis as { gc?: () => void }).gc
  if (!gc) throw new Error('run with node --expose-gc')
  let people: LinkageRecord[] | null = generatePeople({ records: records + PROBES, seed: 99 }).records
  const probes = people.slice(records)
  const nicknames = loadNicknames()
  gc()
  gc()
  const heap0 = heapBytes()
  const rss0 = process.memoryUsage().rss
  const create = impl === 'compact' ? createLinker : createReferenceLinker
  const linker: Linker = create(defaultModel(), nicknames)
  const started = performance.now()
  for (let i = 0; i < records; i++) {
    const r = people[i]
    // about two records a person: the entity is named as incremental.ts names it (a number as a string)
    linker.add({ ...r, id: own(r.id) }, String(1_000_000 + (i >> 1)))
  }
  const buildSeconds = (performance.now() - started) / 1000
  gc()
  gc()
  const heap1 = heapBytes()
  const rss1 = process.memoryUsage().rss
  // the generated records stay alive up to here, so that the difference is the linker's alone
  if (people.length !== records + PROBES) throw new Error('records lost')
  people = null
  // the first probes compile the scorer's code paths: not timed
  for (const probe of probes.slice(0, WARM_UP)) linker.match(probe)
  const times: number[] = []
  // CPU time of the process per probe (getrusage, microseconds): the machine is shared, and a probe
  // descheduled for a time slice would otherwise set the p99
  const cpuTimes: number[] = []
  for (const probe of probes.slice(WARM_UP)) {
    const c = process.cpuUsage()
    const t = performance.now()
    linker.match(probe)
    times.push(performance.now() - t)
    const used = process.cpuUsage(c)
    cpuTimes.push((used.user + used.system) / 1000)
  }
  times.sort((x, y) => x - y)
  cpuTimes.sort((x, y) => x - y)
  if (linker.size !== records) throw new Error('records lost')
  const parts =
    'bytesByPart' in linker ? (linker as { bytesByPart(): Record<string, number> }).bytesByPart() : undefined
  return {
    parts: parts && Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, Math.round(v / records)])),
    impl,
    records,
    heapBytesPerRecord: (heap1 - heap0) / records,
    rssBytesPerRecord: (rss1 - rss0) / records,
    buildSeconds,
    p50Ms: times[Math.floor(times.length / 2)],
    p99Ms: times[Math.floor(times.length * 0.99)],
    maxMs: times[times.length - 1],
    cpuP50Ms: cpuTimes[Math.floor(cpuTimes.length / 2)],
    cpuP99Ms: cpuTimes[Math.floor(cpuTimes.length * 0.99)],
  }
}

function main(): void {
  const args = process.argv.slice(2)
  const child = args.indexOf('--child')
  if (child >= 0) {
    const figures = measure(args[child + 1] as 'compact' | 'reference', Number(args[child + 2]))
    process.stdout.write(JSON.stringify(figures) + '\n')
    return
  }
  const named = args.filter((a) => /^\d+$/.test(a)).map(Number)
  const sizes = named.length ? named : args.includes('--quick') ? [100_000] : [100_000, 1_000_000]
  const impls = args.includes('--compact-only') ? (['compact'] as const) : (['reference', 'compact'] as const)
  for (const size of sizes) {
    const got: LinkerMemoryFigures[] = []
    for (const impl of impls) {
      const run = spawnSync(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', impl, String(size)],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
      )
      if (run.status !== 0) throw new Error(`${impl} ${size}: exit ${run.status}`)
      const f = JSON.parse(run.stdout.trim().split('\n').pop()!) as LinkerMemoryFigures
      got.push(f)
      if (f.parts)
        console.log(
          `  typed arrays, bytes a record: ${Object.entries(f.parts)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}`,
        )
      console.log(
        `linker ${f.impl.padEnd(9)} ${size.toLocaleString('en-GB')} records: heap ${f.heapBytesPerRecord.toFixed(0)} B/record, ` +
          `RSS ${f.rssBytesPerRecord.toFixed(0)} B/record (aim <= 512); built in ${f.buildSeconds.toFixed(2)} s; ` +
          `match p50 ${f.p50Ms.toFixed(3)} ms, p99 ${f.p99Ms.toFixed(3)} ms (aim p99 < 5 ms), max ${f.maxMs.toFixed(1)} ms; CPU p50 ${f.cpuP50Ms.toFixed(3)} ms, p99 ${f.cpuP99Ms.toFixed(3)} ms`,
      )
    }
    const [before, after] = got
    if (after)
      console.log(
        `  compact / reference at ${size.toLocaleString('en-GB')}: heap x${(after.heapBytesPerRecord / before.heapBytesPerRecord).toFixed(2)}, ` +
          `p50 x${(after.p50Ms / before.p50Ms).toFixed(2)}, p99 x${(after.p99Ms / before.p99Ms).toFixed(2)}, CPU p99 x${(after.cpuP99Ms / before.cpuP99Ms).toFixed(2)}`,
      )
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main()
