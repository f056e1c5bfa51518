// Who may see what of link analysis. Suggestions and shared-association alerts go to the MASH and the
// police only (association is not fact); everyone else who works with children sees confirmed networks,
// and within them only the children they may see (src/access/visibility.ts).
import { doesCasework, hasRole } from '../vocabulary/roles.ts'
import { eventView, personRecordVisible, type Reach, type Viewer } from '../access/visibility.ts'
import type { Db } from '../db/database.ts'
import { forbidden } from '../errors/domain-error.ts'
import { childFor, type ChildInReach } from '../people/child-in-reach.ts'
import { agencyKindOf } from './agencies-store.ts'

export interface Asker {
  roles: readonly string[]
  /** The kind of the asker's agency (police, childrens_social_care...). */
  agencyKind: string | null
}

/** The MASH, and police officers and their managers. */
export const isMashOrPolice = (a: Asker) =>
  hasRole(a.roles, 'mash') || (a.agencyKind === 'police' && doesCasework(a.roles))

export const maySeeSuggestions = isMashOrPolice
export const mayDecide = isMashOrPolice
export const maySeeSharedAlerts = isMashOrPolice

/** Confirmed networks and link charts: anyone who works with children's records. */
export const maySeeNetworks = (a: Asker) => doesCasework(a.roles)
export const mayUseLinkCharts = (a: Asker) => doesCasework(a.roles)

/** Places of concern: the MASH, the police and managers (who lead contextual safeguarding). */
export const maySeePlaces = (a: Asker) => isMashOrPolice(a) || hasRole(a.roles, 'manager')
export const mayPlan = maySeePlaces

/**
 * A network: all of them (suggested, confirmed, dismissed) for the MASH and the police; a confirmed one
 * to anyone else who works with children and sees one of its children's whole record.
 */
export function networkVisible(
  a: Asker,
  network: { status: string; children: readonly string[] },
  seesChildFully: (childId: string) => boolean,
): boolean {
  if (!maySeeNetworks(a)) return false
  if (isMashOrPolice(a)) return true
  return network.status === 'confirmed' && network.children.some(seesChildFully)
}

/** A place of concern: the places list's roles (the MASH, the police, managers). */
export const placeVisible = (a: Asker) => maySeePlaces(a)

/** A link is readable when its event is (access/visibility.ts eventView): the event is its subject's record. */
export const linkVisible = (viewer: Viewer, reach: Reach, link: { agency: string; restricted?: boolean }) =>
  eventView(viewer, reach, { agency: link.agency, restricted: !!link.restricted }) === 'full'

/**
 * Where a node's label may come from: a person's name only from a person record the viewer may read
 * (their own agency's, any at full reach, or the record of an agency whose link to them the viewer
 * reads); an object's wording only from a link the viewer reads. Never from another child's record
 * the viewer cannot read.
 */
export function personNameReadable(
  viewer: Viewer,
  reach: Reach | undefined,
  record: { agency: string },
  agenciesOfReadableLinks: ReadonlySet<string>,
) {
  if (reach && personRecordVisible(viewer, reach, record)) return true
  return agenciesOfReadableLinks.has(record.agency)
}

/** The asker's roles and the kind of their agency, for the rules above. */
export async function askerOf(db: Db, user: { roles: readonly string[]; agency: string }): Promise<Asker> {
  return { roles: user.roles, agencyKind: await agencyKindOf(db, user.agency) }
}

const NOT_CASEWORK = "Your role does not give you access to children's records."

/** Networks (confirmed ones, and all of them for the MASH and the police): refused to anyone else. */
export function mustSeeNetworks(a: Asker): void {
  if (!maySeeNetworks(a)) throw forbidden(NOT_CASEWORK)
}

export function mustDecide(a: Asker): void {
  if (!mayDecide(a)) throw forbidden('Only the MASH and the police confirm or dismiss a suggested network.')
}

export function mustSeeSharedAlerts(a: Asker): void {
  if (!maySeeSharedAlerts(a)) throw forbidden('Shared-association alerts are for the MASH and the police.')
}

export function mustSeePlaces(a: Asker): void {
  if (!placeVisible(a)) throw forbidden('Places of concern are for the MASH, the police and managers.')
}

export function mustPlan(a: Asker): void {
  if (!mayPlan(a)) throw forbidden('Only the MASH, the police and managers make plans about places and groups.')
}

/** Link charts and their exports. */
export function mustUseLinkCharts(a: Asker): void {
  if (!mayUseLinkCharts(a)) throw forbidden(NOT_CASEWORK)
}

/** Saying a chart was exported as an image: the link chart's roles (refused without saying more). */
export function mustExportCharts(a: Asker): void {
  if (!mayUseLinkCharts(a)) throw forbidden()
}

/**
 * The person a link chart is about (after merges) and the viewer's reach into their record: the link
 * chart's roles first, then the one child-access check (no such person: 404; out of reach: 403).
 */
export async function chartSubjectFor(
  db: Db,
  a: Asker,
  viewer: Viewer,
  requestedId: number,
  at: Date,
): Promise<ChildInReach> {
  mustUseLinkCharts(a)
  return childFor(db, viewer, requestedId, at)
}
