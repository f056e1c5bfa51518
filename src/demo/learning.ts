// The demo's learning and assurance (issue 18): a rapid review of a fictional "Child Q" with its two
// clocks (the notification met, the rapid review late), two recommendations assigned to agencies with
// their action plans (one action done with evidence, one overdue and so escalated to its agency's lead
// after its due date was moved, one open), a section 11 self-assessment for health and a section 175
// one for a school, and a themed multi-agency case audit with a cohort drawn from the demo's children
// and two agencies' returns begun. Everything goes through the services the pages use, each at its
// own moment before `at`, so that the audit trail and every action's history read as a real year's.
import type { Db } from '../db/database.ts'
import type { Actor } from '../audit/actor.ts'
import { londonDate } from '../config/clock.ts'
import { addRecommendation, createReview, recordReviewDates } from '../reviews/store.ts'
import { addPlanAction, ownersOf, reassignPlanAction, updatePlanAction } from '../reviews/store-actions.ts'
import { recordSelfAssessment } from '../reviews/store-self-assessments.ts'
import { currentStandardSet } from '../reviews/store-standards.ts'
import type { Rating } from '../reviews/self-assessments.ts'
import { currentTool, saveReturn, cohortOf } from '../audits/store.ts'
import { addAuditor, prefillFor, startAudit } from '../audits/programme.ts'
import type { DemoUser } from './users.ts'
import type { DemoAgency } from './agencies.ts'

const DAY = 86_400_000

/** The London day `days` after (or before) `at`'s, as YYYY-MM-DD. */
const dayFrom = (at: Date, days: number) => londonDate(new Date(at.getTime() + days * DAY))
/** Ten in the morning, London's winter or summer alike near enough, `days` from `at`'s day. */
const momentOn = (at: Date, days: number) => new Date(`${dayFrom(at, days)}T10:00:00Z`)

export interface DemoLearning {
  review: number
  actions: number
  selfAssessments: number
  audit: number | null
  cohort: number
  returns: number
}

interface Who {
  partnership: number
  managerOf: (agency: string) => number | undefined
  school: string | undefined
}

function whoIs(
  users: readonly DemoUser[],
  ids: ReadonlyMap<string, number>,
  agencies: readonly DemoAgency[],
): Who | null {
  const id = (u: DemoUser | undefined) => (u ? ids.get(u.email) : undefined)
  const partnership = id(users.find((u) => u.roles.includes('partnership')))
  if (partnership === undefined) return null
  return {
    partnership,
    managerOf: (agency) => id(users.find((u) => u.agency === agency && u.roles.includes('manager'))),
    school: agencies.find((a) => a.kind === 'education')?.code,
  }
}

/** An agency's first owner, and its manager: who the demo's actions belong to. */
async function planOf(db: Db, who: Who, agency: string) {
  const manager = who.managerOf(agency)
  const owner = (await ownersOf(db, agency)).find((o) => o.id !== manager)?.id ?? manager
  return manager === undefined || owner === undefined ? null : { manager, owner }
}

async function rapidReview(db: Db, actor: Actor, who: Who, at: Date) {
  const known = -40
  const review = await createReview(
    db,
    actor,
    who.partnership,
    {
      kind: 'rapid_review',
      title: 'Rapid review: Child Q',
      pseudonym: 'Child Q',
      incidentKnownOn: dayFrom(at, known),
    },
    momentOn(at, known + 1),
  )
  // the panel told on the third day (met); the rapid review decided on the 28th (late)
  await recordReviewDates(
    db,
    actor,
    review,
    { notifiedOn: dayFrom(at, known + 3), decidedOn: null },
    momentOn(at, known + 3),
  )
  await recordReviewDates(
    db,
    actor,
    review,
    { notifiedOn: dayFrom(at, known + 3), decidedOn: dayFrom(at, known + 28) },
    momentOn(at, known + 28),
  )
  const strategy = await addRecommendation(
    db,
    actor,
    who.partnership,
    review,
    {
      text: 'When a child missing from care is found with an adult not known to the carers, police and children’s social care hold a strategy discussion within one working day.',
      agencies: ['police', 'csc'],
    },
    momentOn(at, known + 29),
  )
  const health = await addRecommendation(
    db,
    actor,
    who.partnership,
    review,
    {
      text: 'Emergency departments check the child protection information (CP-IS) and tell the MASH of every attendance by a child missing from care.',
      agencies: ['health'],
    },
    momentOn(at, known + 29),
  )
  return { review, strategy, health, decided: known + 28 }
}

/** Police: done, with its evidence. */
async function policeAction(db: Db, actor: Actor, who: Who, at: Date, rec: number): Promise<number> {
  const police = await planOf(db, who, 'police')
  if (police) {
    const id = await addPlanAction(
      db,
      actor,
      police.manager,
      {
        for: { recommendationId: rec },
        agency: 'police',
        text: 'Brief every response team on strategy discussions for children found with unknown adults',
        ownerId: police.owner,
        dueOn: dayFrom(at, -4),
      },
      momentOn(at, -10),
    )
    await updatePlanAction(
      db,
      actor,
      police.manager,
      id,
      1,
      { status: 'in_progress', evidenceKind: null, evidence: null, doneOn: null },
      momentOn(at, -8),
    )
    await updatePlanAction(
      db,
      actor,
      police.manager,
      id,
      2,
      {
        status: 'done',
        evidenceKind: 'document',
        evidence: 'Briefing record PPU-BR-2026-31: 6 of 6 response teams briefed',
        doneOn: dayFrom(at, -6),
      },
      momentOn(at, -6),
    )
    return 1
  }
  return 0
}

/** Children's social care: its due date moved once with its reason, then overdue (escalated to its lead). */
async function cscAction(db: Db, actor: Actor, who: Who, at: Date, rec: number): Promise<number> {
  const csc = await planOf(db, who, 'csc')
  if (csc) {
    const id = await addPlanAction(
      db,
      actor,
      csc.manager,
      {
        for: { recommendationId: rec },
        agency: 'csc',
        text: 'Add the one-working-day strategy discussion to the missing-from-care procedure and audit ten cases',
        ownerId: csc.owner,
        dueOn: dayFrom(at, -7),
      },
      momentOn(at, -10),
    )
    // moved once, with its reason; then not done by its new day: overdue, escalated to the agency's lead
    await reassignPlanAction(
      db,
      actor,
      csc.manager,
      id,
      1,
      { ownerId: csc.owner, dueOn: dayFrom(at, -3), reason: 'The procedure goes to the policy group first' },
      momentOn(at, -8),
    )
    return 1
  }
  return 0
}

/** Health: open, in progress. */
async function healthAction(db: Db, actor: Actor, who: Who, at: Date, rec: number): Promise<number> {
  const health = await planOf(db, who, 'health')
  if (health) {
    const id = await addPlanAction(
      db,
      actor,
      health.manager,
      {
        for: { recommendationId: rec },
        agency: 'health',
        text: 'Add the CP-IS check and the MASH notification to the emergency department’s triage checklist',
        ownerId: health.owner,
        dueOn: dayFrom(at, 21),
      },
      momentOn(at, -9),
    )
    await updatePlanAction(
      db,
      actor,
      health.manager,
      id,
      1,
      { status: 'in_progress', evidenceKind: null, evidence: null, doneOn: null },
      momentOn(at, -2),
    )
    return 1
  }
  return 0
}

async function reviewActions(db: Db, actor: Actor, who: Who, at: Date, recs: { strategy: number; health: number }) {
  return (
    (await policeAction(db, actor, who, at, recs.strategy)) +
    (await cscAction(db, actor, who, at, recs.strategy)) +
    (await healthAction(db, actor, who, at, recs.health))
  )
}

/** Every standard met but those named, which are partly met. */
const ratingsOf = (ids: readonly string[], partly: readonly string[]): Record<string, Rating> =>
  Object.fromEntries(ids.map((id) => [id, partly.includes(id) ? 'partly_met' : 'met']))

async function selfAssessments(db: Db, actor: Actor, who: Who, at: Date) {
  let made = 0
  const period = `${dayFrom(at, -60).slice(0, 4)} to ${Number(dayFrom(at, -60).slice(0, 4)) + 1}`
  for (const [agency, kind, partly, action] of [
    [
      'health',
      'section_11',
      ['training', 'child_voice'],
      'Safeguarding supervision for every emergency department nurse each quarter',
    ],
    [
      who.school,
      'section_175',
      ['attendance'],
      'Follow up every unexplained absence of a child on a plan on the same day',
    ],
  ] as const) {
    if (!agency) continue
    const plan = await planOf(db, who, agency)
    if (!plan) continue
    const set = await currentStandardSet(db, kind)
    const id = await recordSelfAssessment(
      db,
      actor,
      plan.manager,
      {
        kind,
        agency,
        period,
        ratings: ratingsOf(
          set.standards.map((s) => s.id),
          partly,
        ),
        standardsVersion: set.version,
      },
      momentOn(at, -30),
    )
    await addPlanAction(
      db,
      actor,
      plan.manager,
      { for: { selfAssessmentId: id }, agency, text: action, ownerId: plan.owner, dueOn: dayFrom(at, 45) },
      momentOn(at, -29),
    )
    made++
  }
  return made
}

async function caseAudit(db: Db, actor: Actor, who: Who, at: Date) {
  const tool = await currentTool(db)
  const id = await startAudit(
    db,
    actor,
    who.partnership,
    {
      theme: 'Children missing from care with exploitation risk',
      criteria: 'missing_with_risk',
      periodFrom: dayFrom(at, -365),
      periodTo: dayFrom(at, -1),
      sampleSize: 6,
      seed: 'demo-2026',
      stratifyBy: 'none',
      toolVersion: tool.version,
      closesOn: dayFrom(at, 30),
    },
    momentOn(at, -14),
  )
  const cohort = await cohortOf(db, id)
  const first = cohort[0]
  let returns = 0
  for (const agency of first?.agencies.slice(0, 2) ?? []) {
    const auditor = who.managerOf(agency)
    if (auditor === undefined) continue
    await addAuditor(db, actor, id, auditor, who.partnership, momentOn(at, -13))
    const grades = Object.fromEntries(tool.headings.map((h) => [h.id, 'requires_improvement' as const]))
    await saveReturn(
      db,
      actor,
      id,
      auditor,
      {
        position: first.position,
        childId: first.childId,
        agency,
        toolVersion: tool.version,
        prefill: await prefillFor(db, first.childId, momentOn(at, -5)),
        answers: Object.fromEntries(
          tool.questions.slice(0, 2).map((q) => [q.id, 'Begun: to finish before the discussion.']),
        ),
        grades,
        goodPractice: 'The return interview was offered within 72 hours.',
        shouldHaveHappened: 'A strategy discussion when the child was found with an unknown adult.',
      },
      momentOn(at, -5),
    )
    returns++
  }
  return { id, cohort: cohort.length, returns }
}

/** The demo's reviews, self-assessments and case audit, as `at` finds them. */
export async function recordLearning(
  db: Db,
  at: Date,
  users: readonly DemoUser[],
  ids: ReadonlyMap<string, number>,
  agencies: readonly DemoAgency[],
): Promise<DemoLearning | null> {
  const who = whoIs(users, ids, agencies)
  if (!who) return null
  const actor: Actor = { kind: 'system', name: 'demo' }
  const review = await rapidReview(db, actor, who, at)
  const actions = await reviewActions(db, actor, who, at, review)
  const made = await selfAssessments(db, actor, who, at)
  const audit = await caseAudit(db, actor, who, at)
  return {
    review: review.review,
    actions,
    selfAssessments: made,
    audit: audit.id,
    cohort: audit.cohort,
    returns: audit.returns,
  }
}
