// The network figures over many synthetic areas, wider than CI's 60-area sweep: recovery of each
// planted group, share of reported members outside any group, and whether each group was reported by the
// time the records first tied two of its children. Run as the areas are generated, and again with every
// kinship relationship removed (siblings known only from events), as agencies that never send
// relationship records would leave them. `--quick`: 200 areas instead of 1,600.
import { generateLinkArea } from '../src/networks/synthetic.ts'
import { scoreArea, sweepAreas } from '../src/networks/synthetic-score.ts'
import { suggestNetworks } from '../src/networks/suggest.ts'

const quick = process.argv.includes('--quick')
const COUNT = quick ? 200 : 1600
const FIRST_SEED = 30_000
const KIN = ['family', 'parent', 'carer', 'lives_with']

for (const variant of ['as generated', 'kinship only in events'] as const) {
  const started = performance.now()
  let groups = 0
  let late = 0
  let provisional = 0
  const failing: string[] = []
  for (const options of sweepAreas(COUNT, FIRST_SEED)) {
    const area = generateLinkArea(options)
    if (variant === 'kinship only in events')
      area.relationships = area.relationships.filter((r) => !KIN.includes(r.kind))
    const s = scoreArea(area, suggestNetworks)
    groups += s.recovery.length
    provisional += s.provisionalAtFirstTie
    const lateHere = s.inTime.filter((ok) => !ok).length
    late += lateHere
    const why = [
      ...(s.recovery.some((r) => r < 0.9) ? [`recovery ${s.recovery.map((r) => r.toFixed(2)).join(',')}`] : []),
      ...(s.outsideShare > 0.1
        ? [`outside ${(100 * s.outsideShare).toFixed(1)}% (${s.outside.length}/${s.reported})`]
        : []),
      ...(lateHere ? [`${lateHere} late`] : []),
    ]
    if (why.length) failing.push(`  ${JSON.stringify(options)}: ${why.join('; ')}`)
  }
  const seconds = (performance.now() - started) / 1000
  process.stdout.write(
    `${variant}: ${COUNT} areas, ${groups} groups in ${seconds.toFixed(1)} s: ` +
      `${failing.length} areas miss a target, ${late} groups late, ${provisional} reported at first only "for now"\n`,
  )
  for (const line of failing) process.stdout.write(`${line}\n`)
}
