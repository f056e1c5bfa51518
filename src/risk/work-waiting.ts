// What the MASH owes a child now (people/work-waiting.ts): a decision on a child in its queue, with
// the queue's own reasons and response time (mash-queue.ts mashQueue, the one rule of who is waiting and
// until when, cached per child for "now": mash-waiting-cache.ts), shown to whoever may see the child's
// risk page.
import type { WorkWaitingSource } from '../people/work-waiting.ts'
import { isOverdue, reasonInWords } from './mash-queue.ts'
import { mashWaiting } from './mash-waiting-cache.ts'

export const riskWaiting: WorkWaitingSource = {
  id: 'risk',
  async load(ctx) {
    const { db, record, at } = ctx
    const waiting = await mashWaiting(db, record.person_id, at, ctx.now)
    if (!waiting) return []
    return [
      {
        who: 'The MASH',
        what: `decide what happens next (${waiting.reasons.map(reasonInWords).join('; ')})`,
        dueAt: waiting.dueAt,
        overdue: isOverdue(waiting.dueAt, at),
        href: `/people/${record.person_id}/risk`,
      },
    ]
  },
}
