// What the MASH owes a child now (people/work-waiting.ts): a decision on a child in its queue, with
// the queue's own reasons and response time (page.ts mashQueue, the one rule of who is waiting and
// until when), shown to whoever may see the child's risk page.
import type { WorkWaitingSource } from '../people/work-waiting.ts'
import { assessOne } from './area.ts'
import { mashQueue } from './page.ts'
import { riskSettings } from './settings.ts'
import { currentInstrument } from './store.ts'

export const riskWaiting: WorkWaitingSource = {
  id: 'risk',
  async load(ctx) {
    const { db, record, at } = ctx
    const settings = riskSettings()
    const child = await assessOne(db, record.person_id, at, { settings, instrument: await currentInstrument(db) })
    if (!child) return []
    return mashQueue([child], settings, at).map((row) => ({
      who: 'The MASH',
      what: `decide what happens next (${row.reasons.join('; ')})`,
      dueAt: row.dueAt,
      overdue: row.overdue,
      href: `/people/${record.person_id}/risk`,
    }))
  },
}
