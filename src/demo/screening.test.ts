// The test area must be screenable but not trivially: a plain SERAF-style yardstick should find
// nearly every later-exploited child before their first exploitation event is recorded while
// flagging few others, and those others must exist (children with needs who are never exploited).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { generateArea, TEST_OPTIONS } from './generate-area.ts'
import { evidenceByChild, screeningFigures } from './seraf-reference.ts'
import { parseIso } from './london-time.ts'

const area = generateArea(TEST_OPTIONS)

test('later-exploited children show rising signs from several agencies before the first event', () => {
  const byAgency = new Map<string, Set<string>>()
  const cutoff = new Map(area.truth.exploited.map((x) => [x.child, parseIso(x.firstRecordedAt)]))
  for (const o of area.objects) {
    if (o.type !== 'event' || !o.recorded_at || !(o.indicators as string[] | undefined)?.length) continue
    const child = area.truth.personOf[`${o.agency}:${o.subject}`]
    const before = cutoff.get(child)
    if (before === undefined || parseIso(o.recorded_at) >= before) continue
    if (!byAgency.has(child)) byAgency.set(child, new Set())
    byAgency.get(child)!.add(o.agency)
  }
  const clear = area.truth.exploited.filter((x) => !x.faint)
  const several = clear.filter((x) => (byAgency.get(x.child)?.size ?? 0) >= 2)
  assert.ok(several.length >= 0.9 * clear.length, `${several.length} of ${clear.length} with signs from 2+ agencies`)
})

test('a plain screening finds 90%+ early with at most 5% false flags, and is not trivially easy', () => {
  const f = screeningFigures(area.objects, area.truth)
  assert.equal(f.exploited, 100)
  assert.ok(f.detectionRate >= 0.9, `detection ${f.detectionRate}`)
  assert.ok(f.detectionRate < 1, 'some exploited children show faint signs only')
  assert.ok(f.falseFlagRate <= 0.05, `false flags ${f.falseFlagRate}`)
  assert.ok(f.falseFlagRate >= 0.005, `false flags ${f.falseFlagRate}: the never-exploited are too easy`)
  assert.ok(f.medianLeadDays !== null && f.medianLeadDays > 30, `median lead ${f.medianLeadDays} days`)
})

test('many never-exploited children have vulnerabilities on record', () => {
  const exploited = new Set(area.truth.exploited.map((x) => x.child))
  const evidence = evidenceByChild(area.objects, area.truth)
  const vulnerable = area.truth.children.filter(
    (c) =>
      !exploited.has(c) &&
      (evidence.get(c) ?? []).some((e) =>
        [
          'domestic_abuse_at_home',
          'substance_misuse_at_home',
          'parental_mental_health',
          'family_breakdown',
          'looked_after',
        ].includes(e.item),
      ),
  )
  assert.ok(
    vulnerable.length > 0.08 * area.truth.children.length,
    `${vulnerable.length} vulnerable never-exploited children`,
  )
})

test('some concerns go unanswered, and the truth lists them', () => {
  const exploited = new Set(area.truth.exploited.map((x) => x.child))
  const unanswered = area.truth.unanswered.filter(
    (u) => u.respondedAt === null || parseIso(u.respondedAt) - parseIso(u.triggeredAt) > 21 * 86400_000,
  )
  assert.ok(unanswered.filter((u) => exploited.has(u.child)).length >= 20, `${unanswered.length} unanswered`)
  for (const u of area.truth.unanswered) {
    const agencies = new Set(u.concerns.map((r) => r.split(':')[0]))
    assert.ok(u.concerns.length >= 3 && agencies.size >= 2)
  }
})
