// Learning reviews and action plans (src/reviews, decision 0038): a review holds a pseudonym, never a
// child's id, so nothing here points at entities. Each recommendation is assigned to agencies; each
// agency's plan is its actions, for a recommendation or for one of its section 11 / section 175
// self-assessments (exactly one of the two). An action is done only with its evidence: the table says
// so as well as the form. Overdue is computed when read, never stored.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table reviews (
    id serial primary key,
    kind text not null check (kind in ('rapid_review', 'local_practice_review', 'national_review')),
    title text not null,
    pseudonym text,
    incident_known_on date,
    notified_on date,
    decided_on date,
    created_by integer not null references users (id),
    created_at timestamptz not null,
    signed_off_by integer references users (id),
    signed_off_at timestamptz,
    check (kind <> 'rapid_review' or incident_known_on is not null)
  )`.execute(db)
  await sql`create table review_recommendations (
    id serial primary key,
    review_id integer not null references reviews (id),
    number integer not null,
    text text not null,
    created_by integer not null references users (id),
    created_at timestamptz not null,
    signed_off_by integer references users (id),
    signed_off_at timestamptz,
    unique (review_id, number)
  )`.execute(db)
  await sql`create table review_assignments (
    recommendation_id integer not null references review_recommendations (id),
    agency_code text not null references agencies (code),
    assigned_by integer not null references users (id),
    assigned_at timestamptz not null,
    primary key (recommendation_id, agency_code)
  )`.execute(db)
  await sql`create table self_assessments (
    id serial primary key,
    kind text not null check (kind in ('section_11', 'section_175')),
    agency_code text not null references agencies (code),
    period text not null,
    ratings jsonb not null,
    recorded_by integer not null references users (id),
    recorded_at timestamptz not null
  )`.execute(db)
  await sql`create table plan_actions (
    id serial primary key,
    recommendation_id integer references review_recommendations (id),
    self_assessment_id integer references self_assessments (id),
    agency_code text not null references agencies (code),
    text text not null,
    owner_id integer not null references users (id),
    due_on date not null,
    status text not null default 'not_started' check (status in ('not_started', 'in_progress', 'done')),
    evidence_kind text check (evidence_kind in ('document', 'figure', 're_audit')),
    evidence text,
    done_on date,
    created_by integer not null references users (id),
    created_at timestamptz not null,
    updated_by integer references users (id),
    updated_at timestamptz,
    version integer not null default 1,
    check ((recommendation_id is null) <> (self_assessment_id is null)),
    check (status <> 'done' or (evidence_kind is not null and evidence is not null and evidence <> '' and done_on is not null))
  )`.execute(db)
  await sql`create index plan_actions_recommendation on plan_actions (recommendation_id)`.execute(db)
  await sql`create index plan_actions_self_assessment on plan_actions (self_assessment_id)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table plan_actions, self_assessments, review_assignments, review_recommendations, reviews`.execute(db)
}
