// What needs doing now about a person, and by whom: the first thing their summary says. Each
// capability that holds work about a child (a return interview, a challenge, an action, a decision the
// MASH owes) adds a source (Capability `workWaiting`); a source sees the page's context and reports
// only what the viewer may see on the page its link opens. Nothing is stored: it is read at the
// moment the page asks about ("now", or the page's "as known on" day).
import type { PanelContext, PersonPanel } from './panels.ts'

export interface WorkWaiting {
  /** Who is to do it: a named person, "<agency>'s managers", an agency, or the MASH. */
  who: string
  /** What, as words that follow "to": "hold the return interview after the episode of 3 May 2026". */
  what: string
  /** Happening now (a child missing at this moment): shown before anything with a deadline. */
  ongoing?: boolean
  /** When what it answers began: "missing since", "back since", and the moment. */
  since?: { words: string; at: Date }
  dueAt: Date | null
  overdue: boolean
  /** The page of the record where it is done. */
  href: string
}

export interface WorkWaitingSource {
  id: string
  load(ctx: PanelContext): Promise<readonly WorkWaiting[]>
}

const sources: WorkWaitingSource[] = []

export function registerWorkWaiting(source: WorkWaitingSource): void {
  if (!sources.some((s) => s.id === source.id)) sources.push(source)
}

/** Most pressing first: what is happening now, then what is overdue (longest first), then by deadline. */
export function inOrderOfUrgency(items: readonly WorkWaiting[]): WorkWaiting[] {
  const rank = (w: WorkWaiting) => (w.ongoing ? 0 : w.overdue ? 1 : w.dueAt ? 2 : 3)
  return [...items].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity) ||
      a.who.localeCompare(b.who),
  )
}

/** Shown first on the summary: "What needs doing now", in a sentence, then the rest of the list. */
export const workWaitingPanel: PersonPanel = {
  id: 'work-waiting',
  page: 'summary',
  template: 'person-work-waiting.njk',
  order: 0,
  async load(ctx: PanelContext) {
    if (ctx.record.reach.level === 'none') return null
    const items = inOrderOfUrgency((await Promise.all(sources.map((s) => s.load(ctx)))).flat())
    return { first: items[0] ?? null, rest: items.slice(1), at: ctx.at }
  },
}
