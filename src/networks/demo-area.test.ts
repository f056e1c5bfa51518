// The demo generator's areas (src/demo, written separately from this code): its planted groups are
// recovered from the records as agencies send them, through validation and (perfect) linkage.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { generateArea, TEST_OPTIONS } from '../demo/generate-area.ts'
import type { EventRecord, RelationshipRecord } from '../records/types.ts'
import { validateRecord } from '../records/validate.ts'
import { linkFactsFromEvent, relationshipFromRecord } from './from-records.ts'
import { suggestNetworks } from './suggest.ts'
import type { LinkFact, PersonRelationship } from './types.ts'

const AREAS = [
  { seed: 'networks-demo-1', children: 2500, groups: 2, exploitedShare: 8 / 2500 },
  { seed: 'networks-mid-1', children: 1000, groups: 4, exploitedShare: 0.02 },
]

for (const options of AREAS) {
  test(`demo area ${options.seed}: planted groups recovered, innocent links left out, reported in time`, () => {
    const area = generateArea({ ...TEST_OPTIONS, ...options })
    const agencies = new Set(area.agencies.map((a) => a.code))
    const latest = new Map<string, EventRecord | RelationshipRecord>()
    for (const o of area.objects) {
      const v = validateRecord(o, { agencies })
      if (v.ok && (v.record.type === 'event' || v.record.type === 'relationship'))
        latest.set(`${o.agency}|${o.type}|${o.source_id}`, v.record)
    }
    const personOf = (agency: string, sourceId: string) => area.truth.personOf[`${agency}:${sourceId}`]
    const facts: LinkFact[] = []
    const relationships: PersonRelationship[] = []
    for (const r of latest.values()) {
      if (r.type === 'event') facts.push(...linkFactsFromEvent(r, personOf))
      else {
        const rel = relationshipFromRecord(r, personOf)
        if (rel) relationships.push(rel)
      }
    }
    const context = { population: { children: new Set(area.truth.children) }, relationships }
    const networks = suggestNetworks(facts, context)
    const nodeOf = (m: { kind: string; key: string }) => `${m.kind}:${m.key}`
    const groups = area.truth.groups.map((g) => ({
      g,
      members: new Set([
        ...g.adults.map((a) => `person:${a.person}`),
        ...g.vehicles.map((v) => `vehicle:${v}`),
        ...g.phones.map((p) => `phone:${p}`),
        ...g.online.map((o) => `online:${o}`),
        ...g.locations.map((l) => `location:${l.key}`),
      ]),
    }))
    assert.ok(groups.length > 0)
    const planted = new Set(groups.flatMap((g) => [...g.members]))
    const reported = networks.flatMap((n) => n.members.map(nodeOf))
    const outside = reported.filter((m) => !planted.has(m))
    assert.ok(outside.length <= 0.1 * reported.length, `outside any group: ${outside.join(' ')} of ${reported.length}`)
    for (const { g, members } of groups) {
      const best = Math.max(
        0,
        ...networks.map((n) => n.members.filter((m) => members.has(nodeOf(m))).length / members.size),
      )
      assert.ok(best >= 0.9, `${g.id}: ${best}`)
      if (!g.firstTiedAt) continue
      const early = suggestNetworks(facts, { ...context, asOf: g.firstTiedAt })
      assert.ok(
        early.some(
          (n) =>
            n.members.some((m) => members.has(nodeOf(m))) &&
            n.children.filter((c) => g.children.includes(c)).length >= 2,
        ),
        `${g.id} not reported by ${g.firstTiedAt}`,
      )
    }
  })
}
