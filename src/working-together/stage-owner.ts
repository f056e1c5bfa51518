// Who owns each stage of a challenge, and whose work it is: the protocol names roles; the area's
// people fill them. A challenge belongs to the challenged agency from the moment it is raised: its
// managers hold every stage before the partnership's chair, and a named person owns the stage where
// Threadline can tell who. Practitioner: the worker of the agency challenged who is allocated to the
// child. Line manager: that worker's manager, else a manager of that agency. Senior officer: a manager
// of that agency whose job title says senior (head, director...), else any of its managers.
// Independent chair: the partnership. A stage with no named person is shown as "<agency>'s managers"
// (or the partnership's independent chair), never as a role word.
import { hasRole } from '../vocabulary/roles.ts'
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

/** Who holds the current stage: a named person where Threadline can tell, and the agency whose managers hold it. */
export interface StageOwnership {
  person: number | null
  /** The challenged agency at every stage but the independent chair's; null there. */
  managersOf: string | null
}

const SENIOR = /senior|head|director|superintendent|chief|assistant director/i

export function stageOwner(role: string, facts: OwnerFacts): StageOwnership {
  const byId = new Map(facts.people.map((p) => [p.id, p]))
  const active = facts.people.filter((p) => p.active)
  const agencyManagers = active.filter((p) => p.agency === facts.againstAgency && hasRole(p.roles, 'manager'))
  const worker = facts.allocated
    .map((id) => byId.get(id))
    .find((p) => p && p.active && p.agency === facts.againstAgency && hasRole(p.roles, 'practitioner'))
  const ofAgency = (person: number | null): StageOwnership => ({ person, managersOf: facts.againstAgency })
  switch (role) {
    case 'practitioner':
      return ofAgency(worker?.id ?? null)
    case 'line_manager': {
      const manager = worker?.managerId ? byId.get(worker.managerId) : undefined
      return ofAgency(manager?.active ? manager.id : (agencyManagers[0]?.id ?? null))
    }
    case 'senior_officer':
      return ofAgency(
        (agencyManagers.find((p) => p.jobTitle && SENIOR.test(p.jobTitle)) ?? agencyManagers[0])?.id ?? null,
      )
    case 'independent_chair':
      return { person: active.find((p) => hasRole(p.roles, 'partnership'))?.id ?? null, managersOf: null }
    default:
      // a stage an area adds to its protocol stays with the challenged agency until someone is named
      return ofAgency(null)
  }
}

/** What a page calls the owner: the person's name, else "<agency>'s managers", else the partnership's chair. */
export function ownerName(
  ownership: StageOwnership,
  nameOfPerson: (id: number) => string | undefined,
  nameOfAgency: (code: string) => string | undefined,
): string {
  const person = ownership.person === null ? undefined : nameOfPerson(ownership.person)
  if (person) return person
  if (ownership.managersOf) return `${nameOfAgency(ownership.managersOf) ?? ownership.managersOf}'s managers`
  return "The partnership's independent chair"
}

export interface WorkFacts {
  status: 'open' | 'resolved'
  stageOwnerRole: string
  owner: StageOwnership
  raisedBy: number
  raisedByAgency: string
  againstAgency: string
}

export interface Worker {
  id: number
  agency: string
  roles: readonly string[]
}

/**
 * Why an open challenge is in this person's work, or null: they own the stage ('you'); they are a
 * manager of the agency challenged, which holds it from the moment it is raised ('your_agency'), or of
 * the agency that raised it once it is with managers or senior officers ('raised_by_your_agency'); or
 * they raised it ('raised'). The manager's morning page and "My work" both ask this.
 */
export function challengeWork(
  worker: Worker,
  c: WorkFacts,
): 'you' | 'your_agency' | 'raised_by_your_agency' | 'raised' | null {
  if (c.status !== 'open') return null
  if (c.owner.person === worker.id) return 'you'
  const manager = hasRole(worker.roles, 'manager')
  if (manager && worker.agency === c.againstAgency) return 'your_agency'
  if (
    manager &&
    worker.agency === c.raisedByAgency &&
    (c.stageOwnerRole === 'line_manager' || c.stageOwnerRole === 'senior_officer')
  )
    return 'raised_by_your_agency'
  if (c.raisedBy === worker.id) return 'raised'
  return null
}

/**
 * `challengeWork` as keys, for lists filtered in SQL (maintained-lists.ts): an open challenge is someone's
 * work exactly when its keys share one with theirs (`workerKeys`). A test compares the two for every kind
 * of worker and challenge (stage-owner.test.ts).
 */
export function workKeys(c: WorkFacts): string[] {
  if (c.status !== 'open') return []
  const keys = [`raised:${c.raisedBy}`, `against:${c.againstAgency}`]
  if (c.owner.person !== null) keys.push(`you:${c.owner.person}`)
  if (c.stageOwnerRole === 'line_manager' || c.stageOwnerRole === 'senior_officer')
    keys.push(`raised_by_agency:${c.raisedByAgency}`)
  return keys
}

/** The keys of the challenges that are this worker's work; without the ones they only raised when `raised` is false (the manager's morning page). */
export function workerKeys(worker: Worker, raised = true): string[] {
  const keys = [`you:${worker.id}`]
  if (hasRole(worker.roles, 'manager')) keys.push(`against:${worker.agency}`, `raised_by_agency:${worker.agency}`)
  if (raised) keys.push(`raised:${worker.id}`)
  return keys
}
