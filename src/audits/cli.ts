// `threadline audits list [--format csv|json]`, `threadline audits report ID [--format csv|json]`, and
// `threadline audits tools [add FILE]`, the single-agency audit tool's versions, and `threadline audits
// criteria [add FILE]`, the criteria's versions (decision 0048) (docs/cli.md): the audit programme and an audit's report as the partnership board sees it (children
// as Child 1..n, no name, id or date from a child's record). Each run is in the audit trail.
import type { Command } from 'commander'
import { audit } from '../audit/audit.ts'
import { cliActor } from '../audit/actor.ts'
import { withDatabase } from '../cli/context.ts'
import { formatFrom, formatOf, formatOption } from '../cli/options.ts'
import { formatRows } from '../cli/output.ts'
import { formatLondon, now } from '../config/clock.ts'
import { auditClosed, reportOf } from './programme.ts'
import { reportColumns, reportRows } from './report.ts'
import { addCriterion, addTool, listAudits, listCriteria, listTools, toolVersion } from './store.ts'
import { conditionWords } from './criteria.ts'
import { readJsonFile } from '../cli/files.ts'

export const LIST_COLUMNS = [
  'id',
  'theme',
  'criteria',
  'period_from',
  'period_to',
  'sample_size',
  'children',
  'stratify_by',
  'seed',
  'tool_version',
  'closes_on',
  'status',
  'criteria_version',
] as const

export const CRITERIA_COLUMNS = ['name', 'version', 'title', 'conditions', 'added_at', 'in_use'] as const

export function registerAuditsCommands(program: Command): void {
  const audits = program.command('audits').description('multi-agency case audits: the programme and its reports')
  audits
    .command('list')
    .description('every audit, newest first')
    .addOption(formatOption())
    .action(async (opts: { format?: string }) => {
      const rows = await withDatabase('audits list', async ({ db }) => {
        const at = now()
        const list = await listAudits(db)
        await audit(db, cliActor(), { action: 'case_audits_list', details: { audits: list.length } }, at)
        return list.map((a) => ({ ...a, status: auditClosed(a, at) ? 'closed' : 'open' }))
      })
      process.stdout.write(formatRows(LIST_COLUMNS, rows, formatFrom(opts.format)))
    })
  audits
    .command('report')
    .description("an audit's report as the partnership board sees it: one row per child (Child 1..n), then the theme")
    .argument('<id>', 'the audit number (as `audits list` gives it)')
    .addOption(formatOption())
    .action(async (id: string, opts: { format?: string }, command: Command) => {
      if (!/^\d{1,9}$/.test(id))
        command.error(`threadline: the audit number must be a whole number (got "${id}")`, {
          exitCode: 2,
          code: 'threadline.usage',
        })
      const output = await withDatabase('audits report', async ({ db }) => {
        const at = now()
        const report = await reportOf(db, Number(id), at)
        const tool = await toolVersion(db, report.toolVersion)
        await audit(db, cliActor(), { action: 'case_audit_report', details: { audit_id: report.id } }, at)
        return formatRows(reportColumns(tool), reportRows(report), formatFrom(opts.format))
      })
      process.stdout.write(output)
    })
  const tools = audits
    .command('tools')
    .description('the versions of the single-agency audit tool: version, added_at, in_use')
    .addOption(formatOption())
    .action(async (opts: { format?: string }) => {
      const rows = await withDatabase('audits tools', async ({ db }) => listTools(db))
      process.stdout.write(
        formatRows(
          ['version', 'added_at', 'in_use'],
          rows.map((r) => ({ ...r, added_at: formatLondon(r.added_at) })),
          formatFrom(opts.format),
        ),
      )
    })
  tools
    .command('add <file>')
    .description(
      'add a version of the audit tool (JSON: version, headings, questions; checked first), used by new audits',
    )
    .addOption(formatOption())
    .action(async (file: string, _opts: unknown, command: Command) => {
      const definition = readJsonFile(file)
      const tool = await withDatabase('audits tools add', async ({ db }) => addTool(db, cliActor(), definition, now()))
      process.stdout.write(
        formatRows(
          ['version', 'headings', 'questions'],
          [{ version: tool.version, headings: tool.headings.length, questions: tool.questions.length }],
          formatOf(command),
        ),
      )
    })
  registerCriteriaCommands(audits)
}

/** `audits criteria` and `audits criteria add FILE`: the criteria's versions (decision 0048). */
function registerCriteriaCommands(audits: Command): void {
  const criteria = audits
    .command('criteria')
    .description('the versions of the audit criteria: name, version, title, conditions, added_at, in_use')
    .addOption(formatOption())
    .action(async (opts: { format?: string }) => {
      const rows = await withDatabase('audits criteria', async ({ db }) => {
        const list = await listCriteria(db)
        await audit(db, cliActor(), { action: 'audit_criteria_list', details: { criteria: list.length } }, now())
        return list
      })
      process.stdout.write(
        formatRows(
          CRITERIA_COLUMNS,
          rows.map((r) => ({
            name: r.name,
            version: r.version,
            title: r.title,
            conditions: r.conditions.map(conditionWords).join('; '),
            added_at: formatLondon(r.added_at),
            in_use: r.current,
          })),
          formatFrom(opts.format),
        ),
      )
    })
  criteria
    .command('add <file>')
    .description(
      'add a version of an audit criterion (JSON: name, version, title, description, conditions; checked first), used by new audits',
    )
    .addOption(formatOption())
    .action(async (file: string, _opts: unknown, command: Command) => {
      const definition = readJsonFile(file)
      const added = await withDatabase('audits criteria add', async ({ db }) =>
        addCriterion(db, cliActor(), definition, now()),
      )
      process.stdout.write(
        formatRows(
          ['name', 'version', 'conditions'],
          [{ name: added.name, version: added.version, conditions: added.conditions.map(conditionWords).join('; ') }],
          formatOf(command),
        ),
      )
    })
}
