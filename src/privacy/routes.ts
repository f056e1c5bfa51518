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

export const privacyNavigation: NavigationItem[] = [
  { href: '/admin/retention', text: 'Retention', roles: ['admin'], order: 91, section: 'administration' },
]

const routes: FastifyPluginAsync<AppDeps> = async (app, { database, config }) => {
  const db = database.db
  // a wrong setting stops the server starting, with what is wrong, rather than failing a page later
  const rules = retentionRules(config.retention)
  app.get('/admin/retention', { preHandler: withRole('admin') }, async (request, reply) => {
    const at = now()
    const report = await retentionReport(db, rules, at)
    await audit(db, actorOf(request), auditRetentionReport(report), at)
    reply.header('cache-control', 'no-store')
    return reply.render('retention.njk', {
      report,
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
