// When things happen and when agencies get round to recording them.
import type { AgencyKind } from '../vocabulary/agency-kinds.ts'
import type { EventKind } from '../records/types.ts'
import type { Rng } from './prng.ts'
import { atLocal, DAY, HOUR, londonParts, MINUTE } from './london-time.ts'

/** A random instant on a random day in [from, to), at a London hour in [fromHour, toHour). */
export function randomTime(rng: Rng, from: number, to: number, fromHour = 0, toHour = 24): number {
  const day = from + rng.next() * Math.max(0, to - from)
  const minutes = Math.floor(rng.between(fromHour * 60, toHour * 60))
  return atLocal(day, Math.floor(minutes / 60) % 24, minutes % 60)
}

/** A weekday in term time (not August, not the Christmas fortnight) during school hours. */
export function schoolTime(rng: Rng, from: number, to: number): number {
  for (let i = 0; i < 20; i++) {
    const t = randomTime(rng, from, to, 8, 16)
    const p = londonParts(t)
    if (
      p.weekday !== 0 &&
      p.weekday !== 6 &&
      p.month !== 8 &&
      !(p.month === 12 && p.day > 20) &&
      !(p.month === 1 && p.day < 4)
    )
      return t
  }
  return randomTime(rng, from, to, 9, 15)
}

/** An office-hours weekday time, on or after `from`. */
export function officeTime(rng: Rng, from: number, daysLater = 0): number {
  let t = atLocal(from + daysLater * DAY, rng.int(9, 16), rng.int(0, 59))
  while (t < from) t += DAY
  while ([0, 6].includes(londonParts(t).weekday)) t += DAY
  return t
}

/** How long after an event an agency records it: usually soon, sometimes weeks later. */
export function recordingDelay(rng: Rng, agency: AgencyKind, kind: EventKind): number {
  const late = rng.chance(0.06)
  switch (agency) {
    case 'police':
      if (kind === 'intelligence') return rng.int(2, 30) * DAY
      return late ? rng.int(5, 28) * DAY : rng.int(20, 36 * 60) * MINUTE
    case 'health':
      if (kind === 'sexual_health' || kind === 'pregnancy' || kind === 'termination') return rng.int(1, 7) * DAY
      return late ? rng.int(2, 14) * DAY : rng.int(10, 12 * 60) * MINUTE
    case 'education':
      return late ? rng.int(7, 21) * DAY : rng.int(30, 3 * 24 * 60) * MINUTE
    case 'childrens_social_care':
      return late ? rng.int(14, 42) * DAY : rng.int(4, 10 * 24) * HOUR
    case 'prosecutor':
      return rng.int(5, 21) * DAY
    case 'youth_justice':
      return rng.int(1, 7) * DAY
    case 'voluntary':
      return late ? rng.int(10, 30) * DAY : rng.int(4, 5 * 24) * HOUR
    default:
      return rng.int(1, 5) * DAY
  }
}
