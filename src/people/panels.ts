// Sections that other capabilities add to a person's page (risk, missing history, decisions...).
// A panel gets what the page already knows and returns the data for its own template (as `panel`),
// or null to show nothing. The page has already applied the visibility rules and audited the view.
import type { Db } from '../db/database.ts'
import type { PersonRecordView } from './record-view.ts'
import type { SignedInUser } from '../web/request-context.ts'
import type { Viewer } from '../access/visibility.ts'
import { sectionRegistry, type Section } from '../web/sections.ts'

export interface PanelContext {
  db: Db
  record: PersonRecordView
  user: SignedInUser
  viewer: Viewer
  /** "now", or the end of the page's "as known on" day */
  at: Date
  now: Date
}

/** `order` below 100 shows above the agency records and the chronology, 100 and above below them. */
export type PersonPanel = Section<PanelContext>

const panels = sectionRegistry<PanelContext>()

export const registerPersonPanel = (panel: PersonPanel) => panels.register(panel)

export async function loadPanels(ctx: PanelContext) {
  return (await panels.load(ctx)).map((p) => ({ id: p.id, template: p.template, order: p.order, panel: p.data }))
}
