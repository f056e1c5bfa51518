// Linkage benchmark: deduplicate 100,000 and 1,000,000 generated UK-style person records end to
// end, then link new records one at a time into 1,000,000 entities.
//   node --import tsx bench/linkage.ts            (100k and 1M)
//   node --import tsx bench/linkage.ts --quick    (100k only)
import { fileURLToPath } from 'node:url'
import { generatePeople, truePairs } from '../src/linkage/generate.ts'
import { loadNicknames } from '../src/linkage/nicknames-file.ts'
import { linkRecords, type Stage } from '../src/linkage/pipeline.ts'
import { createLinker } from '../src/linkage/linker.ts'
import { accuracy } from '../src/linkage/accuracy.ts'
import type { LinkageModel } from '../src/linkage/model.ts'

export interface DedupeFigures {
  records: number
  seconds: number
  /** CPU seconds of this process (the machine may be shared: wall time then overstates) */
  cpuSeconds: number
  recordsPerSecond: number
  candidatePairs: number
  pairsPerRecord: number
  scoringSeconds: number
  comparisonsPerSecond: number
  /** candidate pairs scored per CPU second of the scoring stage */
  comparisonsPerCpuSecond: number
  secondsPerPair: number
  stageSeconds: Record<string, number>
  stageCpuSeconds: Record<string, number>
  peakRssMb: number
  precision: number
  recall: number
  reachable: number
  /** candidate pairs per record each blocking rule proposed (a pair several rules find counts for each) */
  pairsPerRecordByRule: Record<string, number>
}

export interface IncrementalFigures {
  entities: number
  indexSeconds: number
  medianMs: number
  p99Ms: number
  peakRssMb: number
}

let peakRss = 0
const sampleMemory = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss))

function dedupe(records: number, seed: number): { figures: DedupeFigures; model: LinkageModel } {
  const people = generatePeople({ records, seed })
  const nicknames = loadNicknames()
  const stageStart = new Map<Stage, number>()
  const stageCpuStart = new Map<Stage, NodeJS.CpuUsage>()
  const stageSeconds: Record<string, number> = {}
  const stageCpuSeconds: Record<string, number> = {}
  const started = performance.now()
  const cpuStarted = process.cpuUsage()
  const result = linkRecords([people.records], nicknames, {
    threshold: 0.5,
    onProgress(stage, done, total) {
      sampleMemory()
      if (!stageStart.has(stage)) {
        stageStart.set(stage, performance.now())
        stageCpuStart.set(stage, process.cpuUsage())
      }
      if (done === total) {
        stageSeconds[stage] = (performance.now() - stageStart.get(stage)!) / 1000
        const cpu = process.cpuUsage(stageCpuStart.get(stage))
        stageCpuSeconds[stage] = (cpu.user + cpu.system) / 1e6
      }
    },
  })
  const seconds = (performance.now() - started) / 1000
  const cpu = process.cpuUsage(cpuStarted)
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  sampleMemory()
  const truth = [...truePairs(people)].map((k) => k.split('|') as [string, string])
  const a = accuracy(result, truth)
  const candidates = result.candidates.count
  const pairsPerRecordByRule: Record<string, number> = {}
  result.candidates.rules.forEach((rule, r) => {
    if (!rule.trainingOnly) pairsPerRecordByRule[rule.name] = result.candidates.proposedByRule[r] / records
  })
  return {
    model: result.model,
    figures: {
      records,
      seconds,
      cpuSeconds,
      recordsPerSecond: records / seconds,
      candidatePairs: candidates,
      pairsPerRecord: candidates / records,
      scoringSeconds: stageSeconds.scoring,
      comparisonsPerSecond: candidates / stageSeconds.scoring,
      comparisonsPerCpuSecond: candidates / stageCpuSeconds.scoring,
      secondsPerPair: cpuSeconds / candidates,
      stageSeconds,
      stageCpuSeconds,
      peakRssMb: peakRss / 2 ** 20,
      precision: a.precision,
      recall: a.recall,
      reachable: a.reachable / a.truePairs,
      pairsPerRecordByRule,
    },
  }
}

function incremental(model: LinkageModel, entities: number, probes: number): IncrementalFigures {
  const people = generatePeople({ records: entities + probes, seed: 99 })
  const linker = createLinker(model, loadNicknames())
  const started = performance.now()
  for (let i = 0; i < entities; i++) {
    linker.add(people.records[i], `E${people.entityOf.get(people.records[i].id)}`)
    if ((i & 0xffff) === 0) sampleMemory()
  }
  const indexSeconds = (performance.now() - started) / 1000
  const times: number[] = []
  for (let i = entities; i < entities + probes; i++) {
    const t = performance.now()
    linker.match(people.records[i])
    times.push(performance.now() - t)
  }
  sampleMemory()
  times.sort((x, y) => x - y)
  return {
    entities,
    indexSeconds,
    medianMs: times[Math.floor(times.length / 2)],
    p99Ms: times[Math.floor(times.length * 0.99)],
    peakRssMb: peakRss / 2 ** 20,
  }
}

const fmt = (x: number, digits = 2) => x.toLocaleString('en-GB', { maximumFractionDigits: digits })

export function runLinkageBench(options: { quick?: boolean; log?: (line: string) => void } = {}): {
  dedupe: DedupeFigures[]
  incremental: IncrementalFigures
} {
  const log = options.log ?? ((line: string) => console.log(line))
  const sizes = options.quick ? [100_000] : [100_000, 1_000_000]
  const results: DedupeFigures[] = []
  let model: LinkageModel | null = null
  for (const size of sizes) {
    const run = dedupe(size, 2026)
    model = run.model
    const f = run.figures
    results.push(f)
    log(
      `linkage dedupe ${fmt(size)} records: ${fmt(f.seconds)} s end to end (${fmt(f.cpuSeconds)} s CPU), ${fmt(f.recordsPerSecond, 0)} records/s; ` +
        `${fmt(f.candidatePairs, 0)} candidate pairs (${fmt(f.pairsPerRecord)} per record); ` +
        `scoring ${fmt(f.comparisonsPerSecond, 0)} comparisons/s (${fmt(f.comparisonsPerCpuSecond, 0)} per CPU second); peak RSS ${fmt(f.peakRssMb, 0)} MB; ` +
        `precision ${f.precision.toFixed(4)} recall ${f.recall.toFixed(4)} (blocking reaches ${(100 * f.reachable).toFixed(2)}%)`,
    )
    log(
      `  stages, wall s (CPU s): ${Object.entries(f.stageSeconds)
        .map(([k, v]) => `${k} ${fmt(v)} (${fmt(f.stageCpuSeconds[k])})`)
        .join(', ')}`,
    )
  }
  if (results.length === 2) {
    const [small, large] = results
    log(
      `linkage scaling 1M/100k: candidate pairs per record x${(large.pairsPerRecord / small.pairsPerRecord).toFixed(2)} (aim <= 1.5); ` +
        `CPU time per candidate pair x${(large.secondsPerPair / small.secondsPerPair).toFixed(2)} (aim <= 1.5)`,
    )
    // which rules' blocks grow with the population
    log('  pairs per record proposed by each blocking rule, 100k / 1M (x growth):')
    for (const [rule, perRecord] of Object.entries(small.pairsPerRecordByRule)) {
      const at1M = large.pairsPerRecordByRule[rule]
      log(
        `    ${rule}: ${perRecord.toFixed(3)} / ${at1M.toFixed(3)}${perRecord > 0 ? ` (x${(at1M / perRecord).toFixed(2)})` : ''}`,
      )
    }
  } else {
    log(
      `  pairs per record proposed by each blocking rule: ${Object.entries(results[0].pairsPerRecordByRule)
        .map(([rule, x]) => `${rule} ${x.toFixed(3)}`)
        .join('; ')}`,
    )
  }
  const entities = options.quick ? 100_000 : 1_000_000
  const inc = incremental(model!, entities, 2000)
  log(
    `linkage incremental into ${fmt(entities)} entities: index built in ${fmt(inc.indexSeconds)} s; ` +
      `match median ${inc.medianMs.toFixed(3)} ms, p99 ${inc.p99Ms.toFixed(3)} ms (aim p99 < 20 ms); peak RSS ${fmt(inc.peakRssMb, 0)} MB`,
  )
  return { dedupe: results, incremental: inc }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runLinkageBench({ quick: process.argv.includes('--quick') })
}
