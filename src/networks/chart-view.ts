// What the link-analysis pages share in showing a chart and the children on it: the chart's filters read
// from the query string, the data the browser draws, the children a page may name (the others are "a
// child you may not see"), and which children a page, table or chart names for the audit trail.
import type { Reach } from '../access/visibility.ts'
import { list, type Form } from '../web/forms.ts'
import { jsonBlock } from '../web/json-block.ts'
import type { ChartFilters, linkChart } from './chart.ts'
import type { LinkRow } from './link-rows.ts'
import { MEMBER_KINDS, type MemberKind, type Network } from './types.ts'
import { seesChild } from './viewer-reach.ts'
import { chartLegend, KIND_WORDS, reliabilityInWords, roleInWords, strengthOf } from './words.ts'

export const RELIABILITIES = ['confirmed', 'tentative', 'unconfirmed', 'not_recorded']

/** The kinds of linked thing the filter offers, each with its words. */
export const KIND_CHOICES = MEMBER_KINDS.map((k) => ({ value: k, words: KIND_WORDS[k] }))

export interface ChartQuery {
  steps?: string
  kinds?: string | string[]
  reliability?: string | string[]
  from?: string
  to?: string
  path_from?: string
  path_to?: string
}

type Chart = ReturnType<typeof linkChart>

const isoDay = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined)

/** The chart's filters: 1 to 3 steps out, the kinds of object and the reliabilities asked for, the days, a path. */
export function filtersOf(q: ChartQuery): { filters: ChartFilters; steps: number; path?: [string, string] } {
  const form = q as Form
  const steps = Math.max(1, Math.min(3, Number(q.steps ?? '1') || 1))
  const kinds = list(form, 'kinds').filter((k): k is MemberKind => (MEMBER_KINDS as readonly string[]).includes(k))
  const reliability = list(form, 'reliability').filter((r) => RELIABILITIES.includes(r))
  const path = q.path_from && q.path_to ? ([q.path_from, q.path_to] as [string, string]) : undefined
  return { filters: { kinds, reliability, from: isoDay(q.from), to: isoDay(q.to) }, steps, path }
}

/** Every node of a network: its children and its members. */
export const networkNodes = (n: Pick<Network, 'children' | 'members'>) => [
  ...n.children.map((c) => `person:${c}`),
  ...n.members.map((m) => `${m.kind}:${m.key}`),
]

/** The adults a network holds only for a while (suggest.ts `provisionalDays`), named, with when they leave it. */
export const provisionalView = (network: Network, label: (node: string) => string) =>
  (network.provisional ?? []).map((p) => ({
    label: label(`${p.member.kind}:${p.member.key}`),
    until: new Date(p.until),
  }))

/** Children by name, when the viewer sees them in full (or sees every network); else not named. */
export const childList = (
  children: readonly string[],
  all: boolean,
  reaches: ReadonlyMap<number, Reach>,
  label: (node: string) => string,
) =>
  children.map((c) =>
    all || seesChild(reaches.get(Number(c)))
      ? { id: c, name: label(`person:${c}`) }
      : { id: null, name: 'a child you may not see' },
  )

/** The ids of the children a list names (those shown as "a child you may not see" are not named). */
export function namedChildren(lists: readonly (readonly { id: string | null }[])[]): number[] {
  return [...new Set(lists.flatMap((l) => l.filter((c) => c.id !== null).map((c) => Number(c.id))))]
}

/** The people a link table names: the subject of every row. */
export function childrenOfRows(rows: readonly LinkRow[]): number[] {
  return [...new Set(rows.map((r) => Number(r.personId)))]
}

/** The people a chart draws besides its subject (children and adults: "who viewed" is per person). */
export function childrenOfChart(chart: Chart, subject: number): number[] {
  return [
    ...new Set(
      chart.nodes.filter((n) => n.kind === 'person' && n.id !== `person:${subject}`).map((n) => Number(n.id.slice(7))),
    ),
  ]
}

/**
 * The chart as a page shows it: the table's links and reliabilities in words (the CSV export keeps the
 * codes), and the legend the drawing follows.
 */
export function chartOnPage(chart: Chart) {
  return {
    ...chart,
    rows: chart.rows.map((r) => ({
      ...r,
      link: r.restricted ? 'restricted' : roleInWords(r.link),
      reliability: r.restricted ? null : reliabilityInWords(r.reliability),
    })),
    legend: chartLegend(),
  }
}

/** What the browser draws: compact, in a JSON block (never inline script); roles in words. */
export function chartJson(chart: Chart, subject: { kind: 'person' | 'network'; id: string }): string {
  return jsonBlock({
    subject,
    nodes: chart.nodes.map((n) => ({ id: n.id, label: n.label, kind: n.kind, child: n.child, step: n.step })),
    edges: chart.edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      kinds: e.kinds,
      roles: e.roles.map(roleInWords),
      strength: e.restricted ? 'restricted' : strengthOf(e.roles),
      agencies: e.agencies,
      reliability: e.reliability,
      first: e.first.slice(0, 10),
      last: e.last.slice(0, 10),
      count: e.count,
      restricted: e.restricted,
    })),
    path: chart.path,
  })
}
