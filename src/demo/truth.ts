// Ground truth for tests, worked out from the objects actually sent (so it cannot drift from them):
// who each agency record is, whether the exact rule links them, when each group was first visible,
// which shared links are innocent, and which concerns went unanswered.
import type {
  AreaTruth,
  RecordRef,
  TruthGroup,
  TruthInnocent,
  TruthPerson,
  TruthRecord,
  TruthUnanswered,
  WireObject,
} from './area-types.ts'
import type { Context } from './context.ts'
import { exactClusters } from './exact-link.ts'
import type { Group } from './groups.ts'
import { DAY, londonDay, parseIso } from './london-time.ts'
import { normaliseName, normalisePhone, normaliseRegistration, postcodeKey } from '../records/identifiers.ts'
import { CONCERN_KINDS, RESPONSE_KINDS, type EventKind } from '../records/types.ts'
import type { Recorder } from './recorder.ts'
import { must, mustGet } from '../errors/must.ts'

const iso = (ms: number) => new Date(ms).toISOString()

/** The latest version of every object that was not withdrawn, and each object's first recorded time. */
export function currentObjects(objects: WireObject[]): {
  current: Map<RecordRef, WireObject>
  firstRecorded: Map<RecordRef, number>
} {
  const current = new Map<RecordRef, WireObject>()
  const firstRecorded = new Map<RecordRef, number>()
  for (const o of objects) {
    const ref = `${o.type}|${o.agency}:${o.source_id}`
    if (o.withdrawn === true) {
      current.delete(ref)
      continue
    }
    current.set(ref, o)
    if (o.recorded_at && !firstRecorded.has(ref)) firstRecorded.set(ref, parseIso(o.recorded_at))
  }
  return { current, firstRecorded }
}

/** A key for a linkable thing an event involves (as the networks command keys them). */
export function involvementKey(
  agency: string,
  inv: Record<string, unknown>,
  personOf: ReadonlyMap<RecordRef, string>,
): string | null {
  if (typeof inv.person === 'string') {
    const p = personOf.get(`${agency}:${inv.person}`)
    return p ? `person:${p}` : null
  }
  if (typeof inv.vehicle === 'string') return `vehicle:${normaliseRegistration(inv.vehicle)}`
  if (typeof inv.phone === 'string') return `phone:${normalisePhone(inv.phone)}`
  if (typeof inv.online === 'string') return `online:${inv.online.trim()}`
  const loc = inv.location as { postcode?: string; name?: string } | undefined
  if (loc?.postcode) return `location:${postcodeKey(loc.postcode)}`
  return null
}

export function buildTruth(
  ctx: Context,
  rec: Recorder,
  objects: WireObject[],
  groups: Group[],
  recordedAtAbsent: RecordRef[],
): AreaTruth {
  const personOf = rec.personOf
  const { current, firstRecorded } = currentObjects(objects)
  const persons = new Map<RecordRef, WireObject>()
  const events: WireObject[] = []
  const relationships: WireObject[] = []
  for (const [key, o] of current) {
    const ref = key.slice(key.indexOf('|') + 1)
    if (o.type === 'person') persons.set(ref, o)
    else if (o.type === 'event') events.push(o)
    else relationships.push(o)
  }
  const { people, byPerson, roleOf } = truthPeople(ctx, persons, personOf)
  const children = people.filter((p) => p.role === 'child').map((p) => p.id)
  const isChild = (id: string | undefined): id is string => id !== undefined && roleOf.get(id) === 'child'

  // ties between children and adults/objects, in the order they were recorded
  const memberOf = new Map<string, string>()
  for (const g of groups) {
    for (const a of g.adults) memberOf.set(`person:${a.id}`, g.id)
    for (const v of g.vehicles) memberOf.set(`vehicle:${normaliseRegistration(v)}`, g.id)
    for (const ph of g.phones) memberOf.set(`phone:${normalisePhone(ph)}`, g.id)
    for (const o of g.online) memberOf.set(`online:${o}`, g.id)
    for (const pl of g.places) memberOf.set(`location:${postcodeKey(pl.postcode)}`, g.id)
  }
  const ties = childTies(events, relationships, personOf, isChild)
  const childrenOfKey = new Map<string, Set<string>>()
  const firstTied = new Map<string, number>()
  const groupChildren = new Map(groups.map((g) => [g.id, new Set(g.children.map((c) => c.id))]))
  for (const t of ties) {
    const set = entryOf(childrenOfKey, t.key, () => new Set())
    set.add(t.child)
    const g = memberOf.get(t.key)
    if (!g || firstTied.has(g)) continue
    const members = mustGet(groupChildren, g, "a group's children")
    if ([...set].filter((c) => members.has(c)).length >= 2) firstTied.set(g, t.at)
  }
  const truthGroups: TruthGroup[] = groups.map((g) => {
    const tied = firstTied.get(g.id)
    return {
      id: g.id,
      name: g.name,
      adults: g.adults.map((a) => ({ person: a.id, records: byPerson.get(a.id) ?? [] })),
      vehicles: g.vehicles.map((v) => must(normaliseRegistration(v), "a group's vehicle registration")),
      phones: g.phones.map((p) => must(normalisePhone(p), "a group's phone number")),
      online: g.online,
      locations: g.places.map((p) => ({ name: p.name, postcode: p.postcode, key: postcodeKey(p.postcode) })),
      children: g.children.map((c) => c.id),
      firstTiedAt: tied === undefined ? null : iso(tied),
    }
  })

  const exploited = ctx.truth.exploited.map((x) => ({
    ...x,
    firstRecordedAt: iso(mustGet(firstRecorded, `event|${x.firstEvent}`, 'the first record of an exploitation')),
  }))
  return {
    options: ctx.options,
    start: londonDay(ctx.start),
    end: londonDay(ctx.end),
    people,
    children,
    exploited,
    groups: truthGroups,
    innocent: innocentLinks(ctx, childrenOfKey, memberOf, roleOf),
    missingEpisodes: ctx.truth.missingEpisodes,
    unanswered: unanswered(events, personOf, isChild),
    resent: [...rec.resent],
    withdrawn: rec.withdrawn,
    recordedAtAbsent,
    personOf: Object.fromEntries(personOf),
  }
}

/** The list (or set) at `key`, put there first when there is none. */
function entryOf<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key)
  if (value === undefined) map.set(key, (value = make()))
  return value
}

const recordedMs = (o: WireObject) => (o.recorded_at ? parseIso(o.recorded_at) : Infinity)

/**
 * The people of the area with records, each with their records (and how each varies from the
 * person) and whether the exact rule links them all; the records of each person; and each person's role.
 */
function truthPeople(
  ctx: Context,
  persons: Map<RecordRef, WireObject>,
  personOf: ReadonlyMap<RecordRef, string>,
): { people: TruthPerson[]; byPerson: Map<string, RecordRef[]>; roleOf: Map<string, string> } {
  const byPerson = new Map<string, RecordRef[]>()
  for (const [ref, id] of personOf) {
    if (!persons.has(ref)) continue
    entryOf(byPerson, id, () => []).push(ref)
  }
  const roots = exactClusters(persons)
  const rootMembers = new Map<RecordRef, number>()
  for (const root of roots.values()) rootMembers.set(root, (rootMembers.get(root) ?? 0) + 1)
  const people: TruthPerson[] = []
  const roleOf = new Map<string, string>()
  for (const p of ctx.people) {
    roleOf.set(p.id, p.role)
    const refs = byPerson.get(p.id)
    if (!refs) continue
    const records: TruthRecord[] = refs.map((ref) => {
      const o = mustGet(persons, ref, 'a person record of the area')
      const same = o.given_name === p.given && o.family_name === p.family && o.date_of_birth === p.dob
      const close =
        normaliseName(`${o.given_name} ${o.family_name}`) === normaliseName(`${p.given} ${p.family}`) &&
        o.date_of_birth === p.dob
      return { ref, variant: same ? 'same' : close ? 'case_spacing' : 'hard' }
    })
    const root = roots.get(refs[0])
    const exactLinkable =
      root !== undefined && refs.every((r) => roots.get(r) === root) && rootMembers.get(root) === refs.length
    people.push({
      id: p.id,
      role: p.role,
      given_name: p.given,
      family_name: p.family,
      date_of_birth: p.dob,
      sex: p.sex,
      family: p.household?.id,
      records,
      exactLinkable,
    })
  }
  return { people, byPerson, roleOf }
}

/** Each tie of a child to an adult or a thing, by the events and relationships that record it, in the order recorded. */
function childTies(
  events: WireObject[],
  relationships: WireObject[],
  personOf: ReadonlyMap<RecordRef, string>,
  isChild: (id: string | undefined) => id is string,
): { at: number; child: string; key: string }[] {
  const ties: { at: number; child: string; key: string }[] = []
  for (const e of events) {
    const subject = personOf.get(`${e.agency}:${e.subject}`)
    const involves = (e.involves as Record<string, unknown>[] | undefined) ?? []
    for (const inv of involves) {
      const key = involvementKey(e.agency, inv, personOf)
      if (!key) continue
      if (isChild(subject) && !(key.startsWith('person:') && isChild(key.slice(7))))
        ties.push({ at: recordedMs(e), child: subject, key })
      else if (!isChild(subject) && subject && key.startsWith('person:') && isChild(key.slice(7)))
        ties.push({ at: recordedMs(e), child: key.slice(7), key: `person:${subject}` })
    }
  }
  for (const r of relationships) {
    const from = personOf.get(`${r.agency}:${r.from}`)
    const to = personOf.get(`${r.agency}:${r.to}`)
    if (isChild(from) && to && !isChild(to)) ties.push({ at: recordedMs(r), child: from, key: `person:${to}` })
  }
  ties.sort((a, b) => a.at - b.at)
  return ties
}

/** Links shared by two or more children that are no group's: a school, the bus station, siblings' carer, a family friend. */
function innocentLinks(
  ctx: Context,
  childrenOfKey: Map<string, Set<string>>,
  memberOf: Map<string, string>,
  roleOf: Map<string, string>,
): TruthInnocent[] {
  const schoolKeys = new Set([...ctx.places.schools.values()].map((p) => `location:${postcodeKey(p.postcode)}`))
  const busKey = `location:${postcodeKey(ctx.places.busStation.postcode)}`
  const innocent: TruthInnocent[] = []
  for (const [key, set] of childrenOfKey) {
    if (set.size < 2 || memberOf.has(key)) continue
    const role = key.startsWith('person:') ? roleOf.get(key.slice(7)) : undefined
    const kind =
      key === busKey
        ? 'bus_station'
        : schoolKeys.has(key)
          ? 'school'
          : role === 'carer'
            ? 'siblings'
            : role === 'family_friend'
              ? 'family_friend'
              : 'other'
    innocent.push({ kind, key: key.slice(key.indexOf(':') + 1), children: [...set].sort() })
  }
  return innocent
}

/** Each time a child had 3+ concerns from 2+ agencies within 90 days, and the first response after. */
function unanswered(
  events: WireObject[],
  personOf: ReadonlyMap<RecordRef, string>,
  isChild: (id: string | undefined) => id is string,
): TruthUnanswered[] {
  type Item = { at: number; recorded: number; agency: string; ref: RecordRef }
  const concerns = new Map<string, Item[]>()
  const responses = new Map<string, number[]>()
  for (const e of events) {
    const child = personOf.get(`${e.agency}:${e.subject}`)
    if (!isChild(child)) continue
    const kind = e.kind as EventKind
    const at = parseIso(e.occurred_at as string)
    if (CONCERN_KINDS.includes(kind)) {
      entryOf(concerns, child, () => []).push({
        at,
        recorded: e.recorded_at ? parseIso(e.recorded_at) : Infinity,
        agency: e.agency,
        ref: `${e.agency}:${e.source_id}`,
      })
    } else if (RESPONSE_KINDS.includes(kind)) {
      entryOf(responses, child, () => []).push(at)
    }
  }
  const out: TruthUnanswered[] = []
  for (const [child, list] of concerns) {
    list.sort((a, b) => a.at - b.at)
    const resp = (responses.get(child) ?? []).sort((a, b) => a - b)
    let after = -Infinity
    for (let i = 0; i < list.length; i++) {
      if (list[i].at < after) continue
      const window = list.filter((c) => c.at > list[i].at - 90 * DAY && c.at <= list[i].at && c.at >= after)
      if (window.length < 3 || new Set(window.map((c) => c.agency)).size < 2) continue
      const response = resp.find((r) => r >= list[i].at)
      out.push({
        child,
        concerns: window.map((c) => c.ref),
        triggeredAt: iso(list[i].at),
        triggeredRecordedAt: iso(Math.max(...window.map((c) => c.recorded))),
        respondedAt: response === undefined ? null : iso(response),
      })
      if (response === undefined) break
      after = response
    }
  }
  return out
}
