// What makes a child one of an audit's candidates: a criterion is versioned data (case_audit_criteria,
// migration 0036, decision 0048), a name, a version, a title, a description and conditions, each one of
// the kinds below with its parameters, evaluated over facts the other capabilities already decide
// (missing episodes by missing/state.ts, risk bands by risk/area.ts, decisions by working-together's
// store, concerns by records/types.ts CONCERN_KINDS), read by facts.ts. A child is a candidate when every
// condition admits them. Pure: a day is a London calendar day (YYYY-MM-DD), compared as text.
import type { Candidate } from './draw.ts'
import type { Stratify } from './tables.ts'

export interface Period {
  from: string
  to: string
}

export interface CohortFacts {
  /** each missing episode that has ended: the child, the day they returned, the agencies that recorded it */
  episodes: { childId: number; returnedDay: string; agencies: readonly string[] }[]
  /** each child's effective risk band at the end of the period */
  bands: ReadonlyMap<number, number>
  decisions: { childId: number; agency: string; outcome: string | null; decidedDay: string }[]
  concerns: { childId: number; agency: string; day: string }[]
}

/** The conditions the code knows how to evaluate, each with its parameters. */
export type Condition =
  /** a missing episode ended (the child returned) in the period; at least `min_count` of them; the band at the period's end at least `min_band` */
  | { type: 'missing_episodes'; min_count?: number; min_band?: number }
  /** a decision of no further action in the period after a different agency's concern, at most `within_days` days before it */
  | { type: 'nfa_after_concern'; within_days?: number }
  /** the risk band at the end of the period at least `band` */
  | { type: 'band_at_least'; band: number }
  /** concerns raised in the period by at least `min_agencies` different agencies */
  | { type: 'concerns_from_agencies'; min_agencies: number }

export type ConditionType = Condition['type']

export interface CriterionDefinition {
  /** what an audit names it by: lower-case letters, digits and underscores */
  name: string
  /** 1, 2, ...: each new version of a name is higher than the last */
  version: number
  title: string
  description: string
  conditions: Condition[]
}

export const BAND_MIN = 1
export const BAND_MAX = 4

interface Parameter {
  required: boolean
  min: number
  max: number
  /** what the value is, for the error */
  expected: string
}

const whole = (min: number, max: number, what: string): Omit<Parameter, 'required'> => ({
  min,
  max,
  expected: `a whole number from ${min} to ${max} (${what})`,
})

/** Each condition's parameters: the one place that says what a definition may hold. */
export const CONDITION_PARAMETERS: Record<ConditionType, Record<string, Parameter>> = {
  missing_episodes: {
    min_count: { required: false, ...whole(1, 100, 'how many episodes at least; 1 when left out') },
    min_band: { required: false, ...whole(BAND_MIN, BAND_MAX, 'the lowest risk band at the end of the period') },
  },
  nfa_after_concern: {
    within_days: { required: false, ...whole(0, 3650, 'days from the concern to the decision; any when left out') },
  },
  band_at_least: {
    band: { required: true, ...whole(BAND_MIN, BAND_MAX, 'the lowest risk band at the end of the period') },
  },
  concerns_from_agencies: {
    min_agencies: { required: true, ...whole(1, 20, 'how many different agencies at least') },
  },
}
export const CONDITION_TYPES = Object.keys(CONDITION_PARAMETERS) as ConditionType[]
const isConditionType = (value: unknown): value is ConditionType =>
  typeof value === 'string' && value in CONDITION_PARAMETERS

const shown = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value))

/**
 * What is wrong with a definition, each problem naming the field and what was expected; empty when
 * none. Unknown fields and condition types are refused, so a misspelt parameter is never ignored.
 */
export function criterionProblems(value: unknown): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return ['the criterion must be a JSON object with name, version, title, description and conditions']
  const c = value as Record<string, unknown>
  const problems: string[] = []
  for (const key of Object.keys(c))
    if (!['name', 'version', 'title', 'description', 'conditions'].includes(key))
      problems.push(`${key}: not a field of a criterion; expected name, version, title, description and conditions`)
  if (typeof c.name !== 'string' || !/^[a-z][a-z0-9_]{0,39}$/.test(c.name))
    problems.push(
      `name: expected lower-case letters, digits and underscores, starting with a letter, at most 40 (got ${shown(c.name)})`,
    )
  if (typeof c.version !== 'number' || !Number.isInteger(c.version) || c.version < 1 || c.version > 9999)
    problems.push(`version: expected a whole number from 1 to 9999 (got ${shown(c.version)})`)
  if (typeof c.title !== 'string' || !c.title.trim() || c.title.length > 200)
    problems.push(`title: expected words of at most 200 characters (got ${shown(c.title)})`)
  if (typeof c.description !== 'string' || !c.description.trim() || c.description.length > 1000)
    problems.push(`description: expected words of at most 1,000 characters (got ${shown(c.description)})`)
  if (!Array.isArray(c.conditions) || c.conditions.length === 0 || c.conditions.length > 10) {
    problems.push(`conditions: expected a list of 1 to 10 conditions, each { "type": ..., parameters }`)
    return problems
  }
  c.conditions.forEach((condition: unknown, i) => {
    const at = `conditions[${i}]`
    if (!condition || typeof condition !== 'object' || Array.isArray(condition)) {
      problems.push(`${at}: expected an object with a type (got ${shown(condition)})`)
      return
    }
    const { type, ...rest } = condition as Record<string, unknown>
    if (!isConditionType(type)) {
      problems.push(`${at}.type: expected one of ${CONDITION_TYPES.join(', ')} (got ${shown(type)})`)
      return
    }
    const parameters = CONDITION_PARAMETERS[type]
    const names = Object.keys(parameters)
    for (const key of Object.keys(rest))
      if (!(key in parameters))
        problems.push(
          `${at}.${key}: not a parameter of ${type}; expected ${names.length ? names.join(' or ') : 'none'}`,
        )
    for (const [key, p] of Object.entries(parameters)) {
      const v = rest[key]
      if (v === undefined) {
        if (p.required) problems.push(`${at}.${key}: required for ${type}; expected ${p.expected}`)
      } else if (typeof v !== 'number' || !Number.isInteger(v) || v < p.min || v > p.max)
        problems.push(`${at}.${key}: expected ${p.expected} (got ${shown(v)})`)
    }
  })
  return problems
}

/** A definition checked and cleaned (text trimmed, only the known fields kept); throws with every problem. */
export function criterionFrom(value: unknown): CriterionDefinition {
  const problems = criterionProblems(value)
  if (problems.length) throw new CriterionError(problems)
  const c = value as CriterionDefinition
  return {
    name: c.name,
    version: c.version,
    title: c.title.trim(),
    description: c.description.trim(),
    conditions: c.conditions.map((condition) => {
      const out: Record<string, unknown> = { type: condition.type }
      for (const key of Object.keys(CONDITION_PARAMETERS[condition.type]))
        if ((condition as unknown as Record<string, unknown>)[key] !== undefined)
          out[key] = (condition as unknown as Record<string, unknown>)[key]
      return out as unknown as Condition
    }),
  }
}

export class CriterionError extends Error {
  constructor(readonly problems: string[]) {
    super(`the criterion is not valid: ${problems.join('; ')}`)
  }
}

/** A condition in words, as the pages and `audits criteria` show it. */
export function conditionWords(c: Condition): string {
  switch (c.type) {
    case 'missing_episodes':
      return (
        `${(c.min_count ?? 1) > 1 ? `at least ${c.min_count} missing episodes` : 'a missing episode'} ended in the period` +
        (c.min_band ? `, risk band ${c.min_band} or more at its end` : '')
      )
    case 'nfa_after_concern':
      return (
        "a decision of no further action in the period after another agency's concern" +
        (c.within_days === undefined ? '' : ` raised at most ${c.within_days} days before`)
      )
    case 'band_at_least':
      return `risk band ${c.band} or more at the end of the period`
    case 'concerns_from_agencies':
      return `concerns raised in the period by at least ${c.min_agencies} different agencies`
  }
}

/** The two criteria before they were data, as migration 0036 ships them (version 1 of each). */
export const SHIPPED_CRITERIA: readonly CriterionDefinition[] = [
  {
    name: 'missing_with_risk',
    version: 1,
    title: 'Children missing with a risk of exploitation',
    description:
      'Children with a missing episode that ended (the child returned) in the period, whose risk band at the end of the period was 2 (mild) or more.',
    conditions: [{ type: 'missing_episodes', min_band: 2 }],
  },
  {
    name: 'nfa_after_concern',
    version: 1,
    title: "No further action after another agency's concern",
    description:
      'Children with a decision of no further action made in the period, after a different agency had raised a concern or referral about them.',
    conditions: [{ type: 'nfa_after_concern' }],
  },
]

const within = (day: string, period: Period) => day >= period.from && day <= period.to
const dayNumber = (day: string) =>
  Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000

/**
 * The children one condition admits, each with the agencies whose records admitted them (the strata
 * by agency); a condition about the band alone admits with no agency.
 */
function admitted(c: Condition, facts: CohortFacts, period: Period): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>()
  const add = (childId: number, agencies: readonly string[]) => {
    const set = out.get(childId) ?? new Set<string>()
    for (const a of agencies) set.add(a)
    out.set(childId, set)
  }
  const band = (childId: number) => facts.bands.get(childId) ?? 1
  switch (c.type) {
    case 'missing_episodes': {
      const ended = new Map<number, string[][]>()
      for (const e of facts.episodes)
        if (within(e.returnedDay, period)) ended.set(e.childId, [...(ended.get(e.childId) ?? []), [...e.agencies]])
      for (const [childId, episodes] of ended)
        if (episodes.length >= (c.min_count ?? 1) && band(childId) >= (c.min_band ?? BAND_MIN))
          add(childId, episodes.flat())
      break
    }
    case 'nfa_after_concern':
      for (const d of facts.decisions) {
        if (d.outcome !== 'no_further_action' || !within(d.decidedDay, period)) continue
        const othersConcerned = facts.concerns.some(
          (k) =>
            k.childId === d.childId &&
            k.agency !== d.agency &&
            k.day <= d.decidedDay &&
            (c.within_days === undefined || dayNumber(d.decidedDay) - dayNumber(k.day) <= c.within_days),
        )
        if (othersConcerned) add(d.childId, [d.agency])
      }
      break
    case 'band_at_least':
      for (const [childId, b] of facts.bands) if (b >= c.band) add(childId, [])
      break
    case 'concerns_from_agencies': {
      const by = new Map<number, Set<string>>()
      for (const k of facts.concerns)
        if (within(k.day, period)) by.set(k.childId, (by.get(k.childId) ?? new Set()).add(k.agency))
      for (const [childId, agencies] of by) if (agencies.size >= c.min_agencies) add(childId, [...agencies])
      break
    }
  }
  return out
}

/**
 * Every (child, stratum) the criterion admits: the children every condition admits. By agency, a child
 * comes once for each agency whose records admitted them under any condition (or under "no agency" when
 * only the band did); by band, once in their band at the end of the period.
 */
export function candidatesFor(
  criterion: Pick<CriterionDefinition, 'conditions'>,
  facts: CohortFacts,
  period: Period,
  by: Stratify,
): Candidate[] {
  const each = criterion.conditions.map((c) => admitted(c, facts, period))
  const [first, ...rest] = each
  if (!first) return []
  const out: Candidate[] = []
  for (const childId of [...first.keys()].sort((a, b) => a - b)) {
    if (!rest.every((m) => m.has(childId))) continue
    if (by === 'none') out.push({ childId, stratum: '' })
    else if (by === 'band') out.push({ childId, stratum: `band ${facts.bands.get(childId) ?? 1}` })
    else {
      const agencies = [...new Set(each.flatMap((m) => [...(m.get(childId) ?? [])]))].sort()
      for (const agency of agencies.length ? agencies : ['no agency']) out.push({ childId, stratum: agency })
    }
  }
  return out
}
