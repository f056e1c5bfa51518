// Sentences checked per second on one core (target: 10,000/s or more).
//   node --import tsx bench/language.ts [seconds]
// Runs the checker over the language corpus (harmful and careful sentences alike, with and without
// dates of birth) for a fixed time after a warm-up, on this one thread.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { checkText } from '../src/language/check.ts'
import { parseCorpus, type CorpusEntry } from '../src/language/corpus/evaluate.ts'
import { corpusFile } from '../src/language/corpus/report.ts'

export interface LanguageBench {
  sentences: number
  seconds: number
  perSecond: number
  findings: number
}

export function benchLanguage(seconds = 3, entries: CorpusEntry[] = loadCorpus()): LanguageBench {
  const run = (budgetMs: number) => {
    let sentences = 0
    let findings = 0
    const started = performance.now()
    while (performance.now() - started < budgetMs) {
      for (const e of entries) findings += checkText(e.text, { childDob: e.child_dob, date: e.date }).length
      sentences += entries.length
    }
    return { sentences, findings, elapsed: (performance.now() - started) / 1000 }
  }
  run(500) // warm-up: let the JIT settle before measuring
  const r = run(seconds * 1000)
  return { sentences: r.sentences, seconds: r.elapsed, perSecond: r.sentences / r.elapsed, findings: r.findings }
}

function loadCorpus(): CorpusEntry[] {
  return (['tuning', 'held-out'] as const).flatMap((n) => parseCorpus(readFileSync(corpusFile(n), 'utf8')))
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = benchLanguage(Number(process.argv[2] ?? 3))
  console.log(
    `language check: ${r.sentences} sentences in ${r.seconds.toFixed(2)} s = ${Math.round(r.perSecond)} sentences/s on one core (target 10000/s; ${(r.perSecond / 10000).toFixed(1)}x)`,
  )
}
