// Kysely's view of the link-analysis tables (reasons in src/db/migrations/0007_networks.ts).
import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type Json = ColumnType<unknown, string, string>

export interface NetworkDecisionTable {
  id: Generated<number>
  network_id: string
  outcome: 'confirmed' | 'dismissed'
  reason: string
  /** The members the analyst saw, as [{kind, key}]. */
  members: Json
  decided_by: number
  decided_at: Timestamp
}

export interface ContextPlanTable {
  id: Generated<number>
  /** 'location' (a postcode) or 'network' (a peer group: a suggested or confirmed network's id). */
  subject_kind: 'location' | 'network'
  subject_key: string
  title: string
  plan: string
  conference_at: Timestamp | null
  created_by: number
  created_at: Timestamp
  updated_at: Timestamp
  /** raised by one at every save, checked by the same statement (no lost updates) */
  version: Generated<number>
}

export interface ContextActionTable {
  id: Generated<number>
  plan_id: number
  title: string
  owner: string
  due_at: Timestamp
  status: 'open' | 'done'
  completed_at: Timestamp | null
  created_by: number
  created_at: Timestamp
}

export interface ContextHistoryTable {
  id: Generated<number>
  plan_id: number
  at: Timestamp
  user_id: number
  what: string
  details: Json
}

export interface NetworksTables {
  network_decisions: NetworkDecisionTable
  context_plans: ContextPlanTable
  context_actions: ContextActionTable
  context_history: ContextHistoryTable
}
