// Sections that other capabilities add to a person's page (risk, missing history, decisions...).
// A panel gets what the page already knows and returns the data for its own template, or null
// to show nothing. The page has already applied the visibility rules and audited the view.
import type { Db } from '../db/database.ts'
import type { PersonRecordView } from './record-view.ts'
import type { SignedInUser } from '../web/request-context.ts'
import type { Viewer } from '../access/visibility.ts'

export interface PanelContext {
  db: Db
  record: PersonRecordView
  user: SignedInUser
  viewer: Viewer
  /** "now", or the end of the page's "as known on" day */
  at: Date
  now: Date
}

export interface PersonPanel {
  /** unique, used as the section's id */
  id: string
  /** a template in the capability's views/ folder, rendered with `panel` = what `load` returned */
  template: string
  /** sections are ordered by this, lowest first (chronology is at 100) */
  order: number
  load(ctx: PanelContext): Promise<Record<string, unknown> | null>
}

export const personPanels: PersonPanel[] = []

export function registerPersonPanel(panel: PersonPanel): void {
  if (!personPanels.some((p) => p.id === panel.id)) personPanels.push(panel)
  personPanels.sort((a, b) => a.order - b.order)
}

export async function loadPanels(ctx: PanelContext) {
  const loaded = await Promise.all(personPanels.map(async (p) => ({ id: p.id, template: p.template, order: p.order, panel: await p.load(ctx) })))
  return loaded.filter((p) => p.panel !== null)
}
