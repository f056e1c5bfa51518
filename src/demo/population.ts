// Families of the town: carers and their children, homes, schools, and the identifiers each
// agency holds. Nobody shares a name and date of birth with someone else by chance.
import type { Context } from './context.ts'
import { SCHOOLS } from './agencies.ts'
import {
  ETHNICITIES,
  FAMILY_NAMES,
  FAMILY_VARIANTS,
  FEMALE_NAMES,
  GIVEN_VARIANTS,
  MALE_NAMES,
  NATIONALITIES,
  STREETS,
} from './names.ts'
import { londonDay, YEAR, DAY } from './london-time.ts'
import type { Rng } from './prng.ts'
import type { Family, HardVariant, Need, Person } from './world.ts'
import type { PersonRole } from './area-types.ts'
import { normaliseName } from '../records/identifiers.ts'

const DISABILITIES = [
  'autism spectrum condition',
  'ADHD',
  'moderate learning difficulty',
  'hearing impairment',
  'speech, language and communication needs',
]

export interface NewPerson {
  role: PersonRole
  sex: 'female' | 'male'
  dobMs: number
  family?: string
  home: Person['home']
  ethnicity?: string
}

export function newPerson(ctx: Context, rng: Rng, spec: NewPerson): Person {
  const names = spec.sex === 'female' ? FEMALE_NAMES : MALE_NAMES
  let dobMs = spec.dobMs
  for (let attempt = 0; ; attempt++) {
    const given = rng.pick(names)
    const family = spec.family ?? rng.pick(FAMILY_NAMES)
    const dob = londonDay(dobMs)
    const key = `${normaliseName(`${given} ${family}`)}|${dob}`
    if (ctx.identities.has(key)) {
      if (attempt > 20) dobMs += DAY
      continue
    }
    ctx.identities.add(key)
    const ethnicity = spec.ethnicity ?? rng.weighted(ETHNICITIES)
    const p: Person = {
      id: `${spec.role === 'child' ? 'C' : 'A'}${ctx.people.length + 1}`,
      role: spec.role,
      given,
      family,
      sex: spec.sex,
      dob,
      dobMs,
      home: spec.home,
      ethnicity,
      nationality: NATIONALITIES[ethnicity] ?? 'British',
    }
    if (rng.chance(0.3) && GIVEN_VARIANTS[given]) p.givenVariant = rng.pick(GIVEN_VARIANTS[given])
    if (rng.chance(0.3) && FAMILY_VARIANTS[family]) p.familyVariant = rng.pick(FAMILY_VARIANTS[family])
    if (rng.chance(ctx.options.hardVariantShare)) p.hard = hardVariant(rng, p)
    ctx.people.push(p)
    return p
  }
}

function hardVariant(rng: Rng, p: Person): HardVariant | undefined {
  const options: HardVariant[] = ['year_only']
  if (p.givenVariant || p.familyVariant) options.push('spelling')
  if (p.givenVariant) options.push('familiar_form')
  const [day, month] = [Number(p.dob.slice(8, 10)), Number(p.dob.slice(5, 7))]
  if (day <= 12 && day !== month) options.push('day_month_swapped')
  return rng.pick(options)
}

const NEEDS: readonly (readonly [Need, number])[] = [
  ['domestic_abuse', 45],
  ['substance_misuse', 25],
  ['mental_health', 25],
  ['family_breakdown', 20],
  ['neglect', 10],
]

/** Families with `children` children in all; every child is under 18 for part of the area's span. */
export function buildPopulation(ctx: Context, children: number): void {
  const rng = ctx.rng.fork('population')
  let made = 0
  while (made < children) {
    const size = Math.min(
      children - made,
      rng.weighted([
        [1, 35],
        [2, 35],
        [3, 20],
        [4, 10],
      ] as const),
    )
    const home = { line1: `${rng.int(1, 180)} ${rng.pick(STREETS)}`, postcode: ctx.ids.postcode() }
    const family: Family = {
      id: `F${ctx.families.length + 1}`,
      carers: [],
      children: [],
      home,
      needs: [],
      needsFrom: 0,
      needsTo: 0,
    }
    ctx.families.push(family)
    // the eldest child is born so that they are a child for at least part of the span
    let dob = ctx.start - 16 * YEAR + rng.next() * (ctx.end - ctx.start + 15.5 * YEAR)
    const ethnicity = rng.weighted(ETHNICITIES)
    const mother = newPerson(ctx, rng, {
      role: 'carer',
      sex: 'female',
      dobMs: dob - rng.between(18, 38) * YEAR,
      home,
      ethnicity,
    })
    family.carers.push(mother)
    if (rng.chance(0.65)) {
      const partner = newPerson(ctx, rng, {
        role: 'carer',
        sex: 'male',
        dobMs: mother.dobMs - rng.between(-3, 8) * YEAR,
        home,
        family: rng.chance(0.75) ? mother.family : undefined,
        ethnicity: rng.chance(0.85) ? ethnicity : undefined,
      })
      family.carers.push(partner)
    }
    for (let i = 0; i < size; i++) {
      if (dob > ctx.end - 0.2 * YEAR) break
      const child = newPerson(ctx, rng, {
        role: 'child',
        sex: rng.chance(0.5) ? 'female' : 'male',
        dobMs: dob,
        home,
        family: family.carers[family.carers.length - 1].family,
        ethnicity,
      })
      child.household = family
      child.nhs = ctx.ids.nhsNumber()
      child.school = rng.pick(SCHOOLS)
      const entered = new Date(dob + 11 * YEAR).getUTCFullYear()
      child.upn = ctx.ids.upn(child.school.establishment, entered)
      if (rng.chance(0.08)) child.disability = rng.pick(DISABILITIES)
      family.children.push(child)
      made++
      // twins now and then, otherwise 1 to 5 years apart
      dob += rng.chance(0.03) ? 0 : rng.between(1, 5) * YEAR
    }
    for (const c of family.carers) {
      c.nhs = ctx.ids.nhsNumber()
      c.household = family
      if (rng.chance(0.8)) c.landline = undefined
    }
    family.carers[0].landline = ctx.ids.landline() ?? undefined
    if (rng.chance(0.18)) addNeeds(ctx, rng, family)
  }
}

function addNeeds(ctx: Context, rng: Rng, family: Family): void {
  const first = rng.weighted(NEEDS)
  family.needs.push(first)
  if (rng.chance(0.3)) {
    const second = rng.weighted(NEEDS)
    if (second !== first) family.needs.push(second)
  }
  const childhoodFrom = Math.max(ctx.start, Math.min(...family.children.map((c) => c.dobMs)))
  const childhoodTo = Math.min(ctx.end, Math.max(...family.children.map((c) => c.dobMs + 17 * YEAR)))
  if (childhoodTo <= childhoodFrom) return
  family.needsFrom = childhoodFrom + rng.next() * (childhoodTo - childhoodFrom) * 0.8
  family.needsTo = Math.min(childhoodTo, family.needsFrom + rng.between(0.5, 4) * YEAR)
}
