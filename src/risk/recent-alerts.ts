// The alerts list (/alerts): each child's alerts of the last 90 days, newest first. One rule for the list
// computed for a day and for the list kept per child (maintained-lists.ts): the window is applied when the
// list is read, so an alert leaves it by the clock alone.
import type { RiskAlert } from './alerts.ts'
import type { AssessedChild } from './area.ts'

/** How far back the alerts list looks. */
export const ALERT_WINDOW_DAYS = 90

/** An alert on the list, with the child it is about. */
export interface ListedAlert extends RiskAlert {
  childId: number
}

/** Whether an alert is still on the list at `at`. */
export const isRecentAlert = (a: Pick<RiskAlert, 'at'>, at: Date): boolean =>
  +a.at > +at - ALERT_WINDOW_DAYS * 86_400_000

/** Newest first, then by child. */
export const byRecentAlert = (a: ListedAlert, b: ListedAlert): number => +b.at - +a.at || a.childId - b.childId

/** The alerts of these assessed children on the list at `at`, newest first. */
export function recentAlerts(children: readonly AssessedChild[], at: Date): ListedAlert[] {
  return children
    .flatMap((c) => c.risk.alerts.filter((a) => isRecentAlert(a, at)).map((a) => ({ ...a, childId: c.id })))
    .sort(byRecentAlert)
}
