// Sections other capabilities add to the manager's morning page (/manager), like person-page
// panels. THE LEAD'S SLOT: unanswered children (src/risk) and overdue return interviews
// (src/missing) register here; until they do, the page shows a marked placeholder.
import type { Db } from '../db/database.ts'
import type { SignedInUser } from '../web/request-context.ts'

export interface ManagerContext {
  db: Db
  user: SignedInUser
  /** The manager's team (user ids), as this page works it out. */
  team: number[]
  now: Date
}

export interface ManagerSection {
  id: string
  /** a template in the capability's views/ folder, rendered with `section` = what `load` returned */
  template: string
  order: number
  load(ctx: ManagerContext): Promise<Record<string, unknown> | null>
}

export const managerSections: ManagerSection[] = []

export function registerManagerSection(section: ManagerSection): void {
  if (!managerSections.some((s) => s.id === section.id)) managerSections.push(section)
  managerSections.sort((a, b) => a.order - b.order)
}

export async function loadManagerSections(ctx: ManagerContext) {
  const loaded = await Promise.all(managerSections.map(async (s) => ({ id: s.id, template: s.template, section: await s.load(ctx) })))
  return loaded.filter((s) => s.section !== null)
}
