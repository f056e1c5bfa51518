// What the MASH owes a child now (people/work-waiting.ts): a decision on a child in its queue, with
// the queue's own reasons and response time (mash-queue.ts mashQueue, the one rule of who is waiting and
// until when), shown to whoever may see the child's risk page.
import type { WorkWaitingSource } from '../people/work-waiting.ts'
import { assessOne } from './area.ts'
import { mashQueue, reasonInWords } from './mash-queue.ts'
import { riskSettings } from './settings.ts'
import { agencyNames, currentInstrument, mashDecisionsOf } from './store.ts'

export const riskWaiting: WorkWaitingSource = {
  id: 'risk',
  async load(ctx) {
    const { db, record, at } = ctx
    const settings = riskSettings()
    const child = await assessOne(db, record.person_id, at, { settings, instrument: await currentInstrument(db) })
    if (!child) return []
    const [decisions, names] = await Promise.all([mashDecisionsOf(db, [child.id]), agencyNames(db)])
    const rows = mashQueue([child], settings, at, { decisions, agencyName: (code) => names.get(code) ?? code })
    return rows.map((row) => ({
      who: 'The MASH',
      what: `decide what happens next (${row.reasons.map(reasonInWords).join('; ')})`,
      dueAt: row.dueAt,
      overdue: row.overdue,
      href: `/people/${record.person_id}/risk`,
    }))
  },
}
