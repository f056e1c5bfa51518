// Every capability's subcommands, in the order `threadline --help` lists them.
import type { Command } from 'commander'
import { registerMigrateCommands } from '../db/cli.ts'
import { registerBackupCommands } from '../db/backup-cli.ts'
import { registerAgencyCommands } from '../agencies/cli.ts'
import { registerAccessCommands } from '../access/cli.ts'
import { registerImportCommands } from '../records/cli.ts'
import { registerAuditCommands } from '../audit/cli.ts'
import { registerServeCommands } from '../web/cli.ts'
import { registerDemoCommands } from '../demo/cli.ts'
import { registerLinkCommands } from '../linkage/cli.ts'
import { registerLanguageCommands } from '../language/cli.ts'
import { registerWorkingTogetherCommands } from '../working-together/cli.ts'
import { registerMissingCommands } from '../missing/cli.ts'
import { registerInstrumentCommands, registerRiskCommands } from '../risk/cli.ts'
import { registerNetworksCommands } from '../networks/cli.ts'
import { registerLinkageDbCommands } from '../linkage/db-cli.ts'
import { otherFormats } from '../returns/cli.ts'
import { registerPrivacyCommands } from '../privacy/cli.ts'
import { registerPartnershipCommands } from '../partnership/cli.ts'

export type RegisterCommands = (program: Command) => void

export const commandRegistrations: RegisterCommands[] = [
  registerServeCommands,
  registerMigrateCommands,
  registerBackupCommands,
  registerDemoCommands,
  registerAgencyCommands,
  registerAccessCommands,
  (program) => registerImportCommands(program, otherFormats),
  registerAuditCommands,
  registerLinkCommands,
  registerLanguageCommands,
  registerWorkingTogetherCommands,
  registerMissingCommands,
  registerRiskCommands,
  registerInstrumentCommands,
  registerNetworksCommands,
  registerLinkageDbCommands,
  registerPrivacyCommands,
  registerPartnershipCommands,
]
