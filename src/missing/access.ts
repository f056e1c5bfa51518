// Who may do what with missing episodes (pure). Who may see a child's records at all is
// access/visibility.ts; these add the rules of this capability on top.
import { doesCasework, hasRole } from '../vocabulary/roles.ts'
import { eventView, type Reach, type Viewer } from '../access/visibility.ts'
import { mayEditRecord, type Editor, type RecordAuthor } from '../access/record-author.ts'

const casework = doesCasework

/** Police and care providers' staff (social care, voluntary providers) record episodes and returns. */
export const EPISODE_RECORDING_AGENCIES = ['police', 'childrens_social_care', 'voluntary']
/** Carers and social workers keep the Philomena profile. */
export const PROFILE_KEEPING_AGENCIES = ['childrens_social_care', 'voluntary']

export const mayRecordEpisode = (roles: readonly string[], agencyKind: string | null) =>
  casework(roles) && agencyKind !== null && EPISODE_RECORDING_AGENCIES.includes(agencyKind)

export const mayRecordInterview = (roles: readonly string[]) => casework(roles)
export const mayRecordStrategy = (roles: readonly string[]) => casework(roles)
export const mayAssign = (roles: readonly string[]) => hasRole(roles, 'manager') || hasRole(roles, 'mash')
export const mayUseWorkList = (roles: readonly string[]) => casework(roles)
export const maySeeFigures = (roles: readonly string[]) =>
  ['manager', 'mash', 'partnership'].some((r) => roles.includes(r))

/**
 * A missing episode report, a return interview or a strategy discussion's plan is its agency's record
 * of the child: read as any event is (access/visibility.ts eventView), in full or not at all on these
 * pages (decision 0008).
 */
export const episodeView = (viewer: Viewer, reach: Reach, report: { agency: string; restricted?: boolean }) =>
  eventView(viewer, reach, { agency: report.agency, restricted: !!report.restricted }) === 'full' ? 'full' : 'hidden'
export const interviewView = episodeView

/**
 * The profile is served to those who see the child's whole record, and to the agency that keeps it;
 * and, the moment the child is reported missing, to the police (the Philomena Protocol's purpose).
 */
export function mayViewProfile(input: {
  roles: readonly string[]
  reach: Reach
  viewerAgency: string
  viewerAgencyKind: string | null
  profileAgency: string | null
  openEpisode: boolean
}): boolean {
  if (!casework(input.roles) || input.reach.level === 'none') return false
  if (input.reach.level === 'full') return true
  if (input.profileAgency !== null && input.profileAgency === input.viewerAgency) return true
  return input.openEpisode && input.viewerAgencyKind === 'police'
}

/** Carers and social workers who see the whole record, or whose agency keeps the profile or holds a record of the child. */
export function mayEditProfile(input: {
  roles: readonly string[]
  reach: Reach
  viewerAgency: string
  viewerAgencyKind: string | null
  profileAgency: string | null
  agencyHoldsRecord: boolean
}): boolean {
  if (
    !casework(input.roles) ||
    input.viewerAgencyKind === null ||
    !PROFILE_KEEPING_AGENCIES.includes(input.viewerAgencyKind)
  )
    return false
  if (input.reach.level === 'full') return true
  if (input.profileAgency !== null) return input.profileAgency === input.viewerAgency
  return input.agencyHoldsRecord
}

/** JPEG or PNG by its first bytes (the browser's stated type is not trusted). */
export function imageType(data: Buffer): 'image/jpeg' | 'image/png' | null {
  if (data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg'
  if (data.length > 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png'
  return null
}

/**
 * An episode report made on a page is changed by its author or their manager (the one rule for what a
 * practitioner wrote, access/record-author.ts); one an agency sent (no author) by that agency, whose
 * page update is its next version (`source` is `agency:source_id`; decision 0033).
 */
export const mayUpdateEpisodeReport = (user: Editor, source: string, author: RecordAuthor | undefined) =>
  author ? mayEditRecord(user, author) : source.startsWith(`${user.agency}:`)

interface HeldInterview {
  row: { status: string; episode: { agencies: readonly string[] } }
  assigned: { user_id: number } | null
  responsible: { agency: string }
}

const open = (status: string) => status === 'due' || status === 'overdue'

/**
 * Those responsible for a return interview (the worker it is assigned to, or the agency responsible:
 * responsibility.ts) hold it: they may record it even without seeing other agencies' records of the episode.
 */
export const holdsInterview = (user: { id: number; agency: string }, work: HeldInterview) =>
  work.assigned?.user_id === user.id || work.responsible.agency === user.agency

/** On the work list: an open interview is recorded by those who hold it. */
export const mayRecordListedInterview = (
  user: { id: number; roles: readonly string[]; agency: string },
  work: HeldInterview,
) => open(work.row.status) && mayRecordInterview(user.roles) && holdsInterview(user, work)

/** A manager assigns the open interviews their agency is responsible for or whose episode it reported; the MASH any. */
export const mayAssignInterview = (user: { roles: readonly string[]; agency: string }, work: HeldInterview) =>
  mayAssign(user.roles) &&
  open(work.row.status) &&
  (hasRole(user.roles, 'mash') ||
    work.responsible.agency === user.agency ||
    work.row.episode.agencies.includes(user.agency))
