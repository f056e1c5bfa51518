// Audit criteria as versioned data (issue 18, decision 0048): each version of a criterion is kept whole
// as JSON (case_audit_criteria), like the audit tool's versions (0031). The two criteria that were code
// ship as version 1 reference rows, dated at the epoch, written out here as they were so that what this
// migration adds never changes; every audit names the version it drew with (criteria_version), and the
// audits created before this are version 1 of theirs, which draws exactly what the code drew.
import { sql, type Kysely } from 'kysely'

const SHIPPED = [
  {
    name: 'missing_with_risk',
    version: 1,
    title: 'Children missing with a risk of exploitation',
    description:
      'Children with a missing episode that ended (the child returned) in the period, whose risk band at the end of the period was 2 (mild) or more.',
    conditions: [{ type: 'missing_episodes', min_band: 2 }],
  },
  {
    name: 'nfa_after_concern',
    version: 1,
    title: "No further action after another agency's concern",
    description:
      'Children with a decision of no further action made in the period, after a different agency had raised a concern or referral about them.',
    conditions: [{ type: 'nfa_after_concern' }],
  },
]

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table case_audit_criteria (
    name text not null check (name ~ '^[a-z][a-z0-9_]{0,39}$'),
    version integer not null check (version between 1 and 9999),
    definition jsonb not null,
    added_at timestamptz not null,
    primary key (name, version))`.execute(db)
  for (const c of SHIPPED)
    await sql`insert into case_audit_criteria (name, version, definition, added_at)
      values (${c.name}, ${c.version}, ${JSON.stringify(c)}::jsonb, '1970-01-01T00:00:00Z')`.execute(db)
  await sql`alter table case_audits add column criteria_version integer not null default 1`.execute(db)
  await sql`alter table case_audits alter column criteria_version drop default`.execute(db)
  await sql`alter table case_audits add constraint case_audits_criterion
    foreign key (criteria, criteria_version) references case_audit_criteria (name, version)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table case_audits drop constraint case_audits_criterion`.execute(db)
  await sql`alter table case_audits drop column criteria_version`.execute(db)
  await sql`drop table case_audit_criteria`.execute(db)
}
