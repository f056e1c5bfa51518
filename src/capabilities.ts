// Every capability of Threadline and what it plugs in, in one list (decision 0023). Nothing registers
// itself on import: `installCapabilities` puts panels, sections, navigation and import hooks in place,
// the web app takes its routes from here and the command line its commands. Migrations are one
// ordered set in db/migrate.ts; each is named here under the capability that owns it.
import { installCapabilities as install, type Capability } from './capability.ts'
import { registerServeCommands } from './operations/serve-cli.ts'
import { registerMigrateCommands } from './operations/migrate-cli.ts'
import { registerBackupCommands } from './operations/backup-cli.ts'
import { registerDemoCommands } from './demo/cli.ts'
import { registerAgencyCommands } from './agencies/cli.ts'
import signIn from './accounts/routes.ts'
import admin, { adminNavigation } from './accounts/admin-routes.ts'
import account from './accounts/account-routes.ts'
import mfa from './accounts/mfa-routes.ts'
import { registerAccessCommands } from './access/cli.ts'
import { registerImportCommands } from './import/cli.ts'
import { recordsApi } from './import/routes.ts'
import { otherFormats } from './returns/cli.ts'
import { registerAuditCommands } from './operations/audit-cli.ts'
import people, { peopleNavigation } from './people/routes.ts'
import peopleApi from './people/api.ts'
import { relationshipsPanel } from './people/relationships.ts'
import { workWaitingPanel } from './people/work-waiting.ts'
import linkage, { linkagePanel } from './linkage/routes.ts'
import { registerLinkCommands } from './linkage/cli.ts'
import { registerLinkageDbCommands } from './linkage/db-cli.ts'
import workingTogether, { workingTogetherNavigation, workingTogetherPanel } from './working-together/routes.ts'
import { registerWorkingTogetherCommands } from './working-together/cli.ts'
import { workingTogetherWaiting } from './working-together/work-waiting.ts'
import missing from './missing/routes.ts'
import { missingHistoryPanel, missingNavigation, philomenaPanel } from './missing/panels.ts'
import { overdueInterviewsSection } from './missing/manager-section.ts'
import { registerMissingCommands } from './missing/cli.ts'
import { missingWaiting } from './missing/work-waiting.ts'
import risk, { riskPanel } from './risk/routes.ts'
import { riskHomePanel, riskNavigation, riskUnansweredSection } from './risk/manager-section.ts'
import { markScoresStale } from './risk/cache.ts'
import { registerInstrumentCommands, registerRiskCommands } from './risk/cli.ts'
import { riskWaiting } from './risk/work-waiting.ts'
import { mashChronology } from './risk/mash-chronology.ts'
import language, { languageNavigation, languageSavedPanel } from './language/routes.ts'
import { checkImportedText } from './language/import-hook.ts'
import { registerLanguageCommands } from './language/cli.ts'
import networks, { networksNavigation, networksPanel } from './networks/routes.ts'
import { registerNetworksCommands } from './networks/cli.ts'
import privacy, { privacyNavigation } from './privacy/routes.ts'
import { registerPrivacyCommands } from './privacy/cli.ts'
import partnership, { partnershipNavigation } from './partnership/routes.ts'
import { registerPartnershipCommands } from './partnership/cli.ts'
import reviews, { reviewsNavigation } from './reviews/routes.ts'
import { registerReviewsCommands } from './reviews/cli.ts'
import { reviewActionsSection } from './reviews/manager-section.ts'
import audits, { auditsNavigation } from './audits/routes.ts'
import { registerAuditsCommands } from './audits/cli.ts'

// prettier-ignore
export const CAPABILITIES: readonly Capability[] = [
  { name: 'web', commands: [registerServeCommands], migrations: ['0023_web_form_submissions', '0024_session_idle'] },
  { name: 'db', commands: [registerMigrateCommands, registerBackupCommands] },
  { name: 'demo', commands: [registerDemoCommands] },
  { name: 'agencies', commands: [registerAgencyCommands] },
  { name: 'access', commands: [registerAccessCommands],
    migrations: ['0013_access_sign_in', '0014_access_tokens', '0015_access_mfa', '0016_access_sso', '0017_access_security_keys'] },
  { name: 'accounts', routes: [signIn, admin, account, mfa], navigation: adminNavigation },
  { name: 'records', migrations: ['0001_core', '0010_core_import', '0013_record_history', '0029_staff_records'] },
  { name: 'import', routes: [recordsApi(otherFormats)], commands: [(program) => registerImportCommands(program, otherFormats)] },
  { name: 'returns', otherFormats, migrations: ['0012_returns'] },
  { name: 'audit', commands: [registerAuditCommands], migrations: ['0014_audit_children'] },
  { name: 'people', routes: [people, peopleApi], personPanels: [relationshipsPanel, workWaitingPanel], navigation: peopleNavigation },
  { name: 'linkage', routes: [linkage], commands: [registerLinkCommands, registerLinkageDbCommands], personPanels: [linkagePanel],
    migrations: ['0003_linkage', '0044_episode_end_index'] },
  { name: 'working-together', routes: [workingTogether], commands: [registerWorkingTogetherCommands],
    personPanels: [workingTogetherPanel], workWaiting: [workingTogetherWaiting], navigation: workingTogetherNavigation,
    migrations: ['0006_working_together', '0019_no_lost_updates', '0025_record_versions', '0043_maintained_working_together_lists'] },
  { name: 'missing', routes: [missing], commands: [registerMissingCommands], personPanels: [missingHistoryPanel, philomenaPanel], workWaiting: [missingWaiting],
    managerSections: [overdueInterviewsSection], navigation: missingNavigation, migrations: ['0005_missing', '0020_missing_profile_version', '0039_maintained_missing_lists'] },
  { name: 'risk', routes: [risk], commands: [registerRiskCommands, registerInstrumentCommands], personPanels: [riskPanel], workWaiting: [riskWaiting],
    chronologyEntries: [mashChronology],
    homePanels: [riskHomePanel], managerSections: [riskUnansweredSection], navigation: riskNavigation,
    afterImport: [{ name: 'risk scores', hook: markScoresStale }],
    migrations: ['0004_risk', '0009_risk_stale', '0015_risk_instrument_1_1', '0022_risk_instrument_1_2', '0026_risk_mash_decisions', '0027_risk_screening_versions', '0028_risk_mash_waiting', '0032_risk_instrument_1_3', '0037_maintained_lists', '0041_risk_instrument_1_4', '0046_risk_instrument_1_5', '0051_risk_instrument_1_6'] },
  { name: 'language', routes: [language], commands: [(program) => registerLanguageCommands(program)], personPanels: [languageSavedPanel],
    navigation: languageNavigation, afterImport: [{ name: 'language checks', hook: checkImportedText }], migrations: ['0008_language'] },
  { name: 'networks', routes: [networks], commands: [registerNetworksCommands], personPanels: [networksPanel],
    navigation: networksNavigation, migrations: ['0007_networks', '0021_networks_plan_version', '0035_data_generation', '0038_writes_do_not_wait'] },
  { name: 'privacy', routes: [privacy], commands: [registerPrivacyCommands], navigation: privacyNavigation },
  { name: 'partnership', routes: [partnership], commands: [registerPartnershipCommands], navigation: partnershipNavigation },
  { name: 'reviews', routes: [reviews], commands: [registerReviewsCommands], managerSections: [reviewActionsSection],
    navigation: reviewsNavigation, migrations: ['0030_reviews', '0034_reviews_history'] },
  { name: 'audits', routes: [audits], commands: [registerAuditsCommands], navigation: auditsNavigation, migrations: ['0031_audits', '0033_audits_grades_and_theme_actions', '0036_audit_criteria'] },
]

/** Puts every capability's panels, sections, navigation and import hooks in place (once per process). */
export const installCapabilities = () => install(CAPABILITIES)
