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

/**
 * The generator's state: its seeded draws, the names it hands out, what it has recorded, and for the
 * truth when each member was first tied to each child and what it was recorded with. The order of the
 * draws is the area: the same seed and options give the same area.
 */
class AreaGenerator {
  readonly rnd: () => number
  readonly days: number
  readonly facts: LinkFact[] = []
  readonly relationships: PersonRelationship[] = []
  readonly children = new Set<string>()
  readonly adults = new Set<string>()
  /** member node -> child -> earliest recorded time of a tie (for the truth) */
  readonly tiedAt = new Map<string, Map<string, number>>()
  /** member node -> other adults and objects recorded in one event with it */
  readonly together = new Map<string, Set<string>>()
  private readonly seq = { event: 0, adult: 0, plate: 0, phone: 0, place: 0 }

  constructor(options: SyntheticOptions) {
    this.rnd = mulberry32(options.seed)
    this.days = options.days ?? 900
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rnd() * (hi - lo + 1))
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rnd() * list.length)]
  }
  chance(p: number): boolean {
    return this.rnd() < p
  }
  sample<T>(list: readonly T[], n: number): T[] {
    const copy = list.slice()
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.rnd() * (i + 1))
      ;[copy[i], copy[j]] = [copy[j], copy[i]]
    }
    return copy.slice(0, n)
  }
  /** A moment between two days of the area (its whole span by default). */
  when(from = 0, to = this.days): number {
    return START + (from + this.rnd() * (to - from)) * DAY
  }

  newAdult(): string {
    return `A${String(++this.seq.adult).padStart(5, '0')}`
  }
  newPlate(): string {
    const area = this.pick(['AB', 'MA', 'YX', 'KF', 'BD'])
    const age = String(this.int(51, 69))
    return `${area}${age}${String.fromCharCode(65 + (this.seq.plate++ % 26), 65 + this.int(0, 25), 65 + this.int(0, 25))}`
  }
  newPhone(): string {
    return `07700${String(900000 + ++this.seq.phone).padStart(6, '0')}`
  }
  newPlace(): string {
    const district = `OL${this.int(1, 16)}${this.int(1, 9)}`
    const n = this.seq.place++
    // two letters from the count keep places apart; a third past 676 of them (large areas)
    return `${district}${letter(n)}${letter(Math.floor(n / 26))}${n >= 676 ? letter(Math.floor(n / 676)) : ''}`
  }
  /** A reference for a relationship record (counted with the events). */
  newRecordRef(): number {
    return ++this.seq.event
  }

  /** An event about `subject` involving these, recorded by a random agency some days later; when it was recorded. */
  event(subject: string, involved: Involved[], occurred: number, delayDays?: number): number {
    const agency = this.pick(AGENCIES)
    const ref = `${agency}:E${++this.seq.event}`
    const delay = delayDays ?? (this.chance(0.8) ? this.rnd() * 20 : this.rnd() * 200)
    const recorded = occurred + delay * DAY
    for (const inv of involved) {
      this.facts.push({
        personEntityId: subject,
        memberKind: inv.kind,
        memberKey: inv.key,
        agency,
        eventRef: ref,
        role: inv.role ?? null,
        reliability: this.pick(['confirmed', 'tentative', 'unconfirmed']),
        occurredAt: iso(occurred),
        recordedAt: iso(recorded),
        restricted: this.chance(0.1),
      })
    }
    this.noteTruth([{ kind: 'person', key: subject }, ...involved], recorded)
    return recorded
  }

  /** Truth: every child in the event is tied to every other participant, and the others were together. */
  private noteTruth(all: Involved[], recorded: number): void {
    for (const c of all) {
      if (c.kind !== 'person' || !this.children.has(c.key)) continue
      for (const m of all) {
        if (m === c || (m.kind === 'person' && this.children.has(m.key))) continue
        this.tie(`${m.kind}:${m.key}`, c.key, recorded)
      }
    }
    const others = all
      .filter((m) => !(m.kind === 'person' && this.children.has(m.key)))
      .map((m) => `${m.kind}:${m.key}`)
    for (const a of others) {
      let set = this.together.get(a)
      if (!set) this.together.set(a, (set = new Set()))
      for (const b of others) if (b !== a) set.add(b)
    }
  }

  /** A member first tied to a child at this moment, unless it was earlier. */
  tie(node: string, child: string, at: number): void {
    let inner = this.tiedAt.get(node)
    if (!inner) this.tiedAt.set(node, (inner = new Map()))
    inner.set(child, Math.min(inner.get(child) ?? Infinity, at))
  }
}

const letter = (i: number) => String.fromCharCode(65 + (i % 26))
const iso = (ms: number) => new Date(ms).toISOString()

interface Home {
  parent: string
  home: string
  phone: string
  kids: string[]
}

export function generateLinkArea(options: SyntheticOptions): SyntheticArea {
  const g = new AreaGenerator(options)
  const nChildren = options.children ?? 160
  const { childIds, homes } = plantFamilies(g, nChildren)
  const schoolOf = everydayLinks(g, options, childIds, homes)
  familyFriends(g, options.friends ?? 2, childIds)
  // planted groups
  const groups: PlantedGroup[] = []
  const handlesTaken = new Set<string>()
  const free = g.sample(
    homes.filter((h) => h.kids.length === 1).map((h) => h.kids[0]),
    nChildren,
  )
  for (let n = options.groups ?? 3; n > 0; n--) {
    const group = plantGroup(g, free, handlesTaken, schoolOf)
    // an area too small for another group: a group around fewer than two children is no group
    if (!group) break
    groups.push(group)
  }
  const { facts, relationships, children, adults } = g
  return { facts, population: { children, adults }, relationships, truth: { groups } }
}

/** Families: a parent, a home and the parent's phone, shared by siblings; their kinship and their events. */
function plantFamilies(g: AreaGenerator, nChildren: number) {
  const childIds: string[] = []
  const homes: Home[] = []
  while (childIds.length < nChildren) {
    const size = Math.min(nChildren - childIds.length, g.chance(0.7) ? 1 : g.chance(0.65) ? 2 : 3)
    const parent = g.newAdult()
    g.adults.add(parent)
    const fam: Home = { parent, home: g.newPlace(), phone: g.newPhone(), kids: [] }
    for (let i = 0; i < size; i++) {
      const c = `C${String(childIds.length + 1).padStart(5, '0')}`
      childIds.push(c)
      g.children.add(c)
      fam.kids.push(c)
    }
    homes.push(fam)
  }
  for (const fam of homes) {
    // kinship is recorded one way or another: the parent, the siblings, or both
    const viaParent = fam.kids.length === 1 || g.chance(0.7)
    for (const c of fam.kids) {
      if (viaParent) g.relationships.push({ from: c, to: fam.parent, kind: 'parent', recordedAt: iso(START) })
    }
    if (!viaParent || g.chance(0.5)) {
      for (let i = 1; i < fam.kids.length; i++) {
        g.relationships.push({ from: fam.kids[0], to: fam.kids[i], kind: 'family', recordedAt: iso(START) })
      }
    }
    for (const c of fam.kids) {
      for (let i = g.int(1, 4); i > 0; i--) {
        const inv: Involved[] = [{ kind: 'person', key: fam.parent, role: 'family' }]
        if (g.chance(0.6)) inv.push({ kind: 'location', key: fam.home })
        if (g.chance(0.4)) inv.push({ kind: 'phone', key: fam.phone })
        g.event(c, inv, g.when())
      }
    }
  }
  return { childIds, homes }
}

/** Where the groups find their children: each child's school, and the busy places. */
interface Places {
  schoolOf: (child: string) => string
  busy: () => string
}

/**
 * Schools (each family's children at one), a busy bus station and other busy places, professionals,
 * and a boyfriend, a car, a handle or a peer tied to one child alone.
 */
function everydayLinks(g: AreaGenerator, options: SyntheticOptions, childIds: string[], homes: Home[]): Places {
  const familyOf = new Map(homes.flatMap((h, i) => h.kids.map((c) => [c, i] as const)))
  const schools = Array.from({ length: options.schools ?? 4 }, () => g.newPlace())
  const schoolOf = (c: string) => schools[mustGet(familyOf, c, "a child's family") % schools.length]
  const busStation = g.newPlace()
  // the further busy places draw on the generator only when asked for, so that the default area stays the same
  const busyPlaces = [
    busStation,
    ...Array.from({ length: Math.max(0, (options.busyPlaces ?? 1) - 1) }, () => g.newPlace()),
  ]
  const busy = () => (busyPlaces.length > 1 ? g.pick(busyPlaces) : busStation)
  const workers = Array.from({ length: 6 }, () => g.newAdult())
  for (const w of workers) g.adults.add(w)
  for (const c of childIds) {
    if (g.chance(0.6)) g.event(c, [{ kind: 'location', key: schoolOf(c) }], g.when())
    if (g.chance(0.3)) g.event(c, [{ kind: 'location', key: busStation, role: 'found_at' }], g.when())
    for (const place of busyPlaces.slice(1))
      if (g.chance(0.3)) g.event(c, [{ kind: 'location', key: place, role: g.pick(['found_at', undefined]) }], g.when())
    g.event(c, [{ kind: 'person', key: g.pick(workers), role: 'professional' }], g.when())
    // a boyfriend, a car or a handle tied to this child alone
    if (g.chance(0.25)) {
      const b = g.newAdult()
      g.adults.add(b)
      const inv: Involved[] = [{ kind: 'person', key: b, role: 'associate' }]
      if (g.chance(0.5)) inv.push({ kind: 'vehicle', key: g.newPlate() })
      g.event(c, inv, g.when())
    }
    if (g.chance(0.15)) g.event(c, [{ kind: 'online', key: `user${g.int(1000, 9999)}_${c}@chat` }], g.when())
    // a peer
    if (g.chance(0.2)) g.event(c, [{ kind: 'person', key: g.pick(childIds), role: 'associate' }], g.when())
  }
  return { schoolOf, busy }
}

/** Family friends: tied to two or three children of different families, mostly recorded as family. */
function familyFriends(g: AreaGenerator, count: number, childIds: string[]): void {
  for (let f = count; f > 0; f--) {
    const friend = g.newAdult()
    g.adults.add(friend)
    for (const c of g.sample(childIds, g.int(2, 3))) {
      // brought to hospital by her, found at her house after staying out: ordinary records
      const role = g.pick(['associate', 'associate', 'found_with', 'family', 'witness'])
      g.event(c, [{ kind: 'person', key: friend, role }], g.when())
    }
  }
}

/** A planted group's men, cars, phones, places and (for some) an online handle no other group has. */
function groupMembers(g: AreaGenerator, handlesTaken: Set<string>) {
  const men = Array.from({ length: g.int(2, 5) }, () => g.newAdult())
  for (const m of men) g.adults.add(m)
  const cars = Array.from({ length: g.int(1, 2) }, () => g.newPlate())
  const phones = Array.from({ length: g.int(1, 3) }, () => g.newPhone())
  const places = Array.from({ length: g.int(1, 2) }, () => g.newPlace())
  const handles = g.chance(0.5) ? [`${g.pick(['dan', 'jay', 'mo', 'kez'])}${g.int(10, 99)}@snap`] : []
  // two groups drawing the same handle would be one identity planted in both: the later one is another
  for (let i = 0; i < handles.length; i++) {
    while (handlesTaken.has(handles[i])) handles[i] = handles[i].replace('@', '_@')
    handlesTaken.add(handles[i])
  }
  return { men, cars, phones, places, handles }
}

type Members = ReturnType<typeof groupMembers>

/** A group planted around the next free children (null when fewer than two are left), with its truth. */
function plantGroup(g: AreaGenerator, free: string[], handlesTaken: Set<string>, where: Places): PlantedGroup | null {
  const members = groupMembers(g, handlesTaken)
  const { men, cars, phones, places, handles } = members
  const targets = free.splice(0, g.int(4, 8))
  if (targets.length < 2) return null
  const begin = g.rnd() * g.days * 0.5
  const end = Math.min(g.days, begin + 200 + g.rnd() * 300)
  const memberRefs: MemberRef[] = [
    ...men.map((key) => ({ kind: 'person' as const, key })),
    ...cars.map((key) => ({ kind: 'vehicle' as const, key })),
    ...phones.map((key) => ({ kind: 'phone' as const, key })),
    ...places.map((key) => ({ kind: 'location' as const, key })),
    ...handles.map((key) => ({ kind: 'online' as const, key })),
  ]
  const span = { begin, end }
  groupEvents(g, members, targets, span, where)
  makeKnowable(g, memberRefs, men, targets, span)
  return { children: targets.sort(), members: memberRefs, firstTiedAt: firstTiedAt(g, memberRefs, targets) }
}

/** One of a group's encounters with a child: with a man, in a car, at a place, by phone or online. */
function encounter(g: AreaGenerator, { men, cars, phones, places, handles }: Members, busy: () => string): Involved[] {
  const inv: Involved[] = []
  const style = g.rnd()
  if (style < 0.5) {
    // missing, found with a man, in a car or at a place
    const man = g.pick(men)
    inv.push({
      kind: 'person',
      key: man,
      role: g.pick(['found_with', 'suspect', 'suspect', 'found_with', 'associate']),
    })
    if (g.chance(0.5)) inv.push({ kind: 'vehicle', key: g.pick(cars) })
    if (g.chance(0.5)) inv.push({ kind: 'location', key: g.pick(places), role: 'found_at' })
    if (g.chance(0.2)) inv.push({ kind: 'location', key: busy(), role: 'found_at' })
  } else if (style < 0.75) {
    inv.push({ kind: 'phone', key: g.pick(phones) })
    if (g.chance(0.3)) inv.push({ kind: 'person', key: g.pick(men), role: 'suspect' })
  } else if (style < 0.9) {
    inv.push({ kind: 'location', key: g.pick(places), role: g.pick(['found_at', undefined]) })
    if (g.chance(0.4)) inv.push({ kind: 'vehicle', key: g.pick(cars) })
  } else {
    inv.push(handles.length ? { kind: 'online', key: g.pick(handles) } : { kind: 'phone', key: g.pick(phones) })
  }
  return inv
}

/** The group's encounters with its children, at the school gates, as their boyfriend, and intelligence about the men. */
function groupEvents(
  g: AreaGenerator,
  members: Members,
  targets: string[],
  { begin, end }: { begin: number; end: number },
  where: Places,
): void {
  const { men, cars, phones } = members
  for (const c of targets) {
    for (let i = g.int(3, 6); i > 0; i--) g.event(c, encounter(g, members, where.busy), g.when(begin, end))
  }
  // seen getting into a group's car at the school gates, recorded by the school
  for (const c of targets) {
    if (!g.chance(0.5)) continue
    const school = where.schoolOf(c)
    g.event(
      c,
      [
        { kind: 'location', key: school },
        { kind: 'vehicle', key: g.pick(cars) },
      ],
      g.when(begin, end),
    )
  }
  // the child calls one of them her boyfriend: a recorded relationship, a tie like any other
  for (const c of targets) {
    if (!g.chance(0.3)) continue
    const man = g.pick(men)
    const at = g.when(begin, end) + g.rnd() * 30 * DAY
    const ref = `csc:R${g.newRecordRef()}`
    g.relationships.push({ from: c, to: man, kind: 'claimed_partner', recordedAt: iso(at), agency: 'csc', ref })
    g.tie(`person:${man}`, c, at)
  }
  // intelligence about the men: their cars and phones (and some a victim)
  for (const m of men) {
    if (g.chance(0.6)) {
      const inv: Involved[] = [
        { kind: 'vehicle', key: g.pick(cars) },
        { kind: 'phone', key: g.pick(phones) },
      ]
      if (g.chance(0.4)) inv.push({ kind: 'person', key: g.pick(targets), role: 'victim' })
      g.event(m, inv, g.when(begin, end))
    }
  }
}

/** Every planted member is knowable: tied to two of the children, or recorded with another member. */
function makeKnowable(
  g: AreaGenerator,
  memberRefs: MemberRef[],
  men: string[],
  targets: string[],
  { begin, end }: { begin: number; end: number },
): void {
  const groupNodes = new Set(memberRefs.map((r) => `${r.kind}:${r.key}`))
  for (const ref of memberRefs) {
    const node = `${ref.kind}:${ref.key}`
    const kids = [...(g.tiedAt.get(node)?.keys() ?? [])].filter((c) => targets.includes(c))
    const withOthers = [...(g.together.get(node) ?? [])].some((o) => groupNodes.has(o))
    if (kids.length >= 2 || withOthers) continue
    const man = g.pick(men.filter((m) => m !== ref.key).concat(ref.kind === 'person' ? [] : men))
    if (ref.kind === 'person') {
      if (man === undefined)
        g.event(g.pick(targets), [{ kind: 'person', key: ref.key, role: 'suspect' }], g.when(begin, end))
      else
        g.event(
          g.pick(targets),
          [
            { kind: 'person', key: ref.key, role: 'suspect' },
            { kind: 'person', key: man, role: 'suspect' },
          ],
          g.when(begin, end),
        )
    } else g.event(man, [{ kind: ref.kind, key: ref.key }], g.when(begin, end))
  }
}

/** The first recorded moment two of the group's children were tied to one of its members (null: never). */
function firstTiedAt(g: AreaGenerator, memberRefs: MemberRef[], targets: string[]): string | null {
  let firstTied = Infinity
  const targetSet = new Set(targets)
  for (const ref of memberRefs) {
    const times = [...(g.tiedAt.get(`${ref.kind}:${ref.key}`) ?? new Map<string, number>())]
      .filter(([c]) => targetSet.has(c))
      .map(([, t]) => t)
      .sort((a, b) => a - b)
    if (times.length >= 2) firstTied = Math.min(firstTied, times[1])
  }
  return Number.isFinite(firstTied) ? iso(firstTied) : null
}
