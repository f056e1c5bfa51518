// Sections other capabilities add to the manager's morning page (/manager), like person-page
// panels. THE LEAD'S SLOT: unanswered children (src/risk) and overdue return interviews
// (src/missing) register here; until they do, the page shows a marked placeholder.
import type { Db } from '../db/database.ts'
import type { SignedInUser } from '../web/request-context.ts'
import { sectionRegistry, type Section } from '../web/sections.ts'
import type { Query } from '../web/list-view.ts'

export interface ManagerContext {
  db: Db
  user: SignedInUser
  /** The manager's team (user ids), as this page works it out. */
  team: number[]
  now: Date
  /** The page's query string: each section sorts and pages its list by its own prefix (web/list-view.ts). */
  query: Query
}

export type ManagerSection = Section<ManagerContext>

const sections = sectionRegistry<ManagerContext>()

export const registerManagerSection = (section: ManagerSection) => sections.register(section)

export async function loadManagerSections(ctx: ManagerContext) {
  return (await sections.load(ctx)).map((s) => ({ id: s.id, template: s.template, section: s.data }))
}
