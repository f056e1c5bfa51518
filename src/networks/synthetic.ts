// A small synthetic area for tests: planted groups of adults with their cars, phones, places and
// online identities targeting several children each, recorded piecemeal by different agencies, among
// innocent shared links (siblings and their parents, schools, a busy bus station, family friends,
// professionals, boyfriends and cars tied to one child). Keys are already normalised, as linkage and
// import leave them. The truth says what was planted and when the records first tied two of a group's
// children to a common member, computed here from the generated events, not by the code under test.
import { seededRandom as mulberry32 } from '../linkage/random.ts'
import { mustGet } from '../errors/must.ts'
import type { LinkFact, MemberKind, MemberRef, PersonRelationship, Population } from './types.ts'

export interface PlantedGroup {
  children: string[]
  members: MemberRef[]
  /** ISO time: the first recorded moment two of its children were tied to one of its members (null: never). */
  firstTiedAt: string | null
}

export interface SyntheticArea {
  facts: LinkFact[]
  population: Population
  relationships: PersonRelationship[]
  truth: { groups: PlantedGroup[] }
}

export interface SyntheticOptions {
  seed: number
  children?: number
  groups?: number
  schools?: number
  friends?: number
  /**
   * Busy places (a bus station, a shopping centre, a takeaway everyone uses) where children are found;
   * default 1. The first is the bus station that the groups' children are sometimes found at too.
   */
  busyPlaces?: number
  /** Days the area's records span. */
  days?: number
}

const AGENCIES = ['police', 'csc', 'health', 'school', 'yjs', 'charity']
const DAY = 86_400_000
const START = Date.UTC(2008, 0, 1)

interface Involved {
  kind: MemberKind
  key: string
  role?: string
}

export function generateLinkArea(options: SyntheticOptions): SyntheticArea {
  const rnd = mulberry32(options.seed)
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1))
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]
  const chance = (p: number) => rnd() < p
  const sample = <T>(list: readonly T[], n: number): T[] => {
    const copy = list.slice()
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1))
      ;[copy[i], copy[j]] = [copy[j], copy[i]]
    }
    return copy.slice(0, n)
  }
  const days = options.days ?? 900
  const nChildren = options.children ?? 160
  const seq = { event: 0, adult: 0, plate: 0, phone: 0, place: 0 }
  const newAdult = () => `A${String(++seq.adult).padStart(5, '0')}`
  const newPlate = () =>
    `${pick(['AB', 'MA', 'YX', 'KF', 'BD'])}${String(int(51, 69))}${String.fromCharCode(65 + (seq.plate++ % 26), 65 + int(0, 25), 65 + int(0, 25))}`
  const newPhone = () => `07700${String(900000 + ++seq.phone).padStart(6, '0')}`
  const letter = (i: number) => String.fromCharCode(65 + (i % 26))
  const newPlace = () => {
    const district = `OL${int(1, 16)}${int(1, 9)}`
    const n = seq.place++
    // two letters from the count keep places apart; a third past 676 of them (large areas)
    return `${district}${letter(n)}${letter(Math.floor(n / 26))}${n >= 676 ? letter(Math.floor(n / 676)) : ''}`
  }

  const facts: LinkFact[] = []
  const relationships: PersonRelationship[] = []
  const children = new Set<string>()
  const adults = new Set<string>()
  // member node -> child -> earliest recorded time of a tie (for the truth)
  const tiedAt = new Map<string, Map<string, number>>()
  // member node -> other adults and objects recorded in one event with it
  const together = new Map<string, Set<string>>()

  const iso = (ms: number) => new Date(ms).toISOString()
  function event(subject: string, involved: Involved[], occurred: number, delayDays?: number): number {
    const agency = pick(AGENCIES)
    const ref = `${agency}:E${++seq.event}`
    const delay = delayDays ?? (chance(0.8) ? rnd() * 20 : rnd() * 200)
    const recorded = occurred + delay * DAY
    for (const inv of involved) {
      facts.push({
        personEntityId: subject,
        memberKind: inv.kind,
        memberKey: inv.key,
        agency,
        eventRef: ref,
        role: inv.role ?? null,
        reliability: pick(['confirmed', 'tentative', 'unconfirmed']),
        occurredAt: iso(occurred),
        recordedAt: iso(recorded),
        restricted: chance(0.1),
      })
    }
    // truth: every child in the event is tied to every other participant
    const all: Involved[] = [{ kind: 'person', key: subject }, ...involved]
    for (const c of all) {
      if (c.kind !== 'person' || !children.has(c.key)) continue
      for (const m of all) {
        if (m === c || (m.kind === 'person' && children.has(m.key))) continue
        const node = `${m.kind}:${m.key}`
        let inner = tiedAt.get(node)
        if (!inner) tiedAt.set(node, (inner = new Map()))
        inner.set(c.key, Math.min(inner.get(c.key) ?? Infinity, recorded))
      }
    }
    const others = all.filter((m) => !(m.kind === 'person' && children.has(m.key))).map((m) => `${m.kind}:${m.key}`)
    for (const a of others) {
      let set = together.get(a)
      if (!set) together.set(a, (set = new Set()))
      for (const b of others) if (b !== a) set.add(b)
    }
    return recorded
  }
  const when = (from = 0, to = days) => START + (from + rnd() * (to - from)) * DAY

  // families: a parent, a home and the parent's phone, shared by siblings
  const childIds: string[] = []
  const familyOf = new Map<string, number>()
  const homes: { parent: string; home: string; phone: string; kids: string[] }[] = []
  while (childIds.length < nChildren) {
    const size = Math.min(nChildren - childIds.length, chance(0.7) ? 1 : chance(0.65) ? 2 : 3)
    const parent = newAdult()
    adults.add(parent)
    const fam = { parent, home: newPlace(), phone: newPhone(), kids: [] as string[] }
    for (let i = 0; i < size; i++) {
      const c = `C${String(childIds.length + 1).padStart(5, '0')}`
      childIds.push(c)
      children.add(c)
      familyOf.set(c, homes.length)
      fam.kids.push(c)
    }
    homes.push(fam)
  }
  for (const fam of homes) {
    // kinship is recorded one way or another: the parent, the siblings, or both
    const viaParent = fam.kids.length === 1 || chance(0.7)
    for (const c of fam.kids) {
      if (viaParent) relationships.push({ from: c, to: fam.parent, kind: 'parent', recordedAt: iso(START) })
    }
    if (!viaParent || chance(0.5)) {
      for (let i = 1; i < fam.kids.length; i++) {
        relationships.push({ from: fam.kids[0], to: fam.kids[i], kind: 'family', recordedAt: iso(START) })
      }
    }
    for (const c of fam.kids) {
      for (let i = int(1, 4); i > 0; i--) {
        const inv: Involved[] = [{ kind: 'person', key: fam.parent, role: 'family' }]
        if (chance(0.6)) inv.push({ kind: 'location', key: fam.home })
        if (chance(0.4)) inv.push({ kind: 'phone', key: fam.phone })
        event(c, inv, when())
      }
    }
  }

  // schools (each child at one), a busy bus station, professionals
  const schools = Array.from({ length: options.schools ?? 4 }, newPlace)
  const busStation = newPlace()
  // the further busy places draw on the generator only when asked for, so that the default area stays the same
  const busyPlaces = [busStation, ...Array.from({ length: Math.max(0, (options.busyPlaces ?? 1) - 1) }, newPlace)]
  const busy = () => (busyPlaces.length > 1 ? pick(busyPlaces) : busStation)
  const workers = Array.from({ length: 6 }, newAdult)
  for (const w of workers) adults.add(w)
  for (const c of childIds) {
    const school = schools[mustGet(familyOf, c, "a child's family") % schools.length]
    if (chance(0.6)) event(c, [{ kind: 'location', key: school }], when())
    if (chance(0.3)) event(c, [{ kind: 'location', key: busStation, role: 'found_at' }], when())
    for (const place of busyPlaces.slice(1))
      if (chance(0.3)) event(c, [{ kind: 'location', key: place, role: pick(['found_at', undefined]) }], when())
    event(c, [{ kind: 'person', key: pick(workers), role: 'professional' }], when())
    // a boyfriend, a car or a handle tied to this child alone
    if (chance(0.25)) {
      const b = newAdult()
      adults.add(b)
      const inv: Involved[] = [{ kind: 'person', key: b, role: 'associate' }]
      if (chance(0.5)) inv.push({ kind: 'vehicle', key: newPlate() })
      event(c, inv, when())
    }
    if (chance(0.15)) event(c, [{ kind: 'online', key: `user${int(1000, 9999)}_${c}@chat` }], when())
    // a peer
    if (chance(0.2)) event(c, [{ kind: 'person', key: pick(childIds), role: 'associate' }], when())
  }

  // family friends: tied to two or three children of different families, mostly recorded as family
  for (let f = options.friends ?? 2; f > 0; f--) {
    const friend = newAdult()
    adults.add(friend)
    for (const c of sample(childIds, int(2, 3))) {
      // brought to hospital by her, found at her house after staying out: ordinary records
      const role = pick(['associate', 'associate', 'found_with', 'family', 'witness'])
      event(c, [{ kind: 'person', key: friend, role }], when())
    }
  }

  // planted groups
  const groups: PlantedGroup[] = []
  const handlesTaken = new Set<string>()
  const free = sample(
    homes.filter((h) => h.kids.length === 1).map((h) => h.kids[0]),
    nChildren,
  )
  for (let g = options.groups ?? 3; g > 0; g--) {
    const men = Array.from({ length: int(2, 5) }, newAdult)
    for (const m of men) adults.add(m)
    const cars = Array.from({ length: int(1, 2) }, newPlate)
    const phones = Array.from({ length: int(1, 3) }, newPhone)
    const places = Array.from({ length: int(1, 2) }, newPlace)
    const handles = chance(0.5) ? [`${pick(['dan', 'jay', 'mo', 'kez'])}${int(10, 99)}@snap`] : []
    // two groups drawing the same handle would be one identity planted in both: the later one is another
    for (let i = 0; i < handles.length; i++) {
      while (handlesTaken.has(handles[i])) handles[i] = handles[i].replace('@', '_@')
      handlesTaken.add(handles[i])
    }
    const targets = free.splice(0, int(4, 8))
    // an area too small for another group: a group around fewer than two children is no group
    if (targets.length < 2) break
    const begin = rnd() * days * 0.5
    const end = Math.min(days, begin + 200 + rnd() * 300)
    const memberRefs: MemberRef[] = [
      ...men.map((key) => ({ kind: 'person' as const, key })),
      ...cars.map((key) => ({ kind: 'vehicle' as const, key })),
      ...phones.map((key) => ({ kind: 'phone' as const, key })),
      ...places.map((key) => ({ kind: 'location' as const, key })),
      ...handles.map((key) => ({ kind: 'online' as const, key })),
    ]
    const used = new Set<string>()
    const use = (inv: Involved) => {
      used.add(`${inv.kind}:${inv.key}`)
      return inv
    }
    for (const c of targets) {
      for (let i = int(3, 6); i > 0; i--) {
        const inv: Involved[] = []
        const style = rnd()
        if (style < 0.5) {
          // missing, found with a man, in a car or at a place
          inv.push(
            use({
              kind: 'person',
              key: pick(men),
              role: pick(['found_with', 'suspect', 'suspect', 'found_with', 'associate']),
            }),
          )
          if (chance(0.5)) inv.push(use({ kind: 'vehicle', key: pick(cars) }))
          if (chance(0.5)) inv.push(use({ kind: 'location', key: pick(places), role: 'found_at' }))
          if (chance(0.2)) inv.push({ kind: 'location', key: busy(), role: 'found_at' })
        } else if (style < 0.75) {
          inv.push(use({ kind: 'phone', key: pick(phones) }))
          if (chance(0.3)) inv.push(use({ kind: 'person', key: pick(men), role: 'suspect' }))
        } else if (style < 0.9) {
          inv.push(use({ kind: 'location', key: pick(places), role: pick(['found_at', undefined]) }))
          if (chance(0.4)) inv.push(use({ kind: 'vehicle', key: pick(cars) }))
        } else {
          inv.push(use(handles.length ? { kind: 'online', key: pick(handles) } : { kind: 'phone', key: pick(phones) }))
        }
        event(c, inv, when(begin, end))
      }
    }
    // seen getting into a group's car at the school gates, recorded by the school
    for (const c of targets) {
      if (!chance(0.5)) continue
      const school = schools[mustGet(familyOf, c, "a child's family") % schools.length]
      event(c, [{ kind: 'location', key: school }, use({ kind: 'vehicle', key: pick(cars) })], when(begin, end))
    }
    // the child calls one of them her boyfriend: a recorded relationship, a tie like any other
    for (const c of targets) {
      if (!chance(0.3)) continue
      const man = pick(men)
      const at = when(begin, end) + rnd() * 30 * DAY
      relationships.push({
        from: c,
        to: man,
        kind: 'claimed_partner',
        recordedAt: iso(at),
        agency: 'csc',
        ref: `csc:R${++seq.event}`,
      })
      let inner = tiedAt.get(`person:${man}`)
      if (!inner) tiedAt.set(`person:${man}`, (inner = new Map()))
      inner.set(c, Math.min(inner.get(c) ?? Infinity, at))
    }
    // intelligence about the men: their cars and phones (and some a victim)
    for (const m of men) {
      if (chance(0.6)) {
        const inv: Involved[] = [use({ kind: 'vehicle', key: pick(cars) }), use({ kind: 'phone', key: pick(phones) })]
        if (chance(0.4)) inv.push({ kind: 'person', key: pick(targets), role: 'victim' })
        event(m, inv, when(begin, end))
      }
    }
    // every planted member is knowable: tied to two of the children, or recorded with another member
    const groupNodes = new Set(memberRefs.map((r) => `${r.kind}:${r.key}`))
    for (const ref of memberRefs) {
      const node = `${ref.kind}:${ref.key}`
      const kids = [...(tiedAt.get(node)?.keys() ?? [])].filter((c) => targets.includes(c))
      const withOthers = [...(together.get(node) ?? [])].some((o) => groupNodes.has(o))
      if (kids.length >= 2 || withOthers) continue
      const man = pick(men.filter((m) => m !== ref.key).concat(ref.kind === 'person' ? [] : men))
      if (ref.kind === 'person') {
        if (man === undefined)
          event(pick(targets), [use({ kind: 'person', key: ref.key, role: 'suspect' })], when(begin, end))
        else
          event(
            pick(targets),
            [use({ kind: 'person', key: ref.key, role: 'suspect' }), { kind: 'person', key: man, role: 'suspect' }],
            when(begin, end),
          )
      } else event(man, [use({ kind: ref.kind, key: ref.key })], when(begin, end))
    }
    let firstTied = Infinity
    const targetSet = new Set(targets)
    for (const ref of memberRefs) {
      const times = [...(tiedAt.get(`${ref.kind}:${ref.key}`) ?? new Map<string, number>())]
        .filter(([c]) => targetSet.has(c))
        .map(([, t]) => t)
        .sort((a, b) => a - b)
      if (times.length >= 2) firstTied = Math.min(firstTied, times[1])
    }
    groups.push({
      children: targets.sort(),
      members: memberRefs,
      firstTiedAt: Number.isFinite(firstTied) ? iso(firstTied) : null,
    })
  }
  return { facts, population: { children, adults }, relationships, truth: { groups } }
}
