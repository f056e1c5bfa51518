import { test } from 'node:test'
import assert from 'node:assert/strict'
import { generateArea, TEST_OPTIONS } from './generate-area.ts'
import { validateRecord } from '../records/validate.ts'
import { normaliseName, normaliseNhsNumber } from '../records/identifiers.ts'
import type { Area, WireObject } from './area-types.ts'
import { parseIso } from './london-time.ts'
import { involvementKey } from './truth.ts'

const demo = generateArea()
const testArea = generateArea({ ...TEST_OPTIONS, children: 1200 })

const refOf = (o: WireObject) => `${o.agency}:${o.source_id}`

test('the same options give the same area, another seed another area', () => {
  const a = generateArea({ seed: 'same', children: 300 })
  const b = generateArea({ seed: 'same', children: 300 })
  const c = generateArea({ seed: 'other', children: 300 })
  assert.equal(JSON.stringify(a), JSON.stringify(b))
  assert.notEqual(JSON.stringify(a.objects), JSON.stringify(c.objects))
})

test('every object passes the import format validation', () => {
  for (const area of [demo, testArea]) {
    const codes = new Set(area.agencies.map((a) => a.code))
    for (const [i, o] of area.objects.entries()) {
      const v = validateRecord(o, { agencies: codes })
      assert.ok(v.ok, `object ${i} ${JSON.stringify(o).slice(0, 200)}: ${v.ok ? '' : JSON.stringify(v.errors)}`)
    }
  }
})

test('the demo has the agencies, the size and the story the brief asks for', () => {
  assert.deepEqual(demo.agencies.map((a) => a.kind).sort(), [
    'childrens_social_care',
    'education',
    'education',
    'education',
    'health',
    'police',
    'prosecutor',
    'voluntary',
    'youth_justice',
  ])
  assert.ok(
    demo.truth.children.length > 2000 && demo.truth.children.length <= 2500,
    `${demo.truth.children.length} children with records`,
  )
  assert.ok(demo.truth.people.length > 3000, `${demo.truth.people.length} people`)
  const stories = demo.truth.exploited.filter((x) => x.story)
  assert.equal(stories.length, 8)
  assert.equal(demo.truth.groups.length, 2)
  const kinds = new Set(demo.objects.map((o) => o.kind))
  for (const k of [
    'missing_episode',
    'return_interview',
    'sexual_health',
    'disclosure',
    'disclosure_withdrawn',
    'charging_decision',
    'police_nfa',
    'intelligence',
    'school_absence',
    'school_exclusion',
    'cp_plan_start',
    'looked_after_start',
    'contact_referral',
    'assessment',
    'strategy_discussion',
  ]) {
    assert.ok(kinds.has(k), `no ${k}`)
  }
  const nfa = demo.objects.filter((o) => o.kind === 'charging_decision')
  assert.ok(nfa.some((o) => o.outcome === 'no_further_action'))
  const interviews = demo.objects.filter((o) => o.kind === 'return_interview')
  assert.ok(interviews.some((o) => o.status === 'not_held' && o.reason))
  assert.ok(
    demo.truth.missingEpisodes.some(
      (m) => m.interview && parseIso(m.interview.at) - parseIso(m.ended_at) > 72 * 3600_000,
    ),
    'a late interview',
  )
  const episodes = demo.objects.filter((o) => o.kind === 'missing_episode' && o.ended_at)
  assert.ok(episodes.every((o) => (o.missing_from && o.risk_grading !== undefined) || o.agency === 'csc'))
  assert.ok(demo.truth.withdrawn.length > 0 && demo.truth.resent.length > 0 && demo.truth.recordedAtAbsent.length > 0)
  // agencies write some things down weeks after they happened
  const late = demo.objects.filter(
    (o) =>
      o.type === 'event' &&
      o.recorded_at &&
      o.occurred_at &&
      parseIso(o.recorded_at) - parseIso(o.occurred_at as string) > 14 * 86400_000,
  )
  assert.ok(late.length > 50, `${late.length} events recorded a fortnight late`)
  for (const kind of ['siblings', 'family_friend', 'school', 'bus_station'])
    assert.ok(
      demo.truth.innocent.some((x) => x.kind === kind),
      `no innocent ${kind} link`,
    )
})

test('objects arrive in recorded order, each after it happened and within the area', () => {
  for (const area of [demo, testArea]) {
    const end = parseIso(`${area.truth.end}T23:59:59`)
    let last = -Infinity
    for (const o of area.objects) {
      if (!o.recorded_at) continue
      const t = parseIso(o.recorded_at)
      assert.ok(t >= last, `${refOf(o)} out of order`)
      assert.ok(t <= end, `${refOf(o)} recorded after the end`)
      if (typeof o.occurred_at === 'string')
        assert.ok(parseIso(o.occurred_at) <= t, `${refOf(o)} recorded before it happened`)
      last = t
    }
  }
})

test('references name people the same agency sends', () => {
  for (const area of [demo, testArea]) {
    const people = new Set(area.objects.filter((o) => o.type === 'person').map(refOf))
    for (const o of area.objects) {
      if (o.withdrawn) continue
      const names = [
        o.subject,
        o.from,
        o.to,
        ...((o.involves as { person?: string }[] | undefined) ?? []).map((i) => i.person),
      ]
      for (const n of names)
        if (typeof n === 'string') assert.ok(people.has(`${o.agency}:${n}`), `${refOf(o)} names ${n}`)
    }
  }
})

/** Independent check of the core's exact rule: records connect through shared NHS number + date of birth or normalised full name + date of birth. */
function linkedByExactRule(persons: WireObject[]): boolean {
  const keys = persons.map((p) => {
    const dob = p.date_of_birth as string
    const nhs = typeof p.nhs_number === 'string' ? normaliseNhsNumber(p.nhs_number) : null
    return [`n:${normaliseName(`${p.given_name} ${p.family_name}`)}|${dob}`, ...(nhs ? [`h:${nhs}|${dob}`] : [])]
  })
  const reached = new Set([0])
  for (let grew = true; grew;) {
    grew = false
    for (let i = 0; i < persons.length; i++) {
      if (reached.has(i)) continue
      if ([...reached].some((j) => keys[i].some((k) => keys[j].includes(k)))) {
        reached.add(i)
        grew = true
      }
    }
  }
  return reached.size === persons.length
}

function personObjects(area: Area, id: string): WireObject[] {
  const refs = new Set(area.truth.people.find((p) => p.id === id)!.records.map((r) => r.ref))
  return area.objects.filter((o) => o.type === 'person' && refs.has(refOf(o)))
}

test('the story children link across agencies by the exact rule, though each agency spells them its own way', () => {
  for (const x of demo.truth.exploited) {
    const persons = personObjects(demo, x.child)
    assert.ok(new Set(persons.map((p) => p.agency)).size >= 5, `${x.child} is known to few agencies`)
    assert.ok(linkedByExactRule(persons), `${x.child} does not link by the exact rule`)
    const spellings = new Set(persons.map((p) => `${p.given_name}|${p.family_name}`))
    assert.ok(spellings.size >= 2, `${x.child} is spelled the same everywhere`)
  }
  // and nobody else in the demo shares a key with them
  assert.ok(
    demo.truth.people.every((p) => p.exactLinkable),
    'the demo has someone the exact rule splits or merges',
  )
})

test('test areas carry harder spelling and date differences, flagged in the truth', () => {
  const hard = testArea.truth.people.filter((p) => p.records.some((r) => r.variant === 'hard'))
  assert.ok(hard.length > 20, `${hard.length} people with hard variants`)
  assert.ok(hard.some((p) => !p.exactLinkable))
  // nobody is split by the exact rule without a flagged variant
  for (const p of testArea.truth.people.filter((q) => !q.exactLinkable)) {
    assert.ok(
      p.records.some((r) => r.variant === 'hard'),
      `${p.id} split without a flagged variant`,
    )
    assert.equal(linkedByExactRule(personObjects(testArea, p.id)), false)
  }
})

test('the truth agrees with the objects: first exploitation events, groups, episodes, withdrawals', () => {
  for (const area of [demo, testArea]) {
    const { truth } = area
    const first = new Map<string, WireObject>()
    const byRef = new Map<string, WireObject>()
    for (const o of area.objects) {
      if (o.withdrawn) continue
      if (!first.has(`${o.type}|${refOf(o)}`)) first.set(`${o.type}|${refOf(o)}`, o)
      byRef.set(`${o.type}|${refOf(o)}`, o)
    }
    const groupOf = new Map(truth.groups.flatMap((g) => g.children.map((c) => [c, g])))
    for (const x of truth.exploited) {
      const e = byRef.get(`event|${x.firstEvent}`)!
      assert.ok(e, `${x.firstEvent} missing`)
      assert.equal(truth.personOf[`${e.agency}:${e.subject}`], x.child)
      assert.equal(
        first.get(`event|${x.firstEvent}`)!.recorded_at && parseIso(first.get(`event|${x.firstEvent}`)!.recorded_at!),
        parseIso(x.firstRecordedAt),
      )
      const g = groupOf.get(x.child)!
      assert.equal(g.id, x.group)
      const adults = new Set(g.adults.map((a) => a.person))
      const named = ((e.involves as Record<string, unknown>[]) ?? []).map((i) =>
        involvementKey(e.agency, i, new Map(Object.entries(truth.personOf))),
      )
      assert.ok(
        named.some((k) => k?.startsWith('person:') && adults.has(k.slice(7))),
        `${x.firstEvent} names no adult of ${g.id}`,
      )
      assert.ok(['missing_episode', 'disclosure', 'crime_report'].includes(e.kind as string))
    }
    // every member of every group is tied to two or more of its children in the records
    const personOf = new Map(Object.entries(truth.personOf))
    const tied = new Map<string, Set<string>>()
    for (const o of byRef.values()) {
      if (o.type !== 'event') continue
      const subject = truth.personOf[`${o.agency}:${o.subject}`]
      for (const inv of (o.involves as Record<string, unknown>[] | undefined) ?? []) {
        const key = involvementKey(o.agency, inv, personOf)
        if (!key) continue
        if (!tied.has(key)) tied.set(key, new Set())
        tied.get(key)!.add(subject)
      }
    }
    for (const g of truth.groups) {
      const members = [
        ...g.adults.map((a) => `person:${a.person}`),
        ...g.vehicles.map((v) => `vehicle:${v}`),
        ...g.phones.map((p) => `phone:${p}`),
        ...g.online.map((o) => `online:${o}`),
        ...g.locations.map((l) => `location:${l.key}`),
      ]
      for (const m of members) {
        const kids = [...(tied.get(m) ?? [])].filter((c) => g.children.includes(c))
        assert.ok(kids.length >= 2, `${g.id} member ${m} is tied to ${kids.length} of its children`)
      }
      assert.ok(g.firstTiedAt && g.firstTiedAt <= new Date(parseIso(`${truth.end}T23:59:59`)).toISOString())
    }
    for (const m of truth.missingEpisodes) {
      for (const r of m.records) assert.ok(byRef.has(`event|${r}`), `episode ${r} missing`)
      if (m.interview) assert.equal(byRef.get(`event|${m.interview.ref}`)!.episode, m.records[0])
    }
    for (const w of truth.withdrawn) {
      const i = area.objects.findIndex((o) => o.withdrawn && refOf(o) === w)
      const j = area.objects.findIndex((o) => !o.withdrawn && refOf(o) === w && o.type === 'event')
      assert.ok(j >= 0 && i > j, `${w} is not withdrawn after it was sent`)
    }
    for (const r of truth.resent) assert.ok(area.objects.filter((o) => refOf(o) === r).length >= 2, `${r} sent once`)
  }
})

test('a 2,000-child test area generates in seconds (figures: bench/demo-area.ts)', () => {
  const started = performance.now()
  const area = generateArea({ ...TEST_OPTIONS, seed: 'speed' })
  const ms = performance.now() - started
  assert.equal(area.truth.exploited.length, 100)
  // a generous bound that only catches a blow-up (the target is about 2 s)
  assert.ok(ms < 20_000, `${Math.round(ms)} ms`)
})
