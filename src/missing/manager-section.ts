// The manager's morning page (/manager): overdue return interviews of the manager's team (assigned
// to one of them) or of episodes the manager's agency reported.
import { registerManagerSection } from '../working-together/manager-sections.ts'
import { loadMissingState } from './lists.ts'
import { currentAssignments } from './store.ts'
import { missingSettings } from './settings.ts'
import { summaries } from '../people/people.ts'

registerManagerSection({
  id: 'missing-overdue-interviews',
  template: 'missing-manager-overdue.njk',
  order: 20,
  async load({ db, user, team, now }) {
    const settings = missingSettings()
    const state = await loadMissingState(db, now, settings)
    const overdue = state.interviews.filter((r) => r.status === 'overdue')
    const assignments = await currentAssignments(
      db,
      overdue.map((r) => r.episodeSource),
    )
    const mine = overdue.filter((r) => {
      const assigned = assignments.get(r.episodeSource)
      return (assigned && team.includes(assigned.user_id)) || r.episode.agencies.includes(user.agency)
    })
    const people = await summaries(db, [...new Set(mine.map((r) => Number(r.childId)))], now)
    return {
      dueHours: settings.dueHours,
      children: [...new Set(mine.map((r) => Number(r.childId)))],
      rows: mine.map((r) => ({
        childId: r.childId,
        name: [people.get(Number(r.childId))?.given_name, people.get(Number(r.childId))?.family_name]
          .filter(Boolean)
          .join(' '),
        episodeSource: r.episodeSource,
        returnedAt: r.returnedAt,
        dueAt: r.interviewDueAt,
        assignedTo: assignments.get(r.episodeSource)?.name ?? null,
      })),
    }
  },
})
