// A plain SERAF-style scorer used only to check that generated areas are neither trivial nor
// impossible to screen: it is a yardstick for the generator, not Threadline's risk engine.
import type { AreaTruth, WireObject } from './area-types.ts'
import { parseIso, YEAR } from './london-time.ts'
import { currentObjects } from './truth.ts'
import { detectionFigures, type DetectionFigures } from '../risk/detection.ts'

const VULNERABILITIES = new Set([
  'family_breakdown',
  'domestic_abuse_at_home',
  'substance_misuse_at_home',
  'parental_mental_health',
  'low_self_esteem',
  'isolated',
  'looked_after',
  'abuse_or_neglect',
])
const SIGNIFICANT = new Set([
  'missing',
  'vehicle_unknown_adults',
  'gifts_money',
  'hotspot_location',
  'older_associates',
  'sexualised_behaviour',
  'pregnancy',
])
const DERIVED: Record<string, string> = {
  missing_episode: 'missing',
  sexual_health: 'sti',
  school_absence: 'school_disengagement',
  school_exclusion: 'school_disengagement',
  disclosure_withdrawn: 'disclosure_withdrawn',
  looked_after_start: 'looked_after',
  self_harm: 'self_harm',
  substance_misuse: 'drug_misuse',
  pregnancy: 'pregnancy',
  cp_plan_start: 'abuse_or_neglect',
}

interface Evidence {
  item: string
  at: number
  recorded: number
}

/** Evidence items per child, from indicators and what kinds and involvements imply. */
export function evidenceByChild(objects: WireObject[], truth: AreaTruth): Map<string, Evidence[]> {
  const { current } = currentObjects(objects)
  const role = new Map(truth.people.map((p) => [p.id, p.role]))
  const out = new Map<string, Evidence[]>()
  for (const o of current.values()) {
    if (o.type !== 'event') continue
    const child = truth.personOf[`${o.agency}:${o.subject}`]
    if (role.get(child) !== 'child') continue
    const at = parseIso(o.occurred_at as string)
    const recorded = o.recorded_at ? parseIso(o.recorded_at) : Infinity
    const items = new Set<string>((o.indicators as string[] | undefined) ?? [])
    const derived = DERIVED[o.kind as string]
    if (derived) items.add(derived)
    for (const inv of (o.involves as Record<string, unknown>[] | undefined) ?? []) {
      if (typeof inv.vehicle === 'string') items.add('vehicle_unknown_adults')
      if (typeof inv.person === 'string' && (inv.role === 'found_with' || inv.role === 'suspect'))
        items.add('older_associates')
    }
    let list = out.get(child)
    if (!list) out.set(child, (list = []))
    for (const item of items) list.push({ item, at, recorded })
  }
  return out
}

export function scoreAt(evidence: Evidence[], asOf: number): number {
  const known = evidence.filter((e) => e.recorded <= asOf && e.at <= asOf)
  const half = asOf - YEAR / 2
  const year = asOf - YEAR
  let score = 0
  const items = new Set(known.map((e) => e.item))
  for (const item of items) {
    const ev = known.filter((e) => e.item === item)
    if (VULNERABILITIES.has(item)) score += 1
    else if (SIGNIFICANT.has(item)) {
      const recent = ev.some((e) => e.at > half)
      const older = ev.some((e) => e.at > year && e.at <= half)
      score += recent && older ? 6 : recent ? 5 : older ? 1 : 0
    } else if (ev.some((e) => e.at > half)) score += 1
  }
  return score
}

/** First time (recorded) the child scored at least `min`, before `before`; null if never. */
export function firstFlagged(evidence: Evidence[], before = Infinity, min = 6): number | null {
  const times = [...new Set(evidence.map((e) => Math.max(e.recorded, e.at)))]
    .filter((t) => t < before)
    .sort((a, b) => a - b)
  for (const t of times) if (scoreAt(evidence, t) >= min) return t
  return null
}

/** How the yardstick does on an area: detection before the first exploitation event is recorded. */
export function screeningFigures(objects: WireObject[], truth: AreaTruth): DetectionFigures {
  const evidence = evidenceByChild(objects, truth)
  const exploited = new Map(truth.exploited.map((x) => [x.child, parseIso(x.firstRecordedAt)]))
  // counted as the product counts its own detection (risk/detection.ts), so the two figures compare
  return detectionFigures(
    truth.children.map((child) => {
      const cutoff = exploited.get(child)
      return { exploitedRecordedAt: cutoff ?? null, firstFlaggedAt: firstFlagged(evidence.get(child) ?? [], cutoff) }
    }),
  )
}
