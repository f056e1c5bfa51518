// The ordinary contact most children have with agencies (a trip to A&E, a day off school), the
// smaller share of teenagers who go missing once or get into trouble, and the families whose needs
// bring police, health and social care to the door.
import { agencies, record, schoolAt, type Context } from './context.ts'
import { DAY, HOUR, MINUTE, YEAR } from './london-time.ts'
import { missingEpisode } from './missing.ts'
import type { Rng } from './prng.ts'
import { officeTime, randomTime, schoolTime } from './timing.ts'
import type { Family, Need, Person } from './world.ts'
import { must, mustGet } from '../errors/must.ts'

const ATTENDANCES = [
  'Attended A&E with a sprained wrist',
  'Attended urgent care with a high temperature',
  'Head injury after a fall in the park, discharged',
  'Asthma attack, treated and discharged',
  'Minor burn to the hand',
  'Fractured arm after a fall from a trampoline',
  'Ear infection, seen at the walk-in centre',
  'Dog bite to the leg, cleaned and dressed',
  'Cut to the forehead, glued',
  'Swallowed a coin, observed and discharged',
  'Allergic reaction, treated and discharged',
  'Football injury to the ankle',
]

const FRIEND_HOMES = ['a friend’s house', 'an aunt’s house', 'a friend’s garden shed']

/** Window in which the child is a child within the area's span. */
export function childhood(ctx: Context, c: Person, fromAge = 0, toAge = 18): [number, number] {
  return [Math.max(ctx.start, c.dobMs + fromAge * YEAR), Math.min(ctx.end, c.dobMs + toAge * YEAR)]
}

/** A child's ordinary contact with agencies, in this order (the random draws follow it): accidents
 * and illness, secondary school, the parent held as contact, and for children who are not exploited
 * the troubles of the teenage years. */
export function ordinaryLife(ctx: Context, rng: Rng, c: Person, exploited: boolean): void {
  const [from, to] = childhood(ctx, c)
  if (to <= from) return
  accidentsAndIllness(ctx, rng, c, exploited, from, to)
  secondarySchool(ctx, rng, c, exploited)
  parentContacts(ctx, rng, c)
  // teenage years
  const [tFrom, tTo] = childhood(ctx, c, 12.5, 18)
  if (tTo <= tFrom || exploited) return
  victimOfCrime(ctx, rng, c, tFrom, tTo)
  missingOnce(ctx, rng, c, tFrom, tTo)
  teenageHealth(ctx, rng, c, tFrom, tTo)
  caution(ctx, rng, c, tFrom, tTo)
  if (rng.chance(c.household?.needs.length ? 0.3 : 0.1)) strugglingSpell(ctx, rng, c, tFrom, tTo)
  olderTeenageHealth(ctx, rng, c)
}

/** A trip to A&E or urgent care now and then over the whole of childhood. */
function accidentsAndIllness(ctx: Context, rng: Rng, c: Person, exploited: boolean, from: number, to: number): void {
  const years = (to - from) / YEAR
  for (let i = rng.poisson(0.45 * years); i > 0; i--) {
    const at = randomTime(rng, from, to, 7, 23)
    record(ctx, rng, agencies.health, c, {
      kind: 'health_attendance',
      at,
      summary: rng.pick(ATTENDANCES),
      omitRecordedAt: !exploited && rng.chance(0.03),
    })
  }
}

/** Absences in the secondary school years (many for a few children), and rarely an exclusion. */
function secondarySchool(ctx: Context, rng: Rng, c: Person, exploited: boolean): void {
  const [sFrom, sTo] = childhood(ctx, c, 11, 16.5)
  if (sTo <= sFrom) return
  const schoolYears = (sTo - sFrom) / YEAR
  const prone = rng.chance(0.12)
  for (let i = rng.poisson((prone ? 0.7 : 0.04) * schoolYears); i > 0; i--) {
    const at = schoolTime(rng, sFrom, sTo)
    const school = schoolAt(c, at)
    if (!school) continue
    const sessions = rng.int(2, 10)
    record(ctx, rng, school, c, {
      kind: 'school_absence',
      at,
      summary: 'Unexplained absence',
      details: `${sessions} sessions missed; parent did not call in`,
      indicators: rng.chance(0.5) ? ['school_disengagement'] : undefined,
    })
  }
  if (!exploited && rng.chance(0.015)) {
    const at = schoolTime(rng, sFrom, sTo)
    const school = schoolAt(c, at)
    if (school)
      record(ctx, rng, school, c, {
        kind: 'school_exclusion',
        at,
        summary: 'Fixed-term exclusion, 2 days, for fighting',
        outcome: 'Fixed-term exclusion',
      })
  }
}

/** A teenager assaulted near school, or whose phone is stolen. */
function victimOfCrime(ctx: Context, rng: Rng, c: Person, tFrom: number, tTo: number): void {
  if (rng.chance(0.04)) {
    const at = randomTime(rng, tFrom, tTo, 8, 22)
    const school = mustGet(ctx.places.schools, must(c.school, "the child's school").code, 'the school')
    const atSchool = rng.chance(0.35)
    record(ctx, rng, agencies.police, c, {
      kind: 'crime_report',
      at,
      summary: atSchool
        ? `Assaulted by another young person outside ${school.name}`
        : 'Mobile phone stolen on the way home',
      involves: atSchool ? [{ place: school }] : undefined,
      outcome: 'Words of advice given to the other party',
    })
  }
}

/** One night missing after an argument at home. */
function missingOnce(ctx: Context, rng: Rng, c: Person, tFrom: number, tTo: number): void {
  if (rng.chance(0.03)) {
    const start = randomTime(rng, tFrom, tTo, 17, 23)
    const hours = rng.int(3, 30)
    const atStation = rng.chance(0.45)
    missingEpisode(ctx, rng, {
      child: c,
      start,
      end: start + hours * HOUR,
      from: 'home',
      risk: rng.pick(['no_apparent_risk', 'low', 'low', 'medium']),
      reportedBy: 'Mother',
      lastSeen: 'Leaving home after an argument',
      indicators: ['missing'],
      summary: atStation
        ? 'Missing overnight after an argument at home; found at the bus station'
        : `Missing after an argument at home; stayed at ${rng.pick(FRIEND_HOMES)}`,
      foundAt: atStation ? ctx.places.busStation : undefined,
      interview: rng.weighted([
        ['on_time', 65],
        ['late', 15],
        ['declined', 8],
        ['not_held', 6],
        ['none', 6],
      ] as const),
      childAccount: 'I just needed to get away for a night. I went to my mate’s and then the bus station.',
      openFirst: rng.chance(0.3),
    })
  }
}

/** Self-harm, or drink at a party, seen by health. */
function teenageHealth(ctx: Context, rng: Rng, c: Person, tFrom: number, tTo: number): void {
  const { health } = agencies
  if (rng.chance(0.015)) {
    record(ctx, rng, health, c, {
      kind: 'self_harm',
      at: randomTime(rng, tFrom, tTo),
      summary: 'Superficial cuts to the forearm; referred to CAMHS',
      indicators: ['self_harm'],
    })
  }
  if (rng.chance(0.01)) {
    record(ctx, rng, health, c, {
      kind: 'substance_misuse',
      at: randomTime(rng, tFrom, tTo, 18, 24),
      summary: 'Brought in intoxicated after a party, discharged to parent',
      indicators: ['alcohol_misuse'],
    })
  }
}

/** Criminal damage, an arrest for most, and a youth caution with a short programme. */
function caution(ctx: Context, rng: Rng, c: Person, tFrom: number, tTo: number): void {
  if (rng.chance(0.02)) {
    const at = randomTime(rng, tFrom, tTo, 10, 22)
    if (rng.chance(0.7))
      record(ctx, rng, agencies.police, c, {
        kind: 'arrest',
        at,
        summary: 'Arrested for criminal damage to a bus shelter',
        outcome: 'Youth caution',
      })
    record(ctx, rng, agencies.yjs, c, {
      kind: 'youth_justice',
      at: at + rng.int(5, 30) * DAY,
      summary: 'Youth caution; short voluntary programme',
      outcome: 'Programme completed',
    })
  }
}

/** At 16 and 17: routine sexual health screening, and rarely a pregnancy. */
function olderTeenageHealth(ctx: Context, rng: Rng, c: Person): void {
  const { health } = agencies
  const [hFrom, hTo] = childhood(ctx, c, 16, 18)
  if (hTo > hFrom && rng.chance(0.04)) {
    record(ctx, rng, health, c, {
      kind: 'sexual_health',
      at: randomTime(rng, hFrom, hTo, 9, 18),
      summary: 'Sexual health clinic attendance; routine screening',
      indicators: rng.chance(0.3) ? ['sti'] : undefined,
    })
  }
  if (hTo > hFrom && c.sex === 'female' && rng.chance(0.006)) {
    record(ctx, rng, health, c, {
      kind: 'pregnancy',
      at: randomTime(rng, hFrom, hTo, 9, 17),
      summary: 'Pregnancy confirmed; midwife booking',
    })
  }
}

/** Events around a family's needs, in this order (the random draws follow it): each need's
 * incidents, each seen for every child at home and referred to social care; an assault on the
 * mother by her partner; and the parent social care records for each child it knows. */
export function familyNeeds(ctx: Context, rng: Rng, f: Family): void {
  if (f.needs.length === 0 || f.needsTo <= f.needsFrom) return
  for (const need of f.needs) {
    const incidents = need === 'domestic_abuse' ? rng.int(1, 3) : need === 'neglect' ? 1 : rng.int(1, 2)
    for (let i = 0; i < incidents; i++) {
      const at = randomTime(
        rng,
        f.needsFrom,
        f.needsTo,
        need === 'domestic_abuse' ? 19 : 9,
        need === 'domestic_abuse' ? 24 : 17,
      )
      const kids = f.children.filter((c) => at > c.dobMs && at < c.dobMs + 18 * YEAR)
      if (kids.length === 0) continue
      for (const c of kids) {
        needSeen(ctx, rng, f, c, need, at)
        referred(ctx, rng, c, need, at)
      }
    }
  }
  assaultByPartner(ctx, rng, f)
  parentsRecorded(ctx, rng, f)
}

/** What an agency records of one need, for one child, at one incident. */
function needSeen(ctx: Context, rng: Rng, f: Family, c: Person, need: Need, at: number): void {
  const { police, health } = agencies
  const [mother, partner] = f.carers
  const school = schoolAt(c, at)
  if (need === 'domestic_abuse') {
    record(ctx, rng, police, c, {
      kind: 'concern',
      at,
      summary: 'Child present at a domestic abuse incident at home',
      indicators: ['domestic_abuse_at_home'],
      involves: partner
        ? [
            { person: mother, role: 'family' },
            { person: partner, role: 'family' },
          ]
        : [{ person: mother, role: 'family' }],
    })
    if (school)
      record(ctx, rng, school, c, {
        kind: 'note',
        at: officeTime(rng, at, 1),
        summary: 'Operation Encompass notification received from police',
        indicators: ['domestic_abuse_at_home'],
      })
  } else if (need === 'substance_misuse') {
    record(ctx, rng, health, c, {
      kind: 'concern',
      at,
      summary: 'Health visitor concerned about parental drug use at home',
      indicators: ['substance_misuse_at_home'],
      involves: [{ person: mother, role: 'family' }],
    })
  } else if (need === 'mental_health') {
    record(ctx, rng, health, c, {
      kind: 'concern',
      at,
      summary: 'Mother’s mental health has deteriorated; child is a young carer',
      indicators: ['parental_mental_health'],
    })
  } else if (need === 'family_breakdown') {
    const where = school ?? health
    record(ctx, rng, where, c, {
      kind: 'concern',
      at,
      summary: 'Parents have separated; child unsettled and moving between homes',
      indicators: ['family_breakdown'],
    })
  }
}

/** The referral to social care: ordinary referrals are answered within days, a few drift, and
 * neglect goes on to a child protection plan. */
function referred(ctx: Context, rng: Rng, c: Person, need: Need, at: number): void {
  const { csc } = agencies
  const referral = officeTime(rng, at, rng.int(0, 3))
  const referralRef = record(ctx, rng, csc, c, {
    kind: 'contact_referral',
    at: referral,
    summary: `Referral: ${need.replace('_', ' ')}`,
  })
  // ordinary referrals are answered within days; a few drift
  if (referralRef && rng.chance(0.97)) {
    const assessed = officeTime(rng, referral, rng.int(1, 6))
    record(ctx, rng, csc, c, {
      kind: 'assessment',
      at: assessed,
      summary: 'Child and family assessment',
      outcome:
        need === 'neglect'
          ? 'Strategy discussion'
          : rng.pick(['No further action', 'Early help offered', 'Child in need plan']),
    })
    if (need === 'neglect') neglectPathway(ctx, rng, c, assessed)
  }
}

/** Where there is domestic abuse and a partner: the assault on the mother, and their link. */
function assaultByPartner(ctx: Context, rng: Rng, f: Family): void {
  const [mother, partner] = f.carers
  if (partner && f.needs.includes('domestic_abuse')) {
    const at = randomTime(rng, f.needsFrom, f.needsTo, 19, 24)
    record(ctx, rng, agencies.police, mother, {
      kind: 'crime_report',
      at,
      summary: 'Assault by partner at home',
      involves: [{ person: partner, role: 'suspect' }],
    })
    if (rng.chance(0.5))
      ctx.rec.relationship(agencies.csc, mother, partner, 'parent', at + 3 * DAY, {
        reliability: 'confirmed',
        note: 'Partner; domestic abuse history',
      })
  }
}

/** Social care records the mother as the parent of each child it knows. */
function parentsRecorded(ctx: Context, rng: Rng, f: Family): void {
  const { csc } = agencies
  const [mother] = f.carers
  for (const c of f.children) {
    const at = Math.max(f.needsFrom, c.dobMs + DAY)
    if (at < f.needsTo && ctx.rec.knows(csc, c))
      ctx.rec.relationship(csc, c, mother, 'parent', at + rng.int(1, 10) * DAY, { reliability: 'confirmed' })
  }
}

function neglectPathway(ctx: Context, rng: Rng, c: Person, assessed: number): void {
  const { csc } = agencies
  let t = officeTime(rng, assessed, 1)
  record(ctx, rng, csc, c, {
    kind: 'strategy_discussion',
    at: t,
    summary: 'Strategy discussion: neglect',
    outcome: 'Section 47 enquiry',
  })
  t = officeTime(rng, t, rng.int(1, 5))
  record(ctx, rng, csc, c, {
    kind: 'section47_enquiry',
    at: t,
    summary: 'Section 47 enquiry',
    outcome: 'Initial child protection conference',
  })
  t = officeTime(rng, t, rng.int(10, 19))
  record(ctx, rng, csc, c, {
    kind: 'cp_conference',
    at: t,
    summary: 'Initial child protection conference',
    outcome: 'Child protection plan: neglect',
  })
  record(ctx, rng, csc, c, {
    kind: 'cp_plan_start',
    at: t + 30 * MINUTE,
    summary: 'Child protection plan, category neglect',
  })
  const planEnd = officeTime(rng, t, rng.int(180, 540))
  if (rng.chance(0.3)) {
    const placed = officeTime(rng, t, rng.int(30, 150))
    record(ctx, rng, csc, c, {
      kind: 'looked_after_start',
      at: placed,
      summary: 'Accommodated under section 20; foster placement',
      indicators: ['looked_after'],
    })
    record(ctx, rng, csc, c, {
      kind: 'cp_plan_end',
      at: placed + HOUR,
      summary: 'Child protection plan ended: now looked after',
    })
    const home = officeTime(rng, placed, rng.int(90, 500))
    record(ctx, rng, csc, c, { kind: 'looked_after_end', at: home, summary: 'Returned home to mother' })
  } else {
    record(ctx, rng, csc, c, { kind: 'cp_plan_end', at: planEnd, summary: 'Child protection plan ended' })
  }
}

/** A bad few months that worries agencies without exploitation behind it: the screening's hard
 * negatives, so that a risk tool cannot succeed by flagging every child with any sign. */
function strugglingSpell(ctx: Context, rng: Rng, c: Person, tFrom: number, tTo: number): void {
  const { health, police, charity } = agencies
  const from = randomTime(rng, tFrom, Math.max(tFrom, tTo - 0.5 * YEAR))
  const to = Math.min(tTo, from + 0.5 * YEAR)
  if (to <= from) return
  for (let i = rng.int(0, 3); i > 0; i--) {
    const at = schoolTime(rng, from, to)
    const school = schoolAt(c, at)
    if (school)
      record(ctx, rng, school, c, {
        kind: 'school_absence',
        at,
        summary: 'Unexplained absence',
        details: `${rng.int(2, 8)} sessions missed`,
        indicators: ['school_disengagement'],
      })
  }
  if (rng.chance(0.5))
    record(ctx, rng, police, c, {
      kind: 'note',
      at: randomTime(rng, from, to, 22, 24),
      summary: 'Stopped in the town centre late at night with friends; taken home',
      indicators: ['staying_out_late'],
    })
  if (rng.chance(0.4))
    record(ctx, rng, health, c, {
      kind: 'health_attendance',
      at: randomTime(rng, from, to, 20, 24),
      summary: 'Intoxicated after drinking with friends in the park',
      indicators: ['alcohol_misuse'],
    })
  if (rng.chance(0.2))
    record(ctx, rng, health, c, {
      kind: 'self_harm',
      at: randomTime(rng, from, to),
      summary: 'Took an overdose of paracetamol after falling out with friends',
      indicators: ['self_harm', 'low_self_esteem'],
    })
  if (rng.chance(0.15))
    record(ctx, rng, charity, c, {
      kind: 'concern',
      at: randomTime(rng, from, to, 10, 18),
      summary: 'Arguing a lot at home and spending evenings out; new friends from another school',
      indicators: ['staying_out_late'],
    })
  if (rng.chance(0.25)) {
    const start = randomTime(rng, from, to, 19, 23)
    missingEpisode(ctx, rng, {
      child: c,
      start,
      end: start + rng.int(3, 20) * HOUR,
      from: 'home',
      risk: 'low',
      reportedBy: 'Mother',
      lastSeen: 'Going out with friends',
      indicators: ['missing'],
      summary: 'Stayed out overnight with friends; returned home in the morning',
      interview: rng.pick(['on_time', 'late', 'declined'] as const),
      childAccount: 'I stayed at my friend\u2019s. Mum was annoying me.',
    })
  }
}

/** Health and schools hold a parent's details as the child's contact: a recorded family link. */
function parentContacts(ctx: Context, rng: Rng, c: Person): void {
  const parent = c.household?.carers[0]
  if (!parent) return
  const { health } = agencies
  for (const agency of [health, c.school]) {
    if (!agency || !ctx.rec.knows(agency, c) || !rng.chance(0.8)) continue
    const at = Math.max(ctx.start, c.dobMs + (agency === health ? 0 : 11 * YEAR)) + rng.int(1, 30) * DAY
    if (at < Math.min(ctx.end, c.dobMs + 18 * YEAR))
      ctx.rec.relationship(agency, c, parent, 'parent', at, { reliability: 'confirmed' })
  }
}
