// The manager's morning page (/manager): children whose rising risk or repeated concerns have gone
// unanswered, among those the manager's agency is involved with.
import { CASEWORK_ROLES, hasRole } from '../vocabulary/roles.ts'
import type { ManagerSection } from '../working-together/manager-sections.ts'
import { unansweredFor } from './unanswered-for.ts'
import { riskSettings } from './settings.ts'
import type { HomePanel } from '../people/home-panels.ts'
import type { NavigationItem } from '../web/navigation.ts'
import { byText, byValue, listView, type Query, type SortColumns } from '../web/list-view.ts'

interface UnansweredRow {
  childId: string | number
  name: string
  band: number
  since: Date | null
}
const UNANSWERED_COLUMNS: SortColumns<UnansweredRow> = {
  child: { compare: byText((r) => r.name) },
  band: { compare: byValue((r) => r.band), natural: 'descending' },
  since: { compare: byValue((r) => r.since) },
}

/** The page of the morning page's unanswered children a query asks for (`unanswered-sort`, `unanswered-page`). */
export function unansweredList<T extends UnansweredRow>(rows: readonly T[], q: Query) {
  return listView(rows, q, { path: '/manager', columns: UNANSWERED_COLUMNS, prefix: 'unanswered-' })
}

export const riskUnansweredSection: ManagerSection = {
  id: 'risk-unanswered',
  template: 'risk-manager-unanswered.njk',
  order: 10,
  async load({ db, user, now, query }) {
    const rows = await unansweredFor(db, user, now, riskSettings(), now)
    const list = unansweredList(
      rows.map((r) => ({
        childId: r.childId,
        name: r.name,
        band: r.band,
        bandLabel: r.bandLabel,
        since: r.unansweredSince,
        story: r.story,
        trigger: r.trigger,
        agencies: r.agencies,
        because: r.because,
      })),
      query,
    )
    return { children: list.rows.map((r) => Number(r.childId)), list }
  },
}

// The home page: a practitioner's own unanswered children (those allocated to them); the MASH and
// managers have their fuller lists one click away.
export const riskHomePanel: HomePanel = {
  id: 'risk-home-unanswered',
  template: 'risk-home-unanswered.njk',
  order: 10,
  async load({ db, user, now }) {
    if (!hasRole(user.roles, 'practitioner') && !hasRole(user.roles, 'manager') && !hasRole(user.roles, 'mash'))
      return null
    const rows =
      hasRole(user.roles, 'practitioner') && !hasRole(user.roles, 'mash')
        ? (await unansweredFor(db, { ...user, roles: ['practitioner'] }, now, riskSettings(), now)).filter(
            (r) => r.because === 'allocated',
          )
        : []
    return {
      rows,
      children: rows.map((r) => Number(r.childId)),
      mash: hasRole(user.roles, 'mash'),
      manager: hasRole(user.roles, 'manager'),
    }
  },
}

export const riskNavigation: NavigationItem[] = [
  { href: '/unanswered', text: 'Unanswered', roles: CASEWORK_ROLES, order: 20, section: 'risk' },
  { href: '/mash', text: 'MASH queue', roles: ['mash'], order: 21, section: 'risk' },
  { href: '/alerts', text: 'Alerts', roles: CASEWORK_ROLES, order: 22, section: 'risk' },
]
