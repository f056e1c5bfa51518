// The label of each node of a link chart, network or place, for one viewer, from records they may read
// (access.ts personNameReadable): a person's name from a person record they may read, an object's
// wording from a link they read. A node they may not read about is labelled in words by its kind alone
// (words.ts restrictedLabel: 'a vehicle on records you may not read'), never by its key (a number plate, a
// phone number, a postcode) or id; a page about that very place (a place of concern) names it by its key
// (`keyed`). Kinds are in words (words.ts): 'place', 'online id'.
import type { Db } from '../db/database.ts'
import type { Reach, Viewer } from '../access/visibility.ts'
import { knownAt } from '../db/as-of.ts'
import { personNameReadable } from './access.ts'
import type { AreaLinks } from './facts.ts'
import { linkVisibility, reachesOf } from './viewer-reach.ts'
import { kindInWords, restrictedLabel } from './words.ts'

/** A node's label; and, for an object, how the viewer read it written, when they read a link naming it. */
export interface Labeller {
  (node: string): string
  /** The object's wording from a link the viewer may read ('Bus station'), or null. */
  readWording(node: string): string | null
  /** An object by its kind and wording, else its key ('place OL16 1AA'): for the page of that object itself. */
  keyed(node: string): string
}

export async function readableLabeller(
  db: Db,
  area: AreaLinks,
  nodes: Iterable<string>,
  at: Date,
  viewer: Viewer,
  reaches: Map<number, Reach>,
): Promise<Labeller> {
  const wanted = new Set(nodes)
  const people = new Set<number>()
  for (const n of wanted) if (n.startsWith('person:')) people.add(Number(n.slice(7)))
  const touching = area.facts.filter(
    (f) => wanted.has(`person:${f.personEntityId}`) || wanted.has(`${f.memberKind}:${f.memberKey}`),
  )
  const missing = [...new Set([...people, ...touching.map((f) => Number(f.personEntityId))])].filter(
    (id) => !reaches.has(id),
  )
  const allReaches = new Map([...reaches, ...(await reachesOf(db, viewer, missing, at))])
  const canSee = linkVisibility(viewer, allReaches)
  const linkAgencies = new Map<string, Set<string>>()
  const displays = new Map<string, string>()
  const note = (id: string, agency: string) => {
    const set = linkAgencies.get(id)
    if (set) set.add(agency)
    else linkAgencies.set(id, new Set([agency]))
  }
  for (const f of touching) {
    if (!canSee(f)) continue
    note(f.personEntityId, f.agency)
    if (f.memberKind === 'person') note(f.memberKey, f.agency)
    // as facts.ts read them: the last readable wording wins, as it did for the command line
    else if (f.display) displays.set(`${f.memberKind}:${f.memberKey}`, f.display)
  }
  const names = new Map<number, string>()
  if (people.size) {
    const rows = await db
      .selectFrom('entity_links as l')
      .innerJoin('person_versions as p', (j) =>
        j.onRef('p.agency_code', '=', 'l.agency_code').onRef('p.source_id', '=', 'l.source_id'),
      )
      .select(['l.entity_id', 'p.agency_code', 'p.given_name', 'p.family_name'])
      .where('l.entity_id', 'in', [...people])
      .where(knownAt('p', at))
      .orderBy('p.recorded_at')
      .execute()
    for (const r of rows) {
      if (names.has(r.entity_id)) continue
      const readable = personNameReadable(
        viewer,
        allReaches.get(r.entity_id),
        { agency: r.agency_code },
        linkAgencies.get(String(r.entity_id)) ?? new Set(),
      )
      const name = [r.given_name, r.family_name].filter(Boolean).join(' ')
      if (readable && name) names.set(r.entity_id, name)
    }
  }
  const label = (node: string) => {
    const [kind, ...rest] = node.split(':')
    if (kind === 'person') {
      const name = names.get(Number(rest[0]))
      return name ? `${name} (${rest[0]})` : restrictedLabel('person')
    }
    const wording = displays.get(node)
    return wording ? `${kindInWords(kind)} ${wording}` : restrictedLabel(kind)
  }
  const keyed = (node: string) => {
    const [kind, ...rest] = node.split(':')
    return `${kindInWords(kind)} ${displays.get(node) ?? rest.join(':')}`
  }
  return Object.assign(label, { readWording: (node: string) => displays.get(node) ?? null, keyed })
}
