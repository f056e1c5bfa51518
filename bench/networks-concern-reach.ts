// Which places and objects of a generated area (round 7 / 8c layout: *.ndjson beside truth.json) are tied
// to two or more children only by records of concern (decision 0067), and whose they are in truth: a
// planted group's, a benign confounder's or no one's. Reads the records, not the product, so it measures
// the reach of the rule on any area without importing it (children taken as linked, as truth's
// first_visible does). Usage: node --import tsx bench/networks-concern-reach.ts AREA_DIR [AREA_DIR ...]
import fs from 'node:fs'
import path from 'node:path'
import { recordOfConcern } from '../src/networks/concern.ts'

function key(kind: string, value: unknown): string {
  const v =
    typeof value === 'object' && value
      ? String(
          (value as Record<string, unknown>).postcode ??
            (value as Record<string, unknown>).registration ??
            (value as Record<string, unknown>).number ??
            (value as Record<string, unknown>).handle ??
            JSON.stringify(value),
        )
      : String(value)
  if (kind === 'phone') {
    let d = v.replace(/\D/g, '')
    if (d.startsWith('44') && d.length === 12) d = '0' + d.slice(2)
    return `phone:${d}`
  }
  return `${kind}:${v.replace(/\s+/g, '').toUpperCase()}`
}

interface Truth {
  groups: { id: string; objects: { kind: string; key: unknown }[] }[]
  confounders: { kind: string; objects: { kind: string; key: unknown }[] }[]
  child_records: Record<string, string>
}
type Involved = Record<string, unknown> & { role?: string }
type Tally = { planted: number; confounder: number; other: number }

const totals: Tally = { planted: 0, confounder: 0, other: 0 }
for (const area of process.argv.slice(2)) {
  const truth = JSON.parse(fs.readFileSync(path.join(area, 'truth.json'), 'utf8')) as Truth
  const owner = new Map<string, string>()
  for (const g of truth.groups) for (const o of g.objects) owner.set(key(o.kind, o.key), g.id)
  for (const c of truth.confounders)
    for (const o of c.objects) if (!owner.has(key(o.kind, o.key))) owner.set(key(o.kind, o.key), `confounder:${c.kind}`)
  const children = new Map<string, Set<string>>()
  const everyday = new Set<string>()
  for (const f of fs.readdirSync(area).filter((n) => n.endsWith('.ndjson'))) {
    for (const line of fs.readFileSync(path.join(area, f), 'utf8').split('\n')) {
      if (!line.trim()) continue
      const r = JSON.parse(line) as {
        type?: string
        agency?: string
        subject?: string
        kind?: string
        involves?: Involved[]
        indicators?: string[]
      }
      if (r.type !== 'event') continue
      const child = truth.child_records[`${r.agency}:${r.subject}`]
      if (!child) continue
      const involves = r.involves ?? []
      const worry = recordOfConcern(
        r.kind,
        involves.map((i) => i.role),
        r.indicators ?? [],
      )
      for (const i of involves) {
        for (const kind of ['vehicle', 'phone', 'location']) {
          if (!(kind in i)) continue
          const k = key(kind, i[kind])
          const known = children.get(k) ?? new Set<string>()
          known.add(child)
          children.set(k, known)
          if (!worry) everyday.add(k)
        }
      }
    }
  }
  const reach = [...children]
    .filter(([k, c]) => c.size >= 2 && !everyday.has(k))
    .map(([k, c]) => ({ member: k, children: c.size, owner: owner.get(k) ?? null }))
  const count: Tally = { planted: 0, confounder: 0, other: 0 }
  for (const r of reach)
    count[r.owner === null ? 'other' : r.owner.startsWith('confounder:') ? 'confounder' : 'planted']++
  for (const k of ['planted', 'confounder', 'other'] as const) totals[k] += count[k]
  console.log(
    `${path.basename(area)}: ${reach.length} known only from concern (planted ${count.planted}, confounder ${count.confounder}, other ${count.other})`,
  )
  for (const r of reach.filter((x) => x.owner === null || x.owner.startsWith('confounder:')))
    console.log(`  ${r.member} ${r.children} children ${r.owner ?? 'no one'}`)
}
console.log(`all: planted ${totals.planted}, confounder ${totals.confounder}, other ${totals.other}`)
