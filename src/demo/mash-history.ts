// The demo's MASH at work (issue 15): without it every child on the demo's queue was overdue, because
// no one had ever decided about them. Each time a child came onto the queue over the demo's years (by
// the queue's own rules, risk/mash-queue.ts), the MASH decided within the response time, and allocated a
// social worker when it referred the child on; for a few children the last time is left undecided, so
// that at the demo's "now" some children are off the queue, some wait within their response time (what
// arose in the last hours) and a few are overdue. Planning is pure; `recordMashHistory` writes it.
import type { Db } from '../db/database.ts'
import { actorOfUser, type SignedInUser } from '../access/signed-in-user.ts'
import type { AssessedChild } from '../risk/area.ts'
import type { RiskSettings } from '../risk/settings.ts'
import { mashQueue, type MashDecision, type MashOutcome, type QueueRow, type Rating } from '../risk/mash-queue.ts'
import { assessArea, assessOne } from '../risk/area.ts'
import { riskSettings } from '../risk/settings.ts'
import { currentInstrument, saveMashDecision } from '../risk/store.ts'
import { allocate } from '../people/allocations.ts'
import { importRecords, type InputLine } from '../import/importer.ts'
import { CONCERN_KINDS, RESPONSE_KINDS } from '../records/types.ts'
import { createRng } from './prng.ts'

const HOUR = 3_600_000
/** One child in this many is left with what arose last undecided (overdue at "now", unless it is recent)... */
const LEFT_WAITING_ONE_IN = 3
/** ...when it arose in these last days: the MASH has not let anything older wait. */
const LEFT_WAITING_DAYS = 45
/**
 * Children about whom a third concern arrived lately, each this many hours ago: on the queue, two within
 * the response time (24 hours at band 1 or 2) and the last past it (the MASH has not got to it).
 */
const NEWS_HOURS_AGO = [4, 7, 31] as const

export interface PlannedDecision {
  childId: number
  decidedAt: Date
  outcome: MashOutcome
  rationale: string
  /** Refers the child on: a social worker is allocated an hour later. */
  allocate: boolean
}

const RATIONALE: Record<MashOutcome, string> = {
  strategy_discussion:
    'Information shared by police and social care; the signs point to exploitation. Strategy discussion today.',
  referral_to_csc: "Concerns from more than one agency; referred to children's social care for an assessment.",
  early_help: 'Concerns are emerging but below the threshold for social care; early help offered to the family.',
  no_further_action: 'Checks made with school and health; the concern is explained and the child is safe.',
}

/** What the MASH decides about a child at this rating (red and amber are referred on). */
function outcomeFor(rating: Rating, pick: number): MashOutcome {
  if (rating === 'red') return pick < 0.6 ? 'strategy_discussion' : 'referral_to_csc'
  if (rating === 'amber') return pick < 0.5 ? 'referral_to_csc' : 'early_help'
  return pick < 0.6 ? 'early_help' : 'no_further_action'
}

/**
 * The MASH's decisions over the demo's years, up to `at`: each time a child is on the queue, a decision
 * part way through its response time. One child in LEFT_WAITING_ONE_IN keeps what arose lately undecided,
 * as do the children `leftWaiting` names, and any child whose response time has not yet run out at `at`
 * (the MASH is still on it).
 */
export async function planMashHistory(
  children: readonly AssessedChild[],
  settings: RiskSettings,
  at: Date,
  /** The child as known at a moment (a decision is made on what was known then). */
  knownAt: (childId: number, at: Date) => Promise<AssessedChild | null>,
  options: { leftWaiting?: ReadonlySet<number>; seed?: string } = {},
): Promise<PlannedDecision[]> {
  const rng = createRng(options.seed ?? 'threadline-demo-mash')
  const planned: PlannedDecision[] = []
  for (const child of [...children].sort((a, b) => a.id - b.id)) {
    const leaveLast = rng.int(1, LEFT_WAITING_ONE_IN) === 1 || !!options.leftWaiting?.has(child.id)
    const decisions: MashDecision[] = []
    const mine: PlannedDecision[] = []
    const queued = (c: AssessedChild, when: Date) =>
      mashQueue([c], settings, when, { decisions: new Map([[c.id, decisions]]) })[0]
    for (;;) {
      const row = queued(child, at)
      if (!row) break
      const decidedAt = await inTime(row, rng.next(), (when) => knownAt(child.id, when), queued)
      // none in time as known then, or still within the response time now: not decided (yet)
      if (!decidedAt || +decidedAt >= +at || +decidedAt <= +row.waitingSince) break
      const outcome = outcomeFor(row.rating, rng.next())
      const d = { childId: child.id, decidedAt, outcome, rationale: RATIONALE[outcome] }
      decisions.push({ ...d, id: decisions.length + 1, decidedById: null, decidedBy: 'MASH' })
      mine.push({ ...d, allocate: outcome === 'strategy_discussion' || outcome === 'referral_to_csc' })
    }
    // left waiting: the last decision is not made, when what it decided arose lately
    const last = mine.at(-1)
    const recent =
      last !== undefined &&
      (+at - +last.decidedAt < LEFT_WAITING_DAYS * 24 * HOUR || !!options.leftWaiting?.has(child.id))
    if (leaveLast && recent && !queued(child, at)) mine.pop()
    planned.push(...mine)
  }
  return planned
}

/**
 * A moment part way (`share`) through the response time of what waits, at which the child was on the
 * queue as known then; when what waits was recorded late (known only after its clock began), half an
 * hour after it became known. Null when it was never known before now.
 */
async function inTime(
  row: QueueRow,
  share: number,
  knownAt: (when: Date) => Promise<AssessedChild | null>,
  queued: (c: AssessedChild, when: Date) => QueueRow | undefined,
): Promise<Date | null> {
  const waitingAt = async (when: Date) => {
    const then = await knownAt(new Date(+when - 1))
    return then ? queued(then, new Date(+when - 1)) : undefined
  }
  const candidate = new Date(
    +row.waitingSince + Math.max(15 * 60_000, (+row.dueAt - +row.waitingSince) * (0.2 + 0.6 * share)),
  )
  const then = await waitingAt(candidate)
  if (then && +candidate < +then.dueAt) return candidate
  // known late: decided soon after it became known
  for (const hours of [1, 6, 24, 72, 168, 720]) {
    const probe = new Date(+row.waitingSince + hours * HOUR)
    if (await waitingAt(probe)) return probe
  }
  return null
}

const NEWS: readonly { days: number; summary: string }[] = [
  { days: 24, summary: 'Seen in a car with two older males outside school at the end of the day' },
  { days: 11, summary: 'Came home in the early hours; parents do not know where the child had been' },
  {
    days: 0,
    summary: 'Has a new phone and new clothes the family cannot account for; staff worried about older associates',
  },
]

/** Children aged 12 to 16 known to the police and one other agency, with no concern or response in the last half year. */
function quietChildren(children: readonly AssessedChild[], at: Date): AssessedChild[] {
  const since = +at - 183 * 24 * HOUR
  const watched = new Set<string>([...CONCERN_KINDS, ...RESPONSE_KINDS])
  return children.filter((c) => {
    const age = c.dateOfBirth ? (+at - Date.parse(c.dateOfBirth)) / (365.25 * 24 * HOUR) : 0
    return (
      age >= 12 &&
      age < 17 &&
      c.risk.band === 1 &&
      !c.events.some((e) => watched.has(e.kind) && Date.parse(e.occurred_at) > since)
    )
  })
}

/**
 * The latest news about a few quiet children: concerns from the police and another agency over
 * the last weeks, the third recorded hours ago (NEWS_HOURS_AGO), which starts a response trigger (three concerns from
 * two agencies within 90 days, risk/unanswered.ts) that the MASH has not yet had time to decide on.
 * Imported the ordinary way.
 */
export async function recordMorningNews(db: Db, children: readonly AssessedChild[], at: Date): Promise<number[]> {
  const rng = createRng('threadline-demo-news')
  const quiet = rng.shuffle(quietChildren(children, at).map((c) => c.id))
  if (quiet.length === 0) return []
  const links = await db
    .selectFrom('entity_links')
    .select(['entity_id', 'agency_code', 'source_id'])
    .where('entity_id', 'in', quiet)
    .orderBy('agency_code')
    .execute()
  const lines: InputLine[] = []
  const chosen: number[] = []
  for (const id of quiet) {
    if (chosen.length === NEWS_HOURS_AGO.length) break
    const mine = links.filter((l) => l.entity_id === id)
    const police = mine.find((l) => l.agency_code === 'police')
    const other = mine.find((l) => l.agency_code !== 'police' && l.agency_code !== 'cps')
    if (!police || !other) continue
    const hoursAgo = NEWS_HOURS_AGO[chosen.length]
    chosen.push(id)
    NEWS.forEach((n, i) => {
      const by = i === 1 ? police : other
      const recorded = new Date(+at - n.days * 24 * HOUR - hoursAgo * HOUR)
      const occurred = new Date(+recorded - 2 * HOUR)
      lines.push({
        line: lines.length + 1,
        text: '',
        value: {
          type: 'event',
          agency: by.agency_code,
          source_id: `NEWS-${id}-${i + 1}`,
          kind: 'concern',
          subject: by.source_id,
          occurred_at: occurred.toISOString(),
          recorded_at: recorded.toISOString(),
          summary: n.summary,
        },
      })
    })
  }
  if (lines.length === 0) return []
  await importRecords(db, lines, {
    channel: 'demo',
    filename: "this morning's news",
    skipInvalid: false,
    actor: { kind: 'system', name: 'demo' },
    receivedAt: at,
  })
  return chosen
}

/**
 * Records the planned decisions as the demo's MASH user made them (audited as any MASH decision is), and
 * the allocation of a social worker that a referral brings, by the MASH, an hour after it decided (when
 * that is before `at`).
 */
export async function recordMashHistory(
  db: Db,
  at: Date,
  mash: SignedInUser,
  socialWorkerId: number | null,
): Promise<{ decisions: number; allocations: number; news: number }> {
  const settings = riskSettings()
  const before = await assessArea(db, at, { settings })
  const news = await recordMorningNews(db, before, at)
  // the children in the news assessed again, with it
  const told = new Map((news.length ? await assessArea(db, at, { settings, ids: news }) : []).map((c) => [c.id, c]))
  const instrument = await currentInstrument(db)
  const plan = await planMashHistory(
    before.map((c) => told.get(c.id) ?? c),
    settings,
    at,
    (id, when) => assessOne(db, id, when, { settings, instrument }),
    { leftWaiting: new Set(news.slice(NEWS_HOURS_AGO.length - 1)) },
  )
  const actor = actorOfUser(mash)
  const allocated = new Set<number>()
  for (const p of plan) {
    await saveMashDecision(db, actor, {
      childId: p.childId,
      outcome: p.outcome,
      rationale: p.rationale,
      decidedAt: p.decidedAt,
      decidedById: mash.id,
      decidedBy: mash.name,
    })
    const when = new Date(+p.decidedAt + HOUR)
    if (p.allocate && socialWorkerId !== null && !allocated.has(p.childId) && +when < +at) {
      await allocate(db, actor, mash, p.childId, socialWorkerId, 'Social worker', when)
      allocated.add(p.childId)
    }
  }
  return { decisions: plan.length, allocations: allocated.size, news: news.length }
}
