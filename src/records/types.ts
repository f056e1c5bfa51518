// The agency record format (docs/import-format.md, version 1.4) as TypeScript types.
// These are the objects after validation and normalisation: what every capability reads.
export { ALLOCATION_ROLES } from '../vocabulary/allocation-roles.ts'

export const EVENT_KINDS = [
  'concern',
  'contact_referral',
  'assessment',
  'strategy_discussion',
  'section47_enquiry',
  'cp_conference',
  'cp_plan_start',
  'cp_plan_end',
  'looked_after_start',
  'looked_after_end',
  'placement_move',
  'missing_episode',
  'return_interview',
  'crime_report',
  'arrest',
  'charge',
  'charging_decision',
  'police_nfa',
  'intelligence',
  'disclosure',
  'disclosure_withdrawn',
  'health_attendance',
  'sexual_health',
  'pregnancy',
  'termination',
  'self_harm',
  'substance_misuse',
  'school_absence',
  'school_exclusion',
  'education_change',
  'youth_justice',
  'note',
] as const
export type EventKind = (typeof EVENT_KINDS)[number]

/** Kinds restricted unless sent with `restricted: false`. */
export const RESTRICTED_BY_DEFAULT: readonly EventKind[] = ['sexual_health', 'pregnancy', 'termination', 'intelligence']
/** "Concerns" in Threadline's rules. */
export const CONCERN_KINDS: readonly EventKind[] = ['concern', 'contact_referral']
/**
 * Records only a child has: child protection, being looked after, a missing episode (every one owes a
 * return interview), school and youth justice. A person whose age no record gives is a child when they
 * are the subject of one (risk/area.ts isChildOn).
 */
export const CHILDS_RECORD_KINDS: readonly EventKind[] = [
  'section47_enquiry',
  'cp_conference',
  'cp_plan_start',
  'cp_plan_end',
  'looked_after_start',
  'looked_after_end',
  'placement_move',
  'missing_episode',
  'return_interview',
  'school_absence',
  'school_exclusion',
  'education_change',
  'youth_justice',
]
/** A "response" to concerns. */
export const RESPONSE_KINDS: readonly EventKind[] = [
  'strategy_discussion',
  'assessment',
  'section47_enquiry',
  'cp_plan_start',
]

export const INDICATORS = [
  'staying_out_late',
  'missing',
  'unknown_callers',
  'concerning_phone_use',
  'concerning_internet_use',
  'gifts_money',
  'older_associates',
  'vehicle_unknown_adults',
  'hotspot_location',
  'alcohol_misuse',
  'drug_misuse',
  'sti',
  'pregnancy',
  'self_harm',
  'unexplained_injury',
  'school_disengagement',
  'sexualised_behaviour',
  'peers_exploited',
  'disclosure_withdrawn',
  'family_breakdown',
  'domestic_abuse_at_home',
  'substance_misuse_at_home',
  'parental_mental_health',
  'looked_after',
  'isolated',
  'low_self_esteem',
] as const
export type Indicator = (typeof INDICATORS)[number]

export const INVOLVEMENT_ROLES = ['suspect', 'victim', 'witness', 'associate', 'family', 'professional'] as const
export const RELATIONSHIP_KINDS = [
  'family',
  'parent',
  'carer',
  'lives_with',
  'associate',
  'peer',
  'claimed_partner',
  'professional',
] as const
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number]
export const RELIABILITIES = ['confirmed', 'tentative', 'unconfirmed'] as const
export type Reliability = (typeof RELIABILITIES)[number]
export const SEXES = ['female', 'male', 'other', 'unknown'] as const
export type Sex = (typeof SEXES)[number]

export interface Address {
  line1?: string
  line2?: string
  town?: string
  postcode?: string // normalised: capitals, one space before the inward code
  confidential?: boolean
}

interface Framing {
  agency: string
  source_id: string
  /** When the agency recorded it (ISO, with offset). Absent: the time Threadline received it. */
  recorded_at?: string
  withdrawn?: boolean
  reason?: string
}

export interface PersonRecord extends Framing {
  type: 'person'
  given_name?: string
  family_name?: string
  other_names?: string[]
  /** YYYY, YYYY-MM or YYYY-MM-DD */
  date_of_birth?: string
  sex?: Sex
  ethnicity?: string
  nationality?: string
  disability?: string
  nhs_number?: string // 10 digits, no spaces
  upn?: string
  pnc_id?: string
  address?: Address
  phone?: string // normalised digits (UK national form, leading 0)
  is_child?: boolean
}

/** One thing an event is tied to. `key` is the normalised identity used for linking. */
export type Involvement =
  | { kind: 'person'; person: string; role?: string }
  | { kind: 'vehicle'; key: string; display: string; role?: string }
  | { kind: 'phone'; key: string; display: string; role?: string }
  | { kind: 'online'; key: string; display: string; role?: string }
  | { kind: 'location'; key: string; display: string; name?: string; postcode?: string; role?: string }

export interface EventRecord extends Framing {
  type: 'event'
  kind: EventKind
  subject: string
  occurred_at: string // ISO with offset
  ended_at?: string
  summary?: string
  details?: string
  indicators: Indicator[]
  involves: Involvement[]
  outcome?: string
  rationale?: string
  recorded_by?: string
  restricted: boolean
  /** Kind-specific optional fields (missing_from, risk_grading, episode, status, child_account...). */
  extra: Record<string, unknown>
}

export interface RelationshipRecord extends Framing {
  type: 'relationship'
  from: string
  to: string
  kind: RelationshipKind
  since?: string
  reliability: Reliability
  note?: string
}

/** A training a worker completed (1.4): its name as the agency gives it, and the days it runs. */
export interface Training {
  name: string
  /** YYYY-MM-DD */
  completed_on: string
  /** YYYY-MM-DD, the last day it is current; absent when it does not expire. */
  expires_on?: string
}

/** A member of an agency's staff as the agency's records name them (1.4): not a Threadline account. */
export interface WorkerRecord extends Framing {
  type: 'worker'
  name: string
  role?: string
  team?: string
  /** The source_id of the worker's manager (another worker of the same agency). */
  manager?: string
  trainings: Training[]
}

/** A worker allocated to a child (1.4), for a piece of work (`event`) or the case. */
export interface AllocationRecord extends Framing {
  type: 'allocation'
  /** The worker's source_id. */
  worker: string
  /** The person's source_id (the child). */
  subject: string
  /** The event's source_id the allocation is for (an investigation, an interview). */
  event?: string
  role: string
  /** YYYY-MM-DD */
  from: string
  /** YYYY-MM-DD, the last day of the allocation; absent while it runs. */
  to?: string
}

/** A supervision session of a worker by their supervisor about a child or an event (1.4). */
export interface SupervisionRecord extends Framing {
  type: 'supervision'
  worker: string
  supervisor: string
  subject?: string
  event?: string
  occurred_at: string
  decisions?: string
}

export type StaffRecord = WorkerRecord | AllocationRecord | SupervisionRecord

export type AgencyRecord = PersonRecord | EventRecord | RelationshipRecord | StaffRecord
