#!/usr/bin/env node
// Which places and objects of a generated area (round 7 / 8c layout: *.ndjson beside truth.json) are tied
// to two or more children only by records of concern (decision 0067), and whose they are in truth: a
// planted group's, a benign confounder's or no one's. Reads the records, not the product, so it measures
// the reach of the rule on any area without importing it (children taken as linked, as truth's
// first_visible does). Usage: node bench/networks-concern-reach.mjs AREA_DIR [AREA_DIR ...]
import fs from 'node:fs'
import path from 'node:path'

// src/networks/concern.ts CONCERN_KINDS, the roles of eventsOfConcern and the household indicators
const KINDS = new Set([
  'concern',
  'contact_referral',
  'crime_report',
  'intelligence',
  'sexual_health',
  'strategy_discussion',
  'section47_enquiry',
])
const ROLES = new Set(['suspect', 'claimed_partner', 'found_with'])
const HOUSEHOLD = new Set([
  'family_breakdown',
  'domestic_abuse_at_home',
  'substance_misuse_at_home',
  'parental_mental_health',
  'looked_after',
  'isolated',
  'low_self_esteem',
  'school_disengagement',
])

function key(kind, value) {
  const v =
    typeof value === 'object' && value
      ? (value.postcode ?? value.registration ?? value.number ?? value.handle ?? JSON.stringify(value))
      : String(value)
  if (kind === 'phone') {
    let d = v.replace(/\D/g, '')
    if (d.startsWith('44') && d.length === 12) d = '0' + d.slice(2)
    return `phone:${d}`
  }
  return `${kind}:${v.replace(/\s+/g, '').toUpperCase()}`
}

const totals = { planted: 0, confounder: 0, other: 0 }
for (const area of process.argv.slice(2)) {
  const truth = JSON.parse(fs.readFileSync(path.join(area, 'truth.json'), 'utf8'))
  const owner = new Map()
  for (const g of truth.groups) for (const o of g.objects) owner.set(key(o.kind, o.key), g.id)
  for (const c of truth.confounders)
    for (const o of c.objects) if (!owner.has(key(o.kind, o.key))) owner.set(key(o.kind, o.key), `confounder:${c.kind}`)
  const children = new Map()
  const everyday = new Set()
  for (const f of fs.readdirSync(area).filter((n) => n.endsWith('.ndjson'))) {
    for (const line of fs.readFileSync(path.join(area, f), 'utf8').split('\n')) {
      if (!line.trim()) continue
      const r = JSON.parse(line)
      if (r.type !== 'event') continue
      const child = truth.child_records[`${r.agency}:${r.subject}`]
      if (!child) continue
      const involves = r.involves ?? []
      const worry =
        KINDS.has(r.kind) ||
        involves.some((i) => ROLES.has(i.role)) ||
        (r.indicators ?? []).some((i) => !HOUSEHOLD.has(i))
      for (const i of involves) {
        for (const kind of ['vehicle', 'phone', 'location']) {
          if (!(kind in i)) continue
          const k = key(kind, i[kind])
          if (!children.has(k)) children.set(k, new Set())
          children.get(k).add(child)
          if (!worry) everyday.add(k)
        }
      }
    }
  }
  const reach = [...children]
    .filter(([k, c]) => c.size >= 2 && !everyday.has(k))
    .map(([k, c]) => ({ member: k, children: c.size, owner: owner.get(k) ?? null }))
  const count = { planted: 0, confounder: 0, other: 0 }
  for (const r of reach)
    count[r.owner === null ? 'other' : r.owner.startsWith('confounder:') ? 'confounder' : 'planted']++
  for (const k of Object.keys(totals)) totals[k] += count[k]
  console.log(
    `${path.basename(area)}: ${reach.length} known only from concern (planted ${count.planted}, confounder ${count.confounder}, other ${count.other})`,
  )
  for (const r of reach.filter((x) => x.owner === null || x.owner.startsWith('confounder:')))
    console.log(`  ${r.member} ${r.children} children ${r.owner ?? 'no one'}`)
}
console.log(`all: planted ${totals.planted}, confounder ${totals.confounder}, other ${totals.other}`)
