// Links between children that mean nothing sinister: a family friend who helps several families,
// the busy bus station where runaways are found, the school gates. A network finder must not
// mistake them for a group.
import { agencies, record, type Context } from './context.ts'
import { newPerson } from './population.ts'
import { HOUR, YEAR } from './london-time.ts'
import { missingEpisode } from './missing.ts'
import type { Rng } from './prng.ts'
import { randomTime } from './timing.ts'
import type { Person, Place } from './world.ts'
import { STREETS } from './names.ts'

export function busStation(): Place {
  return {
    name: 'Calderbrook Bus Station',
    aliases: ['Calderbrook Interchange', 'the bus station, Smith Street'],
    postcode: 'OL16 1FU',
  }
}

/** Family friends, each tied to children of two or three families by everyday records. */
export function familyFriends(ctx: Context, rng: Rng, exploited: Set<Person>): void {
  const { health, police } = agencies
  const count = Math.max(2, Math.round(ctx.families.length / 150))
  const families = rng.shuffle(ctx.families.filter((f) => f.children.some((c) => !exploited.has(c))))
  let next = 0
  for (let i = 0; i < count && next < families.length; i++) {
    const friend = newPerson(ctx, rng, {
      role: 'family_friend',
      sex: rng.chance(0.5) ? 'female' : 'male',
      dobMs: ctx.start - rng.between(25, 60) * YEAR,
      home: { line1: `${rng.int(1, 150)} ${rng.pick(STREETS)}`, postcode: ctx.ids.postcode() },
    })
    friend.mobile = rng.chance(0.5) ? (ctx.ids.mobile() ?? undefined) : undefined
    const n = rng.int(2, 3)
    for (let k = 0; k < n && next < families.length; k++) {
      const f = families[next++]
      const kids = f.children.filter(
        (c) => !exploited.has(c) && Math.min(ctx.end, c.dobMs + 17 * YEAR) > Math.max(ctx.start, c.dobMs + 2 * YEAR),
      )
      if (kids.length === 0) {
        k--
        continue
      }
      const c = rng.pick(kids)
      const from = Math.max(ctx.start, c.dobMs + 2 * YEAR)
      const to = Math.min(ctx.end, c.dobMs + 17 * YEAR)
      const age12 = c.dobMs + 12.5 * YEAR
      if (age12 < to && rng.chance(0.4)) {
        const start = randomTime(rng, Math.max(from, age12), to, 18, 23)
        missingEpisode(ctx, rng, {
          child: c,
          start,
          end: start + rng.int(3, 16) * HOUR,
          from: 'home',
          risk: 'low',
          reportedBy: 'Father',
          lastSeen: 'Walking to a friend’s house',
          indicators: ['missing'],
          summary: 'Stayed at a family friend’s house without telling the family; safe and well',
          foundWith: [friend],
          interview: 'on_time',
          childAccount: 'I went to see my auntie’s friend, she is nice. I forgot to text mum.',
        })
      } else {
        record(ctx, rng, health, c, {
          kind: 'health_attendance',
          at: randomTime(rng, from, to, 9, 21),
          summary: 'Brought in by a family friend who was looking after the child; minor injury',
          involves: [{ person: friend, role: 'associate' }],
        })
      }
      if (rng.chance(0.3))
        record(ctx, rng, police, c, {
          kind: 'note',
          at: randomTime(rng, from, to, 9, 21),
          summary: 'Family friend reported finding the child’s lost bag',
          involves: [{ person: friend, role: 'witness' }],
        })
    }
  }
}
