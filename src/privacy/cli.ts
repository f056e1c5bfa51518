// `threadline person export ID [--format json|csv]`: everything held about a person, for a subject
// access request; `threadline retention report`: agency records past their retention period, for a
// person to review (decision 0012). Both are audited; nothing is deleted.
import type { Command } from 'commander'
import { withDatabase } from '../cli/context.ts'
import { loadConfig } from '../config/config.ts'
import { CliError } from '../cli/errors.ts'
import { formatFrom, formatOption } from '../cli/options.ts'
import { formatRows } from '../cli/output.ts'
import { now, formatLondon } from '../config/clock.ts'
import { audit } from '../audit/audit.ts'
import { cliActor } from '../audit/actor.ts'
import { NoSuchPerson, exportRows, subjectAccessExport } from './subject-access.ts'
import { RetentionSettingError, retentionReport, retentionRules } from './retention.ts'
import { auditSubjectAccess, auditRetentionReport } from './audit-entries.ts'

export const RETENTION_COLUMNS = [
  'person_id',
  'agency',
  'source_id',
  'record_kind',
  'date_of_birth',
  'last_recorded_at',
  'events',
  'rule',
  'due',
  'years_past',
] as const

export function registerPrivacyCommands(program: Command): void {
  const person = program.command('person').description('one person Threadline knows')
  person
    .command('export')
    .description("everything held about a person, for a subject access request (others' details marked for redaction)")
    .argument('<id>', 'the person id (a merged-away id answers with the person it was merged into)')
    .addOption(formatOption())
    .action(async (id: string, opts: { format?: string }) => {
      const n = Number(id)
      if (!Number.isInteger(n) || n <= 0) throw new CliError(`"${id}" is not a person id (a whole number)`, 2)
      const data = await withDatabase('person export', async ({ db }) => {
        const at = now()
        try {
          const data = await subjectAccessExport(db, n, at)
          await audit(db, cliActor(), auditSubjectAccess(data, formatFrom(opts.format)), at)
          return data
        } catch (error) {
          if (error instanceof NoSuchPerson) throw new CliError(`there is no person ${n}`)
          throw error
        }
      })
      if (formatFrom(opts.format) === 'json') process.stdout.write(`${JSON.stringify(data, null, 2)}\n`)
      else process.stdout.write(formatRows(['section', 'ref', 'field', 'value', 'redact'], exportRows(data), 'csv'))
    })
  program
    .command('retention')
    .description('agency records past their retention period')
    .command('report')
    .description('records past retention, for a person to review (nothing is deleted)')
    .addOption(formatOption())
    .action(async (opts: { format?: string }) => {
      let rules
      try {
        rules = retentionRules(loadConfig().retention)
      } catch (error) {
        if (error instanceof RetentionSettingError) throw new CliError(error.message)
        throw error
      }
      const report = await withDatabase('retention report', async ({ db }) => {
        const at = now()
        const report = await retentionReport(db, rules, at)
        await audit(db, cliActor(), auditRetentionReport(report), at)
        return report
      })
      process.stdout.write(
        formatRows(
          RETENTION_COLUMNS,
          report.rows.map((r) => ({ ...r, last_recorded_at: formatLondon(r.last_recorded_at) })),
          formatFrom(opts.format),
        ),
      )
      process.stderr.write(
        `${report.rows.length} of ${report.checked} agency records are past retention` +
          (report.undated
            ? `; ${report.undated} have no date of birth to apply a birthday rule to: review them by hand`
            : '') +
          '\n',
      )
    })
}
