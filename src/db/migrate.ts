// Migrations run on start and by `threadline migrate`. They are TypeScript modules listed here in
// order, so the set that runs is exactly the set in the repository.
import { Migrator, sql, type Migration } from 'kysely'
import { openDatabase, type Database, type Db } from './database.ts'
import type { Config } from '../config/config.ts'
import { currentUser, grantAppRole } from './app-role.ts'
// the access capability's own (sign-in counts, tokens, two-step sign-in), listed first
import * as accessSignIn from './migrations/0013_access_sign_in.ts'
import * as accessTokens from './migrations/0014_access_tokens.ts'
import * as accessMfa from './migrations/0015_access_mfa.ts'
import * as accessSso from './migrations/0016_access_sso.ts'
import * as accessSecurityKeys from './migrations/0017_access_security_keys.ts'
import * as core from './migrations/0001_core.ts'
// (Kysely runs them in the order of their names, whatever the order written here)
import * as auditChildren from './migrations/0014_audit_children.ts'
import * as linkage from './migrations/0003_linkage.ts'
import * as risk from './migrations/0004_risk.ts'
import * as riskInstrument11 from './migrations/0015_risk_instrument_1_1.ts'
import * as missing from './migrations/0005_missing.ts'
import * as workingTogether from './migrations/0006_working_together.ts'
import * as networks from './migrations/0007_networks.ts'
import * as language from './migrations/0008_language.ts'
import * as riskStale from './migrations/0009_risk_stale.ts'
import * as coreImport from './migrations/0010_core_import.ts'
import * as returns from './migrations/0012_returns.ts'
import * as recordHistory from './migrations/0013_record_history.ts'
import * as noLostUpdates from './migrations/0019_no_lost_updates.ts'
import * as profileVersion from './migrations/0020_missing_profile_version.ts'
import * as planVersion from './migrations/0021_networks_plan_version.ts'
import * as formSubmissions from './migrations/0023_web_form_submissions.ts'
import * as sessionIdle from './migrations/0024_session_idle.ts'
import * as recordVersions from './migrations/0025_record_versions.ts'
import * as riskInstrument12 from './migrations/0022_risk_instrument_1_2.ts'
import * as riskMashDecisions from './migrations/0026_risk_mash_decisions.ts'
import * as riskScreeningVersions from './migrations/0027_risk_screening_versions.ts'
import * as riskMashWaiting from './migrations/0028_risk_mash_waiting.ts'
import * as staffRecords from './migrations/0029_staff_records.ts'
import * as reviews from './migrations/0030_reviews.ts'
import * as audits from './migrations/0031_audits.ts'
import * as riskInstrument13 from './migrations/0032_risk_instrument_1_3.ts'
import * as auditsGradesThemeActions from './migrations/0033_audits_grades_and_theme_actions.ts'
import * as reviewsHistory from './migrations/0034_reviews_history.ts'
import * as dataGeneration from './migrations/0035_data_generation.ts'
import * as auditCriteria from './migrations/0036_audit_criteria.ts'
import * as maintainedLists from './migrations/0037_maintained_lists.ts'
import * as writesDoNotWait from './migrations/0038_writes_do_not_wait.ts'
import * as maintainedMissingLists from './migrations/0039_maintained_missing_lists.ts'
import * as riskInstrument14 from './migrations/0041_risk_instrument_1_4.ts'
import * as maintainedWorkingTogetherLists from './migrations/0043_maintained_working_together_lists.ts'
import * as episodeEndIndex from './migrations/0044_episode_end_index.ts'
import * as riskInstrument15 from './migrations/0046_risk_instrument_1_5.ts'
import * as riskInstrument16 from './migrations/0051_risk_instrument_1_6.ts'
import { describeError } from '../errors/describe.ts'

const migrations: Record<string, Migration> = {
  '0013_access_sign_in': accessSignIn,
  '0014_access_tokens': accessTokens,
  '0015_access_mfa': accessMfa,
  '0016_access_sso': accessSso,
  '0017_access_security_keys': accessSecurityKeys,
  '0001_core': core,
  '0014_audit_children': auditChildren,
  '0003_linkage': linkage,
  '0004_risk': risk,
  '0015_risk_instrument_1_1': riskInstrument11, // Kysely runs them in name order, wherever listed
  '0005_missing': missing,
  '0006_working_together': workingTogether,
  '0007_networks': networks,
  '0008_language': language,
  '0009_risk_stale': riskStale,
  '0010_core_import': coreImport,
  '0012_returns': returns,
  '0013_record_history': recordHistory,
  '0019_no_lost_updates': noLostUpdates,
  '0020_missing_profile_version': profileVersion,
  '0021_networks_plan_version': planVersion,
  '0023_web_form_submissions': formSubmissions,
  '0024_session_idle': sessionIdle,
  '0025_record_versions': recordVersions,
  '0022_risk_instrument_1_2': riskInstrument12,
  '0026_risk_mash_decisions': riskMashDecisions,
  '0027_risk_screening_versions': riskScreeningVersions,
  '0028_risk_mash_waiting': riskMashWaiting,
  '0029_staff_records': staffRecords,
  '0030_reviews': reviews,
  '0031_audits': audits,
  '0032_risk_instrument_1_3': riskInstrument13,
  '0033_audits_grades_and_theme_actions': auditsGradesThemeActions,
  '0034_reviews_history': reviewsHistory,
  '0035_data_generation': dataGeneration,
  '0036_audit_criteria': auditCriteria,
  '0037_maintained_lists': maintainedLists,
  '0038_writes_do_not_wait': writesDoNotWait,
  '0039_maintained_missing_lists': maintainedMissingLists,
  '0041_risk_instrument_1_4': riskInstrument14,
  '0043_maintained_working_together_lists': maintainedWorkingTogetherLists,
  '0044_episode_end_index': episodeEndIndex,
  '0046_risk_instrument_1_5': riskInstrument15,
  '0051_risk_instrument_1_6': riskInstrument16,
}

export interface MigrateOptions {
  /**
   * On a PostgreSQL server, the application's role (decision 0010): connected as the owner, the
   * migrations are followed by creating it if absent and setting its rights; connected as it, nothing
   * is changed and a schema behind this version is an error that says who must migrate.
   */
  appRole?: string
  /** Only these migrations (a restore first makes the schema its backup was taken from). */
  only?: readonly string[]
}

/** Every migration this version knows, in the order they run. */
export function migrationNames(): string[] {
  return Object.keys(migrations).sort()
}

export async function migrate(db: Db, schema?: string, options: MigrateOptions = {}): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: {
      getMigrations: async () => {
        const only = options.only
        return only ? Object.fromEntries(Object.entries(migrations).filter(([n]) => only.includes(n))) : migrations
      },
    },
    migrationTableSchema: schema,
    allowUnorderedMigrations: true,
  })
  if (options.appRole && (await currentUser(db)) === options.appRole) {
    const pending = (await migrator.getMigrations()).filter((m) => !m.executedAt)
    if (pending.length > 0)
      throw new Error(
        `the database schema is behind this version of Threadline (${pending.length} migrations to run, ` +
          `first ${pending[0].name}), and the application role "${options.appRole}" may not change it: ` +
          `run threadline migrate as the owner (THREADLINE_MIGRATE_URL)`,
      )
    return
  }
  if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db)
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    const detail = describeError(error)
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${detail}`)
  }
  if (options.appRole) await grantAppRole(db, options.appRole, schema)
}

/**
 * Migrates the database a command or the server opened, as configured: on a server, through the
 * owner's connection (THREADLINE_MIGRATE_URL) when there is one, else through the app's own; the
 * application role's rights are set after. The embedded database has one user and no roles.
 */
export async function migrateConfigured(database: Database, config: Config): Promise<void> {
  if (database.kind === 'pglite') return migrate(database.db, database.schema)
  if (!config.migrateUrl) return migrate(database.db, database.schema, { appRole: config.appRole })
  const owner = await openDatabase({ databaseUrl: config.migrateUrl, schema: database.schema, poolSize: 1 })
  try {
    await migrate(owner.db, owner.schema, { appRole: config.appRole })
  } finally {
    await owner.close()
  }
}
