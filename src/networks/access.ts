// Who may see what of link analysis. Suggestions and shared-association alerts go to the MASH and the
// police only (association is not fact); everyone else who works with children sees confirmed networks,
// and within them only the children they may see (src/access/visibility.ts).
import { doesCasework } from '../access/roles.ts'

export interface Asker {
  roles: readonly string[]
  /** The kind of the asker's agency (police, childrens_social_care...). */
  agencyKind: string | null
}

/** The MASH, and police officers and their managers. */
export const isMashOrPolice = (a: Asker) =>
  a.roles.includes('mash') || (a.agencyKind === 'police' && doesCasework(a.roles))

export const maySeeSuggestions = isMashOrPolice
export const mayDecide = isMashOrPolice
export const maySeeSharedAlerts = isMashOrPolice

/** Confirmed networks and link charts: anyone who works with children's records. */
export const maySeeNetworks = (a: Asker) => doesCasework(a.roles)
export const mayUseLinkCharts = (a: Asker) => doesCasework(a.roles)

/** Places of concern: the MASH, the police and managers (who lead contextual safeguarding). */
export const maySeePlaces = (a: Asker) => isMashOrPolice(a) || a.roles.includes('manager')
export const mayPlan = maySeePlaces
