// The wrong and the missed pairs of `threadline link` on a people set with truth, each with both rows,
// its probability and the explanation (levels and rules), grouped by the levels of the names and the
// date of birth. Usage (from the checkout):
//   THREADLINE_BUNDLE=0 node --import tsx bench/link-errors.ts SET.csv [--fp N] [--fn N]
// SET.truth-pairs.csv must lie beside SET.csv. For studying a set: a set read this way is not blind.
import { readFileSync } from 'node:fs'
import { explainPair } from '../src/linkage/explain.ts'
import { personRecordsFromCsv } from '../src/linkage/input.ts'
import { loadNicknames } from '../src/linkage/nicknames-file.ts'
import { linkRecords } from '../src/linkage/pipeline.ts'
import { PairScorer } from '../src/linkage/scorer.ts'

const args = process.argv.slice(2)
const set = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a))
if (!set) throw new Error('usage: bench/link-errors.ts SET.csv [--fp N] [--fn N]')
const opt = (name: string, fallback: number) => {
  const at = args.indexOf(name)
  return at >= 0 ? Number(args[at + 1]) : fallback
}
const showFp = opt('--fp', 40)
const showFn = opt('--fn', 20)
const text = readFileSync(set, 'utf8')
const rows = new Map<string, string>()
for (const line of text.split(/\r?\n/).slice(1)) if (line.trim()) rows.set(line.split(',')[0].replace(/^'/, ''), line)
const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`)
const truth = new Set(
  readFileSync(set.replace(/\.csv$/, '.truth-pairs.csv'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(','))
    .map(([a, b]) => key(a.replace(/^'/, ''), b.replace(/^'/, ''))),
)
const { records } = personRecordsFromCsv(text)
const result = linkRecords([records], loadNicknames(), { threshold: 0.5 })
const p = result.records
const scorer = new PairScorer(result.model, p)
const index = new Map(p.ids.map((id, i) => [id, i]))
const predicted = new Map<string, number>()
for (let x = 0; x < result.pairs.count; x++)
  predicted.set(key(p.ids[result.pairs.a[x]], p.ids[result.pairs.b[x]]), result.pairs.probability[x])

function describe(k: string, probability: number): { group: string; text: string } {
  const [a, b] = k.split('|')
  const i = index.get(a)!
  const j = index.get(b)!
  const e = explainPair(scorer, i, j)
  const level = (name: string) => e.comparisons.find((c) => c.comparison === name)?.level ?? '-'
  const rules = e.comparisons
    .filter(
      (c) =>
        !['given_name', 'family_name', 'date_of_birth', 'sex', 'nhs_number', 'identifier', 'address', 'phone'].includes(
          c.comparison,
        ),
    )
    .map((c) => `${c.comparison} ${c.weight.toFixed(1)}`)
  const group = `given=${level('given_name')} | family=${level('family_name')} | dob=${level('date_of_birth')}`
  const detail = e.comparisons.map((c) => `${c.comparison}=${c.level}:${c.weight.toFixed(1)}`).join('; ')
  return {
    group,
    text: `  p=${probability.toFixed(4)} ${rules.join(', ')}\n    ${rows.get(a)}\n    ${rows.get(b)}\n    ${detail}`,
  }
}

function report(title: string, keys: [string, number][], show: number): void {
  const groups = new Map<string, { text: string }[]>()
  for (const [k, prob] of keys) {
    const d = describe(k, prob)
    const list = groups.get(d.group) ?? []
    list.push(d)
    groups.set(d.group, list)
  }
  console.log(`\n### ${title}: ${keys.length}`)
  const sorted = [...groups.entries()].sort((x, y) => y[1].length - x[1].length)
  for (const [g, list] of sorted) console.log(`${String(list.length).padStart(5)}  ${g}`)
  let shown = 0
  for (const [g, list] of sorted) {
    if (shown >= show) break
    console.log(`\n-- ${g}`)
    for (const d of list.slice(0, Math.max(3, Math.ceil(show / sorted.length)))) {
      console.log(d.text)
      shown++
    }
  }
}

const fps: [string, number][] = [...predicted].filter(([k]) => !truth.has(k))
const fns: [string, number][] = []
for (const k of truth) {
  if (predicted.has(k)) continue
  const [a, b] = k.split('|')
  if (!index.has(a) || !index.has(b)) continue
  fns.push([k, NaN])
}
const tp = predicted.size - fps.length
console.log(
  `${set}: predicted ${predicted.size}, tp ${tp}, fp ${fps.length}, fn ${fns.length}, precision ${(tp / predicted.size).toFixed(4)}, recall ${(tp / truth.size).toFixed(4)}`,
)
report('wrong pairs', fps, showFp)
report('missed pairs', fns, showFn)

// right and wrong pairs written, by the levels of the names and the date of birth
const byGroup = new Map<string, [number, number]>()
for (const [k, prob] of predicted) {
  const g = describe(k, prob).group
  const c = byGroup.get(g) ?? [0, 0]
  c[truth.has(k) ? 0 : 1]++
  byGroup.set(g, c)
}
console.log('\n### pairs written by levels: right / wrong')
for (const [g, [right, wrong]] of [...byGroup].sort((x, y) => y[1][1] - x[1][1]))
  if (wrong > 0) console.log(`${String(right).padStart(5)} ${String(wrong).padStart(5)}  ${g}`)

// --right PATTERN: the right pairs written whose group contains PATTERN
const rightPattern = args.includes('--right') ? args[args.indexOf('--right') + 1] : null
if (rightPattern) {
  console.log(`\n### right pairs written matching "${rightPattern}"`)
  for (const [k, prob] of predicted) {
    if (!truth.has(k)) continue
    const d = describe(k, prob)
    if (d.group.includes(rightPattern)) console.log(d.text)
  }
}

// --levels COMPARISON: right / wrong pairs written by the level of one comparison
const levelsOf = args.includes('--levels') ? args[args.indexOf('--levels') + 1] : null
if (levelsOf) {
  const counts = new Map<string, [number, number]>()
  for (const [k, prob] of predicted) {
    const [a, b] = k.split('|')
    const e = explainPair(scorer, index.get(a)!, index.get(b)!)
    const level = e.comparisons.find((c) => c.comparison === levelsOf)?.level ?? '-'
    const c = counts.get(level) ?? [0, 0]
    c[truth.has(k) ? 0 : 1]++
    counts.set(level, c)
    void prob
  }
  console.log(`\n### ${levelsOf}: right / wrong`)
  for (const [l, [r, w]] of counts) console.log(`${String(r).padStart(5)} ${String(w).padStart(5)}  ${l}`)
}
