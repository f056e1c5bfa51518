// Places of concern (contextual safeguarding): places where several children were found, seen or
// picked up, with how many children each month. Counted from the links, never inferred.
import { londonDate } from '../config/clock.ts'
import { recordedBy } from './as-of.ts'
import { millis } from './nodes.ts'
import type { Instant, LinkFact, Population } from './types.ts'

export interface PlaceOfConcern {
  key: string
  children: string[]
  links: number
  agencies: string[]
  roles: string[]
  firstOccurred: Date
  lastOccurred: Date
  /** Distinct children per month (YYYY-MM) in which any was tied to the place. */
  byMonth: { month: string; children: number; links: number }[]
}

export function placesOfConcern(
  facts: readonly LinkFact[],
  options: { population: Population; asOf?: Instant; minChildren?: number },
): PlaceOfConcern[] {
  const min = options.minChildren ?? 2
  const byPlace = new Map<string, LinkFact[]>()
  for (const f of recordedBy(facts, options.asOf)) {
    if (f.memberKind !== 'location' || !options.population.children.has(f.personEntityId)) continue
    // a professional's visit to a child's home is not the place's concern
    if (f.role === 'professional') continue
    const list = byPlace.get(f.memberKey)
    if (list) list.push(f)
    else byPlace.set(f.memberKey, [f])
  }
  const out: PlaceOfConcern[] = []
  for (const [key, links] of byPlace) {
    const children = new Set(links.map((l) => l.personEntityId))
    if (children.size < min) continue
    const months = new Map<string, { children: Set<string>; links: number }>()
    let first = Infinity
    let last = -Infinity
    for (const l of links) {
      const t = millis(l.occurredAt)
      first = Math.min(first, t)
      last = Math.max(last, t)
      const month = londonDate(new Date(t)).slice(0, 7)
      let m = months.get(month)
      if (!m) months.set(month, (m = { children: new Set(), links: 0 }))
      m.children.add(l.personEntityId)
      m.links++
    }
    out.push({
      key,
      children: [...children].sort(),
      links: links.length,
      agencies: [...new Set(links.map((l) => l.agency))].sort(),
      roles: [...new Set(links.map((l) => l.role ?? 'linked'))].sort(),
      firstOccurred: new Date(first),
      lastOccurred: new Date(last),
      byMonth: [...months]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([month, m]) => ({ month, children: m.children.size, links: m.links })),
    })
  }
  return out.sort((a, b) => b.children.length - a.children.length || (a.key < b.key ? -1 : 1))
}
