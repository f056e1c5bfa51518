// `threadline link FILE [FILE2] --out PAIRS.csv [--clusters-out CLUSTERS.csv] [--threshold P]`
// `threadline link --explain ID_A,ID_B FILE [FILE2]`
// Trains on the input itself, without labels, and never reads ground truth.
import { readFileSync, writeFileSync } from 'node:fs'
import type { Command } from 'commander'
import { CliError } from '../cli/errors.ts'
import { formatFrom, formatOption } from '../cli/options.ts'
import { csvChunks, formatRows, type Cell, type Row } from '../cli/output.ts'
import { progressBar, type Progress } from '../cli/progress.ts'
import { explainPair } from './explain.ts'
import { personRecordsFromCsv, PersonFileError } from './input.ts'
import { modelFromJson, modelToJson, type LinkageModel } from './model.ts'
import { loadNicknames } from './nicknames-file.ts'
import { linkRecords, type Stage } from './pipeline.ts'
import type { LinkageRecord } from './record.ts'
import { PairScorer } from './scorer.ts'
import { must } from '../errors/must.ts'
import { describeError } from '../errors/describe.ts'

interface LinkOptions {
  out?: string
  clustersOut?: string
  threshold?: string
  explain?: string
  model?: string
  saveModel?: string
  format?: string
}

export function registerLinkCommands(program: Command): void {
  program
    .command('link')
    .description('find the records of one person: duplicates within FILE, or links between FILE and FILE2')
    .argument('<file>', 'person CSV (Threadline person columns or FEBRL columns)')
    .argument('[file2]', 'a second person CSV: link across the two files')
    .option(
      '--out <pairs.csv>',
      'write pairs at or above the threshold: id_a,id_b,match_probability ("-" for standard output)',
    )
    .option('--clusters-out <clusters.csv>', 'write the person of each record: record_id,entity_id')
    .option('--threshold <p>', 'lowest match probability of a pair written (0 to 1)', '0.5')
    .option('--explain <ids>', "ID_A,ID_B: show each comparison's level and weight for this pair")
    .option('--model <model.json>', 'use a model trained before instead of training on the input')
    .option('--save-model <model.json>', 'write the trained model (JSON) to this file')
    .addOption(formatOption())
    .action((file: string, file2: string | undefined, opts: LinkOptions) =>
      runLink([file, ...(file2 ? [file2] : [])], opts),
    )
}

function runLink(files: string[], opts: LinkOptions): void {
  const threshold = Number(opts.threshold ?? '0.5')
  if (
    !/^\s*[0-9.eE+-]+\s*$/.test(opts.threshold ?? '0.5') ||
    !Number.isFinite(threshold) ||
    threshold < 0 ||
    threshold > 1
  ) {
    throw new CliError(`--threshold "${opts.threshold}" is not a probability (expected a number from 0 to 1)`, 2)
  }
  let explainIds: [string, string] | null = null
  if (opts.explain !== undefined) {
    const ids = opts.explain.split(',').map((s) => s.trim())
    if (ids.length !== 2 || !ids[0] || !ids[1])
      throw new CliError(`--explain "${opts.explain}" is not two record ids (expected ID_A,ID_B)`, 2)
    explainIds = [ids[0], ids[1]]
  } else if (!opts.out) {
    throw new CliError('--out PAIRS.csv is required (or --explain ID_A,ID_B)', 2)
  }
  const sets = files.map(readPersonFile)
  const model = opts.model ? readModel(opts.model) : undefined
  const started = Date.now()
  const bars = stageBars()
  const result = linkRecords(sets, loadNicknames(), { threshold, model, onProgress: bars.update })
  bars.stop()
  if (opts.saveModel) writeFileSync(opts.saveModel, modelToJson(result.model) + '\n')
  const p = result.records
  if (explainIds) {
    const index = new Map(p.ids.map((id, i) => [id, i]))
    const [a, b] = explainIds.map((id) => {
      const i = index.get(id)
      if (i === undefined) throw new CliError(`record "${id}" is not in ${files.join(' or ')}`)
      return i
    })
    const explanation = explainPair(new PairScorer(result.model, p), a, b)
    const rows: Row[] = [
      {
        comparison: 'prior',
        level: String(rounded(result.model.lambda, 12)),
        weight: rounded(explanation.prior, 4),
        match_probability: null,
      },
      ...explanation.comparisons.map((c) => ({
        comparison: c.comparison,
        level: c.level,
        weight: rounded(c.weight, 4),
        match_probability: null,
      })),
      {
        comparison: 'total',
        level: String(rounded(explanation.probability, 6)),
        weight: rounded(explanation.totalWeight, 4),
        match_probability: rounded(explanation.probability, 6),
      },
    ]
    process.stdout.write(
      formatRows(['comparison', 'level', 'weight', 'match_probability'], rows, formatFrom(opts.format)),
    )
    return
  }
  writePairs(must(opts.out, 'the --out file (checked above)'), result)
  if (opts.clustersOut) {
    const rows = Array.from({ length: p.size }, (_, i) => [p.ids[i], p.ids[result.entities[i]]])
    writeCsv(opts.clustersOut, ['record_id', 'entity_id'], rows)
  }
  const entities = new Set(result.entities).size
  const seconds = (Date.now() - started) / 1000
  process.stderr.write(
    `link: ${p.size} records from ${files.join(' and ')}; ${result.candidates.count} candidate pairs compared; ` +
      `${result.pairs.count} pairs at or above ${threshold}; ${entities} people; ${seconds.toFixed(1)} s` +
      `${opts.model ? '' : ` (trained on the input: ${result.model.trainedOn.emIterations} EM iterations, prior ${result.model.lambda.toExponential(2)})`}\n`,
  )
}

function rounded(x: number, digits: number): number {
  return Number(x.toFixed(digits))
}

function readPersonFile(file: string): LinkageRecord[] {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    throw new CliError(`cannot read ${file}: no such file`)
  }
  try {
    return personRecordsFromCsv(text).records
  } catch (error) {
    if (error instanceof PersonFileError) throw new CliError(`${file}: ${error.message}`)
    throw new CliError(`${file}: not a CSV file (${describeError(error)})`)
  }
}

function readModel(file: string): LinkageModel {
  try {
    return modelFromJson(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new CliError(`${file}: not a linkage model (${describeError(error)})`)
  }
}

function writePairs(out: string, result: ReturnType<typeof linkRecords>): void {
  const { pairs, records } = result
  const rows: [string, string, number][] = []
  for (let x = 0; x < pairs.count; x++) {
    rows.push([records.ids[pairs.a[x]], records.ids[pairs.b[x]], rounded(pairs.probability[x], 6)])
  }
  writeCsv(out, ['id_a', 'id_b', 'match_probability'], rows)
}

/** RFC 4180 with a header, by the one CSV writer, in chunks so that a million rows stay cheap. */
function writeCsv(out: string, columns: string[], rows: readonly Cell[][]): void {
  const chunks = csvChunks(columns, rows)
  if (out === '-') for (const c of chunks) process.stdout.write(c)
  else writeFileSync(out, chunks.join(''))
}

function stageBars(): { update: (stage: Stage, done: number, total: number) => void; stop: () => void } {
  let current: Stage | null = null
  let bar: Progress | null = null
  return {
    update(stage, done, total) {
      if (stage !== current || bar === null) {
        bar?.stop()
        current = stage
        bar = progressBar(stage.padEnd(10), total, stage === 'scoring' ? 'pairs' : 'steps')
      }
      bar.update(done)
    },
    stop() {
      bar?.stop()
    },
  }
}
