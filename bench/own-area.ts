// Writes a generated area (src/demo/generate-area.ts) in the shape the area scorer reads
// (bench/score-linkage-area.mjs): one NDJSON file per agency and year of recorded_at, an IMPORT.sh that
// runs only `migrate`, `agencies add` and `import`, year by year, and truth.csv (agency, source_id,
// person_id, is_child). Our own linkage test areas; the scorer's own areas are written elsewhere.
//   node --import tsx bench/own-area.ts OUTDIR [--children N] [--seed S] [--hard-variants P]
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { generateArea } from '../src/demo/generate-area.ts'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { children: { type: 'string' }, seed: { type: 'string' }, 'hard-variants': { type: 'string' } },
})
const out = positionals[0]
if (!out) {
  process.stderr.write(
    'usage: node --import tsx bench/own-area.ts OUTDIR [--children N] [--seed S] [--hard-variants P]\n',
  )
  process.exit(2)
}
const area = generateArea({
  children: Number(values.children ?? 400),
  seed: values.seed ?? 'own-area-1',
  hardVariantShare: Number(values['hard-variants'] ?? 0.3),
  exploitedShare: 0.05,
  groups: 4,
})
mkdirSync(out, { recursive: true })
// files by year of recorded_at; an object without one goes with the one before it from its agency
const files = new Map<string, string[]>()
const lastYear = new Map<string, string>()
for (const o of area.objects) {
  const year = o.recorded_at ? o.recorded_at.slice(0, 4) : (lastYear.get(o.agency) ?? area.truth.start.slice(0, 4))
  lastYear.set(o.agency, year)
  const name = `${year}-${o.agency}.ndjson`
  if (!files.has(name)) files.set(name, [])
  files.get(name)!.push(JSON.stringify(o))
}
const names = [...files.keys()].sort()
for (const name of names) writeFileSync(join(out, name), files.get(name)!.join('\n') + '\n')
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`
const script = [
  '#!/bin/sh',
  'set -e',
  'DIR=$(cd "$(dirname "$0")" && pwd)',
  '$THREADLINE_CLI migrate',
  ...area.agencies.map((a) => `$THREADLINE_CLI agencies add ${a.code} --name ${q(a.name)} --kind ${a.kind} >/dev/null`),
  ...names.map((n) => `$THREADLINE_CLI import "$DIR/${n}" --skip-invalid >/dev/null`),
]
writeFileSync(join(out, 'IMPORT.sh'), script.join('\n') + '\n')
const children = new Set(area.truth.children)
const truth = ['agency,source_id,person_id,is_child']
for (const [ref, person] of Object.entries(area.truth.personOf)) {
  const at = ref.indexOf(':')
  truth.push(`${ref.slice(0, at)},${ref.slice(at + 1)},${person},${children.has(person) ? 1 : 0}`)
}
writeFileSync(join(out, 'truth.csv'), truth.join('\n') + '\n')
process.stderr.write(
  `${area.objects.length} objects, ${area.truth.people.length} people (${children.size} children), ${names.length} files written to ${out}\n`,
)
