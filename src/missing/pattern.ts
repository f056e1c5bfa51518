// A child's missing history at a glance: how often lately, when they usually go, where they are
// found more than once, who and what is seen with them more than once. Places, people and vehicles
// that recur are the leads a plan for the next episode is built on.
import { londonParts, plusLondonDays } from './time.ts'
import type { EpisodeInvolvement, MissingEpisode } from './types.ts'

export const TIMES_OF_DAY = ['night', 'morning', 'afternoon', 'evening'] as const
export type TimeOfDay = (typeof TIMES_OF_DAY)[number]
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const

/** Night 22:00-05:59, morning 06:00-11:59, afternoon 12:00-17:59, evening 18:00-21:59 (London time). */
export function timeOfDay(d: Date): TimeOfDay {
  const { hour } = londonParts(d)
  if (hour >= 22 || hour < 6) return 'night'
  if (hour < 12) return 'morning'
  if (hour < 18) return 'afternoon'
  return 'evening'
}

export interface Recurring {
  kind: string
  key: string
  display: string
  /** Number of episodes it appears in. */
  count: number
  episodes: string[]
}

export interface MissingPattern {
  childId: string
  total: number
  last30: number
  last90: number
  last365: number
  byTimeOfDay: Record<TimeOfDay, number>
  /** The time(s) of day most episodes start, when at least two do; else empty. */
  usualTimesOfDay: TimeOfDay[]
  byWeekday: Record<(typeof WEEKDAYS)[number], number>
  usualWeekdays: string[]
  /** Hours 0-23 (London) at which episodes started. */
  byHour: number[]
  averageDurationHours: number | null
  longestDurationHours: number | null
  placesFoundMoreThanOnce: Recurring[]
  peopleSeenMoreThanOnce: Recurring[]
  vehiclesSeenMoreThanOnce: Recurring[]
  /** Phones and online identities named in more than one episode. */
  othersSeenMoreThanOnce: Recurring[]
}

export interface PatternOptions {
  asOf: Date
  /** Maps an agency's person reference to the linked person's id, so two agencies' records of one adult count together. */
  personKey?: (agency: string, personSourceId: string) => string
}

function display(x: EpisodeInvolvement): string {
  const inv = x.involvement
  if (inv.kind === 'person') return inv.person
  if (inv.kind === 'location') return inv.name ?? inv.display
  return inv.display
}

function most<K extends string>(counts: Record<K, number>): K[] {
  const top = Math.max(...Object.values<number>(counts))
  if (top < 2) return []
  return (Object.keys(counts) as K[]).filter((k) => counts[k] === top)
}

function recurring(
  episodes: MissingEpisode[],
  pick: (x: EpisodeInvolvement) => boolean,
  keyOf: (x: EpisodeInvolvement) => string,
): Recurring[] {
  const found = new Map<string, Recurring>()
  for (const ep of episodes) {
    const seen = new Set<string>()
    for (const x of ep.involves) {
      if (!pick(x)) continue
      const key = keyOf(x)
      if (seen.has(key)) continue // once per episode, however many reports name it
      seen.add(key)
      const r = found.get(key) ?? { kind: x.involvement.kind, key, display: display(x), count: 0, episodes: [] }
      r.count++
      r.episodes.push(ep.id)
      found.set(key, r)
    }
  }
  return [...found.values()].filter((r) => r.count > 1).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
}

/** The pattern of one child's episodes (those of other children are ignored) known at `asOf`. */
export function missingPattern(
  childId: string,
  episodes: readonly MissingEpisode[],
  options: PatternOptions,
): MissingPattern {
  const { asOf } = options
  const eps = episodes.filter(
    (e) => e.childId === childId && e.startedAt.getTime() <= asOf.getTime() && e.recordedAt.getTime() <= asOf.getTime(),
  )
  const within = (days: number) =>
    eps.filter((e) => e.startedAt.getTime() > plusLondonDays(asOf, -days).getTime()).length
  const byTimeOfDay = { night: 0, morning: 0, afternoon: 0, evening: 0 } as Record<TimeOfDay, number>
  const byWeekday = Object.fromEntries(WEEKDAYS.map((d) => [d, 0])) as Record<(typeof WEEKDAYS)[number], number>
  const byHour = new Array<number>(24).fill(0)
  for (const e of eps) {
    byTimeOfDay[timeOfDay(e.startedAt)]++
    const { hour, weekday } = londonParts(e.startedAt)
    byWeekday[WEEKDAYS[weekday - 1]]++
    byHour[hour]++
  }
  const durations = eps
    .filter((e) => e.returnedAt && e.returnedAt.getTime() <= asOf.getTime())
    .flatMap((e) => (e.durationHours === null ? [] : [e.durationHours]))
  const keyOf = (x: EpisodeInvolvement) =>
    x.involvement.kind === 'person' && options.personKey
      ? `person:${options.personKey(x.agency, x.involvement.person)}`
      : x.key
  return {
    childId,
    total: eps.length,
    last30: within(30),
    last90: within(90),
    last365: within(365),
    byTimeOfDay,
    usualTimesOfDay: most(byTimeOfDay),
    byWeekday,
    usualWeekdays: most(byWeekday),
    byHour,
    averageDurationHours: durations.length ? durations.reduce((a, b) => a + b, 0) / durations.length : null,
    longestDurationHours: durations.length ? Math.max(...durations) : null,
    placesFoundMoreThanOnce: recurring(
      eps,
      (x) => x.involvement.kind === 'location' && x.involvement.role === 'found_at',
      keyOf,
    ),
    peopleSeenMoreThanOnce: recurring(eps, (x) => x.involvement.kind === 'person', keyOf),
    vehiclesSeenMoreThanOnce: recurring(eps, (x) => x.involvement.kind === 'vehicle', keyOf),
    othersSeenMoreThanOnce: recurring(
      eps,
      (x) => x.involvement.kind === 'phone' || x.involvement.kind === 'online',
      keyOf,
    ),
  }
}
