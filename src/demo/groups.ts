// Planted groups of adults who target several children, with the cars, phones, handles and places
// that recur across those children's records.
import type { Context } from './context.ts'
import { newPerson } from './population.ts'
import { DISTRICTS } from './identifiers.ts'
import { londonParts, YEAR } from './london-time.ts'
import type { Rng } from './prng.ts'
import type { Person, Place } from './world.ts'
import { STREETS } from './names.ts'
import { mustGet } from '../errors/must.ts'

export interface Group {
  id: string
  name: string
  adults: Person[]
  vehicles: string[]
  phones: string[]
  online: string[]
  places: Place[]
  children: Person[]
}

const TAKEAWAYS = [
  'Golden Fork',
  'Star Kebabs',
  'Village Grill',
  'Eastern Spice',
  'Chicken Express',
  'Moonlight Grill',
  'Royal Fish Bar',
  'Sunset Kebab House',
  'Top Pizza',
  'Pennine Pizza',
  'Canal Side Grill',
  'Lucky Star',
]
const HANDLES = ['kingpin', 'smoothtalker', 'bigman', 'daddycool', 'rudeboy', 'chillzone', 'nightrider', 'lovebug']

export function createGroups(ctx: Context, rng: Rng, count: number): Group[] {
  const groups: Group[] = []
  const startYear = londonParts(ctx.start).year
  for (let g = 0; g < count; g++) {
    const takeaway = TAKEAWAYS[(g + rng.int(0, TAKEAWAYS.length - 1)) % TAKEAWAYS.length]
    const street = rng.pick(STREETS)
    const number = rng.int(2, 90)
    const takeawayPlace: Place = {
      name: `${takeaway} takeaway, ${street}`,
      aliases: [`${takeaway}, ${number} ${street}`, `the ${takeaway.toLowerCase()} on ${street}`],
      postcode: ctx.ids.postcode(rng.pick(DISTRICTS)),
    }
    const flat = `Flat ${rng.int(1, 9)}, ${rng.int(2, 120)} ${rng.pick(STREETS)}`
    const flatPlace: Place = {
      name: flat,
      aliases: [`${flat.toLowerCase()}`, `${flat.replace(', ', ' ')}`],
      postcode: ctx.ids.postcode(rng.pick(DISTRICTS)),
    }
    const nAdults = rng.int(2, 4)
    const phones: string[] = []
    for (let i = 0; i < rng.int(1, 3); i++) {
      const m = ctx.ids.mobile()
      if (m) phones.push(m)
    }
    const adults: Person[] = []
    for (let i = 0; i < nAdults; i++) {
      const home = { line1: `${rng.int(1, 150)} ${rng.pick(STREETS)}`, postcode: ctx.ids.postcode() }
      const age = rng.between(19, 45)
      const adult = newPerson(ctx, rng, {
        role: 'group_adult',
        sex: rng.chance(0.92) ? 'male' : 'female',
        dobMs: ctx.start - age * YEAR,
        home,
      })
      adult.mobile = phones[i] ?? ctx.ids.mobile() ?? undefined
      adult.pnc = rng.chance(0.6) ? ctx.ids.pnc(startYear - rng.int(1, 10)) : undefined
      adults.push(adult)
    }
    const vehicles = Array.from({ length: rng.int(1, 2) }, () =>
      ctx.ids.registration(Math.max(2002, startYear - rng.int(0, 4))),
    )
    const online = rng.chance(0.5) ? [`${rng.pick(HANDLES)}${rng.int(10, 99)}@msn`] : []
    groups.push({
      id: `G${g + 1}`,
      name: `${takeaway} group`,
      adults,
      vehicles,
      phones,
      online,
      places: rng.chance(0.8) ? [takeawayPlace, flatPlace] : [flatPlace],
      children: [],
    })
  }
  return groups
}

export type Tie =
  | { kind: 'person'; person: Person }
  | { kind: 'vehicle'; value: string }
  | { kind: 'phone'; value: string }
  | { kind: 'online'; value: string }
  | { kind: 'place'; place: Place }

/** Which of the group's adults and objects each child's records will name: every one of them
 * with at least two children (when the group has two), and an adult with every child. */
export function assignTies(rng: Rng, group: Group): Map<Person, Tie[]> {
  const ties = new Map<Person, Tie[]>(group.children.map((c) => [c, []]))
  const members: Tie[] = [
    ...group.adults.map((person) => ({ kind: 'person' as const, person })),
    ...group.vehicles.map((value) => ({ kind: 'vehicle' as const, value })),
    ...group.phones.map((value) => ({ kind: 'phone' as const, value })),
    ...group.online.map((value) => ({ kind: 'online' as const, value })),
    ...group.places.map((place) => ({ kind: 'place' as const, place })),
  ]
  const n = group.children.length
  for (const m of members) {
    const k = Math.min(n, Math.max(2, Math.ceil(n * rng.between(0.4, 0.8))))
    for (const c of rng.shuffle(group.children).slice(0, k)) mustGet(ties, c, "a child's ties").push(m)
  }
  for (const [c, list] of ties) {
    if (!list.some((t) => t.kind === 'person')) list.push({ kind: 'person', person: rng.pick(group.adults) })
    ties.set(c, rng.shuffle(list))
  }
  return ties
}
