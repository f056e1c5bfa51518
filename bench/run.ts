// `npm run bench`: every benchmark, one process each (so that memory figures are each its own),
// printing figures as ratios against a baseline measured in the same run. `--quick` for smaller
// sizes; name benchmarks to run only those (`npm run bench -- import chronology`). Any other
// argument is passed to the benchmarks named (`npm run bench -- language fresh.jsonl`). `region` (the
// regional benchmark: `npm run bench -- region --children 30000 --db pg`) runs only when named.
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const ALL = [
  'import',
  'chronology',
  'linkage',
  'linkage-import',
  'linker-memory',
  'risk',
  'risk-db',
  'networks',
  'networks-sweep',
  'link-chart',
  'person-pages',
  'link-pages',
  'language',
  'language-chronology',
  'demo-area',
  'returns-linkage',
  'saves',
  'lists',
]
/** Run only when named: the regional benchmark takes up to 90 minutes at its full size (bench/region.ts). */
const NAMED_ONLY = ['region']
const KNOWN = [...ALL, ...NAMED_ONLY]
const args = process.argv.slice(2)
const quick = args.includes('--quick')
const chosen = args.filter((a) => KNOWN.includes(a))
const passed = args.filter((a) => !KNOWN.includes(a) && a !== '--quick')
if (passed.length && !chosen.length) {
  process.stderr.write(`name the benchmark that reads ${passed.join(' ')} (one of ${KNOWN.join(', ')})\n`)
  process.exit(2)
}
const run = chosen.length ? KNOWN.filter((b) => chosen.includes(b)) : ALL
let failed = 0
for (const name of run) {
  process.stdout.write(`\n=== ${name} (${new Date().toISOString()})\n`)
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(here, `${name}.ts`), ...passed, ...(quick ? ['--quick'] : [])],
    { stdio: 'inherit' },
  )
  if (result.status !== 0) {
    failed++
    process.stdout.write(`${name}: failed (exit ${result.status})\n`)
  }
}
process.exit(failed ? 1 : 0)
