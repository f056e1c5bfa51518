// Who owns each stage of a challenge, as a person where Threadline can tell: the protocol names
// roles; the area's people fill them. Practitioner: the worker of the agency challenged who is
// allocated to the child. Line manager: that worker's manager, else a manager of that agency.
// Senior officer: a manager of that agency whose job title says senior (head, director...), else
// any of its managers. Independent chair: the partnership. Unknown: null, shown by role.
export interface OwnerCandidate {
  id: number
  agency: string
  roles: readonly string[]
  jobTitle: string | null
  active: boolean
  managerId: number | null
}

export interface OwnerFacts {
  againstAgency: string
  /** Users allocated to the child at the time (their agencies matter). */
  allocated: readonly number[]
  people: readonly OwnerCandidate[]
}

const SENIOR = /senior|head|director|superintendent|chief|assistant director/i

export function stageOwner(role: string, facts: OwnerFacts): number | null {
  const byId = new Map(facts.people.map((p) => [p.id, p]))
  const active = facts.people.filter((p) => p.active)
  const agencyManagers = active.filter((p) => p.agency === facts.againstAgency && p.roles.includes('manager'))
  const worker = facts.allocated
    .map((id) => byId.get(id))
    .find((p) => p && p.agency === facts.againstAgency && p.roles.includes('practitioner'))
  switch (role) {
    case 'practitioner':
      return worker?.id ?? null
    case 'line_manager': {
      const manager = worker?.managerId ? byId.get(worker.managerId) : undefined
      return manager?.active ? manager.id : (agencyManagers[0]?.id ?? null)
    }
    case 'senior_officer':
      return (agencyManagers.find((p) => p.jobTitle && SENIOR.test(p.jobTitle)) ?? agencyManagers[0])?.id ?? null
    case 'independent_chair':
      return active.find((p) => p.roles.includes('partnership'))?.id ?? null
    default:
      return null
  }
}
