// Kysely's view of the tables (see migrations/ for the reasons behind them).
import type { ColumnType, Generated, JSONColumnType } from 'kysely'
import type { MissingTables } from '../missing/tables.ts'
import type { WorkingTogetherTables } from '../working-together/tables.ts'
import type { RiskTables } from '../risk/tables.ts'
import type { NetworksTables } from '../networks/tables.ts'
import type { LanguageTables } from '../language/tables.ts'
import type { LinkageTables } from '../linkage/tables.ts'
import type { AccessTables } from '../access/tables.ts'
import type { ReviewsTables } from '../reviews/tables.ts'
import type { AuditTables } from '../audits/tables.ts'
import type { Role } from '../vocabulary/roles.ts'
import type { AgencyKind } from '../vocabulary/agency-kinds.ts'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>
type Json = ColumnType<unknown, string, string>

interface Versioned {
  id: Generated<number>
  agency_code: string
  source_id: string
  version: number
  is_current: boolean
  withdrawn: Generated<boolean>
  withdrawn_reason: string | null
  recorded_at: Timestamp
  received_at: Timestamp
  superseded_at: Timestamp | null
  import_id: number
  raw: Json
}

export interface AgencyTable {
  code: string
  name: string
  /** One of AGENCY_KINDS (the table's check). */
  kind: AgencyKind
  contact: string | null
  /** The DfE local-authority number (three digits) of an agency that makes statutory returns. */
  la_number: Generated<string | null>
  is_demo: Generated<boolean>
  created_at: DefaultedTimestamp
}

export interface UserTable {
  id: Generated<number>
  email: string
  name: string
  agency_code: string
  /** Each one of ROLES (the table's check). */
  roles: Role[]
  job_title: string | null
  password_hash: string | null
  active: Generated<boolean>
  is_demo: Generated<boolean>
  created_at: DefaultedTimestamp
  /** two-step sign-in (access/mfa.ts): the TOTP secret, when set up, the last time step accepted */
  mfa_secret: Generated<string | null>
  mfa_enabled_at: Generated<Date | null>
  mfa_last_step: ColumnType<number | null, number | null | undefined, number | null>
  mfa_pending_secret: Generated<string | null>
  mfa_required: Generated<boolean>
  /** single sign-on (access/sso.ts): the identity provider's issuer and the user's subject there */
  sso_issuer: Generated<string | null>
  sso_subject: Generated<string | null>
  /** may sign in with a local password while single sign-on is on (an emergency way in) */
  break_glass: Generated<boolean>
}

export interface SessionTable {
  id: string
  user_id: number
  data: JSONColumnType<Record<string, unknown>>
  created_at: DefaultedTimestamp
  expires_at: Timestamp
  /** The user's last request, written at most once a minute: the session ends after the idle time from it. */
  last_active_at: DefaultedTimestamp
}

export interface ApiTokenTable {
  id: Generated<number>
  agency_code: string
  token_hash: string
  /** what the token is for (the system that uses it) */
  name: string | null
  created_by: string | null
  created_at: DefaultedTimestamp
  expires_at: Timestamp
  revoked_at: Timestamp | null
  revoked_by: string | null
  last_used_at: Timestamp | null
}

export interface ImportTable {
  id: Generated<number>
  channel: 'file' | 'api' | 'demo' | 'page'
  filename: string | null
  agency_code: string | null
  user_id: number | null
  token_id: number | null
  received_at: Timestamp
  created: Generated<number>
  updated: Generated<number>
  unchanged: Generated<number>
  withdrawn: Generated<number>
  rejected: Generated<number>
}

export interface PersonVersionTable extends Versioned {
  given_name: string | null
  family_name: string | null
  other_names: string[]
  date_of_birth: string | null
  sex: string | null
  ethnicity: string | null
  nationality: string | null
  disability: string | null
  nhs_number: string | null
  upn: string | null
  pnc_id: string | null
  address: Json | null
  postcode: string | null
  confidential_address: boolean
  phone: string | null
  is_child: boolean | null
  name_key: string
}

export interface EntityTable {
  id: Generated<number>
  merged_into: number | null
  created_at: DefaultedTimestamp
}

export type LinkMethod = 'first_seen' | 'nhs_number_and_dob' | 'name_and_dob' | 'probabilistic' | 'person_decision'

export interface EntityLinkTable {
  agency_code: string
  source_id: string
  entity_id: number
  method: LinkMethod
  score: number | null
  decided_by: number | null
  reason: string | null
  linked_at: Timestamp
}

export interface EventTable extends Versioned {
  kind: string
  subject_source_id: string
  occurred_at: Timestamp
  ended_at: Timestamp | null
  summary: string | null
  details: string | null
  outcome: string | null
  rationale: string | null
  recorded_by: string | null
  restricted: boolean
  indicators: string[]
  extra: Json
}

export interface InvolvementTable {
  id: Generated<number>
  event_id: number
  agency_code: string
  kind: 'person' | 'vehicle' | 'phone' | 'online' | 'location'
  person_source_id: string | null
  key: string | null
  display: string | null
  role: string | null
}

export interface RelationshipTable extends Versioned {
  from_source_id: string
  to_source_id: string
  kind: string
  since: string | null
  reliability: string
  note: string | null
}

/** A worker an agency's records name (import format 1.4): not a Threadline account. */
export interface WorkerVersionTable extends Versioned {
  name: string
  role: string | null
  team: string | null
  manager_source_id: string | null
  /** [{name, completed_on, expires_on?}] */
  trainings: ColumnType<unknown, string, string>
}

export interface AllocationVersionTable extends Versioned {
  worker_source_id: string
  subject_source_id: string
  event_source_id: string | null
  role: string
  /** YYYY-MM-DD */
  from_day: string
  to_day: string | null
}

export interface SupervisionVersionTable extends Versioned {
  worker_source_id: string
  supervisor_source_id: string
  subject_source_id: string | null
  event_source_id: string | null
  occurred_at: Timestamp | null
  decisions: string | null
}

export interface AllocationTable {
  id: Generated<number>
  entity_id: number
  user_id: number
  role: string
  starts_at: Timestamp
  ends_at: Timestamp | null
  allocated_by: number | null
  created_at: DefaultedTimestamp
}

export interface AccessGrantTable {
  id: Generated<number>
  entity_id: number
  user_id: number
  reason: string
  granted_at: Timestamp
  expires_at: Timestamp
  /** the multi-agency case audit the grant was given for (ends when the audit closes), if any */
  audit_id: Generated<number | null>
}

export interface AuditTable {
  id: Generated<number>
  at: Timestamp
  user_id: number | null
  actor: string
  agency_code: string | null
  action: string
  entity_id: number | null
  details: Json
  reason: string | null
  prev_hash: string
  hash: string
}

export interface AppSecretTable {
  name: string
  value: string
  created_at: DefaultedTimestamp
}

export interface Tables
  extends
    AccessTables,
    LinkageTables,
    WorkingTogetherTables,
    MissingTables,
    RiskTables,
    NetworksTables,
    LanguageTables,
    ReviewsTables,
    AuditTables {
  app_secrets: AppSecretTable
  agencies: AgencyTable
  users: UserTable
  sessions: SessionTable
  api_tokens: ApiTokenTable
  imports: ImportTable
  person_versions: PersonVersionTable
  entities: EntityTable
  entity_links: EntityLinkTable
  events: EventTable
  involvements: InvolvementTable
  relationships: RelationshipTable
  worker_versions: WorkerVersionTable
  allocation_versions: AllocationVersionTable
  supervision_versions: SupervisionVersionTable
  allocations: AllocationTable
  access_grants: AccessGrantTable
  audit_log: AuditTable
  data_generation: DataGenerationTable
  data_changes: DataChangesTable
}

/**
 * One row: the instance of this database's data, and a number that a restore moves on; the generation is
 * it plus the counters of `data_changes` (migrations 0035 and 0038; decision 0050).
 */
export interface DataGenerationTable {
  id: number
  instance: string
  generation: Generated<number>
}

/** Counters: each transaction that changes what the link pages read adds one to one of them (migration 0038). */
export interface DataChangesTable {
  id: Generated<number>
  changes: number
}
