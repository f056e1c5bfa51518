// Figures for the partnership: the share of return interviews done within the due time, by agency
// and month of return (the national survey's measure: 63% within 72 hours in 2023-24).
import type { InterviewRow } from './interviews.ts'
import { londonParts } from './time.ts'

export interface InterviewFigure {
  agency: string
  /** Month of return, YYYY-MM (London). */
  month: string
  /** Returns whose interview is settled (done, late, declined, not held) or overdue. Still-due ones wait. */
  returns: number
  doneInTime: number
  doneLate: number
  declined: number
  notHeld: number
  overdue: number
  /** doneInTime / returns; null when there are none. */
  shareInTime: number | null
}

/**
 * `rows` from `interviewsFor` at the moment of the report. The agency is, by default, the agency
 * that recorded the interview, else the agency that first reported the episode (it owns the gap);
 * pass `agencyOf` to count by the agency the interview was assigned to. `ALL` rows give each month overall.
 */
export function interviewFigures(
  rows: readonly InterviewRow[],
  options: { agencyOf?: (row: InterviewRow) => string } = {},
): InterviewFigure[] {
  const agencyOf = options.agencyOf ?? ((row: InterviewRow) => row.interview?.agency ?? row.episode.reports[0].agency)
  const figures = new Map<string, InterviewFigure>()
  const add = (agency: string, month: string, row: InterviewRow) => {
    const key = `${agency}\u0000${month}`
    const f = figures.get(key) ?? {
      agency,
      month,
      returns: 0,
      doneInTime: 0,
      doneLate: 0,
      declined: 0,
      notHeld: 0,
      overdue: 0,
      shareInTime: null,
    }
    f.returns++
    if (row.status === 'done') f.doneInTime++
    else if (row.status === 'done_late') f.doneLate++
    else if (row.status === 'declined') f.declined++
    else if (row.status === 'not_held') f.notHeld++
    else if (row.status === 'overdue') f.overdue++
    f.shareInTime = f.doneInTime / f.returns
    figures.set(key, f)
  }
  for (const row of rows) {
    if (row.status === 'due') continue // not yet decided either way
    const month = londonParts(row.returnedAt).month
    add(agencyOf(row), month, row)
    add('ALL', month, row)
  }
  return [...figures.values()].sort(
    (a, b) =>
      a.month.localeCompare(b.month) ||
      (a.agency === 'ALL' ? 1 : b.agency === 'ALL' ? -1 : a.agency.localeCompare(b.agency)),
  )
}
