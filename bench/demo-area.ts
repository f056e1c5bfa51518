// Figures for the synthetic area generator (src/demo): generation time at several sizes, and how a
// plain SERAF-style yardstick screens the test area (detection, false flags, median lead time).
//   node --import tsx bench/demo-area.ts
import { generateArea, DEMO_OPTIONS, TEST_OPTIONS } from '../src/demo/generate-area.ts'
import { screeningFigures } from '../src/demo/seraf-reference.ts'

function time<T>(run: () => T): [T, number] {
  const started = performance.now()
  const value = run()
  return [value, performance.now() - started]
}

generateArea({ ...TEST_OPTIONS, children: 200, seed: 'warm-up' })
for (const [label, options] of [
  ['demo', DEMO_OPTIONS],
  ['test 2,000', TEST_OPTIONS],
  ['test 10,000', { ...TEST_OPTIONS, children: 10_000, groups: 60 }],
] as const) {
  const [area, ms] = time(() => generateArea(options))
  const events = area.objects.filter((o) => o.type === 'event').length
  console.log(
    `${label}: ${area.truth.children.length} children with records, ${area.truth.people.length} people, ${area.objects.length} objects (${events} events) in ${Math.round(ms)} ms (${Math.round(area.objects.length / (ms / 1000))} objects/s)`,
  )
  const [f, sms] = time(() => screeningFigures(area.objects, area.truth))
  console.log(
    `  yardstick: detected ${f.detected}/${f.exploited} (${(100 * f.detectionRate).toFixed(1)}%) before the first exploitation was recorded; false flags ${f.falseFlags}/${f.neverExploited} (${(100 * f.falseFlagRate).toFixed(1)}%); median lead ${f.medianLeadDays} days [${Math.round(sms)} ms]`,
  )
}
