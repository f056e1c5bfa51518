// Overdue actions escalate to their agency's lead: the person working together already names as the
// agency's senior officer for a challenge's escalation (stage-owner.ts: a manager whose job title says
// senior, head or director, else one of its managers), so that an agency has one lead whoever asks.
// Computed when read; nothing is sent or stored.
import type { Db } from '../db/database.ts'
import { professionals } from '../working-together/store-people.ts'
import { ownerName, stageOwner } from '../working-together/stage-owner.ts'
import { isOverdue, type PlanAction } from './actions.ts'

export interface AgencyLead {
  /** the lead's user id, or null when the agency has no manager on Threadline */
  id: number | null
  /** the lead's name, else "<agency>'s managers" */
  name: string
}

/** Each agency's lead, by agency code. */
export async function agencyLeads(
  db: Db,
  agencies: readonly string[],
  agencyNames: ReadonlyMap<string, string>,
): Promise<Map<string, AgencyLead>> {
  const people = await professionals(db)
  const candidates = [...people.values()]
  return new Map(
    agencies.map((agency) => {
      const ownership = stageOwner('senior_officer', { againstAgency: agency, allocated: [], people: candidates })
      const name = ownerName(
        ownership,
        (id) => people.get(id)?.name,
        (code) => agencyNames.get(code),
      )
      return [agency, { id: ownership.person, name }]
    }),
  )
}

export interface OverdueByAgency {
  agency: string
  overdue: number
  open: number
}

/** Each agency with actions not done, how many are overdue at `now` and how many are open in all. */
export function overdueByAgency(actions: readonly (PlanAction & { agency: string })[], now: Date): OverdueByAgency[] {
  const byAgency = new Map<string, OverdueByAgency>()
  for (const a of actions) {
    if (a.status === 'done') continue
    const row = byAgency.get(a.agency) ?? { agency: a.agency, overdue: 0, open: 0 }
    row.open++
    if (isOverdue(a, now)) row.overdue++
    byAgency.set(a.agency, row)
  }
  return [...byAgency.values()].sort((a, b) => b.overdue - a.overdue || a.agency.localeCompare(b.agency))
}
