// The retention report as a page, for administrators (who act as the data protection officer's
// hands here; decision 0012): agency records past their retention period, to review with the agency
// that holds them. Nothing is deleted. Audited with the children it lists.
import type { FastifyPluginAsync } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import { actorOf, withRole } from '../web/guards.ts'
import type { NavigationItem } from '../web/navigation.ts'
import { now } from '../config/clock.ts'
import { audit } from '../audit/audit.ts'
import { DEFAULT_RETENTION, describeRule, retentionReport, retentionRules } from './retention.ts'
import { auditRetentionReport } from './audit-entries.ts'
import type { PastRetention } from './retention.ts'
import { byText, byValue, listView, type Query, type SortColumns } from '../web/list-view.ts'

/** The report's sortable columns; unsorted, longest past retention first (retention.ts). */
const COLUMNS: SortColumns<PastRetention> = {
  person: { compare: byValue((r) => r.person_id) },
  agency: { compare: byText((r) => r.agency) },
  record: { compare: byText((r) => r.source_id) },
  kind: { compare: byText((r) => r.record_kind) },
  born: { compare: byText((r) => r.date_of_birth) },
  last: { compare: byValue((r) => r.last_recorded_at), natural: 'descending' },
  events: { compare: byValue((r) => r.events), natural: 'descending' },
  ended: { compare: byText((r) => r.due) },
}

/** The page of the report a query asks for, 50 a page (an administration list, decision 0032). */
export function retentionList(rows: readonly PastRetention[], q: Query) {
  return listView(rows, q, { path: '/admin/retention', columns: COLUMNS, pageSize: 50 })
}

export const privacyNavigation: NavigationItem[] = [
  { href: '/admin/retention', text: 'Retention', roles: ['admin'], order: 91, section: 'administration' },
]

const routes: FastifyPluginAsync<AppDeps> = async (app, { database, config }) => {
  const db = database.db
  // a wrong setting stops the server starting, with what is wrong, rather than failing a page later
  const rules = retentionRules(config.retention)
  app.get<{ Querystring: Query }>('/admin/retention', { preHandler: withRole('admin') }, async (request, reply) => {
    const at = now()
    const report = await retentionReport(db, rules, at)
    await audit(db, actorOf(request), auditRetentionReport(report), at)
    reply.header('cache-control', 'no-store')
    return reply.render('retention.njk', {
      report,
      list: retentionList(report.rows, request.query),
      rules: Object.entries(rules).map(([kind, rule]) => ({
        kind,
        rule: describeRule(rule),
        source: rule.source,
        changed: rule !== DEFAULT_RETENTION[kind],
      })),
    })
  })
}

export default routes
