// Sections other capabilities add to the signed-in home page (the morning list of what needs doing).
import type { Db } from '../db/database.ts'
import type { SignedInUser } from '../web/request-context.ts'

export interface HomePanel {
  id: string
  /** a template in the capability's views/ folder, rendered with `panel` = what `load` returned */
  template: string
  order: number
  load(ctx: { db: Db; user: SignedInUser; now: Date }): Promise<Record<string, unknown> | null>
}

const panels: HomePanel[] = []

export function registerHomePanel(panel: HomePanel): void {
  if (!panels.some((p) => p.id === panel.id)) panels.push(panel)
  panels.sort((a, b) => a.order - b.order)
}

export async function loadHomePanels(ctx: { db: Db; user: SignedInUser; now: Date }) {
  const loaded = await Promise.all(panels.map(async (p) => ({ id: p.id, template: p.template, panel: await p.load(ctx) })))
  return loaded.filter((p) => p.panel !== null)
}
