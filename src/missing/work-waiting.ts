// What a child's missing record owes now (people/work-waiting.ts): looking for a child who is missing
// at this moment, by the agency that reported it, and each return interview due or overdue, by the
// person it is assigned to or else the agency responsible (responsibility.ts, the one rule); from the
// versions the viewer may read, as the child's missing page shows them.
import type { WorkWaiting, WorkWaitingSource } from '../people/work-waiting.ts'
import { historyFor } from './page-data.ts'
import { agencyNames } from './store.ts'
import { areaAgencyOf } from './lists.ts'
import { interviewResponsibility } from './responsibility.ts'

export const missingWaiting: WorkWaitingSource = {
  id: 'missing',
  async load(ctx) {
    const { db, record, viewer, at } = ctx
    const { history, settings, assignments } = await historyFor(db, viewer, record.reach, record.person_id, at)
    if (history.episodes.length === 0) return []
    const [names, areaAgency] = await Promise.all([agencyNames(db), areaAgencyOf(db, settings)])
    const agency = (code: string) => names.get(code) ?? code
    const href = `/people/${record.person_id}/missing`
    const looking = history.open.map((e): WorkWaiting => ({
      who: agency(e.episode.reports[0].agency),
      what: 'find the child',
      since: { words: 'missing since', at: e.episode.startedAt },
      ongoing: true,
      dueAt: null,
      overdue: false,
      href,
    }))
    const interviews = history.episodes.flatMap((e): WorkWaiting[] => {
      const row = e.interview
      if (!row || (row.status !== 'due' && row.status !== 'overdue')) return []
      const assigned = assignments.get(e.episode.id)
      const responsible = interviewResponsibility(row, { assignedAgency: assigned?.agency_code ?? null, areaAgency })
      return [
        {
          who: assigned ? `${assigned.name} (${agency(assigned.agency_code)})` : agency(responsible.agency),
          what: 'hold the return interview',
          since: { words: 'back since', at: row.returnedAt },
          dueAt: row.interviewDueAt,
          overdue: row.status === 'overdue',
          href,
        },
      ]
    })
    return [...looking, ...interviews]
  },
}
