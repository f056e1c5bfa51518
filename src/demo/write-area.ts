// Writes a generated area as one NDJSON file per agency plus truth.json, for trying imports by hand:
//   node --import tsx src/demo/write-area.ts OUTDIR [--children N] [--seed S] [--exploited-share P] [--groups G] [--hard-variants P]
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { generateArea } from './generate-area.ts'
import { writeAreaNdjson } from './ndjson.ts'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    children: { type: 'string' },
    seed: { type: 'string' },
    'exploited-share': { type: 'string' },
    groups: { type: 'string' },
    'hard-variants': { type: 'string' },
    end: { type: 'string' },
    years: { type: 'string' },
  },
})
const out = positionals[0]
if (!out) {
  process.stderr.write(
    'usage: node --import tsx src/demo/write-area.ts OUTDIR [--children N] [--seed S] [--exploited-share P] [--groups G] [--hard-variants P] [--end YYYY-MM-DD] [--years Y]\n',
  )
  process.exit(2)
}
const num = (v: string | undefined) => (v === undefined ? undefined : Number(v))
const options = Object.fromEntries(
  Object.entries({
    children: num(values.children),
    seed: values.seed,
    exploitedShare: num(values['exploited-share']),
    groups: num(values.groups),
    hardVariantShare: num(values['hard-variants']),
    end: values.end,
    years: num(values.years),
  }).filter(([, v]) => v !== undefined),
)
const started = Date.now()
const area = generateArea(options)
mkdirSync(out, { recursive: true })
for (const [code, text] of writeAreaNdjson(area)) writeFileSync(join(out, `${code}.ndjson`), text)
writeFileSync(join(out, 'truth.json'), JSON.stringify(area.truth, null, 1))
writeFileSync(join(out, 'agencies.json'), JSON.stringify(area.agencies, null, 1))
process.stderr.write(
  `${area.objects.length} objects for ${area.truth.children.length} children from ${area.agencies.length} agencies written to ${out} in ${Date.now() - started} ms\n`,
)
