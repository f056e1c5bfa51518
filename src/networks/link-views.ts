// What the link pages show, worked out for the one asking and audited: the shared-association alerts
// (for the MASH and the police), a person's link chart (a child or an adult) with its table, and the
// exports of a chart (its table as CSV, its picture made in the browser).
import type { Db } from '../db/database.ts'
import { audit } from '../audit/audit.ts'
import { chartSubjectFor, mustSeeSharedAlerts } from './access.ts'
import { sharedAt } from './analysis.ts'
import type { Asking } from './asking.ts'
import { linkChart } from './chart.ts'
import { childrenOfChart, filtersOf, namedChildren, type ChartQuery } from './chart-view.ts'
import { loadAreaLinks } from './facts.ts'
import { readableLabeller } from './labels.ts'
import type { LinkFact } from './types.ts'
import { linkVisibility, reachesOf } from './viewer-reach.ts'

/** The links of each shared object, by node (`kind:key`). */
function factsByMember(facts: readonly LinkFact[]): Map<string, LinkFact[]> {
  const byMember = new Map<string, LinkFact[]>()
  for (const f of facts) {
    const k = `${f.memberKind}:${f.memberKey}`
    const l = byMember.get(k)
    if (l) l.push(f)
    else byMember.set(k, [f])
  }
  return byMember
}

/** When each agency first recorded these links (earliest first). */
function firstRecordedByAgency(links: readonly LinkFact[]) {
  const byAgency = new Map<string, number>()
  for (const f of links) {
    const t = new Date(f.recordedAt).getTime()
    byAgency.set(f.agency, Math.min(byAgency.get(f.agency) ?? Infinity, t))
  }
  return [...byAgency].sort((a, b) => a[1] - b[1]).map(([agency, t]) => ({ agency, at: new Date(t) }))
}

/** The shared-association alerts: each object several children are linked to, and who recorded each link first. */
export async function sharedLinksPage(db: Db, { asker, actor, viewer }: Asking, at: Date) {
  mustSeeSharedAlerts(asker)
  const { shared, area } = await sharedAt(db, { at })
  const byMember = factsByMember(area.facts)
  const nodes = [
    ...shared.map((s) => `${s.kind}:${s.key}`),
    ...shared.flatMap((s) => s.child_ids.map((c) => `person:${c}`)),
  ]
  const label = await readableLabeller(db, area, nodes, at, viewer, new Map())
  const rows = shared.map((s) => {
    const facts = byMember.get(`${s.kind}:${s.key}`) ?? []
    return {
      ...s,
      label: label(`${s.kind}:${s.key}`),
      children: s.child_ids.map((c) => ({
        id: c,
        name: label(`person:${c}`),
        recorded: firstRecordedByAgency(facts.filter((f) => f.personEntityId === c)),
      })),
    }
  })
  const details = { shown: rows.length, children: namedChildren(rows.map((r) => r.children)) }
  await audit(db, actor, { action: 'view_shared_links', details }, at)
  return rows
}

/** A person's link chart as the query asks, with labels only from what the viewer may read. */
export async function personChart(db: Db, { asker, viewer }: Asking, requestedId: number, q: ChartQuery, at: Date) {
  const { id } = await chartSubjectFor(db, asker, viewer, requestedId, at)
  const area = await loadAreaLinks(db, at)
  const { filters, steps, path } = filtersOf(q)
  // the links a chart of `steps` can reach (a path between two people may go anywhere: all of them)
  const facts = path || !area.around ? area.facts : area.around(`person:${id}`, steps)
  const reaches = await reachesOf(db, viewer, [...new Set([id, ...facts.map((f) => Number(f.personEntityId))])], at)
  const chartWith = (label: (node: string) => string) =>
    linkChart({
      facts,
      population: area.population,
      starts: [`person:${id}`],
      steps,
      filters,
      canSee: linkVisibility(viewer, reaches),
      label,
      pathBetween: path,
    })
  // labels for every node the chart may show, read once
  const draft = chartWith((n) => n)
  const label = await readableLabeller(
    db,
    area,
    draft.nodes.map((n) => n.id),
    at,
    viewer,
    reaches,
  )
  const chart = chartWith(label)
  return { id, chart, steps, name: label(`person:${id}`) }
}

type PersonChart = Awaited<ReturnType<typeof personChart>>

/** A person's chart seen. */
export async function auditChartViewed(db: Db, { actor }: Asking, { id, chart, steps }: PersonChart, at: Date) {
  const details = { steps, nodes: chart.nodes.length, links: chart.rows.length, children: childrenOfChart(chart, id) }
  await audit(db, actor, { action: 'view_link_chart', entityId: id, details }, at)
}

/** A person's chart downloaded as a table. */
export async function auditChartExported(
  db: Db,
  { actor }: Asking,
  { id, chart }: PersonChart,
  q: ChartQuery,
  at: Date,
) {
  const details = { rows: chart.rows.length, query: q, children: childrenOfChart(chart, id) }
  await audit(db, actor, { action: 'export_links_csv', entityId: id, details }, at)
}

/** A chart saved as a picture in the browser: whose chart, and how many nodes it drew. */
export async function auditChartPicture(
  db: Db,
  { actor }: Asking,
  picture: { kind: 'person' | 'network'; subject: string; nodes: number | null },
  at: Date,
) {
  const { kind, subject, nodes } = picture
  await audit(
    db,
    actor,
    {
      action: 'export_link_chart_png',
      entityId: kind === 'person' && /^\d+$/.test(subject) ? Number(subject) : null,
      details: { subject_kind: kind, subject, nodes },
    },
    at,
  )
}
