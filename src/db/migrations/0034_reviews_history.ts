// Review and self-assessment actions keep their history (decision 0045): every change of an action (it
// was added, its owner or due date changed, evidence added, marked done, reopened, escalated) is a new
// row of plan_action_versions with who made it and when, so that a plan can be read as it stood on any
// day. The rows are never changed: a trigger refuses update and delete, and the application's role may
// only add and read them (db/app-role.ts; no truncate either, which the test harness's reset uses). plan_actions keeps the action as it stands now.
//
// Existing actions are given their history as far as it is known: version 1 as each was added (an
// action was always added not started, with no evidence, and its owner and due date could not change),
// and, when it has changed since, its version now, as recorded at its last change. The changes between
// those two were not kept before this migration, and the page says so.
//
// The section 11 and section 175 standards become versioned data (review_standard_sets), with the
// shipped sets as version 1 reference rows; a self-assessment names the set it was made against. A set's
// added_by is a user's id without a foreign key: reference rows outlive any user (and a reset of users
// must not cascade into them).
import { sql, type Kysely } from 'kysely'
import { SHIPPED_STANDARD_SETS } from '../../reviews/standards.ts'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table plan_action_versions (
    id serial primary key,
    action_id integer not null references plan_actions (id),
    version integer not null,
    changes text[] not null,
    text text not null,
    owner_id integer not null references users (id),
    due_on date not null,
    status text not null check (status in ('not_started', 'in_progress', 'done')),
    evidence_kind text check (evidence_kind in ('document', 'figure', 're_audit')),
    evidence text,
    done_on date,
    note text,
    recorded_by integer not null references users (id),
    recorded_at timestamptz not null,
    unique (action_id, version),
    check (status <> 'done' or (evidence_kind is not null and evidence is not null and evidence <> '' and done_on is not null))
  )`.execute(db)
  await sql`create index plan_action_versions_at on plan_action_versions (action_id, recorded_at)`.execute(db)
  await sql`create function plan_action_versions_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'an action''s history is append-only: % is not allowed', tg_op;
    end $$`.execute(db)
  await sql`create trigger plan_action_versions_no_change before update or delete on plan_action_versions
    for each row execute function plan_action_versions_append_only()`.execute(db)
  await sql`insert into plan_action_versions
      (action_id, version, changes, text, owner_id, due_on, status, recorded_by, recorded_at)
    select id, 1, array['created'], text, owner_id, due_on, 'not_started', created_by, created_at
    from plan_actions`.execute(db)
  await sql`insert into plan_action_versions (action_id, version, changes, text, owner_id, due_on, status,
      evidence_kind, evidence, done_on, note, recorded_by, recorded_at)
    select id, version,
      case when status = 'done' then array['done'] when evidence is not null then array['evidence_added']
        else array['status_changed'] end,
      text, owner_id, due_on, status, evidence_kind, evidence, done_on,
      'The changes before this one were not kept (recorded before action history, migration 0034)',
      coalesce(updated_by, created_by), coalesce(updated_at, created_at)
    from plan_actions where version > 1`.execute(db)

  await sql`create table review_standard_sets (
    kind text not null check (kind in ('section_11', 'section_175')),
    version integer not null check (version >= 1),
    title text not null,
    source text not null,
    definition jsonb not null,
    added_by integer,
    added_at timestamptz not null,
    primary key (kind, version)
  )`.execute(db)
  for (const set of SHIPPED_STANDARD_SETS)
    await sql`insert into review_standard_sets (kind, version, title, source, definition, added_at)
      values (${set.kind}, ${set.version}, ${set.title}, ${set.source}, ${JSON.stringify(set)}::jsonb,
        '1970-01-01T00:00:00Z')`.execute(db)
  await sql`alter table self_assessments add column standards_version integer not null default 1`.execute(db)
  await sql`alter table self_assessments add foreign key (kind, standards_version)
    references review_standard_sets (kind, version)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table self_assessments drop column standards_version`.execute(db)
  await sql`drop table review_standard_sets`.execute(db)
  await sql`drop table plan_action_versions`.execute(db)
  await sql`drop function plan_action_versions_append_only`.execute(db)
}
