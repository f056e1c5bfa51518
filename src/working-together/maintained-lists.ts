// Open challenges and children's actions for "now", maintained per child (issue 20, decision 0062): the
// manager's morning page (challenges awaiting them, their team's overdue actions), My work (their open
// actions and the challenges that are their work) and the commands `challenges --open` and
// `actions --overdue` read list_entries, kept by the machinery of db/maintained-lists.ts, a page at a time
// in SQL, instead of working out every challenge and action of the area on every request. The rule is
// the computed path's, for the children worked out: `challengesAt` and `actionsAt` for those children
// (and the people merged into them). A row per challenge or action, with its deadline and whose work it
// is as columns: an action becomes overdue when a read finds its stored due time behind now; a
// challenge's stage moves up by its deadline, so that deadline is when its child is worked out again.
// An "as known on" day computes, as before. A theme's action (a case audit's finding, no child) is read
// from wt_actions by its owner (audits/store.ts themeActionsFor): a row read by an index, nothing computed.
import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import {
  bringUpToDate,
  earliestAfter,
  pageNow,
  workedFor,
  type MaintainedSource,
  type Worked,
} from '../db/maintained-lists.ts'
import { must } from '../errors/must.ts'
import { mergedIds, summaries } from '../people/people.ts'
import { actionStatus } from './actions.ts'
import type { ChallengeNote, StoredChallenge } from './store-challenges.ts'
import { challengesAt, workFacts } from './store-challenges.ts'
import { actionsAt, type StoredAction } from './store-meetings.ts'
import { professionals } from './store-people.ts'
import { areaProtocol } from './settings.ts'
import { workKeys } from './stage-owner.ts'
import type { EscalationProtocol } from './protocol.ts'
import type { StageSpan } from './escalation.ts'

export const OPEN_CHALLENGES = 'open_challenges'
export const CHILD_ACTIONS = 'child_actions'
export const WORKING_TOGETHER_LISTS = [OPEN_CHALLENGES, CHILD_ACTIONS] as const

/** The name pages show for a child (as My work and the morning page name them). */
export const childName = (s: { given_name?: string | null; family_name?: string | null } | undefined, id: string) =>
  (s ? `${s.given_name ?? ''} ${s.family_name ?? ''}`.trim() : '') || `Child ${id}`

const text = (v: string | null | undefined) => (v ? v.toLocaleLowerCase('en-GB') : null)
const padded = (n: number) => String(n).padStart(12, '0')
const iso = (d: Date | null) => (d ? d.toISOString() : null)

/** The rule for these people as of `at`: each child's open challenges and the actions not done, and when the clock alone changes them. */
export async function workingTogetherEntries(
  db: Db,
  ids: readonly number[],
  at: Date,
  protocol: EscalationProtocol,
): Promise<Map<number, Worked>> {
  const out = workedFor(ids)
  const wanted = new Set(ids)
  const canonical = await mergedIds(db)
  // the children asked for, and the people merged into them (whose challenges and actions are theirs now)
  const merged = await db.selectFrom('entities').select('id').where('merged_into', 'is not', null).execute()
  const raw = [...ids.filter((id) => canonical(id) === id), ...merged.map((m) => m.id)].filter((id) =>
    wanted.has(canonical(id)),
  )
  if (!raw.length) return out
  const [challenges, actions, names] = await Promise.all([
    challengesAt(db, at, { childIds: raw, protocol }),
    actionsAt(db, at, { childIds: raw }),
    summaries(db, [...ids], at),
  ])
  const of = (childId: string) => must(out.get(Number(childId)), 'a child worked out')
  const nameOf = (childId: string) => text(childName(names.get(Number(childId)), childId))
  const times = new Map<string, (number | null)[]>()
  for (const c of challenges) {
    if (c.state.status !== 'open') continue
    of(c.childId).entries.push({
      list: OPEN_CHALLENGES,
      item: c.id,
      dueAt: c.state.stageDueAt,
      keys: workKeys(workFacts(c)),
      entry: {
        challenge: c,
        sort: {
          child: nameOf(c.childId),
          stage: padded(c.state.stage),
          deadline: iso(c.state.stageDueAt),
          opened: iso(c.challenge.openedAt),
          id: padded(c.id),
        },
      },
    })
    // the stage moves up (or the last one is overdue) when its deadline passes
    times.set(c.childId, [...(times.get(c.childId) ?? []), c.state.stageDueAt ? +c.state.stageDueAt : null])
  }
  for (const a of actions) {
    if (a.status === 'done') continue
    of(a.childId).entries.push({
      list: CHILD_ACTIONS,
      item: a.id,
      dueAt: a.dueAt,
      keys: [`owner:${a.owner.id}`, ...(a.chairId === null ? [] : [`chair:${a.chairId}`])],
      entry: {
        action: a,
        sort: {
          child: nameOf(a.childId),
          action: text(a.title),
          owner: text(a.owner.name),
          due: a.dueDate,
          id: padded(a.id),
        },
      },
    })
  }
  for (const [childId, t] of times) of(childId).changesAt = earliestAfter(at, t)
  return out
}

/** Working together's maintained lists (db/maintained-lists.ts): open challenges, and children's actions not done. */
export const WORKING_TOGETHER_LISTS_SOURCE: MaintainedSource = {
  source: 'working_together',
  version: 1,
  lists: WORKING_TOGETHER_LISTS,
  async prepare(db) {
    const protocol = areaProtocol()
    // the entries name people (owners, who raised what, a stage's owner): a change of anyone's name,
    // roles, agency or manager works every child out again, as a change of the protocol does
    const [people, agencies] = await Promise.all([
      professionals(db),
      db.selectFrom('agencies').select(['code', 'name']).orderBy('code').execute(),
    ])
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([protocol, [...people.entries()].sort((a, b) => a[0] - b[0]), agencies]))
      .digest('hex')
      .slice(0, 32)
    return { fingerprint, work: (db, ids, at) => workingTogetherEntries(db, ids, at, protocol) }
  },
}

const date = (v: unknown) => new Date(v as string)
const dateOrNull = (v: unknown) => (v === null || v === undefined ? null : date(v))

const span = (s: StageSpan): StageSpan => ({
  ...s,
  startedAt: date(s.startedAt),
  dueAt: dateOrNull(s.dueAt),
  endedAt: dateOrNull(s.endedAt),
})
const note = (n: ChallengeNote): ChallengeNote => ({ ...n, at: date(n.at) })

/** A kept challenge as challengesAt gives it. */
export const challengeOf = (entry: unknown): StoredChallenge => {
  const c = (entry as { challenge: StoredChallenge }).challenge
  return {
    ...c,
    challenge: { ...c.challenge, openedAt: date(c.challenge.openedAt) },
    state: {
      ...c.state,
      stageDueAt: dateOrNull(c.state.stageDueAt),
      resolvedAt: dateOrNull(c.state.resolvedAt),
      stages: c.state.stages.map(span),
    },
    notes: c.notes.map(note),
  }
}

/** A kept action as actionsAt gives it at `now`: its status from its stored due time compared with now. */
export const actionOf = (entry: unknown, now: Date): StoredAction => {
  const a = (entry as { action: StoredAction }).action
  const dueAt = date(a.dueAt)
  const status = actionStatus(
    {
      title: a.title,
      owner: String(a.owner.id),
      ownerAgency: a.ownerAgency,
      dueAt,
      completedAt: null,
      completionRecordedAt: null,
      evidence: null,
    },
    now,
  )
  return { ...a, dueAt, completedAt: null, evidence: null, status }
}

export interface ListPageAsked {
  keys?: readonly string[]
  overdue?: boolean
  sort?: string | null
  descending?: boolean
  page?: number
  /** every row (the command line): one page as long as the list */
  pageSize?: number
}

const ALL = 1_000_000_000

/** A page of the open challenges now (null when the clock is behind the lists). */
export async function openChallengesPage(
  db: Db,
  now: Date,
  asked: ListPageAsked = {},
): Promise<{ rows: StoredChallenge[]; total: number } | null> {
  const page = await pageNow(db, WORKING_TOGETHER_LISTS_SOURCE, OPEN_CHALLENGES, now, {
    keys: asked.keys,
    sort: asked.sort,
    descending: asked.descending,
    tieBreak: ['opened', 'id'],
    page: asked.page ?? 1,
    pageSize: asked.pageSize ?? ALL,
  })
  return page && { rows: page.rows.map(challengeOf), total: page.total }
}

/** A page of the children's actions not done now, or only the overdue ones (null when the clock is behind the lists). */
export async function childActionsPage(
  db: Db,
  now: Date,
  asked: ListPageAsked = {},
): Promise<{ rows: StoredAction[]; total: number } | null> {
  const page = await pageNow(db, WORKING_TOGETHER_LISTS_SOURCE, CHILD_ACTIONS, now, {
    keys: asked.keys,
    // overdue from the moment it is due (actions.ts actionStatus)
    dueBy: asked.overdue ? now : undefined,
    sort: asked.sort,
    descending: asked.descending,
    now,
    tieBreak: ['due', 'id'],
    page: asked.page ?? 1,
    pageSize: asked.pageSize ?? ALL,
  })
  return page && { rows: page.rows.map((e) => actionOf(e, now)), total: page.total }
}

/** How many children's actions not done each user owns now (the caseload's open tasks), counted in SQL; null when the clock is behind the lists. */
export async function openActionsByOwner(db: Db, now: Date): Promise<Map<number, number> | null> {
  if ((await bringUpToDate(db, WORKING_TOGETHER_LISTS_SOURCE, now)) === null) return null
  const counted = await sql<{ key: string; n: string }>`select k as key, count(*)::text as n
    from list_entries, unnest(keys) as k where list = ${CHILD_ACTIONS} and k like 'owner:%' group by k`.execute(db)
  return new Map(counted.rows.map((r) => [Number(r.key.slice('owner:'.length)), Number(r.n)]))
}
