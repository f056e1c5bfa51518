// What the networks pages show, worked out for the one asking and audited: the list of networks the
// viewer may see (suggested, confirmed and dismissed for the MASH and the police), one network with its
// chart, timeline, agencies and plan, and its links as rows to export.
import { splitRecordKey } from '../records/keys.ts'
import type { Db } from '../db/database.ts'
import type { Reach, Viewer } from '../access/visibility.ts'
import { audit } from '../audit/audit.ts'
import { notFound } from '../errors/domain-error.ts'
import { bandsOf, networksAt, rankNetworks } from './analysis.ts'
import {
  isMashOrPolice,
  mayDecide,
  mayPlan,
  maySeePlaces,
  mustSeeNetworks,
  networkVisible,
  type Asker,
} from './access.ts'
import { agencyContacts } from './agencies-store.ts'
import type { Asking } from './asking.ts'
import { linkChart } from './chart.ts'
import {
  childList,
  childrenOfRows,
  filtersOf,
  namedChildren,
  networkNodes,
  provisionalView,
  type ChartQuery,
} from './chart-view.ts'
import { latestDecisionId } from './decisions-store.ts'
import type { AreaLinks } from './facts.ts'
import { readableLabeller } from './labels.ts'
import { networkName } from './network-name.ts'
import { planFor } from './plans-store.ts'
import type { Network } from './types.ts'
import { linkVisibility, reachesOf, seesChild } from './viewer-reach.ts'

const childIdsOf = (networks: readonly Network[]) => [...new Set(networks.flatMap((n) => n.children.map(Number)))]

/** Networks this viewer may see, as of now: all of them for the MASH and the police, else confirmed ones with a child they see. */
async function visibleNetworks(db: Db, viewer: Viewer, asker: Asker, at: Date) {
  const { networks, area } = await networksAt(db, { at })
  const reaches = await reachesOf(db, viewer, childIdsOf(networks), at)
  const all = isMashOrPolice(asker)
  const shown = networks.filter((n) => networkVisible(asker, n, (c) => seesChild(reaches.get(Number(c)))))
  return { networks: shown, area, reaches, all }
}

/** The networks page: ranked, each child named only when the viewer sees them; audited. */
export async function networksList(db: Db, { asker, viewer, actor }: Asking, at: Date) {
  mustSeeNetworks(asker)
  const { networks, area, reaches, all } = await visibleNetworks(db, viewer, asker, at)
  const ranked = rankNetworks(networks, await bandsOf(db, childIdsOf(networks), at))
  const label = await readableLabeller(db, area, ranked.flatMap(networkNodes), at, viewer, reaches)
  const view = ranked.map((n) => ({
    ...n,
    name: networkName(n, label.readWording),
    childList: childList(n.children, all, reaches, label),
    memberList: n.members.map((m) => ({ ...m, label: label(`${m.kind}:${m.key}`) })),
    provisionalList: provisionalView(n, label),
  }))
  const details = {
    shown: view.map((n) => n.id),
    suggestions: all,
    children: namedChildren(view.map((n) => n.childList)),
  }
  await audit(db, actor, { action: 'view_networks', details }, at)
  return {
    suggestions: view.filter((n) => n.status === 'suggested'),
    confirmed: view.filter((n) => n.status === 'confirmed'),
    dismissed: view.filter((n) => n.status === 'dismissed'),
    all,
    canDecide: mayDecide(asker),
    canSeePlaces: maySeePlaces(asker),
  }
}

export type FoundNetwork = Awaited<ReturnType<typeof visibleNetworks>> & { network: Network }

/** One network the viewer may see (404 when there is none, or it is not shared with them). */
export async function networkFor(db: Db, { asker, viewer }: Asking, id: string, at: Date): Promise<FoundNetwork> {
  mustSeeNetworks(asker)
  const found = await visibleNetworks(db, viewer, asker, at)
  const network = found.networks.find((n) => n.id === id)
  if (!network) throw notFound('There is no such network, or it is not shared with you.')
  return { ...found, network }
}

/** The network's own links (between its nodes), filtered as the query asks. */
function networkChart(
  network: Network,
  area: AreaLinks,
  viewer: Viewer,
  reaches: Map<number, Reach>,
  label: (n: string) => string,
  q: ChartQuery,
) {
  const nodes = new Set(networkNodes(network))
  const { filters, path } = filtersOf(q)
  const facts = area.facts.filter(
    (f) => nodes.has(`person:${f.personEntityId}`) && nodes.has(`${f.memberKind}:${f.memberKey}`),
  )
  return linkChart({
    facts,
    population: area.population,
    starts: [...nodes],
    steps: 0,
    filters,
    canSee: linkVisibility(viewer, reaches),
    label,
    pathBetween: path,
    within: nodes,
  })
}

/** The reaches already known, and the viewer's reach into each of these people besides. */
async function withReachesOf(db: Db, viewer: Viewer, known: Map<number, Reach>, people: number[], at: Date) {
  const more = await reachesOf(
    db,
    viewer,
    people.filter((s) => !known.has(s)),
    at,
  )
  return new Map([...known, ...more])
}

/** The network's events in time order; those the viewer may not read shown as restricted. */
function networkTimeline(network: Network, area: AreaLinks, canSee: ReturnType<typeof linkVisibility>) {
  return network.eventRefs
    .map((ref) => {
      const e = area.events.get(ref)
      const fact = area.facts.find((f) => f.eventRef === ref)
      const visible = fact ? canSee(fact) : false
      return {
        ref,
        agency: e?.agency ?? splitRecordKey(ref).agency,
        occurredAt: e?.occurredAt,
        kind: visible ? e?.kind : 'restricted',
        restricted: !visible,
      }
    })
    .sort((a, b) => (a.occurredAt?.getTime() ?? 0) - (b.occurredAt?.getTime() ?? 0))
}

/** A network's page: its chart, timeline, agencies, plan and people, named as the viewer may; audited. */
export async function networkPage(
  db: Db,
  { asker, viewer, actor }: Asking,
  found: FoundNetwork,
  q: ChartQuery,
  at: Date,
) {
  const { network, area, reaches, all } = found
  const subjects = [
    ...new Set(area.facts.filter((f) => network.eventRefs.includes(f.eventRef)).map((f) => Number(f.personEntityId))),
  ]
  const allReaches = await withReachesOf(db, viewer, reaches, subjects, at)
  const label = await readableLabeller(db, area, networkNodes(network), at, viewer, allReaches)
  const chart = networkChart(network, area, viewer, allReaches, label, q)
  const timeline = networkTimeline(network, area, linkVisibility(viewer, allReaches))
  const agencies = await agencyContacts(db, network.agencies)
  const plan = await planFor(db, { kind: 'network', key: network.id }, at)
  const children = childList(network.children, all, allReaches, label)
  const details = { network: network.id, status: network.status, children: namedChildren([children]) }
  await audit(db, actor, { action: 'view_network', details }, at)
  return {
    network,
    name: networkName(network, label.readWording),
    chart,
    timeline,
    agencies,
    plan,
    canDecide: mayDecide(asker),
    decisionFrom: mayDecide(asker) ? await latestDecisionId(db, network.id) : null,
    canPlan: mayPlan(asker),
    children,
    adults: network.members
      .filter((m) => m.kind === 'person')
      .map((m) => ({ id: m.key, name: label(`person:${m.key}`) })),
    objects: network.members
      .filter((m) => m.kind !== 'person')
      // an object the viewer reads nothing about is named by its kind alone, and its place page not offered
      .map((m) => ({ ...m, label: label(`${m.kind}:${m.key}`), readable: !!label.readWording(`${m.kind}:${m.key}`) })),
    provisionalList: provisionalView(network, label),
  }
}

/** A network's links as table rows to download; audited as an export. */
export async function networkLinksExport(
  db: Db,
  { viewer, actor }: Asking,
  found: FoundNetwork,
  q: ChartQuery,
  at: Date,
) {
  const { network, area, reaches } = found
  const subjects = [...new Set(area.facts.map((f) => Number(f.personEntityId)))]
  const allReaches = await withReachesOf(db, viewer, reaches, subjects, at)
  const label = await readableLabeller(db, area, networkNodes(network), at, viewer, allReaches)
  const chart = networkChart(network, area, viewer, allReaches, label, q)
  const details = { network: network.id, rows: chart.rows.length, children: childrenOfRows(chart.rows) }
  await audit(db, actor, { action: 'export_links_csv', details }, at)
  return chart.rows
}
