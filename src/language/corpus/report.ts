// Prints the checker's figures on both corpus splits:
//   node --import tsx src/language/corpus/report.ts [--misses]
// --misses lists the tuning split's misses and false flags only: the held-out split is scored,
// never read sentence by sentence, so that its figure stays a fair estimate.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseCorpus, score } from './evaluate.ts'

export function corpusFile(name: 'tuning' | 'held-out'): string {
  return fileURLToPath(new URL(`./${name}.jsonl`, import.meta.url))
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const name of ['tuning', 'held-out'] as const) {
    const s = score(parseCorpus(readFileSync(corpusFile(name), 'utf8')))
    console.log(
      `${name}: harmful found ${s.found}/${s.harmful} (${pct(s.recall)}), careful flagged ${s.flagged}/${s.careful} (${pct(s.falsePositiveRate)})`,
    )
    if (name === 'tuning' && process.argv.includes('--misses')) {
      for (const m of s.missed) console.log(`  MISSED ${m.id}: ${m.text}`)
      for (const f of s.wronglyFlagged)
        console.log(
          `  FLAGGED ${f.entry.id}: ${f.entry.text}  <- ${f.findings.map((x) => `${x.rule}:"${x.phrase}"`).join(', ')}`,
        )
    }
  }
}
