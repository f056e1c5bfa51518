// Early warning on a synthetic area whose outcome is known (src/risk/synthetic.ts).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { detectionFigures } from './detection.ts'
import { deriveEvidence } from './evidence.ts'
import { serafCse } from './seraf-cse.ts'
import { syntheticArea, type SyntheticEvent } from './synthetic.ts'
import { trajectory } from './trajectory.ts'

test('flags ≥ 90% of later-exploited children at band 2 before the first exploitation is recorded, ≤ 5% of the others', () => {
  const area = syntheticArea({ seed: 7, children: 4000, exploitedShare: 0.08 })
  const byChild = new Map<string, SyntheticEvent[]>()
  for (const e of area.events) {
    let list = byChild.get(e.child)
    if (!list) byChild.set(e.child, (list = []))
    list.push(e)
  }
  const context = { isAdult: (ref: string) => area.adults.has(ref) }
  const figures = detectionFigures(
    area.children.map((c) => {
      const t = trajectory(serafCse, deriveEvidence(byChild.get(c.id) ?? [], context), c.dateOfBirth)
      return {
        exploitedRecordedAt: c.exploited ? Date.parse(c.exploited.firstRecordedAt) : null,
        firstFlaggedAt: t.firstFlaggedAt(2)?.getTime() ?? null,
      }
    }),
  )
  process.stdout.write(
    `synthetic area: ${figures.exploited} exploited, detected ${(100 * figures.detectionRate).toFixed(1)}%, ` +
      `false flags ${(100 * figures.falseFlagRate).toFixed(1)}% of ${figures.neverExploited}, median lead ${figures.medianLeadDays?.toFixed(0)} days`,
  )
  assert.ok(figures.exploited >= 100)
  assert.ok(figures.detectionRate >= 0.9, `detection ${figures.detectionRate}`)
  assert.ok(figures.falseFlagRate <= 0.05, `false flags ${figures.falseFlagRate}`)
})
