// The language checker's figures on a labelled set, and sentences checked per second on one core.
//   npm run bench -- language [FILE.jsonl...]        (or node --import tsx bench/language.ts [FILE...] [seconds])
// With a file of lines {"id", "text", "child_dob"?, "date"?, "label": "harmful"|"careful", "category"?}
// (a fresh set written by someone who has not seen the rules), prints the share of harmful sentences
// found and of careful ones wrongly flagged (a finding of any severity), overall and by category.
// Then runs the checker over the language corpus for a fixed time after a warm-up, on this one
// thread (target: 10,000 sentences/s or more).
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { checkText } from '../src/language/check.ts'
import { parseCorpus, score, type CorpusEntry, type Score } from '../src/language/corpus/evaluate.ts'
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

/**
 * Long texts (a pasted document, a run of one letter): the time to check 80,000 characters against
 * 10,000 of the same shape, per character. 1.0 is linear; the checker was once quadratic (a letter run
 * of 3 MB held a server for days), so this ratio must stay near 1.
 */
export function benchLongTexts(): { shape: string; small: number; large: number; perCharRatio: number }[] {
  const shapes: [string, (n: number) => string][] = [
    ['one letter run', (n) => 'A'.repeat(n)],
    ['one long sentence', (n) => 'she went out with them again '.repeat(Math.ceil(n / 29)).slice(0, n)],
    ['many findings', (n) => 'She went out with her older boyfriend. '.repeat(Math.ceil(n / 39)).slice(0, n)],
  ]
  checkText('warm up')
  return shapes.map(([shape, make]) => {
    const time = (n: number) => {
      const text = make(n)
      const started = performance.now()
      checkText(text)
      return performance.now() - started
    }
    const small = time(10_000)
    const large = time(80_000)
    return { shape, small, large, perCharRatio: large / 8 / Math.max(small, 0.001) }
  })
}

const pct = (n: number, of: number) => `${n}/${of} = ${of ? ((n / of) * 100).toFixed(1) : '0.0'}%`

export function printScore(file: string, s: Score): void {
  console.log(`${file}`)
  console.log(`  harmful found:          ${pct(s.found, s.harmful)}`)
  console.log(`  careful wrongly flagged: ${pct(s.flagged, s.careful)}`)
  for (const c of s.byCategory)
    console.log(
      `    ${c.label.padEnd(8)} ${c.category.padEnd(20)} ${c.label === 'harmful' ? 'found' : 'flagged'} ${pct(c.withFindings, c.sentences)}`,
    )
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'))
  const files = args.filter((a) => !/^\d+(\.\d+)?$/.test(a))
  for (const file of files) printScore(file, score(parseCorpus(readFileSync(file, 'utf8'))))
  const r = benchLanguage(Number(args.find((a) => /^\d+(\.\d+)?$/.test(a)) ?? 3))
  console.log(
    `language check: ${r.sentences} sentences in ${r.seconds.toFixed(2)} s = ${Math.round(r.perSecond)} sentences/s on one core (target 10000/s; ${(r.perSecond / 10000).toFixed(1)}x)`,
  )
  for (const l of benchLongTexts())
    console.log(
      `long text, ${l.shape}: 10,000 characters ${l.small.toFixed(0)} ms, 80,000 ${l.large.toFixed(0)} ms; time per character 80k/10k = ${l.perCharRatio.toFixed(2)} (1 is linear; target under 2)`,
    )
}
