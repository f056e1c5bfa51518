// Sections other capabilities add to the signed-in home page (the morning list of what needs doing).
import type { Db } from '../db/database.ts'
import type { SignedInUser } from '../web/request-context.ts'
import { sectionRegistry, type Section } from '../web/sections.ts'

export type HomeContext = { db: Db; user: SignedInUser; now: Date }
export type HomePanel = Section<HomeContext>

const panels = sectionRegistry<HomeContext>()

export const registerHomePanel = (panel: HomePanel) => panels.register(panel)

export async function loadHomePanels(ctx: HomeContext) {
  return (await panels.load(ctx)).map((p) => ({ id: p.id, template: p.template, panel: p.data }))
}
