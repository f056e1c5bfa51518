// generateArea: a synthetic local area in the agency record format, with the ground truth its
// tests need. Pure and deterministic: the same options give the same objects, byte for byte.
import { DEMO_AGENCIES, SCHOOLS } from './agencies.ts'
import type { Area, AreaOptions } from './area-types.ts'
import { agencies, record, type Context } from './context.ts'
import { chooseExploited, exploitGroup } from './exploitation.ts'
import { createGroups, type Group } from './groups.ts'
import { createIdentifiers } from './identifiers.ts'
import { busStation, familyFriends } from './innocent-links.ts'
import { DAY, MINUTE, parseDay } from './london-time.ts'
import { childhood, familyNeeds, ordinaryLife } from './ordinary-life.ts'
import { FAMILY_VARIANTS, GIVEN_VARIANTS } from './names.ts'
import { renderPerson } from './person-render.ts'
import { buildPopulation } from './population.ts'
import { createRng } from './prng.ts'
import { Recorder } from './recorder.ts'
import { randomTime } from './timing.ts'
import { buildTruth } from './truth.ts'
import type { Person } from './world.ts'

/** The demo area: about 2,500 children in 2004–2012, eight of them exploited by two groups. */
export const DEMO_OPTIONS: AreaOptions = {
  seed: 'threadline-demo',
  children: 2500,
  end: '2012-12-31',
  years: 9,
  exploitedShare: 8 / 2500,
  groups: 2,
  hardVariantShare: 0,
}

/** A test area: 2,000 children, 5% later exploited, a tenth of people recorded with harder differences. */
export const TEST_OPTIONS: AreaOptions = {
  seed: 'threadline-test',
  children: 2000,
  end: '2012-12-31',
  years: 9,
  exploitedShare: 0.05,
  groups: 12,
  hardVariantShare: 0.1,
}

export function generateArea(options: Partial<AreaOptions> = {}): Area {
  const opts: AreaOptions = { ...DEMO_OPTIONS, ...options }
  if (!Number.isInteger(opts.children) || opts.children < 1)
    throw new Error('children must be a whole number of at least 1')
  if (!(opts.years >= 2 && opts.years <= 40)) throw new Error('years must be between 2 and 40')
  if (!(opts.exploitedShare >= 0 && opts.exploitedShare <= 0.5))
    throw new Error('exploitedShare must be between 0 and 0.5')
  if (!(opts.hardVariantShare >= 0 && opts.hardVariantShare <= 1))
    throw new Error('hardVariantShare must be between 0 and 1')
  parseDay(opts.end) // checks the form
  const [y, m, d] = opts.end.split('-').map(Number)
  // the last minute of the end day (a day of a clock change is 23 or 25 hours long)
  const end = parseDay(new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10)) - MINUTE
  const start = parseDay(new Date(Date.UTC(y - opts.years, m - 1, d + 1)).toISOString().slice(0, 10))

  const seed = String(opts.seed)
  const rng = createRng(seed)
  const rec = new Recorder(seed, end, renderPerson, new Set(SCHOOLS.map((s) => s.code)))
  const ctx: Context = {
    options: opts,
    rng,
    ids: createIdentifiers(rng.fork('identifiers')),
    rec,
    start,
    end,
    people: [],
    families: [],
    identities: new Set(),
    places: {
      busStation: busStation(),
      schools: new Map(
        SCHOOLS.map((s) => [
          s.code,
          { name: s.name, aliases: [`${s.name} (school gates)`, s.name.replace(' School', '')], postcode: s.postcode },
        ]),
      ),
    },
    truth: { exploited: [], innocent: [], missingEpisodes: [] },
  }

  buildPopulation(ctx, opts.children)
  const count = Math.round(opts.children * opts.exploitedShare)
  const chosen = chooseExploited(ctx, rng.fork('exploited'), count, count <= 12)
  const groupCount = chosen.length < 2 ? 0 : Math.max(1, Math.min(opts.groups, Math.floor(chosen.length / 2)))
  const groups: Group[] = createGroups(ctx, rng.fork('groups'), groupCount)
  const exploited = new Set<Person>()
  const firsts = new Map<Person, number>()
  rng
    .fork('assign')
    .shuffle(chosen)
    .forEach(({ child, first }, i) => {
      if (groups.length === 0) return
      groups[i % groups.length].children.push(child)
      exploited.add(child)
      firsts.set(child, first)
      child.mobile = ctx.ids.mobile() ?? undefined
    })

  // the demo tells its few stories in full, and each agency spells those children its own way
  const full = chosen.length <= 12
  if (full) {
    const vrng = rng.fork('variants')
    for (const c of exploited) {
      if (GIVEN_VARIANTS[c.given]) c.givenVariant = vrng.pick(GIVEN_VARIANTS[c.given])
      if (FAMILY_VARIANTS[c.family]) c.familyVariant = vrng.pick(FAMILY_VARIANTS[c.family])
    }
  }
  for (const f of ctx.families) {
    const frng = rng.fork(f.id)
    familyNeeds(ctx, frng, f)
    for (const c of f.children) ordinaryLife(ctx, frng.fork(c.id), c, exploited.has(c))
  }
  // test areas vary the stories, and a few are faint
  for (const g of groups) exploitGroup(ctx, rng.fork(g.id), g, firsts, full, 0.06)
  familyFriends(ctx, rng.fork('friends'), exploited)
  mistakes(ctx, exploited)

  const { objects, recordedAtAbsent } = rec.finish()
  const truth = buildTruth(ctx, rec, objects, groups, recordedAtAbsent)
  return { agencies: DEMO_AGENCIES, objects, truth }
}

/** Events recorded against the wrong child, then withdrawn. */
function mistakes(ctx: Context, exploited: Set<Person>): void {
  const rng = ctx.rng.fork('mistakes')
  const kids = ctx.families.flatMap((f) => f.children).filter((c) => !exploited.has(c))
  for (let i = 0; i < Math.max(2, Math.round(kids.length / 800)); i++) {
    const c = rng.pick(kids)
    const [from, to] = childhood(ctx, c)
    if (to - from < 30 * DAY) continue
    const at = randomTime(rng, from, to - 20 * DAY, 9, 20)
    const ref = record(ctx, rng, agencies.health, c, {
      kind: 'health_attendance',
      at,
      summary: 'Attended with a suspected fracture',
      recordedAt: at + 2 * 60 * MINUTE,
    })
    if (ref) ctx.rec.withdraw(ref, at + rng.int(1, 10) * DAY, 'Recorded against the wrong patient')
  }
}
