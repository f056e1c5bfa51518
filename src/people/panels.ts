// Sections that other capabilities add to a person's pages (risk, missing history, decisions...).
// A person's record is a summary and sub-pages (person-pages.ts); each panel says, where it is
// defined, which of them it belongs on (`page`), and a page loads only its own panels. A panel gets
// what the page already knows and returns the data for its own template (as `panel`), or null to
// show nothing. The page has already applied the visibility rules and audited the view.
import type { Db } from '../db/database.ts'
import type { PersonRecordView } from './record-view.ts'
import type { SignedInUser } from '../web/request-context.ts'
import type { Viewer } from '../access/visibility.ts'
import { sectionRegistry, type Section } from '../web/sections.ts'
import type { Query } from '../web/list-view.ts'

/** The pages of a person's record that carry panels (the sub-navigation's tabs, less who viewed). */
export const PERSON_PAGES = [
  'summary',
  'chronology',
  'risk',
  'missing',
  'working-together',
  'links',
  'records',
] as const
export type PersonPage = (typeof PERSON_PAGES)[number]

export interface PanelContext {
  db: Db
  record: PersonRecordView
  user: SignedInUser
  viewer: Viewer
  /** "now", or the end of the page's "as known on" day */
  at: Date
  now: Date
  /** the page's query string: a panel's list sorts and pages by its own keys (web/list-view.ts) */
  query: Query
}

/**
 * A panel and the page (or pages, or 'every' page) of the person's record it belongs on. `order`
 * places it on its page, lowest first.
 */
export interface PersonPanel extends Section<PanelContext> {
  page: PersonPage | readonly PersonPage[] | 'every'
}

const panels = sectionRegistry<PanelContext, PersonPanel>()

export const registerPersonPanel = (panel: PersonPanel) => panels.register(panel)

/** Whether a panel belongs on a page. */
export const panelOn = (panel: PersonPanel, page: PersonPage) =>
  panel.page === 'every' || (typeof panel.page === 'string' ? panel.page === page : panel.page.includes(page))

/** The panels of one page of a person's record (only those: other pages' panels are not computed). */
export async function loadPanels(ctx: PanelContext, page: PersonPage) {
  return (await panels.load(ctx, (p) => panelOn(p, page))).map((p) => ({
    id: p.id,
    template: p.template,
    order: p.order,
    panel: p.data,
  }))
}
